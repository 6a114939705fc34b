//go:build unix

package gitrepo

import (
	"testing"

	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

// TestPacksAreMapped: where the system maps files, a repository's packs are
// read from memory.
func TestPacksAreMapped(t *testing.T) {
	r := openGenerated(t, gen.RepoOptions{Features: 10, Commits: 5, Seed: 1})
	if len(r.packs.list) != 1 {
		t.Fatalf("%d packs, want 1", len(r.packs.list))
	}
	pk := r.packs.list[0]
	if int64(len(pk.data)) != pk.size || pk.unmap == nil {
		t.Fatalf("the pack of %d bytes is mapped as %d bytes", pk.size, len(pk.data))
	}
}
