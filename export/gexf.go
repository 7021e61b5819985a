package export

import (
	"encoding/xml"
	"io"
	"math"
	"slices"
	"strconv"
	"time"

	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/diplograph/diplograph/graph"
)

// gexfNS is the namespace of GEXF 1.2 (gonum's gexf12 types).
const gexfNS = "http://www.gexf.net/1.2draft"

// The GEXF attribute declarations. Ids are the attribute names, which Gephi
// shows as column titles and graphology takes as attribute keys.
var (
	gexfNodeAttributes = []gexf12.Attribute{
		{ID: "kind", Title: "kind", Type: "string"},
		{ID: "country", Title: "country", Type: "string"},
		{ID: "evidence", Title: "evidence", Type: "integer"},
	}
	gexfEdgeAttributes = []gexf12.Attribute{
		{ID: "relation", Title: "relation", Type: "string"},
		{ID: "cameo", Title: "cameo", Type: "string"},
		{ID: "quad_class", Title: "quad_class", Type: "integer"},
		{ID: "goldstein", Title: "goldstein", Type: "double"},
		{ID: "symmetric", Title: "symmetric", Type: "boolean"},
		{ID: "evidence", Title: "evidence", Type: "integer"},
		{ID: "asserted", Title: "asserted", Type: "integer"},
		{ID: "intent", Title: "intent", Type: "integer"},
		{ID: "negated", Title: "negated", Type: "integer"},
		{ID: "first_date", Title: "first_date", Type: "string"},
		{ID: "last_date", Title: "last_date", Type: "string"},
		{ID: "role", Title: "role", Type: "string"},
		{ID: "sentence", Title: "sentence", Type: "string"},
		{ID: "article", Title: "article", Type: "string"},
	}
)

// WriteGEXF writes src as a dynamic GEXF 1.2 graph (mode="dynamic",
// timeformat="date") through gonum's gexf12 types: node ids are actor ids;
// each edge has spells covering its event dates (a day, or the whole month
// or year of a less precise date; overlapping spans merged), so that Gephi's
// timeline plays the relations over time; an undated edge has none and is
// always shown. Nodes are coloured by kind and sized by evidence, edges
// coloured by quad class and weighted by evidence; symmetric relations are
// undirected edges. The document is streamed node by node and edge by edge.
//
// The meta element and the attribute declarations are gexf12 values written
// by encoding/xml; each node is a gexf12.Node written by hand (gexfNode);
// the edges, a million in a large export, are written by hand straight
// from the edges, with no gexf12.Edge built (gexfEdge). Tests check both
// hand writers, byte for byte, against encoding/xml's writing of the
// gexf12 values of the same nodes and edges.
func WriteGEXF(w io.Writer, src graph.Source, o Options) (Counts, error) {
	sel, err := selectSource(src, o)
	if err != nil {
		return Counts{}, err
	}
	x := newXMLWriter(w)
	err = writeGEXF(x, src, sel, o)
	if err == nil {
		err = x.Flush()
	}
	return sel.counts(), err
}

func writeGEXF(x *xmlWriter, src graph.Source, sel *selection, o Options) error {
	x.raw(xml.Header)
	x.raw(`<gexf xmlns="` + gexfNS + `" version="1.2">`)
	meta := &gexf12.Meta{Creator: "diplograph", Description: clean(o.Description)}
	if err := x.gexfElement(meta, "meta", 1); err != nil {
		return err
	}
	x.raw("\n  <graph")
	for _, a := range [...][2]string{{"defaultedgetype", "directed"}, {"idtype", "string"}, {"mode", "dynamic"}, {"timeformat", "date"}} {
		x.attr(a[0], a[1])
	}
	x.raw(">")
	for _, a := range []gexf12.Attributes{
		{Class: "node", Mode: "static", Attributes: gexfNodeAttributes},
		{Class: "edge", Mode: "static", Attributes: gexfEdgeAttributes},
	} {
		if err := x.gexfElement(a, "attributes", 2); err != nil {
			return err
		}
	}

	x.raw("\n    <nodes count=\"")
	x.int(len(sel.nodes))
	x.raw("\">")
	// One value of each element type, reused node after node: the writer
	// is done with them when it returns.
	vals := make([]gexf12.AttValue, 0, len(gexfNodeAttributes))
	var (
		av   gexf12.AttValues
		col  gexf12.Color
		size gexf12.Size
	)
	for _, n := range sel.nodes {
		vals = vals[:0]
		vals = appendVal(vals, "kind", string(n.actor.Kind))
		vals = appendVal(vals, "country", n.actor.Country)
		vals = append(vals, gexf12.AttValue{For: "evidence", Value: strconv.Itoa(n.evidence)})
		c := n.style.color
		av.AttValues = vals
		col = gexf12.Color{R: c.R, G: c.G, B: c.B}
		size.Value = nodeSize(n.evidence)
		gn := gexf12.Node{ID: n.id, Label: clean(n.actor.Name), AttValues: &av, Color: &col, Size: &size}
		if err := x.gexfNode(&gn, 3); err != nil {
			return err
		}
	}
	x.raw("\n    </nodes>\n    <edges count=\"")
	x.int(sel.counts().Edges)
	x.raw("\">")
	ids := escapedIDs(sel)
	var spans []span
	err := sel.eachEdge(src, func(i int, e *edge) error {
		spans = appendSpans(spans[:0], e.s.Dates, o.Filter.Since, o.Filter.Until)
		x.gexfEdge(i, e, ids, spans)
		return nil
	})
	if err != nil {
		return err
	}
	x.raw("\n    </edges>\n  </graph>\n</gexf>\n")
	return nil
}

// start returns a start element with the given attributes, as name, value
// pairs.
func start(name string, attrs ...string) xml.StartElement {
	s := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		s.Attr = append(s.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	return s
}

// appendVal appends an attribute value, cleaned; none for "".
func appendVal(vals []gexf12.AttValue, id, v string) []gexf12.AttValue {
	if v == "" {
		return vals
	}
	return append(vals, gexf12.AttValue{For: id, Value: clean(v)})
}

// nodeSize is the viz size of a node with the given evidence: it grows with
// the square root, so that hubs stand out without swallowing the picture.
func nodeSize(evidence int) float64 {
	return math.Round((10+4*math.Sqrt(float64(evidence)))*100) / 100
}

// Spells appends to dst the GEXF spells of an edge with the given event
// dates: each date covers its day, or its whole month or year when known
// only to that precision; dates outside [since, until] (bounds open when
// zero) are left out; overlapping spans are merged, since Gephi refuses
// overlapping intervals. Spells are inclusive, in YYYY-MM-DD, sorted.
func Spells(dst []gexf12.Spell, dates []graph.Date, since, until graph.Date) []gexf12.Spell {
	for _, sp := range appendSpans(nil, dates, since, until) {
		dst = append(dst, gexf12.Spell{Start: sp.start.String(), End: sp.end.String()})
	}
	return dst
}

// span is the inclusive range of days of a spell.
type span struct{ start, end graph.Date }

// appendSpans appends to dst the spans of the spells of an edge with the
// given event dates, as Spells describes them.
func appendSpans(dst []span, dates []graph.Date, since, until graph.Date) []span {
	key := func(d graph.Date) int { return (d.Year*100+int(d.Month))*100 + d.Day }
	var buf [8]span
	spans := buf[:0]
	for _, d := range dates {
		if d.IsZero() || !d.Within(since, until) {
			continue
		}
		first := d
		switch d.Precision {
		case graph.YearPrecision:
			first = graph.DayDate(d.Year, time.January, 1)
		case graph.MonthPrecision:
			first = graph.DayDate(d.Year, d.Month, 1)
		}
		spans = append(spans, span{first, d.End()})
	}
	slices.SortFunc(spans, func(a, b span) int { return key(a.start) - key(b.start) })
	for i := 0; i < len(spans); {
		cur := spans[i]
		for i++; i < len(spans) && key(spans[i].start) <= key(cur.end); i++ {
			if key(spans[i].end) > key(cur.end) {
				cur.end = spans[i].end
			}
		}
		dst = append(dst, cur)
	}
	return dst
}
