package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
)

// App is what every command runs with: its streams, the global options and
// the clock. Commands take everything from here, so tests drive them with
// buffers and no terminal.
type App struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Now    func() time.Time
	Getenv func(string) string

	StoreDir string // --store, else $DIPLOGRAPH_STORE, else ./diplograph.db
	JSON     bool   // --json
	Quiet    bool   // -q
}

func newApp(in io.Reader, out, errw io.Writer) *App {
	return &App{In: in, Out: out, Err: errw, Now: time.Now, Getenv: os.Getenv}
}

// storeDir returns the store folder the global options name.
func (a *App) storeDir() string {
	if a.StoreDir != "" {
		return a.StoreDir
	}
	if d := a.Getenv("DIPLOGRAPH_STORE"); d != "" {
		return d
	}
	return "diplograph.db"
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// errorf prints a message on stderr.
func (a *App) errorf(format string, args ...any) { fmt.Fprintf(a.Err, format+"\n", args...) }

// infof prints a progress or summary line on stderr unless -q.
func (a *App) infof(format string, args ...any) {
	if !a.Quiet {
		fmt.Fprintf(a.Err, format+"\n", args...)
	}
}
