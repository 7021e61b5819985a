package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/diplograph/diplograph/graph"
)

// The key layout. Every key is one kind byte followed by its fields; each
// field is the field's bytes with 0x00 escaped as 0x00 0xFF, closed by
// 0x00 0x01. The escaping keeps byte order (a key sorts as its fields
// would), lets any byte appear in an id, and makes a field prefix
// (kind + the first fields) a scan prefix.
//
// A summary is stored twice, under 's' (by source) and 'r' (by target), so
// that the summaries an actor takes part in, either end, are two prefix
// scans and no point reads: what path and neighbors do for every actor
// they reach. Every write of a summary writes both (putSummary); Verify
// checks that the copies are equal.
//
//	kind  name            fields                                    value
//	'a'   article         article id                                article (codec.go): text, hash, metadata, sentences
//	'p'   origin          origin path (file, and line for .jsonl)   article id
//	'c'   actor           actor id                                  actor
//	'n'   alias           graph.NormName(name), actor id            empty; names are the id, the canonical name and the aliases
//	'e'   event           graph.Event.ID()                          event with the evidence of every article that states it
//	'o'   out             source, relation, target, event id        empty (canonical ends: symmetric relations source < target)
//	'i'   in              target, relation, source, event id        empty
//	'x'   article event   article id, event id                      empty: the events an article gives evidence to
//	'd'   date            date key (4 bytes, newest first), event id  empty: events newest first, undated last
//	's'   summary         source, relation, target                  graph.Summary
//	'r'   summary in      target, relation, source                  graph.Summary, the same bytes as under 's': the summaries an actor is the target of
//	'm'   meta            name ("counts")                           counters: articles, sentences, events, evidence
const (
	kindArticle      byte = 'a'
	kindOrigin       byte = 'p'
	kindActor        byte = 'c'
	kindAlias        byte = 'n'
	kindEvent        byte = 'e'
	kindOut          byte = 'o'
	kindIn           byte = 'i'
	kindArticleEvent byte = 'x'
	kindDate         byte = 'd'
	kindSummary      byte = 's'
	kindSummaryIn    byte = 'r'
	kindMeta         byte = 'm'
)

// keyArity is the number of fields of each key kind.
var keyArity = map[byte]int{
	kindArticle:      1,
	kindOrigin:       1,
	kindActor:        1,
	kindAlias:        2,
	kindEvent:        1,
	kindOut:          4,
	kindIn:           4,
	kindArticleEvent: 2,
	kindDate:         2,
	kindSummary:      3,
	kindSummaryIn:    3,
	kindMeta:         1,
}

// key is a decoded key: its kind and fields.
type key struct {
	Kind   byte
	Fields []string
}

// errBadKey is returned by decodeKey for bytes that are not a key.
var errBadKey = errors.New("malformed key")

// encodeKey returns the key of kind with the given fields. It is the
// inverse of decodeKey.
func encodeKey(kind byte, fields ...string) []byte {
	n := 1
	for _, f := range fields {
		n += len(f) + 2
	}
	b := make([]byte, 1, n)
	b[0] = kind
	for _, f := range fields {
		b = appendField(b, f)
	}
	return b
}

// keyPrefix returns the scan prefix of the keys of kind whose first fields
// are the given ones.
func keyPrefix(kind byte, fields ...string) []byte { return encodeKey(kind, fields...) }

func appendField(b []byte, f string) []byte {
	for i := 0; i < len(f); i++ {
		if f[i] == 0 {
			b = append(b, 0, 0xFF)
		} else {
			b = append(b, f[i])
		}
	}
	return append(b, 0, 1)
}

// decodeKey parses a key. Bytes that encodeKey cannot have produced (an
// unknown kind, a wrong number of fields, a bad escape) are an error.
func decodeKey(b []byte) (key, error) {
	if len(b) == 0 {
		return key{}, errBadKey
	}
	k := key{Kind: b[0]}
	arity, ok := keyArity[k.Kind]
	if !ok {
		return key{}, fmt.Errorf("%w: unknown kind %q", errBadKey, k.Kind)
	}
	rest := b[1:]
	var cur []byte
	for len(rest) > 0 {
		c := rest[0]
		if c != 0 {
			cur = append(cur, c)
			rest = rest[1:]
			continue
		}
		if len(rest) < 2 {
			return key{}, fmt.Errorf("%w: truncated escape", errBadKey)
		}
		switch rest[1] {
		case 0xFF:
			cur = append(cur, 0)
		case 1:
			k.Fields = append(k.Fields, string(cur))
			cur = cur[:0]
		default:
			return key{}, fmt.Errorf("%w: bad escape 0x00 0x%02x", errBadKey, rest[1])
		}
		rest = rest[2:]
	}
	if len(cur) > 0 {
		return key{}, fmt.Errorf("%w: unterminated field", errBadKey)
	}
	if len(k.Fields) != arity {
		return key{}, fmt.Errorf("%w: kind %q has %d fields, want %d", errBadKey, k.Kind, len(k.Fields), arity)
	}
	return k, nil
}

// lastField returns the last field of a key, without decoding the others:
// the event id of index keys.
func lastField(b []byte) string {
	k, err := decodeKey(b)
	if err != nil || len(k.Fields) == 0 {
		return ""
	}
	return k.Fields[len(k.Fields)-1]
}

// dateKey encodes a date so that keys sort newest first and undated last:
// 0xFFFFFFFF minus yyyymmdd (month and day 0 when unknown).
func dateKey(d graph.Date) string {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], ^dateNumber(d))
	return string(b[:])
}

// dateNumber is yyyymmdd of d (month, day 0 when unknown; 0 for no date),
// the year clamped to 0..9999.
func dateNumber(d graph.Date) uint32 {
	if d.IsZero() {
		return 0
	}
	y := min(max(d.Year, 0), 9999)
	v := uint32(y) * 10000
	if d.Precision >= graph.MonthPrecision {
		v += uint32(min(max(int(d.Month), 0), 12)) * 100
	}
	if d.Precision >= graph.DayPrecision {
		v += uint32(min(max(d.Day, 0), 31))
	}
	return v
}

// parseDateKey is the inverse of dateKey.
func parseDateKey(s string) (graph.Date, error) {
	if len(s) != 4 {
		return graph.Date{}, fmt.Errorf("%w: date field of %d bytes", errBadKey, len(s))
	}
	v := ^binary.BigEndian.Uint32([]byte(s))
	if v == 0 {
		return graph.Date{}, nil
	}
	y, m, d := int(v/10000), int(v/100%100), int(v%100)
	switch {
	case m == 0:
		return graph.YearDate(y), nil
	case d == 0:
		return graph.Date{Year: y, Month: time.Month(m), Precision: graph.MonthPrecision}, nil
	}
	return graph.Date{Year: y, Month: time.Month(m), Day: d, Precision: graph.DayPrecision}, nil
}
