package main

import (
	"context"
	"errors"
	"fmt"
)

// The exit codes of CLI.md.
const (
	exitOK      = 0 // success
	exitPartial = 1 // the command ran but some inputs failed (each named on stderr)
	exitError   = 2 // usage errors, unknown entities, a store that cannot be opened
)

// usageError marks an error in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error.
func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// partialError says that the command ran but some inputs failed; the failures
// have already been reported on stderr.
type partialError struct{ failed int }

func (e partialError) Error() string { return fmt.Sprintf("%d input(s) failed", e.failed) }

// errSilent is returned when a command has already said everything on stderr
// and only the exit code remains to be set.
type silentError struct{ code int }

func (e silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// exitCode maps an error returned by a command to the process exit code: this
// is the one place where that happens.
func exitCode(err error) int {
	var pe partialError
	var se silentError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &se):
		return se.code
	case errors.As(err, &pe):
		return exitPartial
	case errors.Is(err, context.Canceled):
		return exitPartial
	}
	return exitError
}
