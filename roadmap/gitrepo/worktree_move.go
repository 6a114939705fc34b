package gitrepo

import (
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// worktreeMoves remembers UncommittedMove's answers: a command asks it for
// each revision it reads, and the answer depends on HEAD and the folder only.
type worktreeMoves struct {
	mu   sync.Mutex
	seen map[worktreeMoveKey]worktreeMove
}

type worktreeMoveKey struct {
	head plumbing.Hash
	dir  string
}

type worktreeMove struct {
	from string
	ok   bool
}

// UncommittedMove finds where the roadmap folder at dir in the work tree
// was in commit c (usually HEAD) when the folder was moved and the move is
// not committed yet: the one folder of c holding a roadmap.yaml that the
// work tree no longer holds there, and that is a version of the same
// roadmap as a committed move's folders must be (related). Of several, the
// one whose files are the work tree's, unchanged, is taken; ok is false
// when there is none, or several and not exactly one is unchanged.
func (r *Repo) UncommittedMove(c *object.Commit, dir string) (from string, ok bool, err error) {
	key := worktreeMoveKey{c.Hash, dir}
	r.moves.mu.Lock()
	m, known := r.moves.seen[key]
	r.moves.mu.Unlock()
	if known {
		return m.from, m.ok, nil
	}
	if m.from, m.ok, err = r.uncommittedMove(c, dir); err != nil {
		return "", false, err
	}
	r.moves.mu.Lock()
	defer r.moves.mu.Unlock()
	if r.moves.seen == nil {
		r.moves.seen = map[worktreeMoveKey]worktreeMove{}
	}
	r.moves.seen[key] = m
	return m.from, m.ok, nil
}

func (r *Repo) uncommittedMove(c *object.Commit, dir string) (string, bool, error) {
	if !r.worktreeHolds(dir) {
		return "", false, nil
	}
	// The work tree's folder is read only once a candidate turns up.
	var cur *folderPrint
	var found, exact []string
	var look func(tree plumbing.Hash, at string, depth int) error
	look = func(tree plumbing.Hash, at string, depth int) error {
		es, err := r.entries(tree)
		if err != nil {
			return err
		}
		for _, e := range es {
			if e.Name != "roadmap.yaml" || !isFile(e.Mode) {
				continue
			}
			if at == dir || r.worktreeHolds(at) {
				return nil // not moved away
			}
			p, err := r.folderPrint(tree)
			if err != nil {
				return err
			}
			if cur == nil {
				wt := r.worktreePrint(dir)
				cur = &wt
			}
			related, err := p.related(*cur)
			if err != nil {
				return err
			}
			if related {
				found = append(found, at)
				if maps.Equal(p.blobs, cur.blobs) {
					exact = append(exact, at)
				}
			}
			return nil // its subfolders are part of it
		}
		if depth == maxMoveDepth {
			return nil
		}
		for _, e := range es {
			if e.Mode != filemode.Dir || strings.HasPrefix(e.Name, ".") {
				continue
			}
			if err := look(e.Hash, path.Join(at, e.Name), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := look(c.TreeHash, ".", 0); err != nil {
		return "", false, err
	}
	switch {
	case len(found) == 1:
		return found[0], true, nil
	case len(exact) == 1:
		return exact[0], true, nil
	}
	return "", false, nil
}

// worktreeHolds reports whether the work tree has a roadmap.yaml in the
// folder at (a path from the work tree's root).
func (r *Repo) worktreeHolds(at string) bool {
	st, err := os.Stat(filepath.Join(r.top, filepath.FromSlash(at), "roadmap.yaml"))
	return err == nil && st.Mode().IsRegular()
}

// worktreePrint is folderPrint for the work tree's folder at dir, from one
// load of it: its files hashed as git would store them (unless a filter,
// such as autocrlf, changes them on the way in), and its items' ids.
func (r *Repo) worktreePrint(dir string) folderPrint {
	p := folderPrint{blobs: map[plumbing.Hash]bool{}}
	ids := map[[2]string]bool{}
	p.ids = func() (map[[2]string]bool, error) { return ids, nil }
	rm, err := roadmap.Load(os.DirFS(filepath.Join(r.top, filepath.FromSlash(dir))))
	if err != nil {
		return p
	}
	for _, f := range rm.Files {
		p.blobs[plumbing.ComputeHash(plumbing.BlobObject, f.Text)] = true
	}
	for _, f := range rm.Features {
		ids[[2]string{"features", f.ID}] = true
	}
	for _, o := range rm.Objectives {
		ids[[2]string{"objectives", o.ID}] = true
	}
	for _, c := range rm.Campaigns {
		ids[[2]string{"campaigns", c.ID}] = true
	}
	return p
}
