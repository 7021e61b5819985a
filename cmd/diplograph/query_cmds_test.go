package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// column returns field i of each line of plain output.
func column(out string, i int) []string {
	var col []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if i < len(f) {
			col = append(col, f[i])
		} else {
			col = append(col, "")
		}
	}
	return col
}

func TestNeighborsCommand(t *testing.T) {
	dir := queryStore(t)
	tests := []struct {
		args []string
		want string // "depth:id" of each line
	}{
		{[]string{"Russia"}, "1:country/CHN 1:country/UKR 1:person/mikhail-mishustin"},
		{[]string{"Russia", "--depth", "2"}, "1:country/CHN 1:country/UKR 1:person/mikhail-mishustin 2:person/xi-jinping 2:country/USA"},
		{[]string{"Russia", "--direction", "out"}, "1:country/CHN 1:country/UKR"},
		{[]string{"Russia", "--direction", "in"}, "1:country/CHN 1:person/mikhail-mishustin"},
		{[]string{"Russia", "--direction", "in", "--include-negated"}, "1:country/CHN 1:person/mikhail-mishustin"},
		{[]string{"Russia", "--relation", "attack"}, "1:country/UKR"},
		{[]string{"Russia", "--since", "2023"}, "1:country/CHN 1:person/mikhail-mishustin"},
		{[]string{"Xi", "--depth", "3", "--limit", "2"}, "1:person/mikhail-mishustin 1:country/CHN"},
		{[]string{"Ukraine", "--relation", "meet"}, ""},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errs := runQuery(t, dir, append([]string{"neighbors"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("neighbors %v: exit %d: %s", tc.args, code, errs)
			}
			var got []string
			depths, ids := column(out, 0), column(out, 3)
			for i := range ids {
				got = append(got, depths[i]+":"+ids[i])
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("neighbors %v = %s, want %s", tc.args, g, tc.want)
			}
		})
	}
	// The evidence and relations of a neighbour, and negated evidence counted on request.
	_, out, _ := runQuery(t, dir, "neighbors", "China", "--relation", "support,trade", "--include-negated")
	if got := strings.Join(strings.Split(strings.TrimSpace(out), "\t")[4:6], "|"); got != "2|--support--> 1, --trade-- 1" {
		t.Errorf("neighbors China --include-negated: evidence and relations %q, want %q", got, "2|--support--> 1, --trade-- 1")
	}
	code, out, errs := runQuery(t, dir, "--json", "neighbors", "Ukraine", "--depth", "2")
	if code != 0 {
		t.Fatalf("neighbors --json: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var first neighborJSON
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatalf("neighbors --json line %q: %v", lines[0], err)
	}
	if first.ID != "country/RUS" || first.Depth != 1 || len(first.Edges) != 1 || first.Edges[0].Direction != "backward" || first.Edges[0].Relation != "attack" {
		t.Errorf("neighbors Ukraine --json first line = %+v", first)
	}
	if len(lines) != 4 {
		t.Errorf("neighbors Ukraine --depth 2 --json printed %d lines, want 4 (Russia, United States, China, Mishustin)", len(lines))
	}
}

func TestEntityCommand(t *testing.T) {
	dir := queryStore(t)
	code, out, errs := runQuery(t, dir, "entity", "Xi")
	if code != 0 {
		t.Fatalf("entity Xi: exit %d: %s", code, errs)
	}
	for _, want := range []string{"Xi Jinping", "person/xi-jinping", "aliases  Xi, Chinese President Xi Jinping", "--leads-->  China  (President)",
		"Xi Jinping --meet-- Mikhail Mishustin", "Recent events", "Xi Meets Russian PM Mishustin, 2023-05-24"} {
		if !strings.Contains(out, want) {
			t.Errorf("entity Xi lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = runQuery(t, dir, "--json", "entity", "Russia")
	if code != 0 {
		t.Fatalf("entity --json: exit %d: %s", code, errs)
	}
	var e entityJSON
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatalf("entity --json %q: %v", out, err)
	}
	if e.ID != "country/RUS" || e.Kind != "country" || e.Degree != 3 || e.FirstDate.String() != "2022-02-24" || e.LastDate.String() != "2023-05-24" { // the denied support counts for dates, as in entities
		t.Errorf("entity Russia: id %s kind %s degree %d dates %s..%s", e.ID, e.Kind, e.Degree, e.FirstDate, e.LastDate)
	}
	if len(e.Affiliations) != 1 || e.Affiliations[0].SourceID != "person/mikhail-mishustin" || e.Affiliations[0].Role != "Prime Minister" || e.Affiliations[0].Direction != "backward" {
		t.Errorf("entity Russia affiliations = %+v, want Mishustin leads it as Prime Minister", e.Affiliations)
	}
	counts := map[string]relationCountRow{}
	for _, r := range e.Relations {
		counts[r.Relation] = r
	}
	if c := counts["attack"]; c.Out != 1 || c.In != 0 || c.Actors != 1 {
		t.Errorf("entity Russia attack counts = %+v, want out 1", c)
	}
	if c := counts["support"]; c.In != 0 || c.Negated != 1 {
		t.Errorf("entity Russia support counts = %+v, want negated 1 only", c)
	}
	if c := counts["trade"]; c.Mutual != 1 {
		t.Errorf("entity Russia trade counts = %+v, want mutual 1", c)
	}
	if len(e.RecentEvents) == 0 || e.RecentEvents[0].Date.String() != "2023-05" || e.RecentEvents[0].SourceID != "country/RUS" {
		t.Errorf("entity Russia recent events = %+v, want the trade of 2023-05 first, read from Russia", e.RecentEvents)
	}
}

func TestEntitiesCommand(t *testing.T) {
	dir := queryStore(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--limit", "2"}, "country/CHN country/RUS"},
		{[]string{"--kind", "person"}, "person/mikhail-mishustin person/xi-jinping person/zoe-muller"},
		{[]string{"--match", "korea"}, "country/PRK country/KOR"},
		{[]string{"--match", "MULLER"}, "person/zoe-muller"},
		{[]string{"--match", "nothing-like-it"}, ""},
	}
	for _, tc := range tests {
		code, out, errs := runQuery(t, dir, append([]string{"entities"}, tc.args...)...)
		if code != 0 {
			t.Fatalf("entities %v: exit %d: %s", tc.args, code, errs)
		}
		if got := strings.Join(column(out, 0), " "); got != tc.want {
			t.Errorf("entities %v = %s, want %s", tc.args, got, tc.want)
		}
	}
	_, out, _ := runQuery(t, dir, "--json", "entities", "--kind", "org")
	var info struct {
		ID       string   `json:"id"`
		Aliases  []string `json:"aliases"`
		Degree   int      `json:"degree"`
		Evidence int      `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(out), &info); err != nil || info.ID != "org/opec" || info.Degree != 1 || info.Evidence != 1 {
		t.Errorf("entities --json --kind org = %q (%v), want OPEC with degree 1, evidence 1", out, err)
	}
}

func TestEventsCommand(t *testing.T) {
	dir := queryStore(t)
	tests := []struct {
		args []string
		want string // date:source>relation>target of each line
	}{
		{[]string{"--limit", "3"}, "2023-05-24:Mikhail Mishustin>meet>Xi Jinping 2023-05:China>trade>Russia 2022-03-01:United States>aid>Ukraine"},
		{[]string{"--from", "Xi"}, "2023-05-24:Xi Jinping>meet>Mikhail Mishustin :Xi Jinping>leads>China"},
		{[]string{"--to", "Xi"}, "2023-05-24:Mikhail Mishustin>meet>Xi Jinping"},
		{[]string{"--from", "China", "--to", "Russia"}, "2023-05:China>trade>Russia"},
		{[]string{"--from", "China", "--to", "Russia", "--include-negated"}, "2023-05-24:China>support>Russia 2023-05:China>trade>Russia"},
		{[]string{"--from", "Washington", "--relation", "aid"}, "2022-03-01:United States>aid>Ukraine"},
		{[]string{"--since", "2022-03", "--until", "2022-03"}, "2022-03-01:United States>aid>Ukraine 2022-03-01:United States>criticize>China"},
		{[]string{"--to", "Ukraine", "--until", "1990"}, ""},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errs := runQuery(t, dir, append([]string{"events"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("events %v: exit %d: %s", tc.args, code, errs)
			}
			var got []string
			d, s, r, g := column(out, 0), column(out, 1), column(out, 2), column(out, 3)
			for i := range d {
				got = append(got, d[i]+":"+s[i]+">"+r[i]+">"+g[i])
			}
			if j := strings.Join(got, " "); j != tc.want {
				t.Errorf("events %v =\n  %s\nwant\n  %s", tc.args, j, tc.want)
			}
		})
	}
	code, out, errs := runQuery(t, dir, "--json", "events", "--from", "Xi", "--relation", "meet")
	if code != 0 {
		t.Fatalf("events --json: exit %d: %s", code, errs)
	}
	var e eventJSON
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatalf("events --json %q: %v", out, err)
	}
	if e.SourceID != "person/xi-jinping" || e.Relation != "meet" || e.CAMEO != "040" || e.QuadClass != 1 || e.Goldstein != 1 ||
		len(e.Evidence) != 2 || e.Evidence[0].ArticleTitle != "Xi Meets Russian PM Mishustin" || e.Article != "seed-moscowtimes-2023-05-24" || e.Sentence == "" ||
		e.SourceCC != "CHN" || e.TargetCC != "RUS" {
		t.Errorf("events --json = %+v", e)
	}
	// Unknown and ambiguous names are errors, exit 2.
	for _, name := range []string{"Korea", "Narnia"} {
		if code, _, errs := runQuery(t, dir, "events", "--from", name); code != 2 || errs == "" {
			t.Errorf("events --from %s: exit %d, stderr %q; want exit 2 with a message", name, code, errs)
		}
	}
}
