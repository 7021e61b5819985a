package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/graph"
)

// Format names an export format.
type Format string

// The export formats.
const (
	GraphML Format = "graphml" // GraphML: Gephi, yEd, networkx, igraph, Gephi Lite
	GEXF    Format = "gexf"    // GEXF 1.2, dynamic: Gephi with its timeline
	DOT     Format = "dot"     // Graphviz DOT
	JSON    Format = "json"    // {"nodes":[...],"edges":[...]} for web tools
)

// Formats lists the export formats.
func Formats() []Format { return []Format{GraphML, GEXF, DOT, JSON} }

// ParseFormat parses a format name as given to --format, case-insensitively.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, g := range Formats() {
		if f == g {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown export format %q (known: graphml, gexf, dot, json)", s)
}

// Options say what to write of a graph.
type Options struct {
	// Filter selects the edges: only summaries that Filter.Keep keeps are
	// written, and their evidence counts under it (negated evidence only when
	// it includes negated events).
	Filter graph.Filter
	// Keep lists actor ids written even when none of their edges is kept,
	// such as the centres of a subgraph. Other actors without a kept edge are
	// left out, unless Isolated is set.
	Keep []string
	// Isolated writes every actor of the graph, also those with no kept edge.
	Isolated bool
	// Mixed writes GraphML as a mixed graph: symmetric relations (meet,
	// trade, ...) as undirected edges, the others as directed ones. Gephi,
	// yEd and graphology read it; networkx refuses mixed graphs, so by
	// default every GraphML edge is directed and a boolean "symmetric"
	// attribute tells the symmetric ones. The other formats always mark
	// symmetric edges as undirected.
	Mixed bool
	// Description is a line about the export, written where the format has
	// a place for it (GEXF meta, GraphML and DOT comments).
	Description string
}

// Counts are what an export wrote.
type Counts struct {
	Nodes, Edges int
}

// Write writes src (a *graph.Graph, or a store's whole graph) in format f
// to w.
func Write(w io.Writer, f Format, src graph.Source, o Options) (Counts, error) {
	switch f {
	case GraphML:
		return WriteGraphML(w, src, o)
	case GEXF:
		return WriteGEXF(w, src, o)
	case DOT:
		return WriteDOT(w, src, o)
	case JSON:
		return WriteJSON(w, src, o)
	}
	return Counts{}, fmt.Errorf("unknown export format %q", f)
}

// node is an actor to write.
type node struct {
	actor    graph.Actor
	id       string // the actor id, cleaned
	style    kindStyle
	evidence int // pieces of evidence behind its kept edges, in and out
}

// edge is a kept summary to write.
type edge struct {
	s         *graph.Summary
	rel       *graph.Relation // its relation row, shared by the edges of the relation
	goldstein string          // the row's Goldstein value as encoding/xml writes a float, shared too
	color     Color           // its colour, by quad class
	from, to  int             // positions of its ends among the written nodes
	weight    int             // its evidence under the filter
}

// relation is what the edges of one relation share.
type relation struct {
	row       graph.Relation
	goldstein string
	color     Color
}

// errSourceChanged is returned when the second pass over a source's
// summaries does not keep as many as the first one did.
var errSourceChanged = errors.New("the graph changed while it was being written")

// selection is what an export writes of a source: the nodes, found by a
// first pass over the summaries, and the ends of each kept summary, which a
// second pass (eachEdge) writes. Both passes keep the summaries that the
// filter keeps, so that a source of a million summaries is never held in
// memory: only two numbers for each.
type selection struct {
	nodes  []node
	ends   [][]int32 // the positions among nodes of each kept summary's source and target, pair after pair, in chunks
	edges  int       // the kept summaries
	filter graph.Filter
}

// endsChunk is the length of a chunk of selection.ends: the ends are kept
// in chunks so that a million of them are not copied again and again as
// they grow.
const endsChunk = 1 << 16

// addEnds appends the ends of a kept summary.
func (sel *selection) addEnds(u, v int32) {
	if n := len(sel.ends); n == 0 || len(sel.ends[n-1]) == endsChunk {
		sel.ends = append(sel.ends, make([]int32, 0, endsChunk))
	}
	last := &sel.ends[len(sel.ends)-1]
	*last = append(*last, u, v)
	sel.edges++
}

// endsOf returns the ends of the i-th kept summary.
func (sel *selection) endsOf(i int) (u, v int) {
	c, j := sel.ends[2*i/endsChunk], 2*i%endsChunk
	return int(c[j]), int(c[j+1])
}

// selectSource reads the summaries of src once and picks the nodes that o
// writes: actors in node order, those of no kept summary left out unless o
// keeps them.
func selectSource(src graph.Source, o Options) (*selection, error) {
	actors := slices.Clip(src.Actors()) // appending a bare actor copies
	index := make(map[string]int32, len(actors))
	for i, a := range actors {
		index[a.ID] = int32(i)
	}
	evidence := make([]int, len(actors))
	wanted := make([]bool, len(actors))
	nodeOf := func(id string) int32 {
		if n, ok := index[id]; ok {
			return n
		}
		n := int32(len(actors))
		actors = append(actors, graph.BareActor(id))
		evidence = append(evidence, 0)
		wanted = append(wanted, false)
		index[id] = n
		return n
	}
	sel := &selection{filter: o.Filter}
	// Summaries come mostly in source order: look the source up once a run.
	lastSource, lastNode := "", int32(-1)
	err := src.EachSummary(func(s *graph.Summary) error {
		if !o.Filter.Keep(*s) {
			return nil
		}
		if lastNode < 0 || s.Source != lastSource {
			lastSource, lastNode = s.Source, nodeOf(s.Source)
		}
		u, v := lastNode, nodeOf(s.Target)
		w := s.Weight(o.Filter)
		sel.addEnds(u, v)
		evidence[u] += w
		wanted[u] = true
		if v != u {
			evidence[v] += w
		}
		wanted[v] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, id := range o.Keep {
		if n, ok := index[id]; ok {
			wanted[n] = true
		}
	}
	pos := make([]int32, len(actors))
	written := 0
	for n := range actors {
		if wanted[n] || o.Isolated {
			written++
		}
	}
	sel.nodes = make([]node, 0, written)
	for n, a := range actors {
		if !wanted[n] && !o.Isolated {
			pos[n] = -1
			continue
		}
		pos[n] = int32(len(sel.nodes))
		sel.nodes = append(sel.nodes, node{actor: a, id: clean(a.ID), style: styleOf(a.Kind), evidence: evidence[n]})
	}
	for _, c := range sel.ends {
		for i, n := range c {
			c[i] = pos[n]
		}
	}
	return sel, nil
}

// eachEdge reads the summaries of src a second time and calls fn with each
// kept one, numbered from 0, and stops at the first error. The edge and its
// summary are valid only during the call.
func (sel *selection) eachEdge(src graph.Source, fn func(i int, e *edge) error) error {
	rels := map[string]*relation{}
	i := 0
	var e edge // one for every edge, so that none is allocated
	err := src.EachSummary(func(s *graph.Summary) error {
		if !sel.filter.Keep(*s) {
			return nil
		}
		if i == sel.edges {
			return errSourceChanged
		}
		e = edge{s: s, weight: s.Weight(sel.filter)}
		e.from, e.to = sel.endsOf(i)
		r := rels[s.Relation]
		if r == nil {
			r = &relation{row: s.Rel(), color: RelationColor(s.Relation)}
			r.goldstein = strconv.FormatFloat(r.row.Goldstein, 'g', -1, 64)
			rels[s.Relation] = r
		}
		e.rel, e.goldstein, e.color = &r.row, r.goldstein, r.color
		err := fn(i, &e)
		i++
		return err
	})
	if err == nil && i != sel.edges {
		err = errSourceChanged
	}
	return err
}

// counts returns the counts of the selection.
func (sel *selection) counts() Counts { return Counts{len(sel.nodes), sel.edges} }

// keptChar reports whether clean keeps r: XML 1.0 allows it in a document,
// and it is not a control character (DEL and the C1 controls, which XML
// allows but which mean nothing in a name, and which DOT readers refuse),
// tab, newline and carriage return excepted.
func keptChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r < 0x7F) || (r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// clean returns s as every format can carry it: invalid UTF-8 replaced by
// U+FFFD; control characters other than tab, newline and carriage return,
// and the other characters that XML 1.0 forbids (U+FFFE, U+FFFF), dropped.
// Every text that any format writes goes through clean, so that a label
// reads back the same from each of them.
func clean(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			return cleanSlow(s)
		}
	}
	return s
}

func cleanSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	changed := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			changed = true
		case !keptChar(r):
			changed = true
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	if !changed {
		return s
	}
	return b.String()
}

// Clean returns s as the exports write it: invalid UTF-8 replaced by U+FFFD,
// control characters (tab, newline and carriage return excepted) and the
// other characters that XML 1.0 forbids dropped. A label written by any
// format reads back as Clean(label).
func Clean(s string) string { return clean(s) }

// bufferedWriter wraps w in a bufio.Writer unless it is one.
func bufferedWriter(w io.Writer) *bufio.Writer {
	if bw, ok := w.(*bufio.Writer); ok {
		return bw
	}
	return bufio.NewWriterSize(w, 64<<10)
}
