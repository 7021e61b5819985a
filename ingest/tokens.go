package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence, with its byte offsets
// in the sentence.
type token struct {
	text       string // as written, with ’ folded to '
	lower      string // lower-cased text
	start, end int    // byte offsets in the sentence
	word       bool   // a word or number (not punctuation)
	cap        bool   // starts with an upper-case letter
}

// tokenize splits a sentence into tokens. Words keep internal apostrophes,
// hyphens and the dots of abbreviations (U.S., U.N., U.S.S.R.); a possessive
// 's is its own token; numbers keep their decimal point and thousands
// separators; every other non-space character is a token of its own.
func tokenize(s string) []token { return tokenizeInto(make([]token, 0, len(s)/5+4), s) }

// tokenizeInto is tokenize appending to toks, so that a caller may reuse one
// buffer for every sentence.
func tokenizeInto(toks []token, s string) []token {
	i := 0
	for i < len(s) {
		if c := s[i]; c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isTokWordRune(r) {
			toks = append(toks, mkToken(s, i, i+n, false))
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				j++
				continue
			}
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isTokWordRune(r2) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '&') && j+n2 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+n2:])
				if isTokWordRune(r3) && !isPossessiveAt(s, j, n2) {
					j += n2
					continue
				}
			}
			if (r2 == '.' || r2 == ',') && j+1 < len(s) && isTokDigit(s[j-1]) && isTokDigit(s[j+1]) {
				j++
				continue
			}
			if r2 == '.' && isAbbrevSoFar(s[i:j]) {
				// U.S. / U.N. / U.S.S.R. / N.Korea: keep the dot
				j++
				continue
			}
			break
		}
		// a trailing dot of an abbreviation like "U.S." was consumed above;
		// a word like "Jinping." never was.
		toks = append(toks, mkToken(s, i, j, true))
		i = j
		// possessive 's / ’s / s' as its own token
		if i < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[i:])
			if (r2 == '\'' || r2 == '’') && isPossessiveAt(s, i, n2) {
				end := i + n2
				if end < len(s) && s[end] == 's' {
					end++
				}
				toks = append(toks, token{text: "'s", lower: "'s", start: i, end: end, word: false})
				i = end
			}
		}
	}
	return toks
}

// isPossessiveAt reports whether the apostrophe at s[i:i+n] starts a
// possessive: 's followed by a non-letter, or a bare apostrophe after s.
func isPossessiveAt(s string, i, n int) bool {
	j := i + n
	if j < len(s) && (s[j] == 's' || s[j] == 'S') {
		return j+1 >= len(s) || !isTokWordByte(s[j+1])
	}
	return i > 0 && (s[i-1] == 's') && (j >= len(s) || !isTokWordByte(s[j]))
}

// isAbbrevSoFar reports whether w is a run of single letters separated by
// dots ("U", "U.S", "U.S.S"): the shape of abbreviations whose dots belong to
// the word.
func isAbbrevSoFar(w string) bool {
	if w == "" {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if k%2 == 0 {
			if !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') {
				return false
			}
		} else if c != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

func mkToken(s string, i, j int, word bool) token {
	text := s[i:j]
	if strings.ContainsRune(text, '’') {
		text = strings.ReplaceAll(text, "’", "'")
	}
	var upper bool
	if c := text[0]; c < utf8.RuneSelf {
		upper = c >= 'A' && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(text)
		upper = unicode.IsUpper(r)
	}
	return token{text: text, lower: lowerASCII(text), start: i, end: j, word: word, cap: upper}
}

// lowerASCII lower-cases s, without allocating when s has no upper-case letter.
func lowerASCII(s string) string {
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 0x80 {
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isTokWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func isTokWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
func isTokDigit(c byte) bool { return c >= '0' && c <= '9' }
