package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// readJSON reads a .json file (one article object, or an array of them) or a
// JSON lines file (one object a line; blank lines skipped). A .json file
// that holds several values one after another is read as JSON lines. Every
// broken article is an error naming the file and its line (or array
// element); the others are returned.
func readJSON(path, text string, f readFormat) ([]graph.Article, error) {
	if f == formatJSON {
		t := strings.TrimLeft(text, " \t\n")
		if strings.HasPrefix(t, "[") {
			return readJSONArray(path, text)
		}
		dec := json.NewDecoder(strings.NewReader(text))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, &ReadError{Path: path, Line: lineOfOffset(text, jsonErrorOffset(err, dec)), Err: jsonError(err)}
		}
		if strings.TrimSpace(text[dec.InputOffset():]) == "" {
			a, err := articleFromJSON(path, v, fileStem(path), path)
			if err != nil {
				return nil, &ReadError{Path: path, Err: err}
			}
			return []graph.Article{a}, nil
		}
	}
	var (
		out   []graph.Article
		errs  []error
		first = true
	)
	line := 0
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line++
		l := strings.TrimSpace(text[pos:end])
		pos = end + 1
		if l == "" {
			continue
		}
		id := fileStem(path)
		if !first {
			id += "-" + strconv.Itoa(line)
		}
		first = false
		a, err := articleFromJSON(path, json.RawMessage(l), id, path+":"+strconv.Itoa(line))
		if err != nil {
			errs = append(errs, &ReadError{Path: path, Line: line, Err: err})
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 && len(errs) == 0 {
		return nil, &ReadError{Path: path, Err: ErrEmpty}
	}
	return out, errors.Join(errs...)
}

// readJSONArray reads a JSON array of article objects.
func readJSONArray(path, text string) ([]graph.Article, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	var items []json.RawMessage
	if err := dec.Decode(&items); err != nil {
		return nil, &ReadError{Path: path, Line: lineOfOffset(text, jsonErrorOffset(err, dec)), Err: jsonError(err)}
	}
	if rest := strings.TrimSpace(text[dec.InputOffset():]); rest != "" {
		return nil, &ReadError{Path: path, Line: lineOfOffset(text, dec.InputOffset()), Err: errors.New("data after the array")}
	}
	if len(items) == 0 {
		return nil, &ReadError{Path: path, Err: fmt.Errorf("%w: an empty array", ErrEmpty)}
	}
	var (
		out  []graph.Article
		errs []error
	)
	for i, it := range items {
		id := fileStem(path)
		if i > 0 {
			id += "-" + strconv.Itoa(i+1)
		}
		a, err := articleFromJSON(path, it, id, path)
		if err != nil {
			errs = append(errs, &ReadError{Path: path, Err: fmt.Errorf("element %d: %w", i+1, err)})
			continue
		}
		out = append(out, a)
	}
	return out, errors.Join(errs...)
}

// articleFromJSON makes an article of one JSON object: "text" (a string) is
// required; "id", "title", "date" and "url" are used when given; other
// string, number and boolean fields go into Meta. A date that does not parse
// is kept in Meta["date"], not fatal.
func articleFromJSON(path string, raw json.RawMessage, id, origin string) (graph.Article, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return graph.Article{}, fmt.Errorf("want an article object, got a JSON %s", ute.Value)
		}
		return graph.Article{}, jsonError(err)
	}
	if obj == nil {
		return graph.Article{}, errors.New("want an article object, got null")
	}
	a := graph.Article{ID: id, Origin: origin, Meta: map[string]string{}}
	rawText, ok := obj["text"]
	if !ok {
		return graph.Article{}, errors.New(`no "text" field`)
	}
	var text string
	if err := json.Unmarshal(rawText, &text); err != nil {
		return graph.Article{}, errors.New(`"text" is not a string`)
	}
	for k, v := range obj {
		s, ok := jsonScalar(v)
		if !ok {
			continue
		}
		switch k {
		case "text":
		case "id":
			if s = strings.TrimSpace(s); s != "" {
				a.ID = s
			}
		case "title":
			a.Title = strings.TrimSpace(normalizeText(strings.ToValidUTF8(s, "\uFFFD")))
		case "date":
			if d, ok := parseAnyDate(s); ok {
				a.Date = d
			} else if s != "" {
				a.Meta["date"] = s
			}
		case "url":
			a.URL = strings.TrimSpace(s)
		default:
			if s != "" {
				a.Meta[k] = s
			}
		}
	}
	text = normalizeText(strings.ToValidUTF8(text, "\uFFFD"))
	a.Text = buildBody(strings.Split(text, "\n"), bodyOptions{lineParas: !strings.Contains(text, "\n\n")}, &a)
	if err := finishArticle(&a); err != nil {
		return graph.Article{}, err
	}
	return a, nil
}

// jsonScalar returns a JSON string, number or boolean as text.
func jsonScalar(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "", false
	}
	switch v[0] {
	case '"':
		var s string
		if json.Unmarshal(v, &s) != nil {
			return "", false
		}
		return s, true
	case '{', '[', 'n':
		return "", false
	}
	return string(v), true
}

// jsonError rewords a JSON decoding error without Go type names.
func jsonError(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("bad JSON: %v", se)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("bad JSON: unexpected end of input")
	}
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return fmt.Errorf("bad JSON: want an array of article objects, got a JSON %s", ute.Value)
	}
	return fmt.Errorf("bad JSON: %v", err)
}

// jsonErrorOffset returns the byte offset of a decoding error.
func jsonErrorOffset(err error, dec *json.Decoder) int64 {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Offset
	}
	return dec.InputOffset()
}

// lineOfOffset returns the 1-based line of a byte offset in text.
func lineOfOffset(text string, off int64) int {
	if off < 0 {
		off = 0
	}
	if off > int64(len(text)) {
		off = int64(len(text))
	}
	return strings.Count(text[:off], "\n") + 1
}
