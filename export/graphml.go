package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/diplograph/diplograph/graph"
)

// A GraphML key: one declared attribute.
type graphmlKey struct {
	id, domain, name, typ string
}

// The GraphML keys. Node colours as r, g, b and the edge's evidence as
// weight are the names that Gephi's GraphML importer reads as colour and
// weight; label is the name that Gephi, yEd and networkx users expect.
var (
	graphmlNodeKeys = []graphmlKey{
		{"n_label", "node", "label", "string"},
		{"n_actor_id", "node", "actor_id", "string"},
		{"n_kind", "node", "kind", "string"},
		{"n_country", "node", "country", "string"},
		{"n_evidence", "node", "evidence", "int"},
		{"n_r", "node", "r", "int"},
		{"n_g", "node", "g", "int"},
		{"n_b", "node", "b", "int"},
	}
	graphmlEdgeKeys = []graphmlKey{
		{"e_label", "edge", "label", "string"},
		{"e_relation", "edge", "relation", "string"},
		{"e_cameo", "edge", "cameo", "string"},
		{"e_quad_class", "edge", "quad_class", "int"},
		{"e_goldstein", "edge", "goldstein", "double"},
		{"e_symmetric", "edge", "symmetric", "boolean"},
		{"e_evidence", "edge", "evidence", "int"},
		{"e_weight", "edge", "weight", "double"},
		{"e_asserted", "edge", "asserted", "int"},
		{"e_intent", "edge", "intent", "int"},
		{"e_negated", "edge", "negated", "int"},
		{"e_first_date", "edge", "first_date", "string"},
		{"e_last_date", "edge", "last_date", "string"},
		{"e_role", "edge", "role", "string"},
		{"e_sentence", "edge", "sentence", "string"},
		{"e_article", "edge", "article", "string"},
		{"e_r", "edge", "r", "int"},
		{"e_g", "edge", "g", "int"},
		{"e_b", "edge", "b", "int"},
	}
)

// WriteGraphML writes src as GraphML: every attribute declared with a typed
// <key>, node ids n0, n1, ... (the actor id is the actor_id attribute),
// edge ids e0, e1, ... . By default the graph is directed and symmetric
// relations carry symmetric=true; with o.Mixed they are undirected edges.
func WriteGraphML(w io.Writer, src graph.Source, o Options) (Counts, error) {
	sel, err := selectSource(src, o)
	if err != nil {
		return Counts{}, err
	}
	x := newXMLWriter(w)
	x.raw(xml.Header)
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	if o.Description != "" {
		x.comment(o.Description)
	}
	for _, keys := range [][]graphmlKey{graphmlNodeKeys, graphmlEdgeKeys} {
		for _, k := range keys {
			x.raw("  <key")
			x.attr("id", k.id)
			x.attr("for", k.domain)
			x.attr("attr.name", k.name)
			x.attr("attr.type", k.typ)
			x.raw("/>\n")
		}
	}
	if o.Mixed {
		x.raw(`  <graph id="G" edgedefault="undirected">` + "\n")
	} else {
		x.raw(`  <graph id="G" edgedefault="directed">` + "\n")
	}
	for i, n := range sel.nodes {
		x.raw(`    <node id="n`)
		x.int(i)
		x.raw("\">\n")
		x.data("n_label", n.actor.Name)
		x.data("n_actor_id", n.actor.ID)
		x.data("n_kind", string(n.actor.Kind))
		x.data("n_country", n.actor.Country)
		x.dataInt("n_evidence", n.evidence)
		c := n.style.color
		x.dataInt("n_r", int(c.R))
		x.dataInt("n_g", int(c.G))
		x.dataInt("n_b", int(c.B))
		x.raw("    </node>\n")
	}
	err = sel.eachEdge(src, func(i int, e *edge) error {
		x.raw(`    <edge id="e`)
		x.int(i)
		x.raw(`" source="n`)
		x.int(e.from)
		x.raw(`" target="n`)
		x.int(e.to)
		if o.Mixed && !e.rel.Symmetric {
			x.raw(`" directed="true`)
		}
		x.raw("\">\n")
		s := e.s
		x.data("e_label", s.Relation)
		x.data("e_relation", s.Relation)
		x.data("e_cameo", e.rel.CAMEO)
		x.dataInt("e_quad_class", int(e.rel.Quad))
		x.dataStart("e_goldstein")
		x.raw(e.goldstein)
		x.raw("</data>\n")
		x.data("e_symmetric", strconv.FormatBool(e.rel.Symmetric))
		x.dataInt("e_evidence", e.weight)
		x.dataStart("e_weight")
		x.floatInt(e.weight)
		x.raw("</data>\n")
		x.dataInt("e_asserted", s.Asserted)
		x.dataInt("e_intent", s.Intent)
		x.dataInt("e_negated", s.Negated)
		x.dataDate("e_first_date", s.First)
		x.dataDate("e_last_date", s.Last)
		x.data("e_role", s.Role)
		x.data("e_sentence", s.Example.Sentence)
		x.data("e_article", s.Example.Article)
		c := e.color
		x.dataInt("e_r", int(c.R))
		x.dataInt("e_g", int(c.G))
		x.dataInt("e_b", int(c.B))
		x.raw("    </edge>\n")
		return nil
	})
	if err != nil {
		return sel.counts(), err
	}
	x.raw("  </graph>\n</graphml>\n")
	return sel.counts(), x.Flush()
}
