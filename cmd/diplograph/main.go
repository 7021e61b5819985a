// Command diplograph turns batches of news articles into a knowledge graph of
// diplomatic relations, kept in an embedded Badger store, and answers
// questions of it (paths, neighbours, events) and exports it for Gephi and
// Graphviz. See the README and docs/ for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], newApp(os.Stdin, os.Stdout, os.Stderr))
	stop()
	os.Exit(code)
}
