package graph

// Source is a graph as an export reads it: its actors, and its edge
// summaries in an order that is the same on every pass. An export reads
// the summaries twice: once to count each actor's evidence, once to write
// them. A *Graph is a Source; a store offers one over its whole graph that
// reads the summaries anew on each pass, from one snapshot, rather than
// holding a million of them in memory.
type Source interface {
	// Actors returns the actors in node order. Summaries may name actors
	// that it does not list: a reader numbers them after those it lists,
	// in the order in which they first appear, as BareActor(id), which is
	// what AddSummary does.
	Actors() []Actor
	// EachSummary calls fn with each summary, in order, and stops at fn's
	// first error, which it returns. fn must not keep s, nor s.Dates,
	// after it returns: a source may reuse them for the next summary.
	EachSummary(fn func(s *Summary) error) error
}

var _ Source = (*Graph)(nil)
