package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
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

// runExport writes the whole graph, read from the store as it is written,
// or the subgraph around the centres, loaded first.
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
	// The store is closed as soon as it has been read, before the output
	// replaces FILE: Badger syncs the store's folder as it closes, and
	// after the rename that sync waits for the file system to write the
	// whole export to disk (ext4 writes out a file renamed over another
	// with the journal commit of the rename).
	closeStore := sync.OnceFunc(func() { st.Close() })
	defer closeStore()
	var centres, names []string
	for _, name := range o.Centers {
		c, err := resolveActor(ctx, st, name)
		if err != nil {
			return err
		}
		centres = append(centres, c.ID)
		names = append(names, c.Name)
	}
	opts := export.Options{Filter: f, Keep: centres, Mixed: o.Mixed, Description: describeExport(names, o, f)}
	// exportTo writes the whole graph to w, read from the store as it is
	// written, or the subgraph around the centres, loaded first.
	exportTo := func(w io.Writer) (export.Counts, error) {
		defer closeStore()
		w = ctxWriter{ctx, w}
		if len(centres) > 0 {
			g, err := st.Subgraph(ctx, centres, o.Depth, f)
			if err != nil {
				return export.Counts{}, fmt.Errorf("load the graph: %w", err)
			}
			return export.Write(w, format, g, opts)
		}
		var c export.Counts
		err := st.WholeGraph(ctx, f, func(src graph.Source) error {
			var err error
			c, err = export.Write(w, format, src, opts)
			return err
		})
		return c, err
	}

	var c export.Counts
	if o.Output == "" {
		if c, err = exportTo(a.Out); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	} else if c, err = writeFileAtomic(o.Output, exportTo); err != nil {
		return err
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
	aw := newAsyncWriter(tmp, 1<<20, 4)
	c, err = write(aw)
	if cerr := aw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
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

// asyncWriter writes to w from a goroutine of its own, in large chunks, so
// that the system calls that write a large export (and the waits of the
// page cache) overlap the formatting of what comes next. Close writes what
// is left and returns the first error; a Write after an error returns it.
type asyncWriter struct {
	w      io.Writer
	buf    []byte      // the chunk being filled
	full   chan []byte // chunks to write
	free   chan []byte // chunks written, to fill again
	done   chan struct{}
	mu     sync.Mutex
	err    error
	closed bool
}

// newAsyncWriter returns an asyncWriter onto w with n chunks of size bytes.
func newAsyncWriter(w io.Writer, size, n int) *asyncWriter {
	a := &asyncWriter{w: w, full: make(chan []byte, n), free: make(chan []byte, n), done: make(chan struct{})}
	for range n - 1 {
		a.free <- make([]byte, 0, size)
	}
	a.buf = make([]byte, 0, size)
	go a.run()
	return a
}

func (a *asyncWriter) run() {
	defer close(a.done)
	for b := range a.full {
		if a.failed() == nil {
			if _, err := a.w.Write(b); err != nil {
				a.mu.Lock()
				a.err = err
				a.mu.Unlock()
			}
		}
		a.free <- b[:0]
	}
}

func (a *asyncWriter) failed() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.err
}

// Write copies p into the current chunk, handing full chunks to the
// writing goroutine.
func (a *asyncWriter) Write(p []byte) (int, error) {
	if err := a.failed(); err != nil {
		return 0, err
	}
	if a.closed {
		return 0, os.ErrClosed
	}
	n := len(p)
	for len(p) > 0 {
		k := copy(a.buf[len(a.buf):cap(a.buf)], p)
		a.buf, p = a.buf[:len(a.buf)+k], p[k:]
		if len(a.buf) == cap(a.buf) {
			a.full <- a.buf
			a.buf = <-a.free
		}
	}
	return n, nil
}

// Close writes what is buffered, waits for every write and returns the
// first error.
func (a *asyncWriter) Close() error {
	if !a.closed {
		a.closed = true
		if len(a.buf) > 0 {
			a.full <- a.buf
		}
		a.buf = nil
		close(a.full)
		<-a.done
	}
	return a.failed()
}
