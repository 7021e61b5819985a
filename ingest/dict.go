package ingest

import (
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// nameKind says how a dictionary name denotes its actor.
type nameKind uint8

const (
	nkName    nameKind = iota // canonical name or alias: "China", "PRC", "NATO"
	nkDemonym                 // adjective: "Chinese", "Soviet"
	nkCapital                 // capital or seat of government as metonym: "Beijing", "the Kremlin"
	nkSurname                 // a leader's short form: "Xi", "Reagan"
)

// candidate is one actor that a dictionary name may denote.
type candidate struct {
	actor       graph.Actor
	nk          nameKind
	from, until graph.Date // when the name denotes the actor (open when zero)
	leader      *LeaderEntry
}

// valid reports whether c denotes its actor on date d (zero: today).
func (c candidate) valid(d graph.Date) bool {
	if d.IsZero() {
		return c.until.IsZero()
	}
	if !c.from.IsZero() && d.Time().Before(c.from.Time()) {
		return false
	}
	if !c.until.IsZero() && c.until.End().Time().Before(d.Time()) {
		return false
	}
	return true
}

// trie is a token-level multi-pattern automaton: every name of the lexicon
// as a path of tokens. Matching walks it from each token, so matches are
// whole words by construction and the longest match at a position wins.
type trie struct {
	next  map[string]*trie
	cands []candidate
	title *TitleEntry
	// lowerRoots, on the root of the case-sensitive names trie, holds the
	// few names' first words that are not capitalised ("de facto" names are
	// rare): other lower-case words need no lookup
	lowerRoots map[string]bool
}

func (t *trie) insert(key []string) *trie {
	n := t
	for _, k := range key {
		if n.next == nil {
			n.next = map[string]*trie{}
		}
		c := n.next[k]
		if c == nil {
			c = &trie{}
			n.next[k] = c
		}
		n = c
	}
	return n
}

// longest returns the longest match starting at toks[i]: its length in tokens
// and its node. key picks the token form that the trie is keyed on.
func (t *trie) longest(toks []token, i int, key func(token) string) (int, *trie) {
	if !toks[i].word && toks[i].text != "'" {
		return 0, nil // names and titles start with a word
	}
	if t.lowerRoots != nil && !toks[i].cap && !t.lowerRoots[toks[i].text] {
		return 0, nil
	}
	n, bestLen := t, 0
	var best *trie
	for j := i; j < len(toks); j++ {
		c := n.next[key(toks[j])]
		if c == nil {
			break
		}
		n = c
		if len(n.cands) > 0 || n.title != nil {
			bestLen, best = j-i+1, n
		}
	}
	return bestLen, best
}

func keyText(t token) string  { return t.text }
func keyLower(t token) string { return t.lower }

// patternTokens tokenizes a lexicon name the way sentences are tokenized.
func patternTokens(name string, lower bool) []string {
	toks := tokenize(name)
	out := make([]string, len(toks))
	for i, t := range toks {
		if lower {
			out[i] = t.lower
		} else {
			out[i] = t.text
		}
	}
	return out
}

// dict is the compiled form of a Lexicon that the extractor matches with.
type dict struct {
	names   trie // case-sensitive: countries, demonyms, capitals, organizations, blocs, leaders
	titles  trie // lower-cased role titles
	leaders map[string][]*LeaderEntry
	// byCountry lists each country's leaders in lexicon order, so that "the
	// Saudi leader" resolves the same way on every run
	byCountry map[string][]*LeaderEntry
	actors    map[string]graph.Actor
	media     map[string]bool     // news organizations: they report events, they are no party to them
	known     map[string][]string // actor id -> the lexicon's other names for it, for name resolution
	cues      *cueSet
}

// buildDict compiles the lexicon.
func buildDict(lex *Lexicon) *dict {
	d := &dict{leaders: map[string][]*LeaderEntry{}, byCountry: map[string][]*LeaderEntry{}, actors: map[string]graph.Actor{}, media: map[string]bool{}, known: map[string][]string{}}
	add := func(name string, c candidate) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		key := patternTokens(name, false)
		if len(key) == 0 {
			return
		}
		n := d.names.insert(key)
		for _, old := range n.cands {
			if old.actor.ID == c.actor.ID && old.nk == c.nk && old.from == c.from && old.until == c.until {
				return
			}
		}
		n.cands = append(n.cands, c)
		if name != c.actor.Name && len(d.known[c.actor.ID]) < 32 {
			d.known[c.actor.ID] = append(d.known[c.actor.ID], name)
		}
		// "the Kremlin", "the West": also without the article
		if len(key) > 1 && (key[0] == "the" || key[0] == "The") {
			d.names.insert(key[1:]).cands = append(d.names.insert(key[1:]).cands, c)
		}
	}
	for i := range lex.Countries {
		ce := &lex.Countries[i]
		a := graph.Actor{ID: graph.ActorID(graph.Country, ce.Code), Name: ce.Name, Kind: graph.Country, Country: ce.Code}
		d.actors[a.ID] = a
		base := candidate{actor: a, from: ce.From, until: ce.Until}
		c := base
		add(ce.Name, c)
		for _, n := range ce.Aliases {
			add(n, c)
		}
		c.nk = nkDemonym
		for _, n := range ce.Demonyms {
			add(n, c)
		}
		c.nk = nkCapital
		for _, n := range ce.Capitals {
			add(n, c)
		}
	}
	for i := range lex.Orgs {
		oe := &lex.Orgs[i]
		kind := oe.Kind
		if kind == "" {
			kind = graph.Organization
		}
		if oe.Country != "" && isGovernmentBody(oe.Name) {
			// a ministry, department or army of one state stands for that
			// state, as a seat of government does ("the State Department said")
			if ca, ok := d.actors[graph.ActorID(graph.Country, oe.Country)]; ok {
				c := candidate{actor: ca, nk: nkCapital}
				add(oe.Name, c)
				for _, n := range oe.Aliases {
					add(n, c)
				}
				continue
			}
		}
		a := graph.Actor{ID: graph.ActorID(kind, oe.Name), Name: oe.Name, Kind: kind}
		d.actors[a.ID] = a
		if isMedia(oe.Name, oe.Aliases) {
			d.media[a.ID] = true
		}
		c := candidate{actor: a}
		add(oe.Name, c)
		for _, n := range oe.Aliases {
			add(n, c)
		}
	}
	for i := range lex.Leaders {
		le := &lex.Leaders[i]
		a := graph.Actor{ID: graph.ActorID(graph.Person, le.Name), Name: le.Name, Kind: graph.Person}
		d.actors[a.ID] = a
		d.leaders[a.ID] = append(d.leaders[a.ID], le)
		d.byCountry[le.Country] = append(d.byCountry[le.Country], le)
		c := candidate{actor: a, leader: le}
		// the full name denotes the person at any time; short forms only
		// while the person holds a role (around it: a year either side)
		add(le.Name, c)
		for _, v := range nameVariants(le.Name) {
			add(v, c)
		}
		c.nk = nkSurname
		c.from, c.until = widen(le.From, -1), widen(le.Until, 1)
		for _, n := range le.Aliases {
			if strings.Contains(n, " ") {
				cc := c
				cc.nk, cc.from, cc.until = nkName, graph.Date{}, graph.Date{}
				add(n, cc)
				if strings.Count(n, " ") == 1 && !strings.Contains(n, "-") {
					add(strings.Replace(n, " ", "-", 1), cc) // "Sassou Nguesso", "Sassou-Nguesso"
				}
				continue
			}
			add(n, c)
		}
	}
	for i := range lex.Titles {
		te := &lex.Titles[i]
		n := d.titles.insert(patternTokens(te.Title, true))
		if n.title == nil {
			n.title = te
		}
	}
	d.cues = buildCues(lex.Cues)
	d.names.lowerRoots = map[string]bool{}
	for k := range d.names.next {
		if t := mkToken(k, 0, len(k), true); !t.cap {
			d.names.lowerRoots[k] = true
		}
	}
	return d
}

// governmentWords mark the name of a state's own body.
var governmentWords = setOf(`Ministry Department Pentagon Cabinet Army Navy Forces Government Kremlin Office
Secretariat Council`)

// isGovernmentBody reports whether an organization's name is that of a
// ministry, department, army or office of a state.
func isGovernmentBody(name string) bool {
	for _, w := range strings.Fields(name) {
		if governmentWords[w] && !strings.Contains(name, "Bank") && !strings.Contains(name, "Party") {
			return true
		}
	}
	return false
}

// mediaWords mark a news organization's name.
var mediaWords = setOf(`News Agency Agence Press Presse Times Post Daily Television TV Broadcasting Radio
Reuters Bloomberg Interfax Sputnik CNN BBC AFP AP TASS Tass ITAR-TASS Kyodo Yonhap KCNA Xinhua Journal Herald
Tribune Gazette Telegraph Guardian Channel Network Newsweek Economist`)

// isMedia reports whether an organization is a news organization.
func isMedia(name string, aliases []string) bool {
	for _, n := range append([]string{name}, aliases...) {
		for _, w := range strings.Fields(n) {
			if mediaWords[w] {
				return true
			}
		}
	}
	return false
}

// nameVariants returns the spellings news uses for a name of three parts
// with a hyphenated given name: "Kim Jong Un" / "Kim Jong-un" / "Kim
// Jong-Un", "Moon Jae-in" / "Moon Jae In".
func nameVariants(name string) []string {
	parts := strings.Fields(name)
	switch {
	case len(parts) == 3 && familyFirst[parts[0]]:
		given := parts[1] + "-" + strings.ToLower(parts[2])
		return []string{parts[0] + " " + given, parts[0] + " " + parts[1] + "-" + parts[2]}
	case len(parts) == 2 && familyFirst[parts[0]] && strings.Count(parts[1], "-") == 1:
		g := strings.SplitN(parts[1], "-", 2)
		if g[1] == "" {
			return nil
		}
		up := strings.ToUpper(g[1][:1]) + g[1][1:]
		return []string{parts[0] + " " + g[0] + " " + up, parts[0] + " " + g[0] + "-" + up, parts[0] + " " + g[0] + "-" + strings.ToLower(g[1])}
	case len(parts) >= 3:
		// a compound surname is also written with a hyphen: "Denis
		// Sassou-Nguesso"
		n := len(parts)
		return []string{strings.Join(parts[:n-2], " ") + " " + parts[n-2] + "-" + parts[n-1]}
	}
	return nil
}

// widen moves an open-or-not date by years (a zero date stays open).
func widen(d graph.Date, years int) graph.Date {
	if d.IsZero() {
		return d
	}
	return graph.YearDate(d.Year + years)
}

// pick chooses among a name's candidates the one valid on date d: a
// canonical name or alias before a capital or demonym, then the first.
func pick(cands []candidate, d graph.Date) (candidate, bool) {
	best, found := candidate{}, false
	for _, c := range cands {
		if !c.valid(d) {
			continue
		}
		if !found || (c.nk < best.nk) {
			best, found = c, true
		}
	}
	if !found && d.IsZero() && len(cands) > 0 {
		// no date: the latest-valid reading
		for _, c := range cands {
			if !found || c.from.Time().After(best.from.Time()) {
				best, found = c, true
			}
		}
	}
	return best, found
}

// leaderRole returns the role that a lexicon person holds on date d.
func (d *dict) leaderRole(id string, on graph.Date) (*LeaderEntry, bool) {
	var best *LeaderEntry
	for _, le := range d.leaders[id] {
		c := candidate{from: le.From, until: le.Until}
		if on.IsZero() && !le.Until.IsZero() {
			continue
		}
		if !c.valid(on) {
			continue
		}
		if best == nil || (le.Relation == graph.Leads && best.Relation != graph.Leads) {
			best = le
		}
	}
	return best, best != nil
}
