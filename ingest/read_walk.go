package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Walk expands paths (files and folders) into the files that a reader
// handles and calls fn on each, in order: folders recursively, in lexical
// order, skipping hidden folders and files (names starting with '.');
// unsupported files are counted in skipped. "-" (standard input) is passed
// to fn as is. A path that does not exist or a folder that cannot be read is
// an error naming it, returned (joined with the others) once the walk has
// gone on with the rest. An error from fn, or the end of ctx, stops the walk
// and is returned at once.
func Walk(ctx context.Context, paths []string, fn func(path string) error) (skipped int, err error) {
	var errs []error
	for _, root := range paths {
		if err := ctx.Err(); err != nil {
			return skipped, errors.Join(append(errs, err)...)
		}
		if root == "-" {
			if err := fn(root); err != nil {
				return skipped, errors.Join(append(errs, err)...)
			}
			continue
		}
		fi, err := os.Stat(root)
		if err != nil {
			errs = append(errs, &ReadError{Path: root, Err: unwrapPathError(err)})
			continue
		}
		if !fi.IsDir() {
			if !Supported(root) {
				skipped++
				continue
			}
			if err := fn(root); err != nil {
				return skipped, errors.Join(append(errs, err)...)
			}
			continue
		}
		var stop error
		werr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &ReadError{Path: path, Err: unwrapPathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if err := ctx.Err(); err != nil {
				stop = err
				return fs.SkipAll
			}
			if !Supported(path) || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				skipped++
				return nil
			}
			if err := fn(path); err != nil {
				stop = err
				return fs.SkipAll
			}
			return nil
		})
		if werr != nil {
			errs = append(errs, fmt.Errorf("walk %s: %w", root, werr))
		}
		if stop != nil {
			return skipped, errors.Join(append(errs, stop)...)
		}
	}
	return skipped, errors.Join(errs...)
}
