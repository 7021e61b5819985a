package export

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
)

// syntheticGraph returns a graph of n actors (a quarter of them countries)
// and m edge summaries of random relations, each with one to three dates and
// an example sentence, built in memory.
func syntheticGraph(n, m int) *graph.Graph {
	rng := rand.New(rand.NewPCG(1, 2))
	g := graph.New()
	ids := make([]string, n)
	for i := range ids {
		a := graph.Actor{Kind: graph.Person}
		switch i % 4 {
		case 0:
			a.Kind, a.ID, a.Country = graph.Country, fmt.Sprintf("country/C%05d", i), fmt.Sprintf("C%02d", i%100)
		case 1:
			a.Kind, a.ID = graph.Organization, fmt.Sprintf("org/organization-%d", i)
		default:
			a.ID = fmt.Sprintf("person/person-%d", i)
		}
		a.Name = fmt.Sprintf("Actor %d <%s>", i, a.Kind)
		ids[i] = a.ID
		g.AddActor(a)
	}
	rels := graph.Relations()
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range m {
		r := rels[rng.IntN(len(rels))]
		s := graph.Summary{
			Source: ids[rng.IntN(n)], Relation: r.Name, Target: ids[rng.IntN(n)],
			Asserted: 1 + rng.IntN(5), Negated: rng.IntN(2),
			Example: graph.Evidence{Article: fmt.Sprintf("article-%d", i%50000), Sentence: fmt.Sprintf("Actor %d & actor %d signed an \"agreement\" in %d.", i, i+1, 2015+i%10)},
		}
		for range 1 + rng.IntN(3) {
			d := graph.FromTime(base.AddDate(0, 0, rng.IntN(3650)))
			s.Dates = append(s.Dates, d)
		}
		s.First, s.Last = s.Dates[0], s.Dates[len(s.Dates)-1]
		g.AddSummary(s)
	}
	return g
}

var (
	benchEdges = flag.Int("bench.edges", 1_000_000, "edge summaries in the synthetic graph of the 1M benchmarks (a tenth as many actors)")
	benchOnce  sync.Once
	benchGraph *graph.Graph
)

// countingDiscard counts what is written to it.
type countingDiscard struct{ n int64 }

func (c *countingDiscard) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func benchmarkWrite(b *testing.B, f Format) {
	benchOnce.Do(func() { benchGraph = syntheticGraph(*benchEdges/10, *benchEdges) })
	var size countingDiscard
	if _, err := Write(&size, f, benchGraph, Options{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size.n)
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := Write(io.Discard, f, benchGraph, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	// On a machine shared with other work, wall time says little: report
	// the process's CPU time (user and system, garbage collector included)
	// an export too.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime returns the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkGraphML1M writes 100,000 actors and 1,000,000 edge summaries as
// GraphML (target: under 5 s an export).
func BenchmarkGraphML1M(b *testing.B) { benchmarkWrite(b, GraphML) }

// BenchmarkGEXF1M writes 100,000 actors and 1,000,000 edge summaries as GEXF
// (target: under 5 s an export).
func BenchmarkGEXF1M(b *testing.B) { benchmarkWrite(b, GEXF) }

// BenchmarkJSON1M writes 100,000 actors and 1,000,000 edge summaries as JSON.
func BenchmarkJSON1M(b *testing.B) { benchmarkWrite(b, JSON) }
