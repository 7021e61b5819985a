#!/usr/bin/env bash
# Benchmark 'diplograph path A B --k 3' on all of Reuters-21578 against
# networkx on the exported GraphML. Usage (from anywhere):
#   cmd/diplograph/testdata/bench_path.sh [RUNS]
# Builds the binary, ingests ../shared/corpus/reuters21578 once into
# $BENCH_DIR (default /tmp/diplograph-bench; reused while COMPLETE is there),
# exports GraphML with 'diplograph export' (or, when that command is
# missing, writes the same graph from 'events --json'), then runs
# bench_path.py with Debian's python3 and networkx
# (apt-get install -y python3-networkx).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
corpus=$root/../shared/corpus/reuters21578
work=${BENCH_DIR:-/tmp/diplograph-bench}
runs=${1:-5}
py=/usr/bin/python3
if [ ! -d "$corpus" ]; then echo "no corpus at $corpus: skipped" >&2; exit 0; fi
if ! $py -c 'import networkx' 2>/dev/null; then echo "no networkx for $py: apt-get install -y python3-networkx" >&2; exit 1; fi
mkdir -p "$work"
(cd "$root" && go build -o "$work/diplograph" ./cmd/diplograph)
bin=$work/diplograph
store=$work/reuters.db
if [ ! -f "$store/COMPLETE" ]; then
  rm -rf "$store"
  "$bin" --store "$store" ingest --progress never "$corpus"
  touch "$store/COMPLETE"
fi
graphml=$work/reuters.graphml
if "$bin" export --help >/dev/null 2>&1; then
  "$bin" --store "$store" export --format graphml -o "$graphml"
else
  echo "no export command: writing the GraphML from events --json" >&2
  "$bin" --store "$store" --json events | $py -c '
import json, sys, networkx as nx
g = nx.MultiDiGraph()
pairs = {}
for line in sys.stdin:
    e = json.loads(line)
    k = (e["source_id"], e["relation"], e["target_id"])
    pairs[k] = pairs.get(k, 0) + len(e["evidence"])
for (s, r, t), ev in pairs.items():
    for n in (s, t):
        g.add_node(n, actor_id=n)
    g.add_edge(s, t, relation=r, evidence=ev)
nx.write_graphml(g, sys.argv[1])
' "$graphml"
fi
$py "$here/bench_path.py" "$bin" "$store" "$graphml" "$runs"
