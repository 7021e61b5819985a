package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// xmlWriter writes XML by hand, escaping text with encoding/xml's
// EscapeText, for the GraphML document and the GEXF nodes and edges:
// encoding/xml's reflection costs too much for a million elements. It
// appends to a buffer of its own, handed to the underlying writer whenever
// it holds xmlChunk bytes (an append costs less than a call to a
// bufio.Writer, and an edge makes dozens). The first write error is kept,
// later writes are dropped, and Flush returns it.
type xmlWriter struct {
	w       io.Writer
	buf     []byte
	err     error
	scratch []byte
}

// xmlChunk is how much an xmlWriter buffers before it writes.
const xmlChunk = 64 << 10

func newXMLWriter(w io.Writer) *xmlWriter {
	return &xmlWriter{w: w, buf: make([]byte, 0, 2*xmlChunk)}
}

// Write appends p, so that encoding/xml can write through an xmlWriter.
func (x *xmlWriter) Write(p []byte) (int, error) {
	x.buf = append(x.buf, p...)
	x.spill()
	return len(p), nil
}

// spill writes the buffer once it holds a chunk.
func (x *xmlWriter) spill() {
	if len(x.buf) >= xmlChunk {
		x.write()
	}
}

// write hands the buffer to the underlying writer and empties it.
func (x *xmlWriter) write() {
	if x.err == nil && len(x.buf) > 0 {
		_, x.err = x.w.Write(x.buf)
	}
	x.buf = x.buf[:0]
}

// Flush writes what is buffered and returns the first write error.
func (x *xmlWriter) Flush() error {
	x.write()
	return x.err
}

// raw writes s as it is.
func (x *xmlWriter) raw(s string) {
	x.buf = append(x.buf, s...)
	x.spill()
}

// bytes writes b as it is.
func (x *xmlWriter) bytes(b []byte) {
	x.buf = append(x.buf, b...)
	x.spill()
}

// text writes s cleaned and escaped as XML character data or attribute
// value: the same bytes as encoding/xml writes for it.
func (x *xmlWriter) text(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F || xmlSpecial[c] {
			s = clean(s)
			x.scratch = append(x.scratch[:0], s...)
			xml.EscapeText(x, x.scratch) // an xmlWriter never fails a Write
			return
		}
	}
	x.raw(s) // plain ASCII with nothing to escape
}

// xmlSpecial marks the bytes that XML text or attribute values escape.
var xmlSpecial = [128]bool{'&': true, '<': true, '>': true, '"': true, '\'': true}

// int writes v in decimal.
func (x *xmlWriter) int(v int) {
	x.buf = strconv.AppendInt(x.buf, int64(v), 10)
}

// float writes v as encoding/xml does.
func (x *xmlWriter) float(v float64) {
	x.buf = strconv.AppendFloat(x.buf, v, 'g', -1, 64)
}

// floatInt writes float64(v) as float does, faster: v's digits below a
// million, where FormatFloat writes them too ('g' with the shortest
// precision switches to an exponent at 1e+06).
func (x *xmlWriter) floatInt(v int) {
	if v > -1e6 && v < 1e6 {
		x.int(v)
		return
	}
	x.float(float64(v))
}

// date writes d as graph.Date.String formats it.
func (x *xmlWriter) date(d graph.Date) { x.buf, _ = d.AppendText(x.buf) }

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" ")
	x.raw(name)
	x.raw(`="`)
	x.text(value)
	x.raw(`"`)
}

// data writes a GraphML <data> element for a string value; none for "".
func (x *xmlWriter) data(key, v string) {
	if v == "" {
		return
	}
	x.dataStart(key)
	x.text(v)
	x.raw("</data>\n")
}

func (x *xmlWriter) dataStart(key string) {
	x.raw(`      <data key="`)
	x.raw(key)
	x.raw(`">`)
}

// dataInt writes a GraphML <data> element for an int.
func (x *xmlWriter) dataInt(key string, v int) {
	x.dataStart(key)
	x.int(v)
	x.raw("</data>\n")
}

// dataDate writes a GraphML <data> element for a date; none for no date.
func (x *xmlWriter) dataDate(key string, d graph.Date) {
	if d.IsZero() {
		return
	}
	x.dataStart(key)
	x.date(d)
	x.raw("</data>\n")
}

// comment writes s as an XML comment, with "--" (which a comment may not
// hold) spaced out.
func (x *xmlWriter) comment(s string) {
	s = clean(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	s = strings.TrimSuffix(s, "-") // nor end in "-"
	x.raw("<!-- " + s + " -->\n")
}
