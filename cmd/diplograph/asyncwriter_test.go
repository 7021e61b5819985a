package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestAsyncWriter(t *testing.T) {
	var out bytes.Buffer
	w := newAsyncWriter(&out, 7, 3)
	var want strings.Builder
	for i := 0; i < 1000; i++ {
		s := strings.Repeat("x", i%13) + "|"
		want.WriteString(s)
		if _, err := w.Write([]byte(s)); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if out.String() != want.String() {
		t.Errorf("asyncWriter wrote %d bytes, want %d equal to what was given", out.Len(), want.Len())
	}
	if _, err := w.Write([]byte("late")); err == nil {
		t.Error("Write after Close succeeded")
	}
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	f.n++
	if f.n > 2 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestAsyncWriterError(t *testing.T) {
	w := newAsyncWriter(&failingWriter{}, 4, 2)
	for i := 0; i < 100; i++ {
		if _, err := w.Write([]byte("abcdef")); err != nil {
			break
		}
	}
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close() = %v, want the writer's error", err)
	}
}
