package ingest

import (
	"sort"
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// affiliation is an affiliation edge found in a sentence.
type affiliation struct {
	person, target, relation, role string
	conf                           float64
}

// mentionsOf finds the actor mentions of one sentence, resolving persons
// against the article (surnames, titles, pronouns), and the affiliation edges
// that titles and appositions state.
func (st *docState) mentionsOf(sent string, toks []token) ([]mention, []affiliation) {
	var ms []mention
	var affs []affiliation
	subjectSet := false
	addPerson := func(m mention) {
		ms = append(ms, m)
		if !subjectSet {
			st.lastSubj, subjectSet = m.id, true
		}
	}
	for i := 0; i < len(toks); {
		t := toks[i]
		// pronouns in subject position
		if personPronouns[t.text] && st.lastSubj != "" {
			ms = append(ms, mention{s: i, e: i + 1, id: st.lastSubj, kind: graph.Person, pronoun: true})
			i++
			continue
		}
		// "the two countries", "both sides"; "the two leaders"
		if n := pairPhraseAt(toks, i); n > 0 {
			if a, b, ok := st.pair(); ok {
				ms = append(ms, mention{s: i, e: i + n, id: a, id2: b, kind: graph.Country, pair: true})
			}
			i += n
			continue
		}
		if n := leaderPairPhraseAt(toks, i); n > 0 {
			if a, b, ok := st.personPair(); ok {
				ms = append(ms, mention{s: i, e: i + n, id: a, id2: b, kind: graph.Person, pair: true})
			}
			i += n
			continue
		}
		// a role title, with the person's name after it
		if tn, te := st.titleAt(toks, i); te != nil || t.lower == "counterpart" {
			if te == nil {
				tn = 1
			}
			j := i + tn
			// "Chinese Ambassador to Australia Ma Zhaoxu": the posting is no affiliation
			if j+1 < len(toks) && toks[j].lower == "to" {
				if n, node := st.d.names.longest(toks, j+1, keyText); node != nil {
					if c, ok := st.resolve(node); ok && c.actor.Kind == graph.Country {
						j += 1 + n
					}
				}
			}
			nl := st.nameAt(toks, j)
			adj := adjunctBefore(toks, ms, i)
			if nl > 0 && (t.cap || te == nil || adj >= 0) {
				var p *docPerson
				// "Queen Elizabeth", "King Fahd": the lexicon may know the
				// title and name together
				if n, node := st.d.names.longest(toks, i, keyText); node != nil && n > tn {
					if c, ok := st.resolve(node); ok && c.actor.Kind == graph.Person {
						p = st.person(c.actor.Name)
						nl = n - (j - i)
						if nl < 1 {
							nl = 1
						}
					}
				}
				if p == nil {
					p = st.personFromName(sent, toks, j, j+nl)
				}
				start := i
				role := joinTokens(sent, toks, i, i+tn)
				var target string
				// the country or organization written before the title:
				// "Russian Prime Minister", "North Korea's top leader"
				if adj >= 0 {
					target, start = ms[adj].id, ms[adj].s
					ms = ms[:adj]
				}
				end := j + nl
				// "President Park Geun-hye of South Korea"
				if target == "" && end+1 < len(toks) && toks[end].lower == "of" {
					if n, node := st.d.names.longest(toks, end+1, keyText); node != nil {
						if c, ok := st.resolve(node); ok && c.actor.Kind != graph.Person {
							target = c.actor.ID
							st.see(c.actor, joinTokens(sent, toks, end+1, end+1+n))
							end += 1 + n
						}
					}
				}
				former := i > 0 && (toks[i-1].lower == "former" || toks[i-1].lower == "ex" || toks[i-1].lower == "late")
				if start > 0 && (toks[start-1].lower == "former") {
					former = true
				}
				rel := ""
				if te == nil { // counterpart: the role of the person it mirrors
					rel = st.counterpartRelation(p.id)
					role = "counterpart"
				} else if target != "" {
					rel = titleRelation(te, st.kindOf(target))
				}
				if target != "" && rel != "" && !former {
					affs = append(affs, affiliation{p.id, target, rel, role, 0.9})
					if k, _ := graph.KindOfID(target); k == graph.Country {
						p.country = target
					}
				} else if target == "" && !former {
					if a, ok := st.lexiconAffiliation(p.id); ok {
						affs = append(affs, a)
					} else if te != nil {
						if a, ok := st.titledAffiliation(p.id, te.Title); ok {
							affs = append(affs, a)
						}
					}
				}
				if te != nil {
					st.noteTitle(p, te.Title)
				}
				addPerson(mention{s: start, e: end, id: p.id, kind: graph.Person, poss: end < len(toks) && toks[end].text == "'s"})
				affs = append(affs, st.apposition(sent, toks, end, p)...)
				i = end
				continue
			}
			// "Iraq's national security advisor met ...", "a French minister
			// threatened ...": an unnamed official acts for the country
			if te != nil && te.Kind == TitleOfficial && len(ms) > 0 {
				if k := len(ms) - 1; ms[k].kind == graph.Country && !ms[k].pair && (ms[k].e == i || ms[k].e == i-1 && toks[i-1].text == "'s") && (ms[k].adjectival() || ms[k].poss) && st.byTitle[strings.ToLower(te.Title)] == "" {
					ms[k] = mention{s: ms[k].s, e: i + tn, id: ms[k].id, kind: graph.Country, poss: i+tn < len(toks) && toks[i+tn].text == "'s"}
					i += tn
					continue
				}
			}
			// a title alone refers to the person who holds it in the article:
			// "the Premier", "the Russian PM"
			if te != nil && i > 0 && (toks[i-1].lower == "the" || (len(ms) > 0 && ms[len(ms)-1].e == i && ms[len(ms)-1].adjectival())) {
				var country string
				start := i
				if k := len(ms) - 1; k >= 0 && ms[k].e == i && ms[k].adjectival() {
					country, start = ms[k].id, ms[k].s
				}
				id := st.byTitle[strings.ToLower(te.Title)]
				if id != "" && country != "" && st.countryOfActor(id) != country {
					id = ""
				}
				if id == "" && country != "" && te.Kind == TitleHead {
					// "the Saudi leader": who leads that country on the article's date
					id = st.headOf(country)
				}
				if id != "" {
					if start < i {
						ms = ms[:len(ms)-1]
					}
					addPerson(mention{s: start, e: i + tn, id: id, kind: graph.Person})
				}
			}
			i += tn
			continue
		}
		// lexicon names, or an organization the lexicon does not know
		n, node := st.d.names.longest(toks, i, keyText)
		if on := orgAt(toks, i); on > n {
			name := joinTokens(sent, toks, i, i+on)
			a := graph.Actor{ID: graph.ActorID(graph.Organization, name), Name: name, Kind: graph.Organization}
			st.see(a, "")
			ms = append(ms, mention{s: i, e: i + on, id: a.ID, kind: a.Kind, poss: i+on < len(toks) && toks[i+on].text == "'s"})
			i += on
			continue
		}
		if node != nil {
			if c, ok := st.resolve(node); ok {
				m := mention{s: i, e: i + n, id: c.actor.ID, kind: c.actor.Kind, nk: c.nk, poss: i+n < len(toks) && toks[i+n].text == "'s"}
				// "Washington's Brookings Institution": the capital is a place
				if c.nk == nkCapital && m.poss && i+n+1 < len(toks) && st.startsOrg(toks, i+n+1) {
					i += n
					continue
				}
				if c.actor.Kind == graph.Person {
					if c.nk == nkSurname && !t.cap {
						i += n
						continue
					}
					p := st.person(c.actor.Name)
					m.id = p.id
					if a, ok := st.lexiconAffiliation(p.id); ok {
						affs = append(affs, a)
					}
					// "Anibal Cavaco Silva of Portugal": the country belongs
					// to the name's phrase, it is no actor of its own
					if e := st.ofCountry(sent, toks, i+n); e > i+n {
						n = e - i
						m.e = e
						m.poss = e < len(toks) && toks[e].text == "'s"
					}
					addPerson(m)
					affs = append(affs, st.apposition(sent, toks, i+n, p)...)
					i += n
					continue
				}
				// "ethnic Albanians", "ethnic Russian guerrillas": a people,
				// not the state of that name; nor are its rebels or exiles
				if c.nk == nkDemonym && (i > 0 && toks[i-1].lower == "ethnic" || nonStateAfter(toks, i+n)) {
					i += n
					continue // "Albanian rebels" act against or apart from a state, not for it
				}
				st.see(c.actor, joinTokens(sent, toks, i, i+n))
				ms = append(ms, m)
				i += n
				continue
			}
		}
		// a surname or given name of a person met earlier in the article
		if t.cap && t.word {
			if id := st.surname[t.text]; id != "" && st.nameAt(toks, i) == 1 {
				st.persons[id].mentions++
				addPerson(mention{s: i, e: i + 1, id: id, kind: graph.Person, poss: i+1 < len(toks) && toks[i+1].text == "'s"})
				i++
				continue
			}
			// an unknown name as the subject of a speech verb, or with an
			// apposition that gives a role
			if nl := st.nameAt(toks, i); nl >= 2 && st.looksLikePerson(toks, i, nl) {
				p := st.personFromName(sent, toks, i, i+nl)
				addPerson(mention{s: i, e: i + nl, id: p.id, kind: graph.Person, poss: i+nl < len(toks) && toks[i+nl].text == "'s"})
				affs = append(affs, st.apposition(sent, toks, i+nl, p)...)
				i += nl
				continue
			}
		}
		i++
	}
	affs = append(affs, st.pendingAffs...)
	st.pendingAffs = st.pendingAffs[:0]
	return ms, affs
}

// adjunctBefore returns the index of the country or organization mention
// that qualifies a title at toks[i] ("Russian", "Japan's", "North Korea's
// top"), or -1.
func adjunctBefore(toks []token, ms []mention, i int) int {
	k := len(ms) - 1
	if k < 0 || ms[k].pronoun || ms[k].pair || ms[k].kind == graph.Person || ms[k].e > i {
		return -1
	}
	for j := ms[k].e; j < i; j++ {
		t := toks[j]
		switch {
		case t.text == "'s" && j == ms[k].e:
		case t.word && !t.cap && j >= i-2 && titleAdjectives[t.lower]:
		default:
			return -1
		}
	}
	return k
}

// titleAdjectives may stand between a country and a title ("North Korea's
// top leader").
var titleAdjectives = setOf(`top senior chief new deputy acting then current incumbent veteran outgoing
interim longtime long-time powerful supreme paramount elected designated`)

// ofCountry returns the end of "of <country>" at toks[k], or k.
func (st *docState) ofCountry(sent string, toks []token, k int) int {
	if k+1 >= len(toks) || toks[k].lower != "of" {
		return k
	}
	n, node := st.d.names.longest(toks, k+1, keyText)
	if node == nil {
		return k
	}
	if c, ok := st.resolve(node); ok && c.actor.Kind == graph.Country && c.nk == nkName {
		st.see(c.actor, joinTokens(sent, toks, k+1, k+1+n))
		return k + 1 + n
	}
	return k
}

// pairPhraseAt matches "the two countries", "both sides" and the like.
func pairPhraseAt(toks []token, i int) int {
	if l := toks[i].lower; l != "the" && l != "both" {
		return 0
	}
	words := func(ws ...string) bool {
		if i+len(ws) > len(toks) {
			return false
		}
		for k, w := range ws {
			if toks[i+k].lower != w {
				return false
			}
		}
		return true
	}
	for _, noun := range []string{"countries", "nations", "sides", "governments", "states", "neighbours", "neighbors"} {
		if words("the", "two", noun) {
			return 3
		}
		if words("both", noun) {
			return 2
		}
	}
	return 0
}

// leaderPairPhraseAt matches "the two leaders", "both presidents".
func leaderPairPhraseAt(toks []token, i int) int {
	if l := toks[i].lower; l != "the" && l != "both" {
		return 0
	}
	for _, noun := range []string{"leaders", "presidents", "heads", "ministers", "premiers"} {
		if i+2 < len(toks) && toks[i].lower == "the" && toks[i+1].lower == "two" && toks[i+2].lower == noun {
			return 3
		}
		if i+1 < len(toks) && toks[i].lower == "both" && toks[i+1].lower == noun {
			return 2
		}
	}
	return 0
}

// personPair returns the two persons the article is about, when two stand
// out and act for different countries.
func (st *docState) personPair() (string, string, bool) {
	var l []*docPerson
	for _, p := range st.persons {
		l = append(l, p)
	}
	sort.Slice(l, func(i, j int) bool {
		return l[i].mentions > l[j].mentions || l[i].mentions == l[j].mentions && l[i].id < l[j].id
	})
	if len(l) < 2 || l[1].mentions < 2 || (len(l) > 2 && l[2].mentions >= l[1].mentions) {
		return "", "", false
	}
	if l[0].country == "" || l[0].country == l[1].country {
		return "", "", false
	}
	return l[0].id, l[1].id, true
}

// pair returns the two countries the article is about, when two stand out.
func (st *docState) pair() (string, string, bool) {
	type kv struct {
		id string
		n  int
	}
	var l []kv
	for id, n := range st.counts {
		l = append(l, kv{id, n})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n || l[i].n == l[j].n && l[i].id < l[j].id })
	if len(l) < 2 || l[1].n < 1 || (len(l) > 2 && l[2].n >= l[1].n) {
		return "", "", false
	}
	return l[0].id, l[1].id, true
}

// personFromName resolves the name in toks[s:e] to a person of the article
// or the lexicon, or registers a new person.
func (st *docState) personFromName(sent string, toks []token, s, e int) *docPerson {
	name := joinTokens(sent, toks, s, e)
	if n, node := st.d.names.longest(toks, s, keyText); node != nil && n == e-s {
		if c, ok := pick(node.cands, st.date); ok && c.actor.Kind == graph.Person {
			return st.person(c.actor.Name)
		}
		for _, c := range node.cands {
			if c.actor.Kind == graph.Person && c.nk == nkName {
				return st.person(c.actor.Name)
			}
		}
	}
	if e-s == 1 {
		if id := st.surname[toks[s].text]; id != "" {
			p := st.persons[id]
			p.mentions++
			return p
		}
	}
	// "Mikhail Mishustin" after "Mishustin" alone: the full name wins
	return st.person(strings.ReplaceAll(name, "’", "'"))
}

// looksLikePerson reports whether an unknown capitalised name at toks[i:i+n]
// is a person: it says or tells something, is said to, or has a role in an
// apposition.
func (st *docState) looksLikePerson(toks []token, i, n int) bool {
	e := i + n
	if e < len(toks) {
		switch toks[e].lower {
		case "said", "says", "told", "added", "noted", "stressed", "warned", "insisted", "explained", "argued", "wrote", "tweeted":
			return true
		case ",":
			// ", a senior fellow at", ", MOFCOM spokesperson", ", a US deputy national
			// security adviser": articles, lower-case words and a country or
			// organization may stand before the title
			for k := e + 1; k < len(toks) && k < e+8; k++ {
				if tn, te := st.titleAt(toks, k); te != nil && tn > 0 {
					return true
				}
				if n, node := st.d.names.longest(toks, k, keyText); node != nil {
					k += n - 1
					if k+1 < len(toks) && toks[k+1].text == "'s" {
						k++ // ", South Korea's special representative"
					}
					continue
				}
				if t := toks[k]; !t.word || t.cap {
					return false
				}
			}
		}
	}
	if i > 0 {
		switch toks[i-1].lower {
		case "said", "says", "told":
			return true
		}
	}
	return false
}

// apposition reads a role given after a person's name: "Ryan Hass, a senior
// fellow at Washington's Brookings Institution", "Ben Rhodes, a US deputy
// national security adviser", "Wu Xinbo, director of Fudan University's ...".
func (st *docState) apposition(sent string, toks []token, k int, p *docPerson) []affiliation {
	if k >= len(toks) || toks[k].text != "," {
		return nil
	}
	end := k + 1
	for end < len(toks) && end < k+16 && toks[end].text != "," && toks[end].text != ";" && toks[end].text != "." && toks[end].text != ")" {
		end++
	}
	var adjunct string
	var out []affiliation
	for j := k + 1; j < end; j++ {
		if toks[j].lower == "former" {
			return out
		}
		if tn, te := st.titleAt(toks, j); te != nil {
			target := adjunct
			after := j + tn
			if after < end {
				switch toks[after].lower {
				case "at", "of", "with", "for", "from", "to":
					if id := st.actorNear(sent, toks, after+1, end); id != "" {
						if target == "" || st.kindOf(id) == graph.Organization {
							target = id
						}
					}
				}
			}
			if target != "" {
				if rel := titleRelation(te, st.kindOf(target)); rel != "" {
					out = append(out, affiliation{p.id, target, rel, joinTokens(sent, toks, j, after), 0.85})
					if st.kindOf(target) == graph.Country {
						p.country = target
					}
				}
			}
			st.noteTitle(p, te.Title)
			return out
		}
		if n, node := st.d.names.longest(toks, j, keyText); node != nil {
			if c, ok := st.resolve(node); ok && c.actor.Kind != graph.Person {
				adjunct = c.actor.ID
				st.see(c.actor, joinTokens(sent, toks, j, j+n))
				j += n - 1
			}
		}
	}
	return out
}

// actorNear finds the first country or organization named in toks[s:e],
// skipping a capital used as a place before an organization.
func (st *docState) actorNear(sent string, toks []token, s, e int) string {
	for j := s; j < e && j < s+8; j++ {
		on := orgAt(toks, j)
		n, node := st.d.names.longest(toks, j, keyText)
		if on > n {
			name := joinTokens(sent, toks, j, j+on)
			a := graph.Actor{ID: graph.ActorID(graph.Organization, name), Name: name, Kind: graph.Organization}
			st.see(a, "")
			return a.ID
		}
		if node != nil {
			if c, ok := st.resolve(node); ok && c.actor.Kind != graph.Person {
				if c.nk == nkCapital && j+n < e && toks[j+n].text == "'s" && st.startsOrg(toks, j+n+1) {
					j += n
					continue
				}
				st.see(c.actor, joinTokens(sent, toks, j, j+n))
				return c.actor.ID
			}
		}
	}
	return ""
}

// startsOrg reports whether an organization's name starts at toks[i].
func (st *docState) startsOrg(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	if orgAt(toks, i) > 0 {
		return true
	}
	if _, node := st.d.names.longest(toks, i, keyText); node != nil {
		for _, c := range node.cands {
			if c.actor.Kind == graph.Organization {
				return true
			}
		}
	}
	return false
}

// kindOf returns the kind of an actor id.
func (st *docState) kindOf(id string) graph.Kind {
	k, _ := graph.KindOfID(id)
	return k
}

// titleRelation returns the affiliation that a title gives toward an actor
// of the given kind, or "" when it gives none.
func titleRelation(te *TitleEntry, k graph.Kind) string {
	switch k {
	case graph.Organization, graph.Bloc:
		if te.Kind == TitleHead && te.Relation == graph.Leads {
			return graph.Leads // "European Commission President Jean-Claude Juncker"
		}
		return graph.AffiliatedWith
	case graph.Country:
		switch {
		case te.Kind == TitleHead:
			return graph.Leads
		case te.Relation == graph.Leads || te.Relation == graph.OfficialOf:
			return graph.OfficialOf
		}
	}
	return ""
}

// noteTitle remembers that p holds a title, for "the Premier" later.
func (st *docState) noteTitle(p *docPerson, title string) {
	l := strings.ToLower(title)
	p.titles = append(p.titles, l)
	st.byTitle[l] = p.id
}

// counterpartRelation gives "his Swiss counterpart X" the relation of the
// person X mirrors: the last person met with an affiliation.
func (st *docState) counterpartRelation(self string) string {
	if id := st.lastSubj; id != "" && id != self {
		if le, ok := st.d.leaderRole(id, st.date); ok {
			return le.Relation
		}
		if p := st.persons[id]; p != nil && p.country != "" {
			return graph.Leads
		}
	}
	return ""
}

// titledAffiliation returns the role of the leaders lexicon that bears the
// title the text gives ("President Bush"), when no role is valid on the
// article's date (an article without a date, or dated at the edge of the
// role).
func (st *docState) titledAffiliation(id, title string) (affiliation, bool) {
	var best *LeaderEntry
	for _, le := range st.d.leaders[id] {
		if !strings.EqualFold(le.Role, title) {
			continue
		}
		if best == nil || st.date.IsZero() && le.From.Time().After(best.From.Time()) ||
			!st.date.IsZero() && distance(le, st.date) < distance(best, st.date) {
			best = le
		}
	}
	if best == nil || !st.date.IsZero() && distance(best, st.date) > 366 {
		// "King Faisal visited in 1967": a role long past is history, not
		// an affiliation of the article's time
		return affiliation{}, false
	}
	target := graph.ActorID(graph.Country, best.Country)
	if a, ok := st.d.actors[target]; ok {
		st.see(a, "")
	}
	if p := st.persons[id]; p != nil {
		p.country = target
	}
	return affiliation{id, target, best.Relation, best.Role, 0.6}, true
}

// distance is how far a date lies from a role's period, in days.
func distance(le *LeaderEntry, d graph.Date) float64 {
	t := d.Time()
	switch {
	case !le.From.IsZero() && t.Before(le.From.Time()):
		return le.From.Time().Sub(t).Hours() / 24
	case !le.Until.IsZero() && t.After(le.Until.End().Time()):
		return t.Sub(le.Until.End().Time()).Hours() / 24
	}
	return 0
}

// headOf returns the person who leads a country in the article (a person
// met with a leads role), else the one the leaders lexicon names for the
// article's date.
func (st *docState) headOf(country string) string {
	ids := make([]string, 0, len(st.persons))
	for id := range st.persons {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if st.persons[id].country == country {
			if le, ok := st.d.leaderRole(id, st.date); ok && le.Relation == graph.Leads {
				return id
			}
		}
	}
	if st.date.IsZero() {
		return ""
	}
	for _, le := range st.d.byCountry[strings.TrimPrefix(country, "country/")] {
		if le.Relation == graph.Leads && (candidate{from: le.From, until: le.Until}).valid(st.date) {
			p := st.person(le.Name)
			if a, ok := st.lexiconAffiliation(p.id); ok {
				st.pendingAffs = append(st.pendingAffs, a)
			}
			return p.id
		}
	}
	return ""
}

// lexiconAffiliation returns the role that the leaders lexicon gives a
// person on the article's date.
func (st *docState) lexiconAffiliation(id string) (affiliation, bool) {
	le, ok := st.d.leaderRole(id, st.date)
	if !ok {
		return affiliation{}, false
	}
	target := graph.ActorID(graph.Country, le.Country)
	if a, ok := st.d.actors[target]; ok {
		st.see(a, "")
		st.counts[target]-- // a lexicon role is no mention of the country
	}
	if p := st.persons[id]; p != nil {
		p.country = target
		st.byTitle[strings.ToLower(le.Role)] = id
	}
	return affiliation{id, target, le.Relation, le.Role, 0.8}, true
}

// nonStateGroups after a demonym name people who do not act for its state.
var nonStateGroups = setOf(`rebels rebel guerrillas guerrilla guerillas insurgents insurgent militants militant
separatists separatist dissidents dissident exiles exile refugees refugee demonstrators protesters protestors
rioters extremists terrorists gunmen fighters opposition bombers militiamen militia militias hijackers kidnappers
hackers settlers activists nationalists nationalist mujahideen mujahedeen warlords pirates smugglers`)

// nonStateAfter reports whether a non-state group follows a demonym at i,
// possibly after one qualifier: "Albanian rebels", "Irish nationalist
// guerrillas", "Palestinian suicide bombers".
func nonStateAfter(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+2; j++ {
		if nonStateGroups[toks[j].lower] {
			return true
		}
		if !toks[j].word || toks[j].cap {
			return false
		}
	}
	return false
}
