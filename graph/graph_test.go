package graph

import "testing"

// TestGrow checks that a capacity hint changes nothing a graph holds.
func TestGrow(t *testing.T) {
	build := func(grow bool) *Graph {
		g := New()
		if grow {
			g.Grow(10, 10)
		}
		g.AddActor(Actor{ID: "country/CHN", Name: "China", Kind: Country})
		g.AddSummary(Summary{Source: "country/CHN", Relation: Trade, Target: "country/RUS", Asserted: 2})
		g.AddSummary(Summary{Source: "country/CHN", Relation: Meet, Target: "country/USA", Asserted: 1})
		g.AddSummary(Summary{Source: "country/RUS", Relation: Attack, Target: "country/UKR", Asserted: 1})
		return g
	}
	a, b := build(false), build(true)
	an, ae := a.Len()
	bn, be := b.Len()
	if an != bn || ae != be {
		t.Fatalf("Grow changed the sizes: %d/%d vs %d/%d", an, ae, bn, be)
	}
	for _, id := range []string{"country/CHN", "country/RUS", "country/USA", "country/UKR"} {
		na, _ := a.NodeID(id)
		nb, _ := b.NodeID(id)
		if na != nb || len(a.Out(na)) != len(b.Out(nb)) || len(a.In(na)) != len(b.In(nb)) {
			t.Errorf("node %s differs after Grow", id)
		}
	}
}
