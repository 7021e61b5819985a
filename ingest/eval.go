package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/diplograph/diplograph/graph"
)

// This file scores extraction against gold files (ONTOLOGY.md, "Gold files
// and scoring"). It is a line-for-line port of the reference scorer,
// shared/tools/score.py: the same name folding, the same modality filter, the
// same matching, the same arithmetic and the same text output, so that the
// two agree exactly on the same inputs. Where score.py would crash on a
// malformed gold file, ReadGold returns an error naming the file and line.

// articleExts are the file name endings tried for a gold article, in
// score.py's order.
var articleExts = []string{".txt", ".md", ".html", ".htm", ".json", ".jsonl", ""}

// ArticleFile returns the file of a gold file's article in dir, as score.py's
// find_file finds it: dir/<article> with the first of the endings .txt, .md,
// .html, .htm, .json, .jsonl and none that is a regular file. An article id
// that would name a file outside dir is an error.
func ArticleFile(dir, article string) (string, error) {
	if !filepath.IsLocal(article) {
		return "", fmt.Errorf("article %q is not a file name inside %s", article, dir)
	}
	for _, ext := range articleExts {
		p := filepath.Join(dir, article+ext)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
	}
	return "", fmt.Errorf("no file for article %q in %s (tried %s.txt, .md, .html, .htm, .json, .jsonl and no extension)", article, dir, article)
}

// ReadArticleFile reads the articles of the file that ArticleFile found for
// the gold article id. A file without a known ending is read as the readers
// read standard input (JSON when it starts with '{' or '[', else text), its
// articles named id. As ReadFile, it returns what it could read with the
// error.
func ReadArticleFile(path, id string) ([]graph.Article, error) {
	if filepath.Ext(path) != "" && Supported(path) {
		return ReadFile(path, ReadOptions{})
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	arts, err := Read("-", f, ReadOptions{})
	for i := range arts {
		if arts[i].ID == "" || arts[i].ID == "stdin" {
			arts[i].ID = id
		}
	}
	if err != nil {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return arts, err
}

// symmetricForScoring are the relations that score.py treats as symmetric
// (its SYMMETRIC set). The scorer keeps its own list rather than reading the
// relation table so that it stays the reference's twin if the table changes.
var symmetricForScoring = map[string]bool{
	"meet": true, "call": true, "negotiate": true, "cooperate": true,
	"sign_agreement": true, "trade": true, "military_cooperation": true,
}

// keptModalities are the modalities whose predictions are scored (score.py's
// KEPT_MODALITIES); negated predictions are left out.
var keptModalities = map[string]bool{"asserted": true, "intent": true, "": true}

// GoldLine is one expected edge of a gold file (ONTOLOGY.md, "Gold files and
// scoring"): the acceptable names of its ends, the first preferred, its
// relation, the expected date at the precision the text allows, and whether
// it is optional (acceptable but not required).
type GoldLine struct {
	Article  string   `json:"article"`
	Source   []string `json:"source"`
	Relation string   `json:"relation"`
	Target   []string `json:"target"`
	Date     string   `json:"date,omitempty"`
	Optional bool     `json:"optional,omitempty"`
	Evidence string   `json:"evidence,omitempty"` // the words of the article that state it, for people
	Line     int      `json:"line"`               // line number in the gold file
}

// ReadGold reads a gold file: JSON lines, one GoldLine a line; blank lines are
// skipped. Errors name the file and the line.
func ReadGold(path string) ([]GoldLine, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	gold, err := parseGold(data)
	if err != nil {
		return nil, fmt.Errorf("gold %s:%w", path, err)
	}
	return gold, nil
}

// parseGold parses the JSON lines of a gold file. Lines are split as Python's
// text mode splits them (on \n, \r\n and \r), so that line numbers agree with
// what score.py reads. Errors start with the line number.
func parseGold(data []byte) ([]GoldLine, error) {
	var gold []GoldLine
	for n, line := range pyLines(data) {
		if len(pyStrip(line)) == 0 {
			continue
		}
		g, err := parseGoldLine(line)
		if err != nil {
			return nil, fmt.Errorf("%d: %w", n+1, err)
		}
		g.Line = n + 1
		gold = append(gold, g)
	}
	return gold, nil
}

// parseGoldLine decodes one gold line. Field names are matched exactly (as
// Python's dict does), not case-insensitively as encoding/json would.
func parseGoldLine(line []byte) (GoldLine, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return GoldLine{}, fmt.Errorf("not a JSON object")
		}
		return GoldLine{}, fmt.Errorf("not JSON: %w", err)
	}
	var g GoldLine
	str := func(key string, dst *string, required bool) error {
		raw, ok := fields[key]
		if !ok || string(raw) == "null" {
			if required {
				return fmt.Errorf("no %q", key)
			}
			return nil
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			return fmt.Errorf("%q is not a string", key)
		}
		if required && *dst == "" {
			return fmt.Errorf("empty %q", key)
		}
		return nil
	}
	names := func(key string, dst *[]string) error {
		raw, ok := fields[key]
		if !ok {
			return fmt.Errorf("no %q", key)
		}
		var list []*string
		if err := json.Unmarshal(raw, &list); err != nil || len(list) == 0 {
			return fmt.Errorf("%q is not a non-empty list of names", key)
		}
		for _, s := range list {
			if s == nil || *s == "" {
				return fmt.Errorf("%q holds an empty name", key)
			}
			*dst = append(*dst, *s)
		}
		return nil
	}
	if err := str("article", &g.Article, true); err != nil {
		return g, err
	}
	if err := names("source", &g.Source); err != nil {
		return g, err
	}
	if err := str("relation", &g.Relation, true); err != nil {
		return g, err
	}
	if err := names("target", &g.Target); err != nil {
		return g, err
	}
	if err := str("date", &g.Date, false); err != nil {
		return g, err
	}
	if err := str("evidence", &g.Evidence, false); err != nil {
		return g, err
	}
	if raw, ok := fields["optional"]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, &g.Optional); err != nil {
			return g, fmt.Errorf(`"optional" is not true or false`)
		}
	}
	return g, nil
}

// ReadPredictions reads a prediction file as score.py's --pred reads it:
// JSON lines in the extraction output format (ONTOLOGY.md), each filed
// under its "file" field, else its "article" field. Fields are read as
// score.py reads them: a null modality is the (dropped) modality "None", a
// "negated": true marks the line negated, a null source or target is the
// name "None", a null or empty date is no date. Lines that name no article
// are skipped, as they can match no gold line. Errors name the file and line.
func ReadPredictions(path string) (map[string][]Record, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("predictions: %w", err)
	}
	pred, err := parsePredictions(data)
	if err != nil {
		return nil, fmt.Errorf("predictions %s:%w", path, err)
	}
	return pred, nil
}

// parsePredictions parses the JSON lines of a prediction file; errors start
// with the line number.
func parsePredictions(data []byte) (map[string][]Record, error) {
	pred := map[string][]Record{}
	for n, line := range pyLines(data) {
		if len(pyStrip(line)) == 0 {
			continue
		}
		id, r, err := parsePrediction(line)
		if err != nil {
			return nil, fmt.Errorf("%d: %w", n+1, err)
		}
		if id != "" {
			pred[id] = append(pred[id], r)
		}
	}
	return pred, nil
}

// parsePrediction decodes one prediction line into the article it is filed
// under and a record carrying what the scorer reads of it.
func parsePrediction(line []byte) (string, Record, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return "", Record{}, fmt.Errorf("not a JSON object")
		}
		return "", Record{}, fmt.Errorf("not JSON: %w", err)
	}
	// str reads a string field as Python's str(e.get(key, missing)) does for
	// the values that make sense: null is "None".
	str := func(key, missing string) (string, error) {
		raw, ok := fields[key]
		if !ok {
			return missing, nil
		}
		if string(raw) == "null" {
			return "None", nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("%q is not a string", key)
		}
		return s, nil
	}
	// The article: "file" if present, else "article"; not a string: none.
	var id string
	key := "article"
	if _, ok := fields["file"]; ok {
		key = "file"
	}
	if raw, ok := fields[key]; ok {
		_ = json.Unmarshal(raw, &id)
	}
	var r Record
	var err error
	if r.Source, err = str("source", ""); err != nil {
		return "", r, err
	}
	if r.Target, err = str("target", ""); err != nil {
		return "", r, err
	}
	if r.Modality, err = str("modality", ""); err != nil {
		return "", r, err
	}
	if raw, ok := fields["relation"]; ok {
		if err := json.Unmarshal(raw, &r.Relation); err != nil || string(raw) == "null" {
			return "", r, fmt.Errorf(`"relation" is not a string`)
		}
	}
	if raw, ok := fields["date"]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, &r.Date); err != nil {
			return "", r, fmt.Errorf(`"date" is not a string`)
		}
	}
	if string(fields["negated"]) == "true" {
		r.Modality = string(graph.Negated)
	}
	r.Article = id
	return id, r, nil
}

// pyLines splits data into lines as Python's universal-newline text mode
// does: a line ends at \n, \r\n or \r. The terminators are dropped.
func pyLines(data []byte) [][]byte {
	var lines [][]byte
	for len(data) > 0 {
		i := bytes.IndexAny(data, "\r\n")
		if i < 0 {
			lines = append(lines, data)
			break
		}
		lines = append(lines, data[:i])
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			i++
		}
		data = data[i+1:]
	}
	return lines
}

// pyStrip trims what Python's str.strip trims: Unicode white space and the
// separators U+001C..U+001F.
func pyStrip(b []byte) []byte {
	return bytes.TrimFunc(b, func(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) })
}

// scoreNorm folds a name as score.py's norm does: NFKD, then every non-ASCII
// rune dropped (so "ß" and letters of other scripts vanish, unlike
// graph.NormName, which keeps them), ASCII case folded, "." and "'" dropped,
// every run of other non-alphanumerics a single space, the ends trimmed, and
// one leading "the " removed.
func scoreNorm(name string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(name) {
		if r >= utf8.RuneSelf {
			continue
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		switch {
		case r == '.' || r == '\'':
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// Triple is one scored prediction: a unique (source, relation, target) of an
// article, names folded as the scorer folds them, with the set of dates
// predicted for it, sorted ("" for a prediction without a date).
type Triple struct {
	Source   string   `json:"source"`
	Relation string   `json:"relation"`
	Target   string   `json:"target"`
	Dates    []string `json:"dates"`
}

// ArticleScore is the score of one article of a gold file.
type ArticleScore struct {
	Article        string     `json:"article"`
	TP             int        `json:"tp"`              // predictions matching a required gold line
	FP             int        `json:"fp"`              // predictions matching no gold line
	Found          int        `json:"found"`           // required gold lines matched
	Required       int        `json:"required"`        // required gold lines
	Dated          int        `json:"dated"`           // matched gold lines with a date
	DatedRight     int        `json:"dated_right"`     // of those, the ones a predicted date agrees with
	P              float64    `json:"p"`               // TP / (TP+FP); 0 with no scored prediction
	R              float64    `json:"r"`               // Found / Required; 1 with no required line
	FalsePositives []Triple   `json:"false_positives"` // in the order first predicted
	Misses         []GoldLine `json:"misses"`          // required gold lines not matched, in file order
}

// Report is the score of a prediction set against a gold file: per article,
// in article id order, and micro-averaged over the articles.
type Report struct {
	Articles   []ArticleScore `json:"articles"`
	TP         int            `json:"tp"`
	FP         int            `json:"fp"`
	Found      int            `json:"found"`
	Required   int            `json:"required"`
	Dated      int            `json:"dated"`
	DatedRight int            `json:"dated_right"`
	P          float64        `json:"p"`     // TP / (TP+FP); 0 with no scored prediction
	R          float64        `json:"r"`     // Found / Required; 0 with no required line
	F1         float64        `json:"f1"`    // harmonic mean of P and R; 0 when both are 0
	Dates      float64        `json:"dates"` // DatedRight / Dated; 0 with no dated match
}

// Score scores predictions (records per article, keyed by article id)
// against gold lines, per article and micro-averaged, exactly as score.py
// does. Only the articles named in the gold lines are scored; an article
// with no predictions scores P=0 and misses all its required lines.
func Score(gold []GoldLine, pred map[string][]Record) Report {
	byArticle := map[string][]GoldLine{}
	for _, g := range gold {
		byArticle[g.Article] = append(byArticle[g.Article], g)
	}
	ids := make([]string, 0, len(byArticle))
	for id := range byArticle {
		ids = append(ids, id)
	}
	slices.Sort(ids) // Python sorts str by code point: the same order as UTF-8 bytes
	var rep Report
	for _, id := range ids {
		a := scoreArticle(id, byArticle[id], pred[id])
		rep.Articles = append(rep.Articles, a)
		rep.TP += a.TP
		rep.FP += a.FP
		rep.Found += a.Found
		rep.Required += a.Required
		rep.Dated += a.Dated
		rep.DatedRight += a.DatedRight
	}
	if rep.TP+rep.FP > 0 {
		rep.P = float64(rep.TP) / float64(rep.TP+rep.FP)
	}
	if rep.Required > 0 {
		rep.R = float64(rep.Found) / float64(rep.Required)
	}
	if rep.P+rep.R != 0 {
		rep.F1 = 2 * rep.P * rep.R / (rep.P + rep.R)
	}
	if rep.Dated > 0 {
		rep.Dates = float64(rep.DatedRight) / float64(rep.Dated)
	}
	return rep
}

// goldNames is a gold line with its acceptable names folded.
type goldNames struct {
	GoldLine
	src, tgt map[string]bool
}

// matches reports whether the folded prediction (src, rel, tgt) matches g:
// the same relation and both names acceptable, either way round for a
// symmetric relation.
func (g goldNames) matches(src, rel, tgt string) bool {
	if g.Relation != rel {
		return false
	}
	if g.src[src] && g.tgt[tgt] {
		return true
	}
	return symmetricForScoring[rel] && g.src[tgt] && g.tgt[src]
}

// scoreArticle is score.py's score_article.
func scoreArticle(id string, lines []GoldLine, recs []Record) ArticleScore {
	a := ArticleScore{Article: id}
	gold := make([]goldNames, len(lines))
	for i, g := range lines {
		gold[i] = goldNames{GoldLine: g, src: map[string]bool{}, tgt: map[string]bool{}}
		for _, n := range g.Source {
			gold[i].src[scoreNorm(n)] = true
		}
		for _, n := range g.Target {
			gold[i].tgt[scoreNorm(n)] = true
		}
	}

	// Unique triples in the order first predicted, with their sets of dates.
	type key struct{ src, rel, tgt string }
	var order []key
	dates := map[key]map[string]bool{}
	for _, r := range recs {
		if !keptModalities[r.Modality] {
			continue
		}
		k := key{scoreNorm(r.Source), r.Relation, scoreNorm(r.Target)}
		if symmetricForScoring[k.rel] && k.tgt < k.src {
			k.src, k.tgt = k.tgt, k.src
		}
		if dates[k] == nil {
			dates[k] = map[string]bool{}
			order = append(order, k)
		}
		dates[k][r.Date] = true
	}

	hit := make([]bool, len(gold))
	for _, k := range order {
		var idx, required []int
		for i, g := range gold {
			if g.matches(k.src, k.rel, k.tgt) {
				idx = append(idx, i)
				if !g.Optional {
					required = append(required, i)
				}
			}
		}
		switch {
		case len(required) > 0:
			a.TP++
			for _, i := range required {
				if !hit[i] && gold[i].Date != "" {
					a.Dated++
					for d := range dates[k] {
						if dateAgrees(gold[i].Date, d) {
							a.DatedRight++
							break
						}
					}
				}
				hit[i] = true
			}
		case len(idx) == 0:
			a.FP++
			a.FalsePositives = append(a.FalsePositives, Triple{k.src, k.rel, k.tgt, sortedKeys(dates[k])})
		}
	}
	for i, g := range gold {
		if g.Optional {
			continue
		}
		a.Required++
		if hit[i] {
			a.Found++
		} else {
			a.Misses = append(a.Misses, g.GoldLine)
		}
	}
	if a.TP+a.FP > 0 {
		a.P = float64(a.TP) / float64(a.TP+a.FP)
	}
	a.R = 1
	if a.Required > 0 {
		a.R = float64(a.Found) / float64(a.Required)
	}
	return a
}

// dateAgrees reports whether a predicted date agrees with a gold date at the
// gold's precision: a non-empty prediction that starts with the gold date.
func dateAgrees(gold, pred string) bool { return pred != "" && strings.HasPrefix(pred, gold) }

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// WriteText writes the report as score.py prints it: with verbose, each
// article's false positives then its misses, then per article the line
// "ARTICLE: P=0.xx R=0.xx (found/req gold, N false+)", and last the line
// "F1=0.xxx P=0.xxx R=0.xxx dates=0.xxx articles=N gold=N false+=N".
func (r Report) WriteText(w io.Writer, verbose bool) error {
	var b bytes.Buffer
	for _, a := range r.Articles {
		if verbose {
			for _, t := range a.FalsePositives {
				fmt.Fprintf(&b, "  false+ %s: %s --%s--> %s %s\n", a.Article, t.Source, t.Relation, t.Target, pyStrList(t.Dates))
			}
			for _, g := range a.Misses {
				fmt.Fprintf(&b, "  missed %s: %s --%s--> %s\n", a.Article, g.Source[0], g.Relation, g.Target[0])
			}
		}
		fmt.Fprintf(&b, "%s: P=%.2f R=%.2f (%d/%d gold, %d false+)\n", a.Article, a.P, a.R, a.Found, a.Required, a.FP)
	}
	fmt.Fprintf(&b, "F1=%.3f P=%.3f R=%.3f dates=%.3f articles=%d gold=%d false+=%d\n",
		r.F1, r.P, r.R, r.Dates, len(r.Articles), r.Required, r.FP)
	_, err := w.Write(b.Bytes())
	return err
}

// pyStrList renders a list of strings as Python's repr does: ['a', 'b'].
func pyStrList(ss []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pyRepr(s))
	}
	b.WriteByte(']')
	return b.String()
}

// pyRepr renders a string as Python's repr does: single quotes unless the
// string holds a single quote and no double quote; backslash, the quote and
// \t \n \r escaped; other unprintable runes as \xNN, \uNNNN or \UNNNNNNNN.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < utf8.RuneSelf || unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
