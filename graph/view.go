package graph

import (
	"math"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

// View is a gonum view of a Graph under a Filter: a node per actor, an edge
// between two actors when some kept summary ties them. A directed view
// follows summaries from source to target; an undirected one follows them
// either way. View implements gonum's graph.Weighted; DirectedView adds
// graph.Directed and UndirectedView graph.WeightedUndirected, so gonum's
// algorithms, which tell the two apart by type, take them as they are.
type View struct {
	g        *Graph
	f        Filter
	directed bool
}

// DirectedView is a View whose edges go from source to target.
type DirectedView struct{ *View }

// UndirectedView is a View whose edges go either way.
type UndirectedView struct{ *View }

// Directed returns the directed view of g under f.
func (g *Graph) Directed(f Filter) DirectedView {
	return DirectedView{&View{g: g, f: f, directed: true}}
}

// Undirected returns the undirected view of g under f.
func (g *Graph) Undirected(f Filter) UndirectedView { return UndirectedView{&View{g: g, f: f}} }

// Graph returns the graph under the view.
func (v *View) Graph() *Graph { return v.g }

// Filter returns the view's filter.
func (v *View) Filter() Filter { return v.f }

// IsDirected reports whether the view is directed.
func (v *View) IsDirected() bool { return v.directed }

// Edge is a gonum edge of a view: the summaries that tie From to To.
type Edge struct {
	F, T      Node
	Summaries []Summary
	W         float64
}

// From implements gonum's graph.Edge.
func (e Edge) From() gonum.Node { return e.F }

// To implements gonum's graph.Edge.
func (e Edge) To() gonum.Node { return e.T }

// ReversedEdge implements gonum's graph.Edge.
func (e Edge) ReversedEdge() gonum.Edge { e.F, e.T = e.T, e.F; return e }

// Weight implements gonum's graph.WeightedEdge.
func (e Edge) Weight() float64 { return e.W }

// Cost is the weight of a hop tied by summaries of the given total evidence:
// one per hop, plus a small amount that falls as evidence grows, so that the
// hop count decides first and, among paths of equal length, well-evidenced
// edges win. Up to 9 hops, the extra never adds up to one hop.
func Cost(evidence int) float64 { return 1 + 0.1/float64(1+evidence) }

// Node implements gonum's graph.Graph.
func (v *View) Node(id int64) gonum.Node {
	if id < 0 || id >= int64(len(v.g.actors)) {
		return nil
	}
	return Node{id, v.g.actors[id]}
}

// Nodes implements gonum's graph.Graph.
func (v *View) Nodes() gonum.Nodes {
	nodes := make([]gonum.Node, len(v.g.actors))
	for i := range v.g.actors {
		nodes[i] = Node{int64(i), v.g.actors[i]}
	}
	return iterator.NewOrderedNodes(nodes)
}

// neighbours returns the distinct nodes reached from n by kept summaries:
// out-edges, and in-edges too when in is set.
func (v *View) neighbours(n int64, out, in bool) []gonum.Node {
	seen := map[int64]bool{}
	var nodes []gonum.Node
	add := func(id string) {
		m := v.g.index[id]
		if !seen[m] {
			seen[m] = true
			nodes = append(nodes, Node{m, v.g.actors[m]})
		}
	}
	if out {
		for _, i := range v.g.out[n] {
			if s := v.g.edges[i]; v.f.Keep(s) {
				add(s.Target)
			}
		}
	}
	if in {
		for _, i := range v.g.in[n] {
			if s := v.g.edges[i]; v.f.Keep(s) {
				add(s.Source)
			}
		}
	}
	return nodes
}

// From implements gonum's graph.Graph: the nodes reachable in one hop.
func (v *View) From(id int64) gonum.Nodes {
	if v.Node(id) == nil {
		return gonum.Empty
	}
	return iterator.NewOrderedNodes(v.neighbours(id, true, !v.directed))
}

// To implements gonum's graph.Directed: the nodes with an edge to id.
func (v DirectedView) To(id int64) gonum.Nodes {
	if v.Node(id) == nil {
		return gonum.Empty
	}
	return iterator.NewOrderedNodes(v.neighbours(id, !v.directed, true))
}

// HasEdgeBetween implements gonum's graph.Graph.
func (v *View) HasEdgeBetween(x, y int64) bool {
	return len(v.g.Between(x, y, false, v.f)) > 0
}

// HasEdgeFromTo implements gonum's graph.Directed.
func (v DirectedView) HasEdgeFromTo(u, w int64) bool {
	return len(v.g.Between(u, w, v.directed, v.f)) > 0
}

// Edge implements gonum's graph.Graph.
func (v *View) Edge(u, w int64) gonum.Edge {
	if e, ok := v.edge(u, w); ok {
		return e
	}
	return nil
}

// EdgeBetween implements gonum's graph.Undirected.
func (v UndirectedView) EdgeBetween(x, y int64) gonum.Edge { return v.Edge(x, y) }

// WeightedEdge implements gonum's graph.Weighted.
func (v *View) WeightedEdge(u, w int64) gonum.WeightedEdge {
	if e, ok := v.edge(u, w); ok {
		return e
	}
	return nil
}

// WeightedEdgeBetween implements gonum's graph.WeightedUndirected.
func (v UndirectedView) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge {
	return v.WeightedEdge(x, y)
}

// Weight implements gonum's graph.Weighted.
func (v *View) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	if e, ok := v.edge(x, y); ok {
		return e.W, true
	}
	return math.Inf(1), false
}

func (v *View) edge(u, w int64) (Edge, bool) {
	if v.Node(u) == nil || v.Node(w) == nil {
		return Edge{}, false
	}
	ss := v.g.Between(u, w, v.directed, v.f)
	if len(ss) == 0 {
		return Edge{}, false
	}
	ev := 0
	for _, s := range ss {
		ev += s.Weight(v.f)
	}
	return Edge{F: Node{u, v.g.actors[u]}, T: Node{w, v.g.actors[w]}, Summaries: ss, W: Cost(ev)}, true
}

var (
	_ gonum.WeightedDirected   = DirectedView{}
	_ gonum.WeightedUndirected = UndirectedView{}
)
