package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

func init() { register(newEventsCmd) }

// eventsOptions are the events command's flags.
type eventsOptions struct {
	From, To string
	Limit    int
	filterFlags
}

func newEventsCmd(a *App) *cobra.Command {
	o := eventsOptions{}
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List events, newest first, with their evidence",
		Long: `List events, newest first (undated last), each with its evidence: the
sentences that state it and their articles. --from selects the events whose
source is an actor, --to those whose target is one; a symmetric relation
(meet, trade, ...) matches either way. Denied events (did not, refused to)
are left out unless --include-negated.

On a terminal, an event takes a line and its first evidence sentence the
next; in a pipe, one tab-separated line an event: date, source, relation,
target, modality, pieces of evidence, sentence, article (title or id).
With --json, one object a line: id, source, source_id, source_kind,
source_country, relation, target, target_id, target_kind, target_country
(the country an actor is or, for a person, acts for by the store's leads
and official_of edges), date, modality, location, role,
cameo, quad_class, goldstein, confidence, article, sentence, offset (of the
first evidence) and evidence (article, article_title, article_date,
sentence, offset of each).`,
		Example: `  diplograph events --from China --relation trade,sign_agreement
  diplograph events --from Russia --to Ukraine --since 2022-02 --limit 20
  diplograph events --include-negated --relation support`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runEvents(cmd.Context(), a, o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.From, "from", "", "only events whose source is this actor (name, alias or id)")
	fl.StringVar(&o.To, "to", "", "only events whose target is this actor (name, alias or id)")
	fl.IntVar(&o.Limit, "limit", 0, "list at most this many events (0: all)")
	o.filterFlags.add(cmd, true)
	return cmd
}

// runEvents lists events.
func runEvents(ctx context.Context, a *App, o eventsOptions) error {
	if o.Limit < 0 {
		return usagef("--limit must not be negative")
	}
	st, f, err := a.openFiltered(ctx, o.filterFlags)
	if err != nil {
		return err
	}
	defer st.Close()
	q := store.EventQuery{Filter: f, Limit: o.Limit}
	names := newActorNames(st)
	for _, side := range []struct {
		name string
		ids  *[]string
	}{{o.From, &q.From}, {o.To, &q.To}} {
		if side.name == "" {
			continue
		}
		act, err := resolveActor(ctx, st, side.name)
		if err != nil {
			return err
		}
		names.cache[act.ID] = act
		*side.ids = []string{act.ID}
	}
	events, err := st.Events(ctx, q)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	for i, e := range events {
		switch {
		case len(q.From) > 0:
			events[i] = orient(e, q.From[0])
		case len(q.To) > 0 && e.Source == q.To[0]:
			if o := orient(e, e.Target); o.Source != e.Source {
				events[i] = o // a symmetric event reads towards the --to actor
			}
		}
	}
	if len(events) == 0 {
		a.infof("No events under the given filters.")
		return nil
	}
	articles := newArticleTitles(st)
	if a.JSON {
		out := newJSONLines(a.Out)
		for _, e := range events {
			if err := out.put(eventToJSON(ctx, names, articles, e)); err != nil {
				return err
			}
		}
		return out.flush()
	}
	if isTerminal(a.Out) {
		for _, e := range events {
			writeEventText(a.Out, eventToJSON(ctx, names, articles, e), "")
		}
		return nil
	}
	t := a.newTable()
	for _, e := range events {
		ej := eventToJSON(ctx, names, articles, e)
		article := ""
		if len(ej.Evidence) > 0 {
			article = ej.Evidence[0].Article
			if ej.Evidence[0].ArticleTitle != "" {
				article = ej.Evidence[0].ArticleTitle
			}
		}
		t.row(ej.Date.String(), ej.Source, ej.Relation, ej.Target, string(ej.Modality), fmt.Sprint(len(ej.Evidence)), ej.Sentence, article)
	}
	return t.flush()
}

// orient returns e with its ends swapped when its relation is symmetric and
// id is its target, so that an actor's events read from it.
func orient(e graph.Event, id string) graph.Event {
	if r, ok := graph.LookupRelation(e.Relation); ok && r.Symmetric && e.Target == id && e.Source != id {
		e.Source, e.Target = e.Target, e.Source
	}
	return e
}

// eventJSON is an event in JSON output: the ONTOLOGY line format, with every
// piece of evidence.
type eventJSON struct {
	ID         string         `json:"id"`
	Source     string         `json:"source"`
	SourceID   string         `json:"source_id"`
	SourceKind graph.Kind     `json:"source_kind"`
	SourceCC   string         `json:"source_country"`
	Relation   string         `json:"relation"`
	Target     string         `json:"target"`
	TargetID   string         `json:"target_id"`
	TargetKind graph.Kind     `json:"target_kind"`
	TargetCC   string         `json:"target_country"`
	Date       graph.Date     `json:"date"`
	Modality   graph.Modality `json:"modality"`
	Location   string         `json:"location,omitempty"`
	Role       string         `json:"role,omitempty"`
	CAMEO      string         `json:"cameo,omitempty"`
	QuadClass  int            `json:"quad_class"`
	Goldstein  float64        `json:"goldstein"`
	Confidence float64        `json:"confidence"`
	Article    string         `json:"article,omitempty"`
	Sentence   string         `json:"sentence,omitempty"`
	Offset     int            `json:"offset"`
	Evidence   []evidenceJSON `json:"evidence"`
}

// evidenceJSON is one piece of an event's evidence with its article.
type evidenceJSON struct {
	Article      string     `json:"article"`
	ArticleTitle string     `json:"article_title,omitempty"`
	ArticleDate  graph.Date `json:"article_date,omitzero"`
	Sentence     string     `json:"sentence"`
	Offset       int        `json:"offset"`
}

// eventToJSON returns the JSON form of e, with names and article titles.
func eventToJSON(ctx context.Context, names *actorNames, articles *articleTitles, e graph.Event) eventJSON {
	src, dst := names.get(ctx, e.Source), names.get(ctx, e.Target)
	r, _ := graph.LookupRelation(e.Relation)
	out := eventJSON{
		ID: e.ID(), Source: src.Name, SourceID: src.ID, SourceKind: src.Kind,
		SourceCC: names.country(ctx, e.Source), TargetCC: names.country(ctx, e.Target),
		Relation: e.Relation, Target: dst.Name, TargetID: dst.ID, TargetKind: dst.Kind,
		Date: e.Date, Modality: e.Modality, Location: e.Location, Role: e.Role,
		CAMEO: r.CAMEO, QuadClass: int(r.Quad), Goldstein: r.Goldstein, Confidence: e.Confidence,
		Evidence: make([]evidenceJSON, 0, len(e.Evidence)),
	}
	for _, ev := range e.Evidence {
		title, date := articles.get(ctx, ev.Article)
		out.Evidence = append(out.Evidence, evidenceJSON{Article: ev.Article, ArticleTitle: title, ArticleDate: date, Sentence: ev.Sentence, Offset: ev.Offset})
	}
	if len(e.Evidence) > 0 {
		out.Article, out.Sentence, out.Offset = e.Evidence[0].Article, e.Evidence[0].Sentence, e.Evidence[0].Offset
	}
	return out
}

// writeEventText prints an event for people: its date and relation on one
// line, its first evidence sentence and article under it.
func writeEventText(w io.Writer, e eventJSON, indent string) {
	date := e.Date.String()
	if date == "" {
		date = "(undated)"
	}
	rel := "--" + e.Relation + "-->"
	if r, ok := graph.LookupRelation(e.Relation); ok && r.Symmetric {
		rel = "--" + e.Relation + "--"
	}
	var extra []string
	if e.Modality != graph.Asserted && e.Modality != "" {
		extra = append(extra, string(e.Modality))
	}
	if e.Role != "" {
		extra = append(extra, e.Role)
	}
	if e.Location != "" {
		extra = append(extra, "in "+e.Location)
	}
	if len(e.Evidence) > 1 {
		extra = append(extra, plural(len(e.Evidence), "source", "sources"))
	}
	more := ""
	if len(extra) > 0 {
		more = "  [" + strings.Join(extra, ", ") + "]"
	}
	fmt.Fprintf(w, "%s%-10s  %s %s %s%s\n", indent, date, e.Source, rel, e.Target, more)
	if len(e.Evidence) > 0 {
		ev := e.Evidence[0]
		src := example{Article: ev.Article, ArticleTitle: ev.ArticleTitle, ArticleDate: ev.ArticleDate}.source()
		fmt.Fprintf(w, "%s            “%s” — %s\n", indent, clip(cleanCell(ev.Sentence), 200), src)
	}
}
