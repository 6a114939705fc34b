package gitrepo

import (
	"bytes"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

// TestBlobCacheKeepsItsLimit: the cache holds the newest blobs up to its
// limit, and a blob it dropped reads again, the same.
func TestBlobCacheKeepsItsLimit(t *testing.T) {
	r := openGenerated(t, gen.RepoOptions{Features: 40, Commits: 60, Seed: 5})
	var blobs []plumbing.Hash
	for h, o := range everyObject(t, r) {
		if o.Type() == plumbing.BlobObject {
			blobs = append(blobs, h)
		}
	}
	const limit = 64 << 10
	r.blobs = newBlobCache(limit)
	first := map[plumbing.Hash][]byte{}
	for _, h := range blobs {
		text, err := r.blob(h)
		if err != nil {
			t.Fatal(err)
		}
		first[h] = bytes.Clone(text.b)
		text.release()
		if c := r.blobs; c.size > limit && len(c.order) > 1 {
			t.Fatalf("the cache holds %d bytes, over its limit of %d", c.size, limit)
		}
	}
	if len(r.blobs.text) >= len(blobs) {
		t.Fatalf("the cache kept all %d blobs", len(blobs))
	}
	reads := r.BlobReads()
	for _, h := range blobs {
		text, err := r.blob(h)
		if err != nil || !bytes.Equal(text.b, first[h]) {
			t.Fatalf("blob %s read again differs: %v", h, err)
		}
		text.release()
	}
	if r.BlobReads() == reads {
		t.Error("no dropped blob was read again")
	}
}
