package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/diplograph/diplograph/graph"
)

// extraction returns article i with a few events among some countries.
func extraction(i int) Extraction {
	countries := []string{"CHN", "RUS", "USA", "UKR", "JPN", "DEU", "FRA", "GBR"}
	text := fmt.Sprintf("Article %d. China met Russia. The United States sanctioned Japan. %s", i, strings.Repeat("Filler text. ", 60))
	a := graph.Article{ID: fmt.Sprintf("art-%06d", i), Title: fmt.Sprintf("Title %d", i), Date: graph.DayDate(2023, 1, 1+i%28),
		Text: text, Origin: fmt.Sprintf("in/%06d.txt", i)}
	a.Hash = graph.ContentHash(a.Title, a.Date.String(), a.Text)
	x := Extraction{Article: a, Sentences: 63}
	rels := []string{graph.Meet, graph.Sanction, graph.Trade, graph.Criticize, graph.Visit}
	for j := range 5 {
		s, t := countries[(i+j)%len(countries)], countries[(i+2*j+1)%len(countries)]
		if s == t {
			continue
		}
		x.Actors = append(x.Actors, graph.Actor{ID: "country/" + s, Name: s, Kind: graph.Country, Country: s},
			graph.Actor{ID: "country/" + t, Name: t, Kind: graph.Country, Country: t})
		x.Events = append(x.Events, graph.Event{Source: "country/" + s, Target: "country/" + t, Relation: rels[j],
			Date: graph.DayDate(2023, 1, 1+(i+j)%28), Modality: graph.Asserted, Confidence: 0.7,
			Evidence: []graph.Evidence{{Sentence: fmt.Sprintf("%s %s %s.", s, rels[j], t), Offset: 20 * j}}})
	}
	return x
}

func TestVerifyFindsCorruption(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir(), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range 20 {
		if _, err := s.PutArticle(ctx, extraction(i)); err != nil {
			t.Fatal(err)
		}
	}
	if p, err := s.Verify(ctx); err != nil || len(p) > 0 {
		t.Fatalf("Verify() = %q, %v, want clean", p, err)
	}
	// Find one out-index key and move it to another (wrong) event id; and
	// drop a summary's in-index key.
	var outKey, rKey []byte
	err = s.db.View(func(txn *badger.Txn) error {
		if err := scan(ctx, txn, []byte{kindOut}, false, func(k, _ []byte) error {
			if outKey == nil {
				outKey = append([]byte(nil), k...)
			}
			return nil
		}); err != nil {
			return err
		}
		return scan(ctx, txn, []byte{kindSummaryIn}, false, func(k, _ []byte) error {
			if rKey == nil {
				rKey = append([]byte(nil), k...)
			}
			return nil
		})
	})
	if err != nil || outKey == nil || rKey == nil {
		t.Fatalf("no keys to corrupt: %v", err)
	}
	k, _ := decodeKey(outKey)
	bad := encodeKey(kindOut, k.Fields[0], k.Fields[1], k.Fields[2], "no-such-event")
	err = s.db.Update(func(txn *badger.Txn) error {
		if err := txn.Delete(outKey); err != nil {
			return err
		}
		if err := txn.Delete(rKey); err != nil {
			return err
		}
		return txn.Set(bad, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	problems, err := s.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"out index: stray key", "out index: missing key", "summary in-index: missing key"}
	for _, w := range want {
		found := false
		for _, p := range problems {
			found = found || strings.Contains(p, w)
		}
		if !found {
			t.Errorf("Verify() = %q, want a problem containing %q", problems, w)
		}
	}
	if len(problems) != len(want) {
		t.Errorf("Verify() = %d problems %q, want %d", len(problems), problems, len(want))
	}
	// A corrupt summary value is reported too.
	sk := encodeKey(kindSummary, k.Fields[0], k.Fields[1], k.Fields[2])
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(sk, []byte{1, 2}) }); err != nil {
		t.Fatal(err)
	}
	problems, _ = s.Verify(ctx)
	if !anyContains(problems, "malformed value") {
		t.Errorf("Verify() after a corrupt summary = %q, want a malformed value", problems)
	}
}

func anyContains(ps []string, sub string) bool {
	for _, p := range ps {
		if strings.Contains(p, sub) {
			return true
		}
	}
	return false
}

func TestLockedAndReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	w, err := Open(dir, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, DefaultOptions()); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), dir) {
		t.Errorf("second Open = %v, want ErrLocked naming %s", err, dir)
	}
	if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, ErrLocked) {
		t.Errorf("read-only Open during a writer = %v, want ErrLocked", err)
	}
	if _, err := w.PutArticle(ctx, extraction(1)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r1, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second read-only Open: %v", err)
	}
	defer r2.Close()
	if _, err := r2.PutArticle(ctx, extraction(2)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("PutArticle on a read-only store = %v, want ErrReadOnly", err)
	}
	if st, err := r1.Stats(ctx); err != nil || st.Articles != 1 || st.BytesOnDisk == 0 {
		t.Errorf("Stats = %+v, %v, want 1 article and some bytes", st, err)
	}
}

// TestKilledWriter runs a child that writes and exits without closing the
// store, as a killed process would; a read-only open then replays the log.
func TestKilledWriter(t *testing.T) {
	if dir := os.Getenv("DIPLOGRAPH_STORE_CHILD"); dir != "" {
		s, err := Open(dir, DefaultOptions())
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		for i := range 50 {
			if _, err := s.PutArticle(context.Background(), extraction(i)); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
		}
		os.Exit(0) // no Close
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
	cmd.Env = append(os.Environ(), "DIPLOGRAPH_STORE_CHILD="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	s, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open after a killed writer: %v", err)
	}
	defer s.Close()
	ctx := context.Background()
	if p, err := s.Verify(ctx); err != nil || len(p) > 0 {
		t.Errorf("Verify() = %q, %v", p, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 50 {
		t.Errorf("Stats().Articles = %d, %v, want 50", st.Articles, err)
	}
}

func TestTooBig(t *testing.T) {
	s, err := Open(t.TempDir(), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	x := extraction(0)
	x.Events = nil
	for i := range 40000 {
		x.Events = append(x.Events, graph.Event{Source: "country/CHN", Target: "country/RUS", Relation: graph.Meet,
			Date: graph.DayDate(1000+i/300, 1, 1+i%28), Evidence: []graph.Evidence{{Sentence: "s"}}})
	}
	if _, err := s.PutArticle(context.Background(), x); !errors.Is(err, ErrTooBig) {
		t.Fatalf("PutArticle(40000 events) = %v, want ErrTooBig", err)
	}
	if st, _ := s.Stats(context.Background()); st.Articles != 0 || st.Events != 0 {
		t.Errorf("after a failed put: %d articles, %d events, want none", st.Articles, st.Events)
	}
	// A large text alone fits: it goes to the value log.
	x = extraction(1)
	x.Article.Text = strings.Repeat("Long text without actors. ", 200000) // 5 MB
	x.Article.Hash = ""
	if _, err := s.PutArticle(context.Background(), x); err != nil {
		t.Errorf("PutArticle(5 MB) = %v", err)
	}
}

func BenchmarkPutArticle(b *testing.B) {
	s, err := Open(b.TempDir(), DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(extraction(0).Article.Text)))
	i := 0
	for b.Loop() {
		if _, err := s.PutArticle(ctx, extraction(i)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestVerifyFindsBadSummaryCopy corrupts the copy of a summary kept under
// its in-index key, in each way a copy can be wrong, and expects Verify to
// say so, and Summaries to read the copy as it is.
func TestVerifyFindsBadSummaryCopy(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		corrupt func(txn *badger.Txn, sk, rk []byte, s graph.Summary) error
		want    string
	}{
		{"changed", func(txn *badger.Txn, _, rk []byte, s graph.Summary) error {
			s.Asserted++
			return txn.Set(rk, encodeSummary(s))
		}, "summary in-index: the copy of summary"},
		{"malformed", func(txn *badger.Txn, _, rk []byte, _ graph.Summary) error {
			return txn.Set(rk, []byte{codecVersion, 0xFF})
		}, "summary in-index: the copy of summary"},
		{"emptied", func(txn *badger.Txn, _, rk []byte, _ graph.Summary) error {
			return txn.Set(rk, nil)
		}, "summary in-index: the copy of summary"},
		{"missing", func(txn *badger.Txn, _, rk []byte, _ graph.Summary) error {
			return txn.Delete(rk)
		}, "summary in-index: missing key"},
		{"stray", func(txn *badger.Txn, _, _ []byte, s graph.Summary) error {
			s.Source, s.Target = "country/XXX", "country/YYY"
			return txn.Set(encodeKey(kindSummaryIn, s.Target, s.Relation, s.Source), encodeSummary(s))
		}, "summary in-index: stray key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open("", Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for i := range 5 {
				if _, err := s.PutArticle(ctx, extraction(i)); err != nil {
					t.Fatal(err)
				}
			}
			var sk []byte
			var sum graph.Summary
			err = s.db.View(func(txn *badger.Txn) error {
				return scan(ctx, txn, []byte{kindSummary}, true, func(k, v []byte) error {
					if sk == nil {
						sk = append([]byte(nil), k...)
						sum, err = decodeSummary(v)
					}
					return err
				})
			})
			if err != nil || sk == nil {
				t.Fatalf("no summary to corrupt: %v", err)
			}
			_, rk := summaryKeys(triple{sum.Source, sum.Relation, sum.Target})
			if err := s.db.Update(func(txn *badger.Txn) error { return tt.corrupt(txn, sk, rk, sum) }); err != nil {
				t.Fatal(err)
			}
			problems, err := s.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != 1 || !strings.Contains(problems[0], tt.want) {
				t.Errorf("Verify() after a %s copy = %q, want one problem containing %q", tt.name, problems, tt.want)
			}
		})
	}
}

// TestSummariesReadCopies checks that Summaries(In) reads the copies under
// the in-index: a changed copy is what it returns (Verify reports it).
func TestSummariesReadCopies(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutArticle(ctx, extraction(0)); err != nil {
		t.Fatal(err)
	}
	in, err := s.Summaries(ctx, "country/RUS", In)
	if err != nil || len(in) == 0 {
		t.Fatalf("Summaries(country/RUS, In) = %v, %v, want some", in, err)
	}
	sum := in[0]
	sum.Asserted = 1000
	_, rk := summaryKeys(triple{sum.Source, sum.Relation, sum.Target})
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(rk, encodeSummary(sum)) }); err != nil {
		t.Fatal(err)
	}
	in, err = s.Summaries(ctx, "country/RUS", In)
	if err != nil || len(in) == 0 || in[0].Asserted != 1000 {
		t.Errorf("Summaries(country/RUS, In) = %v, %v, want the changed copy first", in, err)
	}
	out, err := s.Summaries(ctx, sum.Source, Out)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out {
		if o.Target == sum.Target && o.Relation == sum.Relation && o.Asserted == 1000 {
			t.Errorf("Summaries(%s, Out) = %v: the changed copy leaked into the summary", sum.Source, o)
		}
	}
}

// TestScanAhead checks that scanAhead calls its function with the keys and
// values that scan does, in the same order, over many batches, and that an
// error of the function or a cancelled context stops it.
func TestScanAhead(t *testing.T) {
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	value := []byte(strings.Repeat("v", 300))
	err = s.db.Update(func(txn *badger.Txn) error {
		for i := range 3000 { // about 1 MB: several batches
			if err := txn.Set(encodeKey(kindMeta, fmt.Sprintf("key-%05d", i)), value[:i%len(value)]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	prefix := []byte{kindMeta}
	read := func(ctx context.Context, ahead bool, limit int) ([]string, error) {
		var got []string
		fn := func(k, v []byte) error {
			if len(got) == limit {
				return errStop
			}
			got = append(got, string(k)+"="+string(v))
			return nil
		}
		err := s.db.View(func(txn *badger.Txn) error {
			if ahead {
				return scanAhead(ctx, txn, prefix, fn)
			}
			return scan(ctx, txn, prefix, true, fn)
		})
		return got, err
	}
	want, err := read(ctx, false, -1)
	if err != nil || len(want) != 3000 {
		t.Fatalf("scan read %d values, %v; want 3000", len(want), err)
	}
	got, err := read(ctx, true, -1)
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("scanAhead read %d values, %v; want the %d of scan, in order", len(got), err, len(want))
	}
	if got, err := read(ctx, true, 1500); err != errStop || len(got) != 1500 {
		t.Errorf("scanAhead stopped by its function after %d values, %v; want 1500, %v", len(got), err, errStop)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := read(cancelled, true, -1); !errors.Is(err, context.Canceled) {
		t.Errorf("scanAhead(cancelled) error = %v, want %v", err, context.Canceled)
	}
}
