package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

// Actors of the query fixture, shaped like the seed article's graph.
var (
	qXi        = graph.Actor{ID: "person/xi-jinping", Name: "Xi Jinping", Kind: graph.Person, Aliases: []string{"Xi", "Chinese President Xi Jinping"}}
	qMishustin = graph.Actor{ID: "person/mikhail-mishustin", Name: "Mikhail Mishustin", Kind: graph.Person, Aliases: []string{"Mishustin"}}
	qChina     = graph.Actor{ID: "country/CHN", Name: "China", Kind: graph.Country, Country: "CHN", Aliases: []string{"Beijing", "PRC", "Chinese"}}
	qRussia    = graph.Actor{ID: "country/RUS", Name: "Russia", Kind: graph.Country, Country: "RUS", Aliases: []string{"Moscow", "the Kremlin"}}
	qUkraine   = graph.Actor{ID: "country/UKR", Name: "Ukraine", Kind: graph.Country, Country: "UKR", Aliases: []string{"Kyiv"}}
	qUSA       = graph.Actor{ID: "country/USA", Name: "United States", Kind: graph.Country, Country: "USA", Aliases: []string{"U.S.", "Washington"}}
	qSouth     = graph.Actor{ID: "country/KOR", Name: "South Korea", Kind: graph.Country, Country: "KOR", Aliases: []string{"Seoul", "Korea"}}
	qNorth     = graph.Actor{ID: "country/PRK", Name: "North Korea", Kind: graph.Country, Country: "PRK", Aliases: []string{"Pyongyang", "Korea"}}
	qZoe       = graph.Actor{ID: "person/zoe-muller", Name: "Zoë Müller", Kind: graph.Person}
	qOPEC      = graph.Actor{ID: "org/opec", Name: "OPEC", Kind: graph.Organization}
)

func qEvent(src graph.Actor, rel string, dst graph.Actor, d string, m graph.Modality, role string, sentences ...string) graph.Event {
	date, err := graph.ParseDate(d)
	if err != nil {
		panic(err)
	}
	e := graph.Event{Source: src.ID, Relation: rel, Target: dst.ID, Date: date, Modality: m, Role: role, Confidence: 0.9}
	for i, s := range sentences {
		e.Evidence = append(e.Evidence, graph.Evidence{Sentence: s, Offset: i * 100})
	}
	return e.Canonical()
}

func qArticle(id, title, date, text string) graph.Article {
	d, err := graph.ParseDate(date)
	if err != nil {
		panic(err)
	}
	return graph.Article{ID: id, Title: title, Date: d, Text: text, Origin: id + ".txt", Hash: graph.ContentHash(title, date, text)}
}

// queryFixture returns the extractions of the query tests: the seed
// article's graph (Xi Jinping leads China; Xi meets Mikhail Mishustin, who
// leads Russia; China trades with Russia; Russia attacks Ukraine), a US
// article, the two Koreas (which share the alias "Korea"), and an actor
// with accents tied to OPEC, apart from the rest.
func queryFixture() []store.Extraction {
	seed := "Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday. Xi and Mishustin discussed trade. China and Russia trade energy. China did not support Russia's war. Russia invaded Ukraine last year."
	us := "The U.S. sent aid to Ukraine. Washington criticized Beijing."
	korea := "South Korea's president met North Korea's leader."
	zoe := "Zoë Müller met OPEC officials."
	return []store.Extraction{
		{Article: qArticle("seed-moscowtimes-2023-05-24", "Xi Meets Russian PM Mishustin", "2023-05-24", seed), Sentences: 5,
			Actors: []graph.Actor{qXi, qMishustin, qChina, qRussia, qUkraine},
			Events: []graph.Event{
				qEvent(qXi, graph.Leads, qChina, "", graph.Asserted, "President", "Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday."),
				qEvent(qMishustin, graph.Leads, qRussia, "", graph.Asserted, "Prime Minister", "Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday."),
				qEvent(qXi, graph.Meet, qMishustin, "2023-05-24", graph.Asserted, "", "Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday.", "Xi and Mishustin discussed trade."),
				qEvent(qChina, graph.Trade, qRussia, "2023-05", graph.Asserted, "", "China and Russia trade energy."),
				qEvent(qChina, graph.Support, qRussia, "2023-05-24", graph.Negated, "", "China did not support Russia's war."),
				qEvent(qRussia, graph.Attack, qUkraine, "2022-02-24", graph.Asserted, "", "Russia invaded Ukraine last year."),
			}},
		{Article: qArticle("us-2022", "US aids Ukraine", "2022-03-01", us), Sentences: 2,
			Actors: []graph.Actor{qUSA, qUkraine, qChina},
			Events: []graph.Event{
				qEvent(qUSA, graph.Aid, qUkraine, "2022-03-01", graph.Asserted, "", "The U.S. sent aid to Ukraine."),
				qEvent(qUSA, graph.Criticize, qChina, "2022-03-01", graph.Asserted, "", "Washington criticized Beijing."),
			}},
		{Article: qArticle("korea-2018", "Koreas meet", "2018-04-27", korea), Sentences: 1,
			Actors: []graph.Actor{qSouth, qNorth},
			Events: []graph.Event{qEvent(qSouth, graph.Meet, qNorth, "2018-04-27", graph.Asserted, "", korea)}},
		{Article: qArticle("opec-1987", "OPEC talks", "1987-06-01", zoe), Sentences: 1,
			Actors: []graph.Actor{qZoe, qOPEC},
			Events: []graph.Event{qEvent(qZoe, graph.Meet, qOPEC, "1987-06", graph.Asserted, "", zoe)}},
	}
}

// queryStore writes the fixture into a store on disk and returns its folder.
func queryStore(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	for _, x := range queryFixture() {
		if _, err := st.PutArticle(context.Background(), x); err != nil {
			t.Fatalf("PutArticle(%s): %v", x.Article.ID, err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runQuery runs the CLI on the store in dir and returns its exit code,
// stdout and stderr.
func runQuery(t testing.TB, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := newApp(strings.NewReader(""), &out, &errb)
	a.Getenv = func(string) string { return "" }
	a.Now = func() time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) }
	code := run(context.Background(), append([]string{"--store", dir}, args...), a)
	return code, out.String(), errb.String()
}

func TestResolveNames(t *testing.T) {
	dir := queryStore(t)
	tests := []struct {
		name     string
		code     int
		contains []string // in stdout (success) or stderr (failure)
	}{
		{"country/CHN", 0, []string{"China", "country/CHN"}},
		{"Xi Jinping", 0, []string{"person/xi-jinping"}},
		{"xi", 0, []string{"person/xi-jinping"}},
		{"the Kremlin", 0, []string{"country/RUS"}},
		{"KREMLIN", 0, []string{"country/RUS"}},
		{"PRC", 0, []string{"country/CHN"}},
		{"zoe muller", 0, []string{"person/zoe-muller"}},
		{"Korea", 2, []string{"ambiguous", "country/KOR", "country/PRK", "South Korea", "North Korea", "country"}},
		{"Mishustn", 2, []string{"unknown actor", "did you mean", "Mikhail Mishustin", "person/mikhail-mishustin"}},
		{"Ukrane", 2, []string{"unknown actor", "Ukraine"}},
		{"Atlantis", 2, []string{"unknown actor", "Atlantis"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runQuery(t, dir, "entity", tc.name)
			if code != tc.code {
				t.Fatalf("entity %q: exit %d, want %d; stderr: %s", tc.name, code, tc.code, errs)
			}
			text := out
			if code != 0 {
				text = errs
			}
			for _, want := range tc.contains {
				if !strings.Contains(text, want) {
					t.Errorf("entity %q: output lacks %q:\n%s", tc.name, want, text)
				}
			}
		})
	}
}

func TestFilterFlags(t *testing.T) {
	dir := queryStore(t)
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"path", "Xi", "Ukraine", "--relation", "hug"}, "unknown relation"},
		{[]string{"path", "Xi", "Ukraine", "--since", "2023-13"}, "--since"},
		{[]string{"path", "Xi", "Ukraine", "--since", "2024", "--until", "2023"}, "after --until"},
		{[]string{"path", "Xi", "Ukraine", "--k", "0"}, "--k"},
		{[]string{"path", "Xi", "Ukraine", "--max-hops", "11"}, "--max-hops"},
		{[]string{"path", "Xi", "Xi Jinping"}, "same actor"},
		{[]string{"path", "Xi"}, "accepts 2 arg"},
		{[]string{"neighbors", "Xi", "--direction", "up"}, "--direction"},
		{[]string{"neighbors", "Xi", "--depth", "0"}, "--depth"},
		{[]string{"entities", "--kind", "planet"}, "--kind"},
		{[]string{"events", "--limit", "-1"}, "--limit"},
		{[]string{"events", "--from", ""}, ""},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, errs := runQuery(t, dir, tc.args...)
			if tc.want == "" {
				if code != 0 {
					t.Errorf("%v: exit %d, want 0; stderr: %s", tc.args, code, errs)
				}
				return
			}
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, errs, tc.want)
			}
		})
	}
}

func TestNoStore(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range [][]string{{"path", "a", "b"}, {"neighbors", "a"}, {"entity", "a"}, {"entities"}, {"events"}} {
		code, _, errs := runQuery(t, dir, cmd...)
		if code != 2 || !strings.Contains(errs, "no store") {
			t.Errorf("%v on an empty folder: exit %d, stderr %q; want exit 2 and a 'no store' message", cmd, code, errs)
		}
	}
}

func TestTable(t *testing.T) {
	for _, tty := range []bool{false, true} {
		var b bytes.Buffer
		tb := &table{w: &b, tty: tty, header: []string{"ID", "NAME"}}
		tb.limit(1, 8)
		tb.row("country/CHN", "China")
		tb.row("org/un", "United\tNations Organization")
		if err := tb.flush(); err != nil {
			t.Fatal(err)
		}
		want := "country/CHN\tChina\norg/un\tUnited Nations Organization\n"
		if tty {
			want = "ID           NAME\ncountry/CHN  China\norg/un       United…\n"
		}
		if b.String() != want {
			t.Errorf("table (tty %v) =\n%q\nwant\n%q", tty, b.String(), want)
		}
	}
}
