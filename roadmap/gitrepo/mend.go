package gitrepo

import (
	"fmt"
	"path"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// maxMend bounds how many commits lastParsed reads back.
const maxMend = 10000

// mends holds, for one walk, the commits at which a file did not parse
// whose changes a newer step showed, at the commit that mended the file:
// the steps of those commits add nothing for the file. It keeps what
// lastParsed found for each mending step, as history asks once per kind of
// item. Both are by commit, not by the file's text: the same broken text
// (a typo made twice, a revert) may stand in two spans, each mended by its
// own commit. Only the walk's visit uses it, one step at a time.
type mends struct {
	shown map[fileInCommit]bool
	last  map[fileInCommit]lastVersion // by the mending step's commit
}

// fileInCommit is a file, by its path in the roadmap folder, at a commit.
type fileInCommit struct {
	commit plumbing.Hash
	path   string
}

type lastVersion struct {
	blob plumbing.Hash
	ok   bool
}

// has reports whether the file at p in step's commit is a broken version a
// newer step showed; a nil mends (no walk) has none.
func (m *mends) has(step Step, p string) bool {
	return m != nil && m.shown[fileInCommit{step.Commit.Hash, p}]
}

// lastParsed finds the version of a file that step mends (f.Old does not
// parse) as it last parsed: down the first-parent line from step's parent,
// the newest version that parses, or the zero hash when the file did not
// exist before it broke. It marks the commits it passes, where the file did
// not parse, in step.mends, and notes the span. ok is false when it cannot
// tell: the file or its folder came from elsewhere (a rename, a move) while
// broken, the line ends at a shallow clone's edge, or it ran past maxMend
// commits. It reads past a walk's stop (history --since): a change made
// before the stop but first readable after it is shown where it was first
// readable, the mend.
func (r *Repo) lastParsed(step Step, f FileChange) (last plumbing.Hash, ok bool, err error) {
	key := fileInCommit{step.Commit.Hash, f.Path}
	if v, done := step.mends.last[key]; done {
		return v.blob, v.ok, nil
	}
	defer func() {
		if err == nil {
			if step.mends.last == nil {
				step.mends.last = map[fileInCommit]lastVersion{}
			}
			step.mends.last[key] = lastVersion{last, ok}
		}
	}()
	broke, err := r.parent(step.Commit) // holds f.Old
	if err != nil || broke == nil {
		return plumbing.ZeroHash, false, err
	}
	span := []plumbing.Hash{broke.Hash} // the commits where the file did not parse
	text := f.Old                       // the broken text broke holds
	for i := 0; err == nil && i < maxMend; i++ {
		var c *object.Commit
		if c, err = r.parent(broke); err != nil {
			break
		}
		if c == nil {
			// Broken since the first commit: before it, there was no file.
			r.mend(step, f, span, broke)
			return plumbing.ZeroHash, true, nil
		}
		h, found, err := r.fileAt(c, step.Dir, f.Path)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		if !found {
			// No folder before broke: new there (after other history, as
			// a roadmap usually is), or moved there from elsewhere.
			if isNew, err := r.folderNew(c, broke, step.Dir); err != nil || !isNew {
				return plumbing.ZeroHash, false, err
			}
			r.mend(step, f, span, broke)
			return plumbing.ZeroHash, true, nil
		}
		if h == plumbing.ZeroHash {
			// New in broke, unless it came from another file or folder.
			if created, err := r.created(c, broke, step.Dir); err != nil || !created {
				return plumbing.ZeroHash, false, err
			}
			r.mend(step, f, span, broke)
			return h, true, nil
		}
		if h != text {
			if _, err := r.fileItems(f.Path, h); err != nil {
				return plumbing.ZeroHash, false, err
			}
			if !r.isBroken(h) {
				r.mend(step, f, span, broke)
				return h, true, nil
			}
			text = h
		}
		broke = c
		span = append(span, c.Hash)
	}
	if err == ErrShallow {
		err = nil
	}
	return plumbing.ZeroHash, false, err
}

// created reports whether commit c, whose first parent is p, removed no
// roadmap file from the folder dir: a file new in c is then no rename.
func (r *Repo) created(p, c *object.Commit, dir string) (bool, error) {
	old, err := r.subtree(p, dir)
	if err != nil {
		return false, err
	}
	cur, err := r.subtree(c, dir)
	if err != nil {
		return false, err
	}
	var files []FileChange
	if err := r.diffTrees(old, cur, "", &files); err != nil {
		return false, err
	}
	for _, f := range files {
		if f.New == plumbing.ZeroHash {
			return false, nil
		}
	}
	return true, nil
}

// folderNew reports whether the roadmap folder at dir in c came from no
// folder of its first parent p: c created it rather than moved it.
func (r *Repo) folderNew(p, c *object.Commit, dir string) (bool, error) {
	cur, err := r.subtree(c, dir)
	if err != nil {
		return false, err
	}
	prev, _, err := r.parentFolder(p, c, dir, cur)
	return err == nil && prev == plumbing.ZeroHash, err
}

// mend marks the file at the commits of span, where it did not parse, as
// shown at step, and notes that they were: the file broke in commit broke.
func (r *Repo) mend(step Step, f FileChange, span []plumbing.Hash, broke *object.Commit) {
	if step.mends.shown == nil {
		step.mends.shown = map[fileInCommit]bool{}
	}
	for _, c := range span {
		step.mends.shown[fileInCommit{c, f.Path}] = true
	}
	what := "mended"
	if f.New == plumbing.ZeroHash {
		what = "removed"
	}
	at := step.Commit.Hash.String()[:7]
	r.addNote(fmt.Sprintf("%s did not parse from commit %s until commit %s %s it; the changes made in between are shown at %s",
		path.Join(step.Dir, f.Path), broke.Hash.String()[:7], at, what, at))
}

// leavesBroken reports whether step leaves a file that does not parse,
// whose changes no newer step of the walk showed.
func (r *Repo) leavesBroken(step Step) bool {
	for _, f := range step.Files {
		if f.New == plumbing.ZeroHash || step.mends.has(step, f.Path) {
			continue
		}
		if _, err := r.fileItems(f.Path, f.New); err != nil || r.isBroken(f.New) {
			return true
		}
	}
	return false
}
