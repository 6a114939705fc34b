package gitrepo

import (
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// MergedAt is the commit of head's first-parent line where c joined it: the
// one commit of the line that has c among its ancestors while its first
// parent has not, a merge that brought in the branch c is on (such as a
// release branch). It is nil when c is on the line itself or not an
// ancestor of head. A diff from c can name the commits from there on:
// Attribute with the merge's first parent as where to stop.
func (r *Repo) MergedAt(head *object.Commit, c plumbing.Hash) (*object.Commit, error) {
	// Each commit off the line is reached first from the oldest commit of
	// the line whose other parents lead to it; the search stops at the line,
	// whose commits each search their own.
	var line []*object.Commit
	onLine := map[plumbing.Hash]bool{}
	for at, err := range r.firstParents(head) {
		if err != nil {
			return nil, err
		}
		if at.Hash == c {
			return nil, nil // on the line itself
		}
		line = append(line, at)
		onLine[at.Hash] = true
	}
	// Oldest first: a later merge's branch may reach c through an older
	// merge's (a release merged into main and into develop, then develop
	// into main); the older merge brought it in.
	seen := map[plumbing.Hash]bool{}
	for _, m := range slices.Backward(line) {
		var queue []plumbing.Hash
		if len(m.ParentHashes) > 1 {
			queue = append(queue, m.ParentHashes[1:]...)
		}
		for len(queue) > 0 {
			h := queue[0]
			queue = queue[1:]
			if onLine[h] || seen[h] {
				continue
			}
			seen[h] = true
			if h == c {
				return m, nil
			}
			if r.shallow[h] {
				continue // its parents are not in the clone
			}
			commit, err := r.git.CommitObject(h)
			if err != nil {
				return nil, err
			}
			queue = append(queue, commit.ParentHashes...)
		}
	}
	return nil, nil
}
