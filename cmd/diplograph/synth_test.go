package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

// The synthetic store of the benchmarks: synthActors actors and synthEvents
// events, written through the store's API in articles of synthPerArticle
// events.
const (
	synthActors     = 100_000
	synthEvents     = 1_000_000
	synthPerArticle = 25
	synthCountries  = 200 // the first actors are countries, the hubs of the graph
	synthVersion    = 1   // bump when the generator changes, so a kept store is rebuilt
)

// synthActor returns the i-th synthetic actor: countries first, then
// persons, organizations and blocs.
func synthActor(i int) graph.Actor {
	switch {
	case i < synthCountries:
		code := fmt.Sprintf("C%02d", i)
		return graph.Actor{ID: graph.ActorID(graph.Country, code), Name: fmt.Sprintf("Country %d", i), Kind: graph.Country, Country: code}
	case i%10 == 0:
		name := fmt.Sprintf("Organization %d", i)
		return graph.Actor{ID: graph.ActorID(graph.Organization, name), Name: name, Kind: graph.Organization}
	case i%97 == 0:
		name := fmt.Sprintf("Bloc %d", i)
		return graph.Actor{ID: graph.ActorID(graph.Bloc, name), Name: name, Kind: graph.Bloc}
	}
	name := fmt.Sprintf("Person %d", i)
	return graph.Actor{ID: graph.ActorID(graph.Person, name), Name: name, Kind: graph.Person, Aliases: []string{fmt.Sprintf("P%d", i)}}
}

// synthEnd draws an event's end: a country a third of the time (so that
// countries are hubs, as the United States is in 1987 news), else an actor
// drawn uniformly.
func synthEnd(r *rand.Rand) int {
	if r.IntN(3) == 0 {
		return r.IntN(synthCountries)
	}
	return r.IntN(synthActors)
}

// synthExtraction returns the n-th synthetic article and its events.
func synthExtraction(n int) store.Extraction {
	r := rand.New(rand.NewPCG(uint64(n), synthVersion))
	rels := graph.Relations()
	d := graph.DayDate(1980+r.IntN(45), time.Month(1+r.IntN(12)), 1+r.IntN(28))
	text := fmt.Sprintf("Synthetic article %d.", n)
	art := graph.Article{ID: fmt.Sprintf("synth-%07d", n), Title: fmt.Sprintf("Synthetic %d", n), Date: d, Text: text,
		Origin: fmt.Sprintf("synth/%07d.txt", n), Hash: graph.ContentHash("", d.String(), text)}
	x := store.Extraction{Article: art, Sentences: synthPerArticle}
	seen := map[int]bool{}
	for i := range synthPerArticle {
		u, v := synthEnd(r), synthEnd(r)
		if u == v {
			v = (v + 1) % synthActors
		}
		rel := rels[r.IntN(len(rels))]
		m := graph.Asserted
		switch r.IntN(20) {
		case 0:
			m = graph.Negated
		case 1:
			m = graph.Intent
		}
		ed := d
		if rel.Affiliation {
			ed = graph.Date{}
		}
		e := graph.Event{Source: synthActor(u).ID, Relation: rel.Name, Target: synthActor(v).ID, Date: ed, Modality: m, Confidence: 0.5,
			Evidence: []graph.Evidence{{Article: art.ID, Sentence: fmt.Sprintf("Sentence %d of article %d.", i, n), Offset: i * 30}}}
		x.Events = append(x.Events, e.Canonical())
		for _, a := range []int{u, v} {
			if !seen[a] {
				seen[a] = true
				x.Actors = append(x.Actors, synthActor(a))
			}
		}
	}
	return x
}

var (
	synthOnce sync.Once
	synthDir  string
	synthErr  error
)

// synthStore returns the folder of the synthetic store, building it the first
// time. It takes minutes, so it is built only under -bench, kept in
// $DIPLOGRAPH_SYNTH_DIR (default: a folder in the system's temporary folder)
// and reused by later runs while its version matches.
func synthStore(b *testing.B) string {
	b.Helper()
	synthOnce.Do(func() {
		dir := os.Getenv("DIPLOGRAPH_SYNTH_DIR")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "diplograph-synth")
		}
		done := filepath.Join(dir, fmt.Sprintf("COMPLETE-v%d", synthVersion))
		if _, err := os.Stat(done); err == nil {
			synthDir = dir
			return
		}
		if err := os.RemoveAll(dir); err != nil {
			synthErr = err
			return
		}
		start := time.Now()
		st, err := store.Open(dir, store.Options{})
		if err != nil {
			synthErr = err
			return
		}
		ctx := context.Background()
		for n := range synthEvents / synthPerArticle {
			if _, err := st.PutArticle(ctx, synthExtraction(n)); err != nil {
				st.Close()
				synthErr = fmt.Errorf("synthetic article %d: %w", n, err)
				return
			}
			if n%5000 == 0 && n > 0 {
				fmt.Fprintf(os.Stderr, "synthetic store: %d articles, %v\n", n, time.Since(start).Round(time.Second))
			}
		}
		if err := st.Close(); err != nil {
			synthErr = err
			return
		}
		fmt.Fprintf(os.Stderr, "synthetic store: built in %v in %s\n", time.Since(start).Round(time.Second), dir)
		synthErr = os.WriteFile(done, []byte(time.Now().Format(time.RFC3339)+"\n"), 0o644)
		synthDir = dir
	})
	if synthErr != nil {
		b.Fatalf("synthetic store: %v", synthErr)
	}
	return synthDir
}

func TestSynthExtraction(t *testing.T) {
	x := synthExtraction(42)
	if len(x.Events) != synthPerArticle {
		t.Fatalf("synthExtraction(42) has %d events, want %d", len(x.Events), synthPerArticle)
	}
	ids := map[string]bool{}
	for _, a := range x.Actors {
		ids[a.ID] = true
	}
	for _, e := range x.Events {
		if !ids[e.Source] || !ids[e.Target] || e.Source == e.Target {
			t.Errorf("synthExtraction(42): event %s %s %s names an actor not listed, or itself", e.Source, e.Relation, e.Target)
		}
	}
	if y := synthExtraction(42); y.Article.Hash != x.Article.Hash || y.Events[3].Target != x.Events[3].Target {
		t.Errorf("synthExtraction(42) is not deterministic")
	}
}
