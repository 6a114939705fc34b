package gitrepo

import (
	"encoding/binary"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

// TestOffsetFindsWhatGoGitFinds looks up every object of a pack, and hashes
// next to them that are not in it, and holds each answer to go-git's.
func TestOffsetFindsWhatGoGitFinds(t *testing.T) {
	r := openGenerated(t, gen.RepoOptions{Features: 40, Commits: 120, Seed: 5})
	pk := r.packs.list[0]
	iter, err := pk.idx.Entries()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		e, err := iter.Next()
		if err != nil {
			break
		}
		n++
		got, ok := pk.offset(e.Hash)
		if !ok || got != int64(e.Offset) {
			t.Fatalf("%s: offset %d, %v; the index says %d", e.Hash, got, ok, e.Offset)
		}
		near := e.Hash
		near[len(near)-1] ^= 1
		if _, err := pk.idx.FindOffset(near); err == nil {
			continue // both are in the pack
		}
		if off, ok := pk.offset(near); ok {
			t.Fatalf("%s, not in the pack, found at %d", near, off)
		}
	}
	if n < 300 {
		t.Fatalf("only %d objects in the pack; the test does not test much", n)
	}
	if _, ok := pk.offset(plumbing.Hash{}); ok {
		t.Error("the zero hash found in the pack")
	}
}

// TestOffsetReadsLargeOffsets builds an index whose object lies past 2 GiB,
// where the index stores its offset in the 8-byte table.
func TestOffsetReadsLargeOffsets(t *testing.T) {
	w := new(idxfile.Writer)
	h1 := plumbing.NewHash("0100000000000000000000000000000000000000")
	h2 := plumbing.NewHash("0200000000000000000000000000000000000000")
	w.Add(h1, 12, 0)
	w.Add(h2, 5<<30, 0)
	w.OnFooter(plumbing.ZeroHash)
	idx, err := w.Index()
	if err != nil {
		t.Fatal(err)
	}
	pk := &pack{idx: idx}
	for h, want := range map[plumbing.Hash]int64{h1: 12, h2: 5 << 30} {
		if got, ok := pk.offset(h); !ok || got != want {
			t.Errorf("%s: %d, %v; want %d", h, got, ok, want)
		}
	}
	// An 8-byte entry the index does not hold is no offset.
	binary.BigEndian.PutUint32(idx.Offset32[idx.FanoutMapping[2]], 1<<31|7)
	if got, ok := pk.offset(h2); ok {
		t.Errorf("an offset past the 8-byte table read as %d", got)
	}
}
