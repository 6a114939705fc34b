package gitrepo

import (
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// Find tells which list of the roadmap at dir in commit c holds the item
// id, looking in features, then objectives, then campaigns, and the item's
// title; kind is "" when none holds it. It reads the files as a walk from c
// would (split, each item decoded only if its id is not written plainly),
// so history need not load the whole roadmap to start.
func (r *Repo) Find(c *object.Commit, dir, id string) (kind, title string, err error) {
	tree, err := r.subtree(c, dir)
	if err != nil {
		return "", "", err
	}
	var files []FileChange
	if err := r.diffTrees(plumbing.ZeroHash, tree, "", &files); err != nil {
		return "", "", err
	}
	var found [3]*item // features, objectives, campaigns: the first in path order
	for _, f := range files {
		its, err := r.fileItems(f.Path, f.New)
		if err != nil {
			return "", "", err
		}
		for _, it := range its {
			k := kindRank(it.kind)
			if k < 0 || found[k] != nil {
				continue
			}
			if it.id == "" {
				r.decode(it) // learns the id
			}
			if it.id == id {
				found[k] = it
			}
		}
	}
	for _, it := range found {
		if it == nil {
			continue
		}
		switch v := r.decode(it).(type) {
		case *roadmap.Feature:
			return it.kind, v.Title, nil
		case *roadmap.Objective:
			return it.kind, v.Title, nil
		case *roadmap.Campaign:
			return it.kind, v.Title, nil
		}
	}
	return "", "", nil
}

func kindRank(kind string) int {
	switch kind {
	case "features":
		return 0
	case "objectives":
		return 1
	case "campaigns":
		return 2
	}
	return -1
}
