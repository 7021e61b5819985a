package main

import (
	"context"
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/ingest"
)

func init() { register(newIngestCmd) }

// ingestOptions are the flags of ingest.
type ingestOptions struct {
	pipeOptions
}

func newIngestCmd(a *App) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest [PATH ...]",
		Short: "Read articles, extract events and store them",
		Long: `Read articles from files, folders (recursively) or - (stdin), extract their
actors and events, and store them. Re-ingesting an unchanged article changes
nothing; a changed one (same id or same file) replaces its events.

A summary goes to stderr at the end (unless -q). The exit code is 0, or 1
when some inputs failed (each is named on stderr; the batch goes on), or 2
when the store cannot be opened. Ctrl-C stops between articles and keeps
what was stored.`,
		Example: `  diplograph ingest testdata/articles
  diplograph --store news.db ingest --workers 4 feeds/*.jsonl
  cat article.txt | diplograph ingest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), a, o, args)
		},
	}
	o.addFlags(cmd)
	cmd.Flags().Int64Var(&o.read.MaxBytes, "max-bytes", ingest.DefaultMaxBytes, "refuse input files larger than this")
	return cmd
}

func runIngest(ctx context.Context, a *App, o *ingestOptions, paths []string) error {
	x, s, err := a.prepare(ctx, &o.pipeOptions)
	if err != nil {
		return err
	}
	defer s.Close()
	total := 0
	if a.wantsBar(o.progress) {
		// Count the files first so the bar can show the way to the end.
		_, _ = ingest.Walk(ctx, paths, func(string) error { total++; return nil })
	}
	start := a.Now()
	walkFailed := 0
	produce := func(ctx context.Context, emit func(task) error) error {
		var errs []error
		for _, root := range paths {
			dir := ""
			if fi, err := os.Stat(root); err == nil && fi.IsDir() {
				dir = root
			}
			_, err := ingest.Walk(ctx, []string{root}, func(p string) error { return emit(task{path: p, root: dir}) })
			if ctx.Err() != nil {
				return ctx.Err()
			}
			errs = append(errs, err)
		}
		for _, e := range splitErrors(errors.Join(errs...)) {
			walkFailed++
			a.errorf("diplograph: %v", e)
		}
		return nil
	}
	t, err := a.pipeline(ctx, s, x, o.pipeOptions, produce, total)
	t.Failed += walkFailed
	if err != nil {
		return err
	}
	return a.summary(ctx, s, "ingested", t, a.Now().Sub(start))
}

// wantsBar reports whether a progress bar will be shown.
func (a *App) wantsBar(mode string) bool {
	return !a.Quiet && (mode == "always" || mode == "auto" && isTerminal(a.Err))
}
