package main

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHostileBatch ingests a folder of bad and odd inputs next to good
// ones: the batch goes on, each bad file is named, good articles (and the
// good lines of a .jsonl) are stored, what was stored before is intact, and
// nothing panics.
func TestHostileBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 35 MB of inputs: skipped with -short")
	}
	tmp := t.TempDir()
	good, bad, db := filepath.Join(tmp, "good"), filepath.Join(tmp, "bad"), filepath.Join(tmp, "db")
	writeArticles(t, good, 10)
	if code, _, errs := runCLI(t, "", "--store", db, "-q", "ingest", good); code != 0 {
		t.Fatalf("first ingest: exit %d: %s", code, errs)
	}
	before := storeStats(t, db)

	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)
	bigLine := bytes.Repeat([]byte("Filler words without a full stop "), 30<<20/33+1) // ~30 MB, one line
	fiveMB := fillerArticle(rng, 5<<20)

	files := map[string][]byte{
		"empty.txt":          nil,
		"random.txt":         random,
		"invalid-utf8.txt":   []byte("title: Broken \xff\xfe bytes\n\nJapan met \xc3\x28 France in Paris. \xe2\x82 More text here.\n"),
		"huge.txt":           bigLine,
		"five.txt":           fiveMB,
		"mixed.jsonl":        []byte(`{"id":"j1","title":"J1","date":"2023-03-01","text":"India met Brazil."}` + "\n" + `{"id":"j2","text":` + "\n" + `{"id":"j3","title":"J3","text":"Canada praised Poland."}` + "\n"),
		"page.html":          []byte("<html><head><title>Page &amp; more</title></head><body><article><p>Japan met <b>India</b> &amp; Brazil in Tokyo.</p></article></body></html>"),
		"names.txt":          []byte("title: <script>alert(\"x\") & 'quotes'</script>\ndate: 2023-04-01\n\nThe \"Iran & Turkey <Council>\" met 'Germany' officials. Iran criticized <b>Turkey</b> & Germany.\n"),
		"notes.csv":          []byte("not,an,article\n"),
		"nested/good-1.txt":  []byte("title: Nested\ndate: 2023-01-02\n\nJapan signed an agreement with India.\n"),
		".hidden/secret.txt": []byte("title: hidden\n\nChina met Japan.\n"),
	}
	for name, b := range files {
		p := filepath.Join(bad, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	code, out, errs := runCLI(t, "", "--store", db, "ingest", "--workers", "2", bad)
	if code != 1 {
		t.Errorf("hostile ingest: exit %d, want 1\n%s", code, errs)
	}
	if out != "" {
		t.Errorf("hostile ingest stdout = %q, want nothing", out)
	}
	if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine ") {
		t.Fatalf("hostile ingest panicked:\n%s", errs)
	}
	for _, name := range []string{"empty.txt", "random.txt", "huge.txt", "mixed.jsonl:2"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errs)
		}
	}
	for _, name := range []string{"five.txt", "nested/good-1.txt", "page.html", "names.txt", "secret.txt"} {
		for _, line := range strings.Split(errs, "\n") {
			if strings.Contains(line, name) {
				t.Errorf("stderr names %s, which should have been read: %q", name, line)
			}
		}
	}
	if strings.Count(errs, "\n") > 12 {
		t.Errorf("stderr has %d lines, want one a failure and a summary:\n%s", strings.Count(errs, "\n"), errs)
	}

	for _, id := range []string{"five", "nested/good-1", "j1", "j3", "names", "invalid-utf8", "page"} {
		if !articleStored(t, db, id) {
			t.Errorf("article %q not stored", id)
		}
	}
	for _, id := range []string{"empty", "random", "huge", "j2", "secret", "notes"} {
		if articleStored(t, db, id) {
			t.Errorf("article %q stored, want refused or skipped", id)
		}
	}
	after := storeStats(t, db)
	if after.Articles != before.Articles+7 {
		t.Errorf("articles after the hostile batch = %d, want %d + 7", after.Articles, before.Articles)
	}
	mustVerifyCLI(t, db)
	// What was stored before is intact: re-ingesting it changes nothing.
	code, _, errs = runCLI(t, "", "--store", db, "ingest", good)
	if code != 0 || !strings.Contains(errs, "0 new, 10 unchanged") {
		t.Errorf("re-ingest of the first batch: exit %d, %q; want 10 unchanged", code, errs)
	}
}

// fillerArticle returns an article of about n bytes of ordinary sentences
// that name one pair of countries at the top.
func fillerArticle(rng *rand.Rand, n int) []byte {
	words := strings.Fields("the of and a to in is was that for on are with as his they be at one have this from or had by word but what some we can out other were all there when up use your how said each she which do their time if will way about many then them would like so these her long make thing see him two has look more day could go come did number sound no most people my over know water than call first who may down side been now find")
	var b bytes.Buffer
	b.WriteString("title: Five megabytes\ndate: 2023-02-01\n\nChina met Russia in Beijing.\n\n")
	for b.Len() < n {
		for i := range 15 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.Intn(len(words))])
		}
		b.WriteString(". ")
	}
	return b.Bytes()
}

// TestHostileDeepHTML ingests a page of 100,000 nested divs in a process of
// its own, which must finish within a minute (the HTML reader must bound
// its work on deep nesting) and store nothing half-way.
func TestHostileDeepHTML(t *testing.T) {
	bin := diplographBin(t)
	tmp := t.TempDir()
	var divs strings.Builder
	divs.WriteString("<html><head><title>Deep</title></head><body>")
	for range 100000 {
		divs.WriteString("<div>")
	}
	divs.WriteString("<p>China met Russia in the deepest div.</p>")
	for range 100000 {
		divs.WriteString("</div>")
	}
	divs.WriteString("</body></html>")
	page := filepath.Join(tmp, "deep.html")
	if err := os.WriteFile(page, []byte(divs.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(tmp, "db")
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--store", db, "ingest", page)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("ingest of 100,000 nested divs did not finish in a minute (the HTML reader is super-linear in nesting depth)")
	}
	if code := cmd.ProcessState.ExitCode(); code > 1 || strings.Contains(errb.String(), "panic") {
		t.Fatalf("ingest deep.html: exit %d (%v)\n%s", code, err, errb.String())
	}
	mustVerifyCLI(t, db)
}

// articleStored reports whether the store in dir holds an article id.
func articleStored(t *testing.T, dir, id string) bool {
	t.Helper()
	s, err := newApp(nil, nil, nil).withStore(dir).openStore(t.Context(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Article(t.Context(), id)
	return err == nil
}

func (a *App) withStore(dir string) *App { a.StoreDir = dir; return a }
