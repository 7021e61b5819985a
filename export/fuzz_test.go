package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/diplograph/diplograph/graph"
)

// dotWant is what a text reads back as from DOT: cleaned, with carriage
// returns as line breaks.
func dotWant(s string) string {
	s = strings.ReplaceAll(Clean(s), "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// FuzzWriters writes a two-actor graph with a fuzzed name, id and sentence
// in every format and reads each back: GraphML and GEXF with encoding/xml
// (GEXF into gonum's gexf12 types, whose hand-written nodes and edges must
// equal encoding/xml's), DOT with gonum's DOT parser, JSON with encoding/json.
func FuzzWriters(f *testing.F) {
	for _, seed := range [][3]string{
		{evilName, "person/evil", hostileSentence},
		{cyrName, "person/си", "Си Цзиньпин встретился."},
		{hanName, "person/習", "習近平 🙂"},
		{lineName, "a\tb\nc", "x\r\ny\rz"},
		{quotedName, `"q"`, `"\"`},
		{htmlName, "<b>", "<!-- -- -->"},
		{controlName, "\x00", "\x7f\x80\xff\uFFFE"},
		{"", "", ""},
		{"node", "graph", "strict"},
		{`\N \G \L`, `\`, `\\`},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, name, id, sentence string) {
		g := graph.New()
		id = "person/" + id
		g.AddActor(graph.Actor{ID: id, Name: name, Kind: graph.Person})
		g.AddActor(graph.Actor{ID: "country/CHN", Name: "China", Kind: graph.Country})
		if Clean(id) == "country/CHN" {
			return
		}
		g.AddSummary(graph.Summary{Source: id, Relation: graph.Praise, Target: "country/CHN", Asserted: 1,
			Example: graph.Evidence{Article: "a", Sentence: sentence}})
		write := func(f Format) []byte {
			var buf bytes.Buffer
			c, err := Write(&buf, f, g, Options{Description: sentence})
			if err != nil || c != (Counts{2, 1}) {
				t.Fatalf("Write(%s) = %+v, %v", f, c, err)
			}
			return buf.Bytes()
		}

		var gm graphmlDoc
		if err := xml.Unmarshal(write(GraphML), &gm); err != nil {
			t.Fatalf("GraphML does not parse: %v", err)
		}
		if got := dataOf(gm.Graph.Nodes[0].Data)["n_label"]; got != Clean(name) {
			t.Errorf("GraphML label = %q, want %q", got, Clean(name))
		}
		if got := dataOf(gm.Graph.Edges[0].Data)["e_sentence"]; got != Clean(sentence) {
			t.Errorf("GraphML sentence = %q, want %q", got, Clean(sentence))
		}

		var gx gexf12.Content
		if err := xml.Unmarshal(write(GEXF), &gx); err != nil {
			t.Fatalf("GEXF does not parse: %v", err)
		}
		if n := gx.Graph.Nodes.Nodes[0]; n.Label != Clean(name) || n.ID != Clean(id) {
			t.Errorf("GEXF node = %q %q, want %q %q", n.ID, n.Label, Clean(id), Clean(name))
		}
		if e := gx.Graph.Edges.Edges[0]; e.Source != Clean(id) {
			t.Errorf("GEXF edge source = %q, want %q", e.Source, Clean(id))
		}
		var sb, rb bytes.Buffer
		x, r := newXMLWriter(&sb), newXMLWriter(&rb)
		n := gx.Graph.Nodes.Nodes[0]
		x.gexfNode(&n, 3)
		r.gexfElement(&n, "node", 3)
		x.Flush()
		r.Flush()
		if sb.String() != rb.String() {
			t.Errorf("gexfNode = %q, encoding/xml writes %q", sb.String(), rb.String())
		}
		checkGEXFEdges(t, g, Options{})

		checkJSON(t, write(JSON), Clean(name), Clean(sentence))

		dotOut := write(DOT)
		if strings.ContainsRune(Clean(name)+Clean(id)+Clean(sentence), utf8.RuneError) {
			// gonum's DOT lexer refuses U+FFFD (which clean puts for
			// invalid UTF-8); Graphviz reads it.
			return
		}
		file, err := dot.ParseBytes(dotOut)
		if err != nil {
			t.Fatalf("DOT does not parse: %v", err)
		}
		found := false
		for _, st := range file.Graphs[0].Stmts {
			ns, ok := st.(*ast.NodeStmt)
			if !ok {
				continue
			}
			nid, err := strconv.Unquote(ns.Node.ID)
			if err != nil {
				t.Fatalf("DOT node id %s: %v", ns.Node.ID, err)
			}
			if nid != dotWant(id) {
				continue
			}
			found = true
			for _, a := range ns.Attrs {
				if a.Key == "label" {
					if got, err := strconv.Unquote(a.Val); err != nil || got != dotWant(name) {
						t.Errorf("DOT label %s = %q, %v; want %q", a.Val, got, err, dotWant(name))
					}
				}
			}
		}
		if !found {
			t.Errorf("DOT has no node %q", dotWant(id))
		}

	})
}

func checkJSON(t *testing.T, out []byte, name, sentence string) {
	t.Helper()
	var js JSONGraph
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	if js.Nodes[0].Label != name || js.Edges[0].Sentence != sentence {
		t.Errorf("JSON = %q %q, want %q %q", js.Nodes[0].Label, js.Edges[0].Sentence, name, sentence)
	}
}
