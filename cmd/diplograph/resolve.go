package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

// errUnknownActor is wrapped by the error for a name that no stored actor
// bears; errAmbiguous by the error for one that several bear. Both exit 2.
var (
	errUnknownActor = errors.New("unknown actor")
	errAmbiguous    = errors.New("ambiguous name")
)

// resolveActor turns a name given on the command line into one stored
// actor: an id ("country/CHN"), a canonical name ("Xi Jinping") or an alias
// ("Xi", "Beijing", "the Kremlin"), folded for case and accents by the
// store. An unknown name is an error that suggests the nearest known names;
// an ambiguous one is an error that lists the candidates.
func resolveActor(ctx context.Context, st store.Store, name string) (graph.Actor, error) {
	if strings.TrimSpace(name) == "" {
		return graph.Actor{}, usagef("an empty actor name")
	}
	as, err := st.Resolve(ctx, name)
	if err != nil {
		return graph.Actor{}, fmt.Errorf("resolve %q: %w", name, err)
	}
	switch len(as) {
	case 1:
		return as[0], nil
	case 0:
		return graph.Actor{}, unknownActor(ctx, st, name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q may name %d actors; give one of their ids:", name, len(as))
	for _, a := range as {
		fmt.Fprintf(&b, "\n  %-14s %-30s %s", a.Kind, a.Name, a.ID)
	}
	return graph.Actor{}, fmt.Errorf("%w: %s", errAmbiguous, b.String())
}

// suggestTimeout bounds the search for names like an unknown one: listing
// every actor reads every summary, which takes seconds in a large store.
const suggestTimeout = 3 * time.Second

// unknownActor returns the error for a name that no actor bears, with the
// nearest known names when they can be found in time.
func unknownActor(ctx context.Context, st store.Store, name string) error {
	ctx, cancel := context.WithTimeout(ctx, suggestTimeout)
	defer cancel()
	infos, err := st.Actors(ctx, store.ActorQuery{})
	if err != nil {
		return fmt.Errorf("%w %q ('diplograph entities --match TEXT' lists the names stored)", errUnknownActor, name)
	}
	actors := make([]graph.Actor, len(infos))
	for i, in := range infos {
		actors[i] = in.Actor
	}
	near := graph.NearestNames(name, actors, 5)
	if len(near) == 0 {
		return fmt.Errorf("%w %q (no stored actor has a similar name; 'diplograph entities --match TEXT' lists them)", errUnknownActor, name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q; did you mean:", name)
	for _, m := range near {
		alias := ""
		if m.Name != m.Actor.Name && m.Name != m.Actor.ID {
			alias = fmt.Sprintf(" (as %q)", m.Name)
		}
		fmt.Fprintf(&b, "\n  %-30s %-14s %s%s", m.Actor.Name, m.Actor.Kind, m.Actor.ID, alias)
	}
	return fmt.Errorf("%w %s", errUnknownActor, b.String())
}

// filterFlags are the flags that select edges, shared by the query commands.
type filterFlags struct {
	Relations      []string
	Since, Until   string
	IncludeNegated bool
}

// add registers the flags on cmd; negated says whether --include-negated
// is offered.
func (ff *filterFlags) add(cmd *cobra.Command, negated bool) {
	fl := cmd.Flags()
	fl.StringSliceVar(&ff.Relations, "relation", nil, "only these relations (comma-separated: "+strings.Join(graph.RelationNames(), ", ")+")")
	fl.StringVar(&ff.Since, "since", "", "only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
	fl.StringVar(&ff.Until, "until", "", "only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)")
	if negated {
		fl.BoolVar(&ff.IncludeNegated, "include-negated", false, "count events that the text denies (did not, refused to)")
	}
}

// filter parses the flags into a graph.Filter.
func (ff filterFlags) filter() (graph.Filter, error) {
	rels, err := graph.ParseRelations(ff.Relations)
	if err != nil {
		return graph.Filter{}, usagef("--relation: %v", err)
	}
	since, err := graph.ParseDate(ff.Since)
	if err != nil {
		return graph.Filter{}, usagef("--since: %v", err)
	}
	until, err := graph.ParseDate(ff.Until)
	if err != nil {
		return graph.Filter{}, usagef("--until: %v", err)
	}
	if !since.IsZero() && !until.IsZero() && until.End().Time().Before(since.Time()) {
		return graph.Filter{}, usagef("--since %s is after --until %s", since, until)
	}
	return graph.Filter{Relations: rels, Since: since, Until: until, IncludeNegated: ff.IncludeNegated}, nil
}

// openFiltered parses the filter flags and opens the store read-only: the
// start of every query command. The caller closes the store.
func (a *App) openFiltered(ctx context.Context, ff filterFlags) (store.Store, graph.Filter, error) {
	f, err := ff.filter()
	if err != nil {
		return nil, graph.Filter{}, err
	}
	st, err := a.openStore(ctx, true)
	if err != nil {
		return nil, graph.Filter{}, err
	}
	return st, f, nil
}

// actorNames looks actors up by id once each, for printing names.
type actorNames struct {
	st        store.Store
	cache     map[string]graph.Actor
	countries map[string]string
}

func newActorNames(st store.Store) *actorNames {
	return &actorNames{st: st, cache: map[string]graph.Actor{}, countries: map[string]string{}}
}

// country returns the ISO 3166-1 alpha-3 code of the country an actor is or
// acts for: a country's own code; for a person, the country of the person's
// leads or official_of edge with the most evidence in the store (the latest
// seen on a tie); "" for organizations, blocs and persons with neither.
func (n *actorNames) country(ctx context.Context, id string) string {
	if c, ok := n.countries[id]; ok {
		return c
	}
	c := ""
	switch a := n.get(ctx, id); a.Kind {
	case graph.Country:
		c = a.Country
	case graph.Person:
		ss, err := n.st.Summaries(ctx, id, store.Out)
		if err != nil {
			break
		}
		var best graph.Summary
		for _, s := range ss {
			if s.Relation != graph.Leads && s.Relation != graph.OfficialOf {
				continue
			}
			if k, _ := graph.KindOfID(s.Target); k != graph.Country {
				continue
			}
			if best.Target == "" || s.Evidence() > best.Evidence() || s.Evidence() == best.Evidence() && best.ExDate.Before(s.ExDate) {
				best = s
			}
		}
		if best.Target != "" {
			c = n.get(ctx, best.Target).Country
		}
	}
	n.countries[id] = c
	return c
}

// get returns the stored actor id; one that is missing is shown by its id.
func (n *actorNames) get(ctx context.Context, id string) graph.Actor {
	if a, ok := n.cache[id]; ok {
		return a
	}
	a, err := n.st.Actor(ctx, id)
	if err != nil || a.ID == "" {
		k, _ := graph.KindOfID(id)
		a = graph.Actor{ID: id, Name: id, Kind: k}
	}
	n.cache[id] = a
	return a
}

// relArrow renders relation rel as seen walking from the actor from: "--meet--"
// for a symmetric relation, "--support-->" when from is the source,
// "<--support--" when it is the target.
func relArrow(s graph.Summary, from string) string {
	switch {
	case s.Rel().Symmetric:
		return "--" + s.Relation + "--"
	case s.Source == from:
		return "--" + s.Relation + "-->"
	}
	return "<--" + s.Relation + "--"
}

// walkDirection names the way a summary is walked from the actor from, for JSON
// output: "both" (symmetric), "forward" (from is its source) or "backward".
func walkDirection(s graph.Summary, from string) string {
	switch {
	case s.Rel().Symmetric:
		return "both"
	case s.Source == from:
		return "forward"
	}
	return "backward"
}

// dateRange renders the dates first..last ("" when neither is known).
func dateRange(first, last graph.Date) string {
	switch {
	case first.IsZero() && last.IsZero():
		return ""
	case first == last || last.IsZero():
		return first.String()
	case first.IsZero():
		return last.String()
	}
	return first.String() + ".." + last.String()
}

// summariesSpan returns the earliest first date and the latest last date of
// summaries.
func summariesSpan(ss []graph.Summary) (first, last graph.Date) {
	for _, s := range ss {
		if !s.First.IsZero() && (first.IsZero() || s.First.Before(first)) {
			first = s.First
		}
		if !s.Last.IsZero() && (last.IsZero() || last.Before(s.Last)) {
			last = s.Last
		}
	}
	return first, last
}

// storeFetch reads an actor's summaries from the store, for the graph
// searches.
func storeFetch(st store.Store) graph.Fetch {
	return func(ctx context.Context, id string) ([]graph.Summary, error) {
		return st.Summaries(ctx, id, store.Both)
	}
}
