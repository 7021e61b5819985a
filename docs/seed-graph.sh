#!/usr/bin/env bash
# Renders docs/seed-graph.png, the picture in the README: builds diplograph,
# ingests the seed article (testdata/articles/xi-mishustin-2023-05-24.txt)
# into a temporary store, exports the graph as DOT and lays it out with
# Graphviz (Debian package graphviz). Run it from anywhere after the
# extractor changes:
#
#   bash docs/seed-graph.sh
#
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dot >/dev/null 2>&1 || { echo "seed-graph.sh: Graphviz 'dot' is needed (apt-get install graphviz)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/diplograph" ./cmd/diplograph
"$tmp/diplograph" --store "$tmp/db" ingest testdata/articles/xi-mishustin-2023-05-24.txt
"$tmp/diplograph" --store "$tmp/db" export --format dot -o "$tmp/seed.dot"
dot -Tpng -Gdpi=110 "$tmp/seed.dot" -o docs/seed-graph.png
echo "wrote docs/seed-graph.png" >&2
