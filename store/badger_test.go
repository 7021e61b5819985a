package store_test

import (
	"testing"

	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/storetest"
)

func TestBadgerDisk(t *testing.T) {
	storetest.TestAll(t, func(t *testing.T) store.Store {
		s, err := store.Open(t.TempDir(), store.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestBadgerMemory(t *testing.T) {
	storetest.TestAll(t, func(t *testing.T) store.Store {
		s, err := store.Open("", store.Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
