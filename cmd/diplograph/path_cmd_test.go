package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
)

// pathChains returns, from path's plain output, each path as its actors
// joined by " > " and its relations: "Xi Jinping --meet-- Mikhail Mishustin
// --leads--> (Prime Minister) Russia".
func pathChains(t *testing.T, out string) []string {
	t.Helper()
	var chains []string
	last := ""
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			t.Fatalf("path line %q has %d fields, want 10", line, len(f))
		}
		if f[0] != last {
			chains = append(chains, f[2])
			last = f[0]
		}
		chains[len(chains)-1] += " " + f[3] + " " + f[4]
	}
	return chains
}

func TestPathCommand(t *testing.T) {
	dir := queryStore(t)
	viaMishustin := "Xi Jinping --meet-- Mikhail Mishustin --leads--> (Prime Minister) Russia --attack--> Ukraine"
	viaChina := "Xi Jinping --leads--> (President) China --trade-- Russia --attack--> Ukraine"
	viaUS := "Xi Jinping --leads--> (President) China <--criticize-- United States --aid--> Ukraine"
	tests := []struct {
		name string
		args []string
		want []string // the paths in order; nil: no path
	}{
		{"through affiliations, best evidenced first", []string{"Xi", "Ukraine"}, []string{viaMishustin, viaChina, viaUS}},
		{"by id and alias", []string{"person/xi-jinping", "Kyiv", "--k", "1"}, []string{viaMishustin}},
		{"relation filter", []string{"Xi", "Ukraine", "--relation", "meet,leads", "--relation", "attack"}, []string{viaMishustin}},
		{"date filter", []string{"Xi", "Ukraine", "--since", "2022-01", "--until", "2022-12-31"}, []string{viaUS}},
		{"directed", []string{"Xi", "Ukraine", "--directed"}, []string{viaMishustin, viaChina}},
		{"directed against the edges", []string{"Ukraine", "Xi", "--directed"}, nil},
		{"undirected against the edges", []string{"Ukraine", "Xi", "--k", "1"},
			[]string{"Ukraine <--attack-- Russia <--leads-- (Prime Minister) Mikhail Mishustin --meet-- Xi Jinping"}},
		{"hop bound", []string{"Xi", "Ukraine", "--max-hops", "2"}, nil},
		{"negated events carry no path", []string{"China", "Russia", "--relation", "support"}, nil},
		{"negated events on request", []string{"China", "Russia", "--relation", "support", "--include-negated"}, []string{"China --support--> Russia"}},
		{"no path between components", []string{"Xi", "OPEC"}, nil},
		{"accents folded", []string{"Zoe Muller", "opec"}, []string{"Zoë Müller --meet-- OPEC"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runQuery(t, dir, append([]string{"path"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("path %v: exit %d; stderr: %s", tc.args, code, errs)
			}
			if tc.want == nil {
				if !strings.HasPrefix(out, "No path from ") {
					t.Errorf("path %v = %q, want a 'No path' message", tc.args, out)
				}
				return
			}
			got := pathChains(t, out)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("path %v =\n  %s\nwant\n  %s", tc.args, strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestPathEvidence(t *testing.T) {
	dir := queryStore(t)
	_, out, _ := runQuery(t, dir, "path", "Russia", "Ukraine", "--k", "1")
	f := strings.Split(strings.TrimSpace(out), "\t")
	want := []string{"1", "1", "Russia", "--attack-->", "Ukraine", "2022-02-24", "1", "Russia invaded Ukraine last year.", "Xi Meets Russian PM Mishustin", "2023-05-24"}
	if strings.Join(f, "|") != strings.Join(want, "|") {
		t.Errorf("path Russia Ukraine = %q, want %q", f, want)
	}
}

func TestPathJSON(t *testing.T) {
	dir := queryStore(t)
	code, out, errs := runQuery(t, dir, "--json", "path", "Xi", "Ukraine", "--k", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("path --json printed %d lines, want 2:\n%s", len(lines), out)
	}
	var p pathJSON
	if err := json.Unmarshal([]byte(lines[0]), &p); err != nil {
		t.Fatalf("path --json line %q: %v", lines[0], err)
	}
	var ids []string
	for _, a := range p.Actors {
		ids = append(ids, a.ID)
	}
	if got, want := strings.Join(ids, " "), "person/xi-jinping person/mikhail-mishustin country/RUS country/UKR"; got != want || p.Path != 1 || p.Hops != 3 {
		t.Errorf("first path: rank %d, %d hops, actors %s; want rank 1, 3 hops, %s", p.Path, p.Hops, got, want)
	}
	e := p.Steps[2].Edges[0]
	if e.SourceID != "country/RUS" || e.Relation != "attack" || e.TargetID != "country/UKR" || e.Direction != "forward" ||
		e.CAMEO != "190" || e.QuadClass != 4 || e.Goldstein != -10 || e.Sentence == "" || e.ArticleTitle != "Xi Meets Russian PM Mishustin" {
		t.Errorf("last hop edge = %+v", e)
	}
	// Raw field names are those of ONTOLOGY.md.
	var raw map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &raw); err != nil {
		t.Fatal(err)
	}
	edge := raw["steps"].([]any)[0].(map[string]any)["edges"].([]any)[0].(map[string]any)
	for _, k := range []string{"source", "source_id", "relation", "target", "target_id", "cameo", "quad_class", "goldstein", "evidence", "sentence", "article"} {
		if _, ok := edge[k]; !ok && !(k == "cameo" && edge["relation"] == "leads") {
			t.Errorf("path --json edge lacks %q: %v", k, edge)
		}
	}
	// No path prints nothing on stdout and says so on stderr.
	code, out, errs = runQuery(t, dir, "--json", "path", "Xi", "OPEC")
	if code != 0 || out != "" || !strings.Contains(errs, "No path") {
		t.Errorf("path --json with no path: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestPathTimeout(t *testing.T) {
	dir := queryStore(t)
	code, _, errs := runQuery(t, dir, "path", "Xi", "Ukraine", "--timeout", "1ns")
	// The search may win the race on so small a graph; when it loses, the
	// message must say what to do.
	if code != 0 && !strings.Contains(errs, "--timeout") {
		t.Errorf("path --timeout 1ns: exit %d, stderr %q; want success or a message naming --timeout", code, errs)
	}
}

func TestPathText(t *testing.T) {
	dir := queryStore(t)
	st, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	paths, _, err := graph.SearchPaths(ctx, storeFetch(st), "person/xi-jinping", "country/UKR", 1, 4, false, graph.Filter{})
	if err != nil || len(paths) != 1 {
		t.Fatalf("SearchPaths: %d paths, %v", len(paths), err)
	}
	var out bytes.Buffer
	a := newApp(strings.NewReader(""), &out, &out)
	if err := writePathsText(ctx, a, newActorNames(st), newArticleTitles(st), paths, graph.Filter{}); err != nil {
		t.Fatal(err)
	}
	want := `1. Xi Jinping → Mikhail Mishustin → Russia → Ukraine  (3 hops)
   Xi Jinping         --meet--                     Mikhail Mishustin  2023-05-24  2 evidence
      “Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday.”
       — Xi Meets Russian PM Mishustin, 2023-05-24
   Mikhail Mishustin  --leads--> (Prime Minister)  Russia             1 evidence
      “Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin in Beijing on Wednesday.”
       — Xi Meets Russian PM Mishustin, 2023-05-24
   Russia             --attack-->                  Ukraine            2022-02-24  1 evidence
      “Russia invaded Ukraine last year.”
       — Xi Meets Russian PM Mishustin, 2023-05-24
`
	if out.String() != want {
		t.Errorf("writePathsText =\n%s\nwant\n%s", out.String(), want)
	}
}
