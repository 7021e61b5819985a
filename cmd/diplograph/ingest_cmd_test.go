package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/store"
)

// The binary, built once per test run for the tests that need a process
// of their own (kills, locks).
var (
	binOnce sync.Once
	binPath string
	binErr  error
)

func diplographBin(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary: skipped with -short")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "diplograph-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "diplograph")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// runCLI runs the command line in process and returns the exit code,
// stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := newApp(strings.NewReader(stdin), &out, &errb)
	a.Getenv = func(string) string { return "" }
	code := run(context.Background(), args, a)
	return code, out.String(), errb.String()
}

var (
	countries = []string{"China", "Russia", "Japan", "France", "Germany", "India", "Brazil", "Canada", "Iran", "Turkey", "Ukraine", "Poland"}
	verbs     = []string{"met", "criticized", "signed an agreement with", "held talks with", "imposed sanctions on", "praised", "accused", "visited"}
)

// writeArticles writes n short articles built from templates into dir and
// returns their total size.
func writeArticles(t *testing.T, dir string, n int) int64 {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var total int64
	for i := range n {
		a, b, c := countries[i%len(countries)], countries[(i*7+3)%len(countries)], countries[(i*5+1)%len(countries)]
		if a == b {
			b = countries[(i+1)%len(countries)]
		}
		text := fmt.Sprintf("title: %s and %s, report %d\ndate: 2023-%02d-%02d\n\n"+
			"%s %s %s on Monday, officials said. The foreign minister of %s %s %s in a statement.\n\n"+
			"Trade between %s and %s grew last year. Report number %d.\n",
			a, b, i, 1+i%12, 1+i%28, a, verbs[i%len(verbs)], b, c, verbs[(i+3)%len(verbs)], a, b, c, i)
		p := filepath.Join(dir, fmt.Sprintf("sub%d", i%3), fmt.Sprintf("art-%04d.txt", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		total += int64(len(text))
	}
	return total
}

// storeStats reads the store's counts with `stats --json`.
func storeStats(t *testing.T, dir string) store.Stats {
	t.Helper()
	code, out, errs := runCLI(t, "", "--store", dir, "--json", "stats")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errs)
	}
	var st store.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	return st
}

func mustVerifyCLI(t *testing.T, dir string) string {
	t.Helper()
	code, out, errs := runCLI(t, "", "--store", dir, "verify")
	if code != 0 {
		t.Fatalf("verify: exit %d\n%s%s", code, out, errs)
	}
	return out
}

func TestIngestAndReingest(t *testing.T) {
	tmp := t.TempDir()
	in, db := filepath.Join(tmp, "in"), filepath.Join(tmp, "db")
	writeArticles(t, in, 40)

	code, out, errs := runCLI(t, "", "--store", db, "ingest", "--workers", "3", in)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	if out != "" {
		t.Errorf("ingest wrote %q on stdout, want nothing", out)
	}
	if !strings.Contains(errs, "40 new, 0 unchanged, 0 replaced, 0 failed") {
		t.Errorf("ingest summary = %q, want 40 new", errs)
	}
	first := storeStats(t, db)
	if first.Articles != 40 || first.Sentences == 0 || first.BytesOnDisk == 0 {
		t.Errorf("stats after ingest = %+v, want 40 articles, some sentences and bytes", first)
	}
	if v := mustVerifyCLI(t, db); !strings.HasPrefix(v, "store consistent: 40 articles") {
		t.Errorf("verify = %q", v)
	}

	// The same folder again: nothing new, nothing changes.
	code, _, errs = runCLI(t, "", "--store", db, "ingest", in)
	if code != 0 || !strings.Contains(errs, "0 new, 40 unchanged, 0 replaced, 0 failed") {
		t.Errorf("re-ingest: exit %d, %q; want 0 new, 40 unchanged", code, errs)
	}
	if again := storeStats(t, db); !equalCounts(again, first) {
		t.Errorf("stats after re-ingest = %+v, want %+v", again, first)
	}

	// A changed file replaces its article.
	p := filepath.Join(in, "sub0", "art-0000.txt")
	if err := os.WriteFile(p, []byte("title: changed\ndate: 2023-01-01\n\nChina met Russia in Beijing.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, "", "--store", db, "-q", "ingest", in)
	if code != 0 || errs != "" {
		t.Errorf("ingest -q after a change: exit %d, stderr %q; want 0 and silence", code, errs)
	}
	if st := storeStats(t, db); st.Articles != 40 {
		t.Errorf("articles after replacing one = %d, want 40", st.Articles)
	}
	mustVerifyCLI(t, db)

	// reindex replaces every article's events and keeps the counts.
	before := storeStats(t, db)
	code, _, errs = runCLI(t, "", "--store", db, "reindex")
	if code != 0 || !strings.Contains(errs, "0 new, 0 unchanged, 40 replaced, 0 failed") {
		t.Errorf("reindex: exit %d, %q; want 40 replaced", code, errs)
	}
	if after := storeStats(t, db); !equalCounts(after, before) {
		t.Errorf("stats after reindex = %+v, want %+v", after, before)
	}
	mustVerifyCLI(t, db)
}

// equalCounts compares what ingesting decides (not the bytes on disk).
func equalCounts(a, b store.Stats) bool {
	return a.Articles == b.Articles && a.Sentences == b.Sentences && a.Events == b.Events &&
		a.Evidence == b.Evidence && a.Actors == b.Actors && a.FirstDate == b.FirstDate && a.LastDate == b.LastDate &&
		fmt.Sprint(a.EventsByRelation) == fmt.Sprint(b.EventsByRelation) && fmt.Sprint(a.ActorsByKind) == fmt.Sprint(b.ActorsByKind)
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	stdin := `{"id":"s1","title":"One","date":"2023-05-24","text":"China met Russia in Beijing on Wednesday."}
{"id":"s2","title":"Two","date":"2023-05-25","text":"Japan criticized China."}
`
	code, _, errs := runCLI(t, stdin, "--store", db, "ingest", "-")
	if code != 0 {
		t.Fatalf("ingest -: exit %d\n%s", code, errs)
	}
	if st := storeStats(t, db); st.Articles != 2 {
		t.Errorf("articles from stdin = %d, want 2", st.Articles)
	}
}

func TestIngestFlagsAndErrors(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no paths", []string{"ingest"}, 2, "requires at least 1 arg"},
		{"bad workers", []string{"ingest", "--workers", "0", tmp}, 2, "--workers"},
		{"bad progress", []string{"ingest", "--progress", "sometimes", tmp}, 2, "--progress"},
		{"missing path", []string{"ingest", filepath.Join(tmp, "nope")}, 1, "nope"},
		{"stats without store", []string{"stats"}, 2, "no store"},
		{"verify without store", []string{"verify"}, 2, "diplograph ingest PATH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := db
			if strings.Contains(tt.name, "without store") {
				store = filepath.Join(tmp, "empty")
			}
			code, _, errs := runCLI(t, "", append([]string{"--store", store}, tt.args...)...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errs, tt.code, tt.want)
			}
		})
	}
}

func TestStatsText(t *testing.T) {
	tmp := t.TempDir()
	in, db := filepath.Join(tmp, "in"), filepath.Join(tmp, "db")
	writeArticles(t, in, 12)
	if code, _, errs := runCLI(t, "", "--store", db, "-q", "ingest", in); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	code, out, _ := runCLI(t, "", "--store", db, "stats")
	if code != 0 {
		t.Fatalf("stats: exit %d", code)
	}
	for _, want := range []string{"articles", "sentences", "events", "actors", "country", "dates:", "on disk:"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats output lacks %q:\n%s", want, out)
		}
	}
	// Numbers are right-aligned in one column.
	lines := strings.Split(out, "\n")
	width := len(lines[0])
	for _, l := range lines[1:5] {
		if len(l) != width {
			t.Errorf("stats lines not aligned: %q vs %q", lines[0], l)
		}
	}
	var st map[string]any
	_, js, _ := runCLI(t, "", "--store", db, "--json", "stats")
	if err := json.Unmarshal([]byte(js), &st); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"articles", "sentences", "events", "actors", "actors_by_kind", "events_by_relation", "first_date", "last_date", "bytes_on_disk"} {
		if _, ok := st[k]; !ok {
			t.Errorf("stats --json lacks %q: %s", k, js)
		}
	}
}

func TestLockedStore(t *testing.T) {
	bin := diplographBin(t)
	tmp := t.TempDir()
	in, db := filepath.Join(tmp, "in"), filepath.Join(tmp, "db")
	writeArticles(t, in, 3)
	s, err := store.Open(db, store.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, args := range [][]string{{"ingest", in}, {"stats"}, {"verify"}} {
		cmd := exec.Command(bin, append([]string{"--store", db}, args...)...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		code := cmd.ProcessState.ExitCode()
		msg := errb.String()
		if code != 2 || !strings.Contains(msg, db) || !strings.Contains(msg, "another diplograph process") {
			t.Errorf("%v on a locked store: exit %d (%v), stderr %q; want exit 2 naming %s and another process", args, code, err, msg, db)
		}
		if strings.Count(strings.TrimSpace(msg), "\n") > 0 {
			t.Errorf("%v on a locked store: %q, want one line", args, msg)
		}
	}
}

// TestIngestSameNamesInTwoFolders checks that files of the same name in two
// folders are two articles, named by their path under the folder given.
func TestIngestSameNamesInTwoFolders(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "corpus")
	for _, sub := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(root, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "a", "001.txt"), []byte("title: A\ndate: 2020-01-02\n\nJapan met India on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "b", "001.txt"), []byte("title: B\ndate: 2020-01-03\n\nChina criticized Japan on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "db")
	for run := 0; run < 2; run++ {
		if code, _, errs := runCLI(t, "", "-q", "--store", db, "ingest", root); code != 0 {
			t.Fatalf("ingest run %d: exit %d\n%s", run, code, errs)
		}
	}
	for _, id := range []string{"a/001", "b/001"} {
		if !articleStored(t, db, id) {
			t.Errorf("article %q not stored", id)
		}
	}
}
