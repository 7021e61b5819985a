package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/diplograph/diplograph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

// export writes the fixture in format f with o.
func export(t *testing.T, f Format, o Options) ([]byte, Counts) {
	t.Helper()
	var buf bytes.Buffer
	c, err := Write(&buf, f, fixture(), o)
	if err != nil {
		t.Fatalf("Write(%s) error: %v", f, err)
	}
	return buf.Bytes(), c
}

// The fixture under the zero filter: the negated aid edge is left out, so is
// the actor with no edge.
const (
	wantNodes = 18
	wantEdges = 13
)

func TestGolden(t *testing.T) {
	tests := []struct {
		file   string
		format Format
		opts   Options
	}{
		{"seed.graphml.golden", GraphML, Options{Description: "diplograph export -- test fixture"}},
		{"seed-mixed.graphml.golden", GraphML, Options{Mixed: true}},
		{"seed.gexf.golden", GEXF, Options{Description: "diplograph export: test fixture"}},
		{"seed.dot.golden", DOT, Options{}},
		{"seed.json.golden", JSON, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, c := export(t, tt.format, tt.opts)
			if c != (Counts{wantNodes, wantEdges}) {
				t.Errorf("Write(%s) counts = %+v, want {%d %d}", tt.format, c, wantNodes, wantEdges)
			}
			golden(t, tt.file, got)
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"graphml", GraphML, true},
		{"GEXF", GEXF, true},
		{" dot ", DOT, true},
		{"json", JSON, true},
		{"svg", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if got != tt.want || (err == nil) != tt.ok {
				t.Errorf("ParseFormat(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{evilName, evilName},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{controlName, "Bell Esc Null end"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"non\uFFFEchar\uFFFF", "nonchar"},
		{"del\x7f c1\u0085 nbsp\u00a0", "del c1 nbsp\u00a0"},
		{hanName + emojiName, hanName + emojiName},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestColorsCoverRelationTable(t *testing.T) {
	for _, r := range graph.Relations() {
		c, ok := quadColors[r.Quad]
		if !ok {
			t.Errorf("no colour for quad class %d of relation %s", r.Quad, r.Name)
		}
		if got := RelationColor(r.Name); got != c {
			t.Errorf("RelationColor(%q) = %v, want %v", r.Name, got, c)
		}
	}
	for _, k := range graph.Kinds() {
		if _, ok := kindStyles[k]; !ok {
			t.Errorf("no style for actor kind %s", k)
		}
	}
	if RelationColor(graph.Meet) == RelationColor(graph.Attack) {
		t.Errorf("RelationColor(meet) = RelationColor(attack) = %v, want cooperation and conflict apart", RelationColor(graph.Meet))
	}
}

func TestSpells(t *testing.T) {
	tests := []struct {
		name         string
		dates        []graph.Date
		since, until graph.Date
		want         string
	}{
		{"none", nil, graph.Date{}, graph.Date{}, ""},
		{"day", []graph.Date{day(2023, 5, 24)}, graph.Date{}, graph.Date{}, "2023-05-24..2023-05-24"},
		{"month", []graph.Date{graph.MonthDate(2024, 2)}, graph.Date{}, graph.Date{}, "2024-02-01..2024-02-29"},
		{"year swallows its days", []graph.Date{graph.YearDate(2022), day(2022, 12, 30), day(2023, 1, 2)}, graph.Date{}, graph.Date{},
			"2022-01-01..2022-12-31 2023-01-02..2023-01-02"},
		{"unsorted overlap", []graph.Date{day(2023, 3, 5), graph.MonthDate(2023, 3), day(2023, 4, 1)}, graph.Date{}, graph.Date{},
			"2023-03-01..2023-03-31 2023-04-01..2023-04-01"},
		{"adjacent days stay apart", []graph.Date{day(2023, 5, 24), day(2023, 5, 25)}, graph.Date{}, graph.Date{},
			"2023-05-24..2023-05-24 2023-05-25..2023-05-25"},
		{"filtered", []graph.Date{day(2021, 1, 1), day(2023, 5, 24)}, graph.YearDate(2023), graph.Date{}, "2023-05-24..2023-05-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts []string
			for _, s := range Spells(nil, tt.dates, tt.since, tt.until) {
				parts = append(parts, s.Start+".."+s.End)
			}
			if got := strings.Join(parts, " "); got != tt.want {
				t.Errorf("Spells(%v) = %q, want %q", tt.dates, got, tt.want)
			}
		})
	}
}

// graphmlDoc is enough of GraphML to read an export back with encoding/xml.
type graphmlDoc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID       string        `xml:"id,attr"`
			Source   string        `xml:"source,attr"`
			Target   string        `xml:"target,attr"`
			Directed string        `xml:"directed,attr"`
			Data     []graphmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataOf(ds []graphmlData) map[string]string {
	m := map[string]string{}
	for _, d := range ds {
		m[d.Key] = d.Value
	}
	return m
}

// wantLabels returns the labels that the fixture's written actors must read
// back as: their names, cleaned.
func wantLabels() map[string]string {
	m := map[string]string{}
	for _, a := range fixture().Actors() {
		if a.ID != "person/nobody" {
			m[a.ID] = Clean(a.Name)
		}
	}
	return m
}

func TestGraphMLReadsBackWithEncodingXML(t *testing.T) {
	out, _ := export(t, GraphML, Options{})
	var doc graphmlDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("xml.Unmarshal(GraphML) error: %v", err)
	}
	declared := map[string]bool{}
	for _, k := range doc.Keys {
		declared[k.ID] = true
		switch k.Type {
		case "string", "int", "double", "boolean":
		default:
			t.Errorf("key %s has attr.type %q", k.ID, k.Type)
		}
	}
	want := wantLabels()
	got := map[string]string{}
	for _, n := range doc.Graph.Nodes {
		d := dataOf(n.Data)
		for k := range d {
			if !declared[k] {
				t.Errorf("node %s uses undeclared key %s", n.ID, k)
			}
		}
		got[d["n_actor_id"]] = d["n_label"]
	}
	for id, label := range want {
		if got[id] != label {
			t.Errorf("GraphML node %s label = %q, want %q", id, got[id], label)
		}
	}
	sentences := map[string]bool{}
	for _, e := range doc.Graph.Edges {
		d := dataOf(e.Data)
		for k := range d {
			if !declared[k] {
				t.Errorf("edge %s uses undeclared key %s", e.ID, k)
			}
		}
		sentences[d["e_sentence"]] = true
	}
	if !sentences[hostileSentence] {
		t.Errorf("GraphML sentences = %v, want one %q", sentences, hostileSentence)
	}
	if len(doc.Graph.Nodes) != wantNodes || len(doc.Graph.Edges) != wantEdges {
		t.Errorf("GraphML has %d nodes, %d edges; want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), wantNodes, wantEdges)
	}
}

func TestGEXFReadsBackIntoGonumTypes(t *testing.T) {
	out, _ := export(t, GEXF, Options{})
	var c gexf12.Content
	if err := xml.Unmarshal(out, &c); err != nil {
		t.Fatalf("xml.Unmarshal(GEXF) into gexf12.Content error: %v", err)
	}
	if c.Version != "1.2" || c.Graph.Mode != "dynamic" || c.Graph.TimeFormat != "date" {
		t.Errorf("GEXF version %q mode %q timeformat %q, want 1.2 dynamic date", c.Version, c.Graph.Mode, c.Graph.TimeFormat)
	}
	declared := map[string]map[string]bool{"node": {}, "edge": {}}
	for _, as := range c.Graph.Attributes {
		for _, a := range as.Attributes {
			declared[as.Class][a.ID] = true
		}
	}
	want := wantLabels()
	if len(c.Graph.Nodes.Nodes) != wantNodes || len(c.Graph.Edges.Edges) != wantEdges {
		t.Fatalf("GEXF has %d nodes, %d edges; want %d, %d", len(c.Graph.Nodes.Nodes), len(c.Graph.Edges.Edges), wantNodes, wantEdges)
	}
	for _, n := range c.Graph.Nodes.Nodes {
		if n.Label != want[n.ID] {
			t.Errorf("GEXF node %s label = %q, want %q", n.ID, n.Label, want[n.ID])
		}
		if n.Color == nil {
			t.Errorf("GEXF node %s has no viz color", n.ID)
		}
		for _, v := range n.AttValues.AttValues {
			if !declared["node"][v.For] {
				t.Errorf("GEXF node %s uses undeclared attribute %s", n.ID, v.For)
			}
		}
	}
	found := false
	for _, e := range c.Graph.Edges.Edges {
		vals := map[string]string{}
		for _, v := range e.AttValues.AttValues {
			if !declared["edge"][v.For] {
				t.Errorf("GEXF edge %s uses undeclared attribute %s", e.ID, v.For)
			}
			vals[v.For] = v.Value
		}
		if vals["sentence"] == hostileSentence {
			found = true
		}
		if vals["relation"] == graph.Trade {
			var spells []string
			for _, s := range e.Spells.Spells {
				spells = append(spells, s.Start+".."+s.End)
			}
			want := "2022-01-01..2022-12-31 2023-03-01..2023-03-31 2023-05-24..2023-05-24"
			if got := strings.Join(spells, " "); got != want {
				t.Errorf("GEXF trade spells = %q, want %q", got, want)
			}
			if e.Type != "undirected" || e.Weight != 5 {
				t.Errorf("GEXF trade edge type %q weight %v, want undirected 5", e.Type, e.Weight)
			}
		}
	}
	if !found {
		t.Errorf("GEXF has no edge with sentence %q", hostileSentence)
	}
}

func TestJSONReadsBack(t *testing.T) {
	out, _ := export(t, JSON, Options{Filter: graph.Filter{IncludeNegated: true}})
	var doc JSONGraph
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("json.Unmarshal error: %v", err)
	}
	if len(doc.Nodes) != wantNodes || len(doc.Edges) != wantEdges+1 {
		t.Errorf("JSON with negated has %d nodes, %d edges; want %d, %d", len(doc.Nodes), len(doc.Edges), wantNodes, wantEdges+1)
	}
	want := wantLabels()
	for _, n := range doc.Nodes {
		if n.Label != want[n.ID] {
			t.Errorf("JSON node %s label = %q, want %q", n.ID, n.Label, want[n.ID])
		}
	}
	for _, e := range doc.Edges {
		if e.Relation == graph.Criticize && e.Source == "country/USA" && e.Evidence != 2 {
			t.Errorf("JSON criticize evidence with negated = %d, want 2", e.Evidence)
		}
	}
}

func TestOptionsSelect(t *testing.T) {
	tests := []struct {
		name         string
		opts         Options
		nodes, edges int
	}{
		{"zero filter", Options{}, wantNodes, wantEdges},
		{"include negated", Options{Filter: graph.Filter{IncludeNegated: true}}, wantNodes, wantEdges + 1},
		{"isolated", Options{Isolated: true}, wantNodes + 1, wantEdges},
		{"keep a centre", Options{Keep: []string{"person/nobody"}, Filter: graph.Filter{Relations: map[string]bool{graph.Trade: true}}}, 3, 1},
		{"min evidence 3", Options{Filter: graph.Filter{MinEvidence: 3}}, 3, 2},
		{"since 2023", Options{Filter: graph.Filter{Since: graph.YearDate(2023)}}, 10, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range Formats() {
				var buf bytes.Buffer
				c, err := Write(&buf, f, fixture(), tt.opts)
				if err != nil || c != (Counts{tt.nodes, tt.edges}) {
					t.Errorf("Write(%s, %+v) = %+v, %v; want {%d %d}", f, tt.opts, c, err, tt.nodes, tt.edges)
				}
			}
		})
	}
}

// passSource is a graph.Source that is not a *graph.Graph: it hands out a
// copy of each summary on each pass, and with drop set it leaves the first
// summary out of every pass after the first.
type passSource struct {
	actors []graph.Actor
	sums   []graph.Summary
	drop   bool
	passes int
}

func (p *passSource) Actors() []graph.Actor { return p.actors }

func (p *passSource) EachSummary(fn func(*graph.Summary) error) error {
	p.passes++
	sums := p.sums
	if p.drop && p.passes > 1 {
		sums = sums[1:]
	}
	for _, s := range sums {
		if err := fn(&s); err != nil {
			return err
		}
	}
	return nil
}

// TestSourceBareActors checks that a source whose summaries name actors
// that it does not list is written as a graph.Graph built from the same
// actors and summaries, which adds those actors as bare ones.
func TestSourceBareActors(t *testing.T) {
	fx := fixture()
	src := &passSource{sums: fx.Summaries()}
	g := graph.New()
	for _, a := range fx.Actors() {
		if a.ID != "country/RUS" && a.ID != "person/quoted" {
			src.actors = append(src.actors, a)
			g.AddActor(a)
		}
	}
	for _, s := range src.sums {
		g.AddSummary(s)
	}
	for _, f := range Formats() {
		var got, want bytes.Buffer
		if _, err := Write(&got, f, src, Options{}); err != nil {
			t.Fatalf("Write(%s) error: %v", f, err)
		}
		if _, err := Write(&want, f, g, Options{}); err != nil {
			t.Fatalf("Write(%s) error: %v", f, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("Write(%s) of a source =\n%s\nof its graph:\n%s", f, got.Bytes(), want.Bytes())
		}
		if !bytes.Contains(got.Bytes(), []byte("person/quoted")) {
			t.Errorf("Write(%s) of a source leaves out its bare actor person/quoted", f)
		}
	}
}

// TestSourceChanged checks that a source whose second pass does not read
// what its first did is an error, not a document with wrong ends.
func TestSourceChanged(t *testing.T) {
	fx := fixture()
	for _, f := range Formats() {
		src := &passSource{actors: fx.Actors(), sums: fx.Summaries(), drop: true}
		if _, err := Write(io.Discard, f, src, Options{}); !errors.Is(err, errSourceChanged) {
			t.Errorf("Write(%s) of a changing source: error %v, want %v", f, err, errSourceChanged)
		}
	}
}

// TestSelectionEnds checks that the ends of kept summaries read back in
// order across chunks.
func TestSelectionEnds(t *testing.T) {
	var sel selection
	n := 2*endsChunk + 5
	for i := range n {
		sel.addEnds(int32(i), int32(n-i))
	}
	if sel.edges != n {
		t.Fatalf("%d ends added, selection counts %d", n, sel.edges)
	}
	for i := range n {
		if u, v := sel.endsOf(i); u != i || v != n-i {
			t.Fatalf("endsOf(%d) = %d, %d; want %d, %d", i, u, v, i, n-i)
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteErrors(t *testing.T) {
	for _, f := range Formats() {
		if _, err := Write(failWriter{}, f, fixture(), Options{}); err == nil {
			t.Errorf("Write(%s) to a failing writer: no error", f)
		}
	}
	if _, err := Write(&bytes.Buffer{}, "svg", fixture(), Options{}); err == nil {
		t.Errorf("Write(svg): no error")
	}
}

// TestGEXFNodesMatchEncodingXML checks that the hand-written GEXF nodes
// are the bytes that encoding/xml writes for the same gexf12 values.
func TestGEXFNodesMatchEncodingXML(t *testing.T) {
	out, _ := export(t, GEXF, Options{})
	var c gexf12.Content
	if err := xml.Unmarshal(out, &c); err != nil {
		t.Fatal(err)
	}
	extra := []gexf12.Node{
		{ID: "bare"},
		{ID: "empty values", AttValues: &gexf12.AttValues{}, Color: &gexf12.Color{R: 1, A: 0.5}},
		{ID: "dynamic", Spells: &gexf12.Spells{Spells: []gexf12.Spell{{Start: "2023"}}}}, // goes through encoding/xml
	}
	for _, n := range append(c.Graph.Nodes.Nodes, extra...) {
		var h, r bytes.Buffer
		x, y := newXMLWriter(&h), newXMLWriter(&r)
		if err := x.gexfNode(&n, 3); err != nil {
			t.Fatal(err)
		}
		if err := y.gexfElement(&n, "node", 3); err != nil {
			t.Fatal(err)
		}
		x.Flush()
		y.Flush()
		if h.String() != r.String() {
			t.Errorf("gexfNode(%s) =\n%s\nencoding/xml writes\n%s", n.ID, h.String(), r.String())
		}
	}
}

// gexf12Edge returns the i-th kept edge of sel as a gonum gexf12.Edge, each
// field as encoding/xml would write it: the reference that the GEXF edges,
// written by hand, must equal.
func gexf12Edge(i int, e *edge, sel *selection, o Options) gexf12.Edge {
	s := e.s
	var vals []gexf12.AttValue
	add := func(id, v string) {
		if v != "" {
			vals = append(vals, gexf12.AttValue{For: id, Value: Clean(v)})
		}
	}
	add("relation", s.Relation)
	add("cameo", e.rel.CAMEO)
	vals = append(vals,
		gexf12.AttValue{For: "quad_class", Value: strconv.Itoa(int(e.rel.Quad))},
		gexf12.AttValue{For: "goldstein", Value: strconv.FormatFloat(e.rel.Goldstein, 'g', -1, 64)},
		gexf12.AttValue{For: "symmetric", Value: strconv.FormatBool(e.rel.Symmetric)},
		gexf12.AttValue{For: "evidence", Value: strconv.Itoa(e.weight)},
		gexf12.AttValue{For: "asserted", Value: strconv.Itoa(s.Asserted)},
		gexf12.AttValue{For: "intent", Value: strconv.Itoa(s.Intent)},
		gexf12.AttValue{For: "negated", Value: strconv.Itoa(s.Negated)})
	add("first_date", s.First.String())
	add("last_date", s.Last.String())
	add("role", s.Role)
	add("sentence", s.Example.Sentence)
	add("article", s.Example.Article)
	c := e.color
	ge := gexf12.Edge{
		ID:        "e" + strconv.Itoa(i),
		Label:     Clean(s.Relation),
		Source:    sel.nodes[e.from].id,
		Target:    sel.nodes[e.to].id,
		Weight:    float64(e.weight),
		AttValues: &gexf12.AttValues{AttValues: vals},
		Color:     &gexf12.Color{R: c.R, G: c.G, B: c.B},
	}
	if e.rel.Symmetric {
		ge.Type = "undirected"
	}
	if sp := Spells(nil, s.Dates, o.Filter.Since, o.Filter.Until); len(sp) > 0 {
		ge.Spells = &gexf12.Spells{Spells: sp}
	}
	return ge
}

// TestGEXFEdgesMatchEncodingXML checks, edge by edge, that the GEXF edges,
// written by hand, are the bytes that encoding/xml writes for the gexf12
// values of the same edges, so that the two cannot drift apart.
func TestGEXFEdgesMatchEncodingXML(t *testing.T) {
	g := fixture()
	g.AddSummary(graph.Summary{Source: "country/CHN", Relation: "<no&relation>\x00", Target: "org/nato", Asserted: 1,
		Role: "Role \"quoted\"\n", Example: graph.Evidence{Article: "a&b", Sentence: hostileSentence}})
	g.AddSummary(graph.Summary{Source: "country/UKR", Relation: "\x01", Target: "country/UKR", Intent: 3})
	g.AddSummary(graph.Summary{Source: "country/CHN", Relation: graph.Meet, Target: "country/USA", Asserted: 1, Negated: 2,
		First: graph.YearDate(2021), Last: day(2023, 12, 31),
		Dates: []graph.Date{graph.YearDate(2021), day(2021, 6, 1), graph.MonthDate(2023, 2), day(2023, 12, 31)}})
	for _, o := range []Options{{}, {Filter: graph.Filter{Since: graph.MonthDate(2021, 6), Until: graph.YearDate(2023), IncludeNegated: true}}} {
		if n := checkGEXFEdges(t, g, o); n == 0 {
			t.Fatalf("no edge compared under %+v", o.Filter)
		}
	}
}

// checkGEXFEdges compares each GEXF edge of g under o, written by hand,
// with encoding/xml's writing of its gexf12 value, and returns how many it
// compared.
func checkGEXFEdges(t *testing.T, g *graph.Graph, o Options) int {
	t.Helper()
	sel, err := selectSource(g, o)
	if err != nil {
		t.Fatal(err)
	}
	ids := escapedIDs(sel)
	err = sel.eachEdge(g, func(i int, e *edge) error {
		var h, r bytes.Buffer
		x, y := newXMLWriter(&h), newXMLWriter(&r)
		x.gexfEdge(i, e, ids, appendSpans(nil, e.s.Dates, o.Filter.Since, o.Filter.Until))
		ref := gexf12Edge(i, e, sel, o)
		if err := y.gexfElement(&ref, "edge", 3); err != nil {
			return err
		}
		x.Flush()
		y.Flush()
		if h.String() != r.String() {
			t.Errorf("gexfEdge(e%d, %+v) =\n%s\nencoding/xml writes\n%s", i, o.Filter, h.String(), r.String())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sel.edges
}

func TestFloatInt(t *testing.T) {
	for _, v := range []int{0, 1, -1, 7, 42, 999_999, -999_999, 1_000_000, -1_000_000, 1_234_567, 1 << 53, 1<<53 + 1, -1 << 62} {
		var b bytes.Buffer
		x := newXMLWriter(&b)
		x.floatInt(v)
		x.Flush()
		if want := strconv.FormatFloat(float64(v), 'g', -1, 64); b.String() != want {
			t.Errorf("floatInt(%d) = %q, want %q", v, b.String(), want)
		}
	}
}
