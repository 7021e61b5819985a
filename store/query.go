package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/diplograph/diplograph/graph"
)

// Actors lists actors, most connected first: by degree, then evidence, then
// name. Counts come from the summaries, never from the events.
func (b *Badger) Actors(ctx context.Context, q ActorQuery) ([]ActorInfo, error) {
	type agg struct {
		evidence    int
		others      map[string]bool
		first, last graph.Date
	}
	stats := map[string]*agg{}
	at := func(id string) *agg {
		a := stats[id]
		if a == nil {
			a = &agg{others: map[string]bool{}}
			stats[id] = a
		}
		return a
	}
	match := graph.NormName(q.Match)
	var out []ActorInfo
	err := b.view(ctx, func(txn *badger.Txn) error {
		err := scan(ctx, txn, []byte{kindSummary}, true, func(k, v []byte) error {
			s, err := decodeSummary(v)
			if err != nil {
				return fmt.Errorf("summary %q: %w", k, err)
			}
			for _, end := range [][2]string{{s.Source, s.Target}, {s.Target, s.Source}} {
				a := at(end[0])
				a.evidence += s.Evidence()
				if end[0] != end[1] {
					a.others[end[1]] = true
				}
				if !s.First.IsZero() && (a.first.IsZero() || dateNumber(s.First) < dateNumber(a.first)) {
					a.first = s.First
				}
				if !s.Last.IsZero() && dateNumber(s.Last) > dateNumber(a.last) {
					a.last = s.Last
				}
				if s.Source == s.Target {
					break
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		prefix := []byte{kindActor}
		if q.Kind != "" {
			prefix = fieldPrefix(kindActor, graph.ActorID(q.Kind, ""))
		}
		return scan(ctx, txn, prefix, true, func(k, v []byte) error {
			a, err := decodeActor(v)
			if err != nil {
				return fmt.Errorf("actor %q: %w", k, err)
			}
			if q.Kind != "" && a.Kind != q.Kind {
				return nil
			}
			if match != "" && !matches(a, match) {
				return nil
			}
			info := ActorInfo{Actor: a}
			if s := stats[a.ID]; s != nil {
				info.Evidence, info.Degree, info.FirstDate, info.LastDate = s.evidence, len(s.others), s.first, s.last
			}
			out = append(out, info)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Degree != b.Degree {
			return a.Degree > b.Degree
		}
		if a.Evidence != b.Evidence {
			return a.Evidence > b.Evidence
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

// matches reports whether the folded name, an alias or the id of a contains m.
func matches(a graph.Actor, m string) bool {
	for _, n := range actorNames(a) {
		if strings.Contains(n, m) {
			return true
		}
	}
	return false
}

// Events lists events, newest first (undated last; ties in event id order).
// Without From and To it walks the date index and stops at the limit;
// with them it reads the out and in indexes of the named actors.
func (b *Badger) Events(ctx context.Context, q EventQuery) ([]graph.Event, error) {
	from, to := set(q.From), set(q.To)
	keep := func(e graph.Event) bool {
		if len(q.Relations) > 0 && !q.Relations[e.Relation] {
			return false
		}
		if e.Modality == graph.Negated && !q.IncludeNegated {
			return false
		}
		if !e.Date.Within(q.Since, q.Until) {
			return false
		}
		if len(e.Evidence) < q.MinEvidence {
			return false
		}
		if ok(from, e.Source) && ok(to, e.Target) {
			return true
		}
		r, _ := graph.LookupRelation(e.Relation)
		return (q.Either || r.Symmetric) && ok(from, e.Target) && ok(to, e.Source)
	}
	var out []graph.Event
	err := b.view(ctx, func(txn *badger.Txn) error {
		load := func(eid string) (graph.Event, error) {
			v, found, err := get(txn, encodeKey(kindEvent, eid))
			if err != nil {
				return graph.Event{}, err
			}
			if !found {
				return graph.Event{}, fmt.Errorf("index names a missing event %s (run diplograph verify)", eid)
			}
			e, err := decodeEvent(v)
			if err != nil {
				return graph.Event{}, fmt.Errorf("event %s: %w", eid, err)
			}
			return e, nil
		}
		if len(from) == 0 && len(to) == 0 {
			return scan(ctx, txn, []byte{kindDate}, false, func(k, _ []byte) error {
				dk, err := decodeKey(k)
				if err != nil {
					return err
				}
				if d, _ := parseDateKey(dk.Fields[0]); !q.Since.IsZero() && (d.IsZero() || d.Year < q.Since.Year) {
					return errStop // every later key is older, or undated
				}
				e, err := load(dk.Fields[1])
				if err != nil {
					return err
				}
				if keep(e) {
					out = append(out, e)
					if q.Limit > 0 && len(out) >= q.Limit {
						return errStop
					}
				}
				return nil
			})
		}
		anchor := q.From
		if len(anchor) == 0 {
			anchor = q.To
		}
		ids := map[string]bool{}
		for _, id := range anchor {
			for _, kind := range []byte{kindOut, kindIn} {
				var prefixes [][]byte
				if len(q.Relations) > 0 {
					for rel := range q.Relations {
						prefixes = append(prefixes, keyPrefix(kind, id, rel))
					}
				} else {
					prefixes = append(prefixes, keyPrefix(kind, id))
				}
				for _, p := range prefixes {
					if err := scan(ctx, txn, p, false, func(k, _ []byte) error {
						ids[lastField(k)] = true
						return nil
					}); err != nil {
						return err
					}
				}
			}
		}
		for eid := range ids {
			e, err := load(eid)
			if err != nil {
				return err
			}
			if keep(e) {
				out = append(out, e)
			}
		}
		sortEvents(out)
		if q.Limit > 0 && len(out) > q.Limit {
			out = out[:q.Limit]
		}
		return nil
	})
	if err == errStop {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// errStop ends a scan early.
var errStop = fmt.Errorf("stop")

// sortEvents orders events as the date index does: newest first, undated
// last, ties by event id.
func sortEvents(es []graph.Event) {
	type keyed struct {
		n  uint32
		id string
		e  graph.Event
	}
	ks := make([]keyed, len(es))
	for i, e := range es {
		ks[i] = keyed{dateNumber(e.Date), e.ID(), e}
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].n != ks[j].n {
			return ks[i].n > ks[j].n
		}
		return ks[i].id < ks[j].id
	})
	for i := range ks {
		es[i] = ks[i].e
	}
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func ok(m map[string]bool, id string) bool { return len(m) == 0 || m[id] }

// Summaries returns the per-triple summaries in which the actor takes part,
// as source (Out), target (In) or either (Both).
func (b *Badger) Summaries(ctx context.Context, id string, dir Direction) ([]graph.Summary, error) {
	var out []graph.Summary
	err := b.view(ctx, func(txn *badger.Txn) error {
		var err error
		out, err = summariesOf(ctx, txn, id, dir)
		return err
	})
	return out, err
}

// summariesOf reads an actor's summaries with two prefix scans: those it is
// the source of under 's', those it is the target of from their copies
// under 'r'.
func summariesOf(ctx context.Context, txn *badger.Txn, id string, dir Direction) ([]graph.Summary, error) {
	var out []graph.Summary
	if dir != In {
		err := scan(ctx, txn, keyPrefix(kindSummary, id), true, func(k, v []byte) error {
			s, err := decodeSummary(v)
			if err != nil {
				return fmt.Errorf("summary %q: %w", k, err)
			}
			out = append(out, s)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if dir != Out {
		err := scan(ctx, txn, keyPrefix(kindSummaryIn, id), true, func(k, v []byte) error {
			s, err := decodeSummary(v)
			if err != nil {
				return fmt.Errorf("summary in-index %s: %w", describeKey(k), err)
			}
			if dir == Both && s.Source == s.Target {
				return nil // a self-loop, already listed as out
			}
			out = append(out, s)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Subgraph loads the actors within depth hops (either way along kept
// summaries) of any centre, and the kept summaries among them; with no
// centres, every actor and every kept summary. Unknown centres are an error.
func (b *Badger) Subgraph(ctx context.Context, centres []string, depth int, f graph.Filter) (*graph.Graph, error) {
	g := graph.New()
	if len(centres) == 0 {
		// The whole graph, into a graph sized beforehand.
		err := b.WholeGraph(ctx, f, func(src graph.Source) error {
			actors := src.Actors()
			g.Grow(len(actors), b.estimateKeys(kindSummary))
			for _, a := range actors {
				g.AddActor(a)
			}
			return src.EachSummary(func(s *graph.Summary) error {
				c := *s
				c.Dates = slices.Clone(s.Dates) // s is the source's, and so are its dates
				g.AddSummary(c)
				return nil
			})
		})
		if err != nil {
			return nil, err
		}
		return g, nil
	}
	err := b.view(ctx, func(txn *badger.Txn) error {
		seen := map[string]bool{}
		var order, frontier []string
		for _, c := range centres {
			if _, err := getActor(txn, c); err != nil {
				return err
			}
			if !seen[c] {
				seen[c] = true
				order = append(order, c)
				frontier = append(frontier, c)
			}
		}
		for d := 0; d < depth && len(frontier) > 0; d++ {
			var next []string
			for _, id := range frontier {
				ss, err := summariesOf(ctx, txn, id, Both)
				if err != nil {
					return err
				}
				for _, s := range ss {
					if !f.Keep(s) {
						continue
					}
					other := s.Target
					if other == id {
						other = s.Source
					}
					if !seen[other] {
						seen[other] = true
						order = append(order, other)
						next = append(next, other)
					}
				}
			}
			frontier = next
		}
		for _, id := range order {
			a, err := getActor(txn, id)
			if err != nil {
				return err
			}
			g.AddActor(a)
		}
		for _, id := range order {
			ss, err := summariesOf(ctx, txn, id, Out)
			if err != nil {
				return err
			}
			for _, s := range ss {
				if seen[s.Target] && f.Keep(s) {
					g.AddSummary(s)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// WholeGraph calls fn with the whole graph under f as a graph.Source: every
// actor, in id order, and the summaries that f keeps, in key order, read
// from one snapshot of the store on each pass over them rather than held in
// memory. The source is valid only during the call.
func (b *Badger) WholeGraph(ctx context.Context, f graph.Filter, fn func(graph.Source) error) error {
	return b.view(ctx, func(txn *badger.Txn) error {
		src := &wholeGraph{ctx: ctx, txn: txn, f: f}
		if err := scanAhead(ctx, txn, []byte{kindActor}, func(k, v []byte) error {
			a, err := decodeActor(v)
			if err != nil {
				return fmt.Errorf("actor %q: %w", k, err)
			}
			src.actors = append(src.actors, a)
			return nil
		}); err != nil {
			return err
		}
		return fn(src)
	})
}

// wholeGraph is the graph.Source of WholeGraph: the actors, read once, and
// a scan of the summaries for each pass.
type wholeGraph struct {
	ctx    context.Context // the context of WholeGraph, which every pass checks
	txn    *badger.Txn
	f      graph.Filter
	actors []graph.Actor
}

// Actors implements graph.Source.
func (w *wholeGraph) Actors() []graph.Actor { return w.actors }

// EachSummary implements graph.Source: a scan of the summaries, read
// ahead of their decoding, each decoded into the same Summary, with the
// strings that they repeat shared.
func (w *wholeGraph) EachSummary(fn func(s *graph.Summary) error) error {
	ss := &summaryStrings{names: interner{}}
	var s graph.Summary
	return scanAhead(w.ctx, w.txn, []byte{kindSummary}, func(k, v []byte) error {
		if err := decodeSummaryInto(&s, v, ss); err != nil {
			return fmt.Errorf("summary %q: %w", k, err)
		}
		if !w.f.Keep(s) {
			return nil
		}
		return fn(&s)
	})
}

// estimateKeys returns about how many keys of the kind the store holds,
// from the metadata of its tables and without reading them: the keys of the
// tables that hold only that kind or it among others. Old versions count too, and keys still in memory
// do not, so it is only a capacity hint: a whole-graph load uses it to size
// its graph once rather than copy it as it grows.
func (b *Badger) estimateKeys(kind byte) int {
	n := 0
	for _, t := range b.db.Tables() {
		if len(t.Left) == 0 || len(t.Right) == 0 || t.Left[0] > kind || t.Right[0] < kind {
			continue
		}
		n += int(t.KeyCount)
	}
	return n
}

// Stats counts what is stored: the counters kept on every write, actors by
// kind and events by relation from the keys alone, the date range from the
// ends of the date index.
func (b *Badger) Stats(ctx context.Context) (Stats, error) {
	st := Stats{ActorsByKind: map[string]int{}, EventsByRelation: map[string]int{}}
	err := b.view(ctx, func(txn *badger.Txn) error {
		c, err := readCounts(txn)
		if err != nil {
			return err
		}
		st.Articles, st.Sentences, st.Events, st.Evidence = int(c.Articles), int(c.Sentences), int(c.Events), int(c.Evidence)
		if err := scan(ctx, txn, []byte{kindActor}, false, func(k, _ []byte) error {
			st.Actors++
			kind, _ := graph.KindOfID(lastField(k))
			if kind == "" {
				kind = "other"
			}
			st.ActorsByKind[string(kind)]++
			return nil
		}); err != nil {
			return err
		}
		if err := scan(ctx, txn, []byte{kindOut}, false, func(k, _ []byte) error {
			ok, err := decodeKey(k)
			if err != nil {
				return err
			}
			st.EventsByRelation[ok.Fields[1]]++
			return nil
		}); err != nil {
			return err
		}
		st.FirstDate, st.LastDate, err = dateRange(txn)
		return err
	})
	if err != nil {
		return Stats{}, err
	}
	if b.dir != "" {
		st.BytesOnDisk = storeSize(b.dir)
	}
	return st, nil
}

func readCounts(txn *badger.Txn) (counts, error) {
	v, found, err := get(txn, encodeKey(kindMeta, "counts"))
	if err != nil || !found {
		return counts{}, err
	}
	c, err := decodeCounts(v)
	if err != nil {
		return counts{}, fmt.Errorf("counters: %w", err)
	}
	return c, nil
}

// dateRange returns the oldest and newest event dates from the two ends of
// the date index.
func dateRange(txn *badger.Txn) (first, last graph.Date, err error) {
	prefix := []byte{kindDate}
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = prefix
	it := txn.NewIterator(opts)
	it.Seek(prefix)
	if it.ValidForPrefix(prefix) {
		if k, err := decodeKey(it.Item().Key()); err == nil {
			last, _ = parseDateKey(k.Fields[0])
		}
	}
	it.Close()
	opts.Reverse = true
	it = txn.NewIterator(opts)
	defer it.Close()
	// Undated events sort last: seek past them to the oldest dated one.
	undated := appendField([]byte{kindDate}, dateKey(graph.Date{}))
	for it.Seek(undated); it.ValidForPrefix(prefix); it.Next() {
		k, err := decodeKey(it.Item().Key())
		if err != nil {
			return first, last, err
		}
		if d, _ := parseDateKey(k.Fields[0]); !d.IsZero() {
			first = d
			break
		}
	}
	return first, last, nil
}
