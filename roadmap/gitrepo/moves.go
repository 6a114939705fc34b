package gitrepo

import (
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// parentFolder is the roadmap folder in p, the first parent of c, whose
// folder at dir is the tree cur: the tree at dir in p, or, when p has none
// there and c moved the folder, the tree it came from and its path.
func (r *Repo) parentFolder(p, c *object.Commit, dir string, cur plumbing.Hash) (prev plumbing.Hash, from string, err error) {
	if p == nil {
		return plumbing.ZeroHash, dir, nil
	}
	if prev, err = r.subtree(p, dir); err != nil || prev != plumbing.ZeroHash || cur == plumbing.ZeroHash {
		return prev, dir, err
	}
	moved, ok, err := r.movedFrom(p, c, cur)
	if err != nil || !ok {
		return prev, dir, err
	}
	prev, err = r.subtree(p, moved)
	return prev, moved, err
}

// FolderAt is the path of the roadmap folder in commit at, found by
// following the folder at dir in head back along head's first-parent line
// through the commits that moved it: the folder to load a revision from
// when it has none at dir. It returns ErrNotAncestor when at is not on that
// line.
func (r *Repo) FolderAt(head, at *object.Commit, dir string) (string, error) {
	c := head
	cur, err := r.subtree(c, dir)
	if err != nil {
		return "", err
	}
	for c.Hash != at.Hash {
		p, err := r.parent(c)
		if err != nil {
			return "", err
		}
		if p == nil {
			return "", ErrNotAncestor
		}
		if cur, dir, err = r.parentFolder(p, c, dir, cur); err != nil {
			return "", err
		}
		c = p
	}
	return dir, nil
}

// maxMoveDepth bounds how deep movedFrom looks for the folder a roadmap
// moved from.
const maxMoveDepth = 8

// movedFrom finds where the roadmap folder of commit c, whose tree is cur,
// came from when c's parent p has no folder at its path: a folder of p holding a
// roadmap.yaml that c no longer has there (a team that moves roadmap/ to
// plan/ keeps its history). It looks only into the folders that differ
// between the two commits, so its cost follows the size of the commit, not
// of the repository. ok is false when no such folder is found, or several
// are and none holds the very tree cur (the folder was added, not moved).
func (r *Repo) movedFrom(p, c *object.Commit, cur plumbing.Hash) (from string, ok bool, err error) {
	var found []string
	var exact string
	var look func(old, new plumbing.Hash, at string, depth int) error
	look = func(old, new plumbing.Hash, at string, depth int) error {
		es, err := r.entries(old)
		if err != nil {
			return err
		}
		newEs, err := r.entries(new)
		if err != nil {
			return err
		}
		newAt := map[string]plumbing.Hash{}
		stays := false // the folder still holds a roadmap in c
		for _, e := range newEs {
			switch {
			case e.Mode == filemode.Dir:
				newAt[e.Name] = e.Hash
			case e.Name == "roadmap.yaml":
				stays = true
			}
		}
		for _, e := range es {
			if e.Mode == filemode.Regular && e.Name == "roadmap.yaml" && !stays {
				found = append(found, at)
				if old == cur {
					exact = at
				}
			}
		}
		if depth == maxMoveDepth {
			return nil
		}
		for _, e := range es {
			if e.Mode != filemode.Dir || strings.HasPrefix(e.Name, ".") || newAt[e.Name] == e.Hash {
				continue
			}
			if err := look(e.Hash, newAt[e.Name], path.Join(at, e.Name), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := look(p.TreeHash, c.TreeHash, "", 0); err != nil {
		return "", false, err
	}
	switch {
	case exact != "":
		return exact, true, nil
	case len(found) == 1:
		return found[0], true, nil
	}
	return "", false, nil
}
