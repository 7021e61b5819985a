package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// describeNeighbours renders neighbours as "depth:id(evidence)<-via".
func describeNeighbours(ns []Neighbour) string {
	var out []string
	for _, n := range ns {
		out = append(out, fmt.Sprintf("%d:%s(%d)<-%s", n.Depth, n.ID, n.Evidence, strings.Join(n.Via, "+")))
	}
	return strings.Join(out, " ")
}

func TestNeighbours(t *testing.T) {
	g := seedGraph(t)
	tests := []struct {
		name  string
		id    string
		depth int
		dir   Direction
		f     Filter
		want  string
	}{
		{"one hop, strongest first", "country/RUS", 1, BothWays, Filter{},
			"1:country/UKR(5)<-country/RUS 1:country/CHN(1)<-country/RUS 1:person/mikhail-mishustin(1)<-country/RUS"},
		{"out only, symmetric relations both ways", "country/RUS", 1, Outward, Filter{},
			"1:country/UKR(5)<-country/RUS 1:country/CHN(1)<-country/RUS"},
		{"in only", "country/RUS", 1, Inward, Filter{},
			"1:country/CHN(1)<-country/RUS 1:person/mikhail-mishustin(1)<-country/RUS"},
		{"negated on request", "country/RUS", 1, Inward, Filter{IncludeNegated: true},
			"1:country/CHN(3)<-country/RUS 1:person/mikhail-mishustin(1)<-country/RUS"},
		{"two hops", "country/UKR", 2, BothWays, Filter{},
			"1:country/RUS(5)<-country/UKR 1:country/USA(2)<-country/UKR 2:country/CHN(2)<-country/RUS+country/USA 2:person/mikhail-mishustin(1)<-country/RUS"},
		{"relation filter", "person/xi-jinping", 3, BothWays, Filter{Relations: map[string]bool{Leads: true, "meet": true}},
			"1:person/mikhail-mishustin(3)<-person/xi-jinping 1:country/CHN(2)<-person/xi-jinping 2:country/RUS(1)<-person/mikhail-mishustin"},
		{"unknown centre", "org/nato", 2, BothWays, Filter{}, ""},
		{"no depth", "country/RUS", 0, BothWays, Filter{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := describeNeighbours(Neighbours(g, tc.id, tc.depth, tc.dir, tc.f))
			if got != tc.want {
				t.Errorf("Neighbours(%s, %d, %v) =\n  %s\nwant\n  %s", tc.id, tc.depth, tc.dir, got, tc.want)
			}
			sub, _, err := SearchNeighbourhood(context.Background(), fetchFrom(g), tc.id, tc.depth, tc.dir, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := describeNeighbours(Neighbours(sub, tc.id, tc.depth, tc.dir, tc.f)); got != tc.want && tc.id != "org/nato" {
				t.Errorf("Neighbours of SearchNeighbourhood(%s, %d, %v) =\n  %s\nwant\n  %s", tc.id, tc.depth, tc.dir, got, tc.want)
			}
		})
	}
}

// TestSearchNeighbourhoodAgrees checks on random graphs that the part read
// through fetch gives the same neighbours as the whole graph.
func TestSearchNeighbourhoodAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 50 {
		g := randomGraph(r, 30, 60+r.IntN(60))
		id := g.actors[r.IntN(30)].ID
		depth, dir := 1+r.IntN(3), Direction(r.IntN(3))
		f := Filter{IncludeNegated: r.IntN(2) == 0}
		want := describeNeighbours(Neighbours(g, id, depth, dir, f))
		sub, _, err := SearchNeighbourhood(context.Background(), fetchFrom(g), id, depth, dir, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := describeNeighbours(Neighbours(sub, id, depth, dir, f)); got != want {
			t.Errorf("trial %d: Neighbours(%s, %d, %v) on the part read =\n  %s\nwant\n  %s", trial, id, depth, dir, got, want)
		}
	}
}

func TestParseDirection(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Direction
		err  bool
	}{{"out", Outward, false}, {"IN", Inward, false}, {"both", BothWays, false}, {"", BothWays, false}, {"sideways", 0, true}} {
		got, err := ParseDirection(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseDirection(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
		if err == nil && tc.in != "" && !strings.EqualFold(got.String(), tc.in) {
			t.Errorf("Direction(%d).String() = %q, want %q", got, got.String(), strings.ToLower(tc.in))
		}
	}
}
