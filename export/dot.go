package export

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/diplograph/diplograph/graph"
)

// WriteDOT writes src as a Graphviz digraph through gonum's encoding/dot
// (MarshalMulti of a gonum multigraph built from the summaries, so that two
// relations between the same actors are two edges). Node ids are actor ids;
// nodes are labelled with canonical names, shaped and filled by kind; edges
// are labelled with the relation (and the evidence count when above one),
// coloured by quad class, thickened by evidence, undirected (dir=none) for
// symmetric relations and dashed for affiliations; tooltips carry dates and
// the example sentence.
func WriteDOT(w io.Writer, src graph.Source, o Options) (Counts, error) {
	sel, err := selectSource(src, o)
	if err != nil {
		return Counts{}, err
	}
	dg := &dotGraph{DirectedGraph: multi.NewDirectedGraph()}
	dg.graph = encoding.Attributes{
		{Key: "rankdir", Value: "LR"},
		{Key: "overlap", Value: "false"},
		{Key: "fontname", Value: "Helvetica"},
	}
	if o.Description != "" {
		dg.graph = append(dg.graph, encoding.Attribute{Key: "comment", Value: dotQuote(o.Description)})
	}
	dg.node = encoding.Attributes{
		{Key: "fontname", Value: "Helvetica"},
		{Key: "fontsize", Value: "11"},
		{Key: "style", Value: "filled"},
	}
	dg.edge = encoding.Attributes{
		{Key: "fontname", Value: "Helvetica"},
		{Key: "fontsize", Value: "9"},
	}
	nodes := make([]dotNode, len(sel.nodes))
	for i, n := range sel.nodes {
		a := n.actor
		tip := a.ID
		if a.Kind != "" {
			tip += ", " + string(a.Kind)
		}
		if a.Country != "" {
			tip += ", " + a.Country
		}
		tip += fmt.Sprintf(", evidence %d", n.evidence)
		nodes[i] = dotNode{
			id:   int64(i),
			name: dotQuote(a.ID),
			attrs: []encoding.Attribute{
				{Key: "label", Value: dotQuote(a.Name)},
				{Key: "shape", Value: n.style.shape},
				{Key: "fillcolor", Value: dotQuote(n.style.color.Hex())},
				{Key: "tooltip", Value: dotQuote(tip)},
			},
		}
		if n.style.color.dark() {
			nodes[i].attrs = append(nodes[i].attrs, encoding.Attribute{Key: "fontcolor", Value: "white"})
		}
		dg.AddNode(nodes[i])
	}
	err = sel.eachEdge(src, func(i int, e *edge) error {
		label := e.s.Relation
		if e.weight > 1 {
			label += " (" + strconv.Itoa(e.weight) + ")"
		}
		tip := e.s.Relation
		if e.rel.CAMEO != "" {
			tip += ", CAMEO " + e.rel.CAMEO
		}
		if !e.s.First.IsZero() {
			tip += ", " + e.s.First.String()
			if e.s.Last != e.s.First {
				tip += " to " + e.s.Last.String()
			}
		}
		if e.s.Example.Sentence != "" {
			tip += ": " + e.s.Example.Sentence
		}
		c := dotQuote(e.color.Hex())
		attrs := []encoding.Attribute{
			{Key: "label", Value: dotQuote(label)},
			{Key: "color", Value: c},
			{Key: "fontcolor", Value: c},
			{Key: "penwidth", Value: strconv.FormatFloat(penWidth(e.weight), 'g', -1, 64)},
			{Key: "tooltip", Value: dotQuote(tip)},
		}
		if e.rel.Symmetric {
			attrs = append(attrs, encoding.Attribute{Key: "dir", Value: "none"})
		}
		if e.rel.Affiliation {
			attrs = append(attrs, encoding.Attribute{Key: "style", Value: "dashed"})
		}
		dg.SetLine(dotLine{f: nodes[e.from], t: nodes[e.to], id: int64(i), attrs: attrs})
		return nil
	})
	if err != nil {
		return sel.counts(), err
	}
	b, err := dot.MarshalMulti(dg, "diplograph", "", "  ")
	if err != nil {
		return sel.counts(), fmt.Errorf("dot: %w", err)
	}
	bw := bufferedWriter(w)
	bw.Write(b)
	bw.WriteByte('\n')
	return sel.counts(), bw.Flush()
}

// penWidth is the line width of an edge with the given evidence.
func penWidth(evidence int) float64 {
	return math.Round((1+math.Log2(float64(max(evidence, 1))))*100) / 100
}

// dotQuote returns s cleaned as a DOT double-quoted string: backslashes and
// quotes escaped, line breaks as \n (Graphviz's centred line break),
// carriage returns as line breaks too. The result is also a valid Go quoted
// string, which gonum's encoder writes as it is rather than quoting again
// (gonum would otherwise pass through a name that already looks quoted or
// like an HTML label, such as "<b>x</b>").
func dotQuote(s string) string {
	s = clean(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotGraph is the gonum multigraph that WriteDOT marshals, with its graph,
// node and edge default attributes.
type dotGraph struct {
	*multi.DirectedGraph
	graph, node, edge encoding.Attributes
}

// DOTAttributers implements dot.Attributers.
func (g *dotGraph) DOTAttributers() (graph, node, edge encoding.Attributer) {
	return &g.graph, &g.node, &g.edge
}

// dotNode is an actor as a gonum node with its DOT name and attributes.
type dotNode struct {
	id    int64
	name  string // quoted actor id
	attrs []encoding.Attribute
}

func (n dotNode) ID() int64                        { return n.id }
func (n dotNode) DOTID() string                    { return n.name }
func (n dotNode) Attributes() []encoding.Attribute { return n.attrs }

// dotLine is a summary as a gonum line with its DOT attributes.
type dotLine struct {
	f, t  dotNode
	id    int64
	attrs []encoding.Attribute
}

func (l dotLine) From() gonum.Node                 { return l.f }
func (l dotLine) To() gonum.Node                   { return l.t }
func (l dotLine) ID() int64                        { return l.id }
func (l dotLine) ReversedLine() gonum.Line         { l.f, l.t = l.t, l.f; return l }
func (l dotLine) Attributes() []encoding.Attribute { return l.attrs }

var (
	_ dot.Node            = dotNode{}
	_ encoding.Attributer = dotNode{}
	_ gonum.Line          = dotLine{}
	_ encoding.Attributer = dotLine{}
	_ dot.Attributers     = (*dotGraph)(nil)
)
