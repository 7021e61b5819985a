package ingest

import (
	"sort"
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// Result is what extraction finds in one article.
type Result struct {
	Article   graph.Article
	Actors    []graph.Actor // every actor that an event names, with the aliases seen
	Events    []graph.Event // events and affiliation edges, merged per article
	Sentences int
}

// Extractor finds actors, affiliations and events in articles. It is safe
// for concurrent use: its compiled lexicons are read-only once built.
type Extractor struct {
	d *dict
}

// NewExtractor returns an extractor over the given lexicons.
func NewExtractor(lex *Lexicon) *Extractor { return &Extractor{d: buildDict(lex)} }

// maxSentenceTokens bounds the work done on one sentence; the splitter cuts
// longer runs, so only pathological text reaches it.
const maxSentenceTokens = 400

// Extract finds the actors and events of one article. Each sentence is
// tokenized, its actor mentions resolved against the lexicons and the
// article so far, its affiliations read from titles and appositions, and its
// relation cues linked to their arguments; events found again in later
// sentences gather evidence.
func (x *Extractor) Extract(a graph.Article) Result {
	st := newDocState(x.d, a.Date)
	defer st.release()
	st.placeCountry = x.datelineCountry(a)
	var (
		events []*graph.Event
		byKey  = map[string]*graph.Event{}
	)
	add := func(e graph.Event, ev graph.Evidence) {
		e = e.Canonical()
		k := e.Key()
		if old, ok := byKey[k]; ok {
			if len(old.Evidence) < 16 {
				old.Evidence = append(old.Evidence, ev)
			}
			if e.Confidence > old.Confidence {
				old.Confidence = e.Confidence
			}
			return
		}
		e.Evidence = []graph.Evidence{ev}
		ne := e
		byKey[k] = &ne
		events = append(events, &ne)
	}
	sents := Split(a.Text)
	var anaphors []graph.Event // dated mentions of events without their source
	var carry graph.Date       // the last date expression met in the paragraph
	para := -1
	for _, s := range sents {
		if s.Para != para {
			para, carry = s.Para, graph.Date{}
		}
		toks := tokenizeInto(st.tokBuf[:0], s.Text)
		st.tokBuf = toks
		if len(toks) > maxSentenceTokens {
			toks = toks[:maxSentenceTokens]
		}
		toks = st.splitCompounds(toks)
		ms, affs := st.mentionsOf(s.Text, toks)
		ev := graph.Evidence{Article: a.ID, Sentence: s.Text, Offset: s.Start}
		for _, af := range affs {
			add(graph.Event{Source: af.person, Target: af.target, Relation: af.relation, Role: af.role,
				Modality: graph.Asserted, Confidence: af.conf}, ev)
		}
		fs, cl := st.relationsOf(s.Text, toks, ms)
		if len(fs) == 0 {
			if exprs := FindTimeExprs(s.Text); len(exprs) > 0 && !a.Date.IsZero() {
				if d := exprs[len(exprs)-1].Resolve(a.Date, false); !d.IsZero() {
					carry = d
				}
			}
			continue
		}
		exprs := FindTimeExprs(s.Text)
		for _, f := range fs {
			var date graph.Date
			if !graph.MustRelation(f.relation).Affiliation {
				date = st.dateOf(f, toks, cl, exprs, a.Date) // affiliations are states, not dated events
			}
			if f.modality == graph.Asserted && !a.Date.IsZero() && a.Date.End().Time().Before(date.Time()) {
				// what happened cannot happen after the article: "signed an
				// agreement to return Macao in 1999" dates the return
				date = graph.Date{}
			}
			if f.anaphor {
				if !date.IsZero() {
					anaphors = append(anaphors, graph.Event{Relation: f.relation, Target: f.tgt, Date: date})
				}
				continue
			}
			if date.IsZero() && f.modality == graph.Asserted && f.predicate {
				date = carry
				if date.IsZero() && !a.Date.IsZero() {
					date = a.Date
				}
			}
			if date.IsZero() && f.modality == graph.Intent && f.predicate && !a.Date.IsZero() {
				// "will hold talks with Thatcher": a plan with no time of
				// its own is news of the article's month, no more precise
				date = graph.MonthDate(a.Date.Year, a.Date.Month)
			}
			add(graph.Event{Source: f.src, Target: f.tgt, Relation: f.relation, Date: date,
				Modality: f.modality, Location: st.locationOf(s.Text, toks, ms, cl, f), Confidence: f.conf}, ev)
		}
		if len(exprs) > 0 {
			if d := exprs[len(exprs)-1].Resolve(a.Date, false); !d.IsZero() {
				carry = d
			}
		}
	}
	// "since Moscow's invasion of Ukraine" ... "since last year's invasion of
	// Ukraine": the second gives the first its date
	for _, an := range anaphors {
		for _, e := range events {
			if e.Date.IsZero() && e.Relation == an.Relation && e.Target == an.Target {
				e.Date = an.Date
				break
			}
		}
	}
	res := Result{Article: a, Sentences: len(sents)}
	used := map[string]bool{}
	for _, e := range events {
		res.Events = append(res.Events, *e)
		used[e.Source], used[e.Target] = true, true
	}
	for id := range used {
		act := st.actors[id]
		if act.ID == "" {
			act = x.d.actors[id]
		}
		names := map[string]bool{}
		for name := range st.aliases[id] {
			names[name] = true
		}
		for _, name := range x.d.known[id] {
			names[name] = true // "Reagan", "PRC", "the Kremlin" resolve on the command line
		}
		delete(names, act.Name)
		for name := range names {
			act.Aliases = append(act.Aliases, name)
		}
		sort.Strings(act.Aliases)
		res.Actors = append(res.Actors, act)
	}
	sort.Slice(res.Actors, func(i, j int) bool { return res.Actors[i].ID < res.Actors[j].ID })
	return res
}

// datelineCountry returns the country whose capital the article's dateline
// names ("dateline: BUENOS AIRES, March 16"), or "".
func (x *Extractor) datelineCountry(a graph.Article) string {
	dl := a.Meta["dateline"]
	if dl == "" {
		return ""
	}
	if k := strings.IndexAny(dl, ",-("); k >= 0 {
		dl = dl[:k]
	}
	// Reuters writes datelines in capitals: "BUENOS AIRES" -> "Buenos Aires"
	words := strings.Fields(strings.ToLower(dl))
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	toks := tokenize(strings.Join(words, " "))
	if len(toks) == 0 {
		return ""
	}
	n, node := x.d.names.longest(toks, 0, keyText)
	if node == nil || n != len(toks) {
		return ""
	}
	if c, ok := pick(node.cands, a.Date); ok && c.nk == nkCapital && c.actor.Kind == graph.Country {
		return c.actor.ID
	}
	return ""
}

// dateOf resolves the date of an event from the time expressions of its
// sentence: the nearest one in the cue's clause, else the sentence's only one.
func (st *docState) dateOf(f found, toks []token, cl []int, exprs []TimeExpr, article graph.Date) graph.Date {
	if len(exprs) == 0 {
		return graph.Date{}
	}
	future := f.modality == graph.Intent && !f.pastTime
	cuePos := toks[f.cue].start
	// "last year's invasion": a time possessive dates its noun
	for _, e := range exprs {
		if ti := tokenAt(toks, e.End); ti >= 0 && ti+1 < len(toks) && toks[ti].text == "'s" && f.cue-ti <= 3 && f.cue > ti {
			return e.Resolve(article, future)
		}
	}
	best, bestDist := -1, 1<<30
	for k, e := range exprs {
		ti := tokenAt(toks, e.Start)
		if ti < 0 || cl[ti] != cl[f.cue] {
			continue
		}
		if sinceBetween(toks, f.cue, ti) {
			continue // "since June 1982" starts a span, it dates no event
		}
		d := e.Start - cuePos
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	if best < 0 {
		if len(exprs) != 1 {
			return graph.Date{}
		}
		if ti := tokenAt(toks, exprs[0].Start); ti >= 0 && (sinceBetween(toks, f.cue, ti) || relativeClauseAt(toks, cl, ti)) {
			return graph.Date{}
		}
		best = 0
	}
	return exprs[best].Resolve(article, future)
}

// relativeClauseAt reports whether token ti stands in a relative clause
// (", which ...", ", broken off by London last October"): its time belongs
// to that clause only.
func relativeClauseAt(toks []token, cl []int, ti int) bool {
	first := clauseStart(cl, ti)
	return first > 0 && toks[first-1].text == "," && relativeOpener(toks, first)
}

// sinceBetween reports whether the expression at token ti is governed by
// "since": right before it, or between the cue and it ("his first visit
// since he assumed power in June 1982").
func sinceBetween(toks []token, cue, ti int) bool {
	lo := ti - 2
	if cue < ti {
		lo = cue
	}
	for j := max(lo, 0); j < ti; j++ {
		if toks[j].lower == "since" {
			return true
		}
	}
	return false
}

// tokenAt returns the index of the token that contains byte offset b.
func tokenAt(toks []token, b int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].end > b })
	if i < len(toks) {
		return i
	}
	return -1
}

// locationOf returns the place named for an event: a capital or country
// after "in" in the cue's clause ("a summit in Moscow").
func (st *docState) locationOf(sent string, toks []token, ms []mention, cl []int, f found) string {
	for _, m := range ms {
		if m.s > 0 && toks[m.s-1].lower == "in" && cl[m.s] == cl[f.cue] && m.s > f.cue && (m.nk == nkCapital || m.kind == graph.Country) && m.id != f.tgt {
			return joinTokens(sent, toks, m.s, m.e)
		}
	}
	return ""
}
