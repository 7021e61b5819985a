// Package storetest is the conformance suite of store.Store: every backend
// (Badger on disk and in memory today, a distributed engine later) runs
// TestAll unchanged. The data are hand-made graph values, independent of the
// extractor.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

// TestAll runs the conformance suite. open returns a new, empty store for
// each sub-test; the suite closes it.
func TestAll(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutStatus", testPutStatus},
		{"ReplaceByOrigin", testReplaceByOrigin},
		{"SummariesAfterReplace", testSummariesAfterReplace},
		{"Reindex", testReindex},
		{"Articles", testArticles},
		{"ActorMerge", testActorMerge},
		{"Resolve", testResolve},
		{"Actors", testActors},
		{"Events", testEvents},
		{"Summaries", testSummaries},
		{"Subgraph", testSubgraph},
		{"WholeGraph", testWholeGraph},
		{"Stats", testStats},
		{"Verify", testVerify},
		{"ExamplePrefersAssertion", testExamplePrefersAssertion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// Fixture values.
var (
	china   = graph.Actor{ID: "country/CHN", Name: "China", Kind: graph.Country, Country: "CHN", Aliases: []string{"Beijing", "PRC", "Chinese"}}
	russia  = graph.Actor{ID: "country/RUS", Name: "Russia", Kind: graph.Country, Country: "RUS", Aliases: []string{"Moscow", "the Kremlin"}}
	usa     = graph.Actor{ID: "country/USA", Name: "United States", Kind: graph.Country, Country: "USA", Aliases: []string{"U.S.", "Washington"}}
	ukraine = graph.Actor{ID: "country/UKR", Name: "Ukraine", Kind: graph.Country, Country: "UKR", Aliases: []string{"Kyiv"}}
	xi      = graph.Actor{ID: "person/xi-jinping", Name: "Xi Jinping", Kind: graph.Person, Aliases: []string{"Xi"}}
	zoe     = graph.Actor{ID: "person/zoe-muller", Name: "Zoë Müller", Kind: graph.Person}
	nato    = graph.Actor{ID: "org/nato", Name: "NATO", Kind: graph.Organization, Aliases: []string{"North Atlantic Treaty Organization"}}
)

func day(y int, m time.Month, d int) graph.Date { return graph.DayDate(y, m, d) }

func article(id, text string, date graph.Date) graph.Article {
	return graph.Article{ID: id, Title: "Title of " + id, Date: date, Text: text, Origin: id + ".txt",
		Hash: graph.ContentHash("Title of "+id, date.String(), text)}
}

func event(src, rel, tgt string, d graph.Date, m graph.Modality, sentences ...string) graph.Event {
	e := graph.Event{Source: src, Relation: rel, Target: tgt, Date: d, Modality: m, Confidence: 0.8}
	for i, s := range sentences {
		e.Evidence = append(e.Evidence, graph.Evidence{Sentence: s, Offset: i * 100})
	}
	return e
}

func put(t *testing.T, s store.Store, x store.Extraction) store.PutStatus {
	t.Helper()
	st, err := s.PutArticle(context.Background(), x)
	if err != nil {
		t.Fatalf("PutArticle(%q): %v", x.Article.ID, err)
	}
	return st
}

// base is a small graph: three articles about China, Russia, the US,
// Ukraine, Xi Jinping and NATO.
func base() []store.Extraction {
	a1 := article("a1", "Xi met Putin. China and Russia signed a deal.", day(2023, 3, 21))
	a2 := article("a2", "Russia attacked Ukraine. The U.S. sanctioned Russia.", day(2022, 2, 24))
	a3 := article("a3", "Xi Jinping, President of China, will visit Russia. NATO criticized Russia.", day(2023, 5, 1))
	return []store.Extraction{
		{Article: a1, Sentences: 2, Actors: []graph.Actor{china, russia, xi},
			Events: []graph.Event{
				event(xi.ID, graph.Visit, russia.ID, day(2023, 3, 20), graph.Asserted, "Xi met Putin."),
				event(russia.ID, graph.SignAgreement, china.ID, day(2023, 3, 21), graph.Asserted, "China and Russia signed a deal."),
			}},
		{Article: a2, Sentences: 2, Actors: []graph.Actor{russia, ukraine, usa},
			Events: []graph.Event{
				event(russia.ID, graph.Attack, ukraine.ID, day(2022, 2, 24), graph.Asserted, "Russia attacked Ukraine."),
				event(usa.ID, graph.Sanction, russia.ID, graph.Date{}, graph.Asserted, "The U.S. sanctioned Russia."),
			}},
		{Article: a3, Sentences: 2, Actors: []graph.Actor{xi, china, russia, nato},
			Events: []graph.Event{
				func() graph.Event {
					e := event(xi.ID, graph.Leads, china.ID, graph.Date{}, graph.Asserted, "Xi Jinping, President of China, will visit Russia.")
					e.Role = "President"
					return e
				}(),
				event(xi.ID, graph.Visit, russia.ID, graph.MonthDate(2023, 6), graph.Intent, "Xi Jinping, President of China, will visit Russia."),
				event(nato.ID, graph.Criticize, russia.ID, day(2023, 5, 1), graph.Asserted, "NATO criticized Russia."),
				event(china.ID, graph.Criticize, usa.ID, day(2023, 4, 30), graph.Negated, "China did not criticize the U.S."),
			}},
	}
}

func load(t *testing.T, s store.Store) {
	t.Helper()
	for _, x := range base() {
		if st := put(t, s, x); st != store.New {
			t.Fatalf("PutArticle(%q) = %v, want new", x.Article.ID, st)
		}
	}
}

func mustVerify(t *testing.T, s store.Store) {
	t.Helper()
	problems, err := s.Verify(context.Background())
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if len(problems) > 0 {
		t.Fatalf("Verify() = %q, want none", problems)
	}
}

func summary(t *testing.T, s store.Store, src, rel, tgt string) (graph.Summary, bool) {
	t.Helper()
	ss, err := s.Summaries(context.Background(), src, store.Out)
	if err != nil {
		t.Fatalf("Summaries(%q): %v", src, err)
	}
	for _, x := range ss {
		if x.Relation == rel && x.Target == tgt {
			return x, true
		}
	}
	return graph.Summary{}, false
}

func testPutStatus(t *testing.T, s store.Store) {
	ctx := context.Background()
	xs := base()
	if st := put(t, s, xs[0]); st != store.New {
		t.Errorf("first PutArticle = %v, want new", st)
	}
	if st := put(t, s, xs[0]); st != store.Unchanged {
		t.Errorf("second PutArticle = %v, want unchanged", st)
	}
	if ok, err := s.HasArticle(ctx, "a1", xs[0].Article.Hash); err != nil || !ok {
		t.Errorf("HasArticle(a1, hash) = %v, %v, want true", ok, err)
	}
	if ok, err := s.HasArticle(ctx, "a1", "other"); err != nil || ok {
		t.Errorf("HasArticle(a1, other) = %v, %v, want false", ok, err)
	}
	if ok, err := s.HasArticle(ctx, "nope", ""); err != nil || ok {
		t.Errorf("HasArticle(nope) = %v, %v, want false", ok, err)
	}
	changed := xs[0]
	changed.Article = article("a1", "China and Russia signed a deal.", day(2023, 3, 21))
	changed.Events = changed.Events[1:]
	if st := put(t, s, changed); st != store.Replaced {
		t.Errorf("PutArticle(changed) = %v, want replaced", st)
	}
	evs, err := s.Events(ctx, store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Relation != graph.SignAgreement {
		t.Errorf("Events after replace = %v, want only the sign_agreement", evs)
	}
	if _, ok := summary(t, s, xi.ID, graph.Visit, russia.ID); ok {
		t.Errorf("summary xi visit russia still present after its only article was replaced")
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Events != 1 || st.Sentences != 2 {
		t.Errorf("Stats after replace = %d articles, %d events, %d sentences, want 1, 1, 2", st.Articles, st.Events, st.Sentences)
	}
	if _, err := s.PutArticle(ctx, store.Extraction{}); err == nil {
		t.Errorf("PutArticle(no id) = nil error, want one")
	}
	mustVerify(t, s)
}

func testReplaceByOrigin(t *testing.T, s store.Store) {
	ctx := context.Background()
	x := base()[1]
	put(t, s, x)
	y := x
	y.Article = article("a2-renamed", "Russia attacked Ukraine.", day(2022, 2, 24))
	y.Article.Origin = x.Article.Origin
	y.Events = y.Events[:1]
	if st := put(t, s, y); st != store.Replaced {
		t.Errorf("PutArticle(same origin, new id) = %v, want replaced", st)
	}
	if _, err := s.Article(ctx, "a2"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(a2) after replace by origin: err = %v, want ErrNotFound", err)
	}
	if a, err := s.Article(ctx, "a2-renamed"); err != nil || a.Text != y.Article.Text {
		t.Errorf("Article(a2-renamed) = %+v, %v", a, err)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Events != 1 {
		t.Errorf("Stats = %d articles, %d events, want 1, 1", st.Articles, st.Events)
	}
	mustVerify(t, s)
}

func testSummariesAfterReplace(t *testing.T, s store.Store) {
	// Two articles state the same event; a third states it another day.
	mk := func(id, text string, d graph.Date, sentence string, m graph.Modality) store.Extraction {
		return store.Extraction{Article: article(id, text, day(2023, 1, 10)), Sentences: 1,
			Actors: []graph.Actor{china, usa},
			Events: []graph.Event{event(china.ID, graph.Trade, usa.ID, d, m, sentence)}}
	}
	put(t, s, mk("t1", "text one", day(2023, 1, 9), "China trades with the U.S.", graph.Asserted))
	put(t, s, mk("t2", "text two", day(2023, 1, 9), "The U.S. and China trade.", graph.Asserted))
	put(t, s, mk("t3", "text three", day(2023, 1, 5), "China will trade with the U.S.", graph.Intent))
	sum, ok := summary(t, s, china.ID, graph.Trade, usa.ID)
	if !ok {
		t.Fatal("no summary china trade usa")
	}
	if sum.Asserted != 2 || sum.Intent != 1 || sum.First != day(2023, 1, 5) || sum.Last != day(2023, 1, 9) || len(sum.Dates) != 2 {
		t.Errorf("summary = %+v, want 2 asserted, 1 intent, 2023-01-05..2023-01-09, 2 dates", sum)
	}
	if sum.Example.Article != "t1" || sum.ExTitle != "Title of t1" || sum.ExDate != day(2023, 1, 10) {
		t.Errorf("example = %+v (%q %v), want the first article's", sum.Example, sum.ExTitle, sum.ExDate)
	}
	// t1 changes and no longer states it: counts go down, the example moves.
	put(t, s, store.Extraction{Article: article("t1", "text one, corrected", day(2023, 1, 10)), Sentences: 1})
	sum, ok = summary(t, s, china.ID, graph.Trade, usa.ID)
	if !ok {
		t.Fatal("summary china trade usa gone after replacing one of three articles")
	}
	if sum.Asserted != 1 || sum.Intent != 1 {
		t.Errorf("summary after replace: asserted %d intent %d, want 1, 1", sum.Asserted, sum.Intent)
	}
	if sum.Example.Article != "t2" || sum.ExTitle != "Title of t2" {
		t.Errorf("example after replace = %+v, want t2's", sum.Example)
	}
	// t3 replaced: its date leaves the summary.
	put(t, s, store.Extraction{Article: article("t3", "nothing", day(2023, 1, 10)), Sentences: 1})
	sum, _ = summary(t, s, china.ID, graph.Trade, usa.ID)
	if sum.First != day(2023, 1, 9) || len(sum.Dates) != 1 || sum.Intent != 0 {
		t.Errorf("summary after second replace = %+v, want one date 2023-01-09, no intent", sum)
	}
	mustVerify(t, s)
}

func testReindex(t *testing.T, s store.Store) {
	x := base()[0]
	put(t, s, x)
	x.Events = x.Events[:1]
	if st := put(t, s, x); st != store.Unchanged {
		t.Errorf("PutArticle(same hash) = %v, want unchanged", st)
	}
	x.Reindex = true
	if st := put(t, s, x); st != store.Replaced {
		t.Errorf("PutArticle(same hash, reindex) = %v, want replaced", st)
	}
	evs, err := s.Events(context.Background(), store.EventQuery{})
	if err != nil || len(evs) != 1 {
		t.Errorf("Events after reindex = %d events (%v), want 1", len(evs), err)
	}
	mustVerify(t, s)
}

func testArticles(t *testing.T, s store.Store) {
	ctx := context.Background()
	load(t, s)
	a, err := s.Article(ctx, "a2")
	want := base()[1].Article
	if err != nil || a.Text != want.Text || a.Title != want.Title || a.Date != want.Date || a.Hash != want.Hash || a.Origin != want.Origin {
		t.Errorf("Article(a2) = %+v, %v, want %+v", a, err, want)
	}
	if _, err := s.Article(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(missing) err = %v, want ErrNotFound", err)
	}
	var ids []string
	if err := s.EachArticle(ctx, func(a graph.Article) error { ids = append(ids, a.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids, []string{"a1", "a2", "a3"}) {
		t.Errorf("EachArticle ids = %v, want [a1 a2 a3]", ids)
	}
	stop := errors.New("stop")
	if err := s.EachArticle(ctx, func(graph.Article) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("EachArticle err = %v, want the callback's", err)
	}
}

func testActorMerge(t *testing.T, s store.Store) {
	ctx := context.Background()
	first := graph.Actor{ID: xi.ID, Name: "Xi Jinping", Kind: graph.Person, Aliases: []string{"Xi"}}
	second := graph.Actor{ID: xi.ID, Name: "XI JINPING", Kind: graph.Person, Aliases: []string{"President Xi", "Xi"}}
	put(t, s, store.Extraction{Article: article("m1", "one", graph.Date{}), Actors: []graph.Actor{first}})
	put(t, s, store.Extraction{Article: article("m2", "two", graph.Date{}), Actors: []graph.Actor{second}})
	a, err := s.Actor(ctx, xi.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Xi Jinping" || !slices.Equal(a.Aliases, []string{"Xi", "President Xi"}) {
		t.Errorf("Actor(xi) = %+v, want name from the first writer and aliases [Xi President Xi]", a)
	}
	// An event end not described by the extraction is still an actor.
	put(t, s, store.Extraction{Article: article("m3", "three", graph.Date{}),
		Events: []graph.Event{event(xi.ID, graph.Meet, "person/nobody-known", graph.Date{}, graph.Asserted, "s")}})
	if _, err := s.Actor(ctx, "person/nobody-known"); err != nil {
		t.Errorf("Actor(bare event end): %v", err)
	}
	if _, err := s.Actor(ctx, "person/missing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Actor(missing) err = %v, want ErrNotFound", err)
	}
	mustVerify(t, s)
}

func testResolve(t *testing.T, s store.Store) {
	load(t, s)
	put(t, s, store.Extraction{Article: article("z", "Zoë", graph.Date{}), Actors: []graph.Actor{zoe}})
	tests := []struct {
		name string
		want []string
	}{
		{"country/CHN", []string{china.ID}},
		{"country/chn", []string{china.ID}},
		{"China", []string{china.ID}},
		{"china", []string{china.ID}},
		{"  BEIJING ", []string{china.ID}},
		{"P.R.C.", []string{china.ID}},
		{"Kremlin", []string{russia.ID}},
		{"the Kremlin", []string{russia.ID}},
		{"xi", []string{xi.ID}},
		{"Xi Jinping", []string{xi.ID}},
		{"zoe muller", []string{zoe.ID}},
		{"ZOË MÜLLER", []string{zoe.ID}},
		{"us", []string{usa.ID}},
		{"u.s.", []string{usa.ID}},
		{"nobody", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Resolve(context.Background(), tt.name)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range got {
				ids = append(ids, a.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("Resolve(%q) = %v, want %v", tt.name, ids, tt.want)
			}
		})
	}
	// Two actors sharing an alias are both returned.
	put(t, s, store.Extraction{Article: article("amb", "x", graph.Date{}),
		Actors: []graph.Actor{{ID: "person/xi-other", Name: "Xi Other", Kind: graph.Person, Aliases: []string{"Xi"}}}})
	got, err := s.Resolve(context.Background(), "Xi")
	if err != nil || len(got) != 2 {
		t.Errorf("Resolve(Xi) with two Xis = %v, %v, want 2 actors", got, err)
	}
}

func testActors(t *testing.T, s store.Store) {
	ctx := context.Background()
	load(t, s)
	all, err := s.Actors(ctx, store.ActorQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 6 {
		t.Fatalf("Actors() = %d actors, want 6", len(all))
	}
	if all[0].ID != russia.ID {
		t.Errorf("Actors()[0] = %s, want the most connected, Russia", all[0].ID)
	}
	for i := 1; i < len(all); i++ {
		if all[i].Degree > all[i-1].Degree {
			t.Errorf("Actors() not by degree: %s (%d) after %s (%d)", all[i].ID, all[i].Degree, all[i-1].ID, all[i-1].Degree)
		}
	}
	r := all[0]
	// Russia: visit(xi), sign(china), attack(ukraine), sanction(usa), criticize(nato) = 5 others.
	if r.Degree != 5 || r.Evidence != 6 || r.FirstDate != day(2022, 2, 24) || r.LastDate != graph.MonthDate(2023, 6) {
		t.Errorf("Actors() Russia = degree %d, evidence %d, %v..%v; want 5, 6, 2022-02-24..2023-06", r.Degree, r.Evidence, r.FirstDate, r.LastDate)
	}
	persons, err := s.Actors(ctx, store.ActorQuery{Kind: graph.Person})
	if err != nil || len(persons) != 1 || persons[0].ID != xi.ID {
		t.Errorf("Actors(kind person) = %v, %v, want [xi]", persons, err)
	}
	m, err := s.Actors(ctx, store.ActorQuery{Match: "kyiv"})
	if err != nil || len(m) != 1 || m[0].ID != ukraine.ID {
		t.Errorf("Actors(match kyiv) = %v, %v, want [ukraine]", m, err)
	}
	l, err := s.Actors(ctx, store.ActorQuery{Limit: 2})
	if err != nil || len(l) != 2 {
		t.Errorf("Actors(limit 2) = %d actors, %v", len(l), err)
	}
}

func ids(es []graph.Event) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s %s %s", e.Source, e.Relation, e.Target, e.Date))
	}
	return out
}

func testEvents(t *testing.T, s store.Store) {
	ctx := context.Background()
	load(t, s)
	tests := []struct {
		name string
		q    store.EventQuery
		want []string
	}{
		{"all newest first, undated last", store.EventQuery{}, []string{
			"person/xi-jinping visit country/RUS 2023-06",
			"org/nato criticize country/RUS 2023-05-01",
			"country/CHN sign_agreement country/RUS 2023-03-21",
			"person/xi-jinping visit country/RUS 2023-03-20",
			"country/RUS attack country/UKR 2022-02-24",
			"country/USA sanction country/RUS ",
			"person/xi-jinping leads country/CHN ",
		}},
		{"limit", store.EventQuery{Limit: 2}, []string{
			"person/xi-jinping visit country/RUS 2023-06",
			"org/nato criticize country/RUS 2023-05-01",
		}},
		{"negated included", store.EventQuery{Filter: graph.Filter{IncludeNegated: true, Relations: map[string]bool{graph.Criticize: true}}}, []string{
			"org/nato criticize country/RUS 2023-05-01",
			"country/CHN criticize country/USA 2023-04-30",
		}},
		{"since until", store.EventQuery{Filter: graph.Filter{Since: day(2023, 1, 1), Until: day(2023, 4, 1)}}, []string{
			"country/CHN sign_agreement country/RUS 2023-03-21",
			"person/xi-jinping visit country/RUS 2023-03-20",
		}},
		{"since a month", store.EventQuery{Filter: graph.Filter{Since: graph.MonthDate(2023, 6)}}, []string{
			"person/xi-jinping visit country/RUS 2023-06",
		}},
		{"from", store.EventQuery{From: []string{xi.ID}}, []string{
			"person/xi-jinping visit country/RUS 2023-06",
			"person/xi-jinping visit country/RUS 2023-03-20",
			"person/xi-jinping leads country/CHN ",
		}},
		{"from to", store.EventQuery{From: []string{russia.ID}, To: []string{ukraine.ID}}, []string{
			"country/RUS attack country/UKR 2022-02-24",
		}},
		{"directed: russia is not the source", store.EventQuery{From: []string{ukraine.ID}, To: []string{russia.ID}}, nil},
		{"either", store.EventQuery{From: []string{ukraine.ID}, To: []string{russia.ID}, Either: true}, []string{
			"country/RUS attack country/UKR 2022-02-24",
		}},
		{"symmetric matches both ways", store.EventQuery{From: []string{russia.ID}, To: []string{china.ID}}, []string{
			"country/CHN sign_agreement country/RUS 2023-03-21",
		}},
		{"to only, relation", store.EventQuery{To: []string{russia.ID}, Filter: graph.Filter{Relations: map[string]bool{graph.Visit: true}}, Limit: 1}, []string{
			"person/xi-jinping visit country/RUS 2023-06",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Events(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if g := ids(got); !slices.Equal(g, tt.want) {
				t.Errorf("Events(%+v) =\n%q\nwant\n%q", tt.q, g, tt.want)
			}
		})
	}
	got, _ := s.Events(ctx, store.EventQuery{From: []string{nato.ID}})
	if len(got) != 1 || len(got[0].Evidence) != 1 || got[0].Evidence[0].Article != "a3" || got[0].Evidence[0].Sentence != "NATO criticized Russia." {
		t.Errorf("Events(from nato) evidence = %+v, want article a3's sentence", got)
	}
}

func testSummaries(t *testing.T, s store.Store) {
	ctx := context.Background()
	load(t, s)
	count := func(dir store.Direction) int {
		ss, err := s.Summaries(ctx, russia.ID, dir)
		if err != nil {
			t.Fatal(err)
		}
		return len(ss)
	}
	// Russia is source of attack; sign_agreement (CHN<RUS) has it as target.
	if got := count(store.Out); got != 1 {
		t.Errorf("Summaries(russia, out) = %d, want 1", got)
	}
	if got := count(store.In); got != 4 {
		t.Errorf("Summaries(russia, in) = %d, want 4", got)
	}
	if got := count(store.Both); got != 5 {
		t.Errorf("Summaries(russia, both) = %d, want 5", got)
	}
	sum, ok := summary(t, s, xi.ID, graph.Leads, china.ID)
	if !ok || sum.Role != "President" {
		t.Errorf("summary xi leads china = %+v, want role President", sum)
	}
	sum, _ = summary(t, s, xi.ID, graph.Visit, russia.ID)
	if sum.Asserted != 1 || sum.Intent != 1 || sum.Example.Article != "a1" {
		t.Errorf("summary xi visit russia = %+v, want 1 asserted, 1 intent, example from a1", sum)
	}
}

func nodeIDs(g *graph.Graph) []string {
	var out []string
	for _, a := range g.Actors() {
		out = append(out, a.ID)
	}
	slices.Sort(out)
	return out
}

func testSubgraph(t *testing.T, s store.Store) {
	ctx := context.Background()
	load(t, s)
	tests := []struct {
		name    string
		centres []string
		depth   int
		f       graph.Filter
		nodes   []string
		edges   int
	}{
		{"everything", nil, 0, graph.Filter{}, []string{"country/CHN", "country/RUS", "country/UKR", "country/USA", "org/nato", "person/xi-jinping"}, 6},
		{"everything with negated", nil, 0, graph.Filter{IncludeNegated: true}, []string{"country/CHN", "country/RUS", "country/UKR", "country/USA", "org/nato", "person/xi-jinping"}, 7},
		{"depth 0", []string{ukraine.ID}, 0, graph.Filter{}, []string{"country/UKR"}, 0},
		{"depth 1", []string{ukraine.ID}, 1, graph.Filter{}, []string{"country/RUS", "country/UKR"}, 1},
		{"depth 2", []string{ukraine.ID}, 2, graph.Filter{}, []string{"country/CHN", "country/RUS", "country/UKR", "country/USA", "org/nato", "person/xi-jinping"}, 6},
		{"depth 2 attack only", []string{ukraine.ID}, 2, graph.Filter{Relations: map[string]bool{graph.Attack: true}}, []string{"country/RUS", "country/UKR"}, 1},
		{"depth 1 since 2023", []string{russia.ID}, 1, graph.Filter{Since: graph.YearDate(2023)}, []string{"country/CHN", "country/RUS", "org/nato", "person/xi-jinping"}, 4}, // with xi leads china: affiliations are undated states
		{"two centres", []string{ukraine.ID, nato.ID}, 0, graph.Filter{}, []string{"country/UKR", "org/nato"}, 0},
		{"min evidence", []string{russia.ID}, 1, graph.Filter{MinEvidence: 2}, []string{"country/RUS", "person/xi-jinping"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := s.Subgraph(ctx, tt.centres, tt.depth, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := nodeIDs(g); !slices.Equal(got, tt.nodes) {
				t.Errorf("Subgraph(%v, %d) nodes = %v, want %v", tt.centres, tt.depth, got, tt.nodes)
			}
			if _, e := g.Len(); e != tt.edges {
				t.Errorf("Subgraph(%v, %d) edges = %d, want %d", tt.centres, tt.depth, e, tt.edges)
			}
			for _, a := range g.Actors() {
				if a.Name == "" || a.Name == a.ID {
					t.Errorf("Subgraph node %s has no name", a.ID)
				}
			}
		})
	}
	if _, err := s.Subgraph(ctx, []string{"country/XXX"}, 1, graph.Filter{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Subgraph(unknown centre) err = %v, want ErrNotFound", err)
	}
}

// testWholeGraph checks that WholeGraph reads the actors and summaries of
// Subgraph with no centres, in the same order, and the same on every pass.
func testWholeGraph(t *testing.T, s store.Store) {
	ctx := context.Background()
	load(t, s)
	for _, f := range []graph.Filter{
		{},
		{IncludeNegated: true},
		{Relations: map[string]bool{graph.Attack: true, graph.Leads: true}},
		{Since: graph.YearDate(2023)},
	} {
		g, err := s.Subgraph(ctx, nil, 0, f)
		if err != nil {
			t.Fatal(err)
		}
		err = s.WholeGraph(ctx, f, func(src graph.Source) error {
			if got, want := src.Actors(), g.Actors(); !reflect.DeepEqual(got, want) {
				t.Errorf("WholeGraph(%+v) actors = %v, want those of Subgraph: %v", f, got, want)
			}
			for pass := 1; pass <= 2; pass++ {
				var got []graph.Summary
				if err := src.EachSummary(func(s *graph.Summary) error {
					c := *s
					c.Dates = slices.Clone(s.Dates) // the source's, which it may reuse
					got = append(got, c)
					return nil
				}); err != nil {
					return err
				}
				if want := g.Summaries(); !reflect.DeepEqual(got, want) {
					t.Errorf("WholeGraph(%+v) pass %d summaries =\n%v\nwant those of Subgraph:\n%v", f, pass, got, want)
				}
			}
			return nil
		})
		if err != nil {
			t.Errorf("WholeGraph(%+v) error: %v", f, err)
		}
	}

	stop := errors.New("stop")
	err := s.WholeGraph(ctx, graph.Filter{}, func(src graph.Source) error {
		n := 0
		err := src.EachSummary(func(*graph.Summary) error { n++; return stop })
		if n != 1 {
			t.Errorf("EachSummary went on after an error: %d calls", n)
		}
		return err
	})
	if !errors.Is(err, stop) {
		t.Errorf("WholeGraph error = %v, want the error of its function", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.WholeGraph(cancelled, graph.Filter{}, func(graph.Source) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("WholeGraph(cancelled) error = %v, want %v", err, context.Canceled)
	}
}

func testStats(t *testing.T, s store.Store) {
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != 0 || st.Events != 0 {
		t.Errorf("Stats(empty) = %+v, %v", st, err)
	}
	load(t, s)
	st, err = s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 || st.Sentences != 6 || st.Events != 8 || st.Evidence != 8 || st.Actors != 6 {
		t.Errorf("Stats = %d articles, %d sentences, %d events, %d evidence, %d actors; want 3, 6, 8, 8, 6",
			st.Articles, st.Sentences, st.Events, st.Evidence, st.Actors)
	}
	if st.ActorsByKind["country"] != 4 || st.ActorsByKind["person"] != 1 || st.ActorsByKind["organization"] != 1 {
		t.Errorf("Stats.ActorsByKind = %v", st.ActorsByKind)
	}
	if st.EventsByRelation[graph.Visit] != 2 || st.EventsByRelation[graph.Criticize] != 2 || st.EventsByRelation[graph.Leads] != 1 {
		t.Errorf("Stats.EventsByRelation = %v", st.EventsByRelation)
	}
	if st.FirstDate != day(2022, 2, 24) || st.LastDate != graph.MonthDate(2023, 6) {
		t.Errorf("Stats dates = %v..%v, want 2022-02-24..2023-06", st.FirstDate, st.LastDate)
	}
}

func testVerify(t *testing.T, s store.Store) {
	mustVerify(t, s)
	load(t, s)
	mustVerify(t, s)
	for _, x := range base() {
		x.Article.Text += " more"
		x.Article.Hash = ""
		put(t, s, x)
	}
	mustVerify(t, s)
}

// testExamplePrefersAssertion checks that a summary's example sentence is
// one that states the relation, not a denial, once one is stored.
func testExamplePrefersAssertion(t *testing.T, s store.Store) {
	a := article("deny", "Beijing denied selling oil to North Korea.", day(2017, 12, 29))
	put(t, s, store.Extraction{Article: a,
		Actors: []graph.Actor{{ID: "country/CHN", Name: "China", Kind: graph.Country}, {ID: "country/PRK", Name: "North Korea", Kind: graph.Country}},
		Events: []graph.Event{event("country/CHN", graph.Trade, "country/PRK", graph.Date{}, graph.Negated, "Beijing denied selling oil to North Korea.")}})
	b := article("sell", "China sold oil to North Korea in 2016.", day(2018, 1, 5))
	put(t, s, store.Extraction{Article: b,
		Actors: []graph.Actor{{ID: "country/CHN", Name: "China", Kind: graph.Country}, {ID: "country/PRK", Name: "North Korea", Kind: graph.Country}},
		Events: []graph.Event{event("country/CHN", graph.Trade, "country/PRK", graph.YearDate(2016), graph.Asserted, "China sold oil to North Korea in 2016.")}})
	sum, ok := summary(t, s, "country/CHN", graph.Trade, "country/PRK")
	if !ok {
		t.Fatal("no summary for China trade North Korea")
	}
	if sum.Example.Sentence != "China sold oil to North Korea in 2016." {
		t.Errorf("summary example = %q, want the asserted sentence", sum.Example.Sentence)
	}
	mustVerify(t, s)
}
