package ingest

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/diplograph/diplograph/graph"
)

// readHTML reads a web page: its main text (found by go-readability; the
// whole body when that finds none), title and published time. Each block of
// the main text (paragraph, heading, list item, table row) becomes a
// paragraph of the article text.
func readHTML(path, text string) (arts []graph.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			arts, err = nil, &ReadError{Path: path, Err: fmt.Errorf("cannot parse the HTML: %v", r)}
		}
	}()
	if htmlDepth(text) > maxHTMLNesting {
		// a page nested this deep is no news page; the tree builder and
		// readability would take time in the square of the depth, so read
		// its text in one linear pass of the tokenizer instead
		a := graph.Article{ID: fileStem(path), Origin: path, Meta: map[string]string{}}
		a.Text = buildBody(flatHTMLLines(text), bodyOptions{preamble: true}, &a)
		if err := finishArticle(&a); err != nil {
			return nil, &ReadError{Path: path, Err: err}
		}
		return []graph.Article{a}, nil
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, &ReadError{Path: path, Err: fmt.Errorf("bad HTML: %w", err)}
	}
	a := graph.Article{ID: fileStem(path), Origin: path, Meta: map[string]string{}}
	a.URL = canonicalURL(doc)
	var page *url.URL
	if a.URL != "" {
		page, _ = url.Parse(a.URL)
	}
	p := readability.NewParser()
	p.Logger = slog.New(slog.DiscardHandler)
	ra, rerr := p.ParseAndMutate(doc, page)
	var lines []string
	if rerr == nil && ra.Node != nil {
		a.Title = strings.TrimSpace(normalizeText(ra.Title()))
		if t, err := ra.PublishedTime(); err == nil {
			a.Date = graph.FromTime(t)
		}
		for k, v := range map[string]string{"byline": ra.Byline(), "site": ra.SiteName(), "language": ra.Language()} {
			if v = strings.TrimSpace(v); v != "" {
				a.Meta[k] = v
			}
		}
		lines = htmlLines(ra.Node)
	}
	if len(strings.TrimSpace(strings.Join(lines, ""))) == 0 {
		// readability found no article: fall back on the page's body.
		doc, err = html.Parse(strings.NewReader(text))
		if err != nil {
			return nil, &ReadError{Path: path, Err: fmt.Errorf("bad HTML: %w", err)}
		}
		if a.Title == "" {
			a.Title = findTitle(doc)
		}
		lines = htmlLines(findElement(doc, atom.Body))
	}
	a.Text = buildBody(lines, bodyOptions{preamble: true}, &a)
	if err := finishArticle(&a); err != nil {
		if errors.Is(err, ErrEmpty) {
			err = fmt.Errorf("%w: no readable text in the page", ErrEmpty)
		}
		return nil, &ReadError{Path: path, Err: err}
	}
	return []graph.Article{a}, nil
}

// canonicalURL returns the page's <link rel="canonical"> or og:url.
func canonicalURL(doc *html.Node) string {
	var canon, og string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Link:
			if strings.EqualFold(htmlAttr(n, "rel"), "canonical") && canon == "" {
				canon = htmlAttr(n, "href")
			}
		case atom.Meta:
			if htmlAttr(n, "property") == "og:url" && og == "" {
				og = htmlAttr(n, "content")
			}
		case atom.Body:
			// metadata lives in the head
		}
	}
	for _, u := range []string{canon, og} {
		if u = strings.TrimSpace(u); looksLikeURL(u) {
			return u
		}
	}
	return ""
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// findElement returns the first element a in the tree of n (nil when none).
func findElement(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return d
		}
	}
	return nil
}

// findTitle returns the text of the page's <title>.
func findTitle(doc *html.Node) string {
	t := findElement(doc, atom.Title)
	if t == nil {
		return ""
	}
	var b strings.Builder
	for d := range t.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(normalizeText(b.String())), " ")
}

// htmlLines renders the text under n as lines for buildBody: a blank line
// between blocks, "# " before a title heading and "## " before others, table
// cells separated by three spaces, whitespace inside a block collapsed.
func htmlLines(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var w htmlText
	w.walk(n, 0)
	w.endBlock()
	return strings.Split(w.out.String(), "\n")
}

// htmlText collects the text of an HTML tree block by block.
type htmlText struct {
	out   strings.Builder
	block strings.Builder
	space bool // a space is pending inside the block
}

// htmlSkipped are elements whose text is no part of the article.
var htmlSkipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Figcaption: true, atom.Button: true, atom.Nav: true, atom.Aside: true, atom.Form: true,
	atom.Select: true, atom.Textarea: true, atom.Iframe: true, atom.Object: true, atom.Head: true,
	atom.Footer: true, atom.Header: true, atom.Math: true,
}

// htmlBlocks are elements that start and end a paragraph.
var htmlBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Figure: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Hr: true, atom.Address: true, atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// maxHTMLDepth bounds the recursion over deeply nested pages.
const maxHTMLDepth = 512

func (w *htmlText) walk(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if htmlSkipped[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			w.endBlock()
			return
		case atom.Td, atom.Th:
			if w.block.Len() > 0 {
				w.block.WriteString("   ")
				w.space = false
			}
		case atom.H1:
			w.endBlock()
			w.block.WriteString("# ")
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			w.endBlock()
			w.block.WriteString("## ")
		default:
			if htmlBlocks[n.DataAtom] {
				w.endBlock()
			}
		}
	case html.DocumentNode:
	default:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if n.Type == html.ElementNode && htmlBlocks[n.DataAtom] {
		w.endBlock()
	}
}

// text adds the text of a text node, its whitespace collapsed.
func (w *htmlText) text(s string) {
	s = normalizeText(s)
	for i, f := range strings.Fields(s) {
		if (i > 0 || w.space || s[0] == ' ' || s[0] == '\n' || s[0] == '\t') && w.block.Len() > 0 && !strings.HasSuffix(w.block.String(), " ") {
			w.block.WriteByte(' ')
		}
		w.block.WriteString(f)
	}
	w.space = len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n' || s[len(s)-1] == '\t')
}

// endBlock ends the current block with a blank line.
func (w *htmlText) endBlock() {
	t := strings.TrimSpace(w.block.String())
	w.block.Reset()
	w.space = false
	if t == "" || t == "#" || t == "##" {
		return
	}
	w.out.WriteString(t)
	w.out.WriteString("\n\n")
}

// maxHTMLNesting is the element nesting beyond which a page is read flat.
const maxHTMLNesting = 512

// htmlDepth returns the deepest element nesting of a page, in one pass of
// the tokenizer (void elements and self-closing tags do not nest).
func htmlDepth(text string) int {
	z := html.NewTokenizer(strings.NewReader(text))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				depth++
				if depth > deepest {
					deepest = depth
				}
			}
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
		}
	}
}

// voidElements have no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// flatHTMLLines returns a page's text as lines, breaking at block elements
// and leaving out scripts and styles, in one pass of the tokenizer.
func flatHTMLLines(text string) []string {
	z := html.NewTokenizer(strings.NewReader(text))
	var lines []string
	var cur strings.Builder
	skip := 0
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			lines = append(lines, t)
		}
		cur.Reset()
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return lines
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "noscript":
				if z.Token().Type == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "table":
				flush()
			}
		case html.TextToken:
			if skip == 0 {
				cur.WriteString(" ")
				cur.Write(z.Text())
			}
		}
	}
}
