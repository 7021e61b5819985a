package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/store"
)

// The batch pipeline of ingest and reindex: one producer (the walk of the
// inputs, or the stored articles) -> N extractor workers (read, skip
// unchanged articles, extract) -> ONE writer, so that the store sees a
// single writer. Channels are bounded and articles are not accumulated:
// memory stays flat whatever the batch.

// pipeOptions configure a pipeline run.
type pipeOptions struct {
	workers  int
	progress string // auto, always, never
	read     ingest.ReadOptions
	reindex  bool     // replace events even for unchanged articles
	lexicon  []string // extra lexicon folders
}

// addFlags declares the flags that ingest and reindex share.
func (o *pipeOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.IntVar(&o.workers, "workers", runtime.NumCPU(), "extractor workers")
	f.StringVar(&o.progress, "progress", "auto", "progress bar: auto (on a terminal), always or never")
	f.StringArrayVar(&o.lexicon, "lexicon", nil, "a folder of extra lexicon files (repeatable)")
}

// prepare checks the options, builds the extractor over the lexicons and
// opens the store for writing; the caller closes the store.
func (a *App) prepare(ctx context.Context, o *pipeOptions) (*ingest.Extractor, store.Store, error) {
	if err := checkPipeOptions(o); err != nil {
		return nil, nil, err
	}
	lex, err := ingest.LoadLexicon(o.lexicon...)
	if err != nil {
		return nil, nil, err
	}
	s, err := a.openStore(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	return ingest.NewExtractor(lex), s, nil
}

// task is one unit of work for a worker: an input path, or a stored article
// (reindex).
type task struct {
	path    string
	root    string // the folder given on the command line that holds path, if any
	article *graph.Article
}

// articleID returns the store id of an article read from tk: an id the
// input gave stays; an id made of the file name becomes the file's path
// under the folder given, without extension ("reuters21578/00001"), so that
// files of the same name in two folders stay two articles.
func (tk task) articleID(art graph.Article) string {
	if tk.root == "" || tk.path == "-" {
		return art.ID
	}
	base := filepath.Base(tk.path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if art.ID != stem {
		return art.ID
	}
	rel, err := filepath.Rel(tk.root, tk.path)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return art.ID
	}
	return filepath.ToSlash(strings.TrimSuffix(rel, filepath.Ext(rel)))
}

// outcome is what a worker hands the writer.
type outcome struct {
	name      string           // what to name in messages: the file (and line) or article
	x         store.Extraction // the article to store, when err is nil and !unchanged
	unchanged bool             // skipped: already stored with the same hash
	err       error            // an input that failed
	bytes     int64            // bytes done with this outcome (for MB/s and the bar)
	step      bool             // this outcome finishes a task (advances the bar)
}

// tally counts what a run did.
type tally struct {
	New, Unchanged, Replaced, Failed int
	Sentences, Events                int
	Bytes                            int64
	Interrupted                      bool
}

// pipeline runs the producer, workers and writer over s.
func (a *App) pipeline(ctx context.Context, s store.Store, x *ingest.Extractor, o pipeOptions,
	produce func(ctx context.Context, emit func(task) error) error, total int) (tally, error) {
	var t tally
	bar := a.progressBar(o.progress, total)
	tasks := make(chan task, o.workers)
	results := make(chan outcome, 2*o.workers)
	g, gctx := errgroup.WithContext(ctx)

	g.Go(func() error {
		defer close(tasks)
		return produce(gctx, func(tk task) error {
			select {
			case tasks <- tk:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
	})

	workers, wctx := errgroup.WithContext(gctx)
	for range o.workers {
		workers.Go(func() error {
			for tk := range tasks {
				if err := a.work(wctx, s, x, o, tk, results); err != nil {
					return err
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		err := workers.Wait()
		close(results)
		return err
	})

	g.Go(func() error {
		for r := range results {
			if err := a.write(ctx, s, r, &t, bar); err != nil {
				// Drain, so that workers blocked on results can see the end.
				go func() {
					for range results {
					}
				}()
				return err
			}
		}
		return nil
	})
	err := g.Wait()
	if bar != nil {
		_ = bar.Finish() // clears the bar's line
	}
	if ctx.Err() != nil {
		t.Interrupted = true
		return t, nil
	}
	return t, err
}

// work reads (or takes) the articles of one task, skips those stored
// unchanged, extracts the rest and hands them to the writer.
func (a *App) work(ctx context.Context, s store.Store, x *ingest.Extractor, o pipeOptions, tk task, results chan<- outcome) error {
	send := func(r outcome) error {
		select {
		case results <- r:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	var arts []graph.Article
	var size int64
	if tk.article != nil {
		arts = []graph.Article{*tk.article}
		size = int64(len(tk.article.Text))
	} else {
		var rerr error
		if tk.path == "-" {
			arts, rerr = ingest.Read("-", a.In, o.read)
			for _, art := range arts {
				size += int64(len(art.Text))
			}
		} else {
			arts, rerr = ingest.ReadFile(tk.path, o.read)
			if fi, err := os.Stat(tk.path); err == nil {
				size = fi.Size()
			}
		}
		for _, e := range splitErrors(rerr) {
			if err := send(outcome{name: tk.path, err: e}); err != nil {
				return err
			}
		}
	}
	for _, art := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		art.ID = tk.articleID(art)
		name := art.Origin
		if name == "" {
			name = art.ID
		}
		if !o.reindex {
			has, err := s.HasArticle(ctx, art.ID, art.Hash)
			if err != nil {
				return fmt.Errorf("store: %w", err)
			}
			if has {
				if err := send(outcome{name: name, unchanged: true}); err != nil {
					return err
				}
				continue
			}
		}
		res := x.Extract(art)
		xt := store.Extraction{Article: art, Actors: res.Actors, Events: res.Events, Sentences: res.Sentences, Reindex: o.reindex}
		if err := send(outcome{name: name, x: xt}); err != nil {
			return err
		}
	}
	return send(outcome{name: tk.path, bytes: size, step: true})
}

// splitErrors returns the errors joined in err, one per failed input.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, splitErrors(e)...)
		}
		return out
	}
	return []error{err}
}

// write is the single writer: it stores an outcome and counts it. Store
// errors other than an article too big to store end the run.
func (a *App) write(ctx context.Context, s store.Store, r outcome, t *tally, bar *progressbar.ProgressBar) error {
	switch {
	case r.step:
		t.Bytes += r.bytes
		if bar != nil {
			_ = bar.Add(1)
		}
		return nil
	case r.err != nil:
		t.Failed++
		a.barErrorf(bar, "diplograph: %v", r.err)
		return nil
	case r.unchanged:
		t.Unchanged++
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err // interrupted: stop between articles
	}
	st, err := s.PutArticle(ctx, r.x)
	if errors.Is(err, store.ErrTooBig) {
		t.Failed++
		a.barErrorf(bar, "diplograph: %s: %v", r.name, err)
		return nil
	}
	if err != nil {
		return fmt.Errorf("store %s: %w", r.name, err)
	}
	switch st {
	case store.New:
		t.New++
	case store.Unchanged:
		t.Unchanged++
		return nil
	case store.Replaced:
		t.Replaced++
	}
	t.Sentences += r.x.Sentences
	t.Events += len(r.x.Events)
	return nil
}

// barErrorf prints an error line, clearing the progress bar first.
func (a *App) barErrorf(bar *progressbar.ProgressBar, format string, args ...any) {
	if bar != nil {
		_ = bar.Clear()
	}
	a.errorf(format, args...)
}

// progressBar returns a bar on stderr, or nil when none is wanted: never,
// -q, or auto with stderr not a terminal (the library cannot tell).
func (a *App) progressBar(mode string, total int) *progressbar.ProgressBar {
	if a.Quiet || mode == "never" || mode == "auto" && !isTerminal(a.Err) {
		return nil
	}
	if total <= 0 {
		total = -1
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(a.Err),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("files"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
	)
}

// checkPipeOptions validates the shared flags.
func checkPipeOptions(o *pipeOptions) error {
	if o.workers < 1 {
		return usagef("--workers must be at least 1, not %d", o.workers)
	}
	switch o.progress {
	case "auto", "always", "never":
	default:
		return usagef("unknown --progress %q (want auto, always or never)", o.progress)
	}
	if o.read.MaxBytes < 1 {
		return usagef("--max-bytes must be positive, not %d", o.read.MaxBytes)
	}
	return nil
}

// summary prints what a run did, unless -q, and returns the command's
// error: nil, a partial error when inputs failed, or the interruption.
func (a *App) summary(ctx context.Context, s store.Store, verb string, t tally, elapsed time.Duration) error {
	if !a.Quiet {
		n := t.New + t.Unchanged + t.Replaced + t.Failed
		mbs := float64(t.Bytes) / 1e6 / max(elapsed.Seconds(), 1e-9)
		a.infof("%s %d articles: %d new, %d unchanged, %d replaced, %d failed; %d sentences, %d events extracted; %.1fs, %.1f MB/s",
			verb, n, t.New, t.Unchanged, t.Replaced, t.Failed, t.Sentences, t.Events, elapsed.Seconds(), mbs)
		if st, err := s.Stats(context.WithoutCancel(ctx)); err == nil {
			a.infof("store %s: %d articles, %d events, %d actors", a.storeDir(), st.Articles, st.Events, st.Actors)
		}
	}
	if t.Interrupted {
		a.errorf("diplograph: interrupted: the %d articles stored before the interrupt are kept; run the same command again to finish", t.New+t.Replaced)
		return silentError{exitPartial}
	}
	if t.Failed > 0 {
		return partialError{t.Failed}
	}
	return nil
}
