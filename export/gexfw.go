package export

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/diplograph/diplograph/graph"
)

// vizNS is the namespace of GEXF's viz elements, as gonum's types write it.
const vizNS = "http://www.gexf.net/1.2draft/viz"

// indents[d] is the indentation of an element at depth d.
var indents = func() [8]string {
	var in [8]string
	for d := range in {
		in[d] = strings.Repeat("  ", d)
	}
	return in
}()

// gexfElement writes v (a gonum gexf12 value) at the given depth with
// encoding/xml, on a new line and indented as encoding/xml's Indent("", "  ")
// would: the reference form of every element of the GEXF export.
func (x *xmlWriter) gexfElement(v any, name string, depth int) error {
	x.raw("\n")
	enc := xml.NewEncoder(x) // with a buffer of its own, flushed into x
	enc.Indent(indents[depth], "  ")
	return enc.EncodeElement(v, start(name))
}

// gexfNode writes n at the given depth: the same bytes as gexfElement(n,
// "node", depth), written by hand for speed. A node with fields that the
// export never sets goes through encoding/xml.
func (x *xmlWriter) gexfNode(n *gexf12.Node, depth int) error {
	if n.Spells != nil || n.Nodes != nil || n.Edges != nil || n.ParentID != "" || n.Parents != nil ||
		n.Position != nil || n.Shape != nil || n.Start+n.StartOpen+n.End+n.EndOpen != "" ||
		!plainAttValues(n.AttValues) || !plainColor(n.Color) ||
		(n.Size != nil && (n.Size.Spells != nil || n.Size.Start+n.Size.StartOpen+n.Size.End+n.Size.EndOpen != "")) {
		return x.gexfElement(n, "node", depth)
	}
	in := indents[depth]
	x.raw("\n")
	x.raw(in)
	x.raw("<node")
	if n.ID != "" {
		x.attr("id", n.ID)
	}
	if n.Label != "" {
		x.attr("label", n.Label)
	}
	x.raw(">")
	children := x.attValues(n.AttValues, depth+1)
	children = x.color(n.Color, depth+1) || children
	if n.Size != nil {
		x.raw("\n")
		x.raw(indents[depth+1])
		x.raw(`<size xmlns="` + vizNS + `" value="`)
		x.float(n.Size.Value)
		x.raw(`"></size>`)
		children = true
	}
	x.end("node", depth, children)
	return nil
}

// gexfEdge writes the i-th kept edge, given the escaped ids of the nodes
// and the spans of its spells, as a GEXF <edge> element at depth 3 (in
// <edges>), by hand from the edge: building a gexf12.Edge for each of a
// million edges, with its numbers and dates as strings, costs more than
// writing it. The bytes are those that encoding/xml writes for the
// gexf12.Edge of the edge, indented as gexfElement indents: attributes in
// the order of gexf12.Edge's fields, the empty ones left out, and children
// in its order (attvalues, spells, color). TestGEXFEdgesMatchEncodingXML
// checks it, edge by edge, against gexf12 values of the same edges.
func (x *xmlWriter) gexfEdge(i int, e *edge, ids *nodeIDs, spans []span) {
	s := e.s
	x.raw("\n      <edge id=\"e")
	x.int(i)
	x.raw(`"`)
	if e.rel.Symmetric {
		x.raw(` type="undirected"`)
	}
	if label := clean(s.Relation); label != "" {
		x.attr("label", label)
	}
	x.raw(` source="`)
	x.bytes(ids.of(e.from))
	x.raw(`" target="`)
	x.bytes(ids.of(e.to))
	x.raw(`"`)
	if e.weight != 0 {
		x.raw(` weight="`)
		x.floatInt(e.weight)
		x.raw(`"`)
	}
	x.raw(">\n        <attvalues>")
	x.attValueText("relation", s.Relation)
	x.attValueText("cameo", e.rel.CAMEO)
	x.attValueInt("quad_class", int(e.rel.Quad))
	x.attValueStart("goldstein")
	x.raw(e.goldstein)
	x.attValueEnd()
	x.attValueStart("symmetric")
	x.raw(strconv.FormatBool(e.rel.Symmetric))
	x.attValueEnd()
	x.attValueInt("evidence", e.weight)
	x.attValueInt("asserted", s.Asserted)
	x.attValueInt("intent", s.Intent)
	x.attValueInt("negated", s.Negated)
	x.attValueDate("first_date", s.First)
	x.attValueDate("last_date", s.Last)
	x.attValueText("role", s.Role)
	x.attValueText("sentence", s.Example.Sentence)
	x.attValueText("article", s.Example.Article)
	x.raw("\n        </attvalues>")
	if len(spans) > 0 {
		x.raw("\n        <spells>")
		for _, sp := range spans {
			x.raw("\n          <spell start=\"")
			x.date(sp.start)
			x.raw(`" end="`)
			x.date(sp.end)
			x.raw(`"></spell>`)
		}
		x.raw("\n        </spells>")
	}
	c := e.color
	x.color(&gexf12.Color{R: c.R, G: c.G, B: c.B}, 4)
	x.raw("\n      </edge>")
}

// nodeIDs holds the ids of the written nodes escaped as XML attribute
// values, one after another in one buffer: every GEXF edge writes two of
// them, which costs less copied from a small buffer than looked up among
// the nodes and escaped again.
type nodeIDs struct {
	buf  []byte
	ends []int // where the id of each node ends in buf
}

// escapedIDs returns the escaped ids of the nodes of sel.
func escapedIDs(sel *selection) *nodeIDs {
	var b bytes.Buffer
	x := newXMLWriter(&b)
	ids := &nodeIDs{ends: make([]int, len(sel.nodes))}
	for i, n := range sel.nodes {
		x.text(n.id)
		x.Flush() // never fails: into b
		ids.ends[i] = b.Len()
	}
	ids.buf = b.Bytes()
	return ids
}

// of returns the escaped id of the n-th node.
func (ids *nodeIDs) of(n int) []byte {
	start := 0
	if n > 0 {
		start = ids.ends[n-1]
	}
	return ids.buf[start:ids.ends[n]]
}

// attValueStart writes the start of an <attvalue> of an edge, up to its
// value.
func (x *xmlWriter) attValueStart(id string) {
	x.raw("\n          <attvalue for=\"")
	x.raw(id)
	x.raw(`" value="`)
}

// attValueEnd writes the end of an <attvalue>, after its value.
func (x *xmlWriter) attValueEnd() { x.raw(`"></attvalue>`) }

// attValueText writes an <attvalue> of an edge for a string, cleaned; none
// for "".
func (x *xmlWriter) attValueText(id, v string) {
	if v == "" {
		return
	}
	x.attValueStart(id)
	x.text(v)
	x.attValueEnd()
}

// attValueInt writes an <attvalue> of an edge for an int.
func (x *xmlWriter) attValueInt(id string, v int) {
	x.attValueStart(id)
	x.int(v)
	x.attValueEnd()
}

// attValueDate writes an <attvalue> of an edge for a date; none for no
// date.
func (x *xmlWriter) attValueDate(id string, d graph.Date) {
	if d.IsZero() {
		return
	}
	x.attValueStart(id)
	x.date(d)
	x.attValueEnd()
}

// end closes an element, on a line of its own when it has children.
func (x *xmlWriter) end(name string, depth int, children bool) {
	if children {
		x.raw("\n")
		x.raw(indents[depth])
	}
	x.raw("</")
	x.raw(name)
	x.raw(">")
}

// attValues writes an <attvalues> element; it reports whether it wrote one.
func (x *xmlWriter) attValues(vs *gexf12.AttValues, depth int) bool {
	if vs == nil {
		return false
	}
	x.raw("\n")
	x.raw(indents[depth])
	x.raw("<attvalues>")
	for _, v := range vs.AttValues {
		x.raw("\n")
		x.raw(indents[depth+1])
		x.raw("<attvalue")
		x.attr("for", v.For)
		x.attr("value", v.Value)
		x.raw("></attvalue>")
	}
	x.end("attvalues", depth, len(vs.AttValues) > 0)
	return true
}

// color writes a viz <color> element; it reports whether it wrote one.
func (x *xmlWriter) color(c *gexf12.Color, depth int) bool {
	if c == nil {
		return false
	}
	x.raw("\n")
	x.raw(indents[depth])
	x.raw(`<color xmlns="` + vizNS + `" r="`)
	x.int(int(c.R))
	x.raw(`" g="`)
	x.int(int(c.G))
	x.raw(`" b="`)
	x.int(int(c.B))
	if c.A != 0 {
		x.raw(`" a="`)
		x.float(c.A)
	}
	x.raw(`"></color>`)
	return true
}

func plainAttValues(vs *gexf12.AttValues) bool {
	if vs == nil {
		return true
	}
	for _, v := range vs.AttValues {
		if v.Start+v.StartOpen+v.End+v.EndOpen != "" {
			return false
		}
	}
	return true
}

func plainColor(c *gexf12.Color) bool {
	return c == nil || (c.Spells == nil && c.Start+c.StartOpen+c.End+c.EndOpen == "")
}
