package graph

import (
	"maps"
	"slices"
	"sort"

	gonum "gonum.org/v1/gonum/graph"
)

// Summary is what the graph knows of one (source, relation, target): the
// evidence behind it, its dates and one example. The store keeps one per
// triple, up to date on every write; queries and exports read only these.
type Summary struct {
	Source   string `json:"source_id"`
	Relation string `json:"relation"`
	Target   string `json:"target_id"`

	Asserted int `json:"asserted"` // pieces of evidence by modality
	Intent   int `json:"intent"`
	Negated  int `json:"negated"`

	First   Date     `json:"first_date"`       // earliest event date (no date when none is dated)
	Last    Date     `json:"last_date"`        // latest event date
	Dates   []Date   `json:"dates,omitempty"`  // distinct event dates, sorted
	Role    string   `json:"role,omitempty"`   // for affiliations: the role title last seen
	Example Evidence `json:"example,omitzero"` // one evidence sentence
	ExDate  Date     `json:"example_date"`     // the date of the example's article
	ExTitle string   `json:"example_title,omitempty"`
}

// Evidence returns the pieces of evidence behind the triple, of every modality.
func (s Summary) Evidence() int { return s.Asserted + s.Intent + s.Negated }

// Weight returns the evidence that counts under f: negated evidence only when
// f includes negated events.
func (s Summary) Weight(f Filter) int {
	if f.IncludeNegated {
		return s.Evidence()
	}
	return s.Asserted + s.Intent
}

// Rel returns the summary's relation row.
func (s Summary) Rel() Relation { r, _ := LookupRelation(s.Relation); return r }

// Filter selects edges for queries and exports. The zero Filter keeps every
// non-negated edge.
type Filter struct {
	Relations      map[string]bool // empty: all
	Since, Until   Date            // open when zero
	IncludeNegated bool
	MinEvidence    int
}

// Keep reports whether the filter keeps s.
func (f Filter) Keep(s Summary) bool {
	if len(f.Relations) > 0 && !f.Relations[s.Relation] {
		return false
	}
	w := s.Weight(f)
	if w == 0 || w < f.MinEvidence {
		return false
	}
	if f.Since.IsZero() && f.Until.IsZero() {
		return true
	}
	r := s.Rel()
	if r.Affiliation && len(s.Dates) == 0 {
		return true // affiliations are states, not dated events
	}
	for _, d := range s.Dates {
		if d.Within(f.Since, f.Until) {
			return true
		}
	}
	return false
}

// Graph is an in-memory graph of actors and edge summaries, built by the
// store for a query or an export. Nodes are numbered in the order actors are
// added, so the gonum views are deterministic.
type Graph struct {
	actors []Actor
	index  map[string]int64
	edges  []Summary
	out    map[int64][]int // node -> indexes into edges where it is the source
	in     map[int64][]int // node -> indexes into edges where it is the target

	// The node of the last source added: loaders add summaries in source
	// order, so most sources are the one before.
	lastSource string
	lastNode   int64
	haveLast   bool
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{index: map[string]int64{}, out: map[int64][]int{}, in: map[int64][]int{}}
}

// Grow makes room for actors more actors and summaries more summaries, so
// that adding them does not copy what the graph holds as it grows: a
// capacity hint for loaders that know or can estimate how much they will
// add. It changes nothing that the graph holds.
func (g *Graph) Grow(actors, summaries int) {
	actors, summaries = max(actors, 0), max(summaries, 0)
	g.actors = slices.Grow(g.actors, actors)
	g.edges = slices.Grow(g.edges, summaries)
	if actors > 0 {
		g.index = regrow(g.index, len(g.actors)+actors)
	}
	if nodes := len(g.actors) + actors; nodes > len(g.out) {
		g.out = regrow(g.out, nodes)
		g.in = regrow(g.in, nodes)
	}
}

// regrow returns a map holding m's entries with room for n.
func regrow[K comparable, V any](m map[K]V, n int) map[K]V {
	if n <= len(m) {
		return m
	}
	r := make(map[K]V, n)
	maps.Copy(r, m)
	return r
}

// AddActor adds a (or replaces the actor with a's id) and returns its node id.
func (g *Graph) AddActor(a Actor) int64 {
	if n, ok := g.index[a.ID]; ok {
		g.actors[n] = a
		return n
	}
	n := int64(len(g.actors))
	g.actors = append(g.actors, a)
	g.index[a.ID] = n
	return n
}

// AddSummary adds an edge summary. Its ends are added as bare actors when
// they are not yet in the graph.
func (g *Graph) AddSummary(s Summary) {
	u := g.lastNode
	if !g.haveLast || s.Source != g.lastSource {
		u = g.ensure(s.Source)
		g.lastSource, g.lastNode, g.haveLast = s.Source, u, true
	}
	v := g.ensure(s.Target)
	i := len(g.edges)
	g.edges = append(g.edges, s)
	g.out[u] = append(g.out[u], i)
	g.in[v] = append(g.in[v], i)
}

func (g *Graph) ensure(id string) int64 {
	if n, ok := g.index[id]; ok {
		return n
	}
	return g.AddActor(BareActor(id))
}

// BareActor returns the actor that a graph adds for an id that it knows
// only from a summary: named by its id, of the kind that its prefix names.
func BareActor(id string) Actor {
	k, _ := KindOfID(id)
	return Actor{ID: id, Name: id, Kind: k}
}

// Actor returns the actor with the given id.
func (g *Graph) Actor(id string) (Actor, bool) {
	n, ok := g.index[id]
	if !ok {
		return Actor{}, false
	}
	return g.actors[n], true
}

// NodeID returns the node number of the actor with the given id.
func (g *Graph) NodeID(id string) (int64, bool) { n, ok := g.index[id]; return n, ok }

// ActorOf returns the actor of node n.
func (g *Graph) ActorOf(n int64) Actor { return g.actors[n] }

// Actors returns the actors in node order.
func (g *Graph) Actors() []Actor { return g.actors }

// Summaries returns the edge summaries in the order they were added.
func (g *Graph) Summaries() []Summary { return g.edges }

// EachSummary calls fn with each edge summary in the order they were
// added, and stops at fn's first error, which it returns: it makes a Graph a
// Source.
func (g *Graph) EachSummary(fn func(s *Summary) error) error {
	for i := range g.edges {
		if err := fn(&g.edges[i]); err != nil {
			return err
		}
	}
	return nil
}

// Len returns the number of actors and edges.
func (g *Graph) Len() (nodes, edges int) { return len(g.actors), len(g.edges) }

// Between returns the summaries with ends u and v (node numbers), in either
// direction unless directed, kept by f.
func (g *Graph) Between(u, v int64, directed bool, f Filter) []Summary {
	var out []Summary
	for _, i := range g.out[u] {
		if s := g.edges[i]; g.index[s.Target] == v && f.Keep(s) {
			out = append(out, s)
		}
	}
	if !directed && u != v {
		for _, i := range g.in[u] {
			if s := g.edges[i]; g.index[s.Source] == v && f.Keep(s) {
				out = append(out, s)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Weight(f) > out[j].Weight(f) })
	return out
}

// Out returns the indexes of summaries leaving node n.
func (g *Graph) Out(n int64) []Summary { return g.pick(g.out[n]) }

// In returns the summaries entering node n.
func (g *Graph) In(n int64) []Summary { return g.pick(g.in[n]) }

func (g *Graph) pick(idx []int) []Summary {
	out := make([]Summary, len(idx))
	for i, j := range idx {
		out[i] = g.edges[j]
	}
	return out
}

// Node is a gonum node that carries its actor.
type Node struct {
	N     int64
	Actor Actor
}

// ID implements gonum's graph.Node.
func (n Node) ID() int64 { return n.N }

var _ gonum.Node = Node{}
