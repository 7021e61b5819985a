package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph/graph"
)

// wantArticle describes what a test expects of one article.
type wantArticle struct {
	id, title, date, url, origin string
	paras                        []string // the paragraphs of Text, in order
	meta                         map[string]string
}

// checkArticle fails t unless a is as w says, and its hash and text hold
// their invariants.
func checkArticle(t *testing.T, name string, a graph.Article, w wantArticle) {
	t.Helper()
	if a.ID != w.id {
		t.Errorf("%s: ID = %q, want %q", name, a.ID, w.id)
	}
	if a.Title != w.title {
		t.Errorf("%s: Title = %q, want %q", name, a.Title, w.title)
	}
	if a.Date.String() != w.date {
		t.Errorf("%s: Date = %q, want %q", name, a.Date, w.date)
	}
	if a.URL != w.url {
		t.Errorf("%s: URL = %q, want %q", name, a.URL, w.url)
	}
	if w.origin != "" && a.Origin != w.origin {
		t.Errorf("%s: Origin = %q, want %q", name, a.Origin, w.origin)
	}
	if got := strings.Split(a.Text, "\n\n"); w.paras != nil && !slices.Equal(got, w.paras) {
		t.Errorf("%s: paragraphs = %q, want %q", name, got, w.paras)
	}
	for k, v := range w.meta {
		if a.Meta[k] != v {
			t.Errorf("%s: Meta[%q] = %q, want %q", name, k, a.Meta[k], v)
		}
	}
	if h := graph.ContentHash(a.Title, a.Date.String(), a.Text); a.Hash != h {
		t.Errorf("%s: Hash = %q, want %q", name, a.Hash, h)
	}
	checkArticleText(t, name, a)
}

// checkArticleText fails t unless a has an id and valid, normalised text.
func checkArticleText(t *testing.T, name string, a graph.Article) {
	t.Helper()
	if a.ID == "" {
		t.Errorf("%s: empty ID", name)
	}
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		t.Errorf("%s: invalid UTF-8 in %q / %q", name, a.Title, a.Text)
	}
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("%s: empty text", name)
	}
	if strings.Contains(a.Text, "\n\n\n") || strings.Contains(a.Text, "\r") || strings.Contains(a.Text, "\u00a0") {
		t.Errorf("%s: text not normalised: %q", name, a.Text)
	}
}

func TestReadFile(t *testing.T) {
	dir := filepath.Join("testdata", "read")
	tests := []struct {
		file    string
		want    []wantArticle
		errs    []string // substrings of the error, one per failure; nil: no error
		errLine []int
	}{
		{"header.txt", []wantArticle{{
			id: "header", title: "Japan, U.S. agree on chip pact", date: "1987-03-27",
			origin: filepath.Join(dir, "header.txt"),
			paras: []string{
				"Japan and the United States agreed on Friday to review their semiconductor pact, officials said.",
				"The U.S. Trade Representative said talks would resume in April. Japanese officials welcomed the move.",
				"Prices were as follows:",
				"    ITEM      MARCH   APRIL\nChips         1.20    1.25\nMemory/\nBoards        2.10    2.15",
				"Trade talks will go on, he said.",
			},
			meta: map[string]string{"source": "Reuters-style test NEWID=7", "places": "japan usa", "people": ""},
		}}, nil, nil},
		{"seedform.md", []wantArticle{{
			id: "seedform", title: "Russia's PM Visits Beijing for Talks", date: "2023-05-24",
			url: "https://example.com/2023/05/24/russia-pm-beijing",
			paras: []string{
				"Chinese Premier Li Qiang met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday.",
				"Trade reached a record $190 billion last year, according to customs data.",
				"China's upper hand",
				"Analysts say China holds the upper hand.",
			},
			meta: map[string]string{"byline": "AFP"},
		}}, nil, nil},
		{"note.txt", []wantArticle{{
			id: "note",
			paras: []string{
				"Note: the talks in Geneva were held behind closed doors. Both sides declined to comment.",
				"Diplomats said a second round could follow.",
			},
		}}, nil, nil},
		{"crlf.txt", []wantArticle{{
			id: "crlf", title: "Windows line endings", date: "2023-01-02",
			paras: []string{"The envoys met in Vienna. Talks went well.", "A bad byte \uFFFD here."},
		}}, nil, nil},
		{"articles.jsonl", []wantArticle{
			{id: "a1", title: "Xi meets Putin", date: "2023-03-21", url: "https://example.com/a1",
				origin: filepath.Join(dir, "articles.jsonl") + ":1",
				paras:  []string{"Xi met Putin in Moscow.", "They signed agreements."},
				meta:   map[string]string{"publisher": "example.com"}},
			{id: "articles-2", title: "No id here", date: "2023-03-22",
				origin: filepath.Join(dir, "articles.jsonl") + ":2",
				paras:  []string{"Line one is a paragraph.", "Line two is another."}},
			{id: "a3", paras: []string{"A date that is not one."}, meta: map[string]string{"date": "next Tuesday"}},
			{id: "8", paras: []string{"Numeric ids are kept as text."}, origin: filepath.Join(dir, "articles.jsonl") + ":9"},
		}, []string{"bad JSON", `no "text" field`, "want an article object", "no text"}, []int{5, 6, 7, 8}},
		{"array.json", []wantArticle{
			{id: "array", title: "First", date: "2022-02-24", paras: []string{"Russia invaded Ukraine."}},
			{id: "array-2", title: "Second", paras: []string{"The West imposed sanctions."}},
		}, []string{`element 3: no "text" field`}, []int{0}},
		{"one.json", []wantArticle{{
			id: "summit-2023", title: "Summit", date: "2023-05-19", url: "https://example.com/summit",
			paras: []string{"Leaders met in Hiroshima.", "They discussed Ukraine."},
		}}, nil, nil},
		{"page.html", []wantArticle{{
			id: "page", title: "Xi and Putin Sign Pact", date: "2023-03-21",
			url: "https://news.example.com/2023/03/21/xi-putin-pact",
			paras: []string{
				"Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement in Moscow on Tuesday, deepening what both sides called a comprehensive strategic partnership between the two countries.",
				"The two leaders held talks for several hours & agreed to expand trade, energy supplies and cooperation in many fields, according to statements released by both governments after the meeting ended late in the evening.",
				"Energy ties",
				"Russia will increase oil and gas deliveries to China, the Kremlin said. Western officials criticized the agreement, saying that it would help Moscow finance its war against Ukraine and blunt the effect of sanctions.",
				"Analysts said the meeting showed how far the relationship has moved since 2022, with China now Russia's most important economic partner by a wide margin.",
			},
		}}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			got, err := ReadFile(path, ReadOptions{})
			if len(got) != len(tt.want) {
				t.Fatalf("ReadFile(%q) = %d articles, want %d (err %v)", path, len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				checkArticle(t, tt.file, got[i], w)
			}
			checkReadErrors(t, path, err, tt.errs, tt.errLine)
		})
	}
}

// checkReadErrors fails t unless err holds one *ReadError per wanted
// message, each naming path (and the wanted line).
func checkReadErrors(t *testing.T, path string, err error, msgs []string, lines []int) {
	t.Helper()
	if len(msgs) == 0 {
		if err != nil {
			t.Errorf("ReadFile(%q) error = %v, want none", path, err)
		}
		return
	}
	if err == nil {
		t.Fatalf("ReadFile(%q) error = nil, want %q", path, msgs)
	}
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	if len(list) != len(msgs) {
		t.Fatalf("ReadFile(%q) error = %v, want %d failures", path, err, len(msgs))
	}
	for i, e := range list {
		var re *ReadError
		if !errors.As(e, &re) || re.Path != path || re.Line != lines[i] {
			t.Errorf("ReadFile(%q) failure %d = %#v, want a *ReadError for line %d", path, i, e, lines[i])
			continue
		}
		if !strings.Contains(e.Error(), msgs[i]) || !strings.HasPrefix(e.Error(), path) {
			t.Errorf("ReadFile(%q) failure %d = %q, want it to start with the path and say %q", path, i, e, msgs[i])
		}
	}
}

func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		opts ReadOptions
		is   error
		msg  string
	}{
		{"binary NUL", write("nul.txt", []byte("PK\x03\x04\x00\x00 zip")), ReadOptions{}, ErrBinary, "NUL"},
		{"mostly control bytes", write("ctl.txt", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100)), ReadOptions{}, ErrBinary, "not text"},
		{"empty", write("empty.txt", nil), ReadOptions{}, ErrEmpty, "no text"},
		{"header only", write("hdr.txt", []byte("title: x\ndate: 2020-01-01\n")), ReadOptions{}, ErrEmpty, "no text"},
		{"blank", write("blank.md", []byte("\n \n\t\n")), ReadOptions{}, ErrEmpty, "no text"},
		{"too large", write("big.txt", bytes.Repeat([]byte("word "), 100)), ReadOptions{MaxBytes: 100}, ErrTooLarge, "500 bytes, the limit is 100"},
		{"unsupported", write("doc.pdf", []byte("%PDF")), ReadOptions{}, ErrUnsupported, `".pdf"`},
		{"missing", filepath.Join(dir, "nope.txt"), ReadOptions{}, os.ErrNotExist, "no such file"},
		{"directory", write("d.txt", nil) + "-dir.txt", ReadOptions{}, nil, ""},
		{"empty json", write("e.json", []byte("[]")), ReadOptions{}, ErrEmpty, "empty array"},
		{"bad json", write("bad.json", []byte("{\n\"text\": \"x\",\n}")), ReadOptions{}, nil, ":3: bad JSON"},
		{"json null", write("null.json", []byte("null")), ReadOptions{}, nil, "got null"},
		{"json text not a string", write("num.json", []byte(`{"text": 5}`)), ReadOptions{}, nil, `"text" is not a string`},
		{"empty html", write("e.html", []byte("<html><body><script>x()</script></body></html>")), ReadOptions{}, ErrEmpty, "no readable text"},
	}
	if err := os.Mkdir(tests[8].path, 0o755); err != nil {
		t.Fatal(err)
	}
	tests[8].msg = "is a directory"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFile(tt.path, tt.opts)
			if len(got) != 0 || err == nil {
				t.Fatalf("ReadFile(%q) = %d articles, %v; want an error", tt.path, len(got), err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("ReadFile(%q) error = %v, want errors.Is %v", tt.path, err, tt.is)
			}
			if !strings.HasPrefix(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("ReadFile(%q) error = %q, want it to name the file and say %q", tt.path, err, tt.msg)
			}
		})
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, file, in string
		opts           ReadOptions
		want           []wantArticle
		errIs          error
	}{
		{"stdin text", "-", "title: T\n\nSome text here.", ReadOptions{}, []wantArticle{{id: "stdin", title: "T", origin: "-", paras: []string{"Some text here."}}}, nil},
		{"stdin object", "-", `  {"text":"One."}`, ReadOptions{}, []wantArticle{{id: "stdin", paras: []string{"One."}}}, nil},
		{"stdin lines", "-", "{\"text\":\"One.\"}\n{\"id\":\"x\",\"text\":\"Two.\"}\n{\"text\":\"Three.\"}\n", ReadOptions{}, []wantArticle{
			{id: "stdin", origin: "-:1", paras: []string{"One."}},
			{id: "x", origin: "-:2", paras: []string{"Two."}},
			{id: "stdin-3", origin: "-:3", paras: []string{"Three."}},
		}, nil},
		{"stdin array", "", `[{"text":"A."},{"text":"B."}]`, ReadOptions{}, []wantArticle{{id: "stdin", paras: []string{"A."}}, {id: "stdin-2", paras: []string{"B."}}}, nil},
		{"stdin html", "-", "<!doctype html><html><head><title>Page</title></head><body><p>Body text of the page.</p></body></html>", ReadOptions{}, []wantArticle{{id: "stdin", title: "Page", paras: []string{"Body text of the page."}}}, nil},
		{"named markdown", "notes/brief.md", "# Title\n\nText.", ReadOptions{}, []wantArticle{{id: "brief", title: "Title", origin: "notes/brief.md", paras: []string{"Text."}}}, nil},
		{"front matter", "post.md", "---\ntitle: \"Talks resume\"\ndate: 2024-02-01\ntags: diplomacy\n---\n# Talks resume\n\nEnvoys met.\n\n---\n\nMore.", ReadOptions{}, []wantArticle{{id: "post", title: "Talks resume", date: "2024-02-01", paras: []string{"Envoys met.", "More."}, meta: map[string]string{"tags": "diplomacy"}}}, nil},
		{"unclosed front matter", "post.md", "---\ntitle: x\n\nBody.", ReadOptions{}, []wantArticle{{id: "post", paras: []string{"title: x", "Body."}}}, nil},
		{"utf-16", "u.txt", string([]byte{0xFF, 0xFE, 'H', 0, 'i', 0, '.', 0}), ReadOptions{}, []wantArticle{{id: "u", paras: []string{"Hi."}}}, nil},
		{"too large", "-", strings.Repeat("x", 11), ReadOptions{MaxBytes: 10}, nil, ErrTooLarge},
		{"at the limit", "-", strings.Repeat("x", 10), ReadOptions{MaxBytes: 10}, []wantArticle{{id: "stdin", paras: []string{strings.Repeat("x", 10)}}}, nil},
		{"unsupported", "a.docx", "x", ReadOptions{}, nil, ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, strings.NewReader(tt.in), tt.opts)
			if tt.errIs != nil {
				if !errors.Is(err, tt.errIs) || len(got) != 0 {
					t.Fatalf("Read(%q, %q) = %d articles, %v; want error %v", tt.file, tt.in, len(got), err, tt.errIs)
				}
				return
			}
			if err != nil || len(got) != len(tt.want) {
				t.Fatalf("Read(%q, %q) = %d articles, %v; want %d", tt.file, tt.in, len(got), err, len(tt.want))
			}
			for i, w := range tt.want {
				checkArticle(t, tt.name, got[i], w)
			}
		})
	}
}

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name  string
		block string
		ok    bool
	}{
		{"reuters", "title: X\ndate: 1987-02-26\npeople:", true},
		{"unknown keys only", "Note: the talks were held.", false},
		{"mixed known", "title: X\nnote: y", true},
		{"prose second line", "title: X\nand then more prose", false},
		{"url value", "url: https://example.com/a", true},
		{"no space after colon", "date:2020", false},
		{"time in prose", "At 10:30 the talks began", false},
		{"key with space", "Original url: x", false},
		{"long key", strings.Repeat("k", 40) + ": v", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := parseHeader(strings.Split(tt.block, "\n")); ok != tt.ok {
				t.Errorf("parseHeader(%q) ok = %v, want %v", tt.block, ok, tt.ok)
			}
		})
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"May 24, 2023", "2023-05-24"},
		{"24 May 2023", "2023-05-24"},
		{"2023-05-24", "2023-05-24"},
		{"Wednesday, May 24, 2023", "2023-05-24"},
		{"Sept. 15, 2014", "2014-09-15"},
		{"Jan. 5, 2020", "2020-01-05"},
		{"Updated: May 24, 2023", "2023-05-24"},
		{"May 2023", "2023-05"},
		{"May 24, 2023 10:30 AM", "2023-05-24"},
		{"The talks began May 24, 2023", ""},
		{"February 30, 2023", ""},
		{"By AFP", ""},
		{"", ""},
	}
	for _, tt := range tests {
		d, ok := parseDateline(tt.in)
		if got := d.String(); got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseDateline(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestCleanInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**bold** text", "bold text"},
		{"a [link](#) here", "a link here"},
		{"a [link](https://x.org/a_b) here", "a link here"},
		{`record \$190 billion`, "record $190 billion"},
		{"see <https://example.com/x>", "see https://example.com/x"},
		{"STANDARD OIL <SRD> UNIT", "STANDARD OIL <SRD> UNIT"},
		{"![a photo](p.jpg)Caption", "Caption"},
		{"[unclosed link", "[unclosed link"},
		{"plain", "plain"},
		{`back\slash`, `back\slash`},
	}
	for _, tt := range tests {
		if got := cleanInline(tt.in); got != tt.want {
			t.Errorf("cleanInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"**Alexander Astafyev / SPUTNIK / AFP**", true},
		{"Russian Prime Minister Mikhail Mishustin and Chinese Premier Li Qiang. **Alexander Astafyev / SPUTNIK / AFP**", true},
		{"Xi and Putin. (Mikhail Metzel/Sputnik/Kremlin Pool/AP)", true},
		{"Enlarge this image toggle caption U.S. Treasury Department", true},
		{"toggle caption", true},
		{"**Related article:** [Russian PM in China](#)", true},
		{"Advertisement Continue reading the main story", true},
		{"Video", true},
		{"The deal was struck in Washington/Moscow talks.", false},
		{"Chinese President Xi Jinping offered support.", false},
		{"The price of AFP / Reuters wire services rose.", false},
		{"Kim Kyung Hoon / Reuters A man walks past a TV set.", true},
		{"A man walks past a TV set in Tokyo, Japan, August 29, 2017. REUTERS/Kim Kyung-Hoon", true},
		{"3/16 2003 A mother and her two children look out from their cave dwelling.", true},
		{"1/2 of the budget went to defence.", false},
		{"Invalid email address. Please re-enter.", true},
		{"Photo", true},
		{"A missile is launched in this undated photo released by KCNA. [Photo/Agencies]", true},
		{"JUST WATCHED Why does North Korea keep launching ICBMs? Replay More Videos ...", true},
		{"The talks, Reuters reported, went well.", false},
	}
	for _, tt := range tests {
		if got := isBoilerplate(tt.line); got != tt.want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestSupported(t *testing.T) {
	for path, want := range map[string]bool{
		"a.txt": true, "a.md": true, "A.HTML": true, "a.htm": true, "a.json": true, "a.jsonl": true,
		"a.ndjson": true, "a.pdf": false, "a": false, "dir.txt/a.csv": false, "-": false,
	} {
		if got := Supported(path); got != want {
			t.Errorf("Supported(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b/2.md", "b/1.txt", "a.json", "c/x.pdf", ".hidden/h.txt", "b/.h.txt", "b/d/3.jsonl", "z.html", "notes"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	rel := func(p string) string {
		if r, err := filepath.Rel(dir, p); err == nil && p != "-" {
			return filepath.ToSlash(r)
		}
		return p
	}
	missing := filepath.Join(dir, "missing")
	skipped, err := Walk(context.Background(), []string{dir, "-", missing, filepath.Join(dir, "c/x.pdf"), filepath.Join(dir, "z.html")}, func(p string) error {
		got = append(got, rel(p))
		return nil
	})
	want := []string{"a.json", "b/1.txt", "b/2.md", "b/d/3.jsonl", "z.html", "-", "z.html"}
	if !slices.Equal(got, want) {
		t.Errorf("Walk visited %q, want %q", got, want)
	}
	if skipped != 3 { // c/x.pdf, notes, and c/x.pdf named on its own
		t.Errorf("Walk skipped = %d, want 3", skipped)
	}
	if err == nil || !strings.Contains(err.Error(), missing) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Walk error = %v, want one naming %s", err, missing)
	}

	stop := errors.New("stop")
	n := 0
	_, err = Walk(context.Background(), []string{dir}, func(string) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Walk with a failing fn: %d calls, error %v; want 1 call and %v", n, err, stop)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n = 0
	_, err = Walk(ctx, []string{dir}, func(string) error { n++; return nil })
	if !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("Walk with a cancelled context: %d calls, error %v; want 0 and %v", n, err, context.Canceled)
	}
}

// checkReadFuzz fails t unless a read's result holds its invariants: no
// article without an id or text, valid UTF-8, paragraphs normalised, and
// sentences with exact offsets.
func checkReadFuzz(t *testing.T, arts []graph.Article, err error) {
	t.Helper()
	for _, a := range arts {
		checkArticleText(t, a.Origin, a)
		checkSentences(t, a.Text, Split(a.Text))
	}
	if len(arts) == 0 && err == nil {
		t.Errorf("no articles and no error")
	}
}

func FuzzReadTXT(f *testing.F) {
	for _, name := range []string{"header.txt", "seedform.md", "note.txt", "crlf.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "read", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("title: x\n\n   A   B\n")
	f.Add("# \n\nBy \n\nOriginal url:\n\n<>")
	f.Add("\xff\xfe\x00")
	f.Fuzz(func(t *testing.T, in string) {
		arts, err := Read("f.txt", strings.NewReader(in), ReadOptions{MaxBytes: 1 << 16})
		checkReadFuzz(t, arts, err)
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, name := range []string{"articles.jsonl", "array.json", "one.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "read", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add(`{"text":"\u0000\ud800x","id":""}`)
	f.Add("{}\n[]\nnull\n\"x\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		arts, err := Read("f.jsonl", strings.NewReader(in), ReadOptions{MaxBytes: 1 << 16})
		checkReadFuzz(t, arts, err)
		arts, err = Read("-", strings.NewReader(in), ReadOptions{MaxBytes: 1 << 16})
		checkReadFuzz(t, arts, err)
	})
}

func FuzzReadHTML(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "read", "page.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add("<p>One.<br>Two.</p><table><tr><td>a</td><td>b</td></tr></table>")
	f.Add("<h1></h1><h2>#</h2><pre>  x  </pre>")
	f.Fuzz(func(t *testing.T, in string) {
		arts, err := Read("f.html", strings.NewReader(in), ReadOptions{MaxBytes: 1 << 16})
		checkReadFuzz(t, arts, err)
	})
}

// TestReadHTMLDeepNesting checks that a page of 100,000 nested elements is
// read flat, in linear time, with its text kept.
func TestReadHTMLDeepNesting(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><head><title>Deep</title></head><body>")
	for i := 0; i < 100000; i++ {
		b.WriteString("<div>")
	}
	b.WriteString("China criticized Japan on Monday.")
	for i := 0; i < 100000; i++ {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	arts, err := Read("deep.html", strings.NewReader(b.String()), ReadOptions{})
	if err != nil {
		t.Fatalf("Read(deep.html) error = %v", err)
	}
	if len(arts) != 1 || !strings.Contains(arts[0].Text, "China criticized Japan") {
		t.Errorf("Read(deep.html) = %+v, want the text kept", arts)
	}
}
