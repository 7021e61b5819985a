package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/diplograph/diplograph/store"
)

// openStore opens the store folder that the global options name. A
// read-only open (queries, exports) of a folder with no store says how to
// make one; a folder held by another process says so, naming it. Both are
// plain errors: exit 2.
func (a *App) openStore(ctx context.Context, readOnly bool) (store.Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	dir := a.storeDir()
	if readOnly {
		if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no store in %s: create one with 'diplograph ingest PATH' (or name another with --store or $DIPLOGRAPH_STORE)", dir)
		}
	}
	s, err := store.Open(dir, store.Options{ReadOnly: readOnly, Logger: storeLogger{a}})
	if errors.Is(err, store.ErrLocked) {
		return nil, fmt.Errorf("the store %s is in use by another diplograph process (an ingest or reindex?): wait for it to finish and try again", dir)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// storeLogger prints the store's warnings and errors on stderr, one line
// each.
type storeLogger struct{ a *App }

func (l storeLogger) Warningf(format string, args ...any) {
	l.a.errorf("diplograph: store warning: "+trimNL(format), args...)
}

func (l storeLogger) Errorf(format string, args ...any) {
	l.a.errorf("diplograph: store error: "+trimNL(format), args...)
}

func trimNL(s string) string {
	for len(s) > 0 && s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	return s
}
