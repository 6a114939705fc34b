package gitrepo

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// UncommittedMove finds where the roadmap folder at dir in the work tree
// was in commit c (usually HEAD) when the folder was moved and the move is
// not committed yet: the one folder of c holding a roadmap.yaml that the
// work tree no longer holds there, and that is a version of the same
// roadmap as a committed move's folders must be (related). Of several, the
// one whose files are the work tree's, unchanged, is taken; ok is false when
// there is none, or several and none is.
func (r *Repo) UncommittedMove(c *object.Commit, dir string) (from string, ok bool, err error) {
	if !r.worktreeHolds(dir) {
		return "", false, nil
	}
	// The work tree's folder is read only once a candidate turns up.
	var cur *folderPrint
	var found, exact []string
	var look func(tree plumbing.Hash, at string, depth int) error
	look = func(tree plumbing.Hash, at string, depth int) error {
		held, err := r.holdsRoadmap(tree)
		if err != nil {
			return err
		}
		if held {
			if at == dir || r.worktreeHolds(at) {
				return nil // not moved away
			}
			p, err := r.folderPrint(tree)
			if err != nil {
				return err
			}
			if cur == nil {
				wt := worktreePrint(os.DirFS(filepath.Join(r.top, filepath.FromSlash(dir))))
				cur = &wt
			}
			if p.related(*cur) {
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
		es, err := r.entries(tree)
		if err != nil {
			return err
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

// worktreePrint is folderPrint for a folder of the work tree: its files as
// a load reads them, hashed as git would store them, and its items' ids.
func worktreePrint(wt fs.FS) folderPrint {
	p := folderPrint{blobs: map[plumbing.Hash]bool{}, ids: map[[2]string]bool{}}
	fs.WalkDir(wt, ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && name != "." && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir
		case !d.Type().IsRegular() || !isRoadmapFile(name):
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > roadmap.MaxFileSize {
			return nil
		}
		if text, err := fs.ReadFile(wt, name); err == nil {
			p.blobs[plumbing.ComputeHash(plumbing.BlobObject, text)] = true
		}
		return nil
	})
	if rm, err := roadmap.Load(wt); err == nil {
		for _, f := range rm.Features {
			p.ids[[2]string{"features", f.ID}] = true
		}
		for _, o := range rm.Objectives {
			p.ids[[2]string{"objectives", o.ID}] = true
		}
		for _, c := range rm.Campaigns {
			p.ids[[2]string{"campaigns", c.ID}] = true
		}
	}
	return p
}
