package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Direction selects which summaries a neighbourhood follows from an actor.
type Direction int

// The directions of a neighbourhood.
const (
	BothWays Direction = iota // summaries either way
	Outward                   // summaries whose source is the nearer actor
	Inward                    // summaries whose target is the nearer actor
)

// ParseDirection parses "out", "in" or "both" (as given to --direction).
func ParseDirection(s string) (Direction, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "both", "":
		return BothWays, nil
	case "out":
		return Outward, nil
	case "in":
		return Inward, nil
	}
	return 0, fmt.Errorf("unknown direction %q (known: out, in, both)", s)
}

// String returns the direction's name as ParseDirection reads it.
func (d Direction) String() string {
	switch d {
	case Outward:
		return "out"
	case Inward:
		return "in"
	}
	return "both"
}

// follows reports whether a neighbourhood in direction d goes from an actor
// over s to its other end, the actor being s's source when out. A symmetric
// relation is followed either way.
func (d Direction) follows(s Summary, out bool) bool {
	switch d {
	case Outward:
		return out || s.Rel().Symmetric
	case Inward:
		return !out || s.Rel().Symmetric
	}
	return true
}

// Neighbour is an actor within some hops of a centre.
type Neighbour struct {
	ID        string    // the actor
	Depth     int       // hops from the centre
	Via       []string  // the actors one hop nearer the centre that tie it (the centre at depth 1), sorted
	Summaries []Summary // the kept summaries between it and Via, best evidenced first
	Evidence  int       // their pieces of evidence under the filter
}

// Neighbours returns the actors within depth hops of the actor id in g over
// the summaries that f keeps, following them in the direction dir, ranked
// nearest first and, at the same depth, best evidenced first (then by id).
// The centre itself is not listed; an unknown centre has no neighbours.
func Neighbours(g *Graph, id string, depth int, dir Direction, f Filter) []Neighbour {
	c, ok := g.NodeID(id)
	if !ok || depth < 1 {
		return nil
	}
	dist := map[int64]int{c: 0}
	byNode := map[int64]*Neighbour{}
	frontier := []int64{c}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []int64
		tie := func(u int64, s Summary, other string) {
			m := g.index[other]
			if md, seen := dist[m]; seen && md < d {
				return
			}
			n := byNode[m]
			if n == nil {
				dist[m] = d
				n = &Neighbour{ID: other, Depth: d}
				byNode[m] = n
				next = append(next, m)
			}
			via := g.actors[u].ID
			if !slices.Contains(n.Via, via) {
				n.Via = append(n.Via, via)
			}
			n.Summaries = append(n.Summaries, s)
			n.Evidence += s.Weight(f)
		}
		for _, u := range frontier {
			for _, i := range g.out[u] {
				if s := g.edges[i]; s.Target != s.Source && dir.follows(s, true) && f.Keep(s) {
					tie(u, s, s.Target)
				}
			}
			for _, i := range g.in[u] {
				if s := g.edges[i]; s.Target != s.Source && dir.follows(s, false) && f.Keep(s) {
					tie(u, s, s.Source)
				}
			}
		}
		frontier = next
	}
	out := make([]Neighbour, 0, len(byNode))
	for _, n := range byNode {
		slices.Sort(n.Via)
		slices.SortStableFunc(n.Summaries, func(a, b Summary) int {
			if wa, wb := a.Weight(f), b.Weight(f); wa != wb {
				return wb - wa
			}
			return strings.Compare(a.Relation+a.Source+a.Target, b.Relation+b.Source+b.Target)
		})
		out = append(out, *n)
	}
	slices.SortFunc(out, func(a, b Neighbour) int {
		if a.Depth != b.Depth {
			return a.Depth - b.Depth
		}
		if a.Evidence != b.Evidence {
			return b.Evidence - a.Evidence
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// SearchNeighbourhood reads, one actor at a time through fetch, the part of
// a graph that Neighbours needs for the actor id: the kept summaries of
// every actor less than depth hops from it in the direction dir. Actors of
// the returned graph are bare (their ids for names) unless fetch's store
// fills them in afterwards.
func SearchNeighbourhood(ctx context.Context, fetch Fetch, id string, depth int, dir Direction, f Filter) (*Graph, SearchStats, error) {
	l := newLoader(fetch, f, true)
	l.g.ensure(id)
	dist := map[string]int{id: 0}
	frontier := []string{id}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, u := range frontier {
			ss, err := l.summaries(ctx, u)
			if err != nil {
				return nil, l.stats(), err
			}
			for _, s := range ss {
				w := ""
				switch {
				case s.Source == u && s.Target != u && dir.follows(s, true):
					w = s.Target
				case s.Target == u && s.Source != u && dir.follows(s, false):
					w = s.Source
				default:
					continue
				}
				if _, ok := dist[w]; !ok {
					dist[w] = d
					next = append(next, w)
				}
			}
		}
		frontier = next
	}
	return l.g, l.stats(), nil
}
