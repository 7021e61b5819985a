package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

func init() { register(newEntityCmd) }

// entityOptions are the entity command's flags and argument.
type entityOptions struct {
	Name   string
	Recent int
}

func newEntityCmd(a *App) *cobra.Command {
	o := entityOptions{}
	cmd := &cobra.Command{
		Use:   "entity NAME",
		Short: "Show one actor: names, affiliations, relation counts, recent events",
		Long: `Show one actor: its id, kind, canonical name and the aliases seen; its
affiliations (leads, official_of, affiliated_with, member_of, either way)
with role titles and dates; its relations counted by type: pieces of
evidence where it is the source (out), the target (in), or either for a
symmetric relation (mutual), denied ones apart, and the actors they tie it
to; its first and last event dates; and its most recent events.

With --json, one object: id, name, kind, aliases, country, first_date,
last_date, evidence, degree, affiliations, relations and recent_events
(as in events' JSON output).`,
		Example: `  diplograph entity Xi
  diplograph entity country/RUS --recent 10`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Name = args[0]
			return runEntity(cmd.Context(), a, o)
		},
	}
	cmd.Flags().IntVar(&o.Recent, "recent", 5, "how many recent events to show")
	return cmd
}

// entityJSON is the entity command's JSON output.
type entityJSON struct {
	ID           string             `json:"id"`
	Name         string             `json:"name"`
	Kind         graph.Kind         `json:"kind"`
	Aliases      []string           `json:"aliases"`
	Country      string             `json:"country,omitempty"`
	FirstDate    graph.Date         `json:"first_date,omitzero"`
	LastDate     graph.Date         `json:"last_date,omitzero"`
	Evidence     int                `json:"evidence"`
	Degree       int                `json:"degree"`
	Affiliations []edgeJSON         `json:"affiliations"`
	Relations    []relationCountRow `json:"relations"`
	RecentEvents []eventJSON        `json:"recent_events"`
}

// relationCountRow counts an actor's summaries of one relation.
type relationCountRow struct {
	Relation string `json:"relation"`
	Out      int    `json:"out"`     // evidence where the actor is the source
	In       int    `json:"in"`      // evidence where it is the target
	Mutual   int    `json:"mutual"`  // evidence of a symmetric relation
	Negated  int    `json:"negated"` // denied evidence, either way
	Actors   int    `json:"actors"`  // distinct actors at the other end
}

// runEntity shows one actor.
func runEntity(ctx context.Context, a *App, o entityOptions) error {
	if o.Recent < 0 {
		return usagef("--recent must not be negative")
	}
	st, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	act, err := resolveActor(ctx, st, o.Name)
	if err != nil {
		return err
	}
	ss, err := st.Summaries(ctx, act.ID, store.Both)
	if err != nil {
		return fmt.Errorf("entity %s: %w", act.ID, err)
	}
	var recent []graph.Event
	if o.Recent > 0 {
		recent, err = st.Events(ctx, store.EventQuery{From: []string{act.ID}, Either: true, Limit: o.Recent})
		if err != nil {
			return fmt.Errorf("entity %s: %w", act.ID, err)
		}
	}
	names := newActorNames(st)
	names.cache[act.ID] = act
	articles := newArticleTitles(st)
	out := entityJSON{ID: act.ID, Name: act.Name, Kind: act.Kind, Aliases: act.Aliases, Country: act.Country,
		Affiliations: []edgeJSON{}, Relations: []relationCountRow{}, RecentEvents: []eventJSON{}}
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	out.FirstDate, out.LastDate = summariesSpan(ss)
	rows := map[string]*relationCountRow{}
	others := map[string]map[string]bool{}
	degree := map[string]bool{}
	for _, s := range ss {
		r := s.Rel()
		other := s.Target
		if other == act.ID {
			other = s.Source
		}
		degree[other] = true
		out.Evidence += s.Evidence()
		if r.Affiliation {
			out.Affiliations = append(out.Affiliations, summaryToJSON(ctx, names, articles, s, act.ID, graph.Filter{}))
		}
		row := rows[s.Relation]
		if row == nil {
			row = &relationCountRow{Relation: s.Relation}
			rows[s.Relation] = row
			others[s.Relation] = map[string]bool{}
		}
		w := s.Weight(graph.Filter{})
		switch {
		case r.Symmetric:
			row.Mutual += w
		case s.Source == act.ID:
			row.Out += w
		default:
			row.In += w
		}
		row.Negated += s.Negated
		others[s.Relation][other] = true
	}
	out.Degree = len(degree)
	for _, r := range graph.Relations() {
		if row := rows[r.Name]; row != nil {
			row.Actors = len(others[r.Name])
			out.Relations = append(out.Relations, *row)
		}
	}
	slices.SortStableFunc(out.Affiliations, func(x, y edgeJSON) int { return y.Evidence - x.Evidence })
	for _, e := range recent {
		out.RecentEvents = append(out.RecentEvents, eventToJSON(ctx, names, articles, orient(e, act.ID)))
	}
	if a.JSON {
		j := newJSONLines(a.Out)
		if err := j.put(out); err != nil {
			return err
		}
		return j.flush()
	}
	return writeEntity(a.Out, out)
}

// writeEntity prints an actor for people.
func writeEntity(w io.Writer, e entityJSON) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n", e.Name)
	fmt.Fprintf(tw, "  id\t%s\n", e.ID)
	fmt.Fprintf(tw, "  kind\t%s\n", e.Kind)
	if e.Country != "" {
		fmt.Fprintf(tw, "  country\t%s\n", e.Country)
	}
	if len(e.Aliases) > 0 {
		fmt.Fprintf(tw, "  aliases\t%s\n", strings.Join(e.Aliases, ", "))
	}
	if d := dateRange(e.FirstDate, e.LastDate); d != "" {
		fmt.Fprintf(tw, "  dates\t%s\n", d)
	}
	fmt.Fprintf(tw, "  ties\t%s with %s\n", plural(e.Evidence, "piece of evidence", "pieces of evidence"), plural(e.Degree, "actor", "actors"))
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(e.Affiliations) > 0 {
		fmt.Fprintln(w, "\nAffiliations")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, af := range e.Affiliations {
			arrowText, other := "--"+af.Relation+"-->", af.Target
			if af.Direction == "backward" {
				arrowText, other = "<--"+af.Relation+"--", af.Source
			}
			role := ""
			if af.Role != "" {
				role = "(" + af.Role + ")"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", arrowText, other, role, dateRange(af.FirstDate, af.LastDate), plural(af.Evidence, "evidence", "evidence"))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(e.Relations) > 0 {
		fmt.Fprintln(w, "\nRelations (pieces of evidence)")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "  relation\tout\tin\tmutual\tnegated\tactors\t")
		dash := func(n int) string {
			if n == 0 {
				return "-"
			}
			return fmt.Sprint(n)
		}
		for _, r := range e.Relations {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%d\t\n", r.Relation, dash(r.Out), dash(r.In), dash(r.Mutual), dash(r.Negated), r.Actors)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(e.RecentEvents) > 0 {
		fmt.Fprintln(w, "\nRecent events")
		for _, ev := range e.RecentEvents {
			writeEventText(w, ev, "  ")
		}
	}
	return nil
}
