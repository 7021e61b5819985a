package store

import (
	"context"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/diplograph/diplograph/graph"
)

// maxProblems bounds the list that Verify returns.
const maxProblems = 200

// Verify recomputes every index, summary and counter from the articles,
// actors and events, and lists where the stored ones disagree. An empty
// list means the store is consistent.
func (b *Badger) Verify(ctx context.Context) ([]string, error) {
	v := verifier{}
	err := b.view(ctx, func(txn *badger.Txn) error { return v.run(ctx, txn) })
	if err != nil {
		return nil, err
	}
	if v.more > 0 {
		v.problems = append(v.problems, fmt.Sprintf("... and %d more problems", v.more))
	}
	return v.problems, nil
}

type verifier struct {
	problems []string
	more     int
}

func (v *verifier) add(format string, args ...any) {
	if len(v.problems) >= maxProblems {
		v.more++
		return
	}
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

func (v *verifier) run(ctx context.Context, txn *badger.Txn) error {
	var c counts
	articles := map[string]bool{}
	// Articles.
	err := scan(ctx, txn, []byte{kindArticle}, true, func(k, val []byte) error {
		id := lastField(k)
		a, err := decodeArticle(val)
		if err != nil {
			v.add("article %q: %v", id, err)
			return nil
		}
		if a.ID != id {
			v.add("article key %q holds article %q", id, a.ID)
		}
		articles[id] = true
		c.Articles++
		c.Sentences += int64(a.Sentences)
		return nil
	})
	if err != nil {
		return err
	}
	// Origins point at articles read from there.
	err = scan(ctx, txn, []byte{kindOrigin}, true, func(k, val []byte) error {
		origin := lastField(k)
		if !articles[string(val)] {
			v.add("origin %q names a missing article %q", origin, val)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Actors and the alias index.
	actors := map[string]bool{}
	wantAlias := map[string]bool{}
	err = scan(ctx, txn, []byte{kindActor}, true, func(k, val []byte) error {
		id := lastField(k)
		a, err := decodeActor(val)
		if err != nil {
			v.add("actor %q: %v", id, err)
			return nil
		}
		if a.ID != id {
			v.add("actor key %q holds actor %q", id, a.ID)
		}
		actors[id] = true
		for _, n := range actorNames(a) {
			wantAlias[string(encodeKey(kindAlias, n, id))] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := v.compareKeys(ctx, txn, kindAlias, "alias index", wantAlias); err != nil {
		return err
	}
	// Events, and everything derived from them.
	want := map[byte]map[string]bool{kindOut: {}, kindIn: {}, kindDate: {}, kindArticleEvent: {}}
	byTriple := map[triple][]graph.Event{}
	err = scan(ctx, txn, []byte{kindEvent}, true, func(k, val []byte) error {
		eid := lastField(k)
		e, err := decodeEvent(val)
		if err != nil {
			v.add("event %s: %v", eid, err)
			return nil
		}
		if id := e.ID(); id != eid {
			v.add("event key %s holds event %s (%s %s %s)", eid, id, e.Source, e.Relation, e.Target)
		}
		if e.Canonical().Source != e.Source {
			v.add("event %s: symmetric relation %s not in canonical order", eid, e.Relation)
		}
		if len(e.Evidence) == 0 {
			v.add("event %s: no evidence", eid)
		}
		for _, id := range []string{e.Source, e.Target} {
			if !actors[id] {
				v.add("event %s names a missing actor %q", eid, id)
			}
		}
		c.Events++
		c.Evidence += int64(len(e.Evidence))
		for _, ik := range indexKeys(eid, e)[1:] {
			want[ik[0]][string(ik)] = true
		}
		for _, x := range e.Evidence {
			if !articles[x.Article] {
				v.add("event %s: evidence from a missing article %q", eid, x.Article)
			}
			want[kindArticleEvent][string(encodeKey(kindArticleEvent, x.Article, eid))] = true
		}
		t := tripleOf(e)
		byTriple[t] = append(byTriple[t], e)
		return nil
	})
	if err != nil {
		return err
	}
	names := map[byte]string{kindOut: "out index", kindIn: "in index", kindDate: "date index", kindArticleEvent: "article index"}
	for _, kind := range []byte{kindOut, kindIn, kindDate, kindArticleEvent} {
		if err := v.compareKeys(ctx, txn, kind, names[kind], want[kind]); err != nil {
			return err
		}
	}
	// Summaries, and a hash of each one's bytes for their copies.
	seen := map[triple]uint64{}
	seed := maphash.MakeSeed()
	err = scan(ctx, txn, []byte{kindSummary}, true, func(k, val []byte) error {
		sk, err := decodeKey(k)
		if err != nil {
			v.add("summary key %q: %v", k, err)
			return nil
		}
		t := triple{sk.Fields[0], sk.Fields[1], sk.Fields[2]}
		seen[t] = maphash.Bytes(seed, val)
		got, err := decodeSummary(val)
		if err != nil {
			v.add("summary %s %s %s: %v", t.s, t.rel, t.t, err)
			return nil
		}
		events, ok := byTriple[t]
		if !ok {
			v.add("summary %s %s %s has no events", t.s, t.rel, t.t)
			return nil
		}
		v.compareSummary(t, got, events)
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range sortedTriples(boolKeys(byTriple)) {
		if _, ok := seen[t]; !ok {
			v.add("summary %s %s %s missing", t.s, t.rel, t.t)
		}
	}
	// The copies of the summaries under 'r': one per summary, the same bytes.
	copies := map[triple]bool{}
	err = scan(ctx, txn, []byte{kindSummaryIn}, true, func(k, val []byte) error {
		rk, err := decodeKey(k)
		if err != nil {
			v.add("summary in-index key %q: %v", k, err)
			return nil
		}
		t := triple{rk.Fields[2], rk.Fields[1], rk.Fields[0]}
		copies[t] = true
		h, ok := seen[t]
		switch {
		case !ok:
			v.add("summary in-index: stray key %s", describeKey(k))
		case maphash.Bytes(seed, val) != h:
			v.add("summary in-index: the copy of summary %s %s %s differs from it", t.s, t.rel, t.t)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range sortedTriples(boolKeys(seen)) {
		if !copies[t] {
			v.add("summary in-index: missing key %s", describeKey(encodeKey(kindSummaryIn, t.t, t.rel, t.s)))
		}
	}
	// Counters.
	stored, err := readCounts(txn)
	if err != nil {
		v.add("%v", err)
	} else if stored != c {
		v.add("counters say %d articles, %d sentences, %d events, %d evidence; the store holds %d, %d, %d, %d",
			stored.Articles, stored.Sentences, stored.Events, stored.Evidence, c.Articles, c.Sentences, c.Events, c.Evidence)
	}
	return nil
}

func boolKeys[V any](m map[triple]V) map[triple]bool {
	out := make(map[triple]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// compareSummary reports where a stored summary disagrees with its events.
// The example and role must come from the events; which one is free.
func (v *verifier) compareSummary(t triple, got graph.Summary, events []graph.Event) {
	want, _ := summarize(t, events)
	name := fmt.Sprintf("summary %s %s %s", t.s, t.rel, t.t)
	if got.Source != t.s || got.Relation != t.rel || got.Target != t.t {
		v.add("%s holds %s %s %s", name, got.Source, got.Relation, got.Target)
	}
	if got.Asserted != want.Asserted || got.Intent != want.Intent || got.Negated != want.Negated {
		v.add("%s: evidence asserted/intent/negated %d/%d/%d, events give %d/%d/%d",
			name, got.Asserted, got.Intent, got.Negated, want.Asserted, want.Intent, want.Negated)
	}
	if got.First != want.First || got.Last != want.Last {
		v.add("%s: dates %s..%s, events give %s..%s", name, got.First, got.Last, want.First, want.Last)
	}
	if !slices.Equal(got.Dates, want.Dates) {
		v.add("%s: %d distinct dates, events give %d", name, len(got.Dates), len(want.Dates))
	}
	roleOK, exampleOK := got.Role == "", false
	for _, e := range events {
		if e.Role == got.Role {
			roleOK = true
		}
		if slices.Contains(e.Evidence, got.Example) {
			exampleOK = true
		}
	}
	if !roleOK {
		v.add("%s: role %q is no event's", name, got.Role)
	}
	if !exampleOK {
		v.add("%s: example from article %q is no event's evidence", name, got.Example.Article)
	}
}

// compareKeys reports keys of a kind that are stored but not wanted, and
// wanted but not stored.
func (v *verifier) compareKeys(ctx context.Context, txn *badger.Txn, kind byte, name string, want map[string]bool) error {
	found := map[string]bool{}
	err := scan(ctx, txn, []byte{kind}, false, func(k, _ []byte) error {
		s := string(k)
		found[s] = true
		if !want[s] {
			v.add("%s: stray key %s", name, describeKey(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	var missing []string
	for k := range want {
		if !found[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	for _, k := range missing {
		v.add("%s: missing key %s", name, describeKey([]byte(k)))
	}
	return nil
}

// describeKey renders a key for people: its fields, quoted.
func describeKey(k []byte) string {
	dk, err := decodeKey(k)
	if err != nil {
		return fmt.Sprintf("%q (%v)", k, err)
	}
	if dk.Kind == kindDate {
		d, _ := parseDateKey(dk.Fields[0])
		dk.Fields[0] = "date " + d.String()
	}
	return fmt.Sprintf("%q", dk.Fields)
}
