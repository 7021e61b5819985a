package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of an article's text.
type Sentence struct {
	Text  string // text[Start:End]: the sentence as written, without surrounding space
	Start int    // byte offset of the first byte in the article text
	End   int    // byte offset just past the last byte
	Para  int    // index of the paragraph it belongs to (0-based, counting non-empty paragraphs)
}

// Bounds on the length of one sentence. A sentence that runs past
// softSentenceMax bytes without an ending is cut at the next ';' or line
// break, and at hardSentenceMax bytes in any case (at a space when there is
// one), so that the work per sentence stays bounded.
const (
	softSentenceMax = 1000
	hardSentenceMax = 2000
)

// Split returns the sentences of text in order.
//
// Paragraphs are separated by blank lines; a sentence never crosses one. Within
// a paragraph, a heading line ("# ...") and a table row (a line with a run of
// three spaces or a tab between its words) are sentences of their own; the
// other lines are prose, in which a single line break is a space. Prose is
// split after '.', '?', '!' and '…' (with any closing quotes or brackets) when
// a space follows and the next word does not start in lower case; after a
// period, the word before it decides: titles (Mr., Gen.) never end a sentence,
// numbering words (No., Jan.) do not before a number, and abbreviations that
// often end one (Inc., U.S., a.m., initials) do only before a word that
// commonly starts a sentence (The, He, But, ...). The rules read upper-case
// text the same way.
//
// Every sentence satisfies text[s.Start:s.End] == s.Text.
func Split(text string) []Sentence {
	out := make([]Sentence, 0, len(text)/128+1)
	para := 0
	pos := 0
	for pos < len(text) {
		end, next := paragraphEnd(text, pos)
		n := len(out)
		out = splitParagraph(out, text, pos, end, para)
		if len(out) > n {
			para++
		}
		pos = next
	}
	return out
}

// paragraphEnd returns the end of the paragraph that starts at pos (the
// newline that begins a blank line, or len(text)) and where the next one may
// start.
func paragraphEnd(text string, pos int) (end, next int) {
	for {
		k := strings.IndexByte(text[pos:], '\n')
		if k < 0 {
			return len(text), len(text)
		}
		k += pos
		m := k + 1
		for m < len(text) && (text[m] == ' ' || text[m] == '\t' || text[m] == '\r') {
			m++
		}
		if m < len(text) && text[m] == '\n' {
			return k, m + 1
		}
		if m >= len(text) {
			return k, len(text)
		}
		pos = m
	}
}

// splitParagraph appends the sentences of text[s:e], a paragraph.
func splitParagraph(out []Sentence, text string, s, e, para int) []Sentence {
	run := s // start of the current run of prose lines
	ls := s
	for ls < e {
		le := strings.IndexByte(text[ls:e], '\n')
		if le < 0 {
			le = e
		} else {
			le += ls
		}
		if isLineSentence(text[ls:le]) {
			out = splitProse(out, text, run, ls, para)
			out = emitLine(out, text, ls, le, para)
			run = le
		}
		ls = le + 1
	}
	return splitProse(out, text, run, e, para)
}

// isLineSentence reports whether a line stands as a sentence of its own: a
// Markdown heading or a table row.
func isLineSentence(line string) bool {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
		i++
	}
	if i == len(line) {
		return false
	}
	if line[i] == '#' {
		j := i
		for j < len(line) && line[j] == '#' {
			j++
		}
		return j-i <= 6 && (j == len(line) || line[j] == ' ' || line[j] == '\t')
	}
	return isTableLine(line[i:])
}

// isTableLine reports whether a trimmed line looks like a row of a table: a
// run of three spaces or a tab between words.
func isTableLine(t string) bool {
	t = strings.TrimRight(t, " \t\r")
	return strings.Contains(t, "   ") || strings.IndexByte(t, '\t') >= 0
}

// sentenceByte marks the bytes at which splitProse has something to decide.
var sentenceByte = [256]bool{'.': true, '?': true, '!': true, ';': true, '\n': true, 0xE2: true}

// splitProse appends the sentences of the prose text[s:e].
func splitProse(out []Sentence, text string, s, e, para int) []Sentence {
	start := skipSpaceFwd(text, s, e)
	i := start
	for i < e {
		if i-start >= hardSentenceMax {
			cut := hardCut(text, start, i)
			out = emitSentence(out, text, start, cut, para)
			start = skipSpaceFwd(text, cut, e)
			i = start
			continue
		}
		c := text[i]
		if !sentenceByte[c] {
			i++
			continue
		}
		switch {
		case c == '.' || c == '?' || c == '!' || (c == 0xE2 && strings.HasPrefix(text[i:e], "…")):
			j, brk := sentenceEnd(text, start, i, e)
			if brk {
				out = emitSentence(out, text, start, j, para)
				start = skipSpaceFwd(text, j, e)
				i = start
				continue
			}
			i = j
			continue
		case c == ';' && i-start >= softSentenceMax && i+1 < e && isSentenceSpace(text[i+1]):
			out = emitSentence(out, text, start, i+1, para)
			start = skipSpaceFwd(text, i+1, e)
			i = start
			continue
		case c == '\n' && i-start >= softSentenceMax:
			out = emitSentence(out, text, start, i, para)
			start = skipSpaceFwd(text, i, e)
			i = start
			continue
		}
		i++
	}
	return emitSentence(out, text, start, e, para)
}

// hardCut returns where to cut a sentence that has reached hardSentenceMax
// bytes at i: after the last space past softSentenceMax, else at the rune
// boundary at or before i.
func hardCut(text string, start, i int) int {
	if k := strings.LastIndexByte(text[start+softSentenceMax:i], ' '); k >= 0 {
		return start + softSentenceMax + k
	}
	for i > start+1 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// emitLine appends the line text[s:e] as one sentence (in pieces of at most
// hardSentenceMax bytes).
func emitLine(out []Sentence, text string, s, e, para int) []Sentence {
	start := skipSpaceFwd(text, s, e)
	for e-start > hardSentenceMax {
		cut := hardCut(text, start, start+hardSentenceMax)
		out = emitSentence(out, text, start, cut, para)
		start = skipSpaceFwd(text, cut, e)
	}
	return emitSentence(out, text, start, e, para)
}

// emitSentence appends text[s:e] with trailing space trimmed, when not empty.
func emitSentence(out []Sentence, text string, s, e, para int) []Sentence {
	for e > s && isSentenceSpace(text[e-1]) {
		e--
	}
	if e > s {
		out = append(out, Sentence{Text: text[s:e], Start: s, End: e, Para: para})
	}
	return out
}

func isSentenceSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

func skipSpaceFwd(text string, i, e int) int {
	for i < e && isSentenceSpace(text[i]) {
		i++
	}
	return i
}

// sentenceEnd decides about the terminator at text[i] ('.', '?', '!' or '…')
// in the sentence that starts at start. It returns the end of the sentence
// (past further terminators and closing quotes) and whether it ends there;
// when it does not, j is where to go on scanning.
func sentenceEnd(text string, start, i, e int) (j int, brk bool) {
	j = i
	dots, strong := 0, false
	for j < e {
		switch c := text[j]; {
		case c == '.':
			dots++
			j++
			continue
		case c == '?' || c == '!':
			strong = true
			j++
			continue
		case c == 0xE2 && strings.HasPrefix(text[j:e], "…"):
			dots += 3
			j += 3
			continue
		}
		break
	}
	quoted := j
	j = skipClosers(text, j, e)
	quoted = j - quoted
	if j < e && !isSentenceSpace(text[j]) {
		return j, false // U.S., 3.5, example.com, "?!x"
	}
	k := skipSpaceFwd(text, j, e)
	if k >= e {
		return j, true
	}
	k = skipOpeners(text, k, e)
	if k >= e {
		return j, true
	}
	r, _ := utf8.DecodeRuneInString(text[k:e])
	if unicode.IsLower(r) {
		return j, false // "Why?" he asked. / U.S. officials / 9 a.m. on Monday
	}
	if quoted > 0 && saidFollows(text, k, e) {
		return j, false // "Why?" Hua said. / "We will act." Mr. Trump said.
	}
	if strong || dots >= 2 {
		return j, true
	}
	digit := r >= '0' && r <= '9'
	w := wordBefore(text, start, i)
	switch cl := abbrevClass(w); cl {
	case abbrevTitle, abbrevNever:
		return j, false
	case abbrevNumber:
		return j, !digit
	case abbrevMaybe, abbrevAcronym:
		if digit {
			return j, false
		}
		return j, startsSentence(text, k, e, cl == abbrevAcronym)
	case abbrevDigits:
		return j, !digit
	}
	return j, true
}

// quoteVerbs attribute a quotation: `"..." Hua said.`
var quoteVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "added": true, "adds": true,
	"told": true, "wrote": true, "writes": true, "tweeted": true, "replied": true,
	"insisted": true, "declared": true, "noted": true, "stressed": true, "warned": true,
}

// saidFollows reports whether the words at text[k] attribute the quotation
// before them: a speech verb among the first four words, before the clause
// ends ("Hua said.", "Mr. Trump told reporters.").
func saidFollows(text string, k, e int) bool {
	var buf [maxWordLen]byte
	for w := 0; w < 4 && k < e; w++ {
		b := k
		for k < e && !isSentenceSpace(text[k]) && k-b < maxWordLen {
			k++
		}
		word := text[b:k]
		end := strings.TrimRight(word, ".,;:!?\"'")
		n := copy(buf[:], end)
		for i := range n {
			if buf[i] >= 'A' && buf[i] <= 'Z' {
				buf[i] += 'a' - 'A'
			}
		}
		if quoteVerbs[string(buf[:n])] {
			return true
		}
		if len(end) < len(word) && !abbrevLike(end) {
			return false // the clause ended before a speech verb
		}
		k = skipSpaceFwd(text, k, e)
	}
	return false
}

// abbrevLike reports whether a word before a period is a title or an initial
// ("Mr", "W"), which does not end the clause.
func abbrevLike(w string) bool {
	c := abbrevClass(w)
	return c == abbrevTitle || c == abbrevMaybe
}

// skipClosers skips closing quotes, brackets and emphasis after a sentence's
// terminator.
func skipClosers(text string, j, e int) int {
	for j < e {
		switch c := text[j]; c {
		case '"', '\'', ')', ']', '*', '_':
			j++
			continue
		case 0xE2: // ” ’
			if strings.HasPrefix(text[j:e], "”") || strings.HasPrefix(text[j:e], "’") {
				j += 3
				continue
			}
		case 0xC2: // »
			if strings.HasPrefix(text[j:e], "»") {
				j += 2
				continue
			}
		}
		break
	}
	return j
}

// skipOpeners skips opening quotes, brackets and emphasis at the start of a word.
func skipOpeners(text string, k, e int) int {
	for k < e {
		switch c := text[k]; c {
		case '"', '\'', '(', '[', '*', '_', '-':
			k++
			continue
		case 0xE2: // “ ‘
			if strings.HasPrefix(text[k:e], "“") || strings.HasPrefix(text[k:e], "‘") {
				k += 3
				continue
			}
		case 0xC2: // «
			if strings.HasPrefix(text[k:e], "«") {
				k += 2
				continue
			}
		}
		break
	}
	return k
}

// maxWordLen bounds the look-behind and look-ahead of a decision.
const maxWordLen = 24

// wordBefore returns the word that ends at text[i] (a period), without the
// quotes or brackets that open it; "" when it is longer than maxWordLen.
func wordBefore(text string, start, i int) string {
	b := i
	for b > start && !isSentenceSpace(text[b-1]) {
		b--
		if i-b > maxWordLen {
			return ""
		}
	}
	return text[skipOpeners(text, b, i):i]
}

// Classes of the word before a period.
const (
	abbrevNone    = iota // an ordinary word: the period ends the sentence
	abbrevTitle          // Mr., Gen., St.: never ends a sentence
	abbrevNever          // e.g., i.e., vs.: never ends a sentence
	abbrevNumber         // No., Jan.: does not end one before a number
	abbrevMaybe          // Inc., a.m.: ends one before a sentence starter
	abbrevAcronym        // U.S., J.P., initials: ends one before a strong sentence starter
	abbrevDigits         // 3. (a number): does not end one before another number
)

var abbrevs = func() map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(`mr mrs ms messrs mme dr prof gen gens lt col sen sens rep reps gov govs
		st mt ft capt maj sgt cpl pvt adm cmdr brig lieut supt insp det atty amb rev hon pres rt fr
		chas wm geo jas thos jos benj`) {
		m[w] = abbrevTitle
	}
	for _, w := range strings.Fields(`e.g i.e vs v cf viz approx`) {
		m[w] = abbrevNever
	}
	for _, w := range strings.Fields(`no nos art arts vol vols fig figs pp p ch sec para ref op
		jan feb mar apr jun jul aug sep sept oct nov dec`) {
		m[w] = abbrevNumber
	}
	for _, w := range strings.Fields(`inc corp co cos ltd plc bros llc jr sr etc dept univ assn ave blvd
		bhd pty mfg intl natl govt cia a.m p.m`) {
		m[w] = abbrevMaybe
	}
	return m
}()

// abbrevClass classifies the word before a period.
func abbrevClass(w string) int {
	if w == "" {
		return abbrevNone
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return abbrevAcronym // an initial: George W. Bush, Chas. P. Young (not p. for page)
	}
	var buf [maxWordLen + 1]byte
	n := 0
	letters, dots, digits, segOK := 0, 0, 0, true
	seg := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			letters++
			seg++
		case c >= 'a' && c <= 'z':
			letters++
			seg++
		case c >= '0' && c <= '9':
			digits++
			seg++
		case c == '.':
			dots++
			if seg != 1 {
				segOK = false
			}
			seg = 0
		default:
			seg += 2 // not a letter: no dotted acronym
		}
		if n < len(buf) {
			buf[n] = c
			n++
		}
	}
	if n <= maxWordLen {
		if cl, ok := abbrevs[string(buf[:n])]; ok {
			return cl
		}
	}
	switch {
	case digits > 0 && letters == 0 && dots == 0:
		return abbrevDigits
	case dots > 0 && segOK && seg == 1 && digits == 0:
		return abbrevAcronym // U.S, U.K, J.P
	}
	return abbrevNone
}

// sentenceStarters are words that commonly start a sentence (lower case). After an
// abbreviation that may end a sentence, one of these says it did. In
// upper-case text, where adverbs and prepositions look the same after a
// sentence's end as inside one, only the strong starters count.
var sentenceStarters = func() map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(`and or so yet nor in on at of for with by from to as into
		after before when while if although though because since until unless once
		also earlier later last next one two some many most all both no not none
		what why how who whom where which then now today yesterday tomorrow still even under
		during according such other another each every more much only analysts officials
		mr mrs ms dr despite among between over about here`) {
		m[w] = starterWeak
	}
	for _, w := range strings.Fields(`the a an he she it they we i you his her its their our my your
		this that these those there but however meanwhile`) {
		m[w] = starterStrong
	}
	return m
}()

// Kinds of sentence starters.
const (
	starterWeak   = 1
	starterStrong = 2
)

// startsSentence reports whether the word at text[k] is one that commonly
// starts a sentence (in any case; a strong one when the word is in capitals
// or when strong is asked for). After an acronym only a strong starter
// counts: "the U.S. Officials said" and "the U.S. And West Germany" are
// one sentence (Reuters capitalises words after "U.S."), "the U.S. The
// talks" two.
func startsSentence(text string, k, e int, strong bool) bool {
	var buf [maxWordLen]byte
	n, upper := 0, 0
	for k < e && n < len(buf) {
		c := text[k]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			upper++
		case c >= 'a' && c <= 'z':
		default:
			if n == 0 || isSentenceWordByte(c) {
				return false
			}
			return starterFits(sentenceStarters[string(buf[:n])], n, upper, strong)
		}
		buf[n] = c
		n++
		k++
	}
	return n > 0 && n < len(buf) && starterFits(sentenceStarters[string(buf[:n])], n, upper, strong)
}

// starterFits reports whether a starter of the kind given counts for a word
// of n letters, upper of them in capitals (only a strong one when strong).
func starterFits(kind, n, upper int, strong bool) bool {
	if strong || n > 1 && upper == n {
		return kind == starterStrong
	}
	return kind > 0
}

// isSentenceWordByte reports whether c continues a word (a letter, digit, or a
// non-ASCII byte).
func isSentenceWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
