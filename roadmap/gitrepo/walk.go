package gitrepo

import (
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// FileChange is a roadmap file that differs between a commit and its parent;
// a zero hash means the file is absent on that side.
type FileChange struct {
	Path     string // relative to the roadmap folder
	Old, New plumbing.Hash
}

// Step is one commit whose roadmap folder differs from its first parent's.
type Step struct {
	Commit *object.Commit
	// Dir is the roadmap folder's path in Commit: the walk follows the
	// folder back through the commits that moved it.
	Dir   string
	Files []FileChange
	// Parent is the folder's tree in the first parent; zero when it had none.
	Parent plumbing.Hash
	// mends is set when Files compare Commit with its first parent, as a
	// walk's do, so a version that does not parse can be looked past down
	// the line (lastParsed): it holds, for the walk, the broken versions
	// whose changes a newer step showed.
	mends *mends
}

// Walk visits, newest first, the commits on the first-parent line from head
// back to stop (not visited; the zero hash walks to the root). It skips every
// commit whose folder at dir has the same tree hash as its parent's, and for
// the others compares only the subtrees that differ. Where a commit moved
// the folder to dir from elsewhere, the walk goes on in the folder it came
// from. visit returning ErrStop ends the walk without error.
func (r *Repo) Walk(head *object.Commit, stop plumbing.Hash, dir string, visit func(Step) error) error {
	return r.walk(head, stop, dir, visit)
}

// walk is Walk on several goroutines: one compares the trees, one for each
// of stages runs it on each step in turn (reading and splitting the blobs
// visit is about to need), and the caller's runs visit, in order. The others
// run ahead of visit by a bounded number of steps, so on two cores the
// reading overlaps the comparing.
func (r *Repo) walk(head *object.Commit, stop plumbing.Hash, dir string, visit func(Step) error, stages ...func(Step)) error {
	done := make(chan struct{})
	steps := make(chan Step, 64)
	var walkErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(steps)
		walkErr = r.walkTrees(head, stop, dir, func(s Step) error {
			select {
			case steps <- s:
				return nil
			case <-done:
				return ErrStop
			}
		})
	})
	var in <-chan Step = steps
	for _, stage := range stages {
		src, out := in, make(chan Step, 16)
		wg.Go(func() {
			defer close(out)
			for s := range src {
				select {
				case <-done:
					continue // visit has stopped: let the tree walk end
				default:
				}
				stage(s)
				select {
				case out <- s:
				case <-done:
				}
			}
		})
		in = out
	}
	var err error
	for s := range in {
		if err = visit(s); err != nil {
			break
		}
	}
	close(done)
	for range in {
	}
	wg.Wait()
	switch {
	case err == ErrStop:
		return nil
	case err != nil:
		return err
	}
	return walkErr
}

// walkTrees is Walk on the caller's goroutine.
func (r *Repo) walkTrees(head *object.Commit, stop plumbing.Hash, dir string, visit func(Step) error) error {
	m := &mends{}
	_, err := r.line(head, stop, dir, func(c *object.Commit, dir string, prev, cur plumbing.Hash) error {
		var files []FileChange
		if err := r.diffTrees(prev, cur, "", &files); err != nil || len(files) == 0 {
			return err
		}
		return visit(Step{Commit: c, Dir: dir, Files: files, Parent: prev, mends: m})
	})
	if err == ErrStop {
		return nil
	}
	return err
}

// line follows head's first-parent line back to stop (not stepped; the
// zero hash goes to the root), keeping the roadmap folder's path and tree:
// through a commit that moved the folder, it goes on where the folder came
// from. step, if not nil, is called for each commit whose folder's tree
// differs from its parent's (prev, zero when the parent has none), with the
// folder's path in that commit; an error it returns ends the line. line
// returns the folder's path at stop, or ErrNotAncestor when stop is not on
// the line.
func (r *Repo) line(head *object.Commit, stop plumbing.Hash, dir string, step func(c *object.Commit, dir string, prev, cur plumbing.Hash) error) (string, error) {
	c := head
	cur, err := r.subtree(c, dir)
	if err != nil {
		return "", err
	}
	for c != nil && c.Hash != stop {
		p, err := r.parent(c)
		if err != nil {
			return "", err
		}
		prev, from, err := r.parentFolder(p, c, dir, cur)
		if err != nil {
			return "", err
		}
		if prev != cur && step != nil {
			if err := step(c, dir, prev, cur); err != nil {
				return "", err
			}
		}
		c, cur, dir = p, prev, from
	}
	if c == nil && stop != plumbing.ZeroHash {
		return "", ErrNotAncestor
	}
	return dir, nil
}

// ErrStop ends a walk early from inside its visit function.
var ErrStop = fmt.Errorf("stop the walk")

// ErrNotAncestor is returned when a walk's stop is not on the first-parent
// line of its head: the commits between them cannot be told apart from the
// ones before.
var ErrNotAncestor = fmt.Errorf("not on the first-parent line")

// diffTrees appends the roadmap files (*.yaml, *.yml, not under a folder
// starting with a dot) that differ between two trees; either may be zero.
func (r *Repo) diffTrees(old, new plumbing.Hash, prefix string, out *[]FileChange) error {
	if old == new {
		return nil
	}
	oldEntries, err := r.entries(old)
	if err != nil {
		return err
	}
	newEntries, err := r.entries(new)
	if err != nil {
		return err
	}
	i, j := 0, 0
	for i < len(oldEntries) || j < len(newEntries) {
		var o, n *object.TreeEntry
		switch {
		case j == len(newEntries) || i < len(oldEntries) && gitName(oldEntries[i]) < gitName(newEntries[j]):
			o = &oldEntries[i]
			i++
		case i == len(oldEntries) || gitName(newEntries[j]) < gitName(oldEntries[i]):
			n = &newEntries[j]
			j++
		default:
			o, n = &oldEntries[i], &newEntries[j]
			i++
			j++
		}
		if err := r.diffEntry(o, n, prefix, out); err != nil {
			return err
		}
	}
	return nil
}

func (r *Repo) diffEntry(o, n *object.TreeEntry, prefix string, out *[]FileChange) error {
	if o != nil && n != nil && o.Hash == n.Hash && o.Mode == n.Mode {
		return nil
	}
	name := path.Join(prefix, nameOf(o, n))
	var oldDir, newDir, oldFile, newFile plumbing.Hash
	for _, side := range []struct {
		e         *object.TreeEntry
		dir, file *plumbing.Hash
	}{{o, &oldDir, &oldFile}, {n, &newDir, &newFile}} {
		switch {
		case side.e == nil:
		case side.e.Mode == filemode.Dir:
			*side.dir = side.e.Hash
		case isFile(side.e.Mode) && roadmap.IsRoadmapFile(side.e.Name):
			*side.file = side.e.Hash
		}
	}
	if (oldDir != plumbing.ZeroHash || newDir != plumbing.ZeroHash) && !strings.HasPrefix(path.Base(name), ".") {
		if err := r.diffTrees(oldDir, newDir, name, out); err != nil {
			return err
		}
	}
	if oldFile != newFile {
		*out = append(*out, FileChange{Path: name, Old: oldFile, New: newFile})
	}
	return nil
}

// gitName is the name git sorts a tree entry by: folders as if with a slash.
func gitName(e object.TreeEntry) string {
	if e.Mode == filemode.Dir {
		return e.Name + "/"
	}
	return e.Name
}

func nameOf(o, n *object.TreeEntry) string {
	if o != nil {
		return o.Name
	}
	return n.Name
}
