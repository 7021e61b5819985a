package ingest

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// CueEntry is one line of a relation-cue lexicon (lexicon/cues*.tsv): the
// words that signal a relation and how its arguments stand around them.
type CueEntry struct {
	Relation string   // a relation of the ontology
	POS      string   // "verb" or "noun"
	Forms    []string // inflections and multi-word forms, lower case
	Preps    []string // prepositions that introduce the target; empty: none
	Direct   bool     // the target may follow as a direct object ("met Obama")
	Flags    []string // see cues.tsv's header
}

// Has reports whether the cue carries a flag.
func (c CueEntry) Has(flag string) bool {
	for _, f := range c.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// parseCues reads a cue lexicon file. name is used in error messages.
func parseCues(name string, r io.Reader) ([]CueEntry, error) {
	var out []CueEntry
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		for len(cols) < 5 {
			cols = append(cols, "")
		}
		if len(cols) > 5 {
			return nil, fmt.Errorf("%s:%d: %d columns, want at most 5 (relation, pos, forms, preps, flags)", name, line, len(cols))
		}
		rel := strings.TrimSpace(cols[0])
		if _, ok := graph.LookupRelation(rel); !ok {
			return nil, fmt.Errorf("%s:%d: unknown relation %q", name, line, rel)
		}
		pos := strings.TrimSpace(cols[1])
		if pos != "verb" && pos != "noun" {
			return nil, fmt.Errorf("%s:%d: part of speech %q, want verb or noun", name, line, pos)
		}
		e := CueEntry{Relation: rel, POS: pos}
		for _, f := range splitCueList(cols[2]) {
			e.Forms = append(e.Forms, strings.ToLower(f))
		}
		if len(e.Forms) == 0 {
			return nil, fmt.Errorf("%s:%d: no forms", name, line)
		}
		for _, p := range splitCueList(cols[3]) {
			if p == "-" {
				e.Direct = true
				continue
			}
			e.Preps = append(e.Preps, strings.ToLower(p))
		}
		for _, f := range splitCueList(cols[4]) {
			switch f {
			case "passive", "speech", "agreement-object", "reciprocal", "no-subject", "person-target", "subject-only", "no-pair", "possessive-object", "object-to":
			default:
				return nil, fmt.Errorf("%s:%d: unknown flag %q", name, line, f)
			}
			e.Flags = append(e.Flags, f)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// splitCueList splits a ;-separated column, trimming blanks.
func splitCueList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// cueSet is the compiled cue lexicon: a lower-cased token trie of every form.
type cueSet struct {
	root cueTrie
}

type cueTrie struct {
	next map[string]*cueTrie
	cues []*CueEntry
}

func buildCues(entries []CueEntry) *cueSet {
	cs := &cueSet{}
	for i := range entries {
		e := &entries[i]
		for _, f := range e.Forms {
			n := &cs.root
			for _, k := range patternTokens(f, true) {
				if n.next == nil {
					n.next = map[string]*cueTrie{}
				}
				c := n.next[k]
				if c == nil {
					c = &cueTrie{}
					n.next[k] = c
				}
				n = c
			}
			n.cues = append(n.cues, e)
		}
	}
	return cs
}

// match returns the longest cue form starting at toks[i].
func (cs *cueSet) match(toks []token, i int) (int, []*CueEntry) {
	n, bestLen := &cs.root, 0
	var best []*CueEntry
	for j := i; j < len(toks); j++ {
		if j > i && isQuote(toks[j].text) {
			continue // `"very disappointed" in China`
		}
		c := n.next[toks[j].lower]
		if c == nil {
			break
		}
		n = c
		if len(n.cues) > 0 {
			bestLen, best = j-i+1, n.cues
		}
	}
	return bestLen, best
}

// isQuote reports whether a token is a quotation mark.
func isQuote(s string) bool {
	switch s {
	case "\"", "\u201c", "\u201d", "'", "\u2018", "\u2019":
		return true
	}
	return false
}
