package gitrepo

import (
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

// TestParentCacheKeepsItsLimit: commits with huge messages are kept only up
// to the cache's bytes, not by their count, and a walk past the limit still
// reads every commit.
func TestParentCacheKeepsItsLimit(t *testing.T) {
	b := gittest.New(t)
	for i := range 6 {
		b.Write("roadmap.yaml", "product: Acme\nvision: v"+strings.Repeat("x", i)+"\n")
		b.Commit("Ana", "Step\n\n"+strings.Repeat("A long message. ", 1024)) // 16 KiB
	}
	r, err := Open(b.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	head, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	r.parentsLimit = 40 << 10 // two of those commits
	n := 0
	for c, err := range r.firstParents(head) {
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(c.Message, "Step") {
			t.Fatalf("commit %d reads %q", n, c.Message[:10])
		}
		n++
	}
	if n != 6 || len(r.parents) != 2 || r.parentsSize > r.parentsLimit {
		t.Errorf("walked %d commits, kept %d in %d bytes (limit %d); want 6, 2 within the limit", n, len(r.parents), r.parentsSize, r.parentsLimit)
	}
}
