package graph

import (
	"slices"
	"strings"
)

// JaroWinkler returns the Jaro-Winkler similarity of a and b, compared rune
// by rune as given (fold them with NormName first): 1 for equal strings, 0
// for strings with nothing in common.
func JaroWinkler(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 && len(rb) == 0 {
		return 1
	}
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	window := max(len(ra), len(rb))/2 - 1
	window = max(window, 0)
	ma := make([]bool, len(ra))
	mb := make([]bool, len(rb))
	matches := 0
	for i, r := range ra {
		lo, hi := max(0, i-window), min(len(rb), i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && rb[j] == r {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, j := 0, 0
	for i, r := range ra {
		if !ma[i] {
			continue
		}
		for !mb[j] {
			j++
		}
		if r != rb[j] {
			transpositions++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(len(ra)) + m/float64(len(rb)) + (m-float64(transpositions/2))/m) / 3
	prefix := 0
	for prefix < min(4, len(ra), len(rb)) && ra[prefix] == rb[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

// NameMatch is an actor whose name or alias resembles a query.
type NameMatch struct {
	Actor Actor
	Name  string  // the name or alias that matched best
	Score float64 // 0..1
}

// NearestNames returns up to n actors whose canonical name, alias or id
// resembles name, best first, for "did you mean" suggestions. Names are
// compared folded (NormName) with JaroWinkler; a name that contains the
// query as a whole word, or is contained in it, scores at least 0.9.
// Matches scoring below 0.75 are left out.
func NearestNames(name string, actors []Actor, n int) []NameMatch {
	q := NormName(name)
	if q == "" || n <= 0 {
		return nil
	}
	var out []NameMatch
	for _, a := range actors {
		best := NameMatch{Actor: a}
		try := func(cand string) {
			c := NormName(cand)
			if c == "" {
				return
			}
			s := JaroWinkler(q, c)
			if containsWord(c, q) || containsWord(q, c) {
				s = max(s, 0.9)
			}
			if s > best.Score {
				best.Score, best.Name = s, cand
			}
		}
		try(a.Name)
		for _, al := range a.Aliases {
			try(al)
		}
		if _, key, ok := strings.Cut(a.ID, "/"); ok {
			try(key)
		}
		if best.Score >= 0.75 {
			out = append(out, best)
		}
	}
	slices.SortStableFunc(out, func(x, y NameMatch) int {
		switch {
		case x.Score > y.Score:
			return -1
		case x.Score < y.Score:
			return 1
		}
		return strings.Compare(x.Actor.ID, y.Actor.ID)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// containsWord reports whether the folded name s contains the folded words w
// as whole words.
func containsWord(s, w string) bool {
	if len(w) < 3 {
		return false
	}
	return strings.Contains(" "+s+" ", " "+w+" ")
}
