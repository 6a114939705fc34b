package gitrepo_test

import (
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

// TestMergedAtFindsTheMergeThatBroughtTheCommitIn: of two merges whose
// branches both lead back to a release commit, the older one brought it in
// (the newer branch started after it); a commit on the line, or on a branch
// never merged, joined it nowhere.
func TestMergedAtFindsTheMergeThatBroughtTheCommitIn(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	root := b.Commit("Ana", "Start")
	release := b.OnBranchFrom("release", root, func() plumbing.Hash {
		b.Write("plan/notes.yaml", "release: 1\n")
		return b.Commit("Raj", "Release")
	})
	old := b.Commit("Ana", "Merge release", release)
	// As in git flow, the release goes into develop too, which main merges
	// later: that merge reaches the release, but main had it already.
	develop := b.OnBranchFrom("develop", root, func() plumbing.Hash {
		b.Write("plan/develop.yaml", "develop: 1\n")
		b.Commit("Li", "Develop")
		return b.Commit("Li", "Merge release into develop", release)
	})
	b.Commit("Ana", "Merge develop", develop)
	later := b.OnBranchFrom("later", old, func() plumbing.Hash {
		b.Write("plan/later.yaml", "later: 1\n")
		return b.Commit("Li", "Later work")
	})
	b.Commit("Ana", "Merge later", later)
	b.Write("plan/more.yaml", "more: 1\n")
	b.Commit("Ana", "More")
	stray := b.OnBranchFrom("stray", old, func() plumbing.Hash {
		b.Write("plan/stray.yaml", "stray: 1\n")
		return b.Commit("Mia", "Never merged")
	})
	r := open(t, b.Dir)
	head := resolve(t, r, "HEAD")
	m, err := r.MergedAt(head, release)
	if err != nil || m == nil || m.Hash != old {
		t.Fatalf("MergedAt(release) = %v, %v; want the merge %s", m, err, old.String()[:7])
	}
	for name, h := range map[string]plumbing.Hash{"a commit on the line": root, "a branch never merged": stray} {
		if m, err := r.MergedAt(head, h); err != nil || m != nil {
			t.Errorf("MergedAt(%s) = %v, %v; want none", name, m, err)
		}
	}
}
