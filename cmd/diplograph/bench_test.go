package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

// median reports the median of the durations as ms/median, the figure the
// query targets are set in (the mean that ns/op gives is pulled up by the
// first, cold, runs).
func reportMedian(b *testing.B, ds []time.Duration) {
	b.Helper()
	if len(ds) == 0 {
		return
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	b.ReportMetric(float64(s[len(s)/2])/float64(time.Millisecond), "ms/median")
	b.ReportMetric(float64(s[len(s)*9/10])/float64(time.Millisecond), "ms/p90")
}

// runTimed runs the CLI in process on each argument list in turn, as one
// benchmark iteration each, and reports the median. Every run opens the
// store, as the command line does.
func runTimed(b *testing.B, dir string, argsList [][]string) {
	b.Helper()
	ctx := context.Background()
	var ds []time.Duration
	var errb bytes.Buffer
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		args := argsList[i%len(argsList)]
		i++
		a := newApp(strings.NewReader(""), io.Discard, &errb)
		a.Getenv = func(string) string { return "" }
		start := time.Now()
		if code := run(ctx, append([]string{"--store", dir, "-q"}, args...), a); code != 0 {
			b.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		ds = append(ds, time.Since(start))
	}
	reportMedian(b, ds)
}

// synthPairs returns ten pairs of synthetic actors to find paths between:
// persons and organizations (typical queries, through the country hubs),
// and two pairs of countries (hub to hub).
func synthPairs() [][2]string {
	var pairs [][2]string
	for i := range 8 {
		a := synthActor(synthCountries + 1 + i*7919%(synthActors-synthCountries-1))
		z := synthActor(synthCountries + 1 + (i*104729+50000)%(synthActors-synthCountries-1))
		pairs = append(pairs, [2]string{a.ID, z.ID})
	}
	pairs = append(pairs, [2]string{synthActor(3).ID, synthActor(150).ID}, [2]string{synthActor(7).ID, synthActor(90).ID})
	return pairs
}

// BenchmarkSyntheticPath runs 'path A B --k 3' on the synthetic store of
// 100,000 actors and 1,000,000 events, store opening included.
func BenchmarkSyntheticPath(b *testing.B) {
	dir := synthStore(b)
	var argsList [][]string
	for _, p := range synthPairs() {
		argsList = append(argsList, []string{"path", p[0], p[1], "--k", "3"})
	}
	runTimed(b, dir, argsList)
}

// BenchmarkSyntheticNeighbors runs 'neighbors A' at depth 1 and 2 on the
// synthetic store, store opening included.
func BenchmarkSyntheticNeighbors(b *testing.B) {
	dir := synthStore(b)
	for _, depth := range []string{"1", "2"} {
		b.Run("depth="+depth, func(b *testing.B) {
			var argsList [][]string
			for _, p := range synthPairs()[:8] {
				argsList = append(argsList, []string{"neighbors", p[0], "--depth", depth})
			}
			runTimed(b, dir, argsList)
		})
	}
	b.Run("depth=1/country", func(b *testing.B) {
		runTimed(b, dir, [][]string{{"neighbors", synthActor(3).ID}, {"neighbors", synthActor(150).ID}})
	})
}

// BenchmarkSyntheticSearch times the path search alone, on a store opened
// once: what the query costs without the store's opening.
func BenchmarkSyntheticSearch(b *testing.B) {
	dir := synthStore(b)
	st, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	pairs := synthPairs()
	var ds []time.Duration
	var fetched, read, searched int
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := pairs[i%len(pairs)]
		i++
		start := time.Now()
		paths, stats, err := graph.SearchPaths(ctx, storeFetch(st), p[0], p[1], 3, 4, false, graph.Filter{})
		if err != nil {
			b.Fatal(err)
		}
		if len(paths) == 0 {
			b.Fatalf("no path between %s and %s", p[0], p[1])
		}
		ds = append(ds, time.Since(start))
		fetched += stats.Fetched
		read += stats.Read
		searched += stats.Edges
	}
	reportMedian(b, ds)
	b.ReportMetric(float64(fetched)/float64(i), "actors-read/op")
	b.ReportMetric(float64(read)/float64(i), "summaries-read/op")
	b.ReportMetric(float64(searched)/float64(i), "summaries-searched/op")
}

// BenchmarkSyntheticOpen times opening the synthetic store read-only.
func BenchmarkSyntheticOpen(b *testing.B) {
	dir := synthStore(b)
	var ds []time.Duration
	for b.Loop() {
		start := time.Now()
		st, err := store.Open(dir, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		ds = append(ds, time.Since(start))
	}
	reportMedian(b, ds)
}

// repoRoot returns the folder of go.mod above the working folder.
func repoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the working folder")
		}
		dir = parent
	}
}

var (
	reutersOnce sync.Once
	reutersBin  string
	reutersDB   string
	reutersErr  error
)

// reutersStore builds the diplograph binary and, the first time, a store of
// all of ../shared/corpus/reuters21578 with the real 'diplograph ingest'
// (kept in $DIPLOGRAPH_REUTERS_STORE, default a folder in the system's
// temporary folder, and reused while the corpus is unchanged). It skips
// when the corpus is absent.
func reutersStore(b *testing.B) (bin, db string) {
	b.Helper()
	corpus := filepath.Join(repoRoot(b), "..", "shared", "corpus", "reuters21578")
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("no Reuters corpus at %s", corpus)
	}
	reutersOnce.Do(func() {
		tmp := os.TempDir()
		reutersBin = filepath.Join(tmp, "diplograph-bench-bin")
		out, err := exec.Command("go", "build", "-o", reutersBin, ".").CombinedOutput()
		if err != nil {
			reutersErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		reutersDB = os.Getenv("DIPLOGRAPH_REUTERS_STORE")
		if reutersDB == "" {
			reutersDB = filepath.Join(tmp, "diplograph-reuters")
		}
		done := filepath.Join(reutersDB, "COMPLETE")
		if _, err := os.Stat(done); err == nil {
			return
		}
		os.RemoveAll(reutersDB)
		cmd := exec.Command(reutersBin, "--store", reutersDB, "ingest", "--progress", "never", corpus)
		if out, err := cmd.CombinedOutput(); err != nil {
			reutersErr = fmt.Errorf("ingest: %v\n%s", err, out)
			return
		}
		reutersErr = os.WriteFile(done, nil, 0o644)
	})
	if reutersErr != nil {
		b.Fatal(reutersErr)
	}
	return reutersBin, reutersDB
}

// ReutersPairs returns ten pairs among the twelve most connected actors
// of the store, skipping pairs tied directly (their first path is one hop).
func reutersPairs(b *testing.B, bin, db string) [][2]string {
	b.Helper()
	out, err := exec.Command(bin, "--store", db, "--json", "entities", "--limit", "30").Output()
	if err != nil {
		b.Fatalf("entities: %v", err)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var a struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			b.Fatalf("entities --json line %q: %v", line, err)
		}
		ids = append(ids, a.ID)
	}
	var pairs [][2]string
	for i := 0; i < len(ids) && len(pairs) < 10; i++ {
		j := len(ids) - 1 - i
		if j <= i {
			break
		}
		pairs = append(pairs, [2]string{ids[i], ids[j]})
	}
	if len(pairs) < 10 {
		b.Skipf("the Reuters store has too few actors (%d)", len(ids))
	}
	return pairs
}

// BenchmarkReutersPathExec runs the diplograph binary, process start
// included, for 'path A B --k 3' between ten pairs of well-connected
// actors of the Reuters-21578 store.
func BenchmarkReutersPathExec(b *testing.B) {
	bin, db := reutersStore(b)
	pairs := reutersPairs(b, bin, db)
	var ds []time.Duration
	i := 0
	for b.Loop() {
		p := pairs[i%len(pairs)]
		i++
		start := time.Now()
		out, err := exec.Command(bin, "--store", db, "path", p[0], p[1], "--k", "3").CombinedOutput()
		if err != nil {
			b.Fatalf("path %s %s: %v\n%s", p[0], p[1], err, out)
		}
		ds = append(ds, time.Since(start))
	}
	reportMedian(b, ds)
}
