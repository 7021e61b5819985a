package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Modality says whether an event happened, is intended, or is denied.
type Modality string

// The modalities of the ontology.
const (
	Asserted Modality = "asserted" // it happened
	Intent   Modality = "intent"   // will, would, plans to, pledged to
	Negated  Modality = "negated"  // did not, refused to, denied
)

// ParseModality parses a modality name; "" is Asserted.
func ParseModality(s string) (Modality, error) {
	switch m := Modality(s); m {
	case Asserted, Intent, Negated:
		return m, nil
	case "":
		return Asserted, nil
	}
	return "", fmt.Errorf("unknown modality %q (known: asserted, intent, negated)", s)
}

// Evidence is the place in an article that states an event.
type Evidence struct {
	Article  string `json:"article"`  // article id
	Sentence string `json:"sentence"` // the sentence as written
	Offset   int    `json:"offset"`   // byte offset of the sentence in the article text
}

// Event is one edge of the graph as extracted: a relation between two actors
// on a date, with its evidence. Affiliation edges (leads, official_of, ...) are
// events too, with Role holding the title as written.
type Event struct {
	Source     string     `json:"source_id"`
	Target     string     `json:"target_id"`
	Relation   string     `json:"relation"`
	Date       Date       `json:"date"`
	Modality   Modality   `json:"modality"`
	Location   string     `json:"location,omitempty"`
	Role       string     `json:"role,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Key returns the identity of the event: the same (source, relation, target,
// date, modality) is one event, whatever the evidence. A symmetric relation
// is keyed with its ends in order, so that A meet B and B meet A are one.
func (e Event) Key() string {
	s, t := e.Source, e.Target
	if r, ok := LookupRelation(e.Relation); ok && r.Symmetric && t < s {
		s, t = t, s
	}
	return strings.Join([]string{s, e.Relation, t, e.Date.String(), string(e.Modality)}, "\x00")
}

// ID returns a stable id for the event, derived from its key.
func (e Event) ID() string {
	sum := sha256.Sum256([]byte(e.Key()))
	return hex.EncodeToString(sum[:12])
}

// Canonical returns e with a symmetric relation's ends in id order, the form
// in which the store keeps it.
func (e Event) Canonical() Event {
	if r, ok := LookupRelation(e.Relation); ok && r.Symmetric && e.Target < e.Source {
		e.Source, e.Target = e.Target, e.Source
	}
	return e
}

// Article is one input document.
type Article struct {
	ID     string            `json:"id"`               // the input's id, else the file name without extension
	Hash   string            `json:"hash"`             // content hash (hex SHA-256 of the text)
	Title  string            `json:"title,omitempty"`  //
	Date   Date              `json:"date"`             // publication date, when known
	URL    string            `json:"url,omitempty"`    //
	Origin string            `json:"origin,omitempty"` // the file (and line) it was read from
	Text   string            `json:"text"`             // the body text, paragraphs separated by blank lines
	Meta   map[string]string `json:"meta,omitempty"`   // other header fields
}

// ContentHash returns the hex SHA-256 of an article's identifying content.
func ContentHash(title, date, text string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(date))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil))
}
