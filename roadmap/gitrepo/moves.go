package gitrepo

import (
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// parentFolder is the roadmap folder in p, the first parent of c, whose
// roadmap folder at dir is the tree cur: when c moved the folder to dir (p
// has no roadmap.yaml there), the tree it came from and its path; else the
// tree at dir in p, whatever it holds (a roadmap.yaml deleted for a commit
// and restored in the next breaks no trail).
func (r *Repo) parentFolder(p, c *object.Commit, dir string, cur plumbing.Hash) (prev plumbing.Hash, from string, err error) {
	if p == nil {
		return plumbing.ZeroHash, dir, nil
	}
	if prev, err = r.subtree(p, dir); err != nil || prev == cur || cur == plumbing.ZeroHash {
		return prev, dir, err
	}
	if prev != plumbing.ZeroHash {
		if ok, err := r.holdsRoadmap(prev); err != nil || ok {
			return prev, dir, err
		}
	}
	// Where the parent has a folder at dir (drafts before roadmap.yaml, or
	// other files), only a folder that held a roadmap.yaml can be where
	// the roadmap came from: one removed whole that shares a file with it
	// is as likely a folder whose file moved in.
	moved, ok, err := r.movedFrom(p, c, cur, prev == plumbing.ZeroHash)
	if err != nil || !ok {
		return prev, dir, err
	}
	prev, err = r.subtree(p, moved)
	return prev, moved, err
}

// holdsRoadmap reports whether a tree holds a roadmap.yaml file, as a
// roadmap folder does.
func (r *Repo) holdsRoadmap(tree plumbing.Hash) (bool, error) {
	h, err := r.lookup(tree, "roadmap.yaml", isFile)
	return h != plumbing.ZeroHash, err
}

// FolderAt is the path of the roadmap folder in commit at, found by
// following the folder at dir in head back along head's first-parent line
// through the commits that moved it: the folder to load a revision from
// when it has none at dir. It returns ErrNotAncestor when at is not on that
// line.
func (r *Repo) FolderAt(head, at *object.Commit, dir string) (string, error) {
	return r.line(head, at.Hash, dir, nil)
}

// Folders lists the paths the roadmap folder at dir in head had along
// head's first-parent line, newest first, each once: where to look for the
// folder in a revision off that line, such as a release branch merged
// before the folder moved.
func (r *Repo) Folders(head *object.Commit, dir string) ([]string, error) {
	dirs := []string{dir}
	add := func(d string) {
		if !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	last, err := r.line(head, plumbing.ZeroHash, dir, func(_ *object.Commit, d string, _, _ plumbing.Hash) error {
		add(d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	add(last)
	return dirs, nil
}

// HasRoadmap reports whether commit c holds a roadmap.yaml in folder dir.
func (r *Repo) HasRoadmap(c *object.Commit, dir string) (bool, error) {
	tree, err := r.subtree(c, dir)
	if err != nil || tree == plumbing.ZeroHash {
		return false, err
	}
	return r.holdsRoadmap(tree)
}

// HoldsNoRoadmapFile reports whether commit c holds no roadmap file (a
// *.yaml or *.yml file or link, outside folders starting with a dot) in
// folder dir or below it: the roadmap had not begun there, and walks read
// nothing of it.
func (r *Repo) HoldsNoRoadmapFile(c *object.Commit, dir string) (bool, error) {
	tree, err := r.subtree(c, dir)
	if err != nil || tree == plumbing.ZeroHash {
		return true, err
	}
	var none func(tree plumbing.Hash) (bool, error)
	none = func(tree plumbing.Hash) (bool, error) {
		es, err := r.entries(tree)
		if err != nil {
			return false, err
		}
		for _, e := range es {
			switch {
			case e.Mode == filemode.Dir && !strings.HasPrefix(e.Name, "."):
				if ok, err := none(e.Hash); !ok || err != nil {
					return false, err
				}
			case e.Mode != filemode.Dir && e.Mode != filemode.Submodule && roadmap.IsRoadmapFile(e.Name):
				return false, nil
			}
		}
		return true, nil
	}
	return none(tree)
}

// maxMoveDepth bounds how deep movedFrom looks for the folder a roadmap
// moved from.
const maxMoveDepth = 8

// movedFrom finds where the roadmap folder of commit c (tree cur) came from
// when c's parent p has none at its path. Candidates are the folders that
// differ between p and c: one that held a roadmap.yaml c no longer holds
// there, or, if removedToo, one c removed whole (its roadmap.yaml missing
// for a while before the move). A candidate counts only if related to cur:
// a move that edits files keeps its history, but a new roadmap started from
// an old one that is deleted in the same commit does not take the old one's.
// Of several, cur unchanged wins, then one that held a roadmap.yaml, then
// one removed whole; ok is false when none is left, or several tie.
func (r *Repo) movedFrom(p, c *object.Commit, cur plumbing.Hash, removedToo bool) (from string, ok bool, err error) {
	var held, removed []string // related candidates of each sort
	var exact string
	// inRemoved is set below a folder removed whole that is a candidate:
	// a folder in it that held a roadmap.yaml (docs/plan, when the move
	// emptied docs/) is where the roadmap was, not docs/ itself.
	var look func(old, new plumbing.Hash, at string, depth int, inRemoved bool) error
	look = func(old, new plumbing.Hash, at string, depth int, inRemoved bool) error {
		es, err := r.entries(old)
		if err != nil {
			return err
		}
		stays, err := r.holdsRoadmap(new) // the folder still holds a roadmap in c
		if err != nil {
			return err
		}
		newAt := map[string]plumbing.Hash{}
		newEs, err := r.entries(new)
		if err != nil {
			return err
		}
		for _, e := range newEs {
			if e.Mode == filemode.Dir {
				newAt[e.Name] = e.Hash
			}
		}
		if !stays {
			// A folder that held a roadmap.yaml, or one the commit removed
			// whole (its roadmap.yaml missing for a while before the move).
			hadRoadmap, err := r.holdsRoadmap(old)
			if err != nil {
				return err
			}
			if hadRoadmap && old == cur {
				exact = at
			}
			candidate := hadRoadmap || !inRemoved && removedToo && new == plumbing.ZeroHash && at != ""
			if candidate && old != cur {
				if candidate, err = r.related(old, cur); err != nil {
					return err
				}
			}
			switch {
			case candidate && hadRoadmap:
				held = append(held, at)
				return nil // its subfolders are part of it
			case candidate:
				removed = append(removed, at)
				inRemoved = true
			}
		}
		if depth == maxMoveDepth {
			return nil
		}
		for _, e := range es {
			if e.Mode != filemode.Dir || strings.HasPrefix(e.Name, ".") || newAt[e.Name] == e.Hash {
				continue
			}
			if err := look(e.Hash, newAt[e.Name], path.Join(at, e.Name), depth+1, inRemoved); err != nil {
				return err
			}
		}
		return nil
	}
	if err := look(p.TreeHash, c.TreeHash, "", 0, false); err != nil {
		return "", false, err
	}
	switch {
	case exact != "":
		return exact, true, nil
	case len(held) == 1:
		return held[0], true, nil
	case len(held) == 0 && len(removed) == 1:
		return removed[0], true, nil
	}
	return "", false, nil
}

// related reports whether two roadmap folders are versions of one roadmap
// (see folderPrint.related).
func (r *Repo) related(a, b plumbing.Hash) (bool, error) {
	pa, err := r.folderPrint(a)
	if err != nil {
		return false, err
	}
	pb, err := r.folderPrint(b)
	if err != nil {
		return false, err
	}
	return pa.related(pb)
}

// folderPrint is what tells two roadmap folders apart: the texts of their
// files (as blob hashes) and, read only when the texts do not settle it, the
// kinds and ids of their items.
type folderPrint struct {
	blobs map[plumbing.Hash]bool
	ids   func() (map[[2]string]bool, error)
}

// related reports whether two folders are versions of one roadmap: most of
// their files' texts are alike (anywhere in them), or most of their items
// (more than half of all the feature, objective and campaign ids the two
// hold, either way). A starter roadmap that happens to hold a "search"
// feature, as the new one does, is not enough; nor is a new roadmap that
// keeps a file or two of the starter an old one was made from.
func (a folderPrint) related(b folderPrint) (bool, error) {
	if mostly(a.blobs, b.blobs) {
		return true, nil
	}
	ia, err := a.ids()
	if err != nil {
		return false, err
	}
	ib, err := b.ids()
	if err != nil {
		return false, err
	}
	return mostly(ia, ib), nil
}

// mostly reports whether two sets share more than half of what they hold
// between them.
func mostly[K comparable](a, b map[K]bool) bool {
	shared := 0
	for k := range a {
		if b[k] {
			shared++
		}
	}
	return 2*shared > len(a)+len(b)-shared
}

// folderPrint is the print of a roadmap folder's tree; its files are read
// only if its ids are asked for.
func (r *Repo) folderPrint(tree plumbing.Hash) (folderPrint, error) {
	var files []FileChange
	if err := r.loadFiles(tree, "", &files); err != nil {
		return folderPrint{}, err
	}
	p := folderPrint{blobs: map[plumbing.Hash]bool{}}
	for _, f := range files {
		p.blobs[f.New] = true
	}
	p.ids = sync.OnceValues(func() (map[[2]string]bool, error) { return r.itemIDs(files) })
	return p, nil
}

// itemIDs are the kinds and ids of the features, objectives and campaigns
// of some files. It may run beside a walk's visit, so it changes no item:
// an id its chunk did not give is read from a decoding of its own.
func (r *Repo) itemIDs(files []FileChange) (map[[2]string]bool, error) {
	ids := map[[2]string]bool{}
	c := r.items
	for _, f := range files {
		s, err := r.split(f.Path, f.New, plumbing.ZeroHash)
		if err != nil {
			return nil, err
		}
		for _, it := range s.items {
			if kindRank(it.kind) < 0 {
				continue
			}
			c.mu.Lock()
			id := it.id
			v, known := c.decoded[it.hash]
			c.mu.Unlock()
			if id == "" && it.text != nil {
				if !known {
					v, _ = roadmap.DecodeItem(it.kind, it.text)
				}
				id = roadmap.ItemID(v)
			}
			if id != "" {
				ids[[2]string{it.kind, id}] = true
			}
		}
	}
	return ids, nil
}
