package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/diplograph/diplograph/graph"
)

// triple identifies a summary: (source, relation, target), canonical ends.
type triple struct{ s, rel, t string }

func tripleOf(e graph.Event) triple { return triple{e.Source, e.Relation, e.Target} }

// PutArticle stores an article with its actors and events in one Badger
// transaction. See Store.PutArticle.
func (b *Badger) PutArticle(ctx context.Context, x Extraction) (PutStatus, error) {
	if b.ro {
		return 0, ErrReadOnly
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if x.Article.ID == "" {
		return 0, errors.New("put article: the article has no id")
	}
	if x.Article.Hash == "" {
		x.Article.Hash = graph.ContentHash(x.Article.Title, x.Article.Date.String(), x.Article.Text)
	}
	var st PutStatus
	var err error
	for range 3 { // a conflict can only come from a second writer in this process
		err = b.db.Update(func(txn *badger.Txn) error {
			w := writer{ctx: ctx, txn: txn, touched: map[triple]bool{}}
			st, err = w.put(x)
			return err
		})
		if !errors.Is(err, badger.ErrConflict) {
			break
		}
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		return 0, fmt.Errorf("article %q (%d events, %d bytes of text): %w",
			x.Article.ID, len(x.Events), len(x.Article.Text), ErrTooBig)
	}
	if err != nil {
		return 0, fmt.Errorf("article %q: %w", x.Article.ID, err)
	}
	return st, nil
}

// writer is one article's write transaction.
type writer struct {
	ctx     context.Context
	txn     *badger.Txn
	c       counts
	touched map[triple]bool // summaries to recompute from their events
	art     graph.Article
}

func (w *writer) set(k, v []byte) error { return w.txn.Set(k, v) }
func (w *writer) del(k []byte) error    { return w.txn.Delete(k) }

func (w *writer) put(x Extraction) (PutStatus, error) {
	a := x.Article
	w.art = a
	if v, found, err := get(w.txn, encodeKey(kindMeta, "counts")); err != nil {
		return 0, err
	} else if found {
		if w.c, err = decodeCounts(v); err != nil {
			return 0, fmt.Errorf("counters: %w", err)
		}
	}
	old, err := w.previous(a)
	if err != nil {
		return 0, err
	}
	st := New
	if old != nil {
		if old.ID == a.ID && old.Hash == a.Hash && !x.Reindex {
			return Unchanged, nil
		}
		st = Replaced
		if err := w.remove(*old, a); err != nil {
			return 0, err
		}
	}
	w.c.Articles++
	w.c.Sentences += int64(x.Sentences)
	if err := w.set(encodeKey(kindArticle, a.ID), encodeArticle(articleRec{a, x.Sentences})); err != nil {
		return 0, err
	}
	if a.Origin != "" {
		if err := w.set(encodeKey(kindOrigin, a.Origin), []byte(a.ID)); err != nil {
			return 0, err
		}
	}
	if err := w.actors(x); err != nil {
		return 0, err
	}
	for _, e := range mergeEvents(a.ID, x.Events) {
		if err := w.addEvent(e); err != nil {
			return 0, err
		}
	}
	for _, t := range sortedTriples(w.touched) {
		if err := recomputeSummary(w.ctx, w.txn, t); err != nil {
			return 0, err
		}
	}
	return st, w.set(encodeKey(kindMeta, "counts"), encodeCounts(w.c))
}

// previous returns the stored article that a replaces: the one with its id,
// else the one read from the same origin.
func (w *writer) previous(a graph.Article) (*articleRec, error) {
	v, found, err := get(w.txn, encodeKey(kindArticle, a.ID))
	if err != nil {
		return nil, err
	}
	if !found && a.Origin != "" {
		id, ok, err := get(w.txn, encodeKey(kindOrigin, a.Origin))
		if err != nil || !ok {
			return nil, err
		}
		if v, found, err = get(w.txn, encodeKey(kindArticle, string(id))); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, nil
	}
	old, err := decodeArticle(v)
	if err != nil {
		return nil, fmt.Errorf("stored article: %w", err)
	}
	return &old, nil
}

// remove takes an article's evidence out of its events (deleting those left
// with none) and marks their summaries for recomputation.
func (w *writer) remove(old articleRec, repl graph.Article) error {
	keys, err := scanKeys(w.ctx, w.txn, keyPrefix(kindArticleEvent, old.ID))
	if err != nil {
		return err
	}
	for _, k := range keys {
		eid := lastField(k)
		v, found, err := get(w.txn, encodeKey(kindEvent, eid))
		if err != nil {
			return err
		}
		if found {
			e, err := decodeEvent(v)
			if err != nil {
				return fmt.Errorf("event %s: %w", eid, err)
			}
			kept := e.Evidence[:0]
			for _, ev := range e.Evidence {
				if ev.Article != old.ID {
					kept = append(kept, ev)
				}
			}
			w.c.Evidence -= int64(len(e.Evidence) - len(kept))
			e.Evidence = kept
			w.touched[tripleOf(e)] = true
			if len(kept) == 0 {
				w.c.Events--
				for _, ik := range indexKeys(eid, e) {
					if err := w.del(ik); err != nil {
						return err
					}
				}
			} else if err := w.set(encodeKey(kindEvent, eid), encodeEvent(e)); err != nil {
				return err
			}
		}
		if err := w.del(k); err != nil {
			return err
		}
	}
	w.c.Articles--
	w.c.Sentences -= int64(old.Sentences)
	if old.ID != repl.ID {
		if err := w.del(encodeKey(kindArticle, old.ID)); err != nil {
			return err
		}
	}
	if old.Origin != "" && old.Origin != repl.Origin {
		return w.del(encodeKey(kindOrigin, old.Origin))
	}
	return nil
}

// indexKeys returns the keys of an event and its indexes (not the article
// index, which depends on the evidence).
func indexKeys(eid string, e graph.Event) [][]byte {
	return [][]byte{
		encodeKey(kindEvent, eid),
		encodeKey(kindOut, e.Source, e.Relation, e.Target, eid),
		encodeKey(kindIn, e.Target, e.Relation, e.Source, eid),
		encodeKey(kindDate, dateKey(e.Date), eid),
	}
}

// mergeEvents puts events in canonical form, attributes their evidence to
// the article and merges those with the same id, keeping the input order.
func mergeEvents(articleID string, events []graph.Event) []graph.Event {
	var out []graph.Event
	at := map[string]int{}
	for _, e := range events {
		if e.Source == "" || e.Target == "" || e.Relation == "" {
			continue
		}
		if e.Modality == "" {
			e.Modality = graph.Asserted
		}
		e = e.Canonical()
		ev := make([]graph.Evidence, len(e.Evidence))
		for i, x := range e.Evidence {
			x.Article = articleID
			ev[i] = x
		}
		e.Evidence = ev
		id := e.ID()
		if i, ok := at[id]; ok {
			m := &out[i]
			m.Evidence = appendEvidence(m.Evidence, e.Evidence)
			mergeAttrs(m, e)
			continue
		}
		e.Evidence = appendEvidence(nil, e.Evidence)
		at[id] = len(out)
		out = append(out, e)
	}
	return out
}

// appendEvidence appends the pieces of add not already in to.
func appendEvidence(to, add []graph.Evidence) []graph.Evidence {
	for _, x := range add {
		if !slices.Contains(to, x) {
			to = append(to, x)
		}
	}
	return to
}

// mergeAttrs merges the attributes other than evidence of e into m.
func mergeAttrs(m *graph.Event, e graph.Event) {
	m.Confidence = max(m.Confidence, e.Confidence)
	if m.Location == "" {
		m.Location = e.Location
	}
	if e.Role != "" {
		m.Role = e.Role
	}
}

// actors merges the extraction's actors, and bare actors for event ends
// that it does not describe, into the stored ones.
func (w *writer) actors(x Extraction) error {
	seen := map[string]bool{}
	for _, a := range x.Actors {
		if a.ID == "" {
			continue
		}
		seen[a.ID] = true
		if err := w.mergeActor(a); err != nil {
			return err
		}
	}
	for _, e := range x.Events {
		for _, id := range []string{e.Source, e.Target} {
			if id != "" && !seen[id] {
				seen[id] = true
				k, _ := graph.KindOfID(id)
				if err := w.mergeActor(graph.Actor{ID: id, Kind: k}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// actorNames returns the names an actor resolves by: its id, canonical
// name and aliases, folded and distinct.
func actorNames(a graph.Actor) []string {
	var out []string
	for _, n := range append([]string{a.ID, a.Name}, a.Aliases...) {
		if f := graph.NormName(n); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func (w *writer) mergeActor(a graph.Actor) error {
	k := encodeKey(kindActor, a.ID)
	v, found, err := get(w.txn, k)
	if err != nil {
		return err
	}
	var cur graph.Actor
	if found {
		if cur, err = decodeActor(v); err != nil {
			return fmt.Errorf("actor %q: %w", a.ID, err)
		}
	} else {
		cur = graph.Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Country: a.Country}
		if cur.Name == "" {
			cur.Name = a.ID
		}
		if cur.Kind == "" {
			cur.Kind, _ = graph.KindOfID(a.ID)
		}
	}
	changed := !found
	if cur.Name == cur.ID && a.Name != "" && a.Name != a.ID {
		// A bare actor made for an event end gets its name from the first
		// article that describes it.
		cur.Name, changed = a.Name, true
	}
	if cur.Country == "" && a.Country != "" {
		cur.Country, changed = a.Country, true
	}
	for _, al := range a.Aliases {
		if len(cur.Aliases) >= maxAliases {
			break
		}
		if al != "" && al != cur.Name && !slices.Contains(cur.Aliases, al) {
			cur.Aliases = append(cur.Aliases, al)
			changed = true
		}
	}
	if !changed {
		return nil
	}
	if err := w.set(k, encodeActor(cur)); err != nil {
		return err
	}
	for _, n := range actorNames(cur) {
		if err := w.set(encodeKey(kindAlias, n, cur.ID), nil); err != nil {
			return err
		}
	}
	return nil
}

// addEvent adds one event's evidence from the article being written.
func (w *writer) addEvent(e graph.Event) error {
	eid := e.ID()
	k := encodeKey(kindEvent, eid)
	v, found, err := get(w.txn, k)
	if err != nil {
		return err
	}
	added := e.Evidence
	cur := e
	if found {
		if cur, err = decodeEvent(v); err != nil {
			return fmt.Errorf("event %s: %w", eid, err)
		}
		n := len(cur.Evidence)
		cur.Evidence = appendEvidence(cur.Evidence, e.Evidence)
		added = cur.Evidence[n:]
		mergeAttrs(&cur, e)
	} else {
		w.c.Events++
		for _, ik := range indexKeys(eid, e)[1:] {
			if err := w.set(ik, nil); err != nil {
				return err
			}
		}
	}
	w.c.Evidence += int64(len(added))
	if err := w.set(k, encodeEvent(cur)); err != nil {
		return err
	}
	if err := w.set(encodeKey(kindArticleEvent, w.art.ID, eid), nil); err != nil {
		return err
	}
	t := tripleOf(e)
	if w.touched[t] {
		return nil // recomputed at the end
	}
	return w.addToSummary(t, cur, added)
}

// addToSummary adds new evidence of event e to its triple's summary.
func (w *writer) addToSummary(t triple, e graph.Event, added []graph.Evidence) error {
	sk, _ := summaryKeys(t)
	v, found, err := get(w.txn, sk)
	if err != nil {
		return err
	}
	s := graph.Summary{Source: t.s, Relation: t.rel, Target: t.t}
	if found {
		if s, err = decodeSummary(v); err != nil {
			return fmt.Errorf("summary %s %s %s: %w", t.s, t.rel, t.t, err)
		}
	}
	onlyNegated := s.Asserted+s.Intent == 0
	countEvidence(&s, e.Modality, len(added))
	addDate(&s, e.Date)
	if e.Role != "" {
		s.Role = e.Role
	}
	// the example is the first evidence, but a denial gives way to the
	// first evidence that the relation holds
	if len(added) > 0 && (s.Example.Sentence == "" || onlyNegated && e.Modality != graph.Negated) {
		s.Example, s.ExDate, s.ExTitle = added[0], w.art.Date, w.art.Title
	}
	return putSummary(w.txn, t, s)
}

// summaryKeys returns the two keys a triple's summary is stored under: by
// source ('s') and by target ('r').
func summaryKeys(t triple) (sk, rk []byte) {
	return encodeKey(kindSummary, t.s, t.rel, t.t), encodeKey(kindSummaryIn, t.t, t.rel, t.s)
}

// putSummary writes a summary under both its keys, the same bytes.
func putSummary(txn *badger.Txn, t triple, s graph.Summary) error {
	v := encodeSummary(s)
	sk, rk := summaryKeys(t)
	if err := txn.Set(sk, v); err != nil {
		return err
	}
	return txn.Set(rk, v)
}

func countEvidence(s *graph.Summary, m graph.Modality, n int) {
	switch m {
	case graph.Intent:
		s.Intent += n
	case graph.Negated:
		s.Negated += n
	default:
		s.Asserted += n
	}
}

// addDate adds d to a summary's dates (distinct, sorted, the latest
// maxDates kept) and widens First and Last.
func addDate(s *graph.Summary, d graph.Date) {
	if d.IsZero() {
		return
	}
	n := dateNumber(d)
	if s.First.IsZero() || n < dateNumber(s.First) {
		s.First = d
	}
	if s.Last.IsZero() || n > dateNumber(s.Last) {
		s.Last = d
	}
	i := sort.Search(len(s.Dates), func(i int) bool { return dateNumber(s.Dates[i]) >= n })
	if i < len(s.Dates) && dateNumber(s.Dates[i]) == n {
		return
	}
	s.Dates = slices.Insert(s.Dates, i, d)
	if len(s.Dates) > maxDates {
		s.Dates = s.Dates[len(s.Dates)-maxDates:]
	}
}

func sortedTriples(m map[triple]bool) []triple {
	out := make([]triple, 0, len(m))
	for t := range m {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.s != b.s {
			return a.s < b.s
		}
		if a.rel != b.rel {
			return a.rel < b.rel
		}
		return a.t < b.t
	})
	return out
}

// summarize builds a triple's summary from its events, in event id order:
// what recomputeSummary writes and what Verify compares with. The example is
// the first piece of evidence of the first asserted event (else of the first
// event); the role, that of the latest dated event that has one. ok is false
// when no evidence is left.
func summarize(t triple, events []graph.Event) (s graph.Summary, ok bool) {
	s = graph.Summary{Source: t.s, Relation: t.rel, Target: t.t}
	var roleDate uint32
	var asserted, first *graph.Evidence
	for i := range events {
		e := &events[i]
		countEvidence(&s, e.Modality, len(e.Evidence))
		addDate(&s, e.Date)
		if e.Role != "" && (s.Role == "" || dateNumber(e.Date) >= roleDate) {
			s.Role, roleDate = e.Role, dateNumber(e.Date)
		}
		if len(e.Evidence) > 0 {
			if first == nil {
				first = &e.Evidence[0]
			}
			if asserted == nil && e.Modality == graph.Asserted {
				asserted = &e.Evidence[0]
			}
		}
	}
	switch {
	case asserted != nil:
		s.Example = *asserted
	case first != nil:
		s.Example = *first
	}
	return s, s.Evidence() > 0
}

// tripleEvents loads the events of a triple through the out index.
func tripleEvents(ctx context.Context, txn *badger.Txn, t triple) ([]graph.Event, error) {
	keys, err := scanKeys(ctx, txn, keyPrefix(kindOut, t.s, t.rel, t.t))
	if err != nil {
		return nil, err
	}
	events := make([]graph.Event, 0, len(keys))
	for _, k := range keys {
		eid := lastField(k)
		v, found, err := get(txn, encodeKey(kindEvent, eid))
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("out index names a missing event %s", eid)
		}
		e, err := decodeEvent(v)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", eid, err)
		}
		events = append(events, e)
	}
	return events, nil
}

// recomputeSummary rebuilds a triple's summary from its events (after an
// article's evidence left them), or deletes it when none is left.
func recomputeSummary(ctx context.Context, txn *badger.Txn, t triple) error {
	events, err := tripleEvents(ctx, txn, t)
	if err != nil {
		return err
	}
	sk, rk := summaryKeys(t)
	s, ok := summarize(t, events)
	if !ok {
		if err := txn.Delete(sk); err != nil {
			return err
		}
		return txn.Delete(rk)
	}
	v, found, err := get(txn, encodeKey(kindArticle, s.Example.Article))
	if err != nil {
		return err
	}
	if found {
		if a, err := decodeArticle(v); err == nil {
			s.ExDate, s.ExTitle = a.Date, a.Title
		}
	}
	return putSummary(txn, t, s)
}
