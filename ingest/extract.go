package ingest

import (
	"github.com/diplograph/diplograph/graph"
)

// Result is what extraction finds in one article.
type Result struct {
	Article   graph.Article
	Actors    []graph.Actor // every actor that an event names, with the aliases seen
	Events    []graph.Event // events and affiliation edges, merged per article
	Sentences int
}

// Extractor finds actors, affiliations and events in articles. It is safe
// for concurrent use: its lexicons are read-only once built.
type Extractor struct {
	lex *Lexicon
}

// NewExtractor returns an extractor over the given lexicons.
func NewExtractor(lex *Lexicon) *Extractor { return &Extractor{lex: lex} }

// Extract finds the actors and events of one article.
func (x *Extractor) Extract(a graph.Article) Result {
	return Result{Article: a}
}
