package graph

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// seedGraph is shaped like the seed article's graph, with a few more edges
// so that paths compete.
func seedGraph(t testing.TB) *Graph {
	t.Helper()
	g := New()
	for _, a := range []Actor{
		{ID: "person/xi-jinping", Name: "Xi Jinping", Kind: Person, Aliases: []string{"Xi"}},
		{ID: "person/mikhail-mishustin", Name: "Mikhail Mishustin", Kind: Person, Aliases: []string{"Mishustin"}},
		{ID: "country/CHN", Name: "China", Kind: Country, Aliases: []string{"Beijing", "PRC"}},
		{ID: "country/RUS", Name: "Russia", Kind: Country, Aliases: []string{"Moscow", "the Kremlin"}},
		{ID: "country/UKR", Name: "Ukraine", Kind: Country},
		{ID: "country/USA", Name: "United States", Kind: Country, Aliases: []string{"U.S.", "Washington"}},
		{ID: "org/opec", Name: "OPEC", Kind: Organization},
		{ID: "bloc/the-west", Name: "the West", Kind: Bloc},
	} {
		g.AddActor(a)
	}
	day := func(s string) Date {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	add := func(src, rel, dst string, asserted, negated int, dates ...string) {
		s := Summary{Source: src, Relation: rel, Target: dst, Asserted: asserted, Negated: negated}
		for _, d := range dates {
			s.Dates = append(s.Dates, day(d))
		}
		if len(s.Dates) > 0 {
			s.First, s.Last = s.Dates[0], s.Dates[len(s.Dates)-1]
		}
		g.AddSummary(s)
	}
	add("person/xi-jinping", Leads, "country/CHN", 2, 0)
	add("person/mikhail-mishustin", "meet", "person/xi-jinping", 3, 0, "2023-05-24") // symmetric, stored in id order
	add("person/mikhail-mishustin", Leads, "country/RUS", 1, 0)
	add("country/RUS", "attack", "country/UKR", 5, 0, "2022-02-24", "2023-05-20")
	add("country/CHN", "trade", "country/RUS", 1, 0, "2023-05")
	add("country/CHN", "support", "country/RUS", 0, 2, "2023-05-24") // only denied
	add("country/USA", "aid", "country/UKR", 2, 0, "2022")
	add("country/USA", "criticize", "country/CHN", 1, 0, "2023")
	add("org/opec", "meet", "bloc/the-west", 1, 0, "1987")
	return g
}

// describe renders paths as "a rel b rel c; ..." with relation names.
func describe(paths []Path) string {
	var out []string
	for _, p := range paths {
		var b strings.Builder
		b.WriteString(p.Hops[0].From)
		for _, h := range p.Hops {
			var rels []string
			for _, s := range h.Summaries {
				rels = append(rels, s.Relation)
			}
			fmt.Fprintf(&b, " %s %s", strings.Join(rels, "+"), h.To)
		}
		out = append(out, b.String())
	}
	return strings.Join(out, "; ")
}

func TestKShortestPaths(t *testing.T) {
	g := seedGraph(t)
	rels := func(names ...string) map[string]bool {
		m := map[string]bool{}
		for _, n := range names {
			m[n] = true
		}
		return m
	}
	until, _ := ParseDate("2023-05-10")
	since, _ := ParseDate("2023-01-01")
	tests := []struct {
		name     string
		from, to string
		k, hops  int
		directed bool
		f        Filter
		want     string
	}{
		{"through affiliations, best evidenced first", "person/xi-jinping", "country/UKR", 3, 4, false, Filter{},
			"person/xi-jinping meet person/mikhail-mishustin leads country/RUS attack country/UKR; " +
				"person/xi-jinping leads country/CHN trade country/RUS attack country/UKR; " +
				"person/xi-jinping leads country/CHN criticize country/USA aid country/UKR"},
		{"k larger than the number of paths", "person/xi-jinping", "country/UKR", 10, 4, false, Filter{},
			"person/xi-jinping meet person/mikhail-mishustin leads country/RUS attack country/UKR; " +
				"person/xi-jinping leads country/CHN trade country/RUS attack country/UKR; " +
				"person/xi-jinping leads country/CHN criticize country/USA aid country/UKR"},
		{"a higher hop bound admits a longer path", "person/xi-jinping", "country/UKR", 10, 5, false, Filter{},
			"person/xi-jinping meet person/mikhail-mishustin leads country/RUS attack country/UKR; " +
				"person/xi-jinping leads country/CHN trade country/RUS attack country/UKR; " +
				"person/xi-jinping leads country/CHN criticize country/USA aid country/UKR; " +
				"person/xi-jinping meet person/mikhail-mishustin leads country/RUS trade country/CHN criticize country/USA aid country/UKR"},
		{"k of one", "person/xi-jinping", "country/UKR", 1, 4, false, Filter{},
			"person/xi-jinping meet person/mikhail-mishustin leads country/RUS attack country/UKR"},
		{"hop bound below the shortest path", "person/xi-jinping", "country/UKR", 3, 2, false, Filter{}, ""},
		{"relation filter", "person/xi-jinping", "country/UKR", 3, 4, false, Filter{Relations: rels("meet", Leads, "attack")},
			"person/xi-jinping meet person/mikhail-mishustin leads country/RUS attack country/UKR"},
		{"date filter keeps undated affiliations", "person/xi-jinping", "country/RUS", 3, 4, false, Filter{Since: since, Until: until},
			"person/xi-jinping leads country/CHN trade country/RUS"},
		{"directed follows symmetric relations either way", "person/xi-jinping", "country/UKR", 3, 4, true, Filter{},
			"person/xi-jinping meet person/mikhail-mishustin leads country/RUS attack country/UKR; " +
				"person/xi-jinping leads country/CHN trade country/RUS attack country/UKR"},
		{"directed against the edges", "country/UKR", "person/xi-jinping", 3, 4, true, Filter{}, ""},
		{"undirected against the edges", "country/UKR", "country/CHN", 1, 4, false, Filter{},
			"country/UKR attack country/RUS trade country/CHN"},
		{"negated events carry no path", "country/CHN", "country/RUS", 3, 1, false, Filter{Relations: rels("support")}, ""},
		{"negated events on request", "country/CHN", "country/RUS", 3, 1, false, Filter{Relations: rels("support"), IncludeNegated: true},
			"country/CHN support country/RUS"},
		{"both relations of a hop", "country/CHN", "country/RUS", 3, 1, false, Filter{IncludeNegated: true},
			"country/CHN support+trade country/RUS"},
		{"no path between components", "person/xi-jinping", "org/opec", 3, 6, false, Filter{}, ""},
		{"unknown actor", "person/xi-jinping", "org/nato", 3, 4, false, Filter{}, ""},
		{"same actor", "country/CHN", "country/CHN", 3, 4, false, Filter{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paths, err := KShortestPaths(context.Background(), g, tc.from, tc.to, tc.k, tc.hops, tc.directed, tc.f)
			if err != nil {
				t.Fatalf("KShortestPaths: %v", err)
			}
			if got := describe(paths); got != tc.want {
				t.Errorf("KShortestPaths(%s, %s, k=%d, hops=%d, directed=%v) =\n  %s\nwant\n  %s", tc.from, tc.to, tc.k, tc.hops, tc.directed, got, tc.want)
			}
			for i := 1; i < len(paths); i++ {
				if paths[i].Cost < paths[i-1].Cost {
					t.Errorf("path %d costs %v, less than path %d (%v)", i, paths[i].Cost, i-1, paths[i-1].Cost)
				}
			}
			// The same answer when the graph is read one actor at a time.
			got, _, err := SearchPaths(context.Background(), fetchFrom(g), tc.from, tc.to, tc.k, tc.hops, tc.directed, tc.f)
			if err != nil {
				t.Fatalf("SearchPaths: %v", err)
			}
			if d := describe(got); d != tc.want {
				t.Errorf("SearchPaths(%s, %s, k=%d, hops=%d, directed=%v) =\n  %s\nwant\n  %s", tc.from, tc.to, tc.k, tc.hops, tc.directed, d, tc.want)
			}
		})
	}
}

func TestKShortestPathsArguments(t *testing.T) {
	g := seedGraph(t)
	for _, tc := range []struct{ k, hops int }{{0, 4}, {-1, 4}, {3, 0}} {
		if _, err := KShortestPaths(context.Background(), g, "country/CHN", "country/RUS", tc.k, tc.hops, false, Filter{}); err == nil {
			t.Errorf("KShortestPaths(k=%d, hops=%d) gave no error", tc.k, tc.hops)
		}
		if _, _, err := SearchPaths(context.Background(), fetchFrom(g), "country/CHN", "country/RUS", tc.k, tc.hops, false, Filter{}); err == nil {
			t.Errorf("SearchPaths(k=%d, hops=%d) gave no error", tc.k, tc.hops)
		}
	}
}

func TestKShortestPathsCancelled(t *testing.T) {
	g := randomGraph(rand.New(rand.NewPCG(7, 7)), 300, 3000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := KShortestPaths(ctx, g, g.actors[0].ID, g.actors[1].ID, 50, 6, false, Filter{})
	if err != nil && (!errors.Is(err, ErrGaveUp) || !errors.Is(err, context.Canceled)) {
		t.Errorf("KShortestPaths on a cancelled context: error %v, want one wrapping ErrGaveUp and context.Canceled", err)
	}
	// The search may also finish before the cancellation is seen; both are
	// right. A fetch, though, must not run once the context has ended.
	_, _, err = SearchPaths(ctx, fetchFrom(g), g.actors[0].ID, g.actors[1].ID, 3, 4, false, Filter{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("SearchPaths on a cancelled context: error %v, want context.Canceled", err)
	}
}

func TestSearchPathsFetchError(t *testing.T) {
	boom := errors.New("disk on fire")
	fetch := func(context.Context, string) ([]Summary, error) { return nil, boom }
	_, _, err := SearchPaths(context.Background(), fetch, "country/CHN", "country/RUS", 3, 4, false, Filter{})
	if !errors.Is(err, boom) {
		t.Errorf("SearchPaths with a failing fetch: error %v, want %v", err, boom)
	}
}

// fetchFrom reads g as a store would: every summary in which an actor takes
// part, counting the reads.
func fetchFrom(g *Graph) Fetch {
	return func(ctx context.Context, id string) ([]Summary, error) {
		n, ok := g.NodeID(id)
		if !ok {
			return nil, nil
		}
		return append(g.Out(n), g.In(n)...), nil
	}
}

// randomGraph returns a graph of n actors and m summaries with random ends,
// relations and evidence; a few actors are hubs.
func randomGraph(r *rand.Rand, n, m int) *Graph {
	g := New()
	for i := range n {
		g.AddActor(Actor{ID: fmt.Sprintf("country/A%03d", i), Kind: Country})
	}
	rels := RelationNames()
	seen := map[summaryKey]bool{} // a store keeps one summary per triple
	for range m {
		u := r.IntN(n)
		if r.IntN(4) == 0 {
			u = r.IntN(3) // hubs
		}
		v := r.IntN(n)
		s := Summary{Source: g.actors[u].ID, Relation: rels[r.IntN(len(rels))], Target: g.actors[v].ID, Asserted: r.IntN(4)}
		if s.Asserted == 0 {
			s.Negated = 1
		}
		k := summaryKey{s.Source, s.Relation, s.Target}
		if s.Rel().Symmetric && s.Target < s.Source {
			k = summaryKey{s.Target, s.Relation, s.Source}
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		g.AddSummary(s)
	}
	return g
}

// allSimplePaths enumerates the costs of every simple path of at most hops
// hops from s to t, by brute force.
func allSimplePaths(g *Graph, s, t int64, hops int, directed bool, f Filter) []float64 {
	var costs []float64
	onPath := map[int64]bool{s: true}
	var walk func(u int64, depth int, cost float64)
	walk = func(u int64, depth int, cost float64) {
		if u == t {
			costs = append(costs, cost)
			return
		}
		if depth == hops {
			return
		}
		for v := range int64(len(g.actors)) {
			if onPath[v] || v == u {
				continue
			}
			ss := g.HopSummaries(u, v, directed, f)
			if len(ss) == 0 {
				continue
			}
			ev := 0
			for _, x := range ss {
				ev += x.Weight(f)
			}
			onPath[v] = true
			walk(v, depth+1, cost+Cost(ev))
			onPath[v] = false
		}
	}
	walk(s, 0, 0)
	slices.Sort(costs)
	return costs
}

// TestKShortestPathsBruteForce checks the costs of the paths found on random
// graphs against every simple path, and SearchPaths against KShortestPaths.
func TestKShortestPathsBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	withPaths := 0
	for trial := range 200 {
		g := randomGraph(r, 10+r.IntN(10), 25+r.IntN(50))
		n := int64(len(g.actors))
		s, d := r.Int64N(n), r.Int64N(n)
		if s == d {
			continue
		}
		k, hops, directed := 1+r.IntN(8), 1+r.IntN(5), r.IntN(2) == 0
		f := Filter{IncludeNegated: r.IntN(3) == 0}
		name := fmt.Sprintf("trial %d: %d->%d k=%d hops=%d directed=%v", trial, s, d, k, hops, directed)
		want := allSimplePaths(g, s, d, hops, directed, f)
		if len(want) > k {
			want = want[:k]
		}
		if len(want) > 1 {
			withPaths++
		}
		got, err := KShortestPaths(context.Background(), g, g.actors[s].ID, g.actors[d].ID, k, hops, directed, f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: KShortestPaths found %d paths, want %d (%s)", name, len(got), len(want), describe(got))
		}
		for i, p := range got {
			if diff := p.Cost - want[i]; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("%s: path %d costs %v, want %v", name, i, p.Cost, want[i])
			}
			if len(p.Hops) > hops {
				t.Errorf("%s: path %d has %d hops, more than %d", name, i, len(p.Hops), hops)
			}
			seen := map[string]bool{}
			for _, id := range p.Actors() {
				if seen[id] {
					t.Errorf("%s: path %d is not simple: %s", name, i, describe([]Path{p}))
				}
				seen[id] = true
			}
		}
		found, _, err := SearchPaths(context.Background(), fetchFrom(g), g.actors[s].ID, g.actors[d].ID, k, hops, directed, f)
		if err != nil {
			t.Fatalf("%s: SearchPaths: %v", name, err)
		}
		if len(found) != len(got) {
			t.Fatalf("%s: SearchPaths found %d paths, KShortestPaths %d", name, len(found), len(got))
		}
		for i := range found {
			if diff := found[i].Cost - got[i].Cost; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("%s: SearchPaths path %d costs %v, KShortestPaths %v", name, i, found[i].Cost, got[i].Cost)
			}
		}
	}
	if withPaths < 50 {
		t.Errorf("only %d of 200 random trials had more than one path: the test checks too little", withPaths)
	}
}

// TestSearchPathsReadsLittle checks that a search between two neighbours of
// a hub does not read the hub's whole neighbourhood.
func TestSearchPathsReadsLittle(t *testing.T) {
	g := New()
	hub := "country/USA"
	for i := range 1000 {
		g.AddSummary(Summary{Source: hub, Relation: "meet", Target: fmt.Sprintf("person/p%04d", i), Asserted: 1})
	}
	for i := range 999 {
		g.AddSummary(Summary{Source: fmt.Sprintf("person/p%04d", i), Relation: "call", Target: fmt.Sprintf("person/p%04d", i+1), Asserted: 1})
	}
	reads := 0
	fetch := func(ctx context.Context, id string) ([]Summary, error) {
		reads++
		return fetchFrom(g)(ctx, id)
	}
	paths, st, err := SearchPaths(context.Background(), fetch, "person/p0010", "person/p0500", 3, 4, false, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 3 || len(paths[0].Hops) != 2 || len(paths[1].Hops) != 3 || len(paths[2].Hops) != 3 {
		t.Fatalf("SearchPaths through a hub = %s, want paths of 2, 3 and 3 hops", describe(paths))
	}
	if reads > 20 || st.Fetched != reads {
		t.Errorf("SearchPaths read %d actors (stats say %d), want at most 20", reads, st.Fetched)
	}
}

func BenchmarkKShortestPaths(b *testing.B) {
	g := randomGraph(rand.New(rand.NewPCG(3, 4)), 10000, 50000)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := SearchPaths(ctx, fetchFrom(g), g.actors[100].ID, g.actors[200].ID, 3, 4, false, Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}
