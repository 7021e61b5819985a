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
	Pred    string   // --pred: score this prediction file instead of extracting
	Lexicon []string // --lexicon: user lexicon folders
	Verbose bool     // -v: every miss and false positive
}

func newEvalCmd(a *App) *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval --gold FILE (DIR | --pred FILE)",
		Short: "Score extraction against a gold file",
		Long: `eval extracts every article that a gold file names from DIR/<article>.txt
(or .md, .html, .htm, .json, .jsonl, or the bare name) and scores the edges
against the gold lines as ../shared/tools/score.py does (ONTOLOGY.md, "Gold
files and scoring"): one line per article, then the micro-averaged figures
F1, P, R and the share of right dates. With -v, every false positive and every
missed gold line first. With --json, one JSON object (docs/eval.md).

With --pred FILE instead of DIR, eval scores a file of predictions made
elsewhere (JSON lines in the extraction output format, each with a "file" or
"article" field naming its article), as score.py --pred does.`,
		Example: `  diplograph eval --gold ../shared/gold/seed.jsonl ../shared/corpus/seed
  diplograph eval -v --gold gold.jsonl articles/ --lexicon my-lexicon/
  diplograph eval --gold gold.jsonl --pred other-tool.jsonl`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Gold == "" {
				return usagef("--gold FILE is required")
			}
			switch {
			case len(args) == 1 && o.Pred != "":
				return usagef("give the article folder DIR or --pred FILE, not both")
			case len(args) == 1:
				o.Dir = args[0]
			case o.Pred == "":
				return usagef("give the article folder DIR (or --pred FILE)")
			}
			return runEval(cmd, a, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Gold, "gold", "", "the gold file (JSON lines, ONTOLOGY.md)")
	f.StringVar(&o.Pred, "pred", "", "score this file of predictions (JSON lines with \"file\" or \"article\") instead of extracting DIR")
	f.StringArrayVar(&o.Lexicon, "lexicon", nil, "a folder of user lexicon files, loaded over the embedded ones (repeatable)")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "print every false positive and every missed gold line")
	return cmd
}

// evalJSON is the --json output of eval: the report with the inputs named.
type evalJSON struct {
	Gold string `json:"gold"`
	Dir  string `json:"dir,omitempty"`
	Pred string `json:"pred,omitempty"`
	ingest.Report
}

func runEval(cmd *cobra.Command, a *App, o evalOptions) error {
	gold, err := ingest.ReadGold(o.Gold)
	if err != nil {
		return err
	}
	start := a.Now()
	var pred map[string][]ingest.Record
	failed := 0
	if o.Pred != "" {
		if pred, err = ingest.ReadPredictions(o.Pred); err != nil {
			return err
		}
	} else if pred, failed, err = extractGold(cmd, a, o, gold); err != nil {
		return err
	}
	rep := ingest.Score(gold, pred)
	if err := writeEval(a, o, rep); err != nil {
		return err
	}
	a.infof("eval: %d articles, %d gold lines, scored in %s", len(rep.Articles), len(gold), a.Now().Sub(start).Round(time.Millisecond))
	if failed > 0 {
		return partialError{failed}
	}
	return nil
}

// extractGold extracts every article that the gold lines name from o.Dir
// and returns the records per article and the number of article files that
// could not be read (each reported on stderr).
func extractGold(cmd *cobra.Command, a *App, o evalOptions, gold []ingest.GoldLine) (map[string][]ingest.Record, int, error) {
	ctx := cmd.Context()
	if fi, err := os.Stat(o.Dir); err != nil {
		return nil, 0, fmt.Errorf("eval: %w", err)
	} else if !fi.IsDir() {
		return nil, 0, usagef("%s is not a folder", o.Dir)
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
			return nil, 0, fmt.Errorf("eval: %w", err)
		}
		paths[id] = p
	}
	lex, err := ingest.LoadLexicon(o.Lexicon...)
	if err != nil {
		return nil, 0, fmt.Errorf("eval: %w", err)
	}
	x := ingest.NewExtractor(lex)

	pred := make(map[string][]ingest.Record, len(ids))
	failed := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
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
	return pred, failed, nil
}

// writeEval prints the report: score.py's text, or one JSON object.
func writeEval(a *App, o evalOptions, rep ingest.Report) error {
	if !a.JSON {
		return rep.WriteText(a.Out, o.Verbose)
	}
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
	return enc.Encode(evalJSON{Gold: o.Gold, Dir: o.Dir, Pred: o.Pred, Report: rep})
}
