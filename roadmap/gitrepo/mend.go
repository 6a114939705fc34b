package gitrepo

import (
	"fmt"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// maxMend bounds how many commits lastParsed reads back.
const maxMend = 10000

// lastParsed finds the version of a file that step mends (f.Old does not
// parse, f.New does) as it last parsed: down the first-parent line from
// step's parent, the newest version that parses, or the zero hash when the
// file did not exist before it broke. Each broken version it passes is
// marked mended, so the walk leaves those commits' changes to step. ok is
// false when it cannot tell: the folder is gone from a commit (it moved),
// the line ends at a shallow clone's edge, or it ran past maxMend commits.
func (r *Repo) lastParsed(step Step, f FileChange) (last plumbing.Hash, ok bool, err error) {
	broken := []plumbing.Hash{f.Old}
	broke, err := r.parent(step.Commit) // holds f.Old
	for i := 0; err == nil && i < maxMend; i++ {
		var c *object.Commit
		if c, err = r.parent(broke); err != nil {
			break
		}
		if c == nil {
			// Broken since the first commit: before it, there was no file.
			r.mend(step, f, broken, broke)
			return plumbing.ZeroHash, true, nil
		}
		h, found, err := r.fileAt(c, step.Dir, f.Path)
		if err != nil || !found {
			return plumbing.ZeroHash, false, err
		}
		if h != plumbing.ZeroHash && h != broken[len(broken)-1] {
			if _, err := r.fileItems(f.Path, h); err != nil {
				return plumbing.ZeroHash, false, err
			}
			if r.isBroken(h) {
				broken = append(broken, h)
			}
		}
		if h == plumbing.ZeroHash || !r.isBroken(h) {
			r.mend(step, f, broken, broke)
			return h, true, nil
		}
		broke = c
	}
	if err == ErrShallow {
		err = nil
	}
	return plumbing.ZeroHash, false, err
}

// mend marks the broken versions of a file as shown at step, and notes
// that they were: the file broke in commit broke.
func (r *Repo) mend(step Step, f FileChange, broken []plumbing.Hash, broke *object.Commit) {
	c := r.items
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, h := range broken {
		c.mended[h] = true
	}
	c.addNote(fmt.Sprintf("%s did not parse from commit %s until commit %s mended it; the changes made in between are shown at %s",
		path.Join(step.Dir, f.Path), broke.Hash.String()[:7], step.Commit.Hash.String()[:7], step.Commit.Hash.String()[:7]))
}

// isMended reports whether broken blob h had its changes shown at the
// commit that mended it.
func (r *Repo) isMended(h plumbing.Hash) bool {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return r.items.mended[h]
}

// fileAt is the blob of the file at p in the folder dir of commit c: found
// is false when c has no such folder, and the hash zero when the folder has
// no such file (or a link, or a folder, there).
func (r *Repo) fileAt(c *object.Commit, dir, p string) (h plumbing.Hash, found bool, err error) {
	h, err = r.subtree(c, dir)
	if err != nil || h == plumbing.ZeroHash {
		return plumbing.ZeroHash, false, err
	}
	names := strings.Split(p, "/")
	for i, name := range names {
		es, err := r.entries(h)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		h = plumbing.ZeroHash
		for _, e := range es {
			last := i == len(names)-1
			if e.Name == name && (last && isFile(e.Mode) || !last && e.Mode == filemode.Dir) {
				h = e.Hash
				break
			}
		}
		if h == plumbing.ZeroHash {
			break
		}
	}
	return h, true, nil
}
