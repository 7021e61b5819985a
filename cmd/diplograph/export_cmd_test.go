package main

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/diplograph/diplograph/export"
)

// exportCounts parses an export in format f and counts its nodes and edges,
// failing the test when it does not parse.
func exportCounts(t *testing.T, f export.Format, out string) (nodes, edges int) {
	t.Helper()
	switch f {
	case export.GraphML:
		var doc struct {
			Graph struct {
				Nodes []struct{} `xml:"node"`
				Edges []struct{} `xml:"edge"`
			} `xml:"graph"`
		}
		if err := xml.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("GraphML does not parse: %v", err)
		}
		return len(doc.Graph.Nodes), len(doc.Graph.Edges)
	case export.GEXF:
		var c gexf12.Content
		if err := xml.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("GEXF does not parse into gexf12.Content: %v", err)
		}
		return len(c.Graph.Nodes.Nodes), len(c.Graph.Edges.Edges)
	case export.DOT:
		file, err := dot.ParseString(out)
		if err != nil {
			t.Fatalf("DOT does not parse: %v", err)
		}
		for _, st := range file.Graphs[0].Stmts {
			switch st.(type) {
			case *ast.NodeStmt:
				nodes++
			case *ast.EdgeStmt:
				edges++
			}
		}
		return nodes, edges
	case export.JSON:
		var g export.JSONGraph
		if err := json.Unmarshal([]byte(out), &g); err != nil {
			t.Fatalf("JSON does not parse: %v", err)
		}
		return len(g.Nodes), len(g.Edges)
	}
	t.Fatalf("unknown format %s", f)
	return 0, 0
}

func TestExportCommand(t *testing.T) {
	dir := queryStore(t)
	tests := []struct {
		args         []string
		nodes, edges int
	}{
		{nil, 10, 9},
		{[]string{"--include-negated"}, 10, 10},
		{[]string{"--center", "Russia"}, 4, 3},
		{[]string{"--center", "the Kremlin", "--depth", "2"}, 6, 7},
		{[]string{"--center", "Xi", "--center", "Ukraine", "--depth", "1"}, 6, 7},
		{[]string{"--center", "Russia", "--depth", "0"}, 1, 0},
		{[]string{"--relation", "attack,trade"}, 3, 2},
		{[]string{"--relation", "attack", "--relation", "trade"}, 3, 2},
		{[]string{"--min-evidence", "2"}, 2, 1},
		{[]string{"--since", "2023"}, 4, 4},
		{[]string{"--until", "2022"}, 10, 7},
		{[]string{"--center", "OPEC", "--relation", "attack"}, 1, 0},
	}
	for _, tc := range tests {
		for _, f := range export.Formats() {
			args := append([]string{"export", "--format", string(f)}, tc.args...)
			t.Run(strings.Join(args[1:], " "), func(t *testing.T) {
				code, out, errs := runQuery(t, dir, args...)
				if code != 0 {
					t.Fatalf("%v: exit %d: %s", args, code, errs)
				}
				if n, e := exportCounts(t, f, out); n != tc.nodes || e != tc.edges {
					t.Errorf("%v: %d nodes, %d edges; want %d, %d", args, n, e, tc.nodes, tc.edges)
				}
				if !strings.Contains(errs, "exported") {
					t.Errorf("%v: stderr %q, want a summary", args, errs)
				}
			})
		}
	}
}

func TestExportCommandLabels(t *testing.T) {
	dir := queryStore(t)
	code, out, errs := runQuery(t, dir, "export", "--format", "json", "--center", "Zoë Müller")
	if code != 0 {
		t.Fatalf("export --center 'Zoë Müller': exit %d: %s", code, errs)
	}
	var g export.JSONGraph
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 2 || len(g.Edges) != 1 {
		t.Fatalf("export --center 'Zoë Müller' = %+v, want Zoë Müller and OPEC", g)
	}
	labels := map[string]string{}
	for _, n := range g.Nodes {
		labels[n.ID] = n.Label
	}
	if labels["person/zoe-muller"] != "Zoë Müller" || labels["org/opec"] != "OPEC" {
		t.Errorf("export labels = %v, want Zoë Müller and OPEC", labels)
	}
	if e := g.Edges[0]; e.Relation != "meet" || e.Directed || e.CAMEO != "040" || e.Sentence != "Zoë Müller met OPEC officials." || e.FirstDate != "1987-06" {
		t.Errorf("export edge = %+v", e)
	}
}

func TestExportToFile(t *testing.T) {
	dir := queryStore(t)
	outDir := t.TempDir()
	path := filepath.Join(outDir, "graph.gexf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runQuery(t, dir, "export", "--format", "gexf", "-o", path)
	if code != 0 || out != "" {
		t.Fatalf("export -o: exit %d, stdout %q, stderr %s", code, out, errs)
	}
	if !strings.Contains(errs, path) {
		t.Errorf("export -o: stderr %q, want it to name %s", errs, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, e := exportCounts(t, export.GEXF, string(b)); n != 10 || e != 9 {
		t.Errorf("export -o: %d nodes, %d edges; want 10, 9", n, e)
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 1 {
		t.Errorf("export -o left %d files in the folder, want 1", len(entries))
	}

	// -q: nothing on stderr.
	code, _, errs = runQuery(t, dir, "-q", "export", "--format", "dot", "-o", filepath.Join(outDir, "g.dot"))
	if code != 0 || errs != "" {
		t.Errorf("-q export: exit %d, stderr %q; want 0 and nothing", code, errs)
	}

	// A folder that does not exist: an error naming the file, nothing written.
	bad := filepath.Join(outDir, "missing", "g.json")
	code, _, errs = runQuery(t, dir, "export", "--format", "json", "-o", bad)
	if code != exitError || !strings.Contains(errs, "missing") {
		t.Errorf("export -o %s: exit %d, stderr %q; want %d and the path", bad, code, errs, exitError)
	}
}

func TestExportErrors(t *testing.T) {
	dir := queryStore(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{}, "--format is required"},
		{[]string{"--format", "svg"}, "unknown export format"},
		{[]string{"--format", "dot", "--depth", "2"}, "--depth needs --center"},
		{[]string{"--format", "dot", "--center", "Russia", "--depth", "-1"}, "--depth must be"},
		{[]string{"--format", "dot", "--center", "Russia", "--depth", "99"}, "--depth must be"},
		{[]string{"--format", "dot", "--min-evidence", "-1"}, "--min-evidence"},
		{[]string{"--format", "gexf", "--mixed"}, "--mixed is for --format graphml"},
		{[]string{"--format", "dot", "--relation", "hug"}, "unknown relation"},
		{[]string{"--format", "dot", "--since", "2023-13"}, "--since"},
		{[]string{"--format", "dot", "--center", "Atlantis"}, "unknown actor"},
		{[]string{"--format", "dot", "--center", "Korea"}, "ambiguous"},
		{[]string{"--format", "dot", "stray"}, "unknown command"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errs := runQuery(t, dir, append([]string{"export"}, tc.args...)...)
			if code != exitError || !strings.Contains(errs, tc.want) || out != "" {
				t.Errorf("export %v: exit %d, stdout %q, stderr %q; want exit %d, stderr with %q", tc.args, code, out, errs, exitError, tc.want)
			}
		})
	}
	code, _, errs := runQuery(t, filepath.Join(t.TempDir(), "none"), "export", "--format", "dot")
	if code != exitError || !strings.Contains(errs, "no store") {
		t.Errorf("export with no store: exit %d, stderr %q; want %d, no store", code, errs, exitError)
	}
}

func TestExportMixedGraphML(t *testing.T) {
	dir := queryStore(t)
	code, out, errs := runQuery(t, dir, "export", "--format", "graphml", "--mixed")
	if code != 0 {
		t.Fatalf("export --mixed: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `edgedefault="undirected"`) || !strings.Contains(out, `directed="true"`) {
		t.Errorf("export --mixed: want an undirected default with directed edges marked, got\n%s", out)
	}
}

func TestWriteFileAtomicLeavesNoHalfFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.graphml")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := writeFileAtomic(path, func(w io.Writer) (export.Counts, error) {
		cw := ctxWriter{ctx, w}
		if _, err := cw.Write([]byte("<graphml>half")); err != nil {
			return export.Counts{}, err
		}
		cancel() // Ctrl-C in the middle of the export
		_, err := cw.Write([]byte("rest</graphml>"))
		return export.Counts{}, err
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("writeFileAtomic interrupted: error %v, want context.Canceled", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("writeFileAtomic interrupted: file holds %q, want the old content", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("writeFileAtomic interrupted left %d files, want 1", len(entries))
	}
}
