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
	r := openDir(t, b.Dir)
	head := resolveRev(t, r, "HEAD")
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

// TestFirstParentStepsCount: the steps resolveFirstParents takes itself,
// and the ones it leaves to go-git.
func TestFirstParentStepsCount(t *testing.T) {
	for rev, want := range map[string]int{
		"HEAD~1999": 1999, "HEAD~": 1, "main^^": 2, "v2~3^": 4, "HEAD^1~2": 3,
		"HEAD^0": 0, "HEAD~0^0": 0, "a1b2c3d~10": 10,
	} {
		if base, n, ok := firstParentSteps(rev); !ok || n != want || base != revBase(rev) {
			t.Errorf("firstParentSteps(%q) = %q, %d, %v; want %q, %d", rev, base, n, ok, revBase(rev), want)
		}
	}
	for _, rev := range []string{"HEAD", "HEAD^2", "HEAD~1^3", "v1^{}", "~1", "HEAD~9999999999", "HEAD~x", "ma in~1", "82\x00~"} {
		if _, _, ok := firstParentSteps(rev); ok {
			t.Errorf("firstParentSteps(%q) counts it; want it left to go-git", rev)
		}
	}
}

// TestResolveKeepsTheCommitsForTheWalk: resolving HEAD~N reads the N
// commits once, into the cache the walk that follows reads them from.
func TestResolveKeepsTheCommitsForTheWalk(t *testing.T) {
	b := gittest.New(t)
	for i := range 5 {
		b.Write("roadmap.yaml", "product: Acme\nvision: v"+strings.Repeat("x", i)+"\n")
		b.Commit("Ana", "Step")
	}
	r := openDir(t, b.Dir)
	if _, err := r.Resolve("HEAD~3"); err != nil {
		t.Fatal(err)
	}
	if len(r.parents) != 3 {
		t.Errorf("resolving HEAD~3 kept %d commits; want the 3 it stepped through", len(r.parents))
	}
}

// TestAsksParent: ^2 and up name a merge's other parents, ^10 among them;
// ^, ^0, ^1 and ^01 do not.
func TestAsksParent(t *testing.T) {
	for rev, want := range map[string]bool{
		"HEAD^2": true, "HEAD^10": true, "v1~3^3": true, "HEAD^02": true,
		"HEAD^": false, "HEAD^0": false, "HEAD^1": false, "HEAD^01": false, "HEAD~12": false, "HEAD^{}": false,
	} {
		if got := asksParent(rev); got != want {
			t.Errorf("asksParent(%q) = %v, want %v", rev, got, want)
		}
	}
}
