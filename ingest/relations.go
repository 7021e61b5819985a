package ingest

import (
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// found is an event found in a sentence, before dating and merging.
type found struct {
	src, tgt  string
	relation  string
	modality  graph.Modality
	conf      float64
	cue       int  // token index of the cue
	predicate bool // a verb, or a noun carried by the clause's verb: the event is dated like a predicate
	anaphor   bool // a source-less mention of an event ("the invasion of Ukraine"): it only dates events
	pastTime  bool // an intent stated in a past act ("pledged on Saturday to"): its time expression is past
}

// prepositions that put a mention out of subject position.
var prepositions = setOf(`of in at on with to from for by against over about between among toward towards into
across since after before during near under like including via through amid despite than outside inside
throughout within beyond around along alongside behind upon onto until unlike`)

// determiners and light words skipped between a cue and its argument.
var skippable = setOf(`a an the its their his her our this that these those new fresh further more its own
its first first second third largest biggest top main major key new close closer strong stronger
official state formal full joint bilateral mutual comprehensive strategic its`)

// agreement nouns, the object that makes "signed" a sign_agreement cue.
var agreementNouns = setOf(`agreement agreements deal deals treaty treaties accord accords pact pacts memorandum
memorandums memoranda mou mous contract contracts documents document protocol protocols communique
declaration fta ftas charter`)

// speech verbs end the clause of the speaker: what follows is reported.
var speechVerbs = setOf(`said says told tells added adds stressed noted warned insisted explained argued
announced stated declared claimed reported wrote tweeted believes believe thinks think according`)

// clauseOf assigns every token a clause number. Clauses break at ";" and
// ":", at ", but" / ", while" / ", which" / ", who" / ", whereas", after a
// speech verb (and its addressee: "told Mishustin"), and before a trailing
// ", he said".
func clauseOf(toks []token, ms []mention) []int {
	cl := make([]int, len(toks))
	c := 0
	mentionEnd := map[int]int{}
	for _, m := range ms {
		mentionEnd[m.s] = m.e
	}
	next := 1   // the next clause number to hand out
	outer := -1 // inside ", who ... ,": the clause to return to
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		cl[i] = c
		switch t.lower {
		case ";", ":":
			c, next = next, next+1
		case "but", "whereas":
			// "are part of a consultation but are also expected to ...": a
			// new clause, comma or not
			if i > 0 && toks[i-1].text != "," {
				c, next = next, next+1
				cl[i] = c
			}
		case ",":
			if outer >= 0 {
				// the relative clause ends; the main clause goes on
				c, outer = outer, -1
				cl[i] = c
				continue
			}
			if i+1 < len(toks) {
				switch w := toks[i+1].lower; {
				case relativeOpener(toks, i+1):
					// ", broken off by London last October,": a reduced
					// relative clause is one too
					outer = c
					c, next = next, next+1
				case clauseOpeners[w]:
					c, next = next, next+1
				default:
					// ", he said." / ", Li said" at the end
					if e, ok := mentionEnd[i+1]; ok && e < len(toks) && speechVerbs[toks[e].lower] && trailingSpeech(toks, e+1) {
						c, next = next, next+1
					} else if i+2 < len(toks) && speechVerbs[toks[i+1].lower] && trailingSpeech(toks, i+2) {
						c, next = next, next+1
					}
				}
			}
		default:
			if speechVerbs[t.lower] && t.lower != "according" && !(i+1 < len(toks) && objectOpeners[toks[i+1].lower] && !sayVerbs[t.lower]) {
				// "told Mishustin China and Russia would...": the addressee
				// stays with the speaker
				if t.lower == "told" || t.lower == "tells" {
					if e, ok := mentionEnd[i+1]; ok {
						for ; i+1 < e; i++ {
							cl[i+1] = c
						}
					}
				}
				// "said on Thursday that ...": the time of saying stays with the speaker
				for k := i + 1; k < len(toks) && k <= i+4; k++ {
					if toks[k].lower == "that" {
						for ; i < k; i++ {
							cl[i+1] = c
						}
						break
					}
					if !toks[k].word && toks[k].text != "," {
						break
					}
				}
				c, next = next, next+1
				outer = -1
			}
		}
	}
	return cl
}

// planAnnouncers before "plans to" make what follows a plan.
var planAnnouncers = setOf(`announced announces unveiled unveils outlined outlines disclosed discloses`)

// objectOpeners start a noun phrase: after "announced" or "declared" they
// begin its object ("announced a suspension of air links"), not a clause.
var objectOpeners = setOf(`a an its their his her new plans further fresh additional sweeping tough`)

// sayVerbs are speech verbs that introduce what is said, never an object.
var sayVerbs = setOf(`said says told tells added adds`)

// clauseOpeners after a comma start a new clause.
var clauseOpeners = setOf(`but while whereas although though as because saying adding and`)

// clauseStart returns the first token of the clause of token i.
func clauseStart(cl []int, i int) int {
	for i > 0 && cl[i-1] == cl[i] {
		i--
	}
	return i
}

// relativeOpener reports whether toks[i], after a comma, opens a relative
// clause: "which", "who", "whose", "whom" or a reduced relative.
func relativeOpener(toks []token, i int) bool {
	switch toks[i].lower {
	case "which", "who", "whose", "whom":
		return true
	}
	return reducedRelative(toks, i)
}

// reducedRelative reports whether toks[i] is a past participle with its
// agent that opens a reduced relative clause after a comma: ", broken off by
// London last October". Without "by" it may as well be the main verb after
// an apposition (", a New York Republican, urged ...").
func reducedRelative(toks []token, i int) bool {
	t := toks[i]
	if !t.word || t.cap || len(t.lower) < 5 || speechVerbs[t.lower] {
		return false
	}
	if !edForm(t.lower) && !irregularParticiples[t.lower] {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if toks[j].lower == "by" {
			return true
		}
	}
	return false
}

// edForm reports whether w has the -ed ending of a past tense or participle.
func edForm(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !edNouns[w]
}

// edNouns end in -ed but are no participles.
var edNouns = setOf(`indeed hundred`)

// irregularParticiples are past participles without -ed.
var irregularParticiples = setOf(`broken taken given written driven chosen spoken shown known seen brought bought
built struck begun`)

// trailingSpeech reports whether a speech verb ending before toks[i] closes
// its sentence (", he said." / ", Li said on Tuesday"), so that what came
// before it is the reported content.
func trailingSpeech(toks []token, i int) bool {
	if i >= len(toks) {
		return true
	}
	switch toks[i].lower {
	case ".", ",", "\"", "on", "in", "at", "last", "this", "late", "earlier", "yesterday", "today", "tonight",
		"after", "before", "during", "while", "when":
		return true
	}
	return weekdayName(toks[i].lower)
}

// groupAt returns the coordination that mention k belongs to: "China and
// Russia", "the United States, Japan and South Korea".
func groupAt(toks []token, ms []mention, k int) []mention {
	lo, hi := k, k
	joined := func(a, b mention) bool {
		if b.s <= a.e {
			return false
		}
		if b.id == a.id && b.s == a.e+1 && toks[a.e].text == "(" {
			return true // "the European Union (EU)"
		}
		for j := a.e; j < b.s; j++ {
			switch toks[j].lower {
			case ",", "and", "'s", ")":
			case "his", "her", "its", "their": // "Xi and his Swiss counterpart Doris Leuthard"
				if j == a.e || toks[j-1].lower != "and" {
					return false
				}
			default:
				return false
			}
		}
		return b.s-a.e <= 3 && !(a.poss && b.s-a.e == 1)
	}
	// persons go with persons; countries, organizations and blocs together
	// ("the European Union, Canada and Mexico")
	alike := func(a, b mention) bool { return (a.kind == graph.Person) == (b.kind == graph.Person) }
	for lo > 0 && joined(ms[lo-1], ms[lo]) && alike(ms[lo-1], ms[lo]) {
		lo--
	}
	for hi+1 < len(ms) && joined(ms[hi], ms[hi+1]) && alike(ms[hi+1], ms[hi]) {
		hi++
	}
	// a list is closed by "and": "A, B and C"; "A, B" alone is no list
	hasAnd := func(a, b mention) bool {
		for j := a.e; j < b.s; j++ {
			if toks[j].lower == "and" {
				return true
			}
		}
		return false
	}
	for hi > k && !hasAnd(ms[hi-1], ms[hi]) {
		hi--
	}
	if hi == k && (hi == lo || !hasAnd(ms[hi-1], ms[hi])) {
		// k closes no list; it may be inside one that closes later
		lo = k
		for lo > 0 && joined(ms[lo-1], ms[lo]) && ms[lo-1].kind == ms[lo].kind && hasAnd(ms[lo-1], ms[lo]) {
			lo--
		}
	}
	g := make([]mention, 0, hi-lo+1)
	for j := lo; j <= hi; j++ {
		g = append(g, ms[j])
	}
	return g
}

// expand turns mentions into actor ids (a pair mention gives two).
func expand(g []mention) []string {
	var ids []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, m := range g {
		add(m.id)
		if m.pair {
			add(m.id2)
		}
	}
	return ids
}

// memberWords name the members of an organization or bloc.
var memberWords = setOf(`member members country countries state states nation nations`)

// nounFollows reports whether a lower-case word follows toks[i-1], which
// then qualifies it ("a G-7 meeting").
func nounFollows(toks []token, i int) bool {
	return i < len(toks) && toks[i].word && !toks[i].cap && !prepositions[toks[i].lower] && toks[i].lower != "and"
}

// memberships finds the member_of edges a sentence states: "NATO member
// Turkey", "EU members France and Germany", "Indonesia and other ASEAN
// countries", "Spain joined the European Community", "the entry of Spain
// and Portugal into the group", "Turkey's accession to the EU".
func (rf *relationFinder) memberships() []found {
	var out []found
	add := func(members []mention, org mention, i int) {
		for _, id := range expand(members) {
			if rf.st.kindOf(id) == graph.Country && org.kind != graph.Country && org.kind != graph.Person && !rf.st.d.media[org.id] {
				out = append(out, found{src: id, tgt: org.id, relation: graph.MemberOf, modality: graph.Asserted, conf: 0.8, cue: i})
			}
		}
	}
	for _, m := range rf.ms {
		if m.kind != graph.Organization && m.kind != graph.Bloc {
			continue
		}
		e := m.e
		// "NATO member Turkey", "EU member states France and Germany"
		j := e
		for j < len(rf.toks) && j < e+3 && memberWords[rf.toks[j].lower] {
			j++
		}
		if j > e {
			if g := rf.mentionAfter(j, 1); g != nil {
				add(g, m, m.s)
			}
			// "Indonesia and other ASEAN countries"
			if m.s >= 2 && rf.toks[m.s-1].lower == "other" && rf.toks[m.s-2].lower == "and" {
				if kk, ok := rf.mentionEnding(m.s - 2); ok {
					add(groupAt(rf.toks, rf.ms, kk), m, m.s)
				}
			}
		}
	}
	for i, t := range rf.toks {
		switch t.lower {
		case "joined":
			// "Spain joined the European Community"; not "refused to join",
			// "is joining", "joined a G-7 meeting"
			if rf.modality(i) != graph.Asserted {
				continue
			}
			if subj := rf.subject(i); subj != nil {
				if g := rf.mentionAfter(i+1, 2); g != nil && (g[0].kind == graph.Organization || g[0].kind == graph.Bloc) && !nounFollows(rf.toks, g[len(g)-1].e) {
					add(subj, g[0], i)
				}
			}
		case "entry":
			// "the entry of Spain and Portugal into the European Community";
			// "the group" is not resolved: only a named organization counts
			if i+1 >= len(rf.toks) || rf.toks[i+1].lower != "of" {
				continue
			}
			members := rf.mentionAfter(i+2, 2)
			if members == nil {
				continue
			}
			last := members[len(members)-1].e
			for j := last; j < len(rf.toks) && j < last+2; j++ {
				if l := rf.toks[j].lower; l == "into" || l == "to" || l == "in" {
					if g := rf.mentionAfter(j+1, 2); g != nil {
						add(members, g[0], i)
					}
				}
			}
		}
	}
	return out
}

// relationFinder finds the events of one sentence.
type relationFinder struct {
	st    *docState
	sent  string
	toks  []token
	ms    []mention
	cl    []int
	at    map[int]int // token index -> index of the mention starting there
	endAt []int       // token index -> index of the first mention ending there, or -1
	cover []int       // token index -> index of the first mention covering it, or -1
	skip  int         // a cue consumed the tokens up to here ("signed a series of agreements")
	// pledged is set by modality when the intent comes from a past act of
	// promising ("pledged to", "agreed to"): the clause's time is that act's
	pledged bool
	// obliged is set by modality when the cue is what someone must or
	// should do ("Iraq must cooperate with UN inspectors"): an obligation
	// is no event of the obliged (reported, it is the speaker's demand)
	obliged bool
}

// relationsOf finds the events of one sentence; it also returns the clause
// of every token, which dating and locating the events use.
func (st *docState) relationsOf(sent string, toks []token, ms []mention) ([]found, []int) {
	// cover and endAt reuse the state's buffers sentence after sentence
	n := len(toks) + 1
	if cap(st.coverBuf) < 2*n {
		st.coverBuf = make([]int, 2*n)
	}
	buf := st.coverBuf[:2*n]
	for i := range buf {
		buf[i] = -1
	}
	rf := &relationFinder{st: st, sent: sent, toks: toks, ms: ms, cl: clauseOf(toks, ms),
		at: make(map[int]int, len(ms)), cover: buf[:n], endAt: buf[n:]}
	for k := len(ms) - 1; k >= 0; k-- { // the first mention wins, as a scan would
		m := ms[k]
		rf.at[m.s] = k
		if m.e < n {
			rf.endAt[m.e] = k
		}
		for j := m.s; j < m.e && j < n; j++ {
			rf.cover[j] = k
		}
	}
	out := rf.memberships()
	var prevCue *CueEntry
	prevEnd := 0
	prevMod, prevClause := graph.Asserted, -1
	for i := 0; i < len(toks); {
		if _, inMention := rf.mentionCovering(i); inMention {
			i++
			continue
		}
		n, cues := st.d.cues.match(toks, i)
		if n == 0 {
			i++
			continue
		}
		cue := rf.choose(cues, i, n)
		if !rf.plausible(cue, i) || rf.reversed(cue, i, n) || rf.inProperName(i, n) || rf.conditional(cue, i) {
			i += n
			continue
		}
		// "invited Putin to visit Beijing", "urged X to impose sanctions",
		// "rejected North Korea's demand to sever its alliance with
		// Washington": the complement is the proposal, not an event of its own
		if prevCue != nil && (prevCue.Relation == graph.Invite || prevCue.Relation == graph.Appeal || prevCue.Relation == graph.Demand || prevCue.Relation == graph.Reject) && rf.complementOf(prevEnd, i) {
			i += n
			continue
		}
		var fs []found
		rf.skip = 0
		if cue.POS == "verb" {
			fs = rf.verb(cue, i, n)
		} else {
			fs = rf.noun(cue, i, n)
		}
		if rf.skip > i+n {
			n = rf.skip - i
		}
		mod := rf.modality(i)
		pledged := rf.pledged
		if rf.obliged {
			fs = nil
		}
		if mod == graph.Asserted && i > 0 && rf.toks[i-1].lower == "and" && prevCue != nil && rf.cl[i] == prevClause {
			// "will make a visit ... and hold talks": coordinated verbs share
			// the modality of the first
			mod = prevMod
		}
		stop := rf.stoppedBy(cue, i, i+n)
		for k := range fs {
			fs[k].modality = mod
			if stop != "" {
				rf.applyStop(&fs[k], stop)
			}
			fs[k].pastTime = pledged
			fs[k].cue = i
			switch {
			case cue.POS == "verb":
				fs[k].predicate = true
			case cue.Relation == graph.Meet || cue.Relation == graph.Call || cue.Relation == graph.Negotiate || cue.Relation == graph.Visit || cue.Relation == graph.Host:
				// talks, calls and visits take place: they are dated like predicates
				fs[k].predicate = !rf.definite(i)
			}
		}
		prevMod, prevClause = mod, rf.cl[i]
		out = append(out, fs...)
		if rf.cl[i] == rf.cl[min(i+n, len(toks)-1)] && (len(fs) > 0 || !cue.Has("object-to")) {
			// "wants to expand trade with" wants nothing of another: the
			// infinitive is the subject's own plan
			prevCue, prevEnd = cue, i+n
		}
		i += n
	}
	out = append(out, rf.mustDemands()...)
	return out, rf.cl
}

// demandSpeech are the speech verbs that report an obligation as a demand.
var demandSpeech = setOf(`said says declared declares reiterated reiterates insisted insists stressed stresses
warned warns repeated repeats stated states told tells argued argues`)

// mustDemands finds demands made in reported speech: "Russia said on
// Tuesday that Sudan must return the helicopter", "a senior British
// minister reiterated that Libya must hand over the suspects". The speaker
// demands of the one obliged; "must be stopped" obliges no one named.
func (rf *relationFinder) mustDemands() []found {
	var out []found
	for j := 1; j+1 < len(rf.toks); j++ {
		if rf.toks[j].lower != "must" {
			continue
		}
		k := j + 1
		for k < len(rf.toks) && (rf.toks[k].lower == "not" || rf.toks[k].lower == "also" || rf.toks[k].lower == "now" || strings.HasSuffix(rf.toks[k].lower, "ly")) {
			k++
		}
		if k+1 < len(rf.toks) && (rf.toks[k].lower == "be" && (verbLike(rf.toks[k+1].lower) || irregularParticiples[rf.toks[k+1].lower]) || rf.toks[k].lower == "have") {
			continue // "Iran must be stopped", "must have known"
		}
		var obliged []mention
		if m, ok := rf.mentionEnding(j); ok {
			obliged = groupAt(rf.toks, rf.ms, m)
		} else if m, ok := rf.mentionEnding(j - 1); ok && actorNouns[rf.toks[j-1].lower] {
			obliged = groupAt(rf.toks, rf.ms, m) // "US and British forces must"
		} else if g, ok := rf.localSubject(j + 1); ok {
			obliged = g // "that it must cooperate"
		}
		if obliged == nil || obliged[0].poss || obliged[0].pair {
			continue // "the two countries must": the speaker is one of them
		}
		v := obliged[0].s - 1
		if v >= 0 && rf.toks[v].lower == "the" {
			v--
		}
		for n := 0; v >= 0 && n < 6; n++ {
			l := rf.toks[v].lower
			if l != "that" && l != "," && l != "on" && l != "here" && l != "again" && !timeWords[l] && !weekdayName(l) {
				break
			}
			v--
		}
		if v < 0 || !demandSpeech[rf.toks[v].lower] {
			continue
		}
		speaker := rf.subject(v)
		if speaker == nil {
			continue
		}
		fs := rf.emit(obligationCue, expand(speaker), expand(obliged), 0.6, v)
		for f := range fs {
			fs[f].modality = graph.Asserted
			fs[f].predicate = true
		}
		out = append(out, fs...)
	}
	return out
}

// obligationCue is the cue of a demand stated as an obligation ("must").
var obligationCue = &CueEntry{Relation: graph.Demand, POS: "verb", Flags: []string{"speech"}}

// complementOf reports whether the cue at i stands in the infinitive that
// completes a cue ending at prevEnd: "to" right before it, or "to" and a
// verb a few words before it with no name between ("demand to sever a
// decades-long military alliance").
func (rf *relationFinder) complementOf(prevEnd, i int) bool {
	if i > 0 && rf.toks[i-1].lower == "to" {
		return true
	}
	if i-prevEnd > 8 || prevEnd >= i {
		return false
	}
	for j := prevEnd; j < i; j++ {
		if rf.cl[j] != rf.cl[i] {
			return false
		}
		if k, in := rf.mentionCovering(j); in && !rf.ms[k].adjectival() && !rf.ms[k].poss {
			return false
		}
		if rf.toks[j].lower == "to" && j+1 < i && rf.toks[j+1].word && !rf.toks[j+1].cap {
			return true
		}
	}
	return false
}

func (rf *relationFinder) mentionCovering(i int) (int, bool) {
	if i < 0 || i >= len(rf.cover) || rf.cover[i] < 0 {
		return 0, false
	}
	return rf.cover[i], true
}

// choose picks the verb or the noun reading of a cue form that has both.
func (rf *relationFinder) choose(cues []*CueEntry, i, n int) *CueEntry {
	if len(cues) == 1 {
		return cues[0]
	}
	// "welcomed Putin" (host) or "welcomed China's decision" (praise): the
	// object decides between two verb readings
	if g := rf.mentionAfter(i+n, 4); g != nil {
		for _, c := range cues {
			if c.Has("possessive-object") && g[0].poss {
				return c
			}
		}
		for _, c := range cues {
			if c.POS == "verb" && c.Has("person-target") && !g[0].poss && g[0].kind == graph.Person {
				return c
			}
		}
	}
	verbish := false
	if i > 0 {
		p := rf.toks[i-1]
		switch p.lower {
		case "to", "will", "would", "'ll", "shall", "not", "n't", "also", "which", "who", "that", "and", "further", "could", "may", "might", "should", "must", "can", "did", "does", "do", "jointly", "strongly", "fully", "firmly", "never":
			verbish = true
		}
		if _, ok := rf.mentionEnding(i); ok && p.text != "'s" {
			verbish = true
		}
	}
	for _, c := range cues {
		if (c.POS == "verb") == verbish {
			return c
		}
	}
	return cues[0]
}

// inProperName reports whether a capitalised cue stands inside a name
// ("the Transatlantic Trade and Investment Partnership", "the Information
// Technology Agreement"): a name is no event.
func (rf *relationFinder) inProperName(i, n int) bool {
	if t := rf.toks[i]; i == 0 || !t.cap || strings.ToUpper(t.text) == t.text {
		return false // sentence-initial, lower case, or an acronym ("FTA")
	}
	if p := rf.toks[i-1]; p.word && p.cap && !notNameFunction[p.text] && strings.ToUpper(p.text) != p.text {
		return true
	}
	if i+n < len(rf.toks) {
		if x := rf.toks[i+n]; x.word && x.cap {
			return true
		}
	}
	return false
}

// reversed reports whether the cue's words name the opposite or a conflict
// over the relation: "lift sanctions", "eased the embargo", "a trade war",
// "trade frictions".
func (rf *relationFinder) reversed(c *CueEntry, i, n int) bool {
	if c.Relation == graph.Sanction {
		// "may lift an additional 84 mln dlrs in trade sanctions"
		for j := max(0, i-10); j < i; j++ {
			if undoing[rf.toks[j].lower] && rf.cl[j] == rf.cl[i] {
				return true
			}
		}
	}
	if c.POS == "noun" && i+n < len(rf.toks) && conflictHeads[rf.toks[i+n].lower] {
		return true
	}
	if c.Relation == graph.Trade && i+n < len(rf.toks) && tradedBlows[rf.toks[i+n].lower] {
		return true // "traded insults and threats with Kim"
	}
	return false
}

// tradedBlows after a trade verb make it an exchange of hostilities.
var tradedBlows = setOf(`insults threats barbs blows accusations fire jabs words punches places`)

// goodsWords are what tariffs fall on: "duties on Japanese goods".
var goodsWords = setOf(`goods products imports exports items steel cars autos semiconductors chips
electronics textiles companies firms`)

// pastPledges are verbs of a past promise: their clause's time expression
// dates the promise, which happened, not the promised act.
var pastPledges = setOf(`pledged vowed agreed promised called urged threatened`)

// undoing words before a sanction cue make it the lifting of sanctions.
var undoing = setOf(`lift lifts lifted lifting ease eases eased easing remove removes removed removing end ends
ended ending suspend suspends suspended suspending waive waives waived waiving drop drops dropped dropping relax
relaxed relaxing rescind rescinded scrap scrapped oppose opposes opposed opposing`)

// conflictHeads after a cue noun make it a modifier of a conflict or of
// something else: "trade war", "trade frictions", "trade representative".
var conflictHeads = setOf(`war wars dispute disputes friction frictions tension tensions row rows conflict
conflicts barrier barriers deficit deficits surplus surpluses imbalance imbalances problems problem issue issues
representative representatives minister ministers secretary official officials ministry department law laws
bill bills protectionism retaliation professor expert experts researcher researchers analyst analysts scholar
economist economists specialist agreement agreements pact pacts deal deals zone zones complaint complaints
case cases action actions policy policies sanction sanctions remedy remedies balance gap figures data
statistics hawk hawks`)

// plausible reports whether the cue's reading fits its context: a noun
// after "to" or a modal is a verb of another sense ("to deal with"); a verb
// after a determiner or an -ing word is a participle or a noun ("the
// occupied West Bank", "increasing demands").
func (rf *relationFinder) plausible(c *CueEntry, i int) bool {
	if i == 0 {
		return true
	}
	p := rf.toks[i-1].lower
	if c.POS == "noun" {
		switch p {
		case "to", "will", "would", "could", "can", "should", "must", "might", "may", "shall", "did", "does", "do", "n't", "not":
			return false
		}
		return true
	}
	switch p {
	case "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "'s":
		return false // "Jordan's visiting King Abdullah"
	case "to":
		// "conceded to demands from UNITA": after "to", a verb is infinitive
		if w := rf.toks[i].lower; len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			return false
		}
	}
	return !(strings.HasSuffix(p, "ing") && p != "being" && len(p) > 5 && !rf.toks[i-1].cap)
}

// mentionEnding returns the mention that ends right before token i.
func (rf *relationFinder) mentionEnding(i int) (int, bool) {
	if i < 0 || i >= len(rf.endAt) || rf.endAt[i] < 0 {
		return 0, false
	}
	return rf.endAt[i], true
}

// subject returns the coordination that is the subject of the clause of
// token i: the first mention of the clause, left of i, that is not the
// object of a preposition, not a possessive and not a bare adjective.
// "Ministers from the two countries" and "officials of X" stand for X.
func (rf *relationFinder) subject(i int) []mention {
	c := rf.cl[i]
	for k := 0; k < len(rf.ms); k++ {
		m := rf.ms[k]
		if m.e > i {
			break
		}
		if rf.cl[m.s] != c {
			continue
		}
		if m.poss && !actorNounFollows(rf.toks, m.e+1) || (m.adjectival() && !actorNounFollows(rf.toks, m.e)) || rf.st.d.media[m.id] || rf.companyAfter(m) {
			continue // "(Reuters) - The United Nations condemned ..."; but "Poland's parliament demanded"
		}
		if rf.governed(m.s) && !rf.actorOfGroup(m.s) && !rf.conjunctionSubject(k) {
			continue
		}
		g := groupAt(rf.toks, rf.ms, k)
		if len(g) > 1 && g[0].s != m.s && rf.governed(g[0].s) {
			continue // "speaking to Japanese and U.S. executives"
		}
		return g
	}
	// "Yang visited the US, and met Trump on Friday": a verb after ", and"
	// shares the subject of the clause before
	first := clauseStart(rf.cl, i)
	if first > 1 && (rf.toks[first].lower == "and" || rf.toks[first].lower == "but") && first+1 < len(rf.toks) && (first+1 == i || verbLike(rf.toks[first+1].lower)) {
		if _, isMention := rf.at[first+1]; !isMention {
			return rf.subject(first - 1)
		}
	}
	return nil
}

// verbLike reports whether a lower-case word after ", and" starts a verb
// phrase ("and met Trump", "and also signed") rather than a noun phrase
// ("and medical supplies").
func verbLike(w string) bool {
	return edForm(w) || leadVerbs[w]
}

// leadVerbs are irregular verbs and adverbs that start a coordinated verb
// phrase.
var leadVerbs = setOf(`held met made paid gave took began sent led went spoke struck won told said also then
later again sought brought kept set put cut saw has have had is was were will would can could may must should
did does`)

// auxWords stand between a subject and its verb: auxiliaries, modals,
// negation, adverbs and the verbs of intent before an infinitive.
var auxWords = setOf(`will would 'll shall can could may might must should not n't also has have had is are was were
be been being to do does did plans plan planned wants want wanted agreed agrees expected intends intended hopes
hoped seeks sought ready prepared willing going set due still now then later again further never`)

// barePronouns are subjects that are not resolved to a named actor.
var barePronouns = setOf(`we i you he she`)

// localSubject looks left of the verb at i, over auxiliaries and adverbs,
// for its subject when that is no name: "it" is the nearest state or
// organization named before it ("a reminder to Iraq that it must
// cooperate"), "they" the nearest coordination ("Reagan and Nakasone ...
// when they meet"), and another pronoun leaves the verb without a known
// subject; a relative pronoun ("Macedonia which is preparing an offensive")
// makes the mention before it the subject; a resolved "he" is the subject.
// ok is false when the clause's subject applies.
func (rf *relationFinder) localSubject(i int) (subj []mention, ok bool) {
	j := i - 1
	for j >= 0 && rf.cl[j] == rf.cl[i] {
		if k, in := rf.mentionCovering(j); in {
			if rf.ms[k].pronoun {
				return []mention{rf.ms[k]}, true
			}
			return nil, false
		}
		if l := rf.toks[j].lower; auxWords[l] || len(l) > 4 && strings.HasSuffix(l, "ly") {
			j--
			continue
		}
		break
	}
	if j < 0 {
		return nil, false
	}
	if _, in := rf.mentionCovering(j); in {
		return nil, false
	}
	switch l := rf.toks[j].lower; {
	case l == "it":
		// the nearest state or organization told something ("reminded Iraq
		// that it must"), else the nearest in subject position, else the
		// nearest one: "the United States has tended to take Canada for
		// granted, although it exports ..."
		var near []mention
		for k := len(rf.ms) - 1; k >= 0; k-- {
			m := rf.ms[k]
			if m.e > j || m.kind == graph.Person || m.adjectival() || m.pair || rf.st.d.media[m.id] || rf.insideName(m) {
				continue
			}
			if m.s > 0 && tellVerbs[rf.toks[m.s-1].lower] || rf.subjectLike(m) {
				return []mention{m}, true
			}
			if near == nil {
				near = []mention{m}
			}
		}
		return near, true
	case l == "they":
		for k := len(rf.ms) - 1; k >= 0; k-- {
			if m := rf.ms[k]; m.e <= j {
				if g := groupAt(rf.toks, rf.ms, k); len(expand(g)) > 1 {
					return g, true
				}
			}
		}
		return nil, true
	case barePronouns[l]:
		return nil, true
	case l == "which" || l == "who":
		if j > 0 && rf.toks[j-1].text == "," {
			j--
		}
		if j > 0 && rf.toks[j-1].text == ")" {
			// "the Islamic Development Bank (IDB) which signed"
			for j > 0 && rf.toks[j-1].text != "(" {
				j--
			}
			j--
		}
		if k, found := rf.mentionEnding(j); found {
			return groupAt(rf.toks, rf.ms, k), true
		}
		return nil, true
	}
	return nil, false
}

// subjectLike reports whether mention m stands where a subject stands: at
// the start of a clause, after "that", a comma or a conjunction, not after
// a verb or a preposition.
func (rf *relationFinder) subjectLike(m mention) bool {
	j := m.s - 1
	if j >= 0 && rf.toks[j].lower == "the" {
		j--
	}
	if j < 0 {
		return true
	}
	w := rf.toks[j].lower
	return subjectOpeners[w] || speechVerbs[w]
}

// tellVerbs take the addressee of what is said as their object.
var tellVerbs = setOf(`told tells reminded reminds warned warns assured assures informed informs urged urges
asked asks notified advised convinced persuaded`)

// subjectOpeners are the words after which a clause's subject begins.
var subjectOpeners = setOf(`that , and but although though while when whereas because as since after before if so ( " ` + "``" + `
“ -- : ;`)

// companyHeads end the names of companies, which may hold a country's name
// ("US West Information Systems", "Trust America Service Corp").
var companyHeads = setOf(`Corp Corporation Inc Co Ltd Plc PLC Systems Service Services Group Industries
Holdings Information Communications Airlines Airways Motors Bank Banking Securities Investment Investments
Trust Partners Capital Energy Oil Petroleum Steel Chemical Chemicals Electric Electronics Telecom Resources`)

// insideName reports whether mention m is part of a longer capitalised
// name: a capitalised word that is no name of its own before it, or a
// company's head word among the capitalised words after it.
func (rf *relationFinder) insideName(m mention) bool {
	if p := m.s - 1; p > 0 && rf.toks[p].cap && rf.toks[p].word && !notNameFunction[rf.toks[p].text] {
		if _, in := rf.mentionCovering(p); !in {
			return true
		}
	}
	return rf.companyAfter(m)
}

// companyAfter reports whether a company's head word stands among the
// capitalised words after mention m: "U.S. Securities houses", "US West
// Information Systems".
func (rf *relationFinder) companyAfter(m mention) bool {
	for j := m.e; j < len(rf.toks) && j < m.e+3 && rf.toks[j].cap && rf.toks[j].word; j++ {
		if companyHeads[rf.toks[j].text] {
			return true
		}
	}
	return false
}

// stopWords before a cue stop or call off the relation: "halted economic
// aid to Serbia", "suspended talks with", "cancelled a planned visit".
var stopWords = setOf(`halted halt halts halting suspended suspend suspends suspending suspension froze freeze
freezes freezing frozen stopped stop stops stopping cut cuts cutting ended end ends ending withdrew withdraw
withdraws withdrawing withdrawn withheld withhold withholds withholding scrapped scrap scraps curtailed curtail
curtails reduced reduce reduces reducing severed sever severs terminated terminate terminates cancelled canceled
cancel cancels cancelling canceling cancellation postponed postpone postpones postponing prohibit prohibits
prohibited ban bans banned barred`)

// cancelWords call an event off rather than stop a relation.
var cancelWords = setOf(`cancelled canceled cancel cancels cancelling canceling cancellation postponed postpone
postpones postponing called call calls calling scrapped scrap scraps`)

// infinitiveAt reports whether a verb stands at token j: a common one or a
// verb cue ("to urge Congress").
func (rf *relationFinder) infinitiveAt(j int) bool {
	if j >= len(rf.toks) || rf.toks[j].cap {
		return false
	}
	if infinitives[rf.toks[j].lower] {
		return true
	}
	if n, cues := rf.st.d.cues.match(rf.toks, j); n > 0 {
		for _, c := range cues {
			if c.POS == "verb" {
				return true
			}
		}
	}
	return false
}

// infinitives are common verbs after "to" that make it no preposition.
var infinitives = setOf(`be have do buy sell help ensure allow make take get give provide meet discuss reach keep
boost expand increase reduce improve strengthen pay build try seek end stop open resume sign become avoid prevent
protect defend support back join leave return visit travel fly attend host hold continue cut raise lower ease lift
impose accept reject consider study review examine send deliver supply export import purchase finance fund
develop promote restore establish normalize normalise cooperate work bring put set`)

// timeWords may follow a cue without qualifying it: "halted aid today".
var timeWords = setOf(`today yesterday tomorrow tonight now last next this earlier later soon`)

// aidHeads after an aid or trade cue leave it the head of its phrase: "a
// military aid program", "oil deliveries".
var aidHeads = setOf(`program programme programs programmes package packages deliveries shipments flows
payments disbursements credits projects`)

// stopNouns before "of" stop what follows: "a suspension of air links".
var stopNouns = setOf(`suspension cancellation halt end`)

// partWords before "of" keep a stopped thing in view: "suspended part of a
// military aid program".
var partWords = setOf(`part some all most much half parts`)

// stoppedBy returns the word that stops or calls off the relation of the
// cue at i ("halted economic aid to Serbia", "cut off aid", "called off a
// visit", "suspended part of a military aid program"): a stopping word
// before the cue in its clause with only modifiers between, or "".
func (rf *relationFinder) stoppedBy(cue *CueEntry, i, e int) string {
	if e < len(rf.toks) && stateRelations[cue.Relation] {
		// "cut its coal export prices": the cue qualifies another noun
		if t := rf.toks[e]; t.word && !timeWords[t.lower] && !t.cap && !prepositions[t.lower] && !aidHeads[t.lower] && t.lower != "and" && t.lower != "or" {
			return ""
		}
	}
	for j := i - 1; j >= 0 && j >= i-7 && rf.cl[j] == rf.cl[i]; j-- {
		if k, in := rf.mentionCovering(j); in {
			if !rf.ms[k].adjectival() {
				return "" // "cut off U.S. aid" reads on; a name before the cue ends the phrase
			}
			j = rf.ms[k].s
			continue
		}
		t := rf.toks[j]
		l := t.lower
		if l == "off" && j > 0 {
			switch w := rf.toks[j-1].lower; w {
			case "called", "call", "calls", "calling":
				return w
			case "cut", "cuts", "cutting", "broke", "break", "breaks", "breaking":
				return "cut"
			}
			return ""
		}
		if stopWords[l] {
			return l
		}
		if l == "of" && j > 0 && (partWords[rf.toks[j-1].lower] || stopNouns[rf.toks[j-1].lower]) {
			continue
		}
		if !t.word || t.cap || prepositions[l] || l == "and" || l == "or" || l == "but" {
			return ""
		}
	}
	return ""
}

// applyStop turns an event whose relation is stopped into what that is in
// CAMEO: stopping aid, cooperation or talks reduces relations (CAMEO 16);
// a visit, a meeting or an attack called off or stopped did not happen.
func (rf *relationFinder) applyStop(f *found, word string) {
	switch f.relation {
	case graph.Aid, graph.MilitaryCooperation, graph.Cooperate, graph.Trade, graph.SignAgreement:
		f.relation = graph.ReduceRelations
	case graph.Meet, graph.Negotiate, graph.Call:
		if cancelWords[word] {
			f.modality = graph.Negated
		} else {
			f.relation = graph.ReduceRelations // "suspended talks with", CAMEO 164
		}
	case graph.Visit, graph.Host, graph.Invite, graph.Attack, graph.Support, graph.Praise:
		f.modality = graph.Negated
	}
}

// conditional reports whether the verb cue at i stands in an "if" or
// "unless" clause: "if it threatens the United States" is no event.
func (rf *relationFinder) conditional(cue *CueEntry, i int) bool {
	if cue.POS != "verb" {
		return false // "if Japan honours its agreement with the U.S.": the agreement is
	}
	for j := i - 1; j >= 0 && j >= i-8 && rf.cl[j] == rf.cl[i]; j-- {
		switch rf.toks[j].lower {
		case "if", "unless":
			return true
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// nounSubject is localSubject for a noun cue at i, the object of a verb a
// few words before it ("which is preparing a major offensive").
func (rf *relationFinder) nounSubject(i int) ([]mention, bool) {
	for k := i; k > 0 && k >= i-4 && rf.cl[k] == rf.cl[i]; k-- {
		if g, ok := rf.localSubject(k); ok {
			return g, ok
		}
		if t := rf.toks[k-1]; !t.word || t.cap || prepositions[t.lower] {
			break
		}
	}
	return nil, false
}

// conjunctions that may stand where a preposition stands ("after Kim
// invited Moon"): the mention after them is a subject when a verb follows.
var conjunctions = setOf(`after before since as when while because until once if although though`)

// conjunctionSubject reports whether mention k follows a subordinating
// conjunction and is followed by a verb-like word: "after North Korea's top
// leader Kim Jong-un invited ...".
func (rf *relationFinder) conjunctionSubject(k int) bool {
	m := rf.ms[k]
	if m.s == 0 || !conjunctions[rf.toks[m.s-1].lower] {
		return false
	}
	g := groupAt(rf.toks, rf.ms, k)
	e := g[len(g)-1].e
	if e >= len(rf.toks) {
		return false
	}
	t := rf.toks[e]
	return t.word && !t.cap && !prepositions[t.lower] && !skippable[t.lower] && t.lower != "and"
}

// gerundSubject returns the subject of a gerund after a preposition: the
// mention right before it ("accused China of selling oil to North Korea",
// "disappointed in China for allegedly selling oil").
func (rf *relationFinder) gerundSubject(i int) []mention {
	if !strings.HasSuffix(rf.toks[i].lower, "ing") {
		return nil
	}
	j := i - 1
	for j >= 0 && strings.HasSuffix(rf.toks[j].lower, "ly") {
		j--
	}
	// "Chinese ships selling oil to North Korea": the actor that qualifies
	// the noun before the gerund
	if j >= 1 && rf.toks[j].word && !rf.toks[j].cap && !prepositions[rf.toks[j].lower] {
		if k, ok := rf.mentionEnding(j); ok && rf.ms[k].kind != graph.Person {
			return groupAt(rf.toks, rf.ms, k)
		}
	}
	if j < 0 || !prepositions[rf.toks[j].lower] || rf.toks[j].lower == "to" {
		return nil
	}
	for k := len(rf.ms) - 1; k >= 0; k-- {
		m := rf.ms[k]
		if m.e <= j && j-m.e <= 3 && !m.poss {
			return groupAt(rf.toks, rf.ms, k)
		}
		if m.e <= j {
			break
		}
	}
	return nil
}

// actorOfGroup reports whether the mention at s is "X" in "ministers from
// X", "officials of X", "negotiators for X": a group of people who act for X.
func (rf *relationFinder) actorOfGroup(s int) bool {
	j := s - 1
	for j >= 0 && skippable[rf.toks[j].lower] {
		j--
	}
	if j < 1 || (rf.toks[j].lower != "from" && rf.toks[j].lower != "of" && rf.toks[j].lower != "for") {
		return false
	}
	return actorNouns[rf.toks[j-1].lower]
}

// actorNouns are the nouns of people who act for a state or organization.
var actorNouns = setOf(`ministers minister officials official leaders leader delegations delegation
representatives diplomats negotiators envoys troops forces governments government authorities
presidents heads spokesman spokeswoman spokesperson`)

// governed reports whether a preposition stands right before token s
// (skipping a determiner or an adjective).
func (rf *relationFinder) governed(s int) bool {
	for j := s - 1; j >= 0 && j >= s-3; j-- {
		l := rf.toks[j].lower
		if prepositions[l] {
			return true
		}
		if !skippable[l] {
			return false
		}
	}
	return false
}

// actorNounFollows reports whether a demonym stands for its country here:
// "Chinese officials", "the Russian government".
func actorNounFollows(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	switch toks[i].lower {
	case "officials", "official", "government", "governments", "authorities", "leaders", "leader", "leadership",
		"parliament", "cabinet", "legislature", "lawmakers", "legislators", "police", "soldiers", "aircraft", "warplanes",
		"jets", "tanks", "helicopters", "warships", "embassy", "ambassador", "envoy", "negotiator", "spokesman",
		"spokeswoman", "spokesperson", "minister", "ministers",
		"forces", "troops", "military", "army", "navy", "diplomats", "diplomat", "delegation", "side",
		"ministry", "negotiators", "administration", "regime", "state", "counterparts", "foreign":
		return true
	}
	return false
}

// target finds the argument after a cue ending at token e: a mention
// introduced by one of the cue's prepositions, or a direct object.
func (rf *relationFinder) target(cue *CueEntry, e int) ([]mention, string) {
	g, prep := rf.rawTarget(cue, e)
	if len(g) == 0 || !partyRelations[cue.Relation] {
		return g, prep
	}
	// "an agreement with British, German, French and American banks": an
	// adjective names the state only before the state's own people
	for _, m := range g {
		if !m.adjectival() {
			return g, prep
		}
	}
	end := g[len(g)-1].e
	if actorNounFollows(rf.toks, end) || cue.Relation == graph.Visit && end < len(rf.toks) && placeNouns[rf.toks[end].lower] {
		return g, prep // "a visit to the Japanese city of Osaka"
	}
	return nil, ""
}

// placeNouns after a demonym name a place in that country.
var placeNouns = setOf(`city capital port town province island islands region village border coast territory`)

// partyRelations are the relations whose parties must be the actors
// themselves, not things of theirs (banks, companies, products).
var partyRelations = map[string]bool{graph.Meet: true, graph.Call: true, graph.Negotiate: true, graph.SignAgreement: true,
	graph.Cooperate: true, graph.Host: true, graph.Invite: true, graph.Visit: true}

// rawTarget finds the argument of target, before the adjective check.
func (rf *relationFinder) rawTarget(cue *CueEntry, e int) ([]mention, string) {
	c := -1
	if e < len(rf.toks) {
		c = rf.cl[e]
	}
	for j := e; j < len(rf.toks) && j < e+10; j++ {
		if rf.cl[j] != c {
			break
		}
		l := rf.toks[j].lower
		if j > e {
			if n, _ := rf.st.d.cues.match(rf.toks, j); n > 0 {
				if _, inM := rf.mentionCovering(j); !inM {
					break
				}
			}
		}
		if k, ok := rf.at[j]; ok {
			if cue.Direct && !rf.governedBetween(e, j) {
				if rf.ms[k].poss {
					// "urged the North's allies, China and Russia": the
					// possessive qualifies the object; an apposition names it
					if g := rf.appositionAfter(rf.ms[k].e + 1); g != nil {
						return g, ""
					}
					return []mention{rf.ms[k]}, ""
				}
				return groupAt(rf.toks, rf.ms, k), ""
			}
			continue
		}
		if l == "of" && j > e && (cue.Relation == graph.Demand || cue.Relation == graph.Appeal) && withdrawalNouns[rf.toks[j-1].lower] {
			// "demanded the withdrawal of Serbian forces": who is to go
			if g := rf.mentionAfter(j+1, 4); g != nil {
				return g, "of"
			}
		}
		if l == "of" && j > e && cue.Relation == graph.Attack && attackObjects[rf.toks[j-1].lower] {
			// "shelled positions of the Palestinian security forces"
			if g := rf.mentionAfter(j+1, 4); g != nil {
				return g, "of"
			}
		}
		if l == "from" && j > e+4 && cue.Relation == graph.Reject {
			continue // "rejected an offer from X", not "relief from Japanese restrictions" further on
		}
		if l == "from" && (cue.Relation == graph.Demand || cue.Relation == graph.Appeal) && rf.wordBetween(e, j, withdrawalNouns) {
			continue // "demanded the withdrawal of troops from Lebanon": the place left
		}
		if prepositions[l] {
			for _, p := range cue.Preps {
				if p == l {
					if l == "between" {
						if g := rf.mentionAfter(j+1, 4); len(expand(g)) > 1 {
							return g, "between"
						}
						return nil, ""
					}
					if l == "to" && rf.infinitiveAt(j+1) && cue.Relation != graph.Aid && cue.Relation != graph.Support {
						// "try to buy more American chips": "to" starts a verb,
						// whose object is no target; "aid to help Indonesia
						// pay" names the beneficiary
						continue
					}
					if g := rf.mentionAfter(j+1, 4); g != nil {
						return g, l
					}
				}
			}
		}
		if l == "." || l == "," && !cue.Direct {
			break
		}
	}
	if cue.Has("speech") && cue.Direct {
		// "condemned the latest missile launch by the DPRK": the agent of
		// the act judged is the target
		for j := e; j < len(rf.toks) && j < e+10 && rf.cl[j] == c; j++ {
			if rf.toks[j].lower == "by" {
				if g := rf.mentionAfter(j+1, 3); g != nil && (!g[0].adjectival() || actorNounFollows(rf.toks, g[len(g)-1].e)) {
					return g, "by" // not "a ban imposed by Australian labor unions"
				}
				break
			}
			if rf.toks[j].text == "," || rf.toks[j].text == "." {
				break
			}
		}
	}
	if cue.Relation == graph.Sanction && cue.POS == "noun" {
		// "tariffs on steel imports from the EU, Canada and Mexico",
		// "duties on Japanese goods": the goods' origin is the target
		goods := false
		for j := e; j < len(rf.toks) && j < e+10 && rf.cl[j] == c; j++ {
			if goodsWords[rf.toks[j].lower] {
				goods = true
			}
			if k, ok := rf.at[j]; ok {
				m := rf.ms[k]
				from := rf.toks[j-1].lower == "from" || j > 1 && rf.toks[j-1].lower == "the" && rf.toks[j-2].lower == "from"
				if goods && from || m.adjectival() && m.e < len(rf.toks) && goodsWords[rf.toks[m.e].lower] {
					return groupAt(rf.toks, rf.ms, k), "from"
				}
				break
			}
		}
	}
	if cue.Relation == graph.Threaten && cue.POS == "verb" {
		// "threatened to break off relations with Congo", "threatened further
		// action against Russia": the threat is aimed at the complement's actor
		for j := e; j < len(rf.toks) && j < e+16 && rf.cl[j] == c; j++ {
			if k, ok := rf.at[j]; ok {
				return groupAt(rf.toks, rf.ms, k), ""
			}
		}
	}
	return nil, ""
}

// thingObject reports whether a common noun follows a verb cue ending at
// e as its object: "meet demand", "meet the deadline" are no meetings of the
// subjects.
func (rf *relationFinder) thingObject(e int) bool {
	j := e
	for j < len(rf.toks) && (rf.toks[j].lower == "the" || rf.toks[j].lower == "a" || rf.toks[j].lower == "an" || rf.toks[j].lower == "its" || rf.toks[j].lower == "their") {
		j++
	}
	if j >= len(rf.toks) {
		return false
	}
	t := rf.toks[j]
	if !t.word || t.cap || prepositions[t.lower] || timeWords[t.lower] || strings.HasSuffix(t.lower, "ly") {
		return false
	}
	switch t.lower {
	case "and", "or", "but", "each", "one", "again", "twice", "once", "separately", "together", "privately", "jointly", "later", "here", "there", "face-to-face":
		return false
	}
	return true
}

// toAfter reports whether "to" and a verb follow at token e.
func (rf *relationFinder) toAfter(e int) bool {
	return e+1 < len(rf.toks) && rf.toks[e].lower == "to" && rf.toks[e+1].word && !rf.toks[e+1].cap
}

// wordBetween reports whether a word of set stands in toks[s:e].
func (rf *relationFinder) wordBetween(s, e int, set map[string]bool) bool {
	for j := s; j < e; j++ {
		if set[rf.toks[j].lower] {
			return true
		}
	}
	return false
}

// attackObjects are what an attack strikes of its target: "shelled
// positions of", "raided the headquarters of".
var attackObjects = setOf(`positions position targets bases base camps headquarters homes villages towns ships
vessels embassy troops forces installations facilities outposts convoy convoys`)

// withdrawalNouns name a demand that someone leave: "demanded the
// withdrawal of Serbian forces", "called for the resignation of".
var withdrawalNouns = setOf(`withdrawal pullout pull-out departure resignation ouster removal`)

// appositionAfter finds ", X and Y," right after the head noun that
// follows token s (within a few words): the object's name given in apposition.
func (rf *relationFinder) appositionAfter(s int) []mention {
	for j := s; j < len(rf.toks) && j < s+4; j++ {
		if rf.toks[j].text == "," {
			if k, ok := rf.at[j+1]; ok {
				return groupAt(rf.toks, rf.ms, k)
			}
			return nil
		}
		if !rf.toks[j].word || rf.toks[j].cap {
			return nil
		}
	}
	return nil
}

// governedBetween reports whether a preposition stands in toks[s:e].
func (rf *relationFinder) governedBetween(s, e int) bool {
	for j := s; j < e; j++ {
		if prepositions[rf.toks[j].lower] {
			return true
		}
		if rf.toks[j].lower == "," {
			return true
		}
	}
	return false
}

// mentionAfter returns the coordination starting within n tokens after s,
// with only determiners and adjectives between.
func (rf *relationFinder) mentionAfter(s, n int) []mention {
	for j := s; j < len(rf.toks) && j < s+n; j++ {
		if k, ok := rf.at[j]; ok {
			return groupAt(rf.toks, rf.ms, k)
		}
		t := rf.toks[j]
		if skippable[t.lower] {
			continue
		}
		if !t.word || t.cap || isTokDigit(t.text[0]) || t.lower == "and" || t.lower == "or" || t.lower == "but" || prepositions[t.lower] {
			return nil
		}
	}
	return nil
}

// agentAfter finds "by X" within a few tokens after e.
func (rf *relationFinder) agentAfter(e int) []mention {
	for j := e; j < len(rf.toks) && j < e+8; j++ {
		if rf.toks[j].lower == "by" {
			return rf.mentionAfter(j+1, 3)
		}
		if rf.toks[j].lower == "," || rf.toks[j].lower == "." {
			return nil
		}
	}
	return nil
}

// passive reports whether the verb at i is in the passive voice.
func (rf *relationFinder) passive(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch rf.toks[j].lower {
		case "was", "were", "been", "being", "is", "are", "be", "get", "got":
			return true
		case "not", "also", "reportedly", "allegedly", "already", "recently", "jointly", "n't":
			continue
		}
		return false
	}
	return false
}

func (rf *relationFinder) verb(cue *CueEntry, i, n int) []found {
	e := i + n
	rel := graph.MustRelation(cue.Relation)
	if cue.Has("agreement-object") && cue.Has("passive") && rf.passive(i) {
		// "The agreement was signed by Shultz and Halefoglu"
		ok := false
		for j := i - 1; j >= 0 && j >= i-5; j-- {
			if agreementNouns[rf.toks[j].lower] {
				ok = true
			}
		}
		if !ok {
			return nil
		}
	} else if cue.Has("agreement-object") {
		ok := false
		for j := e; j < len(rf.toks) && j < e+7; j++ {
			if agreementNouns[rf.toks[j].lower] {
				ok = true
				// the target comes after the agreement noun, which is part of the cue
				e = j + 1
				rf.skip = e
				break
			}
		}
		if !ok {
			return nil
		}
	}
	if cue.Has("passive") && rf.passive(i) {
		tgt := rf.subject(i)
		if g, ok := rf.localSubject(i); ok {
			tgt = g
		}
		src := rf.agentAfter(e)
		if ids := expand(src); tgt == nil && rel.Symmetric && len(ids) > 1 {
			// "The agreement was signed by Shultz and Halefoglu"
			return rf.pairwise(cue, ids, 0.7, i)
		}
		if src == nil || tgt == nil {
			return nil
		}
		return rf.emit(cue, expand(src), expand(tgt), 0.75, i)
	}
	src := rf.subject(i)
	if g, ok := rf.localSubject(i); ok {
		src = g
	}
	if g := rf.gerundSubject(i); g != nil {
		src = g
	}
	if src == nil {
		return nil
	}
	tgt, prep := rf.target(cue, e)
	if cue.Has("possessive-object") && tgt != nil && !tgt[0].poss && prep != "by" {
		tgt = nil // "welcomed the Japanese delegation" is no praise
	}
	if cue.Has("object-to") && tgt != nil && !rf.toAfter(tgt[len(tgt)-1].e) {
		tgt = nil // "wants China to act" appeals to China; "wants Chinese goods" does not
	}
	if tgt == nil {
		if ids := expand(src); rel.Symmetric && len(ids) > 1 && !cue.Has("no-pair") && !(cue.Relation == graph.Meet && rf.thingObject(e)) {
			return rf.pairwise(cue, ids, 0.7, i)
		} else if len(ids) == 2 && rf.reciprocal(i, e) {
			return rf.both(cue, ids, 0.7, i)
		}
		if rel.Symmetric && rf.pairWord(i, e) {
			if a, b, ok := rf.st.pair(); ok {
				return rf.emit(cue, []string{a}, []string{b}, 0.55, i)
			}
		}
		return nil
	}
	return rf.emit(cue, expand(src), expand(tgt), 0.8, i)
}

// reciprocal reports whether "each other" / "one another" stands near the cue.
func (rf *relationFinder) reciprocal(i, e int) bool {
	for j := max(0, i-4); j < len(rf.toks) && j < e+4; j++ {
		if j+1 < len(rf.toks) && (rf.toks[j].lower == "each" && rf.toks[j+1].lower == "other" || rf.toks[j].lower == "one" && rf.toks[j+1].lower == "another") {
			// "visit each other's country" is no reciprocity of actors
			return !(j+2 < len(rf.toks) && rf.toks[j+2].text == "'s")
		}
	}
	return false
}

// pairWord reports whether "bilateral", "their" or "mutual" qualifies the
// cue: the relation is between the article's two countries.
func (rf *relationFinder) pairWord(i, e int) bool {
	if n, cues := rf.st.d.cues.match(rf.toks, i); n > 0 && (cues[0].Relation == graph.Meet || cues[0].Relation == graph.Call) {
		return false // persons meet and call; the pair is of countries
	}
	for j := max(0, i-3); j < i; j++ {
		switch rf.toks[j].lower {
		case "bilateral":
			return true
		}
	}
	return false
}

func (rf *relationFinder) noun(cue *CueEntry, i, n int) []found {
	e := i + n
	rel := graph.MustRelation(cue.Relation)
	// "the Xi-Obama meeting", "Sino-US trade", "a Russia-China business forum"
	if g := rf.compoundBefore(i); len(g) > 1 {
		if rel.Symmetric {
			return rf.pairwise(cue, expand(g), 0.75, i)
		}
		return rf.emit(cue, expand(g[:1]), expand(g[1:]), 0.7, i)
	}
	var src []mention
	conf := 0.75
	subjectCarried := false
	if m, ok := rf.modifierBefore(i); ok {
		src = []mention{m}
	}
	tgt, prep := rf.target(cue, e)
	if prep == "between" {
		if src == nil {
			return rf.pairwise(cue, expand(tgt), 0.75, i)
		}
	}
	if src == nil {
		if g := rf.agentAfter(e); g != nil {
			src = g
		}
	}
	// "the North's traditional allies, China and Russia"
	if src != nil && tgt == nil && rel.Symmetric && src[0].poss {
		if g := rf.appositionAfter(e); g != nil {
			return rf.emit(cue, expand(src), expand(g), 0.7, i)
		}
	}
	// "China is Russia's largest trading partner"
	if src != nil && tgt == nil && rel.Symmetric && src[0].poss {
		if subj := rf.subject(src[0].s); subj != nil && rf.wordBetween(subj[len(subj)-1].e, src[0].s, copulas) {
			return rf.emit(cue, expand(subj), expand(src), 0.7, i)
		}
	}
	if src == nil {
		if rf.pairWord(i, e) && rel.Symmetric {
			if a, b, ok := rf.st.pair(); ok {
				return rf.emit(cue, []string{a}, []string{b}, 0.55, i)
			}
		}
		// the subject of the clause: "X held talks with Y", "at a meeting with
		// Y"; not for a definite noun, which names a known event ("the
		// invasion of Ukraine"), nor far from the subject
		if rf.definite(i) {
			return nil
		}
		src = rf.subject(i)
		if g, ok := rf.nounSubject(i); ok {
			src = g
		}
		if src == nil && tgt != nil {
			src = rf.subjectAfterFrontedPhrase(i, tgt)
		}
		if src != nil && rf.ofComplement(i) {
			// "an investigation of illegal arms sales to Croatia": the noun
			// completes another noun, not the clause's verb
			return nil
		}
		if src != nil && src[0].e <= i && i-src[len(src)-1].e > 20 {
			return nil
		}
		subjectCarried = true
		conf = 0.65
		if src != nil && i-src[len(src)-1].e > 14 {
			conf = 0.5
		}
		if src != nil && tgt == nil && rf.theirBefore(i) && rel.Symmetric {
			// "during their summit": the subject and the one it addressed
			if other := rf.objectOfClause(src, i); other != nil {
				return rf.emit(cue, expand(src), expand(other), 0.6, i)
			}
		}
	}
	if src == nil {
		if tgt != nil && !rel.Symmetric {
			// "since last year's invasion of Ukraine": an event met before,
			// whose date this sentence may give
			return []found{{tgt: tgt[0].id, relation: cue.Relation, anaphor: true, cue: i}}
		}
		return nil
	}
	if tgt == nil && cue.Relation == graph.Visit && rf.st.placeCountry != "" && rf.destinationless(i, e) {
		// "the German leader's four-day visit" in a story datelined BUENOS
		// AIRES: a foreign visitor's visit is to the dateline's country;
		// so is a country's "visit here"
		for _, id := range expand(src) {
			c := rf.st.countryOfActor(id)
			person := rf.st.kindOf(id) == graph.Person && c != "" && c != rf.st.placeCountry
			here := rf.st.kindOf(id) == graph.Country && id != rf.st.placeCountry && rf.hereNear(i, e)
			if person || here {
				return rf.emit(cue, []string{id}, []string{rf.st.placeCountry}, 0.5, i)
			}
		}
	}
	if tgt == nil {
		if subjectCarried && e < len(rf.toks) && rf.toks[e].lower == "of" {
			// "called emergency meetings of their security councils": the
			// noun has its own parties
			return nil
		}
		if ids := expand(src); rel.Symmetric && len(ids) > 1 && !cue.Has("no-pair") && (!subjectCarried || src[0].e > i || rf.clauseDistance(src[len(src)-1].e, i) <= 8 || rf.eventAdjunct(i)) {
			// "China and Russia ramped up cooperation"; not a noun far from
			// the subject, which may belong to another verb
			return rf.pairwise(cue, ids, 0.65, i)
		} else if len(ids) == 2 && rf.reciprocal(i, e) {
			return rf.both(cue, ids, 0.65, i)
		}
		return nil
	}
	fs := rf.emit(cue, expand(src), expand(tgt), conf, i)
	for k := range fs {
		fs[k].predicate = subjectCarried
	}
	return fs
}

// ofComplement reports whether the noun at i is the complement of "of"
// after another noun ("an investigation of arms sales"), other than a
// quantity, part or measure of events ("a round of talks", "the first of
// a series of meetings", "the volume of its exports to Japan"), or a phrase
// that places the subject at the event ("ahead of talks with").
func (rf *relationFinder) ofComplement(i int) bool {
	j := i - 1
	for j >= 0 && j >= i-3 && rf.toks[j].word && !rf.toks[j].cap && !prepositions[rf.toks[j].lower] {
		j--
	}
	if j < 1 || rf.toks[j].lower != "of" {
		return false
	}
	return !eventQuantities[rf.toks[j-1].lower]
}

// eventQuantities are nouns that count or measure events: "a round of talks".
var eventQuantities = setOf(`round rounds series day days week weeks hours months years set number couple string
wave spate flurry host sequence schedule program programme resumption start beginning leg part stage stop
source provider supplier ahead because instead out front course occasion sidelines margins eve end middle wake
run-up framework agenda imposition first one some all most rest volume value share level levels amount growth
increase rise expansion text draft terms signing conclusion`)

// subjectAfterFrontedPhrase finds the subject of a clause that opens with a
// prepositional phrase holding the cue: "After a day of meetings with Bush
// and Shultz, Clark told ...", "During talks with Y, X said ...".
func (rf *relationFinder) subjectAfterFrontedPhrase(i int, tgt []mention) []mention {
	first := clauseStart(rf.cl, i)
	switch w := rf.toks[first].lower; w {
	case "after", "during", "at", "following", "before", "in", "on", "ahead", "since":
	default:
		// "Speaking during a visit to Osaka, May called on China"
		if !strings.HasSuffix(w, "ing") || len(w) < 6 {
			return nil
		}
	}
	j := tgt[len(tgt)-1].e
	for j < len(rf.toks) && rf.toks[j].text != "," {
		if _, ok := rf.at[j]; ok && !rf.governed(j) {
			return nil
		}
		j++
	}
	for k, m := range rf.ms {
		if m.s > j && m.s <= j+3 && !m.poss && !rf.governed(m.s) {
			return groupAt(rf.toks, rf.ms, k)
		}
	}
	return nil
}

// copulas are the forms of "be", "become" and "remain".
var copulas = setOf(`is was are were became becomes become remains remained been`)

// definite reports whether the noun at i has the definite article or a
// demonstrative before it (skipping adjectives).
func (rf *relationFinder) definite(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch rf.toks[j].lower {
		case "the", "this", "that", "these", "those":
			return true
		}
		if t := rf.toks[j]; !t.word || t.cap || prepositions[t.lower] {
			return false
		}
	}
	return false
}

// eventAdjunct reports whether the noun at i stands in a phrase that places
// the clause's subject in an event: "during talks", "at a meeting", "after
// the summit".
func (rf *relationFinder) eventAdjunct(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch rf.toks[j].lower {
		case "during", "at", "after", "following", "before", "in":
			return true
		}
		if !rf.toks[j].word || rf.toks[j].cap {
			return false
		}
	}
	return false
}

// destinationless reports whether a visit noun at [i, e) names no place of
// its own: no "of"/"to" phrase after it ("a tour of Europe"), no place
// adjective before it ("a European trip").
func (rf *relationFinder) destinationless(i, e int) bool {
	if e < len(rf.toks) {
		switch rf.toks[e].lower {
		case "of", "to", "in", "through", "across", "around":
			return false
		}
	}
	if i > 0 && rf.toks[i-1].cap && rf.toks[i-1].word {
		return false
	}
	return true
}

// hereNear reports whether "here" stands within three tokens of [i, e).
func (rf *relationFinder) hereNear(i, e int) bool {
	for j := max(0, i-3); j < len(rf.toks) && j < e+3; j++ {
		if rf.toks[j].lower == "here" {
			return true
		}
	}
	return false
}

// clauseDistance counts the tokens of i's clause in [s, i): the distance
// from a subject to a cue, leaving out a relative clause between them.
func (rf *relationFinder) clauseDistance(s, i int) int {
	n := 0
	for j := s; j < i; j++ {
		if rf.cl[j] == rf.cl[i] {
			n++
		}
	}
	return n
}

// theirBefore reports whether "their" qualifies the noun at i.
func (rf *relationFinder) theirBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if rf.toks[j].lower == "their" {
			return true
		}
		if !skippable[rf.toks[j].lower] && rf.toks[j].cap {
			return false
		}
	}
	return false
}

// objectOfClause returns the first mention after the subject in the clause,
// before token i: the person the subject acted on.
func (rf *relationFinder) objectOfClause(subj []mention, i int) []mention {
	last := subj[len(subj)-1]
	for k, m := range rf.ms {
		if m.s >= last.e && m.e <= i && rf.cl[m.s] == rf.cl[i] && m.kind == last.kind && (!rf.governed(m.s) || rf.toks[m.s-1].lower == "with") {
			return groupAt(rf.toks, rf.ms, k)
		}
	}
	return nil
}

// modifierBefore finds the actor that qualifies a noun: a possessive
// ("Moscow's invasion", "Moscow's gas exports") or an adjective or noun
// adjunct ("U.S. sanctions", "Russian energy supplies").
func (rf *relationFinder) modifierBefore(i int) (mention, bool) {
	verbBetween := false
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if k, ok := rf.mentionEnding(j + 1); ok {
			m := rf.ms[k]
			if m.kind == graph.Person && !m.poss {
				return mention{}, false
			}
			if verbBetween && !m.poss {
				return mention{}, false // "Israel and Lebanon renewed negotiations": a subject
			}
			return m, true
		}
		if rf.toks[j].text == "'s" {
			if k, ok := rf.mentionEnding(j); ok {
				return rf.ms[k], true
			}
			return mention{}, false
		}
		t := rf.toks[j]
		if !t.word || t.cap || prepositions[t.lower] || t.lower == "and" || t.lower == "the" || t.lower == "a" || t.lower == "an" {
			return mention{}, false
		}
		if verbLike(t.lower) {
			verbBetween = true
		}
	}
	return mention{}, false
}

// compoundBefore finds "X-Y" (and "X-Y-Z") right before the noun at i,
// possibly with a qualifying word between ("Russia-China business forum").
func (rf *relationFinder) compoundBefore(i int) []mention {
	j := i - 1
	if j >= 0 && rf.toks[j].word && !rf.toks[j].cap && j-1 >= 0 {
		if _, ok := rf.mentionEnding(j); ok {
			j--
		}
	}
	k, ok := rf.mentionEnding(j + 1)
	if !ok {
		return nil
	}
	g := []mention{rf.ms[k]}
	for k > 0 && rf.ms[k].s >= 2 && rf.toks[rf.ms[k].s-1].text == "-" && rf.ms[k-1].e == rf.ms[k].s-1 {
		k--
		g = append([]mention{rf.ms[k]}, g...)
	}
	if len(g) < 2 {
		return nil
	}
	return g
}

func (rf *relationFinder) pairwise(cue *CueEntry, ids []string, conf float64, i int) []found {
	var out []found
	for a := 0; a < len(ids); a++ {
		for b := a + 1; b < len(ids); b++ {
			out = append(out, rf.emit(cue, ids[a:a+1], ids[b:b+1], conf, i)...)
		}
	}
	return out
}

func (rf *relationFinder) both(cue *CueEntry, ids []string, conf float64, i int) []found {
	out := rf.emit(cue, ids[:1], ids[1:2], conf, i)
	return append(out, rf.emit(cue, ids[1:2], ids[:1], conf, i)...)
}

// emit builds the events from every source to every target, leaving out an
// actor's relation to itself and a person's relation to the country the
// person acts for.
func (rf *relationFinder) emit(cue *CueEntry, srcs, tgts []string, conf float64, i int) []found {
	var out []found
	if stateRelations[cue.Relation] {
		// "Thatcher and Ryzhkov set targets for increased trade": trade and
		// aid are between the states the persons act for
		srcs, tgts = rf.statesOf(srcs), rf.statesOf(tgts)
	}
	for _, s := range srcs {
		for _, t := range tgts {
			if s == "" || t == "" || s == t || rf.sameSide(s, t) {
				continue
			}
			if cue.Has("person-target") && rf.st.kindOf(t) != graph.Person {
				continue
			}
			if stateRelations[cue.Relation] && (rf.st.kindOf(s) == graph.Person || rf.st.kindOf(t) == graph.Person) {
				continue // trade and aid are between states: a person of no known state is no party
			}
			if rf.st.d.media[s] || rf.st.d.media[t] {
				continue
			}
			out = append(out, found{src: s, tgt: t, relation: cue.Relation, conf: conf, cue: i})
		}
	}
	return out
}

// stateRelations are material cooperation between states: persons stand
// for the country they act for.
var stateRelations = map[string]bool{graph.Trade: true, graph.Aid: true, graph.MilitaryCooperation: true}

// statesOf maps persons with a known country to that country.
func (rf *relationFinder) statesOf(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if rf.st.kindOf(id) == graph.Person {
			if c := rf.st.countryOfActor(id); c != "" {
				id = c
			}
		}
		out = append(out, id)
	}
	return out
}

// sameSide reports whether a and b are a person and the country the person
// acts for, or two persons of the same country in a symmetric relation.
func (rf *relationFinder) sameSide(a, b string) bool {
	ca, cb := rf.st.countryOfActor(a), rf.st.countryOfActor(b)
	ka, kb := rf.st.kindOf(a), rf.st.kindOf(b)
	if ka == graph.Person && kb == graph.Country && ca == b || kb == graph.Person && ka == graph.Country && cb == a {
		return true
	}
	return false
}

// countryOfActor returns the country an actor is or acts for in the article.
func (st *docState) countryOfActor(id string) string {
	if k, _ := graph.KindOfID(id); k == graph.Country {
		return id
	}
	if p := st.persons[id]; p != nil {
		return p.country
	}
	return ""
}

// inPrincipleTo reports whether "in principle to" starts at token j:
// "agreed in principle to provide aid".
func (rf *relationFinder) inPrincipleTo(j int) bool {
	return j+2 < len(rf.toks) && rf.toks[j].lower == "in" && rf.toks[j+1].lower == "principle" && rf.toks[j+2].lower == "to"
}

// modality reads the words before the cue at i for intent and negation.
func (rf *relationFinder) modality(i int) graph.Modality {
	c := rf.cl[i]
	mod := graph.Asserted
	rf.pledged, rf.obliged = false, false
	if i > 0 && rf.toks[i-1].lower == "against" {
		return graph.Negated // "advised against travel to Tunisia"
	}
	for j := i - 1; j >= 0 && j >= i-7 && rf.cl[j] == c; j-- {
		if k, ok := rf.mentionCovering(j); ok {
			if rf.ms[k].e < i {
				break // the subject: the words that qualify the cue stand after it
			}
			continue
		}
		l := rf.toks[j].lower
		switch l {
		case "not", "n't", "never", "refused", "declined", "denied", "denies", "deny", "refuses", "failed", "without":
			if l == "without" && j < i-1 {
				continue
			}
			if l == "not" && j+1 < len(rf.toks) && rf.toks[j+1].lower == "only" {
				continue
			}
			return graph.Negated
		case "must", "should", "ought":
			if mod == graph.Asserted {
				rf.obliged = true
			}
		case "will", "would", "'ll", "shall", "could", "may", "might", "proposed", "propose", "proposes", "considering",
			"begins", "starts", "opens", "embarks", "heads": // "begins a state visit on Tuesday": scheduled
			if mod == graph.Asserted {
				mod = graph.Intent
			}
		case "plans", "plan", "planned", "planning", "pledged", "pledge", "pledges", "vowed", "vow", "vows", "agreed", "promised", "promise", "promises",
			"agree", "agrees", "expected", "intends", "intend", "intended", "hopes", "hope", "seeks", "seek", "wants", "want", "aims",
			"going", "ready", "willing", "prepared", "scheduled", "set", "threatened", "threatens", "called", "urged", "due":
			// intent only before an infinitive: "agreed to visit", not "agreed a deal"
			if (j+1 < len(rf.toks) && rf.toks[j+1].lower == "to" || rf.inPrincipleTo(j+1)) && mod == graph.Asserted {
				mod = graph.Intent
				// "pledged on Saturday to deepen ...": the time is the pledge's
				if pastPledges[l] {
					rf.pledged = true
				}
			}
		case "offered", "offers", "offer":
			if j+1 < len(rf.toks) && rf.toks[j+1].lower == "to" {
				mod = graph.Intent
			}
		}
		if _, ok := rf.mentionEnding(j + 1); ok && j < i-1 {
			// the subject: modality words stand between it and the cue
			break
		}
	}
	// "announced plans to slap as much as 300 mln dlrs in tariffs on ...":
	// a plan further back in the clause
	if mod == graph.Asserted {
		for j := i - 1; j >= 2 && j >= i-15 && rf.cl[j] == c; j-- {
			if l := rf.toks[j].lower; (l == "to" || l == "for") && rf.toks[j-1].lower == "plans" && planAnnouncers[rf.toks[j-2].lower] {
				mod = graph.Intent
				break
			}
		}
	}
	// "None of the countries within the WTO support ...", "Neither side
	// accepted ...": the clause's subject is denied
	first := clauseStart(rf.cl, i)
	switch rf.toks[first].lower {
	case "none", "neither", "nobody", "no":
		return graph.Negated
	}
	return mod
}
