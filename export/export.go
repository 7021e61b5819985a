package export

import (
	"bufio"
	"fmt"
	"io"
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

// Write writes g in format f to w.
func Write(w io.Writer, f Format, g *graph.Graph, o Options) (Counts, error) {
	switch f {
	case GraphML:
		return WriteGraphML(w, g, o)
	case GEXF:
		return WriteGEXF(w, g, o)
	case DOT:
		return WriteDOT(w, g, o)
	case JSON:
		return WriteJSON(w, g, o)
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
	s        *graph.Summary
	rel      *graph.Relation // its relation row, shared by the edges of the relation
	from, to int             // positions of its ends among the written nodes
	weight   int             // its evidence under the filter
}

// selection is the part of a graph that an export writes, in a stable
// order: actors in node order, edges in summary order.
type selection struct {
	nodes []node
	edges []edge
}

// selectGraph picks the nodes and edges that o writes of g.
func selectGraph(g *graph.Graph, o Options) selection {
	actors := g.Actors()
	sums := g.Summaries()
	evidence := make([]int, len(actors))
	wanted := make([]bool, len(actors))
	kept := make([]edge, 0, len(sums))
	for i := range sums {
		s := &sums[i]
		if !o.Filter.Keep(*s) {
			continue
		}
		u, _ := g.NodeID(s.Source)
		v, _ := g.NodeID(s.Target)
		w := s.Weight(o.Filter)
		kept = append(kept, edge{s: s, from: int(u), to: int(v), weight: w})
		evidence[u] += w
		wanted[u] = true
		if v != u {
			evidence[v] += w
		}
		wanted[v] = true
	}
	for _, id := range o.Keep {
		if n, ok := g.NodeID(id); ok {
			wanted[n] = true
		}
	}
	pos := make([]int, len(actors))
	sel := selection{edges: kept}
	for n, a := range actors {
		if !wanted[n] && !o.Isolated {
			pos[n] = -1
			continue
		}
		pos[n] = len(sel.nodes)
		sel.nodes = append(sel.nodes, node{actor: a, id: clean(a.ID), style: styleOf(a.Kind), evidence: evidence[n]})
	}
	rels := map[string]*graph.Relation{}
	for i := range sel.edges {
		e := &sel.edges[i]
		e.from, e.to = pos[e.from], pos[e.to]
		if e.rel = rels[e.s.Relation]; e.rel == nil {
			r := e.s.Rel()
			e.rel = &r
			rels[e.s.Relation] = e.rel
		}
	}
	return sel
}

// counts returns the counts of the selection.
func (sel selection) counts() Counts { return Counts{len(sel.nodes), len(sel.edges)} }

// color returns the edge's colour.
func (e edge) color() Color { return RelationColor(e.s.Relation) }

// appendDate appends d as YYYY-MM-DD, YYYY-MM or YYYY (nothing for no date),
// as graph.Date.String does, without going through fmt.
func appendDate(b []byte, d graph.Date) []byte {
	pad := func(b []byte, v, width int) []byte {
		if v < 0 { // as fmt's %04d: the sign takes a place of the width
			b = append(b, '-')
			v, width = -v, width-1
		}
		var digits [20]byte
		s := strconv.AppendInt(digits[:0], int64(v), 10)
		for range width - len(s) {
			b = append(b, '0')
		}
		return append(b, s...)
	}
	switch d.Precision {
	case graph.DayPrecision:
		b = pad(b, d.Year, 4)
		b = pad(append(b, '-'), int(d.Month), 2)
		return pad(append(b, '-'), d.Day, 2)
	case graph.MonthPrecision:
		b = pad(b, d.Year, 4)
		return pad(append(b, '-'), int(d.Month), 2)
	case graph.YearPrecision:
		return pad(b, d.Year, 4)
	}
	return b
}

// dateString returns appendDate's form of d as a string.
func dateString(d graph.Date) string {
	if d.IsZero() {
		return ""
	}
	var b [16]byte
	return string(appendDate(b[:0], d))
}

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
