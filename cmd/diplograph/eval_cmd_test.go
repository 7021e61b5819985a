package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/ingest"
)

// runCLI runs the command line with buffers and returns the exit code,
// standard output and standard error.
func runEvalCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, newApp(strings.NewReader(""), &out, &errb))
	return code, out.String(), errb.String()
}

// The line formats of score.py.
var (
	articleLineRE = regexp.MustCompile(`^(\S+): P=\d\.\d\d R=\d\.\d\d \((\d+)/(\d+) gold, (\d+) false\+\)$`)
	totalLineRE   = regexp.MustCompile(`^F1=\d\.\d{3} P=\d\.\d{3} R=\d\.\d{3} dates=\d\.\d{3} articles=(\d+) gold=(\d+) false\+=(\d+)$`)
	falsePosRE    = regexp.MustCompile(`^  false\+ (\S+): .* --[a-z_]+--> .* \[('[^']*'(, )?)+\]$`)
	missedRE      = regexp.MustCompile(`^  missed (\S+): .+ --[a-z_]+--> .+$`)
)

// repoTestdata returns the repository's testdata folder, found by walking up
// to go.mod.
func repoTestdata(t *testing.T) string {
	t.Helper()
	return filepath.Join(repoRoot(t), "testdata")
}

// checkEvalText checks eval's text output against score.py's formats and
// against the gold file: one line per gold article in order, the totals last.
func checkEvalText(t *testing.T, out string, gold []ingest.GoldLine, verbose bool) {
	t.Helper()
	var ids []string
	required := 0
	for _, g := range gold {
		if !slices.Contains(ids, g.Article) {
			ids = append(ids, g.Article)
		}
		if !g.Optional {
			required++
		}
	}
	slices.Sort(ids)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var seen []string
	fps, misses, sumFP := 0, 0, 0
	for _, l := range lines[:len(lines)-1] {
		switch {
		case articleLineRE.MatchString(l):
			m := articleLineRE.FindStringSubmatch(l)
			seen = append(seen, m[1])
			var fp int
			fmt.Sscan(m[4], &fp)
			sumFP += fp
		case verbose && falsePosRE.MatchString(l):
			fps++
		case verbose && missedRE.MatchString(l):
			misses++
		default:
			t.Errorf("eval printed %q, not a line of score.py's formats", l)
		}
	}
	if !slices.Equal(seen, ids) {
		t.Errorf("eval article lines = %v, want %v", seen, ids)
	}
	total := lines[len(lines)-1]
	m := totalLineRE.FindStringSubmatch(total)
	if m == nil {
		t.Fatalf("eval last line = %q, want F1=... P=... R=... dates=... articles=N gold=N false+=N", total)
	}
	if want := fmt.Sprintf("articles=%d gold=%d false+=%d", len(ids), required, sumFP); !strings.HasSuffix(total, want) {
		t.Errorf("eval last line = %q, want it to end %q", total, want)
	}
	if verbose && fps != sumFP {
		t.Errorf("eval -v printed %d false+ lines, want %d", fps, sumFP)
	}
}

func TestEvalTestdata(t *testing.T) {
	td := repoTestdata(t)
	goldPath := filepath.Join(td, "gold.jsonl")
	if _, err := os.Stat(goldPath); err != nil {
		t.Skipf("no %s", goldPath)
	}
	gold, err := ingest.ReadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	articles := filepath.Join(td, "articles")
	for _, verbose := range []bool{false, true} {
		t.Run(fmt.Sprintf("verbose=%v", verbose), func(t *testing.T) {
			args := []string{"eval", "--gold", goldPath, articles}
			if verbose {
				args = append(args, "-v")
			}
			code, out, errs := runEvalCLI(t, args...)
			if code != exitOK {
				t.Fatalf("eval %v exit %d, want 0; stderr:\n%s", args, code, errs)
			}
			checkEvalText(t, out, gold, verbose)
		})
	}

	t.Run("json", func(t *testing.T) {
		code, out, errs := runEvalCLI(t, "--json", "eval", "--gold", goldPath, articles)
		if code != exitOK {
			t.Fatalf("eval --json exit %d, want 0; stderr:\n%s", code, errs)
		}
		var got struct {
			Gold     string  `json:"gold"`
			F1       float64 `json:"f1"`
			Required int     `json:"required"`
			Articles []struct {
				Article        string            `json:"article"`
				FalsePositives []json.RawMessage `json:"false_positives"`
				Misses         []json.RawMessage `json:"misses"`
			} `json:"articles"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("eval --json output is not one JSON object: %v\n%s", err, out)
		}
		_, text, _ := runEvalCLI(t, "eval", "--gold", goldPath, articles)
		if want := fmt.Sprintf("F1=%.3f ", got.F1); !strings.Contains(text, want) {
			t.Errorf("eval --json f1 = %v, text output says %q", got.F1, text)
		}
		if got.Gold != goldPath || len(got.Articles) == 0 || got.Required == 0 {
			t.Errorf("eval --json = %+v, want the gold file named and its articles scored", got)
		}
		if !strings.Contains(out, `"false_positives":[`) || strings.Contains(out, `"misses":null`) {
			t.Errorf("eval --json lists must be [] rather than null: %s", out)
		}
	})
}

// writeFiles writes files (name -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
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

const evalArticle = "title: Talks\ndate: 2023-05-24\n\nChinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday.\n"

func TestEvalFormats(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"articles/a.txt":  evalArticle,
		"articles/a.md":   "not this one: .txt comes first",
		"articles/b.md":   evalArticle,
		"articles/c":      evalArticle,
		"articles/d.json": `{"id":"d","title":"Talks","date":"2023-05-24","text":` + mustJSON(t, evalArticle[strings.Index(evalArticle, "Chinese"):]) + `}`,
		"gold.jsonl": `{"article":"c","source":["Xi Jinping"],"relation":"meet","target":["Mikhail Mishustin"],"date":"2023-05-24"}
{"article":"a","source":["Xi Jinping"],"relation":"meet","target":["Mikhail Mishustin"],"date":"2023-05-24"}
{"article":"a","source":["Xi Jinping"],"relation":"leads","target":["China"],"optional":true}
{"article":"b","source":["Russia"],"relation":"attack","target":["Ukraine"]}
{"article":"d","source":["Xi Jinping"],"relation":"meet","target":["Mikhail Mishustin"]}
`,
	})
	goldPath := filepath.Join(dir, "gold.jsonl")
	gold, err := ingest.ReadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runEvalCLI(t, "eval", "-v", "--gold", goldPath, filepath.Join(dir, "articles"))
	if code != exitOK {
		t.Fatalf("eval exit %d, want 0; stderr:\n%s", code, errs)
	}
	checkEvalText(t, out, gold, true)
	// b's gold line is not in its text: it must be missed, whatever the extractor finds.
	if want := "  missed b: Russia --attack--> Ukraine\n"; !strings.Contains(out, want) {
		t.Errorf("eval -v output lacks %q:\n%s", want, out)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"articles/a.txt": evalArticle,
		"gold.jsonl":     `{"article":"a","source":["Xi Jinping"],"relation":"meet","target":["Mikhail Mishustin"]}` + "\n" + `{"article":"zz-missing","source":["A"],"relation":"meet","target":["B"]}` + "\n",
		"bad.jsonl":      `{"article":"a","source":["Xi Jinping"],"relation":"meet","target":["Mikhail Mishustin"]}` + "\n" + `{"article":"a","source":"A"}` + "\n",
	})
	articles := filepath.Join(dir, "articles")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no gold flag", []string{"eval", articles}, exitError, "--gold"},
		{"no dir", []string{"eval", "--gold", filepath.Join(dir, "gold.jsonl")}, exitError, "DIR"},
		{"dir and pred", []string{"eval", "--gold", filepath.Join(dir, "gold.jsonl"), "--pred", filepath.Join(dir, "gold.jsonl"), articles}, exitError, "not both"},
		{"two dirs", []string{"eval", "--gold", filepath.Join(dir, "gold.jsonl"), articles, articles}, exitError, "arg"},
		{"bad pred line", []string{"eval", "--gold", filepath.Join(dir, "gold.jsonl"), "--pred", filepath.Join(dir, "bad.jsonl")}, exitError, `bad.jsonl:1: "source" is not a string`},
		{"missing article", []string{"eval", "--gold", filepath.Join(dir, "gold.jsonl"), articles}, exitError, `no file for article "zz-missing"`},
		{"bad gold line", []string{"eval", "--gold", filepath.Join(dir, "bad.jsonl"), articles}, exitError, "bad.jsonl:2:"},
		{"absent gold file", []string{"eval", "--gold", filepath.Join(dir, "nope.jsonl"), articles}, exitError, "nope.jsonl"},
		{"dir not a folder", []string{"eval", "--gold", filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "gold.jsonl")}, exitError, "not a folder"},
		{"absent dir", []string{"eval", "--gold", filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "nope")}, exitError, "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runEvalCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.msg) {
				t.Errorf("%v: exit %d, stderr %q, want exit %d and %q", tt.args, code, errs, tt.code, tt.msg)
			}
			if out != "" {
				t.Errorf("%v printed %q on stdout, want nothing", tt.args, out)
			}
		})
	}
}

// TestEvalAgreesWithScorePy runs the reference scorer over what `extract
// --format jsonl` prints for each article of testdata/gold.jsonl, as
// score.py --cmd would, and compares its text with `eval -v` line for line.
func TestEvalAgreesWithScorePy(t *testing.T) {
	td := repoTestdata(t)
	goldPath := filepath.Join(td, "gold.jsonl")
	scorePy := filepath.Join(filepath.Dir(td), "..", "shared", "tools", "score.py")
	for _, p := range []string{goldPath, scorePy} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("no %s", p)
		}
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	if code, _, _ := runEvalCLI(t, "extract", "--help"); code != exitOK {
		t.Skip("no extract command")
	}
	gold, err := ingest.ReadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	articles := filepath.Join(td, "articles")
	var pred bytes.Buffer
	done := map[string]bool{}
	for _, g := range gold {
		if done[g.Article] {
			continue
		}
		done[g.Article] = true
		path, err := ingest.ArticleFile(articles, g.Article)
		if err != nil {
			t.Fatal(err)
		}
		code, out, errs := runEvalCLI(t, "extract", "--format", "jsonl", path)
		if code != exitOK {
			t.Fatalf("extract --format jsonl %s: exit %d\n%s", path, code, errs)
		}
		// score.py --pred files name each line's article in "file".
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if line == "" {
				continue
			}
			var e map[string]any
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("extract printed %q: %v", line, err)
			}
			e["file"] = g.Article
			b, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			pred.Write(append(b, '\n'))
		}
	}
	predPath := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(predPath, pred.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, scorePy, "--gold", goldPath, "--pred", predPath, "-v")
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	code, got, errs := runEvalCLI(t, "eval", "-v", "--gold", goldPath, articles)
	if code != exitOK {
		t.Fatalf("eval exit %d: %s", code, errs)
	}
	if got != string(want) {
		t.Errorf("eval -v --gold %s =\n%s\nscore.py prints\n%s", goldPath, got, want)
	}
}

func TestEvalPred(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"gold.jsonl": `{"article":"a","source":["Xi Jinping","Xi"],"relation":"meet","target":["Mikhail Mishustin"],"date":"2023-05"}
{"article":"a","source":["Xi Jinping"],"relation":"leads","target":["China"]}
{"article":"b","source":["Russia"],"relation":"attack","target":["Ukraine"],"date":"2022-02-24"}
`,
		"pred.jsonl": `{"file":"a","source":"Mikhail Mishustin","relation":"meet","target":"Xi","date":"2023-05-24","modality":"asserted"}
{"file":"a","source":"China","relation":"sanction","target":"Japan","date":"2023","modality":"asserted"}
{"article":"b","source":"Russia","relation":"attack","target":"Ukraine","date":"2022-02","modality":"asserted"}
{"article":"b","source":"Russia","relation":"attack","target":"Kyiv","modality":"negated"}
`,
	})
	code, out, errs := runEvalCLI(t, "eval", "-v", "--gold", filepath.Join(dir, "gold.jsonl"), "--pred", filepath.Join(dir, "pred.jsonl"))
	if code != exitOK {
		t.Fatalf("eval --pred exit %d, want 0; stderr:\n%s", code, errs)
	}
	want := `  false+ a: china --sanction--> japan ['2023']
  missed a: Xi Jinping --leads--> China
a: P=0.50 R=0.50 (1/2 gold, 1 false+)
b: P=1.00 R=1.00 (1/1 gold, 0 false+)
F1=0.667 P=0.667 R=0.667 dates=0.500 articles=2 gold=3 false+=1
`
	if out != want {
		t.Errorf("eval -v --pred =\n%s\nwant\n%s", out, want)
	}

	code, out, errs = runEvalCLI(t, "--json", "eval", "--gold", filepath.Join(dir, "gold.jsonl"), "--pred", filepath.Join(dir, "pred.jsonl"))
	if code != exitOK {
		t.Fatalf("eval --json --pred exit %d, want 0; stderr:\n%s", code, errs)
	}
	var got struct {
		Pred       string  `json:"pred"`
		Dir        *string `json:"dir"`
		TP         int     `json:"tp"`
		FP         int     `json:"fp"`
		Found      int     `json:"found"`
		Required   int     `json:"required"`
		Dated      int     `json:"dated"`
		DatedRight int     `json:"dated_right"`
		Articles   []struct {
			FalsePositives []ingest.Triple   `json:"false_positives"`
			Misses         []ingest.GoldLine `json:"misses"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("eval --json --pred: %v\n%s", err, out)
	}
	if got.Pred != filepath.Join(dir, "pred.jsonl") || got.Dir != nil || got.TP != 2 || got.FP != 1 || got.Found != 2 || got.Required != 3 || got.Dated != 2 || got.DatedRight != 1 {
		t.Errorf("eval --json --pred = %+v, want pred named, no dir, tp 2 fp 1 found 2/3 dated 1/2", got)
	}
	if len(got.Articles) != 2 || len(got.Articles[0].Misses) != 1 || got.Articles[0].Misses[0].Line != 2 ||
		len(got.Articles[0].FalsePositives) != 1 || got.Articles[1].Misses == nil {
		t.Errorf("eval --json --pred articles = %+v, want a's miss (gold line 2) and false positive", got.Articles)
	}
}

// TestEvalUnreadableArticle checks that an article file that cannot be read
// is named on stderr, scored with no predictions, and exits 1.
func TestEvalUnreadableArticle(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"articles/a.txt": evalArticle,
		"articles/e.txt": "   \n",
		"gold.jsonl": `{"article":"a","source":["Xi Jinping"],"relation":"meet","target":["Mikhail Mishustin"]}
{"article":"e","source":["Russia"],"relation":"attack","target":["Ukraine"]}
`,
	})
	code, out, errs := runEvalCLI(t, "eval", "--gold", filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "articles"))
	if code != exitPartial {
		t.Errorf("eval with an empty article: exit %d, want %d", code, exitPartial)
	}
	if !strings.Contains(errs, filepath.Join(dir, "articles", "e.txt")) {
		t.Errorf("eval with an empty article: stderr %q, want it to name e.txt", errs)
	}
	if !strings.Contains(out, "e: P=0.00 R=0.00 (0/1 gold, 0 false+)\n") || !strings.Contains(out, "articles=2 gold=2") {
		t.Errorf("eval with an empty article printed\n%s\nwant e scored with nothing found", out)
	}
}
