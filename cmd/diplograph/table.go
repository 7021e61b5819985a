package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// table collects the rows of a listing and writes them the way the output
// asks for: on a terminal, an aligned table under a header, with long cells
// cut short; in a pipe, one line a row, cells separated by tabs, no header,
// nothing cut, so that cut, awk and sort work on it.
type table struct {
	w      io.Writer
	tty    bool
	header []string
	rows   [][]string
	widths []int // on a terminal, the most runes a column shows (0: no limit)
}

// newTable returns a table for the app's output with the given column
// names.
func (a *App) newTable(header ...string) *table {
	return &table{w: a.Out, tty: isTerminal(a.Out), header: header}
}

// limit sets the most runes that column col shows on a terminal.
func (t *table) limit(col, runes int) {
	for len(t.widths) <= col {
		t.widths = append(t.widths, 0)
	}
	t.widths[col] = runes
}

// row adds a row; a tab or newline inside a cell becomes a space.
func (t *table) row(cells ...string) {
	r := make([]string, len(cells))
	for i, c := range cells {
		r[i] = cleanCell(c)
	}
	t.rows = append(t.rows, r)
}

// flush writes the table.
func (t *table) flush() error {
	if !t.tty {
		bw := bufio.NewWriter(t.w)
		for _, r := range t.rows {
			bw.WriteString(strings.Join(r, "\t"))
			bw.WriteByte('\n')
		}
		return bw.Flush()
	}
	tw := tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	if len(t.header) > 0 {
		fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	}
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			if i < len(t.widths) && t.widths[i] > 0 {
				c = clip(c, t.widths[i])
			}
			cells[i] = c
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// cleanCell puts a cell on one line with no tabs.
func cleanCell(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// clip cuts s to at most n runes, ending it with an ellipsis when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 1 {
		return "…"
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// jsonLines writes values as JSON, one a line, with no HTML escaping.
type jsonLines struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func newJSONLines(w io.Writer) *jsonLines {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonLines{bw: bw, enc: enc}
}

// put writes one value on its line.
func (j *jsonLines) put(v any) error { return j.enc.Encode(v) }

// flush writes what is buffered.
func (j *jsonLines) flush() error { return j.bw.Flush() }

// plural returns "1 thing" or "n things".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
