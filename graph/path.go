package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/path"
)

// Hop is one step of a path: two actors (ids, in the order the path walks
// them) and the kept summaries that tie them, best evidenced first. A hop
// may walk a summary against its direction unless the search was directed.
type Hop struct {
	From, To  string
	Summaries []Summary
}

// Path is a simple path between two actors and its cost (the sum of the
// hops' Cost values: the hop count, plus a little less for well-evidenced
// hops).
type Path struct {
	Hops []Hop
	Cost float64
}

// Actors returns the ids along the path, from its start to its end.
func (p Path) Actors() []string {
	if len(p.Hops) == 0 {
		return nil
	}
	ids := []string{p.Hops[0].From}
	for _, h := range p.Hops {
		ids = append(ids, h.To)
	}
	return ids
}

// ErrGaveUp is wrapped by the error that KShortestPaths returns when its
// context ends before the search does.
var ErrGaveUp = errors.New("gave up")

// costLimit returns the greatest cost of a path of at most hops hops. Every
// kept summary carries evidence, so a hop costs at most Cost(1); a path of
// one more hop costs more than hops+1, which is more than the limit up to
// 19 hops (beyond that, paths are also cut by their hop count).
func costLimit(hops int) float64 { return float64(hops)*Cost(1) + 1e-9 }

// compactView is a weighted gonum graph built once from a Graph under a
// filter, for the many shortest-path searches of Yen's algorithm: a node per
// actor (numbered as in the Graph), an edge from u to v when a hop from u may
// follow a kept summary to v (see HopSummaries), weighted by Cost of the
// evidence of all such summaries. Neighbours are listed in node order, so
// that searches, and the order of paths of equal cost, are deterministic.
// It implements gonum's graph.Graph and path.Weighted; compactDirected adds
// graph.Directed.
type compactView struct {
	nodes []Node
	out   [][]int64 // sorted
	in    [][]int64 // sorted; directed views only
	w     map[[2]int64]float64
}

// compactDirected is a compactView that gonum takes as directed.
type compactDirected struct{ *compactView }

func (g *Graph) compact(directed bool, f Filter) *compactView {
	c := &compactView{nodes: make([]Node, len(g.actors)), out: make([][]int64, len(g.actors)), w: map[[2]int64]float64{}}
	if directed {
		c.in = make([][]int64, len(g.actors))
	}
	for i, a := range g.actors {
		c.nodes[i] = Node{int64(i), a}
	}
	ev := map[[2]int64]int{}
	add := func(u, v int64, n int) {
		if _, ok := ev[[2]int64{u, v}]; !ok {
			c.out[u] = append(c.out[u], v)
			if directed {
				c.in[v] = append(c.in[v], u)
			}
		}
		ev[[2]int64{u, v}] += n
	}
	for _, s := range g.edges {
		u, v := g.index[s.Source], g.index[s.Target]
		if u == v || !f.Keep(s) {
			continue
		}
		n := s.Weight(f)
		add(u, v, n)
		if !directed || s.Rel().Symmetric {
			add(v, u, n)
		}
	}
	for k, n := range ev {
		c.w[k] = Cost(n)
	}
	for i := range c.out {
		slices.Sort(c.out[i])
		if directed {
			slices.Sort(c.in[i])
		}
	}
	return c
}

// Node implements gonum's graph.Graph.
func (c *compactView) Node(id int64) gonum.Node {
	if id < 0 || id >= int64(len(c.nodes)) {
		return nil
	}
	return c.nodes[id]
}

// Nodes implements gonum's graph.Graph.
func (c *compactView) Nodes() gonum.Nodes {
	nodes := make([]gonum.Node, len(c.nodes))
	for i := range c.nodes {
		nodes[i] = c.nodes[i]
	}
	return iterator.NewOrderedNodes(nodes)
}

func (c *compactView) list(ids []int64) gonum.Nodes {
	if len(ids) == 0 {
		return gonum.Empty
	}
	nodes := make([]gonum.Node, len(ids))
	for i, id := range ids {
		nodes[i] = c.nodes[id]
	}
	return iterator.NewOrderedNodes(nodes)
}

// From implements gonum's graph.Graph.
func (c *compactView) From(id int64) gonum.Nodes {
	if c.Node(id) == nil {
		return gonum.Empty
	}
	return c.list(c.out[id])
}

// HasEdgeBetween implements gonum's graph.Graph.
func (c *compactView) HasEdgeBetween(x, y int64) bool {
	_, a := c.w[[2]int64{x, y}]
	_, b := c.w[[2]int64{y, x}]
	return a || b
}

// Edge implements gonum's graph.Graph.
func (c *compactView) Edge(u, v int64) gonum.Edge {
	w, ok := c.w[[2]int64{u, v}]
	if !ok {
		return nil
	}
	return Edge{F: c.nodes[u], T: c.nodes[v], W: w}
}

// Weight implements gonum's path.Weighted.
func (c *compactView) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	if w, ok := c.w[[2]int64{x, y}]; ok {
		return w, true
	}
	return math.Inf(1), false
}

// HasEdgeFromTo implements gonum's graph.Directed.
func (c compactDirected) HasEdgeFromTo(u, v int64) bool {
	_, ok := c.w[[2]int64{u, v}]
	return ok
}

// To implements gonum's graph.Directed.
func (c compactDirected) To(id int64) gonum.Nodes {
	if c.Node(id) == nil {
		return gonum.Empty
	}
	return c.list(c.in[id])
}

var _ gonum.Directed = compactDirected{}

// KShortestPaths returns up to k shortest simple paths from the actor from
// to the actor to in g, of at most maxHops hops, over the summaries that f
// keeps, in order of cost: fewest hops first, among paths of equal length
// the better evidenced first, and among paths of equal cost in the order of
// the actor ids along them. Hops follow summaries either way
// unless directed. No path gives an empty result and no error.
//
// Only the actors that lie on some walk of at most maxHops hops take part:
// g may be much larger than the answer needs. The search runs gonum's Yen
// algorithm on a compact weighted view of that part (the filter applied and
// the hop weights summed once, where g's Views work them out on every
// call), which cannot be interrupted: when ctx ends first,
// KShortestPaths returns an error wrapping ErrGaveUp and ctx.Err(), and the
// abandoned search finishes in the background.
func KShortestPaths(ctx context.Context, g *Graph, from, to string, k, maxHops int, directed bool, f Filter) ([]Path, error) {
	if k < 1 {
		return nil, fmt.Errorf("k shortest paths: k must be at least 1, got %d", k)
	}
	if maxHops < 1 {
		return nil, fmt.Errorf("k shortest paths: the hop limit must be at least 1, got %d", maxHops)
	}
	s, ok1 := g.NodeID(from)
	t, ok2 := g.NodeID(to)
	if !ok1 || !ok2 || s == t {
		return nil, nil
	}
	dF := g.distances(s, maxHops, directed, true, f)
	dT := g.distances(t, maxHops, directed, false, f)
	if _, ok := dF[t]; !ok {
		return nil, nil
	}
	sub, subFrom, subTo := g.prune(dF, dT, s, t, maxHops, f)

	var view interface {
		gonum.Graph
		Weight(x, y int64) (float64, bool)
	}
	c := sub.compact(directed, f)
	if directed {
		view = compactDirected{c}
	} else {
		view = c
	}
	sn, tn := view.Node(subFrom), view.Node(subTo)

	type result struct {
		nodes [][]gonum.Node
		err   error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("k shortest paths: %v", r)}
			}
		}()
		_, w0 := path.DijkstraFromTo(sn, tn, view)
		limit := costLimit(maxHops)
		if math.IsInf(w0, 1) || w0 > limit {
			done <- result{}
			return
		}
		done <- result{nodes: path.YenKShortestPaths(view, k, limit-w0, sn, tn)}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		return nil, fmt.Errorf("k shortest paths from %s to %s: %w after searching %d actors: %w", from, to, ErrGaveUp, len(sub.actors), ctx.Err())
	}
	if r.err != nil {
		return nil, r.err
	}

	var paths []Path
	for _, nodes := range r.nodes {
		if len(nodes) < 2 || len(nodes)-1 > maxHops {
			continue
		}
		p := Path{Hops: make([]Hop, 0, len(nodes)-1)}
		for i := 1; i < len(nodes); i++ {
			u, v := nodes[i-1].ID(), nodes[i].ID()
			ss := sub.HopSummaries(u, v, directed, f)
			ev := 0
			for _, s := range ss {
				ev += s.Weight(f)
			}
			p.Hops = append(p.Hops, Hop{From: sub.actors[u].ID, To: sub.actors[v].ID, Summaries: ss})
			p.Cost += Cost(ev)
		}
		paths = append(paths, p)
	}
	// Yen's algorithm ranks paths of equal cost in no useful order: rank
	// them by the ids along them, so that answers are the same whatever the
	// order the graph was read in.
	slices.SortStableFunc(paths, func(a, b Path) int {
		if d := a.Cost - b.Cost; d < -1e-9 || d > 1e-9 {
			return cmp.Compare(a.Cost, b.Cost)
		}
		return slices.Compare(a.Actors(), b.Actors())
	})
	return paths, nil
}

// walks reports whether a search may follow s from its source to its target
// (along) or from its target to its source (!along): either way when the
// search is undirected or the relation symmetric, else only along.
func walks(s Summary, along, directed bool) bool {
	return along || !directed || s.Rel().Symmetric
}

// HopSummaries returns the summaries that f keeps between the actors of
// nodes u and v that a hop from u to v may follow: those from u to v, and
// from v to u too unless directed (a symmetric relation is always followed
// either way), best evidenced first.
func (g *Graph) HopSummaries(u, v int64, directed bool, f Filter) []Summary {
	ss := g.Between(u, v, false, f)
	if !directed {
		return ss
	}
	kept := ss[:0]
	for _, s := range ss {
		if g.index[s.Source] == u || s.Rel().Symmetric {
			kept = append(kept, s)
		}
	}
	return kept
}

// distances returns the hop counts, up to limit, from node n over the
// summaries that f keeps: following them from source to target when
// forward, from target to source otherwise, and either way unless directed.
func (g *Graph) distances(n int64, limit int, directed, forward bool, f Filter) map[int64]int {
	dist := map[int64]int{n: 0}
	frontier := []int64{n}
	for d := 1; d <= limit && len(frontier) > 0; d++ {
		var next []int64
		visit := func(id string) {
			m := g.index[id]
			if _, ok := dist[m]; !ok {
				dist[m] = d
				next = append(next, m)
			}
		}
		for _, u := range frontier {
			for _, i := range g.out[u] {
				if s := g.edges[i]; walks(s, forward, directed) && f.Keep(s) {
					visit(s.Target)
				}
			}
			for _, i := range g.in[u] {
				if s := g.edges[i]; walks(s, !forward, directed) && f.Keep(s) {
					visit(s.Source)
				}
			}
		}
		frontier = next
	}
	return dist
}

// prune returns the part of g that lies on walks of at most limit hops from
// s to t (those whose distances from s and to t add up to at most limit),
// with the node numbers of s and t in it. Actors keep their order in g.
func (g *Graph) prune(dF, dT map[int64]int, s, t int64, limit int, f Filter) (sub *Graph, subS, subT int64) {
	keep := make([]int64, 0, len(dF))
	for n, d := range dF {
		if e, ok := dT[n]; ok && d+e <= limit {
			keep = append(keep, n)
		}
	}
	slices.Sort(keep)
	sub = New()
	in := make(map[int64]bool, len(keep))
	for _, n := range keep {
		sub.AddActor(g.actors[n])
		in[n] = true
	}
	for _, n := range keep {
		for _, i := range g.out[n] {
			if e := g.edges[i]; in[g.index[e.Target]] && f.Keep(e) {
				sub.AddSummary(e)
			}
		}
	}
	subS, _ = sub.NodeID(g.actors[s].ID)
	subT, _ = sub.NodeID(g.actors[t].ID)
	return sub, subS, subT
}

// Fetch returns the summaries in which the actor id takes part, either end:
// how the searches below read a store one actor at a time.
type Fetch func(ctx context.Context, id string) ([]Summary, error)

// SearchStats says how much of a store a search read.
type SearchStats struct {
	Fetched int // actors whose summaries were read
	Read    int // summaries read and kept by the filter
	Actors  int // actors in the graph searched last
	Edges   int // summaries in the graph searched last
}

// SearchPaths finds the k shortest simple paths of at most maxHops hops from
// from to to, as KShortestPaths does, reading only the part of the graph
// that can hold them, one actor at a time through fetch.
//
// It runs a breadth-first search from both ends, always growing the side
// whose frontier is smaller, so that a hub at one end costs little as long
// as the other end is not one. When the sides have grown by h levels in
// all, every path of at most h hops has been read. Once the two searches
// meet (at the length d of a shortest path), it looks for k paths of at
// most d hops, and grows the searches one more level at a time only while
// fewer than k are found, up to maxHops: paths of more hops always cost
// more than paths of fewer, so the k paths found are the k shortest. Each
// look runs KShortestPaths on only the summaries read whose ends may lie on
// such a path (by their distances from both ends, as far as known), not on
// everything read: a hub's thousands of summaries mostly lead elsewhere.
func SearchPaths(ctx context.Context, fetch Fetch, from, to string, k, maxHops int, directed bool, f Filter) ([]Path, SearchStats, error) {
	if k < 1 {
		return nil, SearchStats{}, fmt.Errorf("k shortest paths: k must be at least 1, got %d", k)
	}
	if maxHops < 1 {
		return nil, SearchStats{}, fmt.Errorf("k shortest paths: the hop limit must be at least 1, got %d", maxHops)
	}
	l := newLoader(fetch, f, false)
	if from == to {
		return nil, l.stats(), nil
	}
	fw := &bfsSide{dist: map[string]int{from: 0}, frontier: []string{from}, forward: true}
	bw := &bfsSide{dist: map[string]int{to: 0}, frontier: []string{to}}
	search := func(hops int) ([]Path, SearchStats, error) {
		g := l.build(from, to, fw, bw, hops)
		paths, err := KShortestPaths(ctx, g, from, to, k, hops, directed, f)
		st := l.stats()
		st.Actors, st.Edges = g.Len()
		return paths, st, err
	}
	met := false
	for h := 0; ; h++ {
		if !met {
			met = fw.meets(bw)
		}
		exhausted := len(fw.frontier) == 0 || len(bw.frontier) == 0
		if met && (h >= maxHops || exhausted) {
			return search(maxHops)
		}
		if met {
			paths, st, err := search(h)
			if err != nil || len(paths) >= k {
				return paths, st, err
			}
		}
		if h >= maxHops || (!met && exhausted) {
			return nil, l.stats(), nil
		}
		side := fw
		if len(bw.frontier) < len(fw.frontier) {
			side = bw
		}
		if err := l.grow(ctx, side, directed); err != nil {
			return nil, l.stats(), err
		}
	}
}

// bfsSide is one side of a bidirectional breadth-first search.
type bfsSide struct {
	dist     map[string]int
	frontier []string // the actors at the side's radius, not yet grown from
	radius   int
	forward  bool // follows summaries from source to target (when directed)
}

// meets reports whether the two sides have reached a common actor.
func (s *bfsSide) meets(o *bfsSide) bool {
	a, b := s.dist, o.dist
	if len(b) < len(a) {
		a, b = b, a
	}
	for id := range a {
		if _, ok := b[id]; ok {
			return true
		}
	}
	return false
}

// loader reads actors' summaries through fetch, each actor once, keeping
// those the filter keeps; with fill, it also adds them, each once, to g.
type loader struct {
	fetch   Fetch
	f       Filter
	fill    bool
	g       *Graph
	fetched map[string][]Summary
	order   []string // the actors fetched, in order
	read    int
	added   map[summaryKey]bool
}

type summaryKey struct{ source, relation, target string }

func newLoader(fetch Fetch, f Filter, fill bool) *loader {
	return &loader{fetch: fetch, f: f, fill: fill, g: New(), fetched: map[string][]Summary{}, added: map[summaryKey]bool{}}
}

func (l *loader) stats() SearchStats {
	n, e := l.g.Len()
	return SearchStats{Fetched: len(l.fetched), Read: l.read, Actors: n, Edges: e}
}

// summaries returns the kept summaries of actor id, reading them once.
func (l *loader) summaries(ctx context.Context, id string) ([]Summary, error) {
	if ss, ok := l.fetched[id]; ok {
		return ss, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all, err := l.fetch(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read the relations of %s: %w", id, err)
	}
	var kept []Summary
	for _, s := range all {
		if s.Source != id && s.Target != id {
			continue // not this actor's: a store bug, ignored rather than trusted
		}
		if !l.f.Keep(s) {
			continue
		}
		kept = append(kept, s)
		if l.fill {
			k := summaryKey{s.Source, s.Relation, s.Target}
			if !l.added[k] {
				l.added[k] = true
				l.g.AddSummary(s)
			}
		}
	}
	l.fetched[id] = kept
	l.order = append(l.order, id)
	l.read += len(kept)
	return kept, nil
}

// build returns a graph of the summaries read whose two ends may lie on a
// path of at most hops hops from from to to: an actor's distances from
// either end are known within each side's radius and are more than the
// radius beyond it, so the sum of those bounds is at most the sum of its
// true distances, which is at most hops for an actor on such a path. Every
// summary of such a path has been read (from one of its ends) once the
// radii add up to hops.
func (l *loader) build(from, to string, fw, bw *bfsSide, hops int) *Graph {
	bound := func(s *bfsSide, id string) int {
		if d, ok := s.dist[id]; ok {
			return d
		}
		return s.radius + 1
	}
	near := func(id string) bool { return bound(fw, id)+bound(bw, id) <= hops }
	g := New()
	g.ensure(from)
	g.ensure(to)
	added := map[summaryKey]bool{}
	for _, id := range l.order {
		if !near(id) {
			continue
		}
		for _, s := range l.fetched[id] {
			other := s.Target
			if other == id {
				other = s.Source
			}
			if !near(other) {
				continue
			}
			k := summaryKey{s.Source, s.Relation, s.Target}
			if !added[k] {
				added[k] = true
				g.AddSummary(s)
			}
		}
	}
	return g
}

// grow reads the summaries of the side's frontier and moves the side one
// level out.
func (l *loader) grow(ctx context.Context, side *bfsSide, directed bool) error {
	var next []string
	for _, u := range side.frontier {
		ss, err := l.summaries(ctx, u)
		if err != nil {
			return err
		}
		for _, s := range ss {
			w := ""
			switch {
			case s.Source == u && s.Target != u && walks(s, side.forward, directed):
				w = s.Target
			case s.Target == u && s.Source != u && walks(s, !side.forward, directed):
				w = s.Source
			default:
				continue
			}
			if _, ok := side.dist[w]; !ok {
				side.dist[w] = side.radius + 1
				next = append(next, w)
			}
		}
	}
	side.radius++
	side.frontier = next
	return nil
}
