package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
)

func init() { register(newReindexCmd) }

// reindexOptions are the flags of reindex.
type reindexOptions struct {
	pipeOptions
}

func newReindexCmd(a *App) *cobra.Command {
	o := &reindexOptions{}
	cmd := &cobra.Command{
		Use:   "reindex",
		Short: "Extract events again from every stored article",
		Long: `Run extraction again over the text of every stored article, with the
current lexicons and rules (and the --lexicon folders), replacing the
articles' events. Use it after the dictionaries change.`,
		Example: `  diplograph reindex
  diplograph reindex --lexicon my-leaders/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runReindex(cmd.Context(), a, o)
		},
	}
	o.addFlags(cmd)
	return cmd
}

func runReindex(ctx context.Context, a *App, o *reindexOptions) error {
	o.reindex = true
	o.read.MaxBytes = ingest.DefaultMaxBytes
	x, s, err := a.prepare(ctx, &o.pipeOptions)
	if err != nil {
		return err
	}
	defer s.Close()
	total := 0
	if a.wantsBar(o.progress) {
		st, err := s.Stats(ctx)
		if err != nil {
			return err
		}
		total = st.Articles
	}
	start := a.Now()
	produce := func(ctx context.Context, emit func(task) error) error {
		// EachArticle reads one snapshot, so the writes made meanwhile do
		// not disturb the walk.
		return s.EachArticle(ctx, func(art graph.Article) error {
			return emit(task{path: art.ID, article: &art})
		})
	}
	t, err := a.pipeline(ctx, s, x, o.pipeOptions, produce, total)
	if err != nil {
		return err
	}
	return a.summary(ctx, s, "reindexed", t, a.Now().Sub(start))
}
