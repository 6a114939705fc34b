package gitrepo

import (
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestKeyHashIsTextHash: a key is hashed as its written-out text would be.
func TestKeyHashIsTextHash(t *testing.T) {
	keys, ok := roadmap.SplitItem([]byte("  - id: a\n    title: A\n    owners:\n      product: ana\n"))
	if !ok || len(keys) != 3 {
		t.Fatalf("keys %v", keys)
	}
	for _, k := range keys {
		if keyHash("features", k) != hashText("features", k.Text()) {
			t.Errorf("key %s hashes apart from its text", k.Name)
		}
	}
	if keyHash("features", keys[1]) == keyHash("objectives", keys[1]) {
		t.Error("the kind is not hashed")
	}
}
