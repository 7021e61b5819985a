package ingest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/biter777/countries"

	"github.com/diplograph/diplograph/graph"
)

// unMembers are the ISO 3166-1 alpha-3 codes of the 193 member states of the
// United Nations.
var unMembers = strings.Fields(`
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB
BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA
ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI
HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA
LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM
NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN
SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO
TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE`)

// historical are the states of countries.tsv that no longer exist.
var historical = []string{"SUN", "DDR", "BRD", "YUG", "SCG", "CSK", "YMD"}

// g20P5 are the members of the G20 (less the EU and the AU) and so the
// five permanent members of the Security Council.
var g20P5 = strings.Fields("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA")

func loadDefault(t testing.TB) *Lexicon {
	t.Helper()
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatalf("DefaultLexicon() error: %v", err)
	}
	return lex
}

func day(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// countriesNamed returns the codes of the countries that have a name folding
// to NormName(name) and are valid on d.
func countriesNamed(lex *Lexicon, name string, d graph.Date) []string {
	var codes []string
	key := graph.NormName(name)
	for _, c := range lex.Countries {
		if !c.ValidOn(d) {
			continue
		}
		for _, n := range c.Names() {
			if graph.NormName(n) == key {
				codes = append(codes, c.Code)
				break
			}
		}
	}
	return codes
}

func TestEmbeddedLexicon(t *testing.T) {
	lex := loadDefault(t)
	again, err := DefaultLexicon()
	if err != nil || again != lex {
		t.Errorf("DefaultLexicon() second call = %p, %v, want the same %p", again, err, lex)
	}
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"countries", len(lex.Countries), 200},
		{"orgs", len(lex.Orgs), 120},
		{"titles", len(lex.Titles), 150},
	} {
		if c.got < c.min {
			t.Errorf("LoadLexicon(): %d %s, want at least %d", c.got, c.what, c.min)
		}
	}
	t.Logf("rows: %d countries, %d orgs, %d titles, %d leaders, %d cues",
		len(lex.Countries), len(lex.Orgs), len(lex.Titles), len(lex.Leaders), len(lex.Cues))

	codes := map[string]bool{}
	for _, c := range lex.Countries {
		if codes[c.Code] {
			t.Errorf("country code %s appears twice", c.Code)
		}
		codes[c.Code] = true
	}
	for _, code := range unMembers {
		if !codes[code] {
			t.Errorf("UN member %s missing from countries.tsv", code)
		}
	}
	if len(unMembers) != 193 {
		t.Errorf("test list has %d UN members, want 193", len(unMembers))
	}
	for _, o := range lex.Orgs {
		if o.Country != "" && !codes[o.Country] {
			t.Errorf("org %q: country %s not in countries.tsv", o.Name, o.Country)
		}
	}
	for _, l := range lex.Leaders {
		if !codes[l.Country] {
			t.Errorf("leader %q: country %s not in countries.tsv", l.Name, l.Country)
		}
	}
}

// TestCountryNamesUnambiguous checks that no name (folded) denotes two
// countries valid at the same time.
func TestCountryNamesUnambiguous(t *testing.T) {
	lex := loadDefault(t)
	type use struct {
		c    CountryEntry
		name string
	}
	byName := map[string][]use{}
	for _, c := range lex.Countries {
		seen := map[string]bool{}
		for _, n := range c.Names() {
			k := graph.NormName(n)
			if seen[k] {
				continue
			}
			seen[k] = true
			byName[k] = append(byName[k], use{c, n})
		}
	}
	for k, uses := range byName {
		for i := range uses {
			for j := i + 1; j < len(uses); j++ {
				a, b := uses[i].c, uses[j].c
				if overlap(a.From, a.Until, b.From, b.Until) {
					t.Errorf("name %q (%q, %q) denotes %s and %s at the same time", k, uses[i].name, uses[j].name, a.Code, b.Code)
				}
			}
		}
	}
}

// overlap reports whether two validity periods (zero bounds open) share a day.
func overlap(f1, u1, f2, u2 graph.Date) bool {
	lo := func(d graph.Date) time.Time {
		if d.IsZero() {
			return time.Time{}
		}
		return d.Time()
	}
	hi := func(d graph.Date) time.Time {
		if d.IsZero() {
			return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return d.End().Time()
	}
	return !hi(u1).Before(lo(f2)) && !hi(u2).Before(lo(f1))
}

func TestOverlap(t *testing.T) {
	for _, c := range []struct {
		f1, u1, f2, u2 string
		want           bool
	}{
		{"", "", "", "", true},
		{"", "1991-12-25", "1991-12-26", "", false},
		{"", "1991-12-26", "1991-12-26", "", true},
		{"1993-01-01", "", "", "1992-12-31", false},
		{"2003-02-04", "2006-06-04", "2006-06-04", "", true},
		{"1990", "1990", "1990-12-31", "", true},
	} {
		if got := overlap(day(c.f1), day(c.u1), day(c.f2), day(c.u2)); got != c.want {
			t.Errorf("overlap(%s..%s, %s..%s) = %v, want %v", c.f1, c.u1, c.f2, c.u2, got, c.want)
		}
	}
}

// TestCountryResolution checks names, demonyms and metonyms against the
// dates on which they denote a state.
func TestCountryResolution(t *testing.T) {
	lex := loadDefault(t)
	for _, c := range []struct {
		name, date string
		want       []string
	}{
		{"Beijing", "2023-05-24", []string{"CHN"}},
		{"Chinese", "1987-03-01", []string{"CHN"}},
		{"PRC", "2017-01-01", []string{"CHN"}},
		{"mainland China", "2017-01-01", []string{"CHN"}},
		{"Taipei", "2017-01-01", []string{"TWN"}},
		{"Moscow", "1987-03-26", []string{"SUN"}},
		{"the Kremlin", "1991-12-25", []string{"SUN"}},
		{"Kremlin", "1991-12-26", []string{"RUS"}},
		{"Russian", "2023-05-24", []string{"RUS"}},
		{"Soviet", "1987-03-26", []string{"SUN"}},
		{"Soviet", "2023-05-24", nil},
		{"USSR", "1987-03-26", []string{"SUN"}},
		{"U.S.S.R.", "1987-03-26", []string{"SUN"}},
		{"Bonn", "1987-03-26", []string{"BRD"}},
		{"West German", "1987-03-26", []string{"BRD"}},
		{"German", "1987-03-26", []string{"BRD"}},
		{"German", "2017-01-01", []string{"DEU"}},
		{"Berlin", "2017-01-01", []string{"DEU"}},
		{"East German", "1987-03-26", []string{"DDR"}},
		{"East German", "2017-01-01", nil},
		{"Prague", "1987-03-26", []string{"CSK"}},
		{"Prague", "2017-01-01", []string{"CZE"}},
		{"Belgrade", "1999-03-24", []string{"YUG"}},
		{"Belgrade", "2004-01-01", []string{"SCG"}},
		{"Belgrade", "2017-01-01", []string{"SRB"}},
		{"Washington", "1987-03-26", []string{"USA"}},
		{"White House", "2017-01-01", []string{"USA"}},
		{"U.S.", "2017-01-01", []string{"USA"}},
		{"US", "2017-01-01", []string{"USA"}},
		{"America", "2017-01-01", []string{"USA"}},
		{"Downing Street", "2017-01-01", []string{"GBR"}},
		{"Whitehall", "1987-03-26", []string{"GBR"}},
		{"Britain", "1987-03-26", []string{"GBR"}},
		{"Elysee", "2017-01-01", []string{"FRA"}},
		{"Élysée", "2017-01-01", []string{"FRA"}},
		{"Tokyo", "1987-03-26", []string{"JPN"}},
		{"Seoul", "2017-01-01", []string{"KOR"}},
		{"ROK", "2017-01-01", []string{"KOR"}},
		{"Pyongyang", "2017-01-01", []string{"PRK"}},
		{"DPRK", "2017-01-01", []string{"PRK"}},
		{"N. Korea", "2017-01-01", []string{"PRK"}},
		{"Tehran", "2017-01-01", []string{"IRN"}},
		{"Kyiv", "2023-05-24", []string{"UKR"}},
		{"Kiev", "2014-03-01", []string{"UKR"}},
		{"Canberra", "2014-09-15", []string{"AUS"}},
		{"Ottawa", "1987-03-26", []string{"CAN"}},
		{"Saudi", "1987-03-26", []string{"SAU"}},
		{"Swiss", "2017-01-01", []string{"CHE"}},
		{"Dutch", "2017-01-01", []string{"NLD"}},
		{"Filipino", "2017-01-01", []string{"PHL"}},
		{"Philippine", "2017-01-01", []string{"PHL"}},
		{"Emirati", "2017-01-01", []string{"ARE"}},
		{"UAE", "2017-01-01", []string{"ARE"}},
		{"Russian Federation", "2017-01-01", []string{"RUS"}},
		{"Czechia", "2020-01-01", []string{"CZE"}},
		{"Türkiye", "2023-01-01", []string{"TUR"}},
		{"DRC", "2017-01-01", []string{"COD"}},
		{"Dominican", "2017-01-01", []string{"DOM"}},
		{"Palestinian", "2017-01-01", []string{"PSE"}},
		{"Israeli", "2017-01-01", []string{"ISR"}},
		{"Hong Kong", "2017-01-01", []string{"HKG"}},
		// Left out on purpose.
		{"Sino", "2017-01-01", nil},
		{"Korea", "2017-01-01", nil},
		{"Congo", "2017-01-01", nil},
		{"Brussels", "2017-01-01", nil},
	} {
		got := countriesNamed(lex, c.name, day(c.date))
		if !slices.Equal(got, c.want) {
			t.Errorf("countries named %q on %s = %v, want %v", c.name, c.date, got, c.want)
		}
	}
}

// TestMajorPowersNamed checks that the G20 and P5 states have demonyms and
// metonyms, valid today.
func TestMajorPowersNamed(t *testing.T) {
	lex := loadDefault(t)
	today := day("2024-01-01")
	for _, code := range g20P5 {
		rows := lex.Country(code)
		if len(rows) != 1 {
			t.Errorf("Country(%s) = %d rows, want 1", code, len(rows))
			continue
		}
		c := rows[0]
		if len(c.Demonyms) == 0 || len(c.Capitals) == 0 {
			t.Errorf("Country(%s): demonyms %v, capitals %v, want both", code, c.Demonyms, c.Capitals)
		}
		if !c.ValidOn(today) {
			t.Errorf("Country(%s) not valid on %s", code, today)
		}
		for _, n := range c.Names() {
			if got := countriesNamed(lex, n, today); !slices.Equal(got, []string{code}) {
				t.Errorf("countries named %q today = %v, want [%s]", n, got, code)
			}
		}
	}
}

// capitalExceptions are the states whose capital in
// github.com/biter777/countries is not a metonym in countries.tsv, and why.
var capitalExceptions = map[string]string{
	"ATG": "St. John's is also a Canadian city",
	"BEL": "Brussels means the EU in news",
	"DJI": "the capital has the country's name",
	"GRD": "St. George's is ambiguous",
	"LUX": "the capital has the country's name",
	"MCO": "the capital has the country's name",
	"SMR": "the capital has the country's name",
	"SGP": "the capital has the country's name",
	"VAT": "the capital has the country's name",
	"HKG": "a city",
	"MAC": "a city",
	"STP": "Sao Tome is an alias",
	"MDV": "Male is a common word",
	"SYC": "Victoria is a given name",
	"PLW": "Ngerulmud, the seat of government, lies in Melekeok",
	"PSE": "East Jerusalem is claimed; Ramallah is the seat of the Palestinian Authority",
	"ESH": "El-Aaiun is administered by Morocco",
}

// TestCountriesAgainstBiter777 cross-checks codes and capitals with an
// independent data set.
func TestCountriesAgainstBiter777(t *testing.T) {
	lex := loadDefault(t)
	for _, c := range lex.Countries {
		if slices.Contains(historical, c.Code) {
			continue
		}
		cc := countries.ByName(c.Code)
		if cc == countries.Unknown || cc.Alpha3() != c.Code {
			t.Errorf("%s (%s): not an ISO 3166-1 alpha-3 code in biter777/countries (got %v)", c.Code, c.Name, cc)
			continue
		}
		if _, ok := capitalExceptions[c.Code]; ok {
			continue
		}
		capital := graph.NormName(cc.Capital().String())
		found := false
		for _, n := range c.Capitals {
			if k := graph.NormName(n); k == capital || strings.HasPrefix(capital, k+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s (%s): capital %q not among %v", c.Code, c.Name, cc.Capital(), c.Capitals)
		}
	}
}

func TestForbiddenNames(t *testing.T) {
	lex := loadDefault(t)
	for _, c := range lex.Countries {
		for _, n := range c.Names() {
			if graph.NormName(n) == "sino" {
				t.Errorf("country %s has name %q: Sino is not a demonym", c.Code, n)
			}
			if n != strings.TrimSpace(n) {
				t.Errorf("country %s: name %q has spaces around it", c.Code, n)
			}
		}
		for _, n := range c.Capitals {
			if strings.HasPrefix(n, "the ") {
				t.Errorf("country %s: capital %q written with \"the\"", c.Code, n)
			}
		}
		if c.Code == "BEL" && slices.Contains(c.Capitals, "Brussels") {
			t.Errorf("BEL capitals %v hold Brussels, which means the EU", c.Capitals)
		}
	}
}

// TestOrgNamesUnambiguous checks that no organization name or alias (folded)
// names another organization, a bloc or a country.
func TestOrgNamesUnambiguous(t *testing.T) {
	lex := loadDefault(t)
	owner := map[string]string{}
	for _, c := range lex.Countries {
		for _, n := range c.Names() {
			owner[graph.NormName(n)] = "country " + c.Code
		}
	}
	for _, o := range lex.Orgs {
		seen := map[string]bool{}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			k := graph.NormName(n)
			if seen[k] {
				continue
			}
			seen[k] = true
			if prev, ok := owner[k]; ok {
				t.Errorf("%s %q: name %q also names %s", o.Kind, o.Name, n, prev)
			}
			owner[k] = string(o.Kind) + " " + o.Name
		}
	}
}

func TestOrgLookups(t *testing.T) {
	lex := loadDefault(t)
	find := func(alias string) *OrgEntry {
		for i, o := range lex.Orgs {
			if o.Name == alias || slices.Contains(o.Aliases, alias) {
				return &lex.Orgs[i]
			}
		}
		return nil
	}
	for _, c := range []struct {
		alias, name string
		kind        graph.Kind
		country     string
	}{
		{"UN", "United Nations", graph.Organization, ""},
		{"U.N.", "United Nations", graph.Organization, ""},
		{"UNSC", "United Nations Security Council", graph.Organization, ""},
		{"Security Council", "United Nations Security Council", graph.Organization, ""},
		{"NATO", "North Atlantic Treaty Organization", graph.Organization, ""},
		{"EU", "European Union", graph.Organization, ""},
		{"Brussels", "European Union", graph.Organization, ""},
		{"EEC", "European Community", graph.Organization, ""},
		{"Common Market", "European Community", graph.Organization, ""},
		{"WHO", "World Health Organization", graph.Organization, ""},
		{"G7", "Group of Seven", graph.Organization, ""},
		{"NAFTA", "North American Free Trade Agreement", graph.Organization, ""},
		{"ISIL", "Islamic State", graph.Organization, ""},
		{"Xinhua", "Xinhua News Agency", graph.Organization, "CHN"},
		{"KCNA", "Korean Central News Agency", graph.Organization, "PRK"},
		{"Yonhap", "Yonhap News Agency", graph.Organization, "KOR"},
		{"Reuters", "Reuters", graph.Organization, ""},
		{"AFP", "Agence France-Presse", graph.Organization, ""},
		{"Fed", "Federal Reserve", graph.Organization, "USA"},
		{"MOFCOM", "Ministry of Commerce", graph.Organization, "CHN"},
		{"Brookings", "Brookings Institution", graph.Organization, ""},
		{"Likud", "Likud", graph.Organization, "ISR"},
		{"collective West", "the West", graph.Bloc, ""},
		{"Western countries", "the West", graph.Bloc, ""},
		{"Soviet bloc", "Eastern bloc", graph.Bloc, ""},
		{"Non-Aligned Movement", "Non-Aligned Movement", graph.Bloc, ""},
	} {
		o := find(c.alias)
		if o == nil {
			t.Errorf("org %q not found", c.alias)
			continue
		}
		if o.Name != c.name || o.Kind != c.kind || o.Country != c.country {
			t.Errorf("org %q = %q %s %q, want %q %s %q", c.alias, o.Name, o.Kind, o.Country, c.name, c.kind, c.country)
		}
	}
	for _, bad := range []string{"developing countries", "Third World", "who", "West", "IS"} {
		if o := find(bad); o != nil {
			t.Errorf("org %q found (%q), want none", bad, o.Name)
		}
	}
}

func TestTitles(t *testing.T) {
	lex := loadDefault(t)
	titles := map[string]TitleEntry{}
	for _, te := range lex.Titles {
		titles[te.Title] = te
	}
	for _, c := range []struct{ title, relation, kind string }{
		{"President", graph.Leads, TitleHead},
		{"Prime Minister", graph.Leads, TitleHead},
		{"Premier", graph.Leads, TitleHead},
		{"Chancellor", graph.Leads, TitleHead},
		{"King", graph.Leads, TitleHead},
		{"Taoiseach", graph.Leads, TitleHead},
		{"Crown Prince", graph.OfficialOf, TitleOfficial},
		{"Foreign Minister", graph.OfficialOf, TitleOfficial},
		{"Defence Minister", graph.OfficialOf, TitleOfficial},
		{"Defense Minister", graph.OfficialOf, TitleOfficial},
		{"Secretary of State", graph.OfficialOf, TitleOfficial},
		{"U.S. Trade Representative", graph.OfficialOf, TitleOfficial},
		{"State Councilor", graph.OfficialOf, TitleOfficial},
		{"foreign ministry spokesperson", graph.OfficialOf, TitleOfficial},
		{"spokesman", graph.OfficialOf, TitleOfficial},
		{"Ambassador", graph.OfficialOf, TitleOfficial},
		{"senior fellow", graph.AffiliatedWith, TitleMember},
		{"director", graph.AffiliatedWith, TitleMember},
		{"Secretary-General", graph.AffiliatedWith, TitleOfficial},
		{"CEO", graph.AffiliatedWith, TitleOfficial},
		{"chairman", graph.AffiliatedWith, TitleOfficial},
		{"Chairman", graph.AffiliatedWith, TitleHead},
		{"president", graph.AffiliatedWith, TitleHead},
	} {
		te, ok := titles[c.title]
		if !ok {
			t.Errorf("title %q missing", c.title)
			continue
		}
		if te.Relation != c.relation || te.Kind != c.kind {
			t.Errorf("title %q = %s %s, want %s %s", c.title, te.Relation, te.Kind, c.relation, c.kind)
		}
	}
	for _, absent := range []string{"lawmaker", "governor"} {
		if _, ok := titles[absent]; ok {
			t.Errorf("title %q present, want it left out", absent)
		}
	}
}

// TestLeaderNamesDistinct checks that no leader's name or alias is written
// exactly like a country's, an organization's or a title (matching is
// case-sensitive, so "UNO" and "Uno" do not collide).
func TestLeaderNamesDistinct(t *testing.T) {
	lex := loadDefault(t)
	owner := map[string]string{}
	for _, c := range lex.Countries {
		for _, n := range c.Names() {
			owner[n] = "country " + c.Code
		}
	}
	for _, o := range lex.Orgs {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			owner[n] = string(o.Kind) + " " + o.Name
		}
	}
	for _, te := range lex.Titles {
		owner[te.Title] = "a title"
	}
	for _, l := range lex.Leaders {
		for _, n := range append([]string{l.Name}, l.Aliases...) {
			if o, ok := owner[n]; ok {
				t.Errorf("leader %s (%s, %s from %s): %q is also %s", l.Name, l.Country, l.Role, l.From, n, o)
			}
		}
	}
}

// sharedPath returns path under the shared folder beside the repository
// (../shared from the folder holding go.mod), or skips the test.
func sharedPath(t *testing.T, path string) string {
	t.Helper()
	dir := repoRoot(t)
	p := filepath.Join(dir, "..", "shared", path)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not present: %v", p, err)
	}
	return p
}

// TestPloverActorTexts checks the country names against an independent
// coding: the actor texts of the PLOVER gold standard records with their
// CAMEO country codes. A text that holds a name of countries.tsv (longest
// names first, as the matcher takes them) should be coded as a country that
// the name denotes. PLOVER sometimes codes the place or the side rather than
// the named country ("Irish nationalist guerrillas" GBR, "Rwandan rebels"
// UGA), so the test asks for 95% agreement and logs the rest.
func TestPloverActorTexts(t *testing.T) {
	f, err := os.Open(sharedPath(t, "benchmarks/plover-gsr/expected.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex := loadDefault(t)
	on := day("2000-01-01") // the records' own (placeholder) date
	type name struct {
		folded string
		code   string
	}
	var names []name
	for _, c := range lex.Countries {
		if c.ValidOn(on) {
			for _, n := range c.Names() {
				names = append(names, name{graph.NormName(n), c.Code})
			}
		}
	}
	slices.SortStableFunc(names, func(a, b name) int { return len(b.folded) - len(a.folded) })
	found, resolved, texts := 0, 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("expected.jsonl: %v", err)
		}
		for _, side := range []string{"source", "target"} {
			text, _ := rec[side+"_text"].(string)
			code, _ := rec[side+"_code"].(string)
			if text == "" || len(lex.Country(code)) == 0 {
				continue
			}
			texts++
			folded := " " + graph.NormName(text) + " "
			var codes []string
			for _, n := range names {
				for _, form := range []string{" " + n.folded + " ", " " + n.folded + "s "} { // "Haiti's" folds to "haitis"
					if strings.Contains(folded, form) {
						folded = strings.ReplaceAll(folded, form, " | ")
						if !slices.Contains(codes, n.code) {
							codes = append(codes, n.code)
						}
					}
				}
			}
			if len(codes) == 0 {
				continue
			}
			found++
			if slices.Contains(codes, code) {
				resolved++
			} else {
				t.Logf("%v: %s text %q names %v, PLOVER codes it %s", rec["id"], side, text, codes, code)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("PLOVER country actor texts: %d; with a lexicon name: %d; coded as a country the name denotes: %d", texts, found, resolved)
	if texts > 0 && found*10 < texts*7 {
		t.Errorf("only %d of %d PLOVER country actor texts hold a lexicon name, want at least 70%%", found, texts)
	}
	if found > 0 && resolved*100 < found*95 {
		t.Errorf("only %d of %d PLOVER country actor texts with a lexicon name agree with PLOVER's code, want at least 95%%", resolved, found)
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUserLexicon(t *testing.T) {
	base := loadDefault(t)
	dir := writeFiles(t, map[string]string{
		"countries.tsv": "# mine\nCHN\tPeople's China\tPRC\tChinese\tBeijing\n" +
			"XZZ\tZembla\t\tZemblan\tOnhava\t1950-01-01\n",
		"orgs.tsv": "organization\tthe United Nations\tUN;U.N.;UNO;Turtle Bay\n" +
			"organization\tZembla Institute\tZI\tXZZ\n",
		"leaders.tsv": "Charles Kinbote\tKinbote\tXZZ\tKing\tleads\t1950\t1958-07\n",
		"titles.tsv":  "President\tofficial_of\tofficial\nHetman\tleads\thead\n",
		"cues-extra.tsv": "# one more cue\n" +
			"meet\tverb\tpowwowed\t-;with\n",
		".DS_Store": "ignored",
	})
	second := writeFiles(t, map[string]string{
		"leaders.tsv": "Charles Kinbote\tKinbote;Charles the Beloved\tXZZ\tKing\tleads\t1950\t1958-07\n",
	})
	lex, err := LoadLexicon(dir, second)
	if err != nil {
		t.Fatalf("LoadLexicon(%s, %s) error: %v", dir, second, err)
	}
	if got, want := len(lex.Countries), len(base.Countries)+1; got != want {
		t.Errorf("countries = %d, want %d", got, want)
	}
	if chn := lex.Country("CHN"); len(chn) != 1 || chn[0].Name != "People's China" || len(chn[0].Capitals) != 1 {
		t.Errorf("Country(CHN) = %+v, want the user's row", chn)
	}
	if zz := lex.Country("XZZ"); len(zz) != 1 || zz[0].From != graph.DayDate(1950, 1, 1) || !zz[0].Until.IsZero() {
		t.Errorf("Country(XZZ) = %+v, want the user's new row", zz)
	}
	if got, want := len(lex.Orgs), len(base.Orgs)+1; got != want {
		t.Errorf("orgs = %d, want %d", got, want)
	}
	for _, o := range lex.Orgs {
		if graph.NormName(o.Name) == "united nations" && !slices.Contains(o.Aliases, "Turtle Bay") {
			t.Errorf("org %q aliases %v, want the user's", o.Name, o.Aliases)
		}
	}
	var kinbote []LeaderEntry
	for _, l := range lex.Leaders {
		if l.Name == "Charles Kinbote" {
			kinbote = append(kinbote, l)
		}
	}
	if len(kinbote) != 1 || len(kinbote[0].Aliases) != 2 || kinbote[0].Until != graph.MonthDate(1958, 7) {
		t.Errorf("leaders named Charles Kinbote = %+v, want one row from the second folder", kinbote)
	}
	if got, want := len(lex.Leaders), len(base.Leaders)+1; got != want {
		t.Errorf("leaders = %d, want %d", got, want)
	}
	titles := map[string]TitleEntry{}
	for _, te := range lex.Titles {
		titles[te.Title] = te
	}
	if te := titles["President"]; te.Relation != graph.OfficialOf {
		t.Errorf("title President = %+v, want the user's", te)
	}
	if _, ok := titles["Hetman"]; !ok || len(lex.Titles) != len(base.Titles)+1 {
		t.Errorf("titles = %d (Hetman %v), want %d with Hetman", len(lex.Titles), ok, len(base.Titles)+1)
	}
	if got, want := len(lex.Cues), len(base.Cues)+1; got != want {
		t.Errorf("cues = %d, want %d", got, want)
	}
	// The embedded lexicon is untouched.
	if chn := base.Country("CHN"); len(chn) != 1 || chn[0].Name != "China" {
		t.Errorf("default Country(CHN) = %+v after a user load, want China", chn)
	}
}

func TestUserLexiconErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string // substring of the error, which also names the folder
	}{
		{"unknown file", map[string]string{"people.tsv": "x\n"}, "unknown file(s) people.tsv"},
		{"too many columns", map[string]string{"countries.tsv": "# c\n\nXZZ\tZembla\t\t\t\t\t\textra\n"}, "countries.tsv:3: 8 columns, want at most 7"},
		{"bad code", map[string]string{"countries.tsv": "Xzz\tZembla\n"}, "countries.tsv:1: bad country code \"Xzz\""},
		{"four letters", map[string]string{"countries.tsv": "XZZZ\tZembla\n"}, "countries.tsv:1: bad country code"},
		{"no name", map[string]string{"countries.tsv": "XZZ\n"}, "countries.tsv:1: country XZZ has no name"},
		{"bad from", map[string]string{"countries.tsv": "XZZ\tZembla\t\t\t\t1950-13-01\n"}, "countries.tsv:1: country XZZ: from: bad date"},
		{"bad until", map[string]string{"countries.tsv": "XZZ\tZembla\t\t\t\t\tsoon\n"}, "countries.tsv:1: country XZZ: until: bad date"},
		{"until before from", map[string]string{"countries.tsv": "XZZ\tZembla\t\t\t\t1990\t1980\n"}, "countries.tsv:1: country XZZ: until 1980 is before from 1990"},
		{"duplicate code", map[string]string{"countries.tsv": "XZZ\tZembla\nXZZ\tZembla Two\n"}, "countries.tsv:2: country XZZ already defined on line 1"},
		{"name of punctuation", map[string]string{"countries.tsv": "XZZ\tZembla\t--\n"}, "countries.tsv:1: name \"--\" has no letters"},
		{"bad kind", map[string]string{"orgs.tsv": "club\tZembla Club\n"}, "orgs.tsv:1: unknown kind \"club\""},
		{"org bad country", map[string]string{"orgs.tsv": "organization\tZembla Club\t\tzz\n"}, "orgs.tsv:1: Zembla Club: bad country code"},
		{"org unknown country", map[string]string{"orgs.tsv": "# o\norganization\tZembla Club\t\tXZZ\n"}, "orgs.tsv:2: Zembla Club: country XZZ is not in countries.tsv"},
		{"duplicate org", map[string]string{"orgs.tsv": "bloc\tthe Zemblans\nbloc\tZemblans\n"}, "orgs.tsv:2: \"Zemblans\" already defined on line 1"},
		{"leader unknown country", map[string]string{"leaders.tsv": "Charles Kinbote\t\tXZZ\tKing\tleads\n"}, "leaders.tsv:1: Charles Kinbote: country XZZ is not in countries.tsv"},
		{"leader unknown relation", map[string]string{"leaders.tsv": "Charles Kinbote\t\tUSA\tKing\trules\n"}, "leaders.tsv:1: Charles Kinbote: unknown relation \"rules\""},
		{"leader event relation", map[string]string{"leaders.tsv": "Charles Kinbote\t\tUSA\tKing\tmeet\n"}, "leaders.tsv:1: Charles Kinbote: relation \"meet\" is not an affiliation"},
		{"leader bad date", map[string]string{"leaders.tsv": "Charles Kinbote\t\tUSA\tKing\tleads\t1950-1\n"}, "leaders.tsv:1: Charles Kinbote: from: bad date"},
		{"leader no role", map[string]string{"leaders.tsv": "Charles Kinbote\t\tUSA\t\tleads\n"}, "leaders.tsv:1: Charles Kinbote has no role"},
		{"leader duplicate", map[string]string{"leaders.tsv": "Charles Kinbote\t\tUSA\tKing\tleads\t1950\nCharles  Kinbote\t\tUSA\tking\tleads\t1950\n"}, "leaders.tsv:2: Charles  Kinbote as king from \"1950\" already defined on line 1"},
		{"title unknown relation", map[string]string{"titles.tsv": "Hetman\tcommands\thead\n"}, "titles.tsv:1: title \"Hetman\": unknown relation \"commands\""},
		{"title event relation", map[string]string{"titles.tsv": "Hetman\tattack\thead\n"}, "titles.tsv:1: title \"Hetman\": relation \"attack\" is not a person's affiliation"},
		{"title bad kind", map[string]string{"titles.tsv": "Hetman\tleads\tboss\n"}, "titles.tsv:1: title \"Hetman\": unknown kind \"boss\""},
		{"title duplicate", map[string]string{"titles.tsv": "Hetman\tleads\thead\nHetman\tleads\thead\n"}, "titles.tsv:2: title \"Hetman\" already defined on line 1"},
		{"empty first column", map[string]string{"titles.tsv": "\tleads\thead\n"}, "titles.tsv:1: empty first column"},
		{"not UTF-8", map[string]string{"titles.tsv": "Het\xffman\tleads\thead\n"}, "titles.tsv:1: not valid UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeFiles(t, c.files)
			_, err := LoadLexicon(dir)
			if err == nil {
				t.Fatalf("LoadLexicon(%v) = nil error, want %q", c.files, c.want)
			}
			if msg := err.Error(); !strings.Contains(msg, dir) || !strings.Contains(msg, c.want) {
				t.Errorf("LoadLexicon(%v) error = %q, want %q after the folder %s", c.files, msg, c.want, dir)
			}
		})
	}
	if _, err := LoadLexicon(filepath.Join(t.TempDir(), "absent")); err == nil || !strings.Contains(err.Error(), "absent") {
		t.Errorf("LoadLexicon(absent folder) error = %v, want one naming it", err)
	}
}

func TestSplitRow(t *testing.T) {
	for _, c := range []struct {
		line string
		n    int
		want []string
		ok   bool
		err  bool
	}{
		{"", 3, nil, false, false},
		{"   ", 3, nil, false, false},
		{"# comment\twith\ttabs\tgalore", 3, nil, false, false},
		{"  # indented comment", 3, nil, false, false},
		{"a", 3, []string{"a", "", ""}, true, false},
		{"a\tb\tc", 3, []string{"a", "b", "c"}, true, false},
		{"a\tb\tc\r", 3, []string{"a", "b", "c"}, true, false},
		{" a \t b ;c \t", 3, []string{"a", "b ;c", ""}, true, false},
		{"a\tb\tc\td", 3, nil, false, true},
		{"\tb", 3, nil, false, true},
		{"a\x00b", 3, nil, false, true},
	} {
		got, ok, err := splitRow(c.line, c.n)
		if !slices.Equal(got, c.want) || ok != c.ok || (err != nil) != c.err {
			t.Errorf("splitRow(%q, %d) = %q, %v, %v, want %q, %v, error %v", c.line, c.n, got, ok, err, c.want, c.ok, c.err)
		}
	}
}

func TestSplitList(t *testing.T) {
	for _, c := range []struct {
		col  string
		want []string
	}{
		{"", nil},
		{";", nil},
		{"U.S.;US; USA ;;America", []string{"U.S.", "US", "USA", "America"}},
	} {
		if got := splitList(c.col); !slices.Equal(got, c.want) {
			t.Errorf("splitList(%q) = %q, want %q", c.col, got, c.want)
		}
	}
}

// FuzzSplitRow checks the row splitter's invariants on any line.
func FuzzSplitRow(f *testing.F) {
	for _, s := range []string{
		"", "# c", "CHN\tChina\tPRC;People's Republic of China\tChinese\tBeijing",
		"SUN\tSoviet Union\tUSSR\tSoviet\tMoscow;Kremlin\t\t1991-12-25\r",
		"a\tb\tc\td\te\tf\tg\th", "\t\t", " \t x", "\xff\tx", "x\x00",
	} {
		f.Add(s, uint8(7))
	}
	f.Fuzz(func(t *testing.T, line string, n uint8) {
		width := int(n%8) + 1
		cols, ok, err := splitRow(line, width)
		if err != nil && ok {
			t.Fatalf("splitRow(%q, %d) = ok with error %v", line, width, err)
		}
		if !ok {
			return
		}
		if len(cols) != width {
			t.Fatalf("splitRow(%q, %d) = %d columns, want %d", line, width, len(cols), width)
		}
		if cols[0] == "" {
			t.Fatalf("splitRow(%q, %d) = empty first column", line, width)
		}
		for _, c := range cols {
			if strings.ContainsAny(c, "\t") || c != strings.TrimSpace(c) {
				t.Fatalf("splitRow(%q, %d) column %q holds a TAB or untrimmed space", line, width, c)
			}
		}
	})
}

// FuzzLexiconFile feeds any text to each file parser: it must load or fail
// with an error naming the file and a line, never panic.
func FuzzLexiconFile(f *testing.F) {
	files := []string{countriesFile, orgsFile, leadersFile, titlesFile}
	for i, name := range files {
		data, err := embedded.ReadFile("lexicon/" + name)
		if err != nil {
			continue
		}
		lines := strings.SplitAfter(string(data), "\n")
		f.Add(uint8(i), strings.Join(lines[len(lines)/2:min(len(lines), len(lines)/2+5)], ""))
	}
	f.Add(uint8(0), "XZZ\tZembla\t;;\t\t\t1950\t1949\n")
	f.Add(uint8(1), "bloc\t-\n")
	f.Add(uint8(2), "Charles Kinbote\t\tXZZ\tKing\tleads\t1950\n")
	f.Add(uint8(3), "Hetman\tleads\thead\nHetman\tleads\thead\n")
	f.Fuzz(func(t *testing.T, which uint8, text string) {
		name := files[int(which)%len(files)]
		b := newLexBuilder()
		parse := map[string]func(string, *strings.Reader) error{
			countriesFile: func(n string, r *strings.Reader) error { return b.countries(n, r) },
			orgsFile:      func(n string, r *strings.Reader) error { return b.orgs(n, r) },
			leadersFile:   func(n string, r *strings.Reader) error { return b.leaders(n, r) },
			titlesFile:    func(n string, r *strings.Reader) error { return b.titles(n, r) },
		}[name]
		err := parse(name, strings.NewReader(text))
		if err == nil {
			_, err = b.finish()
		}
		if err != nil && !strings.HasPrefix(err.Error(), name+":") {
			t.Fatalf("%s: error %q does not name the file and line", name, err)
		}
	})
}

func BenchmarkLoadLexicon(b *testing.B) {
	var size int64
	entries, _ := embedded.ReadDir("lexicon")
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			size += info.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}
