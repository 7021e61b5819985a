package ingest

import (
	"strings"
	"time"

	"github.com/diplograph/diplograph/graph"
)

// readText reads a .txt or .md article: an optional header block of
// "key: value" lines ended by a blank line (or YAML front matter between
// "---" lines), then the body, which may open
// with a Markdown title, a byline and a dateline (see parseBody).
func readText(path, text string) ([]graph.Article, error) {
	a := graph.Article{ID: fileStem(path), Origin: path, Meta: map[string]string{}}
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) && strings.TrimSpace(lines[i]) == "---" {
		// YAML front matter: "---", key: value lines, "---".
		for j := i + 1; j < len(lines) && j < i+64; j++ {
			if strings.TrimSpace(lines[j]) != "---" {
				continue
			}
			if hdr, ok := parseHeader(lines[i+1 : j]); ok {
				for k := range hdr {
					hdr[k].value = strings.Trim(hdr[k].value, `"'`)
				}
				applyHeader(&a, hdr)
				i = j + 1
			}
			break
		}
	}
	j := i
	for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
		j++
	}
	if hdr, ok := parseHeader(lines[i:j]); ok {
		applyHeader(&a, hdr)
		i = j
	}
	a.Text = buildBody(lines[i:], bodyOptions{markdown: true, preamble: true}, &a)
	if err := finishArticle(&a); err != nil {
		return nil, &ReadError{Path: path, Err: err}
	}
	return []graph.Article{a}, nil
}

// headerField is one "key: value" line of a header block.
type headerField struct{ key, value string }

// knownHeaderKeys are keys that make a block of "key: value" lines a header.
var knownHeaderKeys = map[string]bool{
	"title": true, "date": true, "url": true, "source": true, "id": true, "author": true,
	"byline": true, "publisher": true, "published": true, "dateline": true, "places": true,
	"topics": true, "people": true, "orgs": true, "collection": true, "event": true,
	"language": true, "lang": true, "tags": true, "section": true, "link": true, "site": true,
}

// parseHeader parses a block of lines as a header: every line must be a
// "key: value" line with a short one-word key, and at least one key must be
// a known one (title, date, url, source, ...). A body paragraph such as
// "Note: the talks ..." is not a header.
func parseHeader(block []string) ([]headerField, bool) {
	if len(block) == 0 {
		return nil, false
	}
	var out []headerField
	known := false
	for _, line := range block {
		k := strings.IndexByte(line, ':')
		if k <= 0 || k > 32 {
			return nil, false
		}
		key := line[:k]
		for i := 0; i < len(key); i++ {
			c := key[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' && i > 0 || (c == '-' || c == '_') && i > 0) {
				return nil, false
			}
		}
		rest := line[k+1:]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return nil, false // "http://...", "10:30"
		}
		key = strings.ToLower(key)
		if knownHeaderKeys[key] {
			known = true
		}
		out = append(out, headerField{key, strings.TrimSpace(rest)})
	}
	return out, known
}

// applyHeader sets an article's fields from its header.
func applyHeader(a *graph.Article, hdr []headerField) {
	for _, f := range hdr {
		switch f.key {
		case "title":
			if f.value != "" {
				a.Title = f.value
				continue
			}
		case "id":
			if f.value != "" {
				a.ID = f.value
				continue
			}
		case "date", "published":
			if d, ok := parseAnyDate(f.value); ok && a.Date.IsZero() {
				a.Date = d
				continue
			}
		case "url", "link":
			if f.value != "" && a.URL == "" {
				a.URL = strings.Trim(f.value, "<>")
				continue
			}
		case "source":
			if looksLikeURL(f.value) && a.URL == "" {
				a.URL = f.value
				continue
			}
		}
		if f.value != "" {
			a.Meta[f.key] = f.value
		}
	}
}

// looksLikeURL reports whether s looks like an absolute web address.
func looksLikeURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && !strings.ContainsAny(s, " \t")
}

// parseAnyDate parses a date as YYYY-MM-DD (or RFC 3339), or as a dateline
// such as "May 24, 2023", "24 May 2023" or "Wednesday, May 24, 2023".
func parseAnyDate(s string) (graph.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return graph.Date{}, false
	}
	if d, err := graph.ParseDate(s); err == nil && !d.IsZero() && s[0] >= '0' && s[0] <= '9' {
		return d, true
	}
	return parseDateline(s)
}

// datelineLayouts are the forms of a date standing on a line of its own.
var datelineLayouts = []string{
	"January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan 2 2006",
	"2 January 2006", "2 Jan 2006", "2006-01-02", "January 2, 2006 15:04",
	"January 2, 2006 3:04 PM", "Jan 2, 2006 3:04 PM", "2 January 2006 15:04",
	"January 2006", "02/01/2006",
}

// parseDateline parses a line that is only a date ("May 24, 2023", "Wed, 24
// May 2023", "Sept. 15, 2014", "Updated: May 24, 2023").
func parseDateline(s string) (graph.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 6 || len(s) > 60 || !(s[0] >= '0' && s[0] <= '9' || s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 'a' && s[0] <= 'z') || !hasYear(s) {
		return graph.Date{}, false
	}
	for _, p := range []string{"Published:", "Published", "Updated:", "Updated", "Posted:", "Posted", "Date:"} {
		if hasPrefixFold(s, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	for _, wd := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"} {
		if strings.HasPrefix(s, wd+", ") || strings.HasPrefix(s, wd+" ") {
			s = strings.TrimSpace(s[len(wd)+1:])
			break
		}
	}
	s = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(s, "UTC")), ",")
	s = strings.Replace(s, "Sept.", "Sep", 1)
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	if k := strings.IndexByte(s, '.'); k > 0 && k <= 4 {
		s = s[:k] + s[k+1:] // "Jan. 5, 2020"
	}
	for _, l := range datelineLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if l == "January 2006" {
				return graph.MonthDate(t.Year(), t.Month()), true
			}
			return graph.FromTime(t), true
		}
	}
	return graph.Date{}, false
}

// hasYear reports whether s holds a run of exactly four digits (a year), which
// every dateline form has: a cheap test before trying the layouts.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return false
}

// bodyOptions say how buildBody reads lines.
type bodyOptions struct {
	markdown  bool // clean inline Markdown (bold, links, escapes, autolinks)
	preamble  bool // take a title, byline and dateline from the lines before the body
	lineParas bool // every line is a paragraph (text without blank lines, from JSON)
}

// paraBuilder joins lines into paragraphs.
type paraBuilder struct {
	paras   []string
	cur     []string
	inTable bool
}

// flush ends the current paragraph: prose lines are joined by spaces, table
// rows by line breaks, with their common indentation removed.
func (p *paraBuilder) flush() {
	if len(p.cur) == 0 {
		p.inTable = false
		return
	}
	if p.inTable {
		ind := -1
		for _, r := range p.cur {
			n := len(r) - len(strings.TrimLeft(r, " \t"))
			if ind < 0 || n < ind {
				ind = n
			}
		}
		for i, r := range p.cur {
			p.cur[i] = r[ind:]
		}
		p.paras = append(p.paras, strings.Join(p.cur, "\n"))
	} else {
		p.paras = append(p.paras, strings.Join(p.cur, " "))
	}
	p.cur = p.cur[:0]
	p.inTable = false
}

// buildBody turns body lines into the article text: hard-wrapped lines are
// joined into paragraphs, an indented line starts a paragraph (Reuters), a
// heading is a paragraph of its own (without its '#' marks), a table (lines
// with runs of spaces) is a paragraph of its own with its rows on separate
// lines, boilerplate lines (photo credits, "Enlarge this image", "Related
// article:") are dropped, and paragraphs are separated by one blank line.
// With o.preamble, a leading "# Title" sets a.Title, a "By ..." line sets
// Meta["byline"], a date line sets a.Date (when the header gave none), and an
// "Original url:" line sets a.URL.
func buildBody(lines []string, o bodyOptions, a *graph.Article) string {
	var p paraBuilder
	inPreamble := o.preamble
	wantURL := false
	for i := 0; i < len(lines); i++ {
		raw := strings.TrimRight(lines[i], " \t")
		t := strings.TrimSpace(raw)
		if t == "" {
			p.flush()
			continue
		}
		if o.markdown {
			if wantURL || hasPrefixFold(t, "Original url:") {
				u := t
				if !wantURL {
					u = strings.TrimSpace(t[len("Original url:"):])
				}
				u = strings.Trim(u, "<>")
				if u == "" {
					wantURL = true
					continue
				}
				wantURL = false
				if looksLikeURL(u) {
					if a.URL == "" {
						a.URL = u
					}
					continue
				}
			}
			if isRule(t) {
				p.flush()
				continue
			}
		}
		if isBoilerplate(t) {
			continue
		}
		if h, ok := headingText(t); ok {
			p.flush()
			if inPreamble && len(p.paras) == 0 && strings.HasPrefix(t, "# ") {
				if a.Title == "" {
					a.Title = cleanInline(h)
					continue
				}
				if strings.EqualFold(a.Title, cleanInline(h)) {
					continue
				}
			}
			if h = cleanInline(h); h != "" {
				p.paras = append(p.paras, h)
			}
			continue
		}
		if inPreamble && len(p.paras) == 0 && len(p.cur) == 0 {
			if by, ok := bylineText(t); ok {
				a.Meta["byline"] = cleanInline(by)
				continue
			}
			if d, ok := parseDateline(cleanInline(t)); ok {
				if a.Date.IsZero() {
					a.Date = d
				}
				continue
			}
		}
		indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
		if isTableLine(t) || p.inTable && indent >= 1 && indent <= 3 && len(t) <= 30 {
			if !p.inTable {
				p.flush()
				p.inTable = true
			}
			p.cur = append(p.cur, raw)
			continue
		}
		if p.inTable || indent >= 2 || o.lineParas || isListItem(t) {
			p.flush()
		}
		if o.markdown {
			t = cleanInline(t)
			if t == "" {
				continue
			}
		}
		if o.preamble && len(p.paras) == 0 && len(p.cur) == 0 && i+1 < len(lines) &&
			strings.TrimSpace(lines[i+1]) == "" && a.Title != "" && strings.EqualFold(t, a.Title) {
			continue // the headline repeated as the first paragraph
		}
		p.cur = append(p.cur, t)
		inPreamble = false
	}
	p.flush()
	return strings.Join(p.paras, "\n\n")
}

// headingText returns the text of a Markdown ATX heading line ("## Sub").
func headingText(t string) (string, bool) {
	j := 0
	for j < len(t) && t[j] == '#' {
		j++
	}
	if j == 0 || j > 6 || j < len(t) && t[j] != ' ' && t[j] != '\t' {
		return "", false
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[j:]), "#")), true
}

// isRule reports whether t is a Markdown horizontal rule ("---", "***").
func isRule(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' && c != '=' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != c && t[i] != ' ' {
			return false
		}
	}
	return true
}

// isListItem reports whether t starts a Markdown list item ("- ", "* ", "1. ").
func isListItem(t string) bool {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' || strings.HasPrefix(t, "• ") {
		return true
	}
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i+2 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// bylineText returns the author of a "By ..." line: short, and not a sentence.
func bylineText(t string) (string, bool) {
	if len(t) > 80 || !(strings.HasPrefix(t, "By ") || strings.HasPrefix(t, "BY ")) {
		return "", false
	}
	switch t[len(t)-1] {
	case '.', ',', ';', ':', '?', '!':
		if !strings.HasSuffix(t, ")") {
			return "", false
		}
	}
	by := strings.TrimSpace(t[3:])
	if by == "" || strings.Count(by, " ") > 8 {
		return "", false
	}
	c := strings.TrimLeft(by, "[*_")
	if c == "" || c[0] >= 'a' && c[0] <= 'z' {
		return "", false // "By the end of the year"
	}
	return by, true
}

// boilerplatePrefixes start lines of page residue that are no part of the
// article.
var boilerplatePrefixes = []string{
	"Enlarge this image", "toggle caption", "**Related article", "Related article:", "Related Article:",
	"RELATED ARTICLE", "Advertisement Continue reading", "Chat with us in Facebook Messenger",
	"Photo:", "(Photo:", "Image:", "Photograph:", "Picture:", "FILE PHOTO:", "Replay More Videos",
	"Slideshow (", "[Photo/", "REUTERS/", "Newsletter Sign Up", "JUST WATCHED",
}

// boilerplateLines are whole lines of page residue.
var boilerplateLines = map[string]bool{
	"Advertisement": true, "Continue reading the main story": true, "Video": true, "Photo": true,
	"Read more": true, "Read More": true, "Share": true, "Share this article": true,
	"Invalid email address. Please re-enter.": true, "An error has occurred. Please try again later.": true,
}

// creditAgencies end a photo-credit line ("... / SPUTNIK / AFP").
var creditAgencies = []string{"afp", "reuters", "ap", "getty images", "epa", "sputnik", "tass",
	"xinhua", "bloomberg", "shutterstock", "kremlin.ru", "pool", "anadolu", "efe", "ria novosti"}

// isBoilerplate reports whether a line is page residue: a photo credit or
// caption line, "Enlarge this image", "toggle caption", "Related article: ...".
func isBoilerplate(t string) bool {
	if boilerplateLines[t] {
		return true
	}
	for _, p := range boilerplatePrefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return isPhotoCredit(t)
}

// isPhotoCredit reports whether a line ends with a photo credit: a last
// segment, after " / " or "/", naming a news agency, with no period after it
// ("Li Qiang. **Alexander Astafyev / SPUTNIK / AFP**").
func isPhotoCredit(t string) bool {
	if len(t) > 400 {
		return false
	}
	if isGalleryCaption(t) {
		return true
	}
	// "Issei Kato / Reuters U.S. forces ...": a caption led by its credit.
	if k := strings.Index(t[:min(len(t), 43)], " / "); k > 0 && allCapitalised(t[:k]) {
		rest := strings.ToLower(t[k+3:])
		for _, ag := range creditAgencies {
			if strings.HasPrefix(rest, ag+" ") {
				return true
			}
		}
	}
	// "... on August 30, 2017. [Photo/Agencies]"
	if k := strings.LastIndex(t, "[Photo"); k >= 0 && strings.HasSuffix(t, "]") {
		return true
	}
	// "... in Tokyo, August 29, 2017. REUTERS/Kim Kyung-Hoon": a caption
	// ending in its credit.
	if tail := t[max(0, len(t)-48):]; strings.IndexByte(tail, '/') >= 0 {
		for _, ag := range []string{"REUTERS/", "AFP/", "AP Photo/", "Getty Images/", "EPA/", "Reuters/"} {
			if k := strings.LastIndex(tail, ag); k >= 0 && !strings.ContainsAny(tail[k:], ".!?") {
				return true
			}
		}
	}
	u := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, ")"), "**"))
	k := strings.LastIndexByte(u, '/')
	if k < 0 || strings.HasSuffix(u, ".") {
		return false
	}
	last := strings.ToLower(strings.TrimSpace(u[k+1:]))
	for _, ag := range creditAgencies {
		if last == ag {
			return true
		}
	}
	return false
}

// isGalleryCaption reports whether t starts like a caption of a photo
// gallery: "3/16 2003 A mother and her two children ...".
func isGalleryCaption(t string) bool {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(t) || t[i] != '/' {
		return false
	}
	j := i + 1
	for j < len(t) && j < i+4 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == i+1 || j >= len(t) || t[j] != ' ' {
		return false
	}
	n, m := atoiSmall(t[:i]), atoiSmall(t[i+1:j])
	next := t[j+1:]
	return n >= 1 && n <= m && m > 1 && next != "" && (next[0] >= 'A' && next[0] <= 'Z' || hasYear(next[:min(len(next), 5)]))
}

// allCapitalised reports whether every word of s starts with a capital
// letter (a name: "Issei Kato").
func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// atoiSmall parses a short run of digits.
func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// cleanInline removes inline Markdown from a line: **bold** and __bold__
// marks, [text](target) links (the text is kept), ![alt](src) images,
// <https://...> autolinks (the address is kept) and backslash escapes.
func cleanInline(t string) string {
	if !strings.ContainsAny(t, "*_[]\\<!") {
		return t
	}
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch c {
		case '\\':
			if i+1 < len(t) && strings.IndexByte("\\`*_{}[]()#+-.!$<>|~\"'", t[i+1]) >= 0 {
				b.WriteByte(t[i+1])
				i++
				continue
			}
		case '*', '_':
			if i+1 < len(t) && t[i+1] == c {
				i++
				continue
			}
		case '!':
			if i+1 < len(t) && t[i+1] == '[' {
				if _, end, ok := mdLink(t, i+1); ok {
					i = end - 1
					continue
				}
			}
		case '[':
			if text, end, ok := mdLink(t, i); ok {
				b.WriteString(cleanInline(text))
				i = end - 1
				continue
			}
		case '<':
			if k := strings.IndexByte(t[i:], '>'); k > 0 && looksLikeURL(t[i+1:i+k]) {
				b.WriteString(t[i+1 : i+k])
				i += k
				continue
			}
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String())
}

// mdLink parses a Markdown link "[text](target)" at t[i]; it returns the text
// and the offset just past the link.
func mdLink(t string, i int) (text string, end int, ok bool) {
	k := strings.IndexByte(t[i:], ']')
	if k < 0 || i+k+1 >= len(t) || t[i+k+1] != '(' {
		return "", 0, false
	}
	m := strings.IndexByte(t[i+k+1:], ')')
	if m < 0 {
		return "", 0, false
	}
	return t[i+1 : i+k], i + k + 1 + m + 1, true
}
