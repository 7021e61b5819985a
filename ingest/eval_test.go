package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestScoreNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Xi Jinping", "xi jinping"},
		{"  XI   jinping ", "xi jinping"},
		{"U.S.", "us"},
		{"the United States", "united states"},
		{"The White House", "white house"},
		{"the the West", "the west"}, // one leading "the " only, as re.sub("^the ", ...)
		{"the", "the"},
		{"There", "there"},
		{"People's Republic of China", "peoples republic of china"},
		{"People\u2019s Republic", "peoples republic"},
		{"Élysée Palace", "elysee palace"},
		{"São Tomé and Príncipe", "sao tome and principe"},
		{"Strauß", "strau"},    // NFKD leaves ß alone, ascii-ignore drops it
		{"Straße", "strae"},    // not "strasse": Python casefolds after dropping non-ASCII
		{"Łódź", "odz"},        // Ł has no decomposition
		{"Владимир Путин", ""}, // other scripts vanish entirely
		{"習近平 Xi", "xi"},       // mixed
		{"Kim Jong-un", "kim jong un"},
		{"Kim  Jong_Un", "kim jong un"}, // '_' is not alphanumeric for [^a-z0-9]
		{"ﬁnance", "finance"},           // ligature decomposes
		{"①②", "12"},                    // circled digits decompose
		{"½", "12"},                     // 1⁄2: the fraction slash is dropped
		{"\u212a", "k"},                 // Kelvin sign
		{"ＵＳＡ", "usa"},                  // fullwidth
		{"A\u0301B", "ab"},              // combining mark
		{"--Reagan--", "reagan"},
		{"...", ""},
		{"", ""},
		{"the-West", "west"}, // "-" becomes a space first
		{"THE  West", "west"},
		{"\xff\xfeUS", "us"}, // invalid UTF-8 dropped
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := scoreNorm(tt.in); got != tt.want {
				t.Errorf("scoreNorm(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPyRepr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-05-24", `'2023-05-24'`},
		{"", `''`},
		{"it's", `"it's"`},
		{`it's "x"`, `'it\'s "x"'`},
		{`a\b`, `'a\\b'`},
		{"a\tb\n\x01\x7f", `'a\tb\n\x01\x7f'`},
		{"é\u00a0\u200b", "'é\\xa0\\u200b'"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := pyRepr(tt.in); got != tt.want {
				t.Errorf("pyRepr(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// gl builds a gold line of article "a".
func gl(src, rel, tgt, date string) GoldLine {
	return GoldLine{Article: "a", Source: strings.Split(src, "|"), Relation: rel, Target: strings.Split(tgt, "|"), Date: date}
}

// opt marks a gold line optional.
func opt(g GoldLine) GoldLine { g.Optional = true; return g }

// rec builds an asserted prediction.
func rec(src, rel, tgt, date string) Record {
	return Record{Source: src, Relation: rel, Target: tgt, Date: date, Modality: "asserted"}
}

// mod sets a prediction's modality.
func mod(r Record, m string) Record { r.Modality = m; return r }

func TestScoreArticle(t *testing.T) {
	type counts struct{ TP, FP, Found, Required, Dated, DatedRight int }
	tests := []struct {
		name   string
		gold   []GoldLine
		pred   []Record
		want   counts
		p, r   float64
		fps    []Triple
		misses int
	}{
		{
			name: "exact match",
			gold: []GoldLine{gl("Xi Jinping", "meet", "Mikhail Mishustin", "2023-05-24")},
			pred: []Record{rec("Xi Jinping", "meet", "Mikhail Mishustin", "2023-05-24")},
			want: counts{1, 0, 1, 1, 1, 1}, p: 1, r: 1,
		},
		{
			name: "symmetric relation matches reversed",
			gold: []GoldLine{gl("Xi Jinping", "meet", "Mikhail Mishustin", "")},
			pred: []Record{rec("Mikhail Mishustin", "meet", "Xi Jinping", "")},
			want: counts{1, 0, 1, 1, 0, 0}, p: 1, r: 1,
		},
		{
			name: "symmetric reversed gold, ordered false positive",
			gold: []GoldLine{gl("Zhou", "trade", "Adams", "")},
			pred: []Record{rec("Adams", "trade", "Zhou", ""), rec("Zed", "trade", "Bob", "")},
			want: counts{1, 1, 1, 1, 0, 0}, p: 0.5, r: 1,
			fps: []Triple{{"bob", "trade", "zed", []string{""}}},
		},
		{
			name: "asymmetric relation does not match reversed",
			gold: []GoldLine{gl("China", "visit", "Russia", "")},
			pred: []Record{rec("Russia", "visit", "China", "")},
			want: counts{0, 1, 0, 1, 0, 0}, p: 0, r: 0,
			fps: []Triple{{"russia", "visit", "china", []string{""}}}, misses: 1,
		},
		{
			name: "asymmetric false positive keeps its direction",
			gold: []GoldLine{gl("China", "visit", "Russia", "")},
			pred: []Record{rec("Zambia", "sanction", "Angola", "2023")},
			want: counts{0, 1, 0, 1, 0, 0}, p: 0, r: 0,
			fps: []Triple{{"zambia", "sanction", "angola", []string{"2023"}}}, misses: 1,
		},
		{
			name: "wrong relation",
			gold: []GoldLine{gl("China", "meet", "Russia", "")},
			pred: []Record{rec("China", "call", "Russia", "")},
			want: counts{0, 1, 0, 1, 0, 0}, p: 0, r: 0,
			fps: []Triple{{"china", "call", "russia", []string{""}}}, misses: 1,
		},
		{
			name: "optional-only match is neither hit nor false positive",
			gold: []GoldLine{opt(gl("China", "support", "Russia", "")), gl("Xi", "leads", "China", "")},
			pred: []Record{rec("China", "support", "Russia", "")},
			want: counts{0, 0, 0, 1, 0, 0}, p: 0, r: 0, misses: 1,
		},
		{
			name: "only optional gold lines: R is 1",
			gold: []GoldLine{opt(gl("China", "support", "Russia", ""))},
			pred: nil,
			want: counts{0, 0, 0, 0, 0, 0}, p: 0, r: 1,
		},
		{
			name: "optional and required both matched is a hit",
			gold: []GoldLine{opt(gl("China", "support", "Russia", "")), gl("China|Xi Jinping", "support", "Russia", "2023")},
			pred: []Record{rec("China", "support", "Russia", "2023-05-24")},
			want: counts{1, 0, 1, 1, 1, 1}, p: 1, r: 1,
		},
		{
			name: "duplicate triples with different dates are one prediction",
			gold: []GoldLine{gl("China", "sanction", "Japan", "2023-05-24")},
			pred: []Record{
				rec("China", "sanction", "Japan", "2023-05"),
				rec("china", "sanction", "JAPAN", "2023-05-24"),
				rec("China", "sanction", "Japan", ""),
			},
			want: counts{1, 0, 1, 1, 1, 1}, p: 1, r: 1,
		},
		{
			name: "duplicate false positive collects sorted dates",
			gold: []GoldLine{gl("China", "sanction", "Japan", "")},
			pred: []Record{
				rec("Iran", "threaten", "Israel", "2023-05-24"),
				rec("the Iran", "threaten", "Israel", ""),
				rec("Iran", "threaten", "Israel", "2023"),
			},
			want: counts{0, 1, 0, 1, 0, 0}, p: 0, r: 0, misses: 1,
			fps: []Triple{{"iran", "threaten", "israel", []string{"", "2023", "2023-05-24"}}},
		},
		{
			name: "negated and unknown modalities dropped, intent and empty kept",
			gold: []GoldLine{gl("China", "visit", "Russia", ""), gl("Russia", "visit", "China", ""), gl("Iran", "visit", "Iraq", "")},
			pred: []Record{
				mod(rec("China", "visit", "Russia", ""), "negated"),
				mod(rec("Russia", "visit", "China", ""), "intent"),
				mod(rec("Iran", "visit", "Iraq", ""), ""),
				mod(rec("Cuba", "visit", "Iraq", ""), "hypothetical"),
				mod(rec("Cuba", "visit", "Iran", ""), "Asserted"),
			},
			want: counts{2, 0, 2, 3, 0, 0}, p: 1, r: 2.0 / 3, misses: 1,
		},
		{
			name: "accent, case, dots and the-folding",
			gold: []GoldLine{
				gl("The United States|U.S.", "criticize", "São Tomé", ""),
				gl("Élysée", "host", "People's Republic of China", ""),
			},
			pred: []Record{
				rec("US", "criticize", "SAO TOME", ""),
				rec("elysee", "host", "the Peoples Republic of China", ""),
			},
			want: counts{2, 0, 2, 2, 0, 0}, p: 1, r: 1,
		},
		{
			name: "ß is dropped, not expanded",
			gold: []GoldLine{gl("Franz Strauß", "visit", "China", "")},
			pred: []Record{rec("Franz Strauss", "visit", "China", ""), rec("Franz Strau", "visit", "China", "")},
			want: counts{1, 1, 1, 1, 0, 0}, p: 0.5, r: 1,
			fps: []Triple{{"franz strauss", "visit", "china", []string{""}}},
		},
		{
			name: "date prefix at year, month and day precision",
			gold: []GoldLine{
				gl("A", "visit", "B", "2023"),
				gl("C", "visit", "D", "2023-03"),
				gl("E", "visit", "F", "2023-03"),
				gl("G", "visit", "H", "2023-05-24"),
				gl("I", "visit", "J", "2023-05-24"),
				gl("K", "visit", "L", "2023"),
				gl("M", "visit", "N", ""),
			},
			pred: []Record{
				rec("A", "visit", "B", "2023-05-24"), // right: year gold, day prediction
				rec("C", "visit", "D", "2023"),       // wrong: coarser than the gold
				rec("E", "visit", "F", "2023-03-21"), // right
				rec("G", "visit", "H", "2023-05-24"), // right
				rec("I", "visit", "J", "2023-05-23"), // wrong
				rec("K", "visit", "L", ""),           // wrong: no date
				rec("M", "visit", "N", "2023"),       // undated gold: not counted
			},
			want: counts{7, 0, 7, 7, 6, 3}, p: 1, r: 1,
		},
		{
			name: "one of several dates agrees",
			gold: []GoldLine{gl("A", "visit", "B", "2023-03")},
			pred: []Record{rec("A", "visit", "B", "2022"), rec("A", "visit", "B", "2023-03-01")},
			want: counts{1, 0, 1, 1, 1, 1}, p: 1, r: 1,
		},
		{
			name: "a gold line is dated once, by the first prediction that hits it",
			gold: []GoldLine{gl("Xi Jinping|Xi", "visit", "Russia", "2023-03")},
			pred: []Record{rec("Xi", "visit", "Russia", "2022"), rec("Xi Jinping", "visit", "Russia", "2023-03-20")},
			want: counts{2, 0, 1, 1, 1, 0}, p: 1, r: 1,
		},
		{
			name: "one prediction hits two gold lines",
			gold: []GoldLine{gl("China", "trade", "Russia", "2023"), gl("Russia", "trade", "China", "2022")},
			pred: []Record{rec("China", "trade", "Russia", "2023-01")},
			want: counts{1, 0, 2, 2, 2, 1}, p: 1, r: 1,
		},
		{
			name: "empty prediction set",
			gold: []GoldLine{gl("A", "visit", "B", "2023"), opt(gl("C", "visit", "D", ""))},
			pred: nil,
			want: counts{0, 0, 0, 1, 0, 0}, p: 0, r: 0, misses: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := scoreArticle("a", tt.gold, tt.pred)
			got := counts{a.TP, a.FP, a.Found, a.Required, a.Dated, a.DatedRight}
			if got != tt.want {
				t.Errorf("scoreArticle counts = %+v, want %+v", got, tt.want)
			}
			if a.P != tt.p || a.R != tt.r {
				t.Errorf("scoreArticle P, R = %v, %v, want %v, %v", a.P, a.R, tt.p, tt.r)
			}
			if !reflect.DeepEqual(a.FalsePositives, tt.fps) {
				t.Errorf("scoreArticle false positives = %v, want %v", a.FalsePositives, tt.fps)
			}
			if len(a.Misses) != tt.misses {
				t.Errorf("scoreArticle misses = %v, want %d of them", a.Misses, tt.misses)
			}
		})
	}
}

func TestScoreReport(t *testing.T) {
	gold := []GoldLine{
		{Article: "b", Source: []string{"China"}, Relation: "meet", Target: []string{"Russia"}, Date: "2023-05"},
		{Article: "b", Source: []string{"Xi Jinping"}, Relation: "leads", Target: []string{"China"}},
		{Article: "a", Source: []string{"Iran"}, Relation: "threaten", Target: []string{"Israel"}, Date: "2023"},
		{Article: "c", Source: []string{"Cuba"}, Relation: "visit", Target: []string{"Chile"}, Optional: true},
	}
	pred := map[string][]Record{
		"a": {rec("Iran", "threaten", "Israel", "2022"), rec("Iran", "attack", "Israel", "2023")},
		"b": {rec("Russia", "meet", "China", "2023-05-24")},
		"c": {rec("Cuba", "visit", "Chile", "")},
		"z": {rec("Peru", "visit", "Chile", "")}, // not in the gold file: ignored
	}
	rep := Score(gold, pred)
	var ids []string
	for _, a := range rep.Articles {
		ids = append(ids, a.Article)
	}
	if want := []string{"a", "b", "c"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Score articles = %v, want %v", ids, want)
	}
	type figures struct{ TP, FP, Found, Required, Dated, DatedRight int }
	got := figures{rep.TP, rep.FP, rep.Found, rep.Required, rep.Dated, rep.DatedRight}
	if want := (figures{2, 1, 2, 3, 2, 1}); got != want {
		t.Errorf("Score totals = %+v, want %+v", got, want)
	}
	p, r := 2.0/3, 2.0/3
	if rep.P != p || rep.R != r || rep.F1 != 2*p*r/(p+r) || rep.Dates != 0.5 {
		t.Errorf("Score P, R, F1, dates = %v, %v, %v, %v, want %v, %v, %v, 0.5", rep.P, rep.R, rep.F1, rep.Dates, p, r, 2*p*r/(p+r))
	}

	var out bytes.Buffer
	if err := rep.WriteText(&out, true); err != nil {
		t.Fatal(err)
	}
	want := `  false+ a: iran --attack--> israel ['2023']
a: P=0.50 R=1.00 (1/1 gold, 1 false+)
  missed b: Xi Jinping --leads--> China
b: P=1.00 R=0.50 (1/2 gold, 0 false+)
c: P=0.00 R=1.00 (0/0 gold, 0 false+)
F1=0.667 P=0.667 R=0.667 dates=0.500 articles=3 gold=3 false+=1
`
	if out.String() != want {
		t.Errorf("WriteText(verbose) =\n%s\nwant\n%s", out.String(), want)
	}
}

func TestScoreEmpty(t *testing.T) {
	rep := Score(nil, nil)
	var out bytes.Buffer
	if err := rep.WriteText(&out, false); err != nil {
		t.Fatal(err)
	}
	if want := "F1=0.000 P=0.000 R=0.000 dates=0.000 articles=0 gold=0 false+=0\n"; out.String() != want {
		t.Errorf("Score(nil, nil).WriteText = %q, want %q", out.String(), want)
	}
}

// TestWriteTextRounding checks that ratios on an exact half round as
// Python's format does (half to even on the binary value).
func TestWriteTextRounding(t *testing.T) {
	tests := []struct {
		tp, fp int
		want   string
	}{
		{1, 7, "P=0.12"}, // 0.125
		{3, 5, "P=0.38"}, // 0.375
		{5, 3, "P=0.62"}, // 0.625
		{7, 1, "P=0.88"}, // 0.875
		{1, 2, "P=0.33"},
		{2, 1, "P=0.67"},
	}
	for _, tt := range tests {
		a := ArticleScore{Article: "x", TP: tt.tp, FP: tt.fp, P: float64(tt.tp) / float64(tt.tp+tt.fp)}
		var out bytes.Buffer
		if err := (Report{Articles: []ArticleScore{a}}).WriteText(&out, false); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("WriteText(P=%d/%d) = %q, want it to hold %q", tt.tp, tt.tp+tt.fp, out.String(), tt.want)
		}
	}
}

func TestReadGold(t *testing.T) {
	dir := t.TempDir()
	good := "{\"article\":\"a\",\"source\":[\"Xi Jinping\",\"Xi\"],\"relation\":\"meet\",\"target\":[\"Putin\"],\"date\":\"2023\",\"evidence\":\"met\"}\r\n" +
		"   \n" +
		"{\"article\":\"b\",\"source\":[\"China\"],\"relation\":\"support\",\"target\":[\"Russia\"],\"optional\":true,\"date\":null}\r" +
		"{\"article\":\"c\",\"source\":[\"Iran\"],\"relation\":\"visit\",\"target\":[\"Iraq\"],\"Optional\":true}\n"
	path := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadGold(path)
	if err != nil {
		t.Fatalf("ReadGold(%q): %v", path, err)
	}
	want := []GoldLine{
		{Article: "a", Source: []string{"Xi Jinping", "Xi"}, Relation: "meet", Target: []string{"Putin"}, Date: "2023", Evidence: "met", Line: 1},
		{Article: "b", Source: []string{"China"}, Relation: "support", Target: []string{"Russia"}, Optional: true, Line: 3},
		// "Optional" is not "optional": keys match exactly, as in Python.
		{Article: "c", Source: []string{"Iran"}, Relation: "visit", Target: []string{"Iraq"}, Line: 4},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadGold(%q) = %+v, want %+v", path, got, want)
	}

	bad := []struct{ name, line, msg string }{
		{"not json", `{"article":`, "not JSON"},
		{"not an object", `["a"]`, "not a JSON object"},
		{"no article", `{"source":["A"],"relation":"meet","target":["B"]}`, `no "article"`},
		{"article not a string", `{"article":5,"source":["A"],"relation":"meet","target":["B"]}`, `"article" is not a string`},
		{"source a string", `{"article":"a","source":"A","relation":"meet","target":["B"]}`, `"source" is not a non-empty list`},
		{"empty target", `{"article":"a","source":["A"],"relation":"meet","target":[]}`, `"target" is not a non-empty list`},
		{"empty name", `{"article":"a","source":["A",""],"relation":"meet","target":["B"]}`, `"source" holds an empty name`},
		{"null name", `{"article":"a","source":["A"],"relation":"meet","target":[null]}`, `"target" holds an empty name`},
		{"no relation", `{"article":"a","source":["A"],"target":["B"]}`, `no "relation"`},
		{"date a number", `{"article":"a","source":["A"],"relation":"meet","target":["B"],"date":2023}`, `"date" is not a string`},
		{"optional a string", `{"article":"a","source":["A"],"relation":"meet","target":["B"],"optional":"yes"}`, `"optional" is not true or false`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "bad.jsonl")
			data := `{"article":"a","source":["A"],"relation":"meet","target":["B"]}` + "\n\n" + tt.line + "\n"
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadGold(p)
			if err == nil {
				t.Fatalf("ReadGold(%q) = nil error, want one", tt.line)
			}
			if !strings.Contains(err.Error(), p+":3:") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("ReadGold(%q) error = %q, want it to name %s:3 and say %q", tt.line, err, p, tt.msg)
			}
		})
	}

	if _, err := ReadGold(filepath.Join(dir, "absent.jsonl")); err == nil || !strings.Contains(err.Error(), "absent.jsonl") {
		t.Errorf("ReadGold(absent) error = %v, want one naming the file", err)
	}
}

func FuzzParseGold(f *testing.F) {
	f.Add([]byte(`{"article":"a","source":["Xi Jinping","Xi"],"relation":"meet","target":["Putin"],"date":"2023"}`))
	f.Add([]byte("{\"article\":\"b\",\"source\":[\"China\"],\"relation\":\"support\",\"target\":[\"Russia\"],\"optional\":true}\r\n\r{}"))
	f.Add([]byte(`{"article":"a","source":[null],"relation":"meet","target":["B"]}`))
	f.Add([]byte("\x1c\n  \n[1,2]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		gold, err := parseGold(data)
		if err != nil {
			return
		}
		for _, g := range gold {
			if g.Article == "" || g.Relation == "" || len(g.Source) == 0 || len(g.Target) == 0 || g.Line < 1 {
				t.Errorf("parseGold(%q) gave an incomplete line %+v", data, g)
			}
		}
		// Whatever parses must score without panicking.
		var out bytes.Buffer
		_ = Score(gold, nil).WriteText(&out, true)
	})
}

func FuzzScoreNorm(f *testing.F) {
	for _, s := range []string{"The United States", "U.S.", "Straße", "½", "the the x", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := scoreNorm(s)
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Errorf("scoreNorm(%q) = %q: stray spaces", s, n)
		}
		for _, r := range n {
			if !(r == ' ' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9') {
				t.Errorf("scoreNorm(%q) = %q: holds %q", s, n, r)
			}
		}
	})
}

// sharedDir returns ../shared next to the repository root (found by walking
// up to go.mod), or skips the test when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := repoRoot(t)
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "tools", "score.py")); err != nil {
		t.Skipf("no reference scorer: %v", err)
	}
	return shared
}

// python returns the python3 interpreter, or skips the test.
func python(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the reference scorer: not in -short")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	// Resolve version-manager shims (pyenv) once: each run then starts fast.
	if out, err := exec.Command(py, "-c", "import sys; print(sys.executable)").Output(); err == nil {
		if exe := strings.TrimSpace(string(out)); exe != "" {
			py = exe
		}
	}
	return py
}

// goldSets are the gold files of ../shared/gold with their corpora.
var goldSets = []struct{ gold, corpus string }{
	{"seed.jsonl", "seed"},
	{"modern-dev.jsonl", "modern"},
	{"reuters-dev.jsonl", "reuters21578"},
}

// scoringRelations are the relation names of the ontology, for synthetic
// predictions.
var scoringRelations = []string{
	"meet", "call", "visit", "host", "invite", "negotiate", "appeal", "support", "praise",
	"cooperate", "sign_agreement", "trade", "military_cooperation", "aid", "demand",
	"criticize", "accuse", "reject", "threaten", "reduce_relations", "sanction", "attack",
	"leads", "official_of", "member_of", "affiliated_with",
}

// syntheticPredictions builds named prediction sets from gold lines: the gold
// itself, reversed, with relations changed, and noisy random variants.
func syntheticPredictions(gold []GoldLine) map[string]map[string][]Record {
	sets := map[string]map[string][]Record{"empty": {}}
	add := func(set, article string, r Record) {
		if sets[set] == nil {
			sets[set] = map[string][]Record{}
		}
		r.Article = article
		sets[set][article] = append(sets[set][article], r)
	}
	for _, g := range gold {
		add("gold", g.Article, rec(g.Source[0], g.Relation, g.Target[0], g.Date))
		add("reversed", g.Article, rec(g.Target[len(g.Target)-1], g.Relation, g.Source[len(g.Source)-1], g.Date))
		i := slices.Index(scoringRelations, g.Relation)
		add("relation-swapped", g.Article, rec(g.Source[0], scoringRelations[(i+1)%len(scoringRelations)], g.Target[0], g.Date))
	}
	byArticle := map[string][]GoldLine{}
	var ids []string
	for _, g := range gold {
		if byArticle[g.Article] == nil {
			ids = append(ids, g.Article)
		}
		byArticle[g.Article] = append(byArticle[g.Article], g)
	}
	modalities := []string{"asserted", "asserted", "intent", "", "negated"}
	for seed := range uint64(3) {
		rng := rand.New(rand.NewPCG(seed, 7))
		set := fmt.Sprintf("random-%d", seed)
		mangle := func(name string) string {
			switch rng.IntN(6) {
			case 0:
				name = strings.ToUpper(name)
			case 1:
				name = "the " + name
			case 2:
				name = strings.ReplaceAll(name, "e", "é")
			case 3:
				name = strings.ReplaceAll(name, " ", "-") + "."
			}
			return name
		}
		date := func(d string) string {
			switch rng.IntN(6) {
			case 0:
				return ""
			case 1:
				if len(d) > 4 {
					return d[:4]
				}
			case 2:
				return d + "-01"
			case 3:
				return "1999-12-31"
			}
			return d
		}
		for _, id := range ids {
			lines := byArticle[id]
			var names []string
			for _, g := range lines {
				if rng.IntN(5) < 3 {
					s := g.Source[rng.IntN(len(g.Source))]
					o := g.Target[rng.IntN(len(g.Target))]
					if rng.IntN(5) == 0 {
						s, o = o, s
					}
					r := rec(mangle(s), g.Relation, mangle(o), date(g.Date))
					r.Modality = modalities[rng.IntN(len(modalities))]
					add(set, id, r)
					if rng.IntN(4) == 0 {
						r.Date = date(g.Date)
						add(set, id, r)
					}
				}
				names = append(names, g.Source...)
				names = append(names, g.Target...)
			}
			for range rng.IntN(4) {
				add(set, id, rec(mangle(names[rng.IntN(len(names))]), scoringRelations[rng.IntN(len(scoringRelations))],
					names[rng.IntN(len(names))], date("2023-05-24")))
			}
		}
		add(set, "not-in-gold", rec("China", "meet", "Russia", ""))
	}
	return sets
}

// writePred writes predictions as score.py's --pred file: JSON lines
// carrying a "file" field, articles in sorted order.
func writePred(t *testing.T, path string, pred map[string][]Record) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, id := range slices.Sorted(maps.Keys(pred)) {
		for _, r := range pred[id] {
			if err := enc.Encode(struct {
				File string `json:"file"`
				Record
			}{id, r}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runScorePy runs the reference scorer and returns its standard output.
func runScorePy(t *testing.T, py, shared, gold, pred string) string {
	t.Helper()
	cmd := exec.Command(py, filepath.Join(shared, "tools", "score.py"), "--gold", gold, "--pred", pred, "-v")
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py --gold %s --pred %s: %v\n%s", gold, pred, err, stderr.String())
	}
	return string(out)
}

// compareLines fails with the first line where got and want differ.
func compareLines(t *testing.T, what, got, want string) {
	t.Helper()
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("%s: line %d = %q, score.py prints %q", what, i+1, gl, wl)
			return
		}
	}
}

// extractorPredictions runs the extractor over the articles of a gold file
// and returns their records, keyed by gold article id.
func extractorPredictions(t *testing.T, corpus string, gold []GoldLine) map[string][]Record {
	t.Helper()
	lex, err := LoadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(lex)
	pred := map[string][]Record{}
	for _, g := range gold {
		if _, ok := pred[g.Article]; ok {
			continue
		}
		pred[g.Article] = []Record{}
		path, err := ArticleFile(corpus, g.Article)
		if err != nil {
			t.Fatal(err)
		}
		arts, err := ReadArticleFile(path, g.Article)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			pred[g.Article] = append(pred[g.Article], x.Extract(a).Records()...)
		}
	}
	return pred
}

// TestScoreAgreesWithScorePy scores the same predictions with Score and with
// ../shared/tools/score.py -v and compares the text line for line.
func TestScoreAgreesWithScorePy(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	for _, gs := range goldSets {
		goldPath := filepath.Join(shared, "gold", gs.gold)
		gold, err := ReadGold(goldPath)
		if err != nil {
			t.Fatal(err)
		}
		sets := syntheticPredictions(gold)
		sets["extractor"] = extractorPredictions(t, filepath.Join(shared, "corpus", gs.corpus), gold)
		for _, name := range slices.Sorted(maps.Keys(sets)) {
			t.Run(gs.gold+"/"+name, func(t *testing.T) {
				pred := sets[name]
				predPath := filepath.Join(t.TempDir(), "pred.jsonl")
				writePred(t, predPath, pred)
				want := runScorePy(t, py, shared, goldPath, predPath)
				var got bytes.Buffer
				if err := Score(gold, pred).WriteText(&got, true); err != nil {
					t.Fatal(err)
				}
				compareLines(t, fmt.Sprintf("Score(%s, %s)", gs.gold, name), got.String(), want)

				// The same file read back as score.py --pred reads it.
				read, err := ReadPredictions(predPath)
				if err != nil {
					t.Fatal(err)
				}
				got.Reset()
				if err := Score(gold, read).WriteText(&got, true); err != nil {
					t.Fatal(err)
				}
				compareLines(t, fmt.Sprintf("Score(%s, ReadPredictions(%s))", gs.gold, name), got.String(), want)
			})
		}
	}
}

// oddPredictions are prediction lines that score.py reads in its own way:
// null fields, "negated", "file" over "article", lines of no article.
const oddPredictions = `{"file":"a","article":"b","source":"China","relation":"meet","target":"Russia","date":"2023-05-24"}
{"article":"a","source":"Russia","relation":"meet","target":"China","date":null}
{"article":"a","source":"Iran","relation":"visit","target":"Iraq","modality":null}
{"article":"a","source":"Iran","relation":"visit","target":"Syria","modality":"intent","negated":true}
{"article":"a","source":"Iran","relation":"visit","target":"Oman","negated":false,"date":""}
{"article":"a","source":null,"relation":"visit","target":"Oman"}
{"article":"a","relation":"visit","target":"Oman"}
{"article":"a","source":"Iran","target":"Oman"}
{"file":null,"article":"a","source":"Peru","relation":"visit","target":"Oman"}
{"file":7,"source":"Peru","relation":"visit","target":"Chile"}
{"source":"Peru","relation":"visit","target":"Chile"}

{"article":"b","source":"the U.S.","relation":"sanction","target":"Iran","date":"2023","modality":""}` + "\r" +
	`{"article":"b","source":"US","relation":"sanction","target":"Iran","date":"2022","modality":"asserted"}
`

// oddGold is the gold file of oddPredictions.
const oddGold = `{"article":"a","source":["China"],"relation":"meet","target":["Russia"],"date":"2023-05"}
{"article":"a","source":["Iran"],"relation":"visit","target":["Iraq"]}
{"article":"a","source":["Iran"],"relation":"visit","target":["Syria"]}
{"article":"b","source":["United States"],"relation":"sanction","target":["Iran"],"date":"2022"}
{"article":"b","source":["Russia"],"relation":"meet","target":["China"],"date":"2023"}
`

func TestReadPredictionsAgreesWithScorePy(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	dir := t.TempDir()
	goldPath, predPath := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl")
	writeTestFiles(t, dir, map[string]string{"gold.jsonl": oddGold, "pred.jsonl": oddPredictions})
	gold, err := ReadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	pred, err := ReadPredictions(predPath)
	if err != nil {
		t.Fatal(err)
	}
	want := runScorePy(t, py, shared, goldPath, predPath)
	var got bytes.Buffer
	if err := Score(gold, pred).WriteText(&got, true); err != nil {
		t.Fatal(err)
	}
	compareLines(t, "Score(ReadPredictions(odd))", got.String(), want)
	if !strings.Contains(want, "false+") || !strings.Contains(want, "missed") {
		t.Errorf("the odd predictions should give both false positives and misses:\n%s", want)
	}
}

func TestReadPredictions(t *testing.T) {
	pred, err := parsePredictions([]byte(oddPredictions))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pred["a"]); n != 8 {
		t.Errorf("parsePredictions(odd) filed %d lines under a, want 8", n)
	}
	if n := len(pred["b"]); n != 2 {
		t.Errorf("parsePredictions(odd) filed %d lines under b, want 2", n)
	}
	a := pred["a"]
	checks := []struct {
		i             int
		field, got, w string
	}{
		{1, "date", a[1].Date, ""},
		{2, "modality", a[2].Modality, "None"},
		{3, "modality", a[3].Modality, "negated"},
		{4, "modality", a[4].Modality, ""},
		{5, "source", a[5].Source, "None"},
		{6, "source", a[6].Source, ""},
		{7, "relation", a[7].Relation, ""},
	}
	for _, c := range checks {
		if c.got != c.w {
			t.Errorf("parsePredictions(odd) line a[%d] %s = %q, want %q", c.i, c.field, c.got, c.w)
		}
	}

	bad := []struct{ line, msg string }{
		{`{"article":"a","source":["X"]}`, `"source" is not a string`},
		{`{"article":"a","relation":null}`, `"relation" is not a string`},
		{`{"article":"a","date":2023}`, `"date" is not a string`},
		{`[1]`, "not a JSON object"},
		{`{`, "not JSON"},
	}
	for _, tt := range bad {
		t.Run(tt.line, func(t *testing.T) {
			_, err := parsePredictions([]byte("{}\n" + tt.line))
			if err == nil || !strings.HasPrefix(err.Error(), "2: ") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("parsePredictions(%q) error = %v, want line 2 and %q", tt.line, err, tt.msg)
			}
		})
	}
	if _, err := ReadPredictions(filepath.Join(t.TempDir(), "absent.jsonl")); err == nil || !strings.Contains(err.Error(), "absent.jsonl") {
		t.Errorf("ReadPredictions(absent) error = %v, want one naming the file", err)
	}
}

func FuzzParsePredictions(f *testing.F) {
	f.Add([]byte(oddPredictions))
	f.Add([]byte(`{"file":"a","source":"X","relation":"meet","target":"Y","negated":true}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		pred, err := parsePredictions(data)
		if err != nil {
			return
		}
		for id, recs := range pred {
			if id == "" {
				t.Errorf("parsePredictions(%q) filed lines under no article", data)
			}
			_ = recs
		}
		gold := []GoldLine{{Article: "a", Source: []string{"X"}, Relation: "meet", Target: []string{"Y"}, Date: "2023"}}
		var out bytes.Buffer
		_ = Score(gold, pred).WriteText(&out, true)
	})
}

// TestScoreNormAgreesWithScorePy folds tricky and random names with
// scoreNorm and with score.py's norm and compares them.
func TestScoreNormAgreesWithScorePy(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	names := []string{"Straße", "Łódź", "ǅemal", "Ⅻ", "ﬀ", "㎏", "𝐀𝐁", "İstanbul", "ΣΊΣΥΦΟΣ", "the\u00a0West", "x\u2019s", "ℌ", "ǈ"}
	for _, gs := range goldSets {
		gold, err := ReadGold(filepath.Join(shared, "gold", gs.gold))
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range gold {
			names = append(names, g.Source...)
			names = append(names, g.Target...)
		}
	}
	// Random strings from blocks whose decompositions are the same in the
	// Unicode versions of Python (14) and x/text (15).
	ranges := [][2]rune{{0x20, 0x7e}, {0xa0, 0x24f}, {0x370, 0x3ff}, {0x1e00, 0x1eff}, {0x2000, 0x215f}, {0x2460, 0x24ff}, {0xfb00, 0xfb06}, {0xff01, 0xff5e}}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			r := ranges[rng.IntN(len(ranges))]
			b.WriteRune(r[0] + rune(rng.IntN(int(r[1]-r[0]+1))))
		}
		names = append(names, b.String())
	}
	var in bytes.Buffer
	for _, n := range names {
		line, _ := json.Marshal(n)
		in.Write(line)
		in.WriteByte('\n')
	}
	script := "import json, sys\nsys.path.insert(0, sys.argv[1])\nimport score\n" +
		"for line in sys.stdin:\n    print(json.dumps(score.norm(json.loads(line))))\n"
	cmd := exec.Command(py, "-c", script, filepath.Join(shared, "tools"))
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python norm: %v", err)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(names) {
		t.Fatalf("python norm gave %d lines for %d names", len(got), len(names))
	}
	for i, n := range names {
		var want string
		if err := json.Unmarshal([]byte(got[i]), &want); err != nil {
			t.Fatal(err)
		}
		if s := scoreNorm(n); s != want {
			t.Errorf("scoreNorm(%q) = %q, score.py's norm gives %q", n, s, want)
		}
	}
}

// writeTestFiles writes files (name -> content) under dir.
func writeTestFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFindArticle(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{
		"a.txt": "x", "a.md": "x", "b.html": "x", "b.jsonl": "x", "c": "x", "d.json/inner": "x", "d.htm": "x", "sub/e.txt": "x",
	})
	tests := []struct{ article, want string }{
		{"a", "a.txt"},
		{"b", "b.html"},
		{"c", "c"},
		{"d", "d.htm"}, // d.json is a folder, not a file
		{"sub/e", "sub/e.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.article, func(t *testing.T) {
			got, err := ArticleFile(dir, tt.article)
			if err != nil || got != filepath.Join(dir, tt.want) {
				t.Errorf("ArticleFile(%q) = %q, %v, want %q", tt.article, got, err, filepath.Join(dir, tt.want))
			}
		})
	}
	for _, article := range []string{"missing", "../a", "/etc/passwd", ""} {
		if got, err := ArticleFile(dir, article); err == nil {
			t.Errorf("ArticleFile(%q) = %q, want an error", article, got)
		}
	}
}

func TestReadArticleFile(t *testing.T) {
	dir := t.TempDir()
	writeTestFiles(t, dir, map[string]string{
		"plain":   "title: Talks\ndate: 2023-05-24\n\nXi Jinping met Mikhail Mishustin.\n",
		"object":  `{"title":"Talks","date":"2023-05-24","text":"Xi Jinping met Mikhail Mishustin."}`,
		"a.txt":   "title: Talks\ndate: 2023-05-24\n\nXi Jinping met Mikhail Mishustin.\n",
		"empty":   "",
		"e.jsonl": "{\"id\":\"one\",\"text\":\"Xi met Putin.\"}\n{broken\n",
	})
	for _, tt := range []struct{ file, id, wantID string }{
		{"plain", "plain", "plain"},
		{"object", "object", "object"},
		{"a.txt", "a", "a"},
	} {
		arts, err := ReadArticleFile(filepath.Join(dir, tt.file), tt.id)
		if err != nil || len(arts) != 1 || arts[0].ID != tt.wantID || !strings.Contains(arts[0].Text, "Mishustin") {
			t.Errorf("ReadArticleFile(%q) = %+v, %v, want one article %q", tt.file, arts, err, tt.wantID)
		}
	}
	if _, err := ReadArticleFile(filepath.Join(dir, "empty"), "empty"); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("ReadArticleFile(empty) error = %v, want one naming the file", err)
	}
	arts, err := ReadArticleFile(filepath.Join(dir, "e.jsonl"), "e")
	if err == nil || len(arts) != 1 {
		t.Errorf("ReadArticleFile(e.jsonl) = %d articles, %v, want the good one and an error", len(arts), err)
	}
}

// BenchmarkScore scores a noisy prediction set of modern-dev.jsonl; the
// bytes are those of the gold file.
func BenchmarkScore(b *testing.B) {
	shared := sharedDir(b)
	path := filepath.Join(shared, "gold", "modern-dev.jsonl")
	gold, err := ReadGold(path)
	if err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	pred := syntheticPredictions(gold)["random-1"]
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		Score(gold, pred)
	}
}
