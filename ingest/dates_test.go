package ingest

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
)

// dtExprDates formats the expressions of s as "Text=date" resolved against
// article, for comparison with a table.
func dtExprDates(s string, article graph.Date, future bool) []string {
	var out []string
	for _, e := range FindTimeExprs(s) {
		out = append(out, e.Text+"="+e.Resolve(article, future).String())
	}
	return out
}

func dtMustDate(t testing.TB, s string) graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestResolveTimeExprs(t *testing.T) {
	// Weekdays of the article dates used below: 1987-03-26 Thursday,
	// 1987-03-29 Sunday, 2023-05-24 Wednesday, 1987-01-05 Monday,
	// 1987-06-03 Wednesday, 1987-03-02 Monday, 1986-12-28 Sunday.
	tests := []struct {
		name    string
		article string // "" for no article date
		future  bool
		s       string
		want    []string // "Text=date"
	}{
		// Explicit dates.
		{"month day year", "1987-03-26", false, "They met on March 21, 2023 in Moscow.", []string{"March 21, 2023=2023-03-21"}},
		{"month day year no comma", "1987-03-26", false, "They met on March 21 2023.", []string{"March 21 2023=2023-03-21"}},
		{"day month year", "1987-03-26", false, "They met on 21 March 2023.", []string{"21 March 2023=2023-03-21"}},
		{"iso", "1987-03-26", false, "The talks (2023-05-24) ended.", []string{"2023-05-24=2023-05-24"}},
		{"leap day with year", "1987-03-26", false, "signed on Feb. 29, 1988", []string{"Feb. 29, 1988=1988-02-29"}},
		{"weekday and date", "1987-03-26", false, "on Wednesday, March 21, 2023, Xi said", []string{"Wednesday, March 21, 2023=2023-03-21"}},
		{"weekday and month day", "1987-03-26", false, "on Tuesday, March 24 he said", []string{"Tuesday, March 24=1987-03-24"}},
		{"ordinal", "1987-03-26", false, "talks on Sept 3rd", []string{"Sept 3rd=1986-09-03"}},
		// Month and day without a year.
		{"feb 26 past", "1987-03-26", false, "SALVADOR, Feb 26 - showers", []string{"Feb 26=1987-02-26"}},
		{"feb. 26 past", "1987-03-26", false, "on Feb. 26 the talks", []string{"Feb. 26=1987-02-26"}},
		{"dec 15 past", "1987-03-26", false, "He visited Bonn on Dec 15.", []string{"Dec 15=1986-12-15"}},
		{"dec 15 future", "1987-03-26", true, "He will visit Bonn on Dec 15.", []string{"Dec 15=1987-12-15"}},
		{"on dec. 20", "1987-03-26", false, "signed on Dec. 20", []string{"Dec. 20=1986-12-20"}},
		{"article day past", "1987-03-26", false, "on March 26", []string{"March 26=1987-03-26"}},
		{"article day future", "1987-03-26", true, "on March 26", []string{"March 26=1987-03-26"}},
		{"day after article past", "1987-03-26", false, "on March 27", []string{"March 27=1986-03-27"}},
		{"day before article future", "1987-03-26", true, "on March 25", []string{"March 25=1988-03-25"}},
		{"april 2 future", "1987-03-26", true, "will meet on April 2", []string{"April 2=1987-04-02"}},
		{"day month", "1987-03-26", false, "met on 12 March", []string{"12 March=1987-03-12"}},
		{"may with day", "1987-03-26", true, "May 5 is the date", []string{"May 5=1987-05-05"}},
		{"feb 29 past", "1987-03-26", false, "on Feb 29", []string{"Feb 29=1984-02-29"}},
		{"feb 29 future", "1987-03-26", true, "on Feb 29", []string{"Feb 29=1988-02-29"}},
		{"feb 29 leap article", "1988-03-01", false, "on Feb 29", []string{"Feb 29=1988-02-29"}},
		{"year boundary month day", "1987-01-05", false, "on Dec. 30", []string{"Dec. 30=1986-12-30"}},
		{"year boundary month day future", "1986-12-28", true, "on Jan. 3", []string{"Jan. 3=1987-01-03"}},
		// Month names.
		{"in october past", "1987-03-26", false, "relations were broken off in October", []string{"October=1986-10"}},
		{"in october future", "1987-03-26", true, "talks will be held in October", []string{"October=1987-10"}},
		{"in march past", "1987-03-26", false, "met in March", []string{"March=1987-03"}},
		{"in march future", "1987-03-26", true, "will meet in March", []string{"March=1987-03"}},
		{"last october", "1987-03-26", false, "broken off by London last October", []string{"last October=1986-10"}},
		{"last october future", "1987-03-26", true, "last October", []string{"last October=1986-10"}},
		{"last march", "1987-03-26", false, "since last March", []string{"last March=1986-03"}},
		{"this march", "1987-03-26", false, "this March", []string{"this March=1987-03"}},
		{"next march", "1987-03-26", true, "next March", []string{"next March=1988-03"}},
		{"next october", "1987-03-26", true, "next October", []string{"next October=1987-10"}},
		{"last december year boundary", "1987-01-05", false, "talks last December", []string{"last December=1986-12"}},
		{"in december year boundary", "1987-01-05", false, "talks in December", []string{"December=1986-12"}},
		{"early january", "1987-02-26", false, "the drought since early January", []string{"early January=1987-01"}},
		{"mid-march", "1987-03-26", false, "in mid-March", []string{"mid-March=1987-03"}},
		{"end-march", "1987-03-26", true, "by end-March", []string{"end-March=1987-03"}},
		{"late march", "1987-03-26", false, "in late March", []string{"late March=1987-03"}},
		{"in may", "1987-03-26", false, "Reagan visited in May", []string{"May=1986-05"}},
		{"In May", "1987-03-26", false, "In May, Reagan visited", []string{"May=1986-05"}},
		{"month year", "1987-03-26", false, "in March 2023", []string{"March 2023=2023-03"}},
		{"in november 1985", "1987-03-26", false, "the summit in November 1985", []string{"November 1985=1985-11"}},
		{"last month year", "1987-03-26", false, "since last November 1985", []string{"last November 1985=1985-11"}},
		// Years.
		{"in 1985", "1987-03-26", false, "output rose in 1985.", []string{"1985=1985"}},
		{"in 2016,", "2023-05-24", false, "In 2016, they met.", []string{"2016=2016"}},
		{"since", "2023-05-24", false, "the first since 2016", []string{"2016=2016"}},
		{"during", "1987-03-26", false, "during 1986 exports fell", []string{"1986=1986"}},
		{"by year", "1987-03-26", true, "by 1990 the plant will", []string{"1990=1990"}},
		{"mid-2016", "2023-05-24", false, "in mid-2016", []string{"mid-2016=2016"}},
		{"early 2017", "2023-05-24", false, "in early 2017", []string{"early 2017=2017"}},
		{"late 1986", "1987-03-26", false, "late 1986", []string{"late 1986=1986"}},
		{"end-1986", "1987-03-26", false, "at end-1986", []string{"end-1986=1986"}},
		{"of year", "1987-03-26", false, "the first quarter of 1987", []string{"1987=1987"}},
		{"from to", "1987-03-26", false, "from 1985 to 1987", []string{"1985=1985"}},
		// Weekdays.
		{"wednesday past", "1987-03-26", false, "Shultz met Shevardnadze on Wednesday.", []string{"Wednesday=1987-03-25"}},
		{"wednesday future", "1987-03-26", true, "Shultz will meet Shevardnadze on Wednesday.", []string{"Wednesday=1987-04-01"}},
		{"own weekday past", "2023-05-24", false, "Xi met Mishustin on Wednesday.", []string{"Wednesday=2023-05-24"}},
		{"own weekday future", "2023-05-24", true, "Xi will meet Mishustin on Wednesday.", []string{"Wednesday=2023-05-24"}},
		{"monday in sunday article", "1987-03-29", false, "on Monday", []string{"Monday=1987-03-23"}},
		{"monday in sunday article future", "1987-03-29", true, "on Monday", []string{"Monday=1987-03-30"}},
		{"bare weekday", "1987-03-26", false, "Tuesday the talks ended", []string{"Tuesday=1987-03-24"}},
		{"weekday night", "1987-03-26", false, "talks Tuesday night", []string{"Tuesday night=1987-03-24"}},
		{"late weekday", "1987-03-26", false, "said late Monday", []string{"late Monday=1987-03-23"}},
		{"possessive weekday", "1987-03-26", false, "Monday's meeting", []string{"Monday=1987-03-23"}},
		{"from friday", "1987-03-26", true, "to take effect from Friday", []string{"Friday=1987-03-27"}},
		{"last own weekday", "1987-03-26", false, "last Thursday", []string{"last Thursday=1987-03-19"}},
		{"next own weekday", "1987-03-26", true, "next Thursday", []string{"next Thursday=1987-04-02"}},
		{"this own weekday", "1987-03-26", false, "this Thursday", []string{"this Thursday=1987-03-26"}},
		{"last friday", "1987-03-26", false, "last Friday", []string{"last Friday=1987-03-20"}},
		{"next friday", "1987-03-26", true, "next Friday", []string{"next Friday=1987-03-27"}},
		{"weekday year boundary", "1987-01-05", false, "on Friday", []string{"Friday=1987-01-02"}},
		{"weekday month boundary", "1987-03-02", false, "on Saturday", []string{"Saturday=1987-02-28"}},
		// Relative days.
		{"yesterday", "1987-03-26", false, "said yesterday", []string{"yesterday=1987-03-25"}},
		{"Today", "1987-03-26", false, "Today's talks", []string{"Today=1987-03-26"}},
		{"tonight", "1987-03-26", true, "will meet tonight", []string{"tonight=1987-03-26"}},
		{"this morning", "1987-03-26", false, "this morning", []string{"this morning=1987-03-26"}},
		{"this afternoon", "1987-03-26", false, "this afternoon", []string{"this afternoon=1987-03-26"}},
		{"this evening", "1987-03-26", true, "this evening", []string{"this evening=1987-03-26"}},
		{"tomorrow", "1987-03-26", true, "tomorrow", []string{"tomorrow=1987-03-27"}},
		{"tomorrow morning", "1987-03-26", true, "tomorrow morning", []string{"tomorrow morning=1987-03-27"}},
		{"last night", "1987-03-26", false, "last night", []string{"last night=1987-03-25"}},
		{"yesterday month boundary", "1987-03-01", false, "yesterday", []string{"yesterday=1987-02-28"}},
		{"yesterday leap", "1988-03-01", false, "yesterday", []string{"yesterday=1988-02-29"}},
		{"tomorrow year boundary", "1986-12-31", true, "tomorrow", []string{"tomorrow=1987-01-01"}},
		// Weeks.
		{"this week", "1987-03-26", false, "this week", []string{"this week=1987-03"}},
		{"last week", "1987-03-26", false, "talks last week", []string{"last week=1987-03"}},
		{"next week", "1987-03-26", true, "talks next week", []string{"next week=1987-04"}},
		{"last week in previous month", "1987-06-03", false, "last week", []string{"last week=1987-05"}},
		{"last week across months", "1987-03-02", false, "last week", []string{"last week=1987-03"}},
		{"last week across years", "1987-01-05", false, "last week", []string{"last week=1987-01"}},
		{"this week sunday article", "1986-12-28", false, "this week", []string{"this week=1986-12"}},
		{"next week year boundary", "1986-12-28", true, "next week", []string{"next week=1987-01"}},
		{"earlier this week", "1987-03-26", false, "earlier this week", []string{"earlier this week=1987-03"}},
		// Months and years.
		{"last month", "1987-03-26", false, "last month", []string{"last month=1987-02"}},
		{"this month", "1987-03-26", false, "this month", []string{"this month=1987-03"}},
		{"next month", "1987-03-26", true, "talks next month", []string{"next month=1987-04"}},
		{"last month year boundary", "1987-01-05", false, "last month", []string{"last month=1986-12"}},
		{"next month year boundary", "1986-12-28", true, "next month", []string{"next month=1987-01"}},
		{"last year", "1987-03-26", false, "last year", []string{"last year=1986"}},
		{"this year", "1987-03-26", false, "this year", []string{"this year=1987"}},
		{"next year", "1987-03-26", true, "next year", []string{"next year=1988"}},
		{"earlier this year", "1987-03-26", false, "earlier this year", []string{"earlier this year=1987"}},
		{"later this year", "1987-03-26", true, "later this year", []string{"later this year=1987"}},
		{"last year's", "1987-03-26", false, "last year's talks", []string{"last year=1986"}},
		// Month of this/last/next year.
		{"june of this year", "1987-03-26", false, "will trade in June of this year", []string{"June of this year=1987-06"}},
		{"december of last year", "1987-03-26", true, "since December of last year", []string{"December of last year=1986-12"}},
		{"april of next year", "1987-03-26", false, "in April of next year", []string{"April of next year=1988-04"}},
		{"year article of this year", "1987", false, "in June of this year", []string{"June of this year=1987-06"}},
		// Months after a determiner or in a list.
		{"the february accord", "1987-03-26", false, "under the February Louvre accord", []string{"February=1987-02"}},
		{"the May government", "2017-03-26", false, "the May government", nil},
		{"and month", "1987-03-26", false, "will rise in April and May", []string{"April=1986-04", "May=1986-05"}},
		{"and month future", "1987-03-26", true, "will rise in April and May", []string{"April=1987-04", "May=1987-05"}},
		{"comma list", "1987-03-26", false, "in January, February and March", []string{"January=1987-01", "February=1987-02", "March=1987-03"}},
		{"to month", "1987-03-26", false, "from February to April", []string{"February=1987-02", "April=1986-04"}},
		{"and May without a month before", "2017-03-26", false, "Cameron and May met", nil},
		// Ago.
		{"days ago", "1987-03-26", false, "met two days ago", []string{"two days ago=1987-03-24"}},
		{"digit days ago", "1987-03-02", false, "met 3 days ago", []string{"3 days ago=1987-02-27"}},
		{"a week ago", "1987-03-26", false, "a week ago", []string{"a week ago=1987-03"}},
		{"weeks ago month boundary", "1987-03-05", false, "two weeks ago", []string{"two weeks ago=1987-02"}},
		{"months ago", "1987-03-26", false, "three months ago", []string{"three months ago=1986-12"}},
		{"a year ago", "1987-03-26", false, "a year ago", []string{"a year ago=1986"}},
		{"years ago", "1987-03-26", false, "founded 97 years ago", []string{"97 years ago=1890"}},
		{"no article ago", "", false, "two days ago", []string{"two days ago="}},
		{"month article months ago", "1987-03", false, "two months ago", []string{"two months ago=1987-01"}},
		{"month article days ago", "1987-03", false, "two days ago", []string{"two days ago="}},
		{"several ago", "1987-03-26", false, "several days ago", nil},
		{"ago alone", "1987-03-26", false, "long ago", nil},
		// Several, left to right.
		{"several", "1987-03-26", false, "After talks last week and on Monday, they will meet in May 1987 and on 2 April.",
			[]string{"last week=1987-03", "Monday=1987-03-23", "May 1987=1987-05", "2 April=1986-04-02"}},
		// No article date: relative expressions do not resolve, absolute ones do.
		{"no article weekday", "", false, "on Wednesday", []string{"Wednesday="}},
		{"no article month day", "", false, "on Feb 26", []string{"Feb 26="}},
		{"no article month", "", false, "in October", []string{"October="}},
		{"no article last year", "", false, "last year", []string{"last year="}},
		{"no article yesterday", "", false, "yesterday", []string{"yesterday="}},
		{"no article full date", "", false, "March 21, 2023", []string{"March 21, 2023=2023-03-21"}},
		{"no article year", "", false, "in 1985", []string{"1985=1985"}},
		{"no article month year", "", false, "in November 1985", []string{"November 1985=1985-11"}},
		// A month article date resolves what needs no day.
		{"month article last year", "1987-03", false, "last year", []string{"last year=1986"}},
		{"month article october", "1987-03", false, "in October", []string{"October=1986-10"}},
		{"month article weekday", "1987-03", false, "on Monday", []string{"Monday="}},
		{"year article last month", "1987", false, "last month", []string{"last month="}},
		// Not dates.
		{"modal may", "1987-03-26", false, "Russia may sanction the firms.", nil},
		{"capital modal May", "1987-03-26", false, "Russia May sanction the firms.", nil},
		{"May first word", "1987-03-26", false, "May I ask?", nil},
		{"Theresa May", "2017-03-26", false, "Theresa May met Angela Merkel.", nil},
		{"Theresa May year", "2017-03-26", false, "Theresa May 2017 campaign", nil},
		{"lower march", "1987-03-26", false, "the march on Washington", nil},
		{"March sentence start", "1987-03-26", false, "March is cold.", nil},
		{"Sun Jiwen", "1987-03-26", false, "Sun Jiwen said.", nil},
		{"Wed.", "1987-03-26", false, "Wed. 5 pm", nil},
		{"Jan name", "1987-03-26", false, "Jan Smith said", nil},
		{"Mar place", "1987-03-26", false, "in Mar del Plata", nil},
		{"tonnes", "1987-03-26", false, "exports of 1985 tonnes", nil},
		{"by tonnes", "1987-03-26", false, "fell by 1985 tonnes", nil},
		{"thousands", "1987-03-26", false, "output rose to 1,985 tonnes in the period", nil},
		{"crop year", "1987-03-26", false, "the 1985/86 crop and in 1985/86", nil},
		{"season", "1987-03-26", false, "in 1985-86", nil},
		{"decade", "1987-03-26", false, "in the 1980s", nil},
		{"bare year", "1987-03-26", false, "the 1985 season", nil},
		{"year range", "1987-03-26", false, "the 1984-1985 talks", nil},
		{"decimal", "1987-03-26", false, "in 1985.5 mln", nil},
		{"dollar", "1987-03-26", false, "in $1985", nil},
		{"recent years", "1987-03-26", false, "in recent years and recently", nil},
		{"quarter", "1987-03-26", false, "the first quarter", nil},
		{"slashes", "1987-03-26", false, "on 5/24/2023", nil},
		{"ordinal alone", "1987-03-26", false, "on the 26th", nil},
		{"no such day", "1987-03-26", false, "on Feb 30", nil},
		{"no such leap day", "1987-03-26", false, "on Feb 29, 1987", nil},
		{"bad iso", "1987-03-26", false, "code 2023-13-40", nil},
		{"Good Friday", "1987-03-26", false, "Good Friday", nil},
		{"Black Monday", "1987-10-20", false, "after Black Monday", nil},
		{"Sunday Times", "1987-03-26", false, "the Sunday Times said", nil},
		{"weeks", "1987-03-26", false, "for weeks and months and years", nil},
		{"the year", "1987-03-26", false, "the year", nil},
		{"mayor", "1987-03-26", false, "Mayor Koch in Marchetti Mondays", nil},
		{"accented", "1987-03-26", false, "Suné and Mayé", nil},
		{"month stuck to digits", "1987-03-26", false, "March21 and 3March", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			article := dtMustDate(t, tt.article)
			got := dtExprDates(tt.s, article, tt.future)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("FindTimeExprs(%q).Resolve(%v, %v) = %q, want %q", tt.s, article, tt.future, got, tt.want)
			}
			dtCheckSpans(t, tt.s, FindTimeExprs(tt.s))
		})
	}
}

// dtCheckSpans checks that the expressions of s lie inside it, left to right,
// without overlap, with Text the bytes of their span.
func dtCheckSpans(t testing.TB, s string, es []TimeExpr) {
	t.Helper()
	end := 0
	for _, e := range es {
		if e.Start < end || e.End <= e.Start || e.End > len(s) {
			t.Fatalf("FindTimeExprs(%q): span [%d,%d) after %d: out of order or outside", s, e.Start, e.End, end)
		}
		if s[e.Start:e.End] != e.Text {
			t.Fatalf("FindTimeExprs(%q): s[%d:%d] = %q, want Text %q", s, e.Start, e.End, s[e.Start:e.End], e.Text)
		}
		end = e.End
	}
}

// dtCheckResolved checks that d is no date or a date that reads back as itself.
func dtCheckResolved(t testing.TB, s string, e TimeExpr, d graph.Date) {
	t.Helper()
	if d.IsZero() {
		return
	}
	back, err := graph.ParseDate(d.String())
	if err != nil || back != d {
		t.Fatalf("FindTimeExprs(%q): %q resolves to %#v, which reads back as %#v (%v)", s, e.Text, d, back, err)
	}
}

func FuzzFindTimeExprs(f *testing.F) {
	for _, s := range []string{
		"They met on March 21, 2023 in Moscow.", "21 March 2023", "2023-05-24", "Feb. 29, 1988",
		"on Wednesday, March 21", "Sept 3rd", "SALVADOR, Feb 26 - showers", "last October",
		"early January", "mid-March", "end-1986", "in 1985/86", "1,985 tonnes", "Theresa May",
		"Tuesday night", "late Monday", "earlier this year", "last week", "tomorrow morning",
		"May", "Feb 29", "March 1,500", "in -1985", "mid-", "this", "9999-12-31", "Dec.", "Sun\xff",
	} {
		f.Add(s, int32(6293), false) // 1987-03-26
		f.Add(s, int32(-1), true)
	}
	f.Fuzz(func(t *testing.T, s string, days int32, future bool) {
		es := FindTimeExprs(s)
		dtCheckSpans(t, s, es)
		var article graph.Date
		if days >= 0 {
			// Any day from 1970 to about 2070.
			article = graph.FromTime(time.Unix(0, 0).UTC().AddDate(0, 0, int(days%36500)))
		}
		for _, e := range es {
			for _, fut := range []bool{future, !future} {
				dtCheckResolved(t, s, e, e.Resolve(article, fut))
			}
			dtCheckResolved(t, s, e, e.Resolve(graph.Date{Year: int(days % 3000), Month: time.Month(days % 15), Day: int(days % 40), Precision: graph.DayPrecision}, future))
		}
	})
}

// dtReutersArticle is an article of the Reuters corpus: its date and body.
type dtReutersArticle struct {
	date graph.Date
	body string
}

// dtReadReuters reads up to n articles of ../shared/corpus/reuters21578, or
// skips when the corpus is absent.
func dtReadReuters(tb testing.TB, n int) []dtReutersArticle {
	tb.Helper()
	dir := filepath.Join(repoRoot(tb), "..", "shared", "corpus", "reuters21578")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Skipf("no Reuters corpus in %s", dir)
	}
	if len(names) > n {
		names = names[:n]
	}
	var out []dtReutersArticle
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatalf("read %s: %v", name, err)
		}
		var a dtReutersArticle
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		off := 0
		for sc.Scan() {
			line := sc.Text()
			off += len(line) + 1
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "date: "); ok {
				if a.date, err = graph.ParseDate(v); err != nil {
					tb.Fatalf("%s: %v", name, err)
				}
			}
		}
		if off < len(data) {
			a.body = string(data[off:])
		}
		out = append(out, a)
	}
	return out
}

// TestFindTimeExprsReuters runs the resolver over real news text: spans hold
// and every expression found in a dated article resolves to a date near it.
func TestFindTimeExprsReuters(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	arts := dtReadReuters(t, 3000)
	found := 0
	for _, a := range arts {
		for _, s := range strings.Split(a.body, ". ") {
			es := FindTimeExprs(s)
			dtCheckSpans(t, s, es)
			for _, e := range es {
				found++
				for _, future := range []bool{false, true} {
					d := e.Resolve(a.date, future)
					if d.IsZero() || d.Year < a.date.Year-150 || d.Year > a.date.Year+150 {
						t.Errorf("%q in %q (article %v, future %v) resolves to %q, want a date", e.Text, s, a.date, future, d)
					}
				}
			}
		}
	}
	if found == 0 {
		t.Errorf("FindTimeExprs found no expression in %d Reuters articles", len(arts))
	}
	t.Logf("%d expressions in %d articles", found, len(arts))
}

func BenchmarkFindTimeExprs(b *testing.B) {
	arts := dtReadReuters(b, 2000)
	var sentences []string
	size := 0
	for _, a := range arts {
		for _, s := range strings.Split(a.body, ". ") {
			sentences = append(sentences, s)
			size += len(s)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sentences {
			FindTimeExprs(s)
		}
	}
}
