package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

func init() { register(newStatsCmd) }

func newStatsCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count what the store holds",
		Long: `Print the store's counts: articles, sentences, events and their evidence,
actors by kind, events by relation, the date range and the size on disk.
With --json, one object: articles, sentences, events, evidence, actors,
actors_by_kind, events_by_relation, first_date, last_date, bytes_on_disk.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runStats(cmd.Context(), a)
		},
	}
}

func runStats(ctx context.Context, a *App) error {
	s, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if a.JSON {
		enc := json.NewEncoder(a.Out)
		enc.SetEscapeHTML(false)
		return enc.Encode(st)
	}
	return writeStats(a, st)
}

// writeStats prints the counts for people, aligned.
func writeStats(a *App, st store.Stats) error {
	w := a.Out
	row := func(name string, n int) { fmt.Fprintf(w, "%-24s%12s\n", name, humanize.Comma(int64(n))) }
	row("articles", st.Articles)
	row("sentences", st.Sentences)
	row("events", st.Events)
	row("evidence", st.Evidence)
	row("actors", st.Actors)
	for _, k := range graph.Kinds() {
		row("  "+string(k), st.ActorsByKind[string(k)])
	}
	if len(st.EventsByRelation) > 0 {
		fmt.Fprintln(a.Out, "events by relation:")
		rels := make([]string, 0, len(st.EventsByRelation))
		for r := range st.EventsByRelation {
			rels = append(rels, r)
		}
		sort.Slice(rels, func(i, j int) bool {
			ni, nj := st.EventsByRelation[rels[i]], st.EventsByRelation[rels[j]]
			if ni != nj {
				return ni > nj
			}
			return rels[i] < rels[j]
		})
		for _, r := range rels {
			row("  "+r, st.EventsByRelation[r])
		}
	}
	dates := "none"
	if !st.FirstDate.IsZero() {
		dates = st.FirstDate.String() + " .. " + st.LastDate.String()
	}
	fmt.Fprintf(a.Out, "dates: %s\n", dates)
	_, err := fmt.Fprintf(a.Out, "on disk: %s (%s)\n", humanize.IBytes(uint64(max(st.BytesOnDisk, 0))), a.storeDir())
	return err
}
