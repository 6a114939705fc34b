package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// ErrNoRoadmapAt is returned when a revision has no folder at the roadmap's path.
var ErrNoRoadmapAt = errors.New("no roadmap folder at that path in the revision")

// treeFS is a git tree as a read-only fs.FS.
type treeFS struct {
	repo *Repo
	root *object.Tree
	when time.Time
	read map[string]plumbing.Hash // the blob of each file opened, guarded by repo.mu
}

// Load reads the roadmap at dir in commit c, as roadmap.Load reads a folder.
// It remembers which of the files parse, so a walk from c need not decode
// their items again only to learn that they parse.
func (r *Repo) Load(c *object.Commit, dir string) (*roadmap.Roadmap, error) {
	fsys, err := r.FS(c, dir)
	if err != nil {
		return nil, err
	}
	rm, err := roadmap.Load(fsys)
	if err != nil {
		return nil, err
	}
	broken := map[string]bool{}
	for _, f := range rm.Findings {
		if f.Rule == "syntax" {
			broken[f.Path] = true
		}
	}
	t := fsys.(*treeFS)
	r.mu.Lock()
	defer r.mu.Unlock()
	for p, h := range t.read {
		r.items.setWhole(h, !broken[p])
	}
	return rm, nil
}

// FS returns the folder at dir (slash-separated, relative to the repository
// root; "" or "." for the root) of commit c as an fs.FS.
func (r *Repo) FS(c *object.Commit, dir string) (fs.FS, error) {
	tree, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("reading the tree of %s: %w", c.Hash.String()[:7], err)
	}
	if dir != "" && dir != "." {
		tree, err = tree.Tree(dir)
		if err != nil {
			return nil, fmt.Errorf("%w: %s has no folder %s", ErrNoRoadmapAt, c.Hash.String()[:7], dir)
		}
	}
	return &treeFS{repo: r, root: tree, when: c.Committer.When, read: map[string]plumbing.Hash{}}, nil
}

func (t *treeFS) Open(name string) (fs.File, error) {
	e, dir, err := t.find(name)
	switch {
	case err != nil:
		return nil, err
	case dir != nil:
		return dir, nil
	}
	// The text is read outside the lock: the loader's goroutines rebuild
	// their files at once.
	text, err := t.repo.blob(e.Hash)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &treeFile{info: entryInfo{entry: e, size: int64(len(text.b)), when: t.when}, r: bytes.NewReader(text.b), text: text}, nil
}

// find finds the file or folder name: a folder is opened, a file's entry
// returned.
func (t *treeFS) find(name string) (object.TreeEntry, *treeDir, error) {
	// The loader opens files from several goroutines, and go-git's Tree
	// fills a lookup map on first use: one at a time.
	t.repo.mu.Lock()
	defer t.repo.mu.Unlock()
	var none object.TreeEntry
	if !fs.ValidPath(name) {
		return none, nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return none, &treeDir{fsys: t, tree: t.root, name: "."}, nil
	}
	dir, base := path.Split(name)
	parent := t.root
	if dir != "" {
		var err error
		if parent, err = t.root.Tree(strings.TrimSuffix(dir, "/")); err != nil {
			return none, nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
	}
	for _, e := range parent.Entries {
		if e.Name != base {
			continue
		}
		if e.Mode == filemode.Dir {
			sub, err := t.root.Tree(name)
			if err != nil {
				return none, nil, &fs.PathError{Op: "open", Path: name, Err: err}
			}
			return none, &treeDir{fsys: t, tree: sub, name: base}, nil
		}
		if !e.Mode.IsFile() {
			return none, nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		t.read[name] = e.Hash
		return e, nil, nil
	}
	return none, nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// treeFile is an open blob, its text held until it is closed.
type treeFile struct {
	info   entryInfo
	r      *bytes.Reader
	text   blobText
	closed bool
}

func (f *treeFile) Stat() (fs.FileInfo, error) { return f.info, nil }

func (f *treeFile) Read(b []byte) (int, error) {
	if f.closed {
		return 0, fs.ErrClosed
	}
	return f.r.Read(b)
}

func (f *treeFile) Close() error {
	if f.closed {
		return fs.ErrClosed
	}
	f.closed = true
	f.text.release()
	return nil
}

// treeDir is an open tree.
type treeDir struct {
	fsys *treeFS
	tree *object.Tree
	name string
	read int
}

func (d *treeDir) Stat() (fs.FileInfo, error) {
	return entryInfo{entry: object.TreeEntry{Name: d.name, Mode: filemode.Dir}, when: d.fsys.when}, nil
}
func (d *treeDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}
func (d *treeDir) Close() error { return nil }

// ReadDir lists the tree's entries in name order; blob sizes are not read.
func (d *treeDir) ReadDir(n int) ([]fs.DirEntry, error) {
	return readDir(d.tree.Entries, &d.read, n, d.fsys.when)
}

// readDir is fs.ReadDirFile's ReadDir over a folder's entries, in name
// order, from the read-th on, as of when; read counts what was listed.
func readDir(entries []object.TreeEntry, read *int, n int, when time.Time) ([]fs.DirEntry, error) {
	entries = slices.SortedFunc(slices.Values(entries), func(a, b object.TreeEntry) int { return strings.Compare(a.Name, b.Name) })
	rest := entries[*read:]
	if n > 0 && len(rest) > n {
		rest = rest[:n]
	}
	*read += len(rest)
	out := make([]fs.DirEntry, len(rest))
	for i, e := range rest {
		out[i] = fs.FileInfoToDirEntry(entryInfo{entry: e, size: -1, when: when})
	}
	if n > 0 && len(out) == 0 {
		return nil, io.EOF
	}
	return out, nil
}

// entryInfo describes a tree entry.
type entryInfo struct {
	entry object.TreeEntry
	size  int64
	when  time.Time
}

func (i entryInfo) Name() string       { return i.entry.Name }
func (i entryInfo) Size() int64        { return i.size }
func (i entryInfo) ModTime() time.Time { return i.when }
func (i entryInfo) IsDir() bool        { return i.entry.Mode == filemode.Dir }
func (i entryInfo) Sys() any           { return nil }
func (i entryInfo) Mode() fs.FileMode {
	switch {
	case i.entry.Mode == filemode.Dir:
		return fs.ModeDir | 0o555
	case i.entry.Mode == filemode.Symlink:
		return fs.ModeSymlink | 0o444
	case i.entry.Mode == filemode.Submodule:
		return fs.ModeIrregular
	}
	return 0o444
}
