package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func init() { register(newVerifyCmd) }

func newVerifyCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check that every index and summary agrees with the stored events",
		Long: `Recompute every index, summary and counter of the store from its articles,
actors and events, and list what disagrees. Exit 0 when the store is
consistent, 1 when it is not.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runVerify(cmd.Context(), a)
		},
	}
}

func runVerify(ctx context.Context, a *App) error {
	s, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer s.Close()
	problems, err := s.Verify(ctx)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(a.Out, p)
		}
		a.errorf("diplograph: store %s is inconsistent: %d problem(s)", a.storeDir(), len(problems))
		return silentError{exitPartial}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.Out, "store consistent: %d articles, %d events\n", st.Articles, st.Events)
	return err
}
