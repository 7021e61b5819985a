package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/graph"
)

// Values are encoded in a compact binary form: a version byte, then the
// fields in a fixed order, integers as varints, strings as a uvarint length
// and the bytes. It is several times smaller and faster than JSON for events
// and summaries, which are rewritten on every write that touches them
// (BenchmarkCodec measures both).

const codecVersion = 1

// errBadValue is returned for stored bytes that do not decode.
var errBadValue = errors.New("malformed value")

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) date(d graph.Date) {
	e.b = append(e.b, byte(d.Precision))
	if d.Precision != graph.NoDate {
		e.int(int64(d.Year))
		e.uint(uint64(d.Month))
		e.uint(uint64(d.Day))
	}
}
func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: bad %s", errBadValue, what)
	}
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("uvarint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length that must not exceed the bytes left (every element
// takes at least one byte), so corrupt lengths cannot allocate much.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail("length")
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// interner hands out one string for equal byte strings, for the small
// sets of strings that values repeat (relation names, roles).
type interner map[string]string

// str returns b as a string, the same string for equal b.
func (in interner) str(b []byte) string {
	if s, ok := in[string(b)]; ok { // no allocation to look up
		return s
	}
	s := string(b)
	in[s] = s
	return s
}

// summaryStrings shares the strings that summaries read in key order
// repeat, so that a load of a million summaries does not allocate them a
// million times: relation names and roles, from small sets, and sources,
// the same for every run of keys (the key starts with the source).
type summaryStrings struct {
	names  interner
	source string
}

// bytes reads the bytes of a string, valid as long as the value is.
func (d *decoder) bytes() []byte {
	n := d.count()
	if d.err != nil {
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

// name reads a string from a small set, shared through ss (when not nil).
func (d *decoder) name(ss *summaryStrings) string {
	if ss == nil {
		return d.str()
	}
	if b := d.bytes(); len(b) > 0 {
		return ss.names.str(b)
	}
	return ""
}

// source reads a summary's source, shared with the previous summary's
// through ss (when not nil).
func (d *decoder) source(ss *summaryStrings) string {
	if ss == nil {
		return d.str()
	}
	if b := d.bytes(); string(b) != ss.source {
		ss.source = string(b)
	}
	return ss.source
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.fail("byte")
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) date() graph.Date {
	p := graph.Precision(d.byte())
	if p == graph.NoDate || d.err != nil {
		return graph.Date{}
	}
	if p > graph.DayPrecision {
		d.fail("date precision")
		return graph.Date{}
	}
	return graph.Date{Year: int(d.int()), Month: time.Month(d.uint()), Day: int(d.uint()), Precision: p}
}

func (d *decoder) version() {
	if v := d.byte(); v != codecVersion && d.err == nil {
		d.err = fmt.Errorf("%w: version %d, want %d", errBadValue, v, codecVersion)
	}
}

func (d *decoder) done() error {
	if d.err == nil && len(d.b) != 0 {
		d.fail("trailing bytes")
	}
	return d.err
}

// articleRec is an article as stored: the article and its sentence count.
type articleRec struct {
	graph.Article
	Sentences int
}

func encodeArticle(a articleRec) []byte {
	e := encoder{b: make([]byte, 0, 64+len(a.Text))}
	e.b = append(e.b, codecVersion)
	e.str(a.ID)
	e.str(a.Hash)
	e.str(a.Title)
	e.date(a.Date)
	e.str(a.URL)
	e.str(a.Origin)
	e.str(a.Text)
	keys := make([]string, 0, len(a.Meta))
	for k := range a.Meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.str(a.Meta[k])
	}
	e.uint(uint64(a.Sentences))
	return e.b
}

func decodeArticle(b []byte) (articleRec, error) {
	d := decoder{b: b}
	d.version()
	var a articleRec
	a.ID = d.str()
	a.Hash = d.str()
	a.Title = d.str()
	a.Date = d.date()
	a.URL = d.str()
	a.Origin = d.str()
	a.Text = d.str()
	if n := d.count(); n > 0 {
		a.Meta = make(map[string]string, n)
		for i := 0; i < n && d.err == nil; i++ {
			k := d.str()
			a.Meta[k] = d.str()
		}
	}
	a.Sentences = int(d.uint())
	return a, d.done()
}

func encodeActor(a graph.Actor) []byte {
	e := encoder{b: make([]byte, 0, 64)}
	e.b = append(e.b, codecVersion)
	e.str(a.ID)
	e.str(a.Name)
	e.str(string(a.Kind))
	e.strs(a.Aliases)
	e.str(a.Country)
	return e.b
}

func decodeActor(b []byte) (graph.Actor, error) {
	d := decoder{b: b}
	d.version()
	var a graph.Actor
	a.ID = d.str()
	a.Name = d.str()
	a.Kind = graph.Kind(d.str())
	a.Aliases = d.strs()
	a.Country = d.str()
	return a, d.done()
}

func (e *encoder) evidence(ev graph.Evidence) {
	e.str(ev.Article)
	e.str(ev.Sentence)
	e.int(int64(ev.Offset))
}

func (d *decoder) evidence() graph.Evidence {
	return graph.Evidence{Article: d.str(), Sentence: d.str(), Offset: int(d.int())}
}

func encodeEvent(ev graph.Event) []byte {
	n := 64
	for _, x := range ev.Evidence {
		n += len(x.Article) + len(x.Sentence) + 8
	}
	e := encoder{b: make([]byte, 0, n)}
	e.b = append(e.b, codecVersion)
	e.str(ev.Source)
	e.str(ev.Target)
	e.str(ev.Relation)
	e.date(ev.Date)
	e.str(string(ev.Modality))
	e.str(ev.Location)
	e.str(ev.Role)
	e.uint(math.Float64bits(ev.Confidence))
	e.uint(uint64(len(ev.Evidence)))
	for _, x := range ev.Evidence {
		e.evidence(x)
	}
	return e.b
}

func decodeEvent(b []byte) (graph.Event, error) {
	d := decoder{b: b}
	d.version()
	var ev graph.Event
	ev.Source = d.str()
	ev.Target = d.str()
	ev.Relation = d.str()
	ev.Date = d.date()
	ev.Modality = graph.Modality(d.str())
	ev.Location = d.str()
	ev.Role = d.str()
	ev.Confidence = math.Float64frombits(d.uint())
	if n := d.count(); n > 0 {
		ev.Evidence = make([]graph.Evidence, 0, n)
		for i := 0; i < n && d.err == nil; i++ {
			ev.Evidence = append(ev.Evidence, d.evidence())
		}
	}
	return ev, d.done()
}

func encodeSummary(s graph.Summary) []byte {
	e := encoder{b: make([]byte, 0, 128+len(s.Example.Sentence)+5*len(s.Dates))}
	e.b = append(e.b, codecVersion)
	e.str(s.Source)
	e.str(s.Relation)
	e.str(s.Target)
	e.uint(uint64(s.Asserted))
	e.uint(uint64(s.Intent))
	e.uint(uint64(s.Negated))
	e.date(s.First)
	e.date(s.Last)
	e.uint(uint64(len(s.Dates)))
	for _, d := range s.Dates {
		e.date(d)
	}
	e.str(s.Role)
	e.evidence(s.Example)
	e.date(s.ExDate)
	e.str(s.ExTitle)
	return e.b
}

func decodeSummary(b []byte) (graph.Summary, error) {
	var s graph.Summary
	err := decodeSummaryInto(&s, b, nil)
	return s, err
}

// decodeSummaryInto decodes a summary into s, as decodeSummary does,
// reusing the room of s.Dates, and sharing strings with the summaries
// decoded before through ss (nil: none).
func decodeSummaryInto(s *graph.Summary, b []byte, ss *summaryStrings) error {
	d := decoder{b: b}
	d.version()
	dates := s.Dates[:0]
	*s = graph.Summary{}
	s.Source = d.source(ss)
	s.Relation = d.name(ss)
	target := d.bytes()
	s.Asserted = int(d.uint())
	s.Intent = int(d.uint())
	s.Negated = int(d.uint())
	s.First = d.date()
	s.Last = d.date()
	if n := d.count(); n > 0 {
		dates = slices.Grow(dates, n)
		for i := 0; i < n && d.err == nil; i++ {
			dates = append(dates, d.date())
		}
		s.Dates = dates
	}
	s.Role = d.name(ss)
	article, sentence := d.bytes(), d.bytes()
	s.Example.Offset = int(d.int())
	s.ExDate = d.date()
	title := d.bytes()
	// The strings of this summary alone, cut from one string: one
	// allocation rather than four.
	var all strings.Builder
	all.Grow(len(target) + len(article) + len(sentence) + len(title))
	for _, b := range [...][]byte{target, article, sentence, title} {
		all.Write(b)
	}
	rest := all.String()
	cut := func(b []byte) string {
		s := rest[:len(b)]
		rest = rest[len(b):]
		return s
	}
	s.Target, s.Example.Article, s.Example.Sentence, s.ExTitle = cut(target), cut(article), cut(sentence), cut(title)
	return d.done()
}

// counts are the store's running counters, kept under the meta key.
type counts struct {
	Articles, Sentences, Events, Evidence int64
}

func encodeCounts(c counts) []byte {
	e := encoder{}
	e.b = append(e.b, codecVersion)
	e.int(c.Articles)
	e.int(c.Sentences)
	e.int(c.Events)
	e.int(c.Evidence)
	return e.b
}

func decodeCounts(b []byte) (counts, error) {
	d := decoder{b: b}
	d.version()
	c := counts{Articles: d.int(), Sentences: d.int(), Events: d.int(), Evidence: d.int()}
	return c, d.done()
}
