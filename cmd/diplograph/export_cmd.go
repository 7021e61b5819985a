package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/graph"
)

func init() { register(newExportCmd) }

// maxExportDepth bounds --depth: a few hops from a hub is most of any real
// graph already; the whole graph is the export without --center.
const maxExportDepth = 10

// exportOptions are the export command's flags.
type exportOptions struct {
	Format      string
	Centers     []string
	Depth       int
	depthSet    bool
	MinEvidence int
	Mixed       bool
	Output      string
	filterFlags
}

func newExportCmd(a *App) *cobra.Command {
	o := exportOptions{}
	cmd := &cobra.Command{
		Use:   "export --format graphml|gexf|dot|json",
		Short: "Write the graph or a subgraph for Gephi, Graphviz, networkx or web tools",
		Long: `Write the whole graph, or with --center the actors within --depth hops of
any centre, as GraphML, GEXF, DOT or JSON: nodes are actors (label, kind,
country, evidence), edges are one per (source, relation, target) with the
relation's CAMEO code, quad class and Goldstein value, the evidence count
(also as weight), first and last date and an example sentence. Colours go by
actor kind and by quad class.

GEXF is a dynamic graph whose edges carry their dates as spells: open it in
Gephi and play them with Window > Timeline. GraphML opens in Gephi, yEd,
networkx and igraph; it is a directed graph with a "symmetric" attribute,
or with --mixed one whose symmetric relations are undirected edges (Gephi,
yEd and graphology read that; networkx does not). DOT renders with Graphviz
(dot -Tsvg). Negated events are left out unless --include-negated.

The output goes to stdout, or with -o to FILE, written in full before it
replaces FILE. A summary goes to stderr unless -q. See docs/export.md.`,
		Example: `  diplograph export --format gexf -o graph.gexf
  diplograph export --format gexf --center Russia --depth 2 -o russia.gexf
  diplograph export --format dot --center "Xi Jinping" | dot -Tsvg > xi.svg
  diplograph export --format graphml --relation trade,sign_agreement --since 2022 -o trade.graphml
  diplograph export --format json --min-evidence 3 > strong.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.depthSet = cmd.Flags().Changed("depth")
			return runExport(cmd.Context(), a, o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Format, "format", "", "graphml, gexf, dot or json (required)")
	fl.StringArrayVar(&o.Centers, "center", nil, "export the actors within --depth hops of this actor (repeatable; an id, name or alias)")
	fl.IntVar(&o.Depth, "depth", 1, fmt.Sprintf("hops from the centres (0 to %d; with --center)", maxExportDepth))
	fl.IntVar(&o.MinEvidence, "min-evidence", 0, "only edges with at least this many pieces of evidence")
	fl.BoolVar(&o.Mixed, "mixed", false, "GraphML: write symmetric relations as undirected edges (a mixed graph, which networkx cannot read)")
	fl.StringVarP(&o.Output, "output", "o", "", "write to FILE instead of stdout")
	o.filterFlags.add(cmd, true)
	return cmd
}

// runExport loads the subgraph and writes it.
func runExport(ctx context.Context, a *App, o exportOptions) error {
	if o.Format == "" {
		return usagef("--format is required: graphml, gexf, dot or json")
	}
	format, err := export.ParseFormat(o.Format)
	if err != nil {
		return usagef("--format: %v", err)
	}
	if o.Depth < 0 || o.Depth > maxExportDepth {
		return usagef("--depth must be between 0 and %d, got %d", maxExportDepth, o.Depth)
	}
	if o.depthSet && len(o.Centers) == 0 {
		return usagef("--depth needs --center (without it the whole graph is exported)")
	}
	if o.MinEvidence < 0 {
		return usagef("--min-evidence must not be negative")
	}
	if o.Mixed && format != export.GraphML {
		return usagef("--mixed is for --format graphml (the other formats always mark symmetric relations undirected)")
	}
	f, err := o.filter()
	if err != nil {
		return err
	}
	f.MinEvidence = o.MinEvidence

	start := time.Now()
	st, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	var centres, names []string
	for _, name := range o.Centers {
		c, err := resolveActor(ctx, st, name)
		if err != nil {
			return err
		}
		centres = append(centres, c.ID)
		names = append(names, c.Name)
	}
	g, err := st.Subgraph(ctx, centres, o.Depth, f)
	if err != nil {
		return fmt.Errorf("export: load the graph: %w", err)
	}
	opts := export.Options{Filter: f, Keep: centres, Mixed: o.Mixed, Description: describeExport(names, o, f)}

	var c export.Counts
	if o.Output == "" {
		c, err = export.Write(ctxWriter{ctx, a.Out}, format, g, opts)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
	} else {
		c, err = writeFileAtomic(o.Output, func(w io.Writer) (export.Counts, error) {
			return export.Write(ctxWriter{ctx, w}, format, g, opts)
		})
		if err != nil {
			return err
		}
	}
	where := "stdout"
	if o.Output != "" {
		where = o.Output
	}
	a.infof("exported %d actors and %d edges as %s to %s in %.2fs", c.Nodes, c.Edges, format, where, time.Since(start).Seconds())
	if c.Nodes == 0 {
		a.infof("nothing matched: the store is empty, or the filters leave out every edge")
	}
	return nil
}

// describeExport says what an export holds, for the formats' metadata.
func describeExport(centres []string, o exportOptions, f graph.Filter) string {
	parts := []string{"diplograph export"}
	if len(centres) > 0 {
		parts = append(parts, fmt.Sprintf("within %d hops of %s", o.Depth, strings.Join(centres, ", ")))
	} else {
		parts = append(parts, "the whole graph")
	}
	if len(f.Relations) > 0 {
		parts = append(parts, "relations "+strings.Join(o.Relations, ","))
	}
	if !f.Since.IsZero() {
		parts = append(parts, "since "+f.Since.String())
	}
	if !f.Until.IsZero() {
		parts = append(parts, "until "+f.Until.String())
	}
	if f.MinEvidence > 0 {
		parts = append(parts, fmt.Sprintf("at least %d pieces of evidence an edge", f.MinEvidence))
	}
	if f.IncludeNegated {
		parts = append(parts, "negated events included")
	}
	return strings.Join(parts, "; ")
}

// writeFileAtomic writes path through write into a temporary file in the
// same folder and renames it over path once complete, so that a failed or
// interrupted export leaves no half-written file (and the old file, if any,
// as it was).
func writeFileAtomic(path string, write func(io.Writer) (export.Counts, error)) (c export.Counts, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return c, fmt.Errorf("export: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if c, err = write(tmp); err != nil {
		return c, fmt.Errorf("export to %s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return c, fmt.Errorf("export to %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return c, fmt.Errorf("export to %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return c, fmt.Errorf("export to %s: %w", path, err)
	}
	return c, nil
}

// ctxWriter stops a long export when its context is cancelled (Ctrl-C):
// the writers flush every few tens of kilobytes, and each flush checks.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
