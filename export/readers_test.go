package export

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

// The real readers: networkx and graphology read the GraphML, graphology the
// GEXF, Graphviz the DOT. A test skips with a message where its tool is
// absent, and fails instead when CI is set, since .ci/run installs them.

// needTool skips or, under CI, fails the test when a reader is missing.
func needTool(t *testing.T, what, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is needed under CI (.ci/run installs it): %s", what, why)
	}
	t.Skipf("%s not available (%s); install it to run this test", what, why)
}

// networkxPython returns a Python interpreter that can import networkx: the
// first python3 on PATH may be one (pyenv's) without it.
func networkxPython(t *testing.T) string {
	t.Helper()
	var tried []string
	for _, p := range []string{"/usr/bin/python3", "python3", "python"} {
		path, err := exec.LookPath(p)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", "import networkx").Run() == nil {
			return path
		}
		tried = append(tried, path)
	}
	needTool(t, "a Python with networkx (Debian: python3-networkx)", "tried "+strings.Join(tried, ", "))
	return ""
}

// graphologyDir returns the folder of read.js once its packages are installed.
func graphologyDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		needTool(t, "node", "not on PATH")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphology-graphml")); err != nil {
		needTool(t, "graphology-graphml and graphology-gexf", "run npm install in export/testdata/js")
	}
	return dir
}

// writeTemp writes the fixture in format f to a temporary file.
func writeTemp(t *testing.T, f Format, o Options) string {
	t.Helper()
	out, _ := export(t, f, o)
	path := filepath.Join(t.TempDir(), "seed."+string(f))
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs a reader and returns its standard output.
func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// checkLabels compares labels read back (by actor id) with the fixture's.
func checkLabels(t *testing.T, reader string, got map[string]string) {
	t.Helper()
	want := wantLabels()
	if len(got) != len(want) {
		t.Errorf("%s read %d nodes, want %d", reader, len(got), len(want))
	}
	for id, label := range want {
		if got[id] != label {
			t.Errorf("%s: node %s label = %q, want %q", reader, id, got[id], label)
		}
	}
}

// checkSentences looks for the hostile sentence among those read back.
func checkSentences(t *testing.T, reader string, sentences []string) {
	t.Helper()
	for _, s := range sentences {
		if s == hostileSentence {
			return
		}
	}
	t.Errorf("%s: no edge with sentence %q among %q", reader, hostileSentence, sentences)
}

const networkxScript = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
    "directed": g.is_directed(),
    "nodes": {n: d for n, d in g.nodes(data=True)},
    "edges": [[u, v, d] for u, v, d in g.edges(data=True)],
}, ensure_ascii=False))
`

func TestGraphMLReadByNetworkx(t *testing.T) {
	py := networkxPython(t)
	path := writeTemp(t, GraphML, Options{})
	var g struct {
		Directed bool
		Nodes    map[string]map[string]any
		Edges    [][3]json.RawMessage
	}
	if err := json.Unmarshal(run(t, py, "-c", networkxScript, path), &g); err != nil {
		t.Fatalf("networkx output: %v", err)
	}
	if !g.Directed {
		t.Errorf("networkx read an undirected graph, want directed")
	}
	labels := map[string]string{}
	for _, d := range g.Nodes {
		id, _ := d["actor_id"].(string)
		labels[id], _ = d["label"].(string)
		if _, ok := d["evidence"].(float64); !ok {
			t.Errorf("networkx node %s evidence = %v (%T), want a number", id, d["evidence"], d["evidence"])
		}
	}
	checkLabels(t, "networkx", labels)
	if len(g.Edges) != wantEdges {
		t.Errorf("networkx read %d edges, want %d", len(g.Edges), wantEdges)
	}
	var sentences []string
	for _, e := range g.Edges {
		var d struct {
			Sentence  string
			Relation  string
			Weight    float64
			Goldstein float64
			Symmetric bool
		}
		if err := json.Unmarshal(e[2], &d); err != nil {
			t.Fatalf("networkx edge data %s: %v", e[2], err)
		}
		sentences = append(sentences, d.Sentence)
		if d.Relation == graph.Attack && (d.Weight != 3 || d.Goldstein != -10 || d.Symmetric) {
			t.Errorf("networkx attack edge = %+v, want weight 3, goldstein -10, not symmetric", d)
		}
		if d.Relation == graph.Trade && !d.Symmetric {
			t.Errorf("networkx trade edge symmetric = false, want true")
		}
	}
	checkSentences(t, "networkx", sentences)
}

// TestMixedGraphMLRefusedByNetworkx documents why GraphML is directed by
// default: networkx refuses the mixed form that Options.Mixed writes.
func TestMixedGraphMLRefusedByNetworkx(t *testing.T) {
	py := networkxPython(t)
	path := writeTemp(t, GraphML, Options{Mixed: true})
	out, err := exec.Command(py, "-c", networkxScript, path).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "directed=true edge found in undirected graph") {
		t.Errorf("networkx on mixed GraphML: %v\n%s\nwant it refused; if networkx now reads mixed graphs, reconsider the default", err, out)
	}
}

// graphologyGraph is graphology's JSON export.
type graphologyGraph struct {
	Nodes []struct {
		Key        string
		Attributes map[string]any
	}
	Edges []struct {
		Key, Source, Target string
		Undirected          bool
		Attributes          map[string]any
	}
}

func readGraphology(t *testing.T, format Format, path string) graphologyGraph {
	t.Helper()
	dir := graphologyDir(t)
	var g graphologyGraph
	out := run(t, "node", filepath.Join(dir, "read.js"), string(format), path)
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatalf("graphology output: %v", err)
	}
	return g
}

func TestGraphMLReadByGraphology(t *testing.T) {
	for _, mixed := range []bool{false, true} {
		name := "directed"
		if mixed {
			name = "mixed"
		}
		t.Run(name, func(t *testing.T) {
			g := readGraphology(t, GraphML, writeTemp(t, GraphML, Options{Mixed: mixed}))
			labels := map[string]string{}
			for _, n := range g.Nodes {
				id, _ := n.Attributes["actor_id"].(string)
				labels[id], _ = n.Attributes["label"].(string)
			}
			checkLabels(t, "graphology-graphml", labels)
			if len(g.Edges) != wantEdges {
				t.Errorf("graphology-graphml read %d edges, want %d", len(g.Edges), wantEdges)
			}
			var sentences []string
			for _, e := range g.Edges {
				s, _ := e.Attributes["sentence"].(string)
				sentences = append(sentences, s)
				name, _ := e.Attributes["relation"].(string)
				rel, _ := graph.LookupRelation(name)
				if want := mixed && rel.Symmetric; e.Undirected != want {
					t.Errorf("graphology-graphml %s edge undirected = %v, want %v", rel.Name, e.Undirected, want)
				}
			}
			checkSentences(t, "graphology-graphml", sentences)
		})
	}
}

func TestGEXFReadByGraphology(t *testing.T) {
	g := readGraphology(t, GEXF, writeTemp(t, GEXF, Options{}))
	labels := map[string]string{}
	for _, n := range g.Nodes {
		labels[n.Key], _ = n.Attributes["label"].(string)
		if n.Attributes["color"] == nil || n.Attributes["kind"] == nil {
			t.Errorf("graphology-gexf node %s attributes %v, want color and kind", n.Key, n.Attributes)
		}
	}
	checkLabels(t, "graphology-gexf", labels)
	if len(g.Edges) != wantEdges {
		t.Errorf("graphology-gexf read %d edges, want %d", len(g.Edges), wantEdges)
	}
	var sentences []string
	for _, e := range g.Edges {
		s, _ := e.Attributes["sentence"].(string)
		sentences = append(sentences, s)
		name, _ := e.Attributes["relation"].(string)
		rel, _ := graph.LookupRelation(name)
		if e.Undirected != rel.Symmetric {
			t.Errorf("graphology-gexf %s edge undirected = %v, want %v", rel.Name, e.Undirected, rel.Symmetric)
		}
		if w, _ := e.Attributes["weight"].(float64); w < 1 {
			t.Errorf("graphology-gexf %s edge weight = %v, want >= 1", rel.Name, e.Attributes["weight"])
		}
	}
	checkSentences(t, "graphology-gexf", sentences)
}

// unescDOT undoes Graphviz's escString escapes as -Tjson reports them raw.
func unescDOT(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'l', 'r':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestDOTReadByGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		needTool(t, "Graphviz dot (Debian: graphviz)", "not on PATH")
	}
	path := writeTemp(t, DOT, Options{})
	if svg := run(t, dot, "-Tsvg", path); !bytes.Contains(svg, []byte("<svg")) {
		t.Errorf("dot -Tsvg wrote no SVG:\n%s", svg)
	}
	var g struct {
		Objects []struct{ Name, Label string }
		Edges   []struct{ Label, Tooltip string }
	}
	if err := json.Unmarshal(run(t, dot, "-Tjson", path), &g); err != nil {
		t.Fatalf("dot -Tjson output: %v", err)
	}
	labels := map[string]string{}
	for _, o := range g.Objects {
		labels[o.Name] = unescDOT(o.Label)
	}
	checkLabels(t, "graphviz", labels)
	if len(g.Edges) != wantEdges {
		t.Errorf("graphviz read %d edges, want %d", len(g.Edges), wantEdges)
	}
	var sentences []string
	for _, e := range g.Edges {
		if _, s, ok := strings.Cut(unescDOT(e.Tooltip), ": "); ok {
			sentences = append(sentences, s)
		}
	}
	checkSentences(t, "graphviz", sentences)
}
