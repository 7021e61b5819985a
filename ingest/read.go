package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"github.com/diplograph/diplograph/graph"
)

// DefaultMaxBytes is the largest input a reader accepts when ReadOptions
// names no limit.
const DefaultMaxBytes = 16 << 20

// ReadOptions bound what a reader accepts.
type ReadOptions struct {
	MaxBytes int64 // the largest file or stream accepted; 0 means DefaultMaxBytes
}

func (o ReadOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Errors a reader reports, wrapped in a *ReadError that names the file.
var (
	ErrUnsupported = errors.New("unsupported file type")
	ErrTooLarge    = errors.New("too large")
	ErrBinary      = errors.New("binary content, not text")
	ErrEmpty       = errors.New("no text")
)

// ReadError is one failure to read an input: the file, the line of a JSON
// lines file (0 when it concerns the whole file) and the cause.
type ReadError struct {
	Path string
	Line int
	Err  error
}

// Error returns "path: cause" or "path:line: cause".
func (e *ReadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the cause.
func (e *ReadError) Unwrap() error { return e.Err }

// readFormat is the kind of input a reader handles.
type readFormat int

const (
	formatText readFormat = iota
	formatMarkdown
	formatHTML
	formatJSON
	formatJSONL
)

// formatOf returns the format of a file from its extension.
func formatOf(path string) (readFormat, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return formatText, true
	case ".md", ".markdown":
		return formatMarkdown, true
	case ".html", ".htm":
		return formatHTML, true
	case ".json":
		return formatJSON, true
	case ".jsonl", ".ndjson":
		return formatJSONL, true
	}
	return 0, false
}

// Supported reports whether path has an extension that a reader handles
// (.txt .md .html .htm .json .jsonl .ndjson).
func Supported(path string) bool {
	_, ok := formatOf(path)
	return ok
}

// ReadFile reads the articles in one file. Good articles are returned even
// when some fail (a .jsonl with a broken line); err then lists every
// failure, each a *ReadError naming the file (and line).
func ReadFile(path string, opts ReadOptions) ([]graph.Article, error) {
	f, ok := formatOf(path)
	if !ok {
		return nil, &ReadError{Path: path, Err: fmt.Errorf("%w %q (known: .txt .md .html .htm .json .jsonl .ndjson)", ErrUnsupported, filepath.Ext(path))}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &ReadError{Path: path, Err: unwrapPathError(err)}
	}
	if fi.IsDir() {
		return nil, &ReadError{Path: path, Err: errors.New("is a directory")}
	}
	max := opts.maxBytes()
	if fi.Size() > max {
		return nil, &ReadError{Path: path, Err: fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, fi.Size(), max)}
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, &ReadError{Path: path, Err: unwrapPathError(err)}
	}
	defer file.Close()
	return readAll(path, f, file, max, fi.Size())
}

// Read reads from r as if it were a file called name. The name "-" (or "")
// is standard input: read as JSON when it starts with '{' or '[' (JSON lines
// when more than one value follows), else as text.
func Read(name string, r io.Reader, opts ReadOptions) ([]graph.Article, error) {
	if name == "" {
		name = "-"
	}
	f, ok := formatOf(name)
	if !ok && name != "-" {
		return nil, &ReadError{Path: name, Err: fmt.Errorf("%w %q (known: .txt .md .html .htm .json .jsonl .ndjson)", ErrUnsupported, filepath.Ext(name))}
	}
	if name == "-" {
		f = -1
	}
	return readAll(name, f, r, opts.maxBytes(), 0)
}

// readAll reads at most max bytes from r (size of them expected, when
// known) and parses them as format f (-1: sniff the content).
func readAll(path string, f readFormat, r io.Reader, max, size int64) ([]graph.Article, error) {
	var buf bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok && size <= 0 {
		size = int64(l.Len()) // a bytes.Reader or strings.Reader
	}
	if size > 0 && size <= max {
		buf.Grow(int(size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	data := buf.Bytes()
	if err != nil {
		return nil, &ReadError{Path: path, Err: unwrapPathError(err)}
	}
	if int64(len(data)) > max {
		return nil, &ReadError{Path: path, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)}
	}
	text, err := decodeText(data)
	if err != nil {
		return nil, &ReadError{Path: path, Err: err}
	}
	if f < 0 {
		f = sniff(text)
	}
	switch f {
	case formatHTML:
		return readHTML(path, text)
	case formatJSON, formatJSONL:
		return readJSON(path, text, f)
	}
	return readText(path, text)
}

// sniff tells JSON (an object or array first) from text.
func sniff(text string) readFormat {
	t := strings.TrimLeft(text, " \t\r\n")
	switch {
	case strings.HasPrefix(t, "{"), strings.HasPrefix(t, "["):
		return formatJSON
	case hasPrefixFold(t, "<!doctype html"), hasPrefixFold(t, "<html"):
		return formatHTML
	}
	return formatText
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// unwrapPathError drops the path of an *fs.PathError, which ReadError names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// decodeText turns the bytes of an input into normalised text: UTF-16 with a
// byte-order mark is decoded, binary content is refused, invalid UTF-8 is
// replaced by U+FFFD, and the text is normalised (see normalizeText).
func decodeText(data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		d, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: bad UTF-16: %v", ErrBinary, err)
		}
		data = d
	}
	if err := checkBinary(data); err != nil {
		return "", err
	}
	s := string(data)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return normalizeText(s), nil
}

// checkBinary refuses content with NUL bytes, or in which more than a
// quarter of the first 64 KiB are control bytes or invalid UTF-8.
func checkBinary(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w (a NUL byte at offset %d)", ErrBinary, i)
	}
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	bad := 0
	for i := 0; i < len(head); {
		c := head[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' || c == 0x7F {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 && len(head)-i >= utf8.UTFMax {
			bad++
		}
		i += n
	}
	if bad*4 > len(head) {
		return fmt.Errorf("%w (%d of the first %d bytes are not text)", ErrBinary, bad, len(head))
	}
	return nil
}

// normalizeText turns CRLF and CR into LF, Unicode spaces (no-break, thin,
// ideographic, ...) and other control characters into spaces, and drops
// byte-order marks and zero-width spaces.
func normalizeText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' || c < 0x20 && c != '\n' && c != '\t' || c == 0x7F || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				b.WriteByte('\n')
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
			case c < 0x20 && c != '\n' && c != '\t', c == 0x7F:
				b.WriteByte(' ')
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u00A0' || r >= '\u2000' && r <= '\u200A' || r == '\u202F' || r == '\u205F' || r == '\u3000':
			b.WriteByte(' ')
		case r == '\u200B' || r == '\uFEFF' || r == '\u2060' || r == '\u00AD':
			// zero-width space, byte-order mark, word joiner, soft hyphen: dropped
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r >= 0x80 && r < 0xA0:
			b.WriteByte(' ') // C1 controls
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// fileStem returns the file name of path without its extension ("stdin" for "-").
func fileStem(path string) string {
	if path == "-" || path == "" {
		return "stdin"
	}
	base := filepath.Base(path)
	if s := strings.TrimSuffix(base, filepath.Ext(base)); s != "" {
		return s
	}
	return base
}

// finishArticle fills in an article's hash once its fields are known, and refuses
// an article without text.
func finishArticle(a *graph.Article) error {
	if strings.TrimSpace(a.Text) == "" {
		return ErrEmpty
	}
	if len(a.Meta) == 0 {
		a.Meta = nil
	}
	a.Hash = graph.ContentHash(a.Title, a.Date.String(), a.Text)
	return nil
}
