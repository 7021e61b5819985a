package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/diplograph/diplograph/graph"
)

// Options configure Open. The zero value (DefaultOptions) opens a store on
// disk for reading and writing.
type Options struct {
	ReadOnly bool   // open for reading only, sharing the folder with other readers
	InMemory bool   // keep everything in memory (tests); dir is ignored
	Logger   Logger // where Badger's warnings and errors go; nil: standard error
}

// DefaultOptions returns the options of a read-write store on disk.
func DefaultOptions() Options { return Options{} }

// Logger receives Badger's warnings and errors. Its informational and debug
// lines are dropped: a CLI user should never see them.
type Logger interface {
	Warningf(format string, args ...any)
	Errorf(format string, args ...any)
}

// Badger is the Store on an embedded Badger database.
type Badger struct {
	db  *badger.DB
	dir string
	ro  bool
}

var _ Store = (*Badger)(nil)

// The bounds that keep values small however much is ingested.
const (
	maxAliases = 64  // aliases kept per actor
	maxDates   = 512 // distinct dates kept per summary (the latest)
)

// Open opens (creating it when needed, unless read-only) the store in dir.
// A folder held by another process gives an error wrapping ErrLocked. A
// read-only open of a store that a killed writer left unreplayed replays it
// with a short read-write open first, when no other process holds it.
func Open(dir string, opts Options) (*Badger, error) {
	db, err := badger.Open(badgerOptions(dir, opts))
	if err != nil && opts.ReadOnly && !opts.InMemory && strings.Contains(err.Error(), badger.ErrTruncateNeeded.Error()) {
		// A writer was killed: its log must be replayed, which needs a
		// read-write open.
		rw, rerr := badger.Open(badgerOptions(dir, Options{Logger: opts.Logger}))
		if rerr != nil {
			if isLockError(rerr) {
				return nil, fmt.Errorf("%s: %w", dir, ErrLocked)
			}
			return nil, fmt.Errorf("open store %s: it was not closed cleanly and could not be repaired: %v", dir, rerr)
		}
		if cerr := rw.Close(); cerr != nil {
			return nil, fmt.Errorf("open store %s: %w", dir, cerr)
		}
		db, err = badger.Open(badgerOptions(dir, opts))
	}
	if err != nil {
		if isLockError(err) {
			return nil, fmt.Errorf("%s: %w", dir, ErrLocked)
		}
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	return &Badger{db: db, dir: dir, ro: opts.ReadOnly}, nil
}

func isLockError(err error) bool {
	return strings.Contains(err.Error(), "Cannot acquire directory lock")
}

// badgerOptions tunes Badger for a command-line tool: small memtables and
// caches, one value-log size that suits batches of articles, few
// compactors, and no informational logging.
func badgerOptions(dir string, opts Options) badger.Options {
	bo := badger.DefaultOptions(dir)
	if opts.InMemory {
		bo = badger.DefaultOptions("").WithInMemory(true)
	}
	bo = bo.
		WithMemTableSize(8 << 20).
		WithNumMemtables(2).
		WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(8).
		WithBlockCacheSize(8 << 20).
		WithIndexCacheSize(4 << 20).
		WithValueLogFileSize(64 << 20).
		WithValueThreshold(1 << 10). // article texts go to the value log, keys and indexes stay in the LSM tree
		WithNumCompactors(2).
		WithNumGoroutines(2).
		WithMetricsEnabled(false).
		WithDetectConflicts(false). // one writer: the folder lock and the pipeline see to it
		WithReadOnly(opts.ReadOnly).
		WithLogger(logAdapter{opts.Logger})
	if opts.InMemory {
		// Nothing goes to a value log in memory, so a transaction must hold
		// a whole large article in the memtable.
		bo = bo.WithMemTableSize(64 << 20)
	}
	return bo
}

// logAdapter passes Badger's warnings and errors on and drops the rest.
type logAdapter struct{ l Logger }

func (a logAdapter) Errorf(f string, args ...any) {
	if a.l != nil {
		a.l.Errorf(f, args...)
		return
	}
	fmt.Fprintf(os.Stderr, "diplograph: store error: "+strings.TrimRight(f, "\n")+"\n", args...)
}

func (a logAdapter) Warningf(f string, args ...any) {
	if a.l != nil {
		a.l.Warningf(f, args...)
		return
	}
	fmt.Fprintf(os.Stderr, "diplograph: store warning: "+strings.TrimRight(f, "\n")+"\n", args...)
}

func (logAdapter) Infof(string, ...any)  {}
func (logAdapter) Debugf(string, ...any) {}

// Close flushes and closes the store. A read-write store first reclaims
// value-log space left by rewritten events and summaries.
func (b *Badger) Close() error {
	if !b.ro && b.dir != "" {
		for b.db.RunValueLogGC(0.5) == nil {
		}
	}
	return b.db.Close()
}

// Dir returns the folder the store was opened in ("" in memory).
func (b *Badger) Dir() string { return b.dir }

// DB returns the underlying Badger database, for tests and tools that need
// to look beneath the Store interface.
func (b *Badger) DB() *badger.DB { return b.db }

// get reads the value at k; found is false when there is none.
func get(txn *badger.Txn, k []byte) (v []byte, found bool, err error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err = item.ValueCopy(nil)
	return v, err == nil, err
}

// scan calls fn for every key with the prefix, in key order, with the value
// when values is set. The key and value are only valid during the call.
//
// Values are read in place, one at a time: Badger's value prefetching
// starts a goroutine per item, which costs more than it saves for the
// small values kept in the LSM tree that scans mostly read.
func scan(ctx context.Context, txn *badger.Txn, prefix []byte, values bool, fn func(k, v []byte) error) error {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = prefix
	it := txn.NewIterator(opts)
	defer it.Close()
	n := 0
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		item := it.Item()
		if !values {
			if err := fn(item.Key(), nil); err != nil {
				return err
			}
			continue
		}
		if err := item.Value(func(v []byte) error { return fn(item.Key(), v) }); err != nil {
			return err
		}
	}
	return nil
}

// scanAhead is scan with values, with the reading on a goroutine of its
// own, for long scans of small values: the reader iterates ahead of fn,
// copying keys and values into batches, so that Badger's work (reading,
// decompressing and merging blocks) runs while fn works through the batch
// before. The first error, fn's or the reader's, stops both.
func scanAhead(ctx context.Context, txn *badger.Txn, prefix []byte, fn func(k, v []byte) error) error {
	const batches, batchBytes = 4, 256 << 10
	full := make(chan *kvBatch, batches)
	free := make(chan *kvBatch, batches)
	for range batches {
		free <- &kvBatch{}
	}
	stop := make(chan struct{})
	var readErr error // set before full is closed
	go func() {
		defer close(full)
		var b *kvBatch
		send := func() error {
			select {
			case full <- b:
				b = nil
				return nil
			case <-stop:
				return errStopped
			}
		}
		err := scan(ctx, txn, prefix, true, func(k, v []byte) error {
			if b == nil {
				select {
				case b = <-free:
					b.reset()
				case <-stop:
					return errStopped
				}
			}
			b.add(k, v)
			if len(b.data) >= batchBytes {
				return send()
			}
			return nil
		})
		if err == nil && b != nil {
			err = send()
		}
		if err != errStopped {
			readErr = err
		}
	}()
	var err error
	for b := range full { // until the reader is done, so that its iterator is closed
		if err == nil {
			if err = b.each(fn); err != nil {
				close(stop)
			}
		}
		free <- b
	}
	if err == nil {
		err = readErr
	}
	return err
}

// errStopped ends the reader of scanAhead when fn fails.
var errStopped = errors.New("scan stopped")

// kvBatch holds keys and values copied out of an iteration, one after the
// other.
type kvBatch struct {
	data []byte
	ends []int // where each key ends in data, then its value
}

func (b *kvBatch) reset() { b.data, b.ends = b.data[:0], b.ends[:0] }

func (b *kvBatch) add(k, v []byte) {
	b.data = append(b.data, k...)
	b.ends = append(b.ends, len(b.data))
	b.data = append(b.data, v...)
	b.ends = append(b.ends, len(b.data))
}

// each calls fn with each key and value, in order, until an error.
func (b *kvBatch) each(fn func(k, v []byte) error) error {
	start := 0
	for i := 0; i+1 < len(b.ends); i += 2 {
		k, v := b.data[start:b.ends[i]], b.data[b.ends[i]:b.ends[i+1]]
		start = b.ends[i+1]
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// scanKeys returns copies of the keys with the prefix. Update transactions
// allow one iterator at a time, so writers collect keys and then act.
func scanKeys(ctx context.Context, txn *badger.Txn, prefix []byte) ([][]byte, error) {
	var out [][]byte
	err := scan(ctx, txn, prefix, false, func(k, _ []byte) error {
		out = append(out, append([]byte(nil), k...))
		return nil
	})
	return out, err
}

// fieldPrefix returns the scan prefix of keys of kind whose first field
// starts with partial.
func fieldPrefix(kind byte, partial string) []byte {
	b := appendField([]byte{kind}, partial)
	return b[:len(b)-2]
}

// view runs fn in a read transaction.
func (b *Badger) view(ctx context.Context, fn func(*badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return b.db.View(fn)
}

// HasArticle reports whether an article with this id and hash is stored.
func (b *Badger) HasArticle(ctx context.Context, id, hash string) (bool, error) {
	var ok bool
	err := b.view(ctx, func(txn *badger.Txn) error {
		v, found, err := get(txn, encodeKey(kindArticle, id))
		if err != nil || !found {
			return err
		}
		a, err := decodeArticle(v)
		if err != nil {
			return fmt.Errorf("article %q: %w", id, err)
		}
		ok = a.Hash == hash
		return nil
	})
	return ok, err
}

// Article returns a stored article.
func (b *Badger) Article(ctx context.Context, id string) (graph.Article, error) {
	var a articleRec
	err := b.view(ctx, func(txn *badger.Txn) error {
		v, found, err := get(txn, encodeKey(kindArticle, id))
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("article %q: %w", id, ErrNotFound)
		}
		a, err = decodeArticle(v)
		return err
	})
	return a.Article, err
}

// EachArticle calls fn for every stored article, in id order, from one
// snapshot of the store: writes made meanwhile (by fn's caller) are not seen.
func (b *Badger) EachArticle(ctx context.Context, fn func(graph.Article) error) error {
	return b.view(ctx, func(txn *badger.Txn) error {
		return scan(ctx, txn, []byte{kindArticle}, true, func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			a, err := decodeArticle(v)
			if err != nil {
				return fmt.Errorf("article key %q: %w", k, err)
			}
			return fn(a.Article)
		})
	})
}

// Actor returns an actor by id.
func (b *Badger) Actor(ctx context.Context, id string) (graph.Actor, error) {
	var a graph.Actor
	err := b.view(ctx, func(txn *badger.Txn) error {
		var err error
		a, err = getActor(txn, id)
		return err
	})
	return a, err
}

func getActor(txn *badger.Txn, id string) (graph.Actor, error) {
	v, found, err := get(txn, encodeKey(kindActor, id))
	if err != nil {
		return graph.Actor{}, err
	}
	if !found {
		return graph.Actor{}, fmt.Errorf("actor %q: %w", id, ErrNotFound)
	}
	a, err := decodeActor(v)
	if err != nil {
		return graph.Actor{}, fmt.Errorf("actor %q: %w", id, err)
	}
	return a, nil
}

// Resolve returns the actors that a name may denote: an id, a canonical
// name or an alias, folded with graph.NormName (so case and accents do not
// matter), in id order.
func (b *Badger) Resolve(ctx context.Context, name string) ([]graph.Actor, error) {
	name = strings.TrimSpace(name)
	var out []graph.Actor
	err := b.view(ctx, func(txn *badger.Txn) error {
		if a, err := getActor(txn, name); err == nil {
			out = []graph.Actor{a}
			return nil
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		n := graph.NormName(name)
		if n == "" {
			return nil
		}
		var ids []string
		err := scan(ctx, txn, keyPrefix(kindAlias, n), false, func(k, _ []byte) error {
			ids = append(ids, lastField(k))
			return nil
		})
		if err != nil {
			return err
		}
		for _, id := range ids {
			a, err := getActor(txn, id)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// storeSize returns the bytes of the files under dir.
func storeSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
