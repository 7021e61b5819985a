package ingest

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/graph"
)

// embedded holds the lexicons that ship with the binary. Each file is one
// entry a line, TAB-separated columns, '#' comment lines; the header comment
// of each file documents its columns.
//
//go:embed lexicon/*.tsv
var embedded embed.FS

// The lexicon files, by name. A user folder may hold any of these and any
// number of cue files (cues*.tsv), and nothing else.
const (
	countriesFile = "countries.tsv"
	orgsFile      = "orgs.tsv"
	leadersFile   = "leaders.tsv"
	titlesFile    = "titles.tsv"
)

// The number of columns of each file; trailing empty columns may be omitted.
const (
	countryCols = 7 // code name aliases demonyms capitals from until
	orgCols     = 4 // kind name aliases country
	leaderCols  = 7 // name aliases country role relation from until
	titleCols   = 3 // title relation kind
)

// The kinds of a title (the third column of titles.tsv).
const (
	TitleHead     = "head"     // head of state or government: President, Prime Minister, King
	TitleOfficial = "official" // minister, envoy, spokesman: an official of a country
	TitleMember   = "member"   // fellow, analyst, director: works for an organization
)

// CountryEntry is one row of countries.tsv: a state (or territory) with the
// names that denote it and the period in which the row is valid.
type CountryEntry struct {
	Code     string   // ISO 3166-1 alpha-3 ("CHN"; historical states "SUN", "DDR", "BRD", "YUG", "CSK")
	Name     string   // common English short name
	Aliases  []string // official and alternative names and abbreviations
	Demonyms []string // adjectives used before nouns ("Chinese")
	Capitals []string // capitals and seats of government used as metonyms ("Beijing")
	From     graph.Date
	Until    graph.Date // inclusive; zero = open
}

// ValidOn reports whether the row is valid on date d; a zero d (unknown
// date) is covered by every row.
func (c CountryEntry) ValidOn(d graph.Date) bool {
	return d.IsZero() || d.Within(c.From, c.Until)
}

// Names returns every name of the country: its name, aliases, demonyms and
// capitals, in that order.
func (c CountryEntry) Names() []string {
	names := make([]string, 0, 1+len(c.Aliases)+len(c.Demonyms)+len(c.Capitals))
	names = append(names, c.Name)
	names = append(names, c.Aliases...)
	names = append(names, c.Demonyms...)
	return append(names, c.Capitals...)
}

// OrgEntry is one row of orgs.tsv: an organization or a bloc.
type OrgEntry struct {
	Kind    graph.Kind // graph.Organization or graph.Bloc
	Name    string     // canonical full name
	Aliases []string   // abbreviations and variants, written as they appear
	Country string     // ISO3 of the state the organization belongs to, if one
}

// LeaderEntry is one row of leaders.tsv: a person holding a role for a
// country during a period.
type LeaderEntry struct {
	Name     string   // canonical full name
	Aliases  []string // other spellings and forms of the name
	Country  string   // ISO3, present in countries.tsv
	Role     string   // the title as written ("President")
	Relation string   // graph.Leads or graph.OfficialOf
	From     graph.Date
	Until    graph.Date // inclusive; zero = in office
}

// ValidOn reports whether the person held the role on date d; a zero d
// (unknown date) is covered by every row.
func (l LeaderEntry) ValidOn(d graph.Date) bool {
	return d.IsZero() || d.Within(l.From, l.Until)
}

// TitleEntry is one row of titles.tsv: a role title that marks a person's
// affiliation.
type TitleEntry struct {
	Title    string // as written in news text ("Prime Minister", "spokesman")
	Relation string // the affiliation it usually yields: leads, official_of or affiliated_with
	Kind     string // TitleHead, TitleOfficial or TitleMember
}

// Lexicon holds the actor and cue lexicons. It is read-only once loaded.
type Lexicon struct {
	Countries []CountryEntry
	Orgs      []OrgEntry
	Leaders   []LeaderEntry
	Titles    []TitleEntry
	Cues      []CueEntry // from lexicon/cues*.tsv
}

// Country returns the country rows with the given code (one, usually).
func (l *Lexicon) Country(code string) []CountryEntry {
	var out []CountryEntry
	for _, c := range l.Countries {
		if c.Code == code {
			out = append(out, c)
		}
	}
	return out
}

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) { return LoadLexicon() })

// DefaultLexicon returns the embedded lexicons, loaded once. The result is
// shared: callers must not modify it.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// LoadLexicon loads the embedded lexicons, then each user folder's files on
// top, in order: a user's countries.tsv row with an existing code replaces
// that row and a new code adds one; orgs are keyed by name (graph.NormName),
// leaders by (name, role, from), titles by title; cues*.tsv are appended.
// Files of other names in a user folder are an error naming them (names
// starting with '.' are ignored). Every error names the file and line.
func LoadLexicon(dirs ...string) (*Lexicon, error) {
	b := newLexBuilder()
	if err := b.layer(embedded, "lexicon", "lexicon"); err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		if err := b.layer(os.DirFS(dir), ".", dir); err != nil {
			return nil, err
		}
	}
	return b.finish()
}

// pos is a place in a lexicon file, for error messages.
type pos struct {
	file string
	line int
}

func (p pos) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.file, p.line, fmt.Sprintf(format, args...))
}

// lexBuilder merges lexicon layers; it remembers where each row came from so
// that the checks made once all layers are in (a leader's country exists)
// can name the file and line.
type lexBuilder struct {
	lex       Lexicon
	countryAt map[string]int // code -> index in lex.Countries
	orgAt     map[string]int // NormName(name) -> index in lex.Orgs
	leaderAt  map[string]int // leaderKey -> index in lex.Leaders
	titleAt   map[string]int // title -> index in lex.Titles
	orgPos    []pos
	leaderPos []pos
}

func newLexBuilder() *lexBuilder {
	return &lexBuilder{
		countryAt: map[string]int{},
		orgAt:     map[string]int{},
		leaderAt:  map[string]int{},
		titleAt:   map[string]int{},
	}
}

// layer reads one folder of lexicon files. label is how file names appear in
// errors: "lexicon" for the embedded files, the folder path for a user's.
func (b *lexBuilder) layer(fsys fs.FS, dir, label string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("lexicon folder %s: %w", label, err)
	}
	var cues []string
	present := map[string]bool{}
	var unknown []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
			continue
		case e.IsDir():
			unknown = append(unknown, name+"/")
		case name == countriesFile || name == orgsFile || name == leadersFile || name == titlesFile:
			present[name] = true
		case strings.HasPrefix(name, "cues") && strings.HasSuffix(name, ".tsv"):
			cues = append(cues, name)
		default:
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("lexicon folder %s: unknown file(s) %s (known: %s, %s, %s, %s, cues*.tsv)",
			label, strings.Join(unknown, ", "), countriesFile, orgsFile, leadersFile, titlesFile)
	}
	sort.Strings(cues)
	// A fixed order, whatever the folder listing says; the codes that orgs
	// and leaders name are checked once every layer is in (finish).
	for _, f := range []struct {
		name  string
		parse func(string, io.Reader) error
	}{
		{countriesFile, b.countries},
		{orgsFile, b.orgs},
		{leadersFile, b.leaders},
		{titlesFile, b.titles},
	} {
		if !present[f.name] {
			continue
		}
		if err := b.readFile(fsys, dir, label, f.name, f.parse); err != nil {
			return err
		}
	}
	for _, name := range cues {
		err := b.readFile(fsys, dir, label, name, func(file string, r io.Reader) error {
			entries, err := parseCues(file, r)
			if err != nil {
				return err
			}
			b.lex.Cues = append(b.lex.Cues, entries...)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (b *lexBuilder) readFile(fsys fs.FS, dir, label, name string, parse func(string, io.Reader) error) error {
	data, err := fs.ReadFile(fsys, path.Join(dir, name))
	if err != nil {
		return fmt.Errorf("lexicon %s: %w", filepath.Join(label, name), err)
	}
	return parse(filepath.Join(label, name), bytes.NewReader(data))
}

// readRows calls fn with every entry line of a TSV lexicon: comment lines
// ('#' first) and blank lines are skipped, a trailing '\r' is dropped, and
// the columns are padded to n (trailing empty columns may be omitted). A row
// with more than n columns, or with an empty first column, is an error.
func readRows(file string, r io.Reader, n int, fn func(p pos, cols []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		p := pos{file, line}
		cols, ok, err := splitRow(sc.Text(), n)
		if err != nil {
			return p.errorf("%v", err)
		}
		if !ok {
			continue
		}
		if err := fn(p, cols); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", file, line+1, err)
	}
	return nil
}

// splitRow splits one line of a TSV lexicon into exactly n trimmed columns.
// ok is false for a comment or blank line. The line must be valid UTF-8,
// have at most n columns and a non-empty first column.
func splitRow(line string, n int) (cols []string, ok bool, err error) {
	line = strings.TrimSuffix(line, "\r")
	if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimLeft(line, " "), "#") {
		return nil, false, nil
	}
	if !utf8.ValidString(line) || strings.ContainsRune(line, 0) {
		return nil, false, errors.New("not valid UTF-8 text")
	}
	cols = strings.Split(line, "\t")
	if len(cols) > n {
		return nil, false, fmt.Errorf("%d columns, want at most %d (columns are separated by TABs)", len(cols), n)
	}
	for len(cols) < n {
		cols = append(cols, "")
	}
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	if cols[0] == "" {
		return nil, false, errors.New("empty first column")
	}
	return cols, true, nil
}

// splitList splits a ';'-separated column into its trimmed, non-empty values.
func splitList(col string) []string {
	if col == "" {
		return nil
	}
	var out []string
	for _, v := range strings.Split(col, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// checkCode checks an ISO 3166-1 alpha-3 code: three upper-case ASCII letters.
func checkCode(code string) error {
	if len(code) != 3 {
		return fmt.Errorf("bad country code %q: want 3 upper-case letters (ISO 3166-1 alpha-3)", code)
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return fmt.Errorf("bad country code %q: want 3 upper-case letters (ISO 3166-1 alpha-3)", code)
		}
	}
	return nil
}

// period parses the from and until columns of a row.
func period(from, until string) (f, u graph.Date, err error) {
	if f, err = graph.ParseDate(from); err != nil {
		return f, u, fmt.Errorf("from: %v", err)
	}
	if u, err = graph.ParseDate(until); err != nil {
		return f, u, fmt.Errorf("until: %v", err)
	}
	if !f.IsZero() && !u.IsZero() && u.End().Before(f) {
		return f, u, fmt.Errorf("until %s is before from %s", u, f)
	}
	return f, u, nil
}

// checkNames checks that every name has a letter or digit, so that it can
// be matched and folded (graph.NormName).
func checkNames(p pos, what string, names ...string) error {
	for _, n := range names {
		if !strings.ContainsFunc(n, isLetterOrDigit) {
			return p.errorf("%s %q has no letters or digits", what, n)
		}
	}
	return nil
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func (b *lexBuilder) countries(file string, r io.Reader) error {
	seen := map[string]int{}
	return readRows(file, r, countryCols, func(p pos, c []string) error {
		if err := checkCode(c[0]); err != nil {
			return p.errorf("%v", err)
		}
		if first, dup := seen[c[0]]; dup {
			return p.errorf("country %s already defined on line %d", c[0], first)
		}
		seen[c[0]] = p.line
		if c[1] == "" {
			return p.errorf("country %s has no name", c[0])
		}
		e := CountryEntry{Code: c[0], Name: c[1], Aliases: splitList(c[2]), Demonyms: splitList(c[3]), Capitals: splitList(c[4])}
		var err error
		if e.From, e.Until, err = period(c[5], c[6]); err != nil {
			return p.errorf("country %s: %v", c[0], err)
		}
		if err := checkNames(p, "name", e.Names()...); err != nil {
			return err
		}
		if i, ok := b.countryAt[e.Code]; ok {
			b.lex.Countries[i] = e
			return nil
		}
		b.countryAt[e.Code] = len(b.lex.Countries)
		b.lex.Countries = append(b.lex.Countries, e)
		return nil
	})
}

func (b *lexBuilder) orgs(file string, r io.Reader) error {
	seen := map[string]int{}
	return readRows(file, r, orgCols, func(p pos, c []string) error {
		var kind graph.Kind
		switch c[0] {
		case string(graph.Organization):
			kind = graph.Organization
		case string(graph.Bloc):
			kind = graph.Bloc
		default:
			return p.errorf("unknown kind %q (known: organization, bloc)", c[0])
		}
		if c[1] == "" {
			return p.errorf("%s has no name", kind)
		}
		e := OrgEntry{Kind: kind, Name: c[1], Aliases: splitList(c[2]), Country: c[3]}
		if e.Country != "" {
			if err := checkCode(e.Country); err != nil {
				return p.errorf("%s: %v", e.Name, err)
			}
		}
		if err := checkNames(p, "name", append([]string{e.Name}, e.Aliases...)...); err != nil {
			return err
		}
		key := graph.NormName(e.Name)
		if first, dup := seen[key]; dup {
			return p.errorf("%q already defined on line %d", e.Name, first)
		}
		seen[key] = p.line
		if i, ok := b.orgAt[key]; ok {
			b.lex.Orgs[i], b.orgPos[i] = e, p
			return nil
		}
		b.orgAt[key] = len(b.lex.Orgs)
		b.lex.Orgs = append(b.lex.Orgs, e)
		b.orgPos = append(b.orgPos, p)
		return nil
	})
}

func leaderKey(e LeaderEntry) string {
	return graph.NormName(e.Name) + "\t" + graph.NormName(e.Role) + "\t" + e.From.String()
}

func (b *lexBuilder) leaders(file string, r io.Reader) error {
	seen := map[string]int{}
	return readRows(file, r, leaderCols, func(p pos, c []string) error {
		e := LeaderEntry{Name: c[0], Aliases: splitList(c[1]), Country: c[2], Role: c[3], Relation: c[4]}
		if err := checkCode(e.Country); err != nil {
			return p.errorf("%s: %v", e.Name, err)
		}
		if e.Role == "" {
			return p.errorf("%s has no role", e.Name)
		}
		if _, ok := graph.LookupRelation(e.Relation); !ok {
			return p.errorf("%s: unknown relation %q (known: %s, %s)", e.Name, e.Relation, graph.Leads, graph.OfficialOf)
		}
		if e.Relation != graph.Leads && e.Relation != graph.OfficialOf {
			return p.errorf("%s: relation %q is not an affiliation of a person with a country (want %s or %s)", e.Name, e.Relation, graph.Leads, graph.OfficialOf)
		}
		var err error
		if e.From, e.Until, err = period(c[5], c[6]); err != nil {
			return p.errorf("%s: %v", e.Name, err)
		}
		if err := checkNames(p, "name", append([]string{e.Name}, e.Aliases...)...); err != nil {
			return err
		}
		key := leaderKey(e)
		if first, dup := seen[key]; dup {
			return p.errorf("%s as %s from %q already defined on line %d", e.Name, e.Role, e.From, first)
		}
		seen[key] = p.line
		if i, ok := b.leaderAt[key]; ok {
			b.lex.Leaders[i], b.leaderPos[i] = e, p
			return nil
		}
		b.leaderAt[key] = len(b.lex.Leaders)
		b.lex.Leaders = append(b.lex.Leaders, e)
		b.leaderPos = append(b.leaderPos, p)
		return nil
	})
}

func (b *lexBuilder) titles(file string, r io.Reader) error {
	seen := map[string]int{}
	return readRows(file, r, titleCols, func(p pos, c []string) error {
		e := TitleEntry{Title: c[0], Relation: c[1], Kind: c[2]}
		if _, ok := graph.LookupRelation(e.Relation); !ok {
			return p.errorf("title %q: unknown relation %q (known: %s, %s, %s)", e.Title, e.Relation, graph.Leads, graph.OfficialOf, graph.AffiliatedWith)
		}
		switch e.Relation {
		case graph.Leads, graph.OfficialOf, graph.AffiliatedWith:
		default:
			return p.errorf("title %q: relation %q is not a person's affiliation (want %s, %s or %s)", e.Title, e.Relation, graph.Leads, graph.OfficialOf, graph.AffiliatedWith)
		}
		switch e.Kind {
		case TitleHead, TitleOfficial, TitleMember:
		default:
			return p.errorf("title %q: unknown kind %q (known: %s, %s, %s)", e.Title, e.Kind, TitleHead, TitleOfficial, TitleMember)
		}
		if err := checkNames(p, "title", e.Title); err != nil {
			return err
		}
		if first, dup := seen[e.Title]; dup {
			return p.errorf("title %q already defined on line %d", e.Title, first)
		}
		seen[e.Title] = p.line
		if i, ok := b.titleAt[e.Title]; ok {
			b.lex.Titles[i] = e
			return nil
		}
		b.titleAt[e.Title] = len(b.lex.Titles)
		b.lex.Titles = append(b.lex.Titles, e)
		return nil
	})
}

// finish makes the checks that need every layer: the countries that orgs and
// leaders name exist.
func (b *lexBuilder) finish() (*Lexicon, error) {
	for i, o := range b.lex.Orgs {
		if o.Country != "" {
			if _, ok := b.countryAt[o.Country]; !ok {
				return nil, b.orgPos[i].errorf("%s: country %s is not in %s", o.Name, o.Country, countriesFile)
			}
		}
	}
	for i, l := range b.lex.Leaders {
		if _, ok := b.countryAt[l.Country]; !ok {
			return nil, b.leaderPos[i].errorf("%s: country %s is not in %s", l.Name, l.Country, countriesFile)
		}
	}
	lex := b.lex
	return &lex, nil
}
