package ingest

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
)

// The checks below read lexicon/leaders.tsv on their own, line by line, so
// that the data can be checked whatever the state of the loader.

// ldRow is one data row of leaders.tsv.
type ldRow struct {
	line                         int
	name                         string
	aliases                      []string
	country, role, relation      string
	fromText, untilText          string
	from, until                  graph.Date // until zero: in office
	start, end                   time.Time  // first and last day covered
	nameKey, roleKey, countryKey string
}

var (
	ldDateForm = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
	ldCodeForm = regexp.MustCompile(`^[A-Z]{3}$`)
	// ldNow stands for "still in office": later than any date in the file.
	ldNow = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

// ldParse reads leaders.tsv and returns its rows, or the problems found in
// its form (column count, relation, dates, codes).
func ldParse(path string) ([]ldRow, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var rows []ldRow
	var bad []string
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 7 {
			bad = append(bad, fmt.Sprintf("line %d: %d columns, want 7: %q", n, len(c), line))
			continue
		}
		r := ldRow{line: n, name: c[0], country: c[2], role: c[3], relation: c[4], fromText: c[5], untilText: c[6]}
		if c[1] != "" {
			r.aliases = strings.Split(c[1], ";")
		}
		problems := ldCheckRow(&r)
		for _, p := range problems {
			bad = append(bad, fmt.Sprintf("line %d (%s): %s", n, r.name, p))
		}
		if len(problems) == 0 {
			rows = append(rows, r)
		}
	}
	return rows, bad, sc.Err()
}

// ldCheckRow checks one row's fields and fills in its parsed values.
func ldCheckRow(r *ldRow) []string {
	var bad []string
	for _, s := range []struct{ what, v string }{{"name", r.name}, {"country", r.country}, {"role", r.role}} {
		if strings.TrimSpace(s.v) != s.v || s.v == "" {
			bad = append(bad, fmt.Sprintf("%s %q is empty or has outer spaces", s.what, s.v))
		}
	}
	if graph.NormName(r.name) == "" {
		bad = append(bad, fmt.Sprintf("name %q has no letters", r.name))
	}
	seen := map[string]bool{graph.NormName(r.name): true}
	for _, a := range r.aliases {
		k := graph.NormName(a)
		switch {
		case k == "" || strings.TrimSpace(a) != a:
			bad = append(bad, fmt.Sprintf("alias %q is empty or has outer spaces", a))
		case seen[k]:
			bad = append(bad, fmt.Sprintf("alias %q repeats the name or another alias", a))
		}
		seen[k] = true
		for _, t := range []string{"mr", "mrs", "ms", "sir", "dr", "president", "minister", "prime"} {
			if strings.HasPrefix(k, t+" ") {
				bad = append(bad, fmt.Sprintf("alias %q carries a title the matcher handles", a))
			}
		}
	}
	if !ldCodeForm.MatchString(r.country) {
		bad = append(bad, fmt.Sprintf("country %q is not an ISO 3166-1 alpha-3 code", r.country))
	}
	if r.relation != graph.Leads && r.relation != graph.OfficialOf {
		bad = append(bad, fmt.Sprintf("relation %q, want %s or %s", r.relation, graph.Leads, graph.OfficialOf))
	}
	var err error
	if r.from, err = ldDate(r.fromText); err != nil || r.from.IsZero() {
		bad = append(bad, fmt.Sprintf("from %q: want YYYY, YYYY-MM or YYYY-MM-DD (%v)", r.fromText, err))
	}
	if r.untilText != "" {
		if r.until, err = ldDate(r.untilText); err != nil {
			bad = append(bad, fmt.Sprintf("until %q: want YYYY, YYYY-MM or YYYY-MM-DD or empty (%v)", r.untilText, err))
		}
	}
	if len(bad) > 0 {
		return bad
	}
	r.start, r.end = r.from.Time(), ldNow
	if !r.until.IsZero() {
		r.end = r.until.End().Time()
	}
	if r.end.Before(r.start) {
		bad = append(bad, fmt.Sprintf("until %s is before from %s", r.untilText, r.fromText))
	}
	if r.start.Year() < 1900 || (r.end != ldNow && r.end.Year() > 2026) {
		bad = append(bad, fmt.Sprintf("period %s..%s outside 1900..2026", r.fromText, r.untilText))
	}
	r.nameKey, r.roleKey = graph.NormName(r.name), graph.NormName(r.role)
	r.countryKey = ldSuccession[r.country]
	if r.countryKey == "" {
		r.countryKey = r.country
	}
	return bad
}

// ldDate parses a date in one of the file's three forms, strictly.
func ldDate(s string) (graph.Date, error) {
	if !ldDateForm.MatchString(s) {
		return graph.Date{}, fmt.Errorf("bad form")
	}
	d, err := graph.ParseDate(s)
	if err != nil {
		return d, err
	}
	if d.String() != s {
		return d, fmt.Errorf("reads back as %q", d.String())
	}
	return d, nil
}

// ldSuccession maps a historical state to its successor, for the checks on
// continuity of leadership.
var ldSuccession = map[string]string{"SUN": "RUS", "BRD": "DEU"}

// ldShared is how many days two periods may share and still be a
// succession (the outgoing holder's last day is the incoming one's first).
const ldShared = 3

// ldOverlapDays returns how many days two rows' periods share.
func ldOverlapDays(a, b ldRow) int {
	lo, hi := a.start, a.end
	if b.start.After(lo) {
		lo = b.start
	}
	if b.end.Before(hi) {
		hi = b.end
	}
	if hi.Before(lo) {
		return 0
	}
	return int(hi.Sub(lo).Hours()/24) + 1
}

func ldLoad(t *testing.T) []ldRow {
	t.Helper()
	rows, bad, err := ldParse("lexicon/leaders.tsv")
	if os.IsNotExist(err) {
		t.Skip("lexicon/leaders.tsv is absent")
	}
	if err != nil {
		t.Fatalf("read leaders.tsv: %v", err)
	}
	for _, b := range bad {
		t.Errorf("leaders.tsv %s", b)
	}
	return rows
}

// TestLeadersDataForm checks every row's form: seven columns, a known
// relation, strict dates with from <= until, ISO3 codes present in
// countries.tsv, and no row defined twice (name, role, from).
func TestLeadersDataForm(t *testing.T) {
	rows := ldLoad(t)
	if len(rows) < 700 {
		t.Errorf("leaders.tsv has %d rows, want at least 700", len(rows))
	}
	codes := map[string]bool{}
	if data, err := os.ReadFile("lexicon/countries.tsv"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			codes[strings.SplitN(line, "\t", 2)[0]] = true
		}
	}
	seen := map[string]int{}
	countries := map[string]int{}
	for _, r := range rows {
		if len(codes) > 0 && !codes[r.country] {
			t.Errorf("line %d (%s): country %s is not in countries.tsv", r.line, r.name, r.country)
		}
		key := r.nameKey + "\t" + r.roleKey + "\t" + r.from.String()
		if first, dup := seen[key]; dup {
			t.Errorf("line %d: %s as %s from %s already on line %d", r.line, r.name, r.role, r.fromText, first)
		}
		seen[key] = r.line
		countries[r.country]++
	}
	var list []string
	for c, n := range countries {
		list = append(list, fmt.Sprintf("%s:%d", c, n))
	}
	sort.Strings(list)
	t.Logf("%d rows, %d countries: %s", len(rows), len(countries), strings.Join(list, " "))
}

// TestLeadersDataNoDoubleLeaders checks that no two persons lead the same
// country in the same role at the same time, beyond the day a succession
// shares.
func TestLeadersDataNoDoubleLeaders(t *testing.T) {
	rows := ldLoad(t)
	by := map[string][]ldRow{}
	for _, r := range rows {
		if r.relation == graph.Leads {
			k := r.country + "\t" + r.roleKey
			by[k] = append(by[k], r)
		}
	}
	for _, rs := range by {
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				if d := ldOverlapDays(rs[i], rs[j]); d > ldShared {
					t.Errorf("%s: %s (line %d, %s..%s) and %s (line %d, %s..%s) are both %s for %d days",
						rs[i].country, rs[i].name, rs[i].line, rs[i].fromText, rs[i].untilText,
						rs[j].name, rs[j].line, rs[j].fromText, rs[j].untilText, rs[i].role, d)
				}
			}
		}
	}
}

// TestLeadersDataOnePersonOneRole checks that a person does not hold the
// same role for the same country in two overlapping rows.
func TestLeadersDataOnePersonOneRole(t *testing.T) {
	rows := ldLoad(t)
	by := map[string][]ldRow{}
	for _, r := range rows {
		k := r.nameKey + "\t" + r.country + "\t" + r.roleKey
		by[k] = append(by[k], r)
	}
	for _, rs := range by {
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				if d := ldOverlapDays(rs[i], rs[j]); d > ldShared {
					t.Errorf("%s holds %s twice for %d days: lines %d and %d", rs[i].name, rs[i].role, d, rs[i].line, rs[j].line)
				}
			}
		}
	}
}

// TestLeadersDataNamesUnambiguous checks the names the matcher relies on:
// a form with a space counts at any date, so it must denote one person; a
// one-word short form must not be shared by two persons of one country in
// office at the same time (Bush is on two presidents' rows eight years
// apart; Kim is on none).
func TestLeadersDataNamesUnambiguous(t *testing.T) {
	rows := ldLoad(t)
	full := map[string]string{} // folded multi-word form -> person
	for _, r := range rows {
		full[r.nameKey] = r.name
	}
	for _, r := range rows {
		for _, a := range r.aliases {
			k := graph.NormName(a)
			if !strings.Contains(k, " ") {
				continue
			}
			if other, ok := full[k]; ok && other != r.name {
				t.Errorf("line %d: alias %q of %s is also %s", r.line, a, r.name, other)
				continue
			}
			full[k] = r.name
		}
	}
	type use struct {
		r     ldRow
		alias string
	}
	short := map[string][]use{}
	for _, r := range rows {
		for _, a := range r.aliases {
			if k := graph.NormName(a); !strings.Contains(k, " ") {
				short[k] = append(short[k], use{r, a})
			}
		}
	}
	for k, us := range short {
		for i := range us {
			for j := i + 1; j < len(us); j++ {
				a, b := us[i].r, us[j].r
				if a.nameKey == b.nameKey || a.countryKey != b.countryKey {
					continue
				}
				if d := ldOverlapDays(a, b); d > ldShared {
					t.Errorf("short form %q denotes %s (line %d) and %s (line %d) of %s for %d days",
						k, a.name, a.line, b.name, b.line, a.country, d)
				}
			}
		}
	}
}

// TestLeadersDataContinuity checks that each G20 state has a leader (a
// leads row) on the 15th of every month from 1980 to 2026-10, counting the
// Soviet Union for Russia and West Germany for Germany.
func TestLeadersDataContinuity(t *testing.T) {
	rows := ldLoad(t)
	by := map[string][]ldRow{}
	for _, r := range rows {
		if r.relation == graph.Leads {
			by[r.countryKey] = append(by[r.countryKey], r)
		}
	}
	for _, code := range strings.Fields("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA") {
		var gaps []string
		for d := time.Date(1980, 1, 15, 0, 0, 0, 0, time.UTC); d.Before(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)); d = d.AddDate(0, 1, 0) {
			covered := false
			for _, r := range by[code] {
				if !d.Before(r.start) && !d.After(r.end) {
					covered = true
					break
				}
			}
			if !covered {
				gaps = append(gaps, d.Format("2006-01-02"))
			}
		}
		if len(gaps) > 0 {
			t.Errorf("%s has no leader on %s", code, strings.Join(gaps, ", "))
		}
	}
}

// TestLeadersDataKnownFacts checks a few rows against facts stated in the
// project's briefs and corpora, through the same parse.
func TestLeadersDataKnownFacts(t *testing.T) {
	rows := ldLoad(t)
	for _, c := range []struct {
		name, date, country, role, relation string
	}{
		{"Ronald Reagan", "1987-03-26", "USA", "President", graph.Leads},
		{"Yasuhiro Nakasone", "1987-03-26", "JPN", "Prime Minister", graph.Leads},
		{"Helmut Kohl", "1987-03-26", "BRD", "Chancellor", graph.Leads},
		{"Helmut Kohl", "1995-01-01", "DEU", "Chancellor", graph.Leads},
		{"Mikhail Gorbachev", "1987-03-26", "SUN", "General Secretary", graph.Leads},
		{"Fahd bin Abdulaziz", "1987-03-26", "SAU", "King", graph.Leads},
		{"James Baker", "1987-03-26", "USA", "Treasury Secretary", graph.OfficialOf},
		{"Clayton Yeutter", "1987-03-26", "USA", "Trade Representative", graph.OfficialOf},
		{"Xi Jinping", "2023-05-24", "CHN", "President", graph.Leads},
		{"Mikhail Mishustin", "2023-05-24", "RUS", "Prime Minister", graph.Leads},
		{"Li Qiang", "2023-05-24", "CHN", "Premier", graph.Leads},
		{"Doris Leuthard", "2017-06-01", "CHE", "President", graph.Leads},
		{"Vladimir Putin", "2010-01-01", "RUS", "Prime Minister", graph.Leads},
		{"Alexander Novak", "2021-01-01", "RUS", "Deputy Prime Minister", graph.OfficialOf},
		{"Hua Chunying", "2017-06-01", "CHN", "Foreign Ministry Spokesperson", graph.OfficialOf},
	} {
		d, err := graph.ParseDate(c.date)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		found := false
		for _, r := range rows {
			if r.name != c.name || d.Time().Before(r.start) || d.Time().After(r.end) {
				continue
			}
			got = append(got, r.country+" "+r.role+" "+r.relation)
			if r.country == c.country && r.role == c.role && r.relation == c.relation {
				found = true
			}
		}
		if !found {
			t.Errorf("roles of %s on %s = %v, want %s %s %s", c.name, c.date, got, c.country, c.role, c.relation)
		}
	}
}
