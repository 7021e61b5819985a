package store

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
)

func TestKeyRoundTrip(t *testing.T) {
	tests := []struct {
		kind   byte
		fields []string
	}{
		{kindArticle, []string{"00001"}},
		{kindOrigin, []string{"/data/a.jsonl:3"}},
		{kindAlias, []string{"xi", "person/xi-jinping"}},
		{kindOut, []string{"country/CHN", "meet", "country/RUS", "0123456789abcdef01234567"}},
		{kindIn, []string{"", "", "", ""}},
		{kindArticleEvent, []string{"a\x00b", "\x00\x01\xff"}},
		{kindDate, []string{dateKey(graph.DayDate(2023, 5, 24)), "e"}},
		{kindSummary, []string{"a", "b", "c"}},
		{kindMeta, []string{"counts"}},
	}
	for _, tt := range tests {
		k := encodeKey(tt.kind, tt.fields...)
		got, err := decodeKey(k)
		if err != nil {
			t.Errorf("decodeKey(encodeKey(%q, %q)): %v", tt.kind, tt.fields, err)
			continue
		}
		if got.Kind != tt.kind || !slices.Equal(got.Fields, tt.fields) {
			t.Errorf("decodeKey(encodeKey(%q, %q)) = %q %q", tt.kind, tt.fields, got.Kind, got.Fields)
		}
	}
}

func TestKeyOrder(t *testing.T) {
	// The encoding keeps the order of the fields: a prefix sorts first, and
	// the first field decides before the second.
	ordered := [][]string{{"a", "z"}, {"a\x00", "a"}, {"a\x00\x00", "a"}, {"a\x01", "a"}, {"ab", "a"}, {"b", ""}}
	for i := 1; i < len(ordered); i++ {
		x, y := encodeKey(kindAlias, ordered[i-1]...), encodeKey(kindAlias, ordered[i]...)
		if bytes.Compare(x, y) >= 0 {
			t.Errorf("encodeKey(%q) >= encodeKey(%q)", ordered[i-1], ordered[i])
		}
	}
	// A first-field prefix matches exactly the keys with that first field.
	p := keyPrefix(kindOut, "country/CH")
	if bytes.HasPrefix(encodeKey(kindOut, "country/CHN", "meet", "x", "e"), p) {
		t.Errorf("keyPrefix(country/CH) matches country/CHN")
	}
	if !bytes.HasPrefix(encodeKey(kindOut, "country/CHN", "meet", "x", "e"), fieldPrefix(kindOut, "country/CH")) {
		t.Errorf("fieldPrefix(country/CH) does not match country/CHN")
	}
}

func TestDateKey(t *testing.T) {
	dates := []graph.Date{
		graph.DayDate(2023, 5, 24), graph.DayDate(2023, 5, 1), graph.MonthDate(2023, 5),
		graph.YearDate(2023), graph.DayDate(1987, 2, 26), {},
	}
	for i, d := range dates {
		got, err := parseDateKey(dateKey(d))
		if err != nil || got != d {
			t.Errorf("parseDateKey(dateKey(%v)) = %v, %v", d, got, err)
		}
		if i > 0 && dateKey(dates[i-1]) >= dateKey(d) {
			t.Errorf("dateKey(%v) sorts after dateKey(%v), want newest first, undated last", dates[i-1], d)
		}
	}
	if _, err := parseDateKey("abc"); err == nil {
		t.Errorf("parseDateKey(3 bytes) = nil error")
	}
}

func FuzzKeyRoundTrip(f *testing.F) {
	f.Add(byte('o'), "country/CHN", "meet", "country/RUS", "abc")
	f.Add(byte('a'), "a\x00b", "", "", "")
	f.Add(byte('n'), "\x00\x01", "\xff\x00", "x", "y")
	f.Add(byte('z'), "", "", "", "")
	f.Fuzz(func(t *testing.T, kind byte, a, b, c, d string) {
		arity, ok := keyArity[kind]
		all := []string{a, b, c, d}
		if ok {
			fields := all[:arity]
			k := encodeKey(kind, fields...)
			got, err := decodeKey(k)
			if err != nil {
				t.Fatalf("decodeKey(encodeKey(%q, %q)): %v", kind, fields, err)
			}
			if got.Kind != kind || !slices.Equal(got.Fields, fields) {
				t.Fatalf("decodeKey(encodeKey(%q, %q)) = %q %q", kind, fields, got.Kind, got.Fields)
			}
		}
		// Any bytes: decoding never panics, and what decodes re-encodes to
		// the same bytes.
		raw := append([]byte{kind}, a+b+c+d...)
		if got, err := decodeKey(raw); err == nil {
			if back := encodeKey(got.Kind, got.Fields...); !bytes.Equal(back, raw) {
				t.Fatalf("encodeKey(decodeKey(%q)) = %q", raw, back)
			}
		}
	})
}

func sampleEvent() graph.Event {
	return graph.Event{Source: "person/xi-jinping", Target: "country/RUS", Relation: graph.Visit,
		Date: graph.DayDate(2023, 3, 20), Modality: graph.Intent, Location: "Moscow", Role: "",
		Confidence: 0.85, Evidence: []graph.Evidence{
			{Article: "a1", Sentence: "Chinese President Xi Jinping will visit Russia next week.", Offset: 120},
			{Article: "a2", Sentence: "Xi is to travel to Moscow.", Offset: 0},
		}}
}

func sampleSummary() graph.Summary {
	return graph.Summary{Source: "country/CHN", Relation: graph.Trade, Target: "country/USA",
		Asserted: 12, Intent: 3, Negated: 1, First: graph.YearDate(1987), Last: graph.DayDate(1987, 3, 2),
		Dates: []graph.Date{graph.YearDate(1987), graph.MonthDate(1987, 2), graph.DayDate(1987, 3, 2)},
		Role:  "senior fellow", Example: graph.Evidence{Article: "00001", Sentence: "China trades with the U.S.", Offset: 42},
		ExDate: graph.DayDate(1987, 3, 3), ExTitle: "TRADE"}
}

func TestCodecRoundTrip(t *testing.T) {
	art := articleRec{graph.Article{ID: "a", Hash: "h", Title: "T", Date: graph.MonthDate(2023, time.May), URL: "u",
		Origin: "o.txt", Text: "text\x00with nul", Meta: map[string]string{"b": "2", "a": "1"}}, 7}
	if got, err := decodeArticle(encodeArticle(art)); err != nil || !reflect.DeepEqual(got, art) {
		t.Errorf("decodeArticle(encodeArticle(%+v)) = %+v, %v", art, got, err)
	}
	act := graph.Actor{ID: "country/CHN", Name: "China", Kind: graph.Country, Aliases: []string{"PRC", "Beijing"}, Country: "CHN"}
	if got, err := decodeActor(encodeActor(act)); err != nil || !reflect.DeepEqual(got, act) {
		t.Errorf("decodeActor(encodeActor(%+v)) = %+v, %v", act, got, err)
	}
	ev := sampleEvent()
	if got, err := decodeEvent(encodeEvent(ev)); err != nil || !reflect.DeepEqual(got, ev) {
		t.Errorf("decodeEvent(encodeEvent(%+v)) = %+v, %v", ev, got, err)
	}
	s := sampleSummary()
	if got, err := decodeSummary(encodeSummary(s)); err != nil || !reflect.DeepEqual(got, s) {
		t.Errorf("decodeSummary(encodeSummary(%+v)) = %+v, %v", s, got, err)
	}
	c := counts{1, 2, 3, -4}
	if got, err := decodeCounts(encodeCounts(c)); err != nil || got != c {
		t.Errorf("decodeCounts(encodeCounts(%+v)) = %+v, %v", c, got, err)
	}
	// Truncated values are errors, not panics.
	b := encodeEvent(ev)
	for i := range b {
		if _, err := decodeEvent(b[:i]); err == nil {
			t.Errorf("decodeEvent(%d of %d bytes) = nil error", i, len(b))
		}
	}
}

func FuzzDecodeValues(f *testing.F) {
	f.Add(encodeEvent(sampleEvent()))
	f.Add(encodeSummary(sampleSummary()))
	f.Add(encodeActor(graph.Actor{ID: "x", Aliases: []string{"a"}}))
	f.Add(encodeArticle(articleRec{graph.Article{ID: "a", Meta: map[string]string{"k": "v"}}, 1}))
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		if e, err := decodeEvent(b); err == nil {
			if back := encodeEvent(e); !bytes.Equal(back, b) {
				if e2, err := decodeEvent(back); err != nil || !reflect.DeepEqual(e, e2) {
					t.Fatalf("event does not survive a second round trip: %+v", e)
				}
			}
		}
		_, _ = decodeSummary(b)
		_, _ = decodeActor(b)
		_, _ = decodeArticle(b)
		_, _ = decodeCounts(b)
	})
}

// BenchmarkCodec compares the binary encoding of events and summaries with
// JSON, the first choice it replaced.
func BenchmarkCodec(b *testing.B) {
	ev, s := sampleEvent(), sampleSummary()
	b.Run("binary", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(encodeEvent(ev)) + len(encodeSummary(s))))
		for b.Loop() {
			if _, err := decodeEvent(encodeEvent(ev)); err != nil {
				b.Fatal(err)
			}
			if _, err := decodeSummary(encodeSummary(s)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		je, _ := json.Marshal(ev)
		js, _ := json.Marshal(s)
		b.ReportAllocs()
		b.SetBytes(int64(len(je) + len(js)))
		for b.Loop() {
			x, _ := json.Marshal(ev)
			var e graph.Event
			if err := json.Unmarshal(x, &e); err != nil {
				b.Fatal(err)
			}
			y, _ := json.Marshal(s)
			var t graph.Summary
			if err := json.Unmarshal(y, &t); err != nil {
				b.Fatal(err)
			}
		}
	})
}
