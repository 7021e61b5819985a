package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
)

func init() { register(newNeighborsCmd) }

// maxNeighborDepth bounds --depth: three hops from a hub is most of any
// real graph already.
const maxNeighborDepth = 5

// neighborsOptions are the neighbors command's flags and argument.
type neighborsOptions struct {
	Name      string
	Depth     int
	Direction string
	Limit     int
	filterFlags
}

func newNeighborsCmd(a *App) *cobra.Command {
	o := neighborsOptions{}
	cmd := &cobra.Command{
		Use:     "neighbors NAME",
		Aliases: []string{"neighbours"},
		Short:   "List the actors within some hops of an actor",
		Long: `List the actors within --depth hops of an actor, with the relations and
pieces of evidence that tie each to the actor one hop nearer (at depth 1,
the actor itself), nearest first and, at the same depth, strongest first.
--direction out follows relations from the actor outward (it is the source),
in the other way; symmetric relations are followed either way always.

With --json, one object a line: id, name, kind, depth, evidence, via (the
ids one hop nearer) and edges (as in path's JSON output).`,
		Example: `  diplograph neighbors Russia
  diplograph neighbors "Xi Jinping" --depth 2 --relation meet,visit,leads
  diplograph neighbors Ukraine --direction in --since 2022`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Name = args[0]
			return runNeighbors(cmd.Context(), a, o)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&o.Depth, "depth", 1, fmt.Sprintf("how many hops out (at most %d)", maxNeighborDepth))
	fl.StringVar(&o.Direction, "direction", "both", "which relations to follow: out (the actor is the source), in, or both")
	fl.IntVar(&o.Limit, "limit", 0, "list at most this many actors (0: all)")
	o.filterFlags.add(cmd, true)
	return cmd
}

// neighborJSON is one neighbour in JSON output.
type neighborJSON struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Kind     graph.Kind `json:"kind"`
	Depth    int        `json:"depth"`
	Evidence int        `json:"evidence"`
	Via      []string   `json:"via"`
	Edges    []edgeJSON `json:"edges"`
}

// runNeighbors lists the neighbourhood.
func runNeighbors(ctx context.Context, a *App, o neighborsOptions) error {
	if o.Depth < 1 || o.Depth > maxNeighborDepth {
		return usagef("--depth must be between 1 and %d, got %d", maxNeighborDepth, o.Depth)
	}
	if o.Limit < 0 {
		return usagef("--limit must not be negative")
	}
	dir, err := graph.ParseDirection(o.Direction)
	if err != nil {
		return usagef("--direction: %v", err)
	}
	st, f, err := a.openFiltered(ctx, o.filterFlags)
	if err != nil {
		return err
	}
	defer st.Close()
	centre, err := resolveActor(ctx, st, o.Name)
	if err != nil {
		return err
	}
	g, _, err := graph.SearchNeighbourhood(ctx, storeFetch(st), centre.ID, o.Depth, dir, f)
	if err != nil {
		return fmt.Errorf("neighbors of %s: %w", centre.ID, err)
	}
	ns := graph.Neighbours(g, centre.ID, o.Depth, dir, f)
	if o.Limit > 0 && len(ns) > o.Limit {
		ns = ns[:o.Limit]
	}
	names := newActorNames(st)
	names.cache[centre.ID] = centre
	if len(ns) == 0 {
		a.infof("%s has no neighbours under the given filters.", centre.Name)
		return nil
	}
	if a.JSON {
		articles := newArticleTitles(st)
		out := newJSONLines(a.Out)
		for _, n := range ns {
			an := names.get(ctx, n.ID)
			nj := neighborJSON{ID: n.ID, Name: an.Name, Kind: an.Kind, Depth: n.Depth, Evidence: n.Evidence, Via: n.Via}
			for _, s := range n.Summaries {
				nearer := s.Source
				if nearer == n.ID {
					nearer = s.Target
				}
				nj.Edges = append(nj.Edges, summaryToJSON(ctx, names, articles, s, nearer, f))
			}
			if err := out.put(nj); err != nil {
				return err
			}
		}
		return out.flush()
	}
	t := a.newTable("DEPTH", "ACTOR", "KIND", "ID", "EVIDENCE", "RELATIONS", "DATES", "VIA")
	t.limit(1, 32)
	t.limit(5, 60)
	t.limit(7, 40)
	for _, n := range ns {
		an := names.get(ctx, n.ID)
		var via []string
		for _, id := range n.Via {
			via = append(via, names.get(ctx, id).Name)
		}
		first, last := summariesSpan(n.Summaries)
		t.row(fmt.Sprint(n.Depth), an.Name, string(an.Kind), an.ID, fmt.Sprint(n.Evidence),
			neighbourRelations(n, f), dateRange(first, last), strings.Join(via, ", "))
	}
	return t.flush()
}

// neighbourRelations renders the relations that tie a neighbour to the
// actors one hop nearer, walked from them, with their evidence:
// "--attack--> 5, --trade-- 1".
func neighbourRelations(n graph.Neighbour, f graph.Filter) string {
	parts := make([]string, len(n.Summaries))
	for i, s := range n.Summaries {
		nearer := s.Source
		if nearer == n.ID {
			nearer = s.Target
		}
		parts[i] = fmt.Sprintf("%s %d", relArrow(s, nearer), s.Weight(f))
	}
	return strings.Join(parts, ", ")
}
