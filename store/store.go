package store

import (
	"context"
	"errors"

	"github.com/diplograph/diplograph/graph"
)

// Errors returned by stores.
var (
	// ErrLocked is returned by Open when another process holds the store folder.
	ErrLocked = errors.New("store is locked by another diplograph process")
	// ErrNotFound is returned when an article or actor is not in the store.
	ErrNotFound = errors.New("not found")
	// ErrReadOnly is returned by writes to a store opened read-only.
	ErrReadOnly = errors.New("store is open read-only")
	// ErrTooBig is returned by PutArticle when one article, with its events
	// and indexes, is too big for one transaction; nothing of it is stored.
	ErrTooBig = errors.New("too big to store in one transaction")
)

// Extraction is everything that ingest produced for one article: the unit
// that lands in the store in one transaction.
type Extraction struct {
	Article   graph.Article
	Actors    []graph.Actor // every actor that the events name, with the aliases seen
	Events    []graph.Event // events and affiliation edges, merged per article
	Sentences int
	// Reindex replaces the stored article's events even when its content
	// hash is unchanged (diplograph reindex, after the lexicons change).
	Reindex bool
}

// PutStatus says what PutArticle did.
type PutStatus int

// The outcomes of PutArticle.
const (
	New       PutStatus = iota // the article was not stored before
	Unchanged                  // the same id and content hash were stored: nothing changed
	Replaced                   // the article was stored with other content: its events were replaced
)

// String names the status.
func (s PutStatus) String() string {
	switch s {
	case New:
		return "new"
	case Unchanged:
		return "unchanged"
	case Replaced:
		return "replaced"
	}
	return "unknown"
}

// Direction selects edges by which end an actor is.
type Direction int

// The directions.
const (
	Both Direction = iota
	Out            // the actor is the source
	In             // the actor is the target
)

// ActorInfo is an actor with the counts that listings sort by.
type ActorInfo struct {
	graph.Actor
	Evidence  int        `json:"evidence"` // pieces of evidence of its edges, in and out
	Degree    int        `json:"degree"`   // distinct actors tied to it
	FirstDate graph.Date `json:"first_date"`
	LastDate  graph.Date `json:"last_date"`
}

// ActorQuery selects actors for listings.
type ActorQuery struct {
	Kind  graph.Kind // empty: all kinds
	Match string     // substring of the folded canonical name or an alias; empty: all
	Limit int        // 0: no limit
}

// EventQuery selects events.
type EventQuery struct {
	From, To []string // actor ids: the events' source among From (and target among To); empty: any
	Either   bool     // match From/To against either end (undirected)
	graph.Filter
	Limit int // 0: no limit
}

// Stats are the store's counts.
type Stats struct {
	Articles         int            `json:"articles"`
	Sentences        int            `json:"sentences"`
	Events           int            `json:"events"`
	Evidence         int            `json:"evidence"`
	Actors           int            `json:"actors"`
	ActorsByKind     map[string]int `json:"actors_by_kind"`
	EventsByRelation map[string]int `json:"events_by_relation"`
	FirstDate        graph.Date     `json:"first_date"`
	LastDate         graph.Date     `json:"last_date"`
	BytesOnDisk      int64          `json:"bytes_on_disk"`
}

// Store is the graph store as the commands use it. Badger implements it on
// disk and in memory; a distributed backend will implement it later and must
// pass the same conformance suite (store/storetest).
type Store interface {
	// PutArticle stores an article with its actors and events in one
	// transaction: all of it lands or none. An article with the same id and
	// content hash as a stored one changes nothing; with the same id (or
	// origin) and a new hash it replaces that article's events.
	PutArticle(ctx context.Context, x Extraction) (PutStatus, error)
	// HasArticle reports whether an article with this id and hash is stored,
	// so that unchanged articles need not be extracted again.
	HasArticle(ctx context.Context, id, hash string) (bool, error)
	// Article returns a stored article.
	Article(ctx context.Context, id string) (graph.Article, error)
	// EachArticle calls fn for every stored article, in id order.
	EachArticle(ctx context.Context, fn func(graph.Article) error) error

	// Actor returns an actor by id.
	Actor(ctx context.Context, id string) (graph.Actor, error)
	// Resolve returns the actors that a name may denote: an id, a canonical
	// name or an alias, folded with graph.NormName.
	Resolve(ctx context.Context, name string) ([]graph.Actor, error)
	// Actors lists actors, most connected first.
	Actors(ctx context.Context, q ActorQuery) ([]ActorInfo, error)

	// Events lists events, newest first (undated last), each with its evidence.
	Events(ctx context.Context, q EventQuery) ([]graph.Event, error)
	// Summaries returns the per-triple summaries in which the actor takes part.
	Summaries(ctx context.Context, id string, dir Direction) ([]graph.Summary, error)
	// Subgraph loads the actors within depth hops of any centre (every actor
	// when centres is empty) under the filter, with every kept summary among
	// them, built from the summaries, never from all events.
	Subgraph(ctx context.Context, centres []string, depth int, f graph.Filter) (*graph.Graph, error)
	// WholeGraph calls fn with the whole graph under the filter as a
	// graph.Source: the actors and summaries of Subgraph with no centres,
	// in the same order, with the summaries read from one snapshot on each
	// pass over them rather than held in memory, for graphs too big to
	// hold (an export of the whole store). The source is valid only
	// during the call.
	WholeGraph(ctx context.Context, f graph.Filter, fn func(graph.Source) error) error

	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Verify checks that every index and summary agrees with the events and
	// returns what is wrong; none means consistent.
	Verify(ctx context.Context) ([]string, error)
	// Close flushes and closes the store.
	Close() error
}
