package export

import (
	"encoding/xml"
	"io"
	"strings"

	"gonum.org/v1/gonum/graph/formats/gexf12"
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
	enc := xml.NewEncoder(struct{ io.Writer }{x.w}) // its own buffer, flushed into x.w
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

// gexfEdge writes e at the given depth: the same bytes as gexfElement(e,
// "edge", depth), written by hand for speed. An edge with fields that the
// export never sets goes through encoding/xml.
func (x *xmlWriter) gexfEdge(e *gexf12.Edge, depth int) error {
	if e.Thickness != nil || e.Shape != nil || e.Start+e.StartOpen+e.End+e.EndOpen != "" ||
		!plainAttValues(e.AttValues) || !plainColor(e.Color) {
		return x.gexfElement(e, "edge", depth)
	}
	in := indents[depth]
	x.raw("\n")
	x.raw(in)
	x.raw("<edge")
	if e.ID != "" {
		x.attr("id", e.ID)
	}
	if e.Type != "" {
		x.attr("type", e.Type)
	}
	if e.Label != "" {
		x.attr("label", e.Label)
	}
	x.attr("source", e.Source)
	x.attr("target", e.Target)
	if e.Weight != 0 {
		x.raw(` weight="`)
		x.float(e.Weight)
		x.raw(`"`)
	}
	x.raw(">")
	children := x.attValues(e.AttValues, depth+1)
	if e.Spells != nil {
		x.raw("\n")
		x.raw(indents[depth+1])
		x.raw("<spells>")
		for _, s := range e.Spells.Spells {
			x.raw("\n")
			x.raw(indents[depth+2])
			x.raw("<spell")
			for _, a := range [...]struct{ name, v string }{{"start", s.Start}, {"startopen", s.StartOpen}, {"end", s.End}, {"endopen", s.EndOpen}} {
				if a.v != "" {
					x.attr(a.name, a.v)
				}
			}
			x.raw("></spell>")
		}
		x.end("spells", depth+1, len(e.Spells.Spells) > 0)
		children = true
	}
	children = x.color(e.Color, depth+1) || children
	x.end("edge", depth, children)
	return nil
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
