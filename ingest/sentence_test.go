package ingest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkSentences fails t unless the sentences of text hold their invariants:
// exact offsets, in order, not overlapping, trimmed, non-empty, paragraphs
// counted up from 0 in steps of at most one, valid UTF-8 when text is.
func checkSentences(t *testing.T, text string, got []Sentence) {
	t.Helper()
	prevEnd, prevPara := 0, 0
	for i, s := range got {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("Split(%q)[%d] = [%d,%d), after %d: offsets out of order or range", text, i, s.Start, s.End, prevEnd)
		}
		if text[s.Start:s.End] != s.Text {
			t.Fatalf("Split(%q)[%d]: text[%d:%d] = %q, want Text %q", text, i, s.Start, s.End, text[s.Start:s.End], s.Text)
		}
		if strings.Trim(s.Text, " \t\n\r\v\f") != s.Text {
			t.Errorf("Split(%q)[%d] = %q: not trimmed", text, i, s.Text)
		}
		if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
			t.Errorf("Split(%q)[%d] = %q: invalid UTF-8", text, i, s.Text)
		}
		if s.Para < prevPara || s.Para > prevPara+1 || i == 0 && s.Para != 0 {
			t.Errorf("Split(%q)[%d].Para = %d after %d", text, i, s.Para, prevPara)
		}
		if s.End-s.Start > hardSentenceMax {
			t.Errorf("Split(%q)[%d] is %d bytes, over %d", text, i, s.End-s.Start, hardSentenceMax)
		}
		if strings.Contains(text[prevEnd:s.Start], "\n\n") && i > 0 && s.Para == prevPara {
			t.Errorf("Split(%q)[%d] = %q: a blank line before it but the same paragraph %d", text, i, s.Text, s.Para)
		}
		prevEnd, prevPara = s.End, s.Para
	}
}

func sentenceTexts(ss []Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"spaces", " \n\n \t", nil},
		{"two", "China and Russia met. They signed deals.", []string{"China and Russia met.", "They signed deals."}},
		{"question and exclamation", "Will they meet? Yes! They will.", []string{"Will they meet?", "Yes!", "They will."}},
		{"U.S. mid-sentence", "The U.S. and China talked.", []string{"The U.S. and China talked."}},
		{"U.S. before a name", "The U.S. Treasury imposed sanctions. Beijing objected.", []string{"The U.S. Treasury imposed sanctions.", "Beijing objected."}},
		{"U.S. at the end", "Sanctions were imposed by the U.S. The move angered Beijing.", []string{"Sanctions were imposed by the U.S.", "The move angered Beijing."}},
		{"U.K. and U.N.", "The U.K. Foreign Office and the U.N. Security Council met.", []string{"The U.K. Foreign Office and the U.N. Security Council met."}},
		{"titles", "Mr. Xi met Mrs. May, Ms. Ardern and Dr. Tedros. Gen. Milley, Lt. Col. Vindman and Sen. Rubio came.", []string{"Mr. Xi met Mrs. May, Ms. Ardern and Dr. Tedros.", "Gen. Milley, Lt. Col. Vindman and Sen. Rubio came."}},
		{"old name abbreviations", "Chas. P. Young Co agreed. Wm. Wrigley Jr. Co rose.", []string{"Chas. P. Young Co agreed.", "Wm. Wrigley Jr. Co rose."}},
		{"more titles", "Rep. Pelosi and Gov. Newsom visited St. Petersburg.", []string{"Rep. Pelosi and Gov. Newsom visited St. Petersburg."}},
		{"months before days", "Talks opened on Jan. 5 and ended Sept. 15. Feb. 1 is next.", []string{"Talks opened on Jan. 5 and ended Sept. 15.", "Feb. 1 is next."}},
		{"all months", "Jan. 1, Feb. 2, Mar. 3, Apr. 4, Jun. 6, Jul. 7, Aug. 8, Sep. 9, Oct. 10, Nov. 11, Dec. 12 were set.", []string{"Jan. 1, Feb. 2, Mar. 3, Apr. 4, Jun. 6, Jul. 7, Aug. 8, Sep. 9, Oct. 10, Nov. 11, Dec. 12 were set."}},
		{"No.", "He is the No. 2 official. No. He is not.", []string{"He is the No. 2 official.", "No.", "He is not."}},
		{"companies", "Apple Inc. said so. Standard Oil Corp. The Co. Ltd. unit rose.", []string{"Apple Inc. said so.", "Standard Oil Corp.", "The Co. Ltd. unit rose."}},
		{"company before a name", "Toyota Motor Corp. President Akio Toyoda spoke.", []string{"Toyota Motor Corp. President Akio Toyoda spoke."}},
		{"vs. e.g. i.e.", "It was Russia vs. Ukraine, e.g. The Hague, i.e. The Netherlands.", []string{"It was Russia vs. Ukraine, e.g. The Hague, i.e. The Netherlands."}},
		{"p.m. then a sentence", "They met at 9 p.m. The talks lasted an hour.", []string{"They met at 9 p.m.", "The talks lasted an hour."}},
		{"p.m. mid-sentence", "They met at 9 p.m. Moscow time and at 10 a.m. on Friday.", []string{"They met at 9 p.m. Moscow time and at 10 a.m. on Friday."}},
		{"initials", "George W. Bush met J.P. Morgan bankers. John F. Kennedy did not.", []string{"George W. Bush met J.P. Morgan bankers.", "John F. Kennedy did not."}},
		{"decimals and money", "Trade hit $190 billion, up 3.5 pct. Exports were 1.5 mln tonnes.", []string{"Trade hit $190 billion, up 3.5 pct.", "Exports were 1.5 mln tonnes."}},
		{"ellipsis", "He paused... then went on. Wait... The end.", []string{"He paused... then went on.", "Wait...", "The end."}},
		{"unicode ellipsis", "He paused… The end.", []string{"He paused…", "The end."}},
		{"quote then said", `"We will cooperate," he said. "Fully."`, []string{`"We will cooperate," he said.`, `"Fully."`}},
		{"quote ends a sentence", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"question in quotes", `"Why?" he asked. "Because."`, []string{`"Why?" he asked.`, `"Because."`}},
		{"quote then name said", "“China could easily solve this!” Mr. Trump said. “Why?” Hua said. “No.” Then he left.", []string{"“China could easily solve this!” Mr. Trump said.", "“Why?” Hua said.", "“No.”", "Then he left."}},
		{"quote then no verb", `"We act." Officials in Beijing disagreed. "Go!" Putin told reporters.`, []string{`"We act."`, "Officials in Beijing disagreed.", `"Go!" Putin told reporters.`}},
		{"curly quotes", "He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
		{"parenthesis", "They met (in Beijing.) Then they ate.", []string{"They met (in Beijing.)", "Then they ate."}},
		{"upper case", "THE U.S. SAID IT WOULD ACT. MR. BAKER AGREED. THE U.S. THEN LEFT.", []string{"THE U.S. SAID IT WOULD ACT.", "MR. BAKER AGREED.", "THE U.S. THEN LEFT."}},
		{"upper case acronym end", "IT WAS SOLD TO THE U.S. THE PRICE ROSE.", []string{"IT WAS SOLD TO THE U.S.", "THE PRICE ROSE."}},
		{"upper case preposition", "IT WAS SOLD TO THE U.S. IN MARCH. THE U.S. ALSO SAID SO.", []string{"IT WAS SOLD TO THE U.S. IN MARCH.", "THE U.S. ALSO SAID SO."}},
		{"U.S. President", "He met U.S. President Joe Biden. It was the U.S. But it acted.", []string{"He met U.S. President Joe Biden.", "It was the U.S.", "But it acted."}},
		{"Reuters capitals after U.S.", "Talks with the U.S. And West Germany ended, U.S. Officials said. They left.", []string{"Talks with the U.S. And West Germany ended, U.S. Officials said.", "They left."}},
		{"lower-case next word", "The talks ended at 5 p.m. on Monday. Then a.m. came.", []string{"The talks ended at 5 p.m. on Monday.", "Then a.m. came."}},
		{"domain", "See example.com for more. It works.", []string{"See example.com for more.", "It works."}},
		{"paragraphs", "First one.\n\nSecond one. Third.\n \nFourth", []string{"First one.", "Second one.", "Third.", "Fourth"}},
		{"no cross of blank line", "Xi said China would offer \"support,\"\n\naccording to a readout.", []string{"Xi said China would offer \"support,\"", "according to a readout."}},
		{"wrapped lines", "Showers continued in\nthe Bahia zone, Smith said.\nThe dry period ended.", []string{"Showers continued in\nthe Bahia zone, Smith said.", "The dry period ended."}},
		{"heading line", "# China's upper hand\nMishustin is here. He met Li.", []string{"# China's upper hand", "Mishustin is here.", "He met Li."}},
		{"heading inside prose", "Talks went on\n## Trade\nand ended", []string{"Talks went on", "## Trade", "and ended"}},
		{"table", "Prices were:\nChicago     1.47  2.04\nToledo      1.41  2.04\nThey rose.", []string{"Prices were:", "Chicago     1.47  2.04", "Toledo      1.41  2.04", "They rose."}},
		{"broken decimal", "Revenue rose by 3. 3 billion dollars.", []string{"Revenue rose by 3. 3 billion dollars."}},
		{"number then sentence", "It happened in 1987. The year was bad.", []string{"It happened in 1987.", "The year was bad."}},
		{"CRLF", "One.\r\n\r\nTwo.", []string{"One.", "Two."}},
		{"terminal without space", "Stop.Go on", []string{"Stop.Go on"}},
		{"only punctuation", "...", []string{"..."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text)
			checkSentences(t, tt.text, got)
			if g := sentenceTexts(got); !slices.Equal(g, tt.want) {
				t.Errorf("Split(%q) = %q, want %q", tt.text, g, tt.want)
			}
		})
	}
}

func TestSplitParagraphIndex(t *testing.T) {
	text := "\n\nOne. Two.\n\n\n\nThree.\n\n# Head\n\nFour."
	got := Split(text)
	checkSentences(t, text, got)
	var paras []int
	for _, s := range got {
		paras = append(paras, s.Para)
	}
	if want := []int{0, 0, 1, 2, 3}; !slices.Equal(paras, want) {
		t.Errorf("Split(%q) paragraphs = %v, want %v", text, paras, want)
	}
}

func TestSplitLong(t *testing.T) {
	tests := []struct {
		name string
		text string
		max  int // the longest sentence allowed
	}{
		{"one word", strings.Repeat("x", 5000), hardSentenceMax},
		{"words", strings.Repeat("word ", 1000), hardSentenceMax},
		{"semicolons", strings.Repeat("a clause of text; ", 200), softSentenceMax + 20},
		{"multibyte", strings.Repeat("é", 3001), hardSentenceMax},
		{"line breaks", strings.Repeat("a wrapped line of text\n", 200), softSentenceMax + 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text)
			checkSentences(t, tt.text, got)
			if len(got) < 2 {
				t.Fatalf("Split(%d bytes) = %d sentences, want it cut", len(tt.text), len(got))
			}
			total := 0
			for _, s := range got {
				if n := len(s.Text); n > tt.max {
					t.Errorf("Split(%s) has a sentence of %d bytes, want at most %d", tt.name, n, tt.max)
				}
				total += len(strings.TrimSpace(s.Text))
			}
			if want := len(strings.ReplaceAll(strings.ReplaceAll(tt.text, " ", ""), "\n", "")); total < want {
				t.Errorf("Split(%s) kept %d bytes, want all %d non-space bytes", tt.name, total, want)
			}
		})
	}
}

func ExampleSplit() {
	text := "Xi met U.S. President Joe Biden at 9 a.m. on Monday. \"We agreed,\" he said.\n\nMr. Biden left."
	for _, s := range Split(text) {
		fmt.Printf("%d [%d:%d] %s\n", s.Para, s.Start, s.End, s.Text)
	}
	// Output:
	// 0 [0:52] Xi met U.S. President Joe Biden at 9 a.m. on Monday.
	// 0 [53:74] "We agreed," he said.
	// 1 [76:91] Mr. Biden left.
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "One. Two.", "The U.S. The end.", "Mr. X\n\nY", "a...b… c", "“No.” Yes!",
		"# H\nT   1  2\nx", strings.Repeat("a;", 700), "é\xffx. Y", "\n\n\n", "9 p.m. The",
		"Jan. 5. No. 3.", "\"Why?\" he asked.", "J.P. Morgan Inc. The", "\v0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := Split(text)
		checkSentences(t, text, got)
	})
}
