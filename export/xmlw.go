package export

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// xmlWriter writes XML by hand onto a bufio.Writer, escaping text with
// encoding/xml's EscapeText, for the GraphML document and the GEXF nodes
// and edges: encoding/xml's reflection costs too much for a million
// elements. Write errors stay in the bufio.Writer and come out of Flush.
type xmlWriter struct {
	w       *bufio.Writer
	scratch []byte
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufferedWriter(w)} }

// raw writes s as it is.
func (x *xmlWriter) raw(s string) { x.w.WriteString(s) }

// text writes s cleaned and escaped as XML character data or attribute
// value: the same bytes as encoding/xml writes for it.
func (x *xmlWriter) text(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F || xmlSpecial[c] {
			s = clean(s)
			x.scratch = append(x.scratch[:0], s...)
			xml.EscapeText(x.w, x.scratch) // errors stay in the bufio.Writer
			return
		}
	}
	x.w.WriteString(s) // plain ASCII with nothing to escape
}

// xmlSpecial marks the bytes that XML text or attribute values escape.
var xmlSpecial = [128]bool{'&': true, '<': true, '>': true, '"': true, '\'': true}

// int writes v in decimal.
func (x *xmlWriter) int(v int) {
	x.scratch = strconv.AppendInt(x.scratch[:0], int64(v), 10)
	x.w.Write(x.scratch)
}

// float writes v as encoding/xml does.
func (x *xmlWriter) float(v float64) {
	x.scratch = strconv.AppendFloat(x.scratch[:0], v, 'g', -1, 64)
	x.w.Write(x.scratch)
}

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.w.WriteByte(' ')
	x.w.WriteString(name)
	x.w.WriteString(`="`)
	x.text(value)
	x.w.WriteByte('"')
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

// dataFloat writes a GraphML <data> element for a float.
func (x *xmlWriter) dataFloat(key string, v float64) {
	x.dataStart(key)
	x.float(v)
	x.raw("</data>\n")
}

// dataDate writes a GraphML <data> element for a date; none for no date.
func (x *xmlWriter) dataDate(key string, d graph.Date) {
	if d.IsZero() {
		return
	}
	x.dataStart(key)
	x.scratch = appendDate(x.scratch[:0], d)
	x.w.Write(x.scratch)
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
