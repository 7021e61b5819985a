package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
	"github.com/spf13/cobra"
)

func init() { register(newExtractCmd) }

// extractOptions are the flags of extract.
type extractOptions struct {
	format   string
	lexicon  []string
	maxBytes int64
}

func newExtractCmd(a *App) *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract [PATH ...]",
		Short: "Print the edges extracted from articles, with no store",
		Long: `Read articles from files, folders (recursively) or - (stdin) and print every
edge extracted from them: one JSON object a line (--format jsonl, the line
format of docs/ontology.md) or one readable line an edge (--format text).`,
		Example: `  diplograph extract testdata/articles
  diplograph extract --format jsonl article.txt | jq .relation`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd, a, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", "output format: jsonl or text")
	f.StringArrayVar(&o.lexicon, "lexicon", nil, "a folder of extra lexicon files (repeatable)")
	f.Int64Var(&o.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "refuse input files larger than this")
	return cmd
}

func runExtract(cmd *cobra.Command, a *App, o *extractOptions, paths []string) error {
	if o.format != "jsonl" && o.format != "text" {
		return usagef("unknown --format %q (want jsonl or text)", o.format)
	}
	lex, err := ingest.LoadLexicon(o.lexicon...)
	if err != nil {
		return err
	}
	x := ingest.NewExtractor(lex)
	out := bufio.NewWriter(a.Out)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	opts := ingest.ReadOptions{MaxBytes: o.maxBytes}
	each := func(path string) error {
		if err := cmd.Context().Err(); err != nil {
			return err
		}
		var arts []graph.Article
		var rerr error
		if path == "-" {
			arts, rerr = ingest.Read("-", a.In, opts)
		} else {
			arts, rerr = ingest.ReadFile(path, opts)
		}
		if rerr != nil {
			failed++
			a.errorf("diplograph: %v", rerr)
		}
		for _, art := range arts {
			for _, rec := range x.Extract(art).Records() {
				if o.format == "jsonl" {
					if err := enc.Encode(rec); err != nil {
						return err
					}
					continue
				}
				writeTextRecord(out, rec)
			}
		}
		return nil
	}
	if _, err := ingest.Walk(cmd.Context(), paths, each); err != nil {
		if cmd.Context().Err() != nil {
			return err
		}
		a.errorf("diplograph: %v", err)
		failed++
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return partialError{failed}
	}
	return nil
}

// writeTextRecord prints one edge for people:
// 2023-05-24  Xi Jinping --meet--> Mikhail Mishustin  "…sentence…"
func writeTextRecord(w io.Writer, r ingest.Record) {
	date := r.Date
	if date == "" {
		date = "-"
	}
	arrow := "--" + r.Relation + "-->"
	if rel, ok := graph.LookupRelation(r.Relation); ok && rel.Symmetric {
		arrow = "--" + r.Relation + "--"
	}
	mod := ""
	if r.Modality != string(graph.Asserted) {
		mod = " (" + r.Modality + ")"
	}
	if r.Role != "" {
		mod += " [" + r.Role + "]"
	}
	fmt.Fprintf(w, "%-10s  %s %s %s%s  %q\n", date, r.Source, arrow, r.Target, mod, shorten(r.Sentence, 160))
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
