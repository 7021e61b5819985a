package graph

import (
	"fmt"
	"sort"
	"strings"
)

// QuadClass is the CAMEO quad class of a relation: 1 verbal cooperation,
// 2 material cooperation, 3 verbal conflict, 4 material conflict; 0 for
// affiliation edges, which are not events.
type QuadClass int

// The quad classes.
const (
	QuadNone QuadClass = iota
	QuadVerbalCooperation
	QuadMaterialCooperation
	QuadVerbalConflict
	QuadMaterialConflict
)

// String returns the quad class's name.
func (q QuadClass) String() string {
	switch q {
	case QuadVerbalCooperation:
		return "verbal cooperation"
	case QuadMaterialCooperation:
		return "material cooperation"
	case QuadVerbalConflict:
		return "verbal conflict"
	case QuadMaterialConflict:
		return "material conflict"
	}
	return "affiliation"
}

// Relation is one row of the relation vocabulary.
type Relation struct {
	Name        string    // the type as it appears in JSON and on the command line
	Meaning     string    // one line for people
	CAMEO       string    // CAMEO event code; empty for affiliations
	Quad        QuadClass // CAMEO quad class; QuadNone for affiliations
	Goldstein   float64   // Goldstein cooperation/conflict score
	Symmetric   bool      // A rel B is B rel A: stored once, matched either way
	Affiliation bool      // an affiliation edge (leads, official_of, ...), not an event
}

// The relation names, so that code does not spell them as strings.
const (
	Meet                = "meet"
	Call                = "call"
	Visit               = "visit"
	Host                = "host"
	Invite              = "invite"
	Negotiate           = "negotiate"
	Appeal              = "appeal"
	Support             = "support"
	Praise              = "praise"
	Cooperate           = "cooperate"
	SignAgreement       = "sign_agreement"
	Trade               = "trade"
	MilitaryCooperation = "military_cooperation"
	Aid                 = "aid"
	Demand              = "demand"
	Criticize           = "criticize"
	Accuse              = "accuse"
	Reject              = "reject"
	Threaten            = "threaten"
	ReduceRelations     = "reduce_relations"
	Sanction            = "sanction"
	Attack              = "attack"

	Leads          = "leads"
	OfficialOf     = "official_of"
	MemberOf       = "member_of"
	AffiliatedWith = "affiliated_with"
)

// relations is THE table: every row of the ontology, in its order. Everything
// that needs a relation's code, class, score or symmetry reads it from here.
var relations = []Relation{
	{Meet, "met, held talks, consulted", "040", QuadVerbalCooperation, 1.0, true, false},
	{Call, "spoke by telephone or video", "041", QuadVerbalCooperation, 1.0, true, false},
	{Visit, "source travelled to target", "042", QuadVerbalCooperation, 1.9, false, false},
	{Host, "source received target as a visitor", "043", QuadVerbalCooperation, 2.8, false, false},
	{Invite, "source invited target", "036", QuadVerbalCooperation, 4.0, false, false},
	{Negotiate, "engaged in negotiations", "046", QuadVerbalCooperation, 7.0, true, false},
	{Appeal, "called on, urged, asked target to act", "020", QuadVerbalCooperation, 3.0, false, false},
	{Support, "backed, endorsed, offered support to", "051", QuadVerbalCooperation, 3.4, false, false},
	{Praise, "praised, hailed", "051", QuadVerbalCooperation, 3.4, false, false},
	{Cooperate, "diplomatic or strategic cooperation, partnership", "050", QuadVerbalCooperation, 3.5, true, false},
	{SignAgreement, "signed or concluded a formal agreement", "057", QuadVerbalCooperation, 8.0, true, false},
	{Trade, "trade, energy supply, investment, economic cooperation", "061", QuadMaterialCooperation, 6.4, true, false},
	{MilitaryCooperation, "arms sales, joint exercises, military cooperation", "062", QuadMaterialCooperation, 7.4, true, false},
	{Aid, "provided economic, military or humanitarian aid", "070", QuadMaterialCooperation, 7.0, false, false},
	{Demand, "demanded", "100", QuadVerbalConflict, -5.0, false, false},
	{Criticize, "criticized, condemned, denounced", "111", QuadVerbalConflict, -2.0, false, false},
	{Accuse, "accused", "112", QuadVerbalConflict, -2.0, false, false},
	{Reject, "rejected, refused", "120", QuadVerbalConflict, -4.0, false, false},
	{Threaten, "threatened", "130", QuadVerbalConflict, -4.4, false, false},
	{ReduceRelations, "cut or downgraded ties, recalled or expelled diplomats", "161", QuadMaterialConflict, -4.0, false, false},
	{Sanction, "imposed sanctions, embargo, tariffs, boycott", "163", QuadMaterialConflict, -8.0, false, false},
	{Attack, "used military force against, invaded, occupied", "190", QuadMaterialConflict, -10.0, false, false},

	{Leads, "head of state or government of", "", QuadNone, 0, false, true},
	{OfficialOf, "minister, deputy, envoy or official of", "", QuadNone, 0, false, true},
	{MemberOf, "a country in an organization or bloc", "", QuadNone, 0, false, true},
	{AffiliatedWith, "person works for an organization", "", QuadNone, 0, false, true},
}

var relationIndex = func() map[string]int {
	m := make(map[string]int, len(relations))
	for i, r := range relations {
		m[r.Name] = i
	}
	return m
}()

// Relations returns every relation in the ontology's order. The slice is a copy.
func Relations() []Relation { return append([]Relation(nil), relations...) }

// LookupRelation returns the relation called name.
func LookupRelation(name string) (Relation, bool) {
	i, ok := relationIndex[name]
	if !ok {
		return Relation{}, false
	}
	return relations[i], true
}

// MustRelation returns the relation called name and panics when there is none;
// for names that are constants of this package.
func MustRelation(name string) Relation {
	r, ok := LookupRelation(name)
	if !ok {
		panic("graph: unknown relation " + name)
	}
	return r
}

// RelationNames returns the names of all relations, sorted.
func RelationNames() []string {
	names := make([]string, len(relations))
	for i, r := range relations {
		names[i] = r.Name
	}
	sort.Strings(names)
	return names
}

// ParseRelations parses a comma-separated list of relation names (as given to
// --relation) into a set. An empty list is the empty set, meaning "all".
func ParseRelations(list []string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, item := range list {
		for _, name := range strings.Split(item, ",") {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			if _, ok := relationIndex[name]; !ok {
				return nil, fmt.Errorf("unknown relation %q (known: %s)", name, strings.Join(RelationNames(), ", "))
			}
			set[name] = true
		}
	}
	return set, nil
}
