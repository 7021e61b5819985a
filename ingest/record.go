package ingest

import (
	"github.com/diplograph/diplograph/graph"
)

// Record is one extracted edge as a JSON line: the extraction output of
// ONTOLOGY.md, which `extract --format jsonl` prints and gold files are
// scored against.
type Record struct {
	Article       string  `json:"article"`
	Source        string  `json:"source"`
	SourceID      string  `json:"source_id"`
	SourceKind    string  `json:"source_kind"`
	SourceCountry string  `json:"source_country"`
	Relation      string  `json:"relation"`
	Target        string  `json:"target"`
	TargetID      string  `json:"target_id"`
	TargetKind    string  `json:"target_kind"`
	TargetCountry string  `json:"target_country"`
	Date          string  `json:"date"`
	Modality      string  `json:"modality"`
	Location      string  `json:"location"`
	Role          string  `json:"role,omitempty"`
	CAMEO         string  `json:"cameo"`
	QuadClass     int     `json:"quad_class"`
	Goldstein     float64 `json:"goldstein"`
	Confidence    float64 `json:"confidence"`
	Sentence      string  `json:"sentence"`
	Offset        int     `json:"offset"`
	Evidence      int     `json:"evidence"` // pieces of evidence merged into this event
}

// Records turns an extraction result into JSON-line records, one per event,
// in the order of the events, carrying each event's first evidence.
func (r Result) Records() []Record {
	actors := make(map[string]graph.Actor, len(r.Actors))
	for _, a := range r.Actors {
		actors[a.ID] = a
	}
	out := make([]Record, 0, len(r.Events))
	for _, e := range r.Events {
		rel, _ := graph.LookupRelation(e.Relation)
		src, tgt := actors[e.Source], actors[e.Target]
		rec := Record{
			Article:       r.Article.ID,
			Source:        src.Name,
			SourceID:      e.Source,
			SourceKind:    string(src.Kind),
			SourceCountry: r.countryOf(e.Source, e.Date),
			Relation:      e.Relation,
			Target:        tgt.Name,
			TargetID:      e.Target,
			TargetKind:    string(tgt.Kind),
			TargetCountry: r.countryOf(e.Target, e.Date),
			Date:          e.Date.String(),
			Modality:      string(e.Modality),
			Location:      e.Location,
			Role:          e.Role,
			CAMEO:         rel.CAMEO,
			QuadClass:     int(rel.Quad),
			Goldstein:     rel.Goldstein,
			Confidence:    e.Confidence,
			Evidence:      len(e.Evidence),
		}
		if len(e.Evidence) > 0 {
			rec.Sentence = e.Evidence[0].Sentence
			rec.Offset = e.Evidence[0].Offset
		}
		out = append(out, rec)
	}
	return out
}

// countryOf returns the ISO code of the country an actor is or acts for: a
// country itself, a person through a leads / official_of edge of this
// article. Organizations, blocs and unaffiliated persons have none.
func (r Result) countryOf(id string, _ graph.Date) string {
	for _, a := range r.Actors {
		if a.ID == id && a.Kind == graph.Country {
			return a.Country
		}
	}
	for _, e := range r.Events {
		if e.Source == id && (e.Relation == graph.Leads || e.Relation == graph.OfficialOf) && e.Modality != graph.Negated {
			if k, _ := graph.KindOfID(e.Target); k == graph.Country {
				return e.Target[len("country/"):]
			}
		}
	}
	return ""
}
