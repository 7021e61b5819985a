package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/ingest"
)

func init() { register(newEvalCmd) }

// evalOptions are the flags and arguments of eval.
type evalOptions struct {
	Gold    string   // --gold: the gold file
	Dir     string   // the folder of the articles the gold file names
	Lexicon []string // --lexicon: user lexicon folders
	Verbose bool     // -v: every miss and false positive
}

func newEvalCmd(a *App) *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval --gold FILE DIR",
		Short: "Score extraction against a gold file",
		Long: `eval extracts every article that a gold file names from DIR/<article>.txt
(or .md, .html, .htm, .json, .jsonl, or the bare name) and scores the edges
against the gold lines as ../shared/tools/score.py does (ONTOLOGY.md, "Gold
files and scoring"): one line per article, then the micro-averaged figures
F1, P, R and the share of right dates. With -v, every false positive and every
missed gold line first. With --json, one JSON object (docs/eval.md).`,
		Example: `  diplograph eval --gold ../shared/gold/seed.jsonl ../shared/corpus/seed
  diplograph eval -v --gold gold.jsonl articles/ --lexicon my-lexicon/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir = args[0]
			if o.Gold == "" {
				return usagef("--gold FILE is required")
			}
			return runEval(cmd, a, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Gold, "gold", "", "the gold file (JSON lines, ONTOLOGY.md)")
	f.StringArrayVar(&o.Lexicon, "lexicon", nil, "a folder of user lexicon files, loaded over the embedded ones (repeatable)")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "print every false positive and every missed gold line")
	return cmd
}

// evalJSON is the --json output of eval: the report with the inputs named.
type evalJSON struct {
	Gold string `json:"gold"`
	Dir  string `json:"dir"`
	ingest.Report
}

func runEval(cmd *cobra.Command, a *App, o evalOptions) error {
	ctx := cmd.Context()
	if fi, err := os.Stat(o.Dir); err != nil {
		return fmt.Errorf("eval: %w", err)
	} else if !fi.IsDir() {
		return usagef("%s is not a folder", o.Dir)
	}
	gold, err := ingest.ReadGold(o.Gold)
	if err != nil {
		return err
	}
	var ids []string
	for _, g := range gold {
		if !slices.Contains(ids, g.Article) {
			ids = append(ids, g.Article)
		}
	}
	slices.Sort(ids)
	// Every article file must be there before any work is done, as score.py
	// stops at the first it cannot find.
	paths := make(map[string]string, len(ids))
	for _, id := range ids {
		p, err := ingest.ArticleFile(o.Dir, id)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		paths[id] = p
	}
	lex, err := ingest.LoadLexicon(o.Lexicon...)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	x := ingest.NewExtractor(lex)

	start := a.Now()
	pred := make(map[string][]ingest.Record, len(ids))
	failed := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		arts, err := ingest.ReadArticleFile(paths[id], id)
		if err != nil {
			// Whatever was read is still scored, as score.py scores whatever
			// a failing command printed.
			a.errorf("diplograph eval: %v", err)
			failed++
		}
		for _, art := range arts {
			pred[id] = append(pred[id], x.Extract(art).Records()...)
		}
	}
	rep := ingest.Score(gold, pred)

	if a.JSON {
		// Lists are [] rather than null in the JSON contract.
		if rep.Articles == nil {
			rep.Articles = []ingest.ArticleScore{}
		}
		for i := range rep.Articles {
			if rep.Articles[i].FalsePositives == nil {
				rep.Articles[i].FalsePositives = []ingest.Triple{}
			}
			if rep.Articles[i].Misses == nil {
				rep.Articles[i].Misses = []ingest.GoldLine{}
			}
		}
		enc := json.NewEncoder(a.Out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(evalJSON{Gold: o.Gold, Dir: o.Dir, Report: rep}); err != nil {
			return err
		}
	} else if err := rep.WriteText(a.Out, o.Verbose); err != nil {
		return err
	}
	a.infof("eval: %d articles, %d gold lines, extracted and scored in %s", len(ids), len(gold), a.Now().Sub(start).Round(time.Millisecond))
	if failed > 0 {
		return partialError{failed}
	}
	return nil
}
