package graph

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// ontologyRows is the relation table of the ontology, row by row, as the
// project's contract writes it.
var ontologyRows = []struct {
	name      string
	cameo     string
	quad      QuadClass
	goldstein float64
	sym       bool
	aff       bool
}{
	{"meet", "040", 1, 1.0, true, false},
	{"call", "041", 1, 1.0, true, false},
	{"visit", "042", 1, 1.9, false, false},
	{"host", "043", 1, 2.8, false, false},
	{"invite", "036", 1, 4.0, false, false},
	{"negotiate", "046", 1, 7.0, true, false},
	{"appeal", "020", 1, 3.0, false, false},
	{"support", "051", 1, 3.4, false, false},
	{"praise", "051", 1, 3.4, false, false},
	{"cooperate", "050", 1, 3.5, true, false},
	{"sign_agreement", "057", 1, 8.0, true, false},
	{"trade", "061", 2, 6.4, true, false},
	{"military_cooperation", "062", 2, 7.4, true, false},
	{"aid", "070", 2, 7.0, false, false},
	{"demand", "100", 3, -5.0, false, false},
	{"criticize", "111", 3, -2.0, false, false},
	{"accuse", "112", 3, -2.0, false, false},
	{"reject", "120", 3, -4.0, false, false},
	{"threaten", "130", 3, -4.4, false, false},
	{"reduce_relations", "161", 4, -4.0, false, false},
	{"sanction", "163", 4, -8.0, false, false},
	{"attack", "190", 4, -10.0, false, false},
	{"leads", "", 0, 0, false, true},
	{"official_of", "", 0, 0, false, true},
	{"member_of", "", 0, 0, false, true},
	{"affiliated_with", "", 0, 0, false, true},
}

func TestRelationTable(t *testing.T) {
	if got := len(Relations()); got != len(ontologyRows) {
		t.Fatalf("len(Relations()) = %d, want %d", got, len(ontologyRows))
	}
	for i, want := range ontologyRows {
		r, ok := LookupRelation(want.name)
		if !ok {
			t.Errorf("LookupRelation(%q) found nothing", want.name)
			continue
		}
		if r.CAMEO != want.cameo || r.Quad != want.quad || r.Goldstein != want.goldstein || r.Symmetric != want.sym || r.Affiliation != want.aff {
			t.Errorf("LookupRelation(%q) = %+v, want cameo %s quad %d goldstein %v sym %v affiliation %v", want.name, r, want.cameo, want.quad, want.goldstein, want.sym, want.aff)
		}
		if Relations()[i].Name != want.name {
			t.Errorf("Relations()[%d] = %q, want %q (the ontology's order)", i, Relations()[i].Name, want.name)
		}
	}
	if _, ok := LookupRelation("befriend"); ok {
		t.Error(`LookupRelation("befriend") found a relation`)
	}
}

func TestParseRelations(t *testing.T) {
	set, err := ParseRelations([]string{"meet, trade", "attack"})
	if err != nil || len(set) != 3 || !set["meet"] || !set["trade"] || !set["attack"] {
		t.Errorf(`ParseRelations("meet, trade", "attack") = %v, %v`, set, err)
	}
	if _, err := ParseRelations([]string{"meet,befriend"}); err == nil || !strings.Contains(err.Error(), "befriend") {
		t.Errorf(`ParseRelations("meet,befriend") error = %v, want one naming befriend`, err)
	}
	if set, err := ParseRelations(nil); err != nil || len(set) != 0 {
		t.Errorf("ParseRelations(nil) = %v, %v, want the empty set", set, err)
	}
}

// relationTableRows parses the rows of a Markdown relation table
// (| `name` | meaning | CAMEO | quad | Goldstein | sym | ... |).
func relationTableRows(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	defer f.Close()
	rows := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) >= 6 {
			rows[strings.Trim(cells[0], "`")] = cells
		}
	}
	return rows
}

// checkTable compares a document's relation table with the code's.
func checkTable(t *testing.T, path string) {
	rows := relationTableRows(t, path)
	for _, r := range Relations() {
		if r.Affiliation {
			continue
		}
		cells, ok := rows[r.Name]
		if !ok {
			t.Errorf("%s has no row for %s", path, r.Name)
			continue
		}
		quad, _ := strconv.Atoi(cells[3])
		gold, _ := strconv.ParseFloat(cells[4], 64)
		if cells[2] != r.CAMEO || QuadClass(quad) != r.Quad || gold != r.Goldstein || (cells[5] == "yes") != r.Symmetric {
			t.Errorf("%s row %s = %q, the code has cameo %s quad %d goldstein %v sym %v", path, r.Name, cells, r.CAMEO, r.Quad, r.Goldstein, r.Symmetric)
		}
	}
}

// TestDocsRelationTable keeps docs/ontology.md true to the code.
func TestDocsRelationTable(t *testing.T) { checkTable(t, filepath.Join("..", "docs", "ontology.md")) }

// TestSharedOntology checks the code against the contract beside the
// repository, when it is there.
func TestSharedOntology(t *testing.T) {
	checkTable(t, filepath.Join("..", "..", "shared", "ONTOLOGY.md"))
}
