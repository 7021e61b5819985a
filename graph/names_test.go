package graph

import (
	"math"
	"strings"
	"testing"
)

func TestJaroWinkler(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.9611},
		{"dwayne", "duane", 0.84},
		{"dixon", "dicksonx", 0.8133},
		{"abc", "abc", 1},
		{"", "", 1},
		{"abc", "", 0},
		{"abc", "xyz", 0},
		{"mishustin", "mishustn", 0.9778},
	}
	for _, tc := range tests {
		got := JaroWinkler(tc.a, tc.b)
		if math.Abs(got-tc.want) > 0.001 {
			t.Errorf("JaroWinkler(%q, %q) = %.4f, want %.4f", tc.a, tc.b, got, tc.want)
		}
		if rev := JaroWinkler(tc.b, tc.a); math.Abs(rev-got) > 1e-9 {
			t.Errorf("JaroWinkler(%q, %q) = %.4f, but %.4f the other way", tc.b, tc.a, rev, got)
		}
	}
}

func TestNearestNames(t *testing.T) {
	g := seedGraph(t)
	tests := []struct {
		query string
		want  string // ids, best first
	}{
		{"Mishustn", "person/mikhail-mishustin"},
		{"Xi Jinpin", "person/xi-jinping"},
		{"Rusia", "country/RUS"},
		{"Pekin", ""}, // nothing close enough
		{"Ukrane", "country/UKR"},
		{"Jinping", "person/xi-jinping"},
		{"Zürich", ""},
		{"", ""},
	}
	for _, tc := range tests {
		var ids []string
		for _, m := range NearestNames(tc.query, g.Actors(), 3) {
			ids = append(ids, m.Actor.ID)
			if m.Score < 0.75 || m.Score > 1 {
				t.Errorf("NearestNames(%q): %s scores %v, outside [0.75, 1]", tc.query, m.Actor.ID, m.Score)
			}
		}
		if got := strings.Join(ids, " "); !strings.HasPrefix(got, tc.want) || (tc.want == "" && got != "") {
			t.Errorf("NearestNames(%q) = %q, want it to start with %q", tc.query, got, tc.want)
		}
	}
}

func FuzzJaroWinkler(f *testing.F) {
	for _, s := range []string{"martha", "marhta", "", "Xi Jinping", "Zoë", "日本"} {
		f.Add(s, "martha")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		s := JaroWinkler(a, b)
		if s < 0 || s > 1+1e-9 || math.IsNaN(s) {
			t.Errorf("JaroWinkler(%q, %q) = %v, outside [0, 1]", a, b, s)
		}
		if a == b && s != 1 {
			t.Errorf("JaroWinkler(%q, %q) = %v, want 1", a, b, s)
		}
	})
}
