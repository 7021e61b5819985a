package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readSharedDir returns the team's shared folder (../shared next to the
// repository root, found by walking up to go.mod), skipping the test when
// it or the sub-folder asked for is absent.
func readSharedDir(tb testing.TB, sub ...string) string {
	tb.Helper()
	dir := repoRoot(tb)
	p := filepath.Join(append([]string{dir, "..", "shared"}, sub...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent: %v", p, err)
	}
	return p
}

func TestReadSeed(t *testing.T) {
	path := filepath.Join(readSharedDir(t, "corpus", "seed"), "xi-mishustin-2023-05-24.txt")
	arts, err := ReadFile(path, ReadOptions{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("ReadFile(%q) = %d articles, %v; want 1", path, len(arts), err)
	}
	a := arts[0]
	checkArticle(t, "seed", a, wantArticle{
		id:    "xi-mishustin-2023-05-24",
		title: "China's Xi Offers Russia 'Firm Support' in 'Core Interests'",
		date:  "2023-05-24",
		url:   "https://www.themoscowtimes.com/2023/05/24/chinas-xi-offers-russia-firm-support-in-core-interests-a81256",
		meta:  map[string]string{"byline": "AFP"},
	})
	sents := Split(a.Text)
	checkSentences(t, a.Text, sents)
	got := sentenceTexts(sents)
	for _, s := range []string{
		`Chinese President Xi Jinping offered Beijing's support on Moscow's "core interests" at a meeting with Russian Prime Minister Mikhail Mishustin on Wednesday.`,
		`"The scale of investment between the two countries is also continuously upgrading," Li said.`,
		`"Strategic large-scale projects are steadily advancing."`,
		`China is Russia's largest trading partner, with trade between them reaching a record $190 billion last year, according to Chinese customs data.`,
		`China's upper hand`,
		`according to a readout by the official Xinhua news agency.`,
		`Xi invited Russian President Vladimir Putin to visit Beijing during their summit in Moscow in March.`,
	} {
		if !slices.Contains(got, s) {
			t.Errorf("Split(seed) lacks the sentence %q", s)
		}
	}
	for _, bad := range []string{"SPUTNIK", "Related article", "\\$", "**", "](#)", "Original url", "By AFP"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("seed text contains %q, want it cleaned", bad)
		}
	}
	if n := len(sents); n < 20 || n > 30 {
		t.Errorf("Split(seed) = %d sentences, want 20..30", n)
	}
}

func TestReadCorpusFiles(t *testing.T) {
	tests := []struct {
		sub, file, title, date string
		minParas               int
		sentences              []string // sentences that must come out whole
	}{
		{"reuters21578", "00001.txt", "BAHIA COCOA REVIEW", "1987-02-26", 15, []string{
			"The dry period means the temporao will be late this year.",
			"Destinations were the U.S., Covertible currency areas, Uruguay and open ports.",
			"Routine sales of butter were made.",
		}},
		{"reuters21578", "00097.txt", "ASCS TERMINAL MARKET VALUES FOR PIK GRAIN", "1987-02-26", 4, []string{
			"Price per bushel is in U.S. dollars.",
			"Chicago       --    3.04   2.98  --    --",
		}},
		{"reuters21578", "03040.txt", "BRAZILIAN COFFEE RAINFALL", "1987-03-09", 3, []string{
			"PARANA STATE: UMUARAMA NIL, PARANAVAI 1.5 MILLIMETRES, LONDRINA NIL, MARINGA NIL.",
		}},
		{"modern", "00001.txt", "Australia ready to sign free-trade agreement with China by year end", "2014-09-15", 1, []string{
			"CANBERRA, Sept. 15 -- Australia looks set to sign a free-trade agreement with China, the deal expected to be clinched by the end of the year.",
			"Australia will offer China the same 970-million-U.S.dollar foreign-investment screening threshold for private investment as that given to South Korea, Japan, the U.S. and New Zealand.",
		}},
		{"modern", "00038.txt", "South Korea Seizes Ship Suspected Of At-Sea Oil Transfer To Benefit North Korea", "2017-12-29", 10, []string{
			"South Korea has seized a Hong Kong-flagged vessel under suspicions that it illegally transferred oil to North Korea, in violation of U.N. sanctions.",
			"The U.S. sanctions cited suspected ship-to-ship transfers of oil in international waters.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.sub+"/"+tt.file, func(t *testing.T) {
			path := filepath.Join(readSharedDir(t, "corpus", tt.sub), tt.file)
			arts, err := ReadFile(path, ReadOptions{})
			if err != nil || len(arts) != 1 {
				t.Fatalf("ReadFile(%q) = %d articles, %v; want 1", path, len(arts), err)
			}
			a := arts[0]
			checkArticle(t, tt.file, a, wantArticle{id: strings.TrimSuffix(tt.file, ".txt"), title: tt.title, date: tt.date, url: a.URL})
			if n := len(strings.Split(a.Text, "\n\n")); n < tt.minParas {
				t.Errorf("ReadFile(%q): %d paragraphs, want at least %d", path, n, tt.minParas)
			}
			if strings.Contains(a.Text, "Enlarge this image") || strings.HasPrefix(a.Text, tt.title+"\n") {
				t.Errorf("ReadFile(%q): page residue or the repeated title kept", path)
			}
			sents := Split(a.Text)
			checkSentences(t, a.Text, sents)
			got := sentenceTexts(sents)
			for _, s := range tt.sentences {
				if !slices.Contains(got, s) {
					t.Errorf("Split(%s) lacks the sentence %q", tt.file, s)
				}
			}
		})
	}
}

// TestReadCorpusAll reads every file of the shared corpora: none may fail,
// every one has a title and a date, and every sentence has exact offsets.
func TestReadCorpusAll(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 19,000 files")
	}
	for _, sub := range []string{"modern", "reuters21578"} {
		dir := readSharedDir(t, "corpus", sub)
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no files in %s: %v", dir, err)
		}
		sentences, long := 0, 0
		for _, f := range files {
			arts, err := ReadFile(f, ReadOptions{})
			if err != nil || len(arts) != 1 {
				t.Errorf("ReadFile(%q) = %d articles, %v", f, len(arts), err)
				continue
			}
			a := arts[0]
			if a.Title == "" || a.Date.IsZero() {
				t.Errorf("ReadFile(%q): title %q, date %q; want both", f, a.Title, a.Date)
			}
			ss := Split(a.Text)
			checkSentences(t, a.Text, ss)
			sentences += len(ss)
			for _, s := range ss {
				if len(s.Text) > softSentenceMax {
					long++
				}
			}
		}
		t.Logf("%s: %d files, %d sentences, %d over %d bytes", sub, len(files), sentences, long, softSentenceMax)
	}
}

// reutersFiles returns the paths of the Reuters corpus, skipping b when absent.
func reutersFiles(b *testing.B) []string {
	files, err := filepath.Glob(filepath.Join(readSharedDir(b, "corpus", "reuters21578"), "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no Reuters files: %v", err)
	}
	return files
}

// BenchmarkReadSplitReuters measures the sentence splitter alone over the
// texts of all Reuters files, read once outside the loop (MB/s of text).
func BenchmarkReadSplitReuters(b *testing.B) {
	var texts []string
	var n int64
	for _, f := range reutersFiles(b) {
		arts, err := ReadFile(f, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, arts[0].Text)
		n += int64(len(arts[0].Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Split(t)
		}
	}
}

// BenchmarkReadFileSplitReuters measures ReadFile and Split together over
// all Reuters files (MB/s of file bytes).
func BenchmarkReadFileSplitReuters(b *testing.B) {
	files := reutersFiles(b)
	var n int64
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		n += fi.Size()
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			arts, err := ReadFile(f, ReadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			Split(arts[0].Text)
		}
	}
}

// BenchmarkReadMemSplitReuters measures Read (from memory: no file system)
// and Split together over all Reuters files, read once outside the loop
// (MB/s of file bytes).
func BenchmarkReadMemSplitReuters(b *testing.B) {
	files := reutersFiles(b)
	data := make([][]byte, len(files))
	var n int64
	for i, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data[i] = d
		n += int64(len(d))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range data {
			arts, err := Read(files[i], bytes.NewReader(d), ReadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			Split(arts[0].Text)
		}
	}
}

// BenchmarkSplitSeed measures the splitter on the seed article.
func BenchmarkSplitSeed(b *testing.B) {
	path := filepath.Join(readSharedDir(b, "corpus", "seed"), "xi-mishustin-2023-05-24.txt")
	arts, err := ReadFile(path, ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	text := arts[0].Text
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}
