package main

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=..."; otherwise
// the module's build info is used.
var version = ""

// commands holds the constructors of the subcommands; each command's file
// registers its own in init, so adding a command touches no other file.
var commands []func(*App) *cobra.Command

func register(f func(*App) *cobra.Command) { commands = append(commands, f) }

func newRootCmd(a *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "diplograph",
		Short: "Turn news articles into a knowledge graph of diplomatic relations",
		Long: `diplograph reads batches of news articles, extracts the actors in them
(countries, persons, organizations, blocs), their affiliations and dated,
evidenced events coded with CAMEO, quad class and Goldstein score, keeps them
in an embedded Badger store, answers questions of the graph (paths,
neighbours, events, timelines) and exports subgraphs as GraphML, GEXF, DOT
and JSON for Gephi and Graphviz.`,
		Example: `  diplograph ingest testdata/articles
  diplograph path "Xi Jinping" Ukraine
  diplograph events --from China --relation trade,sign_agreement
  diplograph export --format gexf --center Russia --depth 2 -o russia.gexf
  diplograph extract --format text article.txt`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       buildVersion(),
	}
	root.SetIn(a.In)
	root.SetOut(a.Out)
	root.SetErr(a.Err)
	pf := root.PersistentFlags()
	pf.StringVar(&a.StoreDir, "store", "", "the Badger store folder (default $DIPLOGRAPH_STORE, else ./diplograph.db)")
	pf.BoolVar(&a.JSON, "json", false, "machine output: JSON lines for listings, one object for single answers")
	pf.BoolVarP(&a.Quiet, "quiet", "q", false, "no progress, no summary; errors still go to stderr")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })

	root.AddCommand(newVersionCmd(a))
	for _, f := range commands {
		root.AddCommand(f(a))
	}
	return root
}

// run executes the command line args and returns the exit code. The store is
// opened by the commands that need it, never by the root, so help,
// completion and version work with no store present.
func run(ctx context.Context, args []string, a *App) int {
	root := newRootCmd(a)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil {
		if !isUsageLike(err) || cmd == nil {
			var se silentError
			if !errors.As(err, &se) {
				a.errorf("diplograph: %v", err)
			}
		} else if cmd == root {
			a.errorf("diplograph: %v\nRun 'diplograph --help' for usage.", err)
		} else {
			a.errorf("diplograph %s: %v\nRun '%s --help' for usage.", cmd.Name(), err, cmd.CommandPath())
		}
		if isUsageLike(err) {
			return exitError
		}
	}
	return exitCode(err)
}

// isUsageLike reports whether err is a usage error, ours or cobra's (unknown
// command, wrong argument count).
func isUsageLike(err error) bool {
	var ue usageError
	return errors.As(err, &ue) || isCobraArgsError(err)
}

// isCobraArgsError recognises cobra's own usage errors, which it returns as
// plain errors.
func isCobraArgsError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "received ", "unknown flag", "unknown shorthand", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "dev"
}

func newVersionCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(a.Out, "diplograph", buildVersion())
			return err
		},
	}
}
