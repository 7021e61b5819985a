package graph

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Kind is the kind of an actor.
type Kind string

// The actor kinds of the ontology.
const (
	Country      Kind = "country"
	Person       Kind = "person"
	Organization Kind = "organization"
	Bloc         Kind = "bloc"
)

// Kinds lists the actor kinds.
func Kinds() []Kind { return []Kind{Country, Person, Organization, Bloc} }

// ParseKind parses an actor kind as written on the command line.
func ParseKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(strings.TrimSpace(s))); k {
	case Country, Person, Organization, Bloc:
		return k, nil
	case "org":
		return Organization, nil
	}
	return "", fmt.Errorf("unknown actor kind %q (known: country, person, organization, bloc)", s)
}

// idPrefix is the id prefix of each kind.
func (k Kind) idPrefix() string {
	switch k {
	case Country:
		return "country/"
	case Person:
		return "person/"
	case Organization:
		return "org/"
	case Bloc:
		return "bloc/"
	}
	return ""
}

// Actor is a node of the graph: a country, person, organization or bloc.
type Actor struct {
	ID      string   `json:"id"`                // "country/CHN", "person/xi-jinping", "org/nato", "bloc/the-west"
	Name    string   `json:"name"`              // canonical name
	Kind    Kind     `json:"kind"`              // country, person, organization, bloc
	Aliases []string `json:"aliases,omitempty"` // names seen or known for it, canonical name excluded
	Country string   `json:"country,omitempty"` // ISO 3166-1 alpha-3 of a country actor itself
}

// ActorID returns the id of an actor of kind k: for countries key is the
// ISO 3166-1 alpha-3 code, for the other kinds the canonical name (slugged).
func ActorID(k Kind, key string) string {
	if k == Country {
		return k.idPrefix() + strings.ToUpper(strings.TrimSpace(key))
	}
	return k.idPrefix() + Slug(key)
}

// KindOfID returns the kind that an id's prefix names.
func KindOfID(id string) (Kind, bool) {
	for _, k := range Kinds() {
		if strings.HasPrefix(id, k.idPrefix()) {
			return k, true
		}
	}
	return "", false
}

// Slug turns a name into the lower-case, hyphen-separated, ASCII-folded form
// used in ids: "Xi Jinping" -> "xi-jinping", "Brookings Institution" ->
// "brookings-institution", "Zoë Müller" -> "zoe-muller". Letters of other
// scripts are kept.
func Slug(name string) string { return fold(name, '-') }

// NormName folds a name for lookup: accents removed, case folded,
// apostrophes and dots dropped, other punctuation as spaces, a leading "the"
// removed. It is the folding the reference scorer applies to Latin names.
func NormName(name string) string { return strings.TrimPrefix(fold(name, ' '), "the ") }

// fold lower-cases name, drops accents, apostrophes and dots, and joins the
// runs of letters and digits with sep.
func fold(name string, sep byte) string {
	var b strings.Builder
	pending := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '\u2019' || r == '.':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pending && b.Len() > 0 {
				b.WriteByte(sep)
			}
			pending = false
			b.WriteRune(unicode.ToLower(r))
		default:
			pending = true
		}
	}
	return b.String()
}
