package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

func init() { register(newPathCmd) }

// maxPathHops bounds --max-hops: beyond it a hop's evidence bonus could
// outweigh a whole hop (see graph.Cost), and the search would read most of
// any real graph anyway.
const maxPathHops = 10

// pathOptions are the path command's flags and arguments.
type pathOptions struct {
	From, To string
	K        int
	MaxHops  int
	Directed bool
	Timeout  time.Duration
	filterFlags
}

func newPathCmd(a *App) *cobra.Command {
	o := pathOptions{}
	cmd := &cobra.Command{
		Use:   "path FROM TO",
		Short: "Find the k shortest chains of relations between two actors",
		Long: `Find the k shortest simple paths between two actors, each hop with the
relations that tie its ends and their direction (--meet-- symmetric,
--support--> or <--support--), the date range, the pieces of evidence and
one evidence sentence with its article.

FROM and TO are ids (country/CHN), canonical names (Xi Jinping) or aliases
(Xi, Beijing, the Kremlin), in any case and with or without accents.
Affiliations count as hops (Xi Jinping --leads--> China --trade-- Russia).
Hops follow relations either way unless --directed (symmetric relations are
followed either way always). Among paths of the same length, the better
evidenced come first. Denied events carry no path unless --include-negated.
No path is not an error: it is said, and the exit code is 0.

With --json, one object a line, a path each: path (its rank), hops, cost,
actors (id, name, kind, in order), and steps, each with from, from_id, to,
to_id and edges (source, source_id, relation, target, target_id, direction,
cameo, quad_class, goldstein, role, first_date, last_date, evidence,
asserted, intent, negated, sentence, article, article_title, article_date).`,
		Example: `  diplograph path "Xi Jinping" Ukraine
  diplograph path China "United States" --k 5 --relation trade,sanction --since 2018
  diplograph path Moscow Kyiv --directed --max-hops 2`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.From, o.To = args[0], args[1]
			return runPath(cmd.Context(), a, o)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&o.K, "k", 3, "how many paths")
	fl.IntVar(&o.MaxHops, "max-hops", 4, fmt.Sprintf("the longest path, in hops (at most %d)", maxPathHops))
	fl.BoolVar(&o.Directed, "directed", false, "follow relations only from source to target")
	fl.DurationVar(&o.Timeout, "timeout", 10*time.Second, "give up after this long (0: never)")
	o.filterFlags.add(cmd, true)
	return cmd
}

// runPath finds and prints the paths.
func runPath(ctx context.Context, a *App, o pathOptions) error {
	if o.K < 1 {
		return usagef("--k must be at least 1, got %d", o.K)
	}
	if o.MaxHops < 1 || o.MaxHops > maxPathHops {
		return usagef("--max-hops must be between 1 and %d, got %d", maxPathHops, o.MaxHops)
	}
	if o.Timeout < 0 {
		return usagef("--timeout must not be negative")
	}
	st, f, err := a.openFiltered(ctx, o.filterFlags)
	if err != nil {
		return err
	}
	defer st.Close()
	from, err := resolveActor(ctx, st, o.From)
	if err != nil {
		return err
	}
	to, err := resolveActor(ctx, st, o.To)
	if err != nil {
		return err
	}
	if from.ID == to.ID {
		return usagef("%q and %q are the same actor (%s)", o.From, o.To, from.ID)
	}

	sctx := ctx
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		sctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
	}
	paths, stats, err := graph.SearchPaths(sctx, storeFetch(st), from.ID, to.ID, o.K, o.MaxHops, o.Directed, f)
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("path: gave up after %v (--timeout), having read the relations of %d actors: try a lower --max-hops, a --relation or date filter, or a longer --timeout", o.Timeout, stats.Fetched)
		}
		return fmt.Errorf("path: %w", err)
	}

	names := newActorNames(st)
	names.cache[from.ID], names.cache[to.ID] = from, to
	if len(paths) == 0 {
		msg := fmt.Sprintf("No path from %s to %s within %s", from.Name, to.Name, plural(o.MaxHops, "hop", "hops"))
		if f.IncludeNegated || len(f.Relations) > 0 || !f.Since.IsZero() || !f.Until.IsZero() || o.Directed {
			msg += " under the given filters"
		}
		if a.JSON {
			a.infof("%s.", msg)
			return nil
		}
		_, err := fmt.Fprintf(a.Out, "%s.\n", msg)
		return err
	}
	articles := newArticleTitles(st)
	if a.JSON {
		out := newJSONLines(a.Out)
		for i, p := range paths {
			if err := out.put(pathToJSON(ctx, names, articles, i+1, p, f)); err != nil {
				return err
			}
		}
		return out.flush()
	}
	if isTerminal(a.Out) {
		return writePathsText(ctx, a, names, articles, paths, f)
	}
	t := a.newTable()
	for i, p := range paths {
		for j, h := range p.Hops {
			ex := hopExample(ctx, articles, h)
			first, last := summariesSpan(h.Summaries)
			t.row(fmt.Sprint(i+1), fmt.Sprint(j+1),
				names.get(ctx, h.From).Name, hopArrows(h), names.get(ctx, h.To).Name,
				dateRange(first, last), fmt.Sprint(hopEvidence(h, f)),
				ex.Sentence, ex.ArticleTitle, ex.ArticleDate.String())
		}
	}
	return t.flush()
}

// writePathsText prints paths for people: a heading per path naming its
// actors, then a line per hop, aligned within the path, with its evidence
// sentence and article under it.
func writePathsText(ctx context.Context, a *App, names *actorNames, articles *articleTitles, paths []graph.Path, f graph.Filter) error {
	w := bufio.NewWriter(a.Out)
	for i, p := range paths {
		var chain []string
		for _, id := range p.Actors() {
			chain = append(chain, names.get(ctx, id).Name)
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%d. %s  (%s)\n", i+1, strings.Join(chain, " → "), plural(len(p.Hops), "hop", "hops"))
		rows := make([][4]string, len(p.Hops))
		var width [3]int
		for j, h := range p.Hops {
			first, last := summariesSpan(h.Summaries)
			rows[j] = [4]string{names.get(ctx, h.From).Name, clip(hopArrowsBrief(h, 3), 60), names.get(ctx, h.To).Name,
				strings.TrimSpace(dateRange(first, last) + "  " + plural(hopEvidence(h, f), "evidence", "evidence"))}
			for c := range width {
				width[c] = max(width[c], utf8.RuneCountInString(rows[j][c]))
			}
		}
		for j, h := range p.Hops {
			r := rows[j]
			fmt.Fprintf(w, "   %s  %s  %s  %s\n", pad(r[0], width[0]), pad(r[1], width[1]), pad(r[2], width[2]), r[3])
			if ex := hopExample(ctx, articles, h); ex.Sentence != "" {
				fmt.Fprintf(w, "      “%s”\n", clip(cleanCell(ex.Sentence), 160))
				fmt.Fprintf(w, "       — %s\n", ex.source())
			}
		}
	}
	return w.Flush()
}

// pad fills s with spaces to n runes.
func pad(s string, n int) string {
	if k := n - utf8.RuneCountInString(s); k > 0 {
		return s + strings.Repeat(" ", k)
	}
	return s
}

// hopArrowsBrief renders at most n of a hop's relations, and how many more.
func hopArrowsBrief(h graph.Hop, n int) string {
	if len(h.Summaries) <= n {
		return hopArrows(h)
	}
	short := h
	short.Summaries = h.Summaries[:n]
	return fmt.Sprintf("%s (+%d more)", hopArrows(short), len(h.Summaries)-n)
}

// hopArrows renders the relations of a hop as walked, with the role of an
// affiliation: "--leads--> (President)", "--trade--, <--criticize--".
func hopArrows(h graph.Hop) string {
	parts := make([]string, len(h.Summaries))
	for i, s := range h.Summaries {
		parts[i] = relArrow(s, h.From)
		if s.Role != "" {
			parts[i] += " (" + s.Role + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// hopEvidence returns the pieces of evidence of a hop under f.
func hopEvidence(h graph.Hop, f graph.Filter) int {
	n := 0
	for _, s := range h.Summaries {
		n += s.Weight(f)
	}
	return n
}

// example is one evidence sentence with its article.
type example struct {
	Sentence     string
	Article      string
	ArticleTitle string
	ArticleDate  graph.Date
}

// source names the example's article: its title (else its id) and date.
func (e example) source() string {
	name := e.ArticleTitle
	if name == "" {
		name = e.Article
	}
	if !e.ArticleDate.IsZero() {
		name += ", " + e.ArticleDate.String()
	}
	return name
}

// hopExample returns the example sentence of the best evidenced summary of
// a hop that has one.
func hopExample(ctx context.Context, articles *articleTitles, h graph.Hop) example {
	for _, s := range h.Summaries {
		if s.Example.Sentence != "" {
			return summaryExample(ctx, articles, s)
		}
	}
	return example{}
}

// summaryExample returns a summary's example sentence with its article's
// title and date, reading the article when the summary lacks them.
func summaryExample(ctx context.Context, articles *articleTitles, s graph.Summary) example {
	ex := example{Sentence: s.Example.Sentence, Article: s.Example.Article, ArticleTitle: s.ExTitle, ArticleDate: s.ExDate}
	if ex.ArticleTitle == "" && ex.Article != "" {
		ex.ArticleTitle, ex.ArticleDate = articles.get(ctx, ex.Article)
	}
	return ex
}

// articleTitles looks articles up once each for their titles and dates.
type articleTitles struct {
	st    store.Store
	cache map[string]graph.Article
}

func newArticleTitles(st store.Store) *articleTitles {
	return &articleTitles{st: st, cache: map[string]graph.Article{}}
}

// get returns the title and date of article id; a missing article has none.
func (t *articleTitles) get(ctx context.Context, id string) (string, graph.Date) {
	a, ok := t.cache[id]
	if !ok {
		a, _ = t.st.Article(ctx, id)
		a.Text = "" // keep only what is printed
		t.cache[id] = a
	}
	return a.Title, a.Date
}

// actorJSON is an actor as JSON output names it.
type actorJSON struct {
	ID   string     `json:"id"`
	Name string     `json:"name"`
	Kind graph.Kind `json:"kind"`
}

// edgeJSON is a summary as JSON output shows it, walked from one of its ends.
type edgeJSON struct {
	Source       string     `json:"source"`
	SourceID     string     `json:"source_id"`
	Relation     string     `json:"relation"`
	Target       string     `json:"target"`
	TargetID     string     `json:"target_id"`
	Direction    string     `json:"direction"` // forward, backward or both (symmetric), as walked
	CAMEO        string     `json:"cameo,omitempty"`
	QuadClass    int        `json:"quad_class"`
	Goldstein    float64    `json:"goldstein"`
	Role         string     `json:"role,omitempty"`
	FirstDate    graph.Date `json:"first_date,omitzero"`
	LastDate     graph.Date `json:"last_date,omitzero"`
	Evidence     int        `json:"evidence"` // under the filter
	Asserted     int        `json:"asserted"`
	Intent       int        `json:"intent"`
	Negated      int        `json:"negated"`
	Sentence     string     `json:"sentence,omitempty"`
	Article      string     `json:"article,omitempty"`
	ArticleTitle string     `json:"article_title,omitempty"`
	ArticleDate  graph.Date `json:"article_date,omitzero"`
}

// summaryToJSON returns the JSON form of s walked from the actor from.
func summaryToJSON(ctx context.Context, names *actorNames, articles *articleTitles, s graph.Summary, from string, f graph.Filter) edgeJSON {
	r := s.Rel()
	ex := summaryExample(ctx, articles, s)
	return edgeJSON{
		Source: names.get(ctx, s.Source).Name, SourceID: s.Source,
		Relation: s.Relation,
		Target:   names.get(ctx, s.Target).Name, TargetID: s.Target,
		Direction: walkDirection(s, from),
		CAMEO:     r.CAMEO, QuadClass: int(r.Quad), Goldstein: r.Goldstein, Role: s.Role,
		FirstDate: s.First, LastDate: s.Last,
		Evidence: s.Weight(f), Asserted: s.Asserted, Intent: s.Intent, Negated: s.Negated,
		Sentence: ex.Sentence, Article: ex.Article, ArticleTitle: ex.ArticleTitle, ArticleDate: ex.ArticleDate,
	}
}

// pathJSON is one path in JSON output.
type pathJSON struct {
	Path   int         `json:"path"`
	Hops   int         `json:"hops"`
	Cost   float64     `json:"cost"`
	Actors []actorJSON `json:"actors"`
	Steps  []stepJSON  `json:"steps"`
}

// stepJSON is one hop of a path in JSON output.
type stepJSON struct {
	From   string     `json:"from"`
	FromID string     `json:"from_id"`
	To     string     `json:"to"`
	ToID   string     `json:"to_id"`
	Edges  []edgeJSON `json:"edges"`
}

func pathToJSON(ctx context.Context, names *actorNames, articles *articleTitles, rank int, p graph.Path, f graph.Filter) pathJSON {
	out := pathJSON{Path: rank, Hops: len(p.Hops), Cost: p.Cost}
	for _, id := range p.Actors() {
		a := names.get(ctx, id)
		out.Actors = append(out.Actors, actorJSON{a.ID, a.Name, a.Kind})
	}
	for _, h := range p.Hops {
		step := stepJSON{From: names.get(ctx, h.From).Name, FromID: h.From, To: names.get(ctx, h.To).Name, ToID: h.To}
		for _, s := range h.Summaries {
			step.Edges = append(step.Edges, summaryToJSON(ctx, names, articles, s, h.From, f))
		}
		out.Steps = append(out.Steps, step)
	}
	return out
}
