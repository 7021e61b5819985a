package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/store"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"success", nil, exitOK},
		{"some inputs failed", partialError{failed: 2}, exitPartial},
		{"wrapped partial", fmt.Errorf("ingest: %w", partialError{1}), exitPartial},
		{"usage", usagef("bad flag"), exitError},
		{"locked store", fmt.Errorf("open x: %w", store.ErrLocked), exitError},
		{"unknown actor", errors.New(`unknown actor "Mishustn"`), exitError},
		{"silent", silentError{code: 1}, 1},
		{"interrupted", context.Canceled, exitPartial},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestRootWithoutStore(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none")
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"--store", missing, "--help"}, 0, "Usage:"},
		{[]string{"--store", missing, "completion", "bash"}, 0, "bash completion"},
		{[]string{"--store", missing, "__complete", "pa"}, 0, "path"},
		{[]string{"--store", missing, "version"}, 0, "diplograph"},
		{[]string{"--store", missing, "no-such-command"}, 2, ""},
		{[]string{"--store", missing, "extract", "--format", "xml", "x.txt"}, 2, ""},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) {
			t.Errorf("diplograph %q: exit %d, stdout %.80q, stderr %.200q; want exit %d and %q", tt.args, code, out, errs, tt.code, tt.out)
		}
	}
	if _, err := filepath.Glob(missing); err != nil {
		t.Fatal(err)
	}
	if ok, _ := filepath.Glob(filepath.Join(missing, "*")); len(ok) > 0 {
		t.Errorf("help and completion created a store at %s", missing)
	}
}

func TestExtractCommand(t *testing.T) {
	code, out, errs := runCLI(t, "", "extract", "--format", "jsonl", filepath.Join("..", "..", "testdata", "articles", "xi-mishustin-2023-05-24.txt"))
	if code != 0 {
		t.Fatalf("extract: exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(out, `"relation":"meet"`) || !strings.Contains(out, `"source_country":"CHN"`) || !strings.Contains(out, `"article":"xi-mishustin-2023-05-24"`) {
		t.Errorf("extract --format jsonl printed %.400s", out)
	}
	code, out, _ = runCLI(t, "", "extract", "--format", "text", filepath.Join("..", "..", "testdata", "articles", "xi-mishustin-2023-05-24.txt"))
	if code != 0 || !strings.Contains(out, "Xi Jinping --leads--> China") {
		t.Errorf("extract --format text: exit %d, %.400s", code, out)
	}
	code, _, errs = runCLI(t, "", "extract", filepath.Join(t.TempDir(), "missing.txt"))
	if code != 1 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("extract of a missing file: exit %d, stderr %q; want exit 1 naming it", code, errs)
	}
}
