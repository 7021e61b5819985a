package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

func init() { register(newEntitiesCmd) }

// entitiesOptions are the entities command's flags.
type entitiesOptions struct {
	Kind  string
	Match string
	Limit int
}

func newEntitiesCmd(a *App) *cobra.Command {
	o := entitiesOptions{}
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List actors, most connected first",
		Long: `List actors, most connected first (by the number of actors tied to them,
then by pieces of evidence), with their kind, id, counts and date range.
--match keeps the actors whose canonical name, an alias or id contains the
text (case and accents folded).

In a pipe, one tab-separated line an actor: id, name, kind, actors tied,
evidence, first date, last date, aliases (comma-separated). With --json,
one object a line: id, name, kind, aliases, country, evidence, degree,
first_date, last_date.`,
		Example: `  diplograph entities --limit 20
  diplograph entities --kind person --match xi
  diplograph entities --kind organization --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runEntities(cmd.Context(), a, o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Kind, "kind", "", "only actors of this kind: country, person, organization, bloc")
	fl.StringVar(&o.Match, "match", "", "only actors whose name, an alias or id contains this text")
	fl.IntVar(&o.Limit, "limit", 0, "list at most this many actors (0: all)")
	return cmd
}

// runEntities lists actors.
func runEntities(ctx context.Context, a *App, o entitiesOptions) error {
	if o.Limit < 0 {
		return usagef("--limit must not be negative")
	}
	q := store.ActorQuery{Match: o.Match, Limit: o.Limit}
	if o.Kind != "" {
		k, err := graph.ParseKind(o.Kind)
		if err != nil {
			return usagef("--kind: %v", err)
		}
		q.Kind = k
	}
	st, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	infos, err := st.Actors(ctx, q)
	if err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	if len(infos) == 0 {
		a.infof("No actors under the given filters.")
		return nil
	}
	if a.JSON {
		out := newJSONLines(a.Out)
		for _, in := range infos {
			if err := out.put(in); err != nil {
				return err
			}
		}
		return out.flush()
	}
	t := a.newTable("ID", "NAME", "KIND", "ACTORS", "EVIDENCE", "FIRST", "LAST", "ALIASES")
	t.limit(1, 32)
	t.limit(7, 50)
	for _, in := range infos {
		t.row(in.ID, in.Name, string(in.Kind), fmt.Sprint(in.Degree), fmt.Sprint(in.Evidence),
			in.FirstDate.String(), in.LastDate.String(), strings.Join(in.Aliases, ", "))
	}
	return t.flush()
}
