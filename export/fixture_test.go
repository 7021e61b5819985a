package export

import (
	"time"

	"github.com/diplograph/diplograph/graph"
)

// Hostile names: markup, quotes, line breaks and tabs, other scripts, an
// emoji, a name that already looks quoted, one that looks like an HTML label
// to Graphviz, and control characters that XML 1.0 forbids.
const (
	evilName    = `<Evil> & "Quoted"`
	cyrName     = "Си Цзиньпин"
	hanName     = "習近平"
	emojiName   = "Peace 🕊️ Forum"
	lineName    = "Line one\nline\ttwo 'single'"
	quotedName  = `"Quoted"`
	htmlName    = "<b>bold</b>"
	controlName = "Bell\x07 Esc\x1b Null\x00 end"

	hostileSentence = "He said \"<b>yes</b>\" & left;\n\tthen \\N returned -- 習近平 🙂 <!-- not a comment -->"
)

func day(y int, m time.Month, d int) graph.Date { return graph.DayDate(y, m, d) }

// fixture returns a graph shaped like the seed article's: Xi Jinping leads
// China, Xi meets Mikhail Mishustin, China trades with Russia on several
// dates, Russia attacks Ukraine, a negated edge, affiliations, undated
// edges, and actors with hostile names.
func fixture() *graph.Graph {
	g := graph.New()
	for _, a := range []graph.Actor{
		{ID: "country/CHN", Name: "China", Kind: graph.Country, Country: "CHN"},
		{ID: "country/RUS", Name: "Russia", Kind: graph.Country, Country: "RUS"},
		{ID: "country/UKR", Name: "Ukraine", Kind: graph.Country, Country: "UKR"},
		{ID: "country/USA", Name: "United States", Kind: graph.Country, Country: "USA"},
		{ID: "person/xi-jinping", Name: "Xi Jinping", Kind: graph.Person},
		{ID: "person/mikhail-mishustin", Name: "Mikhail Mishustin", Kind: graph.Person},
		{ID: "person/ryan-hass", Name: "Ryan Hass", Kind: graph.Person},
		{ID: "org/brookings-institution", Name: "Brookings Institution", Kind: graph.Organization},
		{ID: "org/nato", Name: "NATO", Kind: graph.Organization},
		{ID: "bloc/the-west", Name: "the West", Kind: graph.Bloc},
		{ID: "person/evil-quoted", Name: evilName, Kind: graph.Person},
		{ID: "person/си-цзиньпин", Name: cyrName, Kind: graph.Person},
		{ID: "person/習近平", Name: hanName, Kind: graph.Person},
		{ID: "org/peace-forum", Name: emojiName, Kind: graph.Organization},
		{ID: "person/line-one", Name: lineName, Kind: graph.Person},
		{ID: "person/quoted", Name: quotedName, Kind: graph.Person},
		{ID: "org/bold", Name: htmlName, Kind: graph.Organization},
		{ID: "person/bell", Name: controlName, Kind: graph.Person},
		{ID: "person/nobody", Name: "Nobody Connected", Kind: graph.Person},
	} {
		g.AddActor(a)
	}
	ev := func(article, sentence string) graph.Evidence {
		return graph.Evidence{Article: article, Sentence: sentence, Offset: 0}
	}
	const seed = "xi-mishustin-2023-05-24"
	for _, s := range []graph.Summary{
		{Source: "person/xi-jinping", Relation: graph.Leads, Target: "country/CHN", Asserted: 2, Role: "President",
			Example: ev(seed, "Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday.")},
		{Source: "person/mikhail-mishustin", Relation: graph.Leads, Target: "country/RUS", Asserted: 1, Role: "Prime Minister",
			First: day(2023, 5, 24), Last: day(2023, 5, 24), Dates: []graph.Date{day(2023, 5, 24)},
			Example: ev(seed, "Russian Prime Minister Mikhail Mishustin arrived in Beijing.")},
		{Source: "person/mikhail-mishustin", Relation: graph.Meet, Target: "person/xi-jinping", Asserted: 2,
			First: day(2023, 5, 24), Last: day(2023, 5, 24), Dates: []graph.Date{day(2023, 5, 24)},
			Example: ev(seed, "Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday.")},
		{Source: "country/CHN", Relation: graph.Trade, Target: "country/RUS", Asserted: 4, Intent: 1,
			First: graph.YearDate(2022), Last: day(2023, 5, 24),
			Dates:   []graph.Date{graph.YearDate(2022), day(2022, 12, 30), graph.MonthDate(2023, 3), day(2023, 5, 24)},
			Example: ev(seed, "Trade between Russia and China reached a record $190 billion last year.")},
		{Source: "country/RUS", Relation: graph.Attack, Target: "country/UKR", Asserted: 3,
			First: day(2022, 2, 24), Last: day(2022, 2, 24), Dates: []graph.Date{day(2022, 2, 24)},
			Example: ev(seed, "Russia invaded Ukraine on Feb. 24, 2022.")},
		{Source: "country/CHN", Relation: graph.Aid, Target: "country/RUS", Negated: 1,
			First: graph.MonthDate(2023, 5), Last: graph.MonthDate(2023, 5), Dates: []graph.Date{graph.MonthDate(2023, 5)},
			Example: ev(seed, "China has not supplied weapons to Russia.")},
		{Source: "country/USA", Relation: graph.Criticize, Target: "country/CHN", Asserted: 1, Negated: 1,
			First: graph.MonthDate(2023, 5), Last: graph.MonthDate(2023, 5), Dates: []graph.Date{graph.MonthDate(2023, 5)},
			Example: ev(seed, "Washington criticized Beijing's stance on the war.")},
		{Source: "bloc/the-west", Relation: graph.Sanction, Target: "country/RUS", Asserted: 2,
			First: graph.MonthDate(2022, 3), Last: graph.YearDate(2023), Dates: []graph.Date{graph.MonthDate(2022, 3), graph.YearDate(2023)},
			Example: ev(seed, "Western sanctions have pushed Moscow closer to Beijing.")},
		{Source: "country/UKR", Relation: graph.Appeal, Target: "org/nato", Asserted: 1,
			Example: ev(seed, "Kyiv has urged NATO to act.")},
		{Source: "person/ryan-hass", Relation: graph.AffiliatedWith, Target: "org/brookings-institution", Asserted: 1, Role: "senior fellow",
			Example: ev(seed, "Ryan Hass, a senior fellow at the Brookings Institution, said ...")},
		{Source: "person/evil-quoted", Relation: graph.Praise, Target: "person/си-цзиньпин", Asserted: 1,
			First: day(2023, 5, 25), Last: day(2023, 5, 25), Dates: []graph.Date{day(2023, 5, 25)},
			Example: ev("evil<article>&", hostileSentence)},
		{Source: "org/peace-forum", Relation: graph.Meet, Target: "person/習近平", Asserted: 1,
			Example: ev("emoji", "習近平 met the Peace 🕊️ Forum.")},
		{Source: "person/line-one", Relation: graph.Criticize, Target: "person/quoted", Asserted: 1,
			Example: ev("lines", "Line one\r\nline two")},
		{Source: "org/bold", Relation: graph.Support, Target: "person/bell", Asserted: 1,
			Example: ev("ctl", "Bell\x07 rang")},
	} {
		g.AddSummary(s)
	}
	return g
}
