package export

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/diplograph/diplograph/graph"
)

// JSONNode is a node of the JSON export.
type JSONNode struct {
	ID       string `json:"id"`    // actor id
	Label    string `json:"label"` // canonical name
	Kind     string `json:"kind"`
	Country  string `json:"country,omitempty"`
	Evidence int    `json:"evidence"` // pieces of evidence behind its kept edges
	Color    string `json:"color"`    // #rrggbb, by kind
}

// JSONEdge is an edge of the JSON export: one (source, relation, target).
type JSONEdge struct {
	ID        string   `json:"id"`
	Source    string   `json:"source"` // actor id
	Target    string   `json:"target"` // actor id
	Relation  string   `json:"relation"`
	CAMEO     string   `json:"cameo,omitempty"`
	QuadClass int      `json:"quad_class"`
	Goldstein float64  `json:"goldstein"`
	Directed  bool     `json:"directed"` // false for symmetric relations
	Evidence  int      `json:"evidence"` // pieces of evidence under the filter
	Weight    float64  `json:"weight"`   // the evidence, for tools that read weight
	Asserted  int      `json:"asserted"`
	Intent    int      `json:"intent"`
	Negated   int      `json:"negated"`
	FirstDate string   `json:"first_date,omitempty"`
	LastDate  string   `json:"last_date,omitempty"`
	Dates     []string `json:"dates,omitempty"`
	Role      string   `json:"role,omitempty"`
	Sentence  string   `json:"sentence,omitempty"`
	Article   string   `json:"article,omitempty"`
	Color     string   `json:"color"` // #rrggbb, by quad class
}

// JSONGraph is the document that WriteJSON writes.
type JSONGraph struct {
	Nodes []JSONNode `json:"nodes"`
	Edges []JSONEdge `json:"edges"`
}

// WriteJSON writes src as one JSON object {"nodes":[...],"edges":[...]} (see
// JSONGraph), one node or edge a line, streamed.
func WriteJSON(w io.Writer, src graph.Source, o Options) (Counts, error) {
	sel, err := selectSource(src, o)
	if err != nil {
		return Counts{}, err
	}
	bw := bufferedWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	bw.WriteString("{\"nodes\":[\n")
	for i, n := range sel.nodes {
		if i > 0 {
			bw.WriteByte(',')
		}
		if err := enc.Encode(JSONNode{
			ID:       n.id,
			Label:    clean(n.actor.Name),
			Kind:     clean(string(n.actor.Kind)),
			Country:  clean(n.actor.Country),
			Evidence: n.evidence,
			Color:    n.style.color.Hex(),
		}); err != nil {
			return sel.counts(), err
		}
	}
	bw.WriteString("],\"edges\":[\n")
	var dates []string
	err = sel.eachEdge(src, func(i int, e *edge) error {
		if i > 0 {
			bw.WriteByte(',')
		}
		s := e.s
		dates = dates[:0]
		for _, d := range s.Dates {
			if d.Within(o.Filter.Since, o.Filter.Until) {
				dates = append(dates, d.String())
			}
		}
		return enc.Encode(JSONEdge{
			ID:        "e" + strconv.Itoa(i),
			Source:    sel.nodes[e.from].id,
			Target:    sel.nodes[e.to].id,
			Relation:  clean(s.Relation),
			CAMEO:     e.rel.CAMEO,
			QuadClass: int(e.rel.Quad),
			Goldstein: e.rel.Goldstein,
			Directed:  !e.rel.Symmetric,
			Evidence:  e.weight,
			Weight:    float64(e.weight),
			Asserted:  s.Asserted,
			Intent:    s.Intent,
			Negated:   s.Negated,
			FirstDate: s.First.String(),
			LastDate:  s.Last.String(),
			Dates:     dates,
			Role:      clean(s.Role),
			Sentence:  clean(s.Example.Sentence),
			Article:   clean(s.Example.Article),
			Color:     e.color.Hex(),
		})
	})
	if err != nil {
		return sel.counts(), err
	}
	bw.WriteString("]}\n")
	return sel.counts(), bw.Flush()
}
