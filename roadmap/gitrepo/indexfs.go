package gitrepo

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// readIndex reads the repository's index, or the index file given.
func (r *Repo) readIndex(file string) (*index.Index, error) {
	if file == "" {
		return r.git.Storer.Index()
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(r.top, file)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	idx := &index.Index{}
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(idx); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return idx, nil
}

// ErrUnmerged is returned for an index that holds a file in conflict: what
// would be committed is not decided yet.
var ErrUnmerged = errors.New("not merged yet")

// indexFS is the roadmap folder as git's index (the staging area) holds it:
// what the next commit would hold, which a pre-commit hook checks.
type indexFS struct {
	repo  *Repo
	files map[string]object.TreeEntry // by path in the folder
	dirs  map[string][]object.TreeEntry
}

// IndexFS returns the folder at dir (slash-separated, relative to the
// repository root; "" for the root) as the index holds it, as an fs.FS.
// indexFile, when not "", is the index to read instead of the repository's
// own: GIT_INDEX_FILE, which git sets for a pre-commit hook when `git commit
// -a` or `git commit PATH` commits an index of its own making. A relative
// path is taken from the top of the work tree, where git runs hooks.
func (r *Repo) IndexFS(dir, indexFile string) (fs.FS, error) {
	idx, err := r.readIndex(indexFile)
	if err != nil {
		return nil, fmt.Errorf("reading the index: %w", err)
	}
	if dir == "." {
		dir = ""
	}
	prefix := ""
	if dir != "" {
		prefix = strings.TrimSuffix(dir, "/") + "/"
	}
	fsys := &indexFS{repo: r, files: map[string]object.TreeEntry{}, dirs: map[string][]object.TreeEntry{".": nil}}
	for _, e := range idx.Entries {
		name, ok := strings.CutPrefix(e.Name, prefix)
		if !ok || !e.Mode.IsFile() || !fs.ValidPath(name) {
			continue
		}
		if e.Stage != 0 {
			if !loadReads(name) {
				continue // a conflict in a file the roadmap does not read
			}
			return nil, fmt.Errorf("%s is %w: resolve the conflict and stage the file", e.Name, ErrUnmerged)
		}
		fsys.add(name, e.Hash, e.Mode)
	}
	if len(fsys.files) == 0 {
		return nil, fmt.Errorf("nothing in %s is staged for commit: git add the roadmap's files first", cmp.Or(dir, "the repository"))
	}
	return fsys, nil
}

// loadReads reports whether a load reads the file at name (slash-separated,
// in the folder): a YAML file not under a folder whose name starts with a dot.
func loadReads(name string) bool {
	dir, _ := path.Split(name)
	return roadmap.IsRoadmapFile(name) && !strings.HasPrefix(dir, ".") && !strings.Contains(dir, "/.")
}

// add records the file at name (a link keeps its mode, so the loader says it
// is not read, as in a folder) and every folder above it.
func (f *indexFS) add(name string, h plumbing.Hash, mode filemode.FileMode) {
	child := object.TreeEntry{Name: path.Base(name), Mode: mode, Hash: h}
	f.files[name] = child
	for dir := path.Dir(name); ; dir = path.Dir(dir) {
		_, known := f.dirs[dir]
		f.dirs[dir] = append(f.dirs[dir], child)
		if known || dir == "." {
			return
		}
		child = object.TreeEntry{Name: path.Base(dir), Mode: filemode.Dir}
	}
}

func (f *indexFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if entries, ok := f.dirs[name]; ok {
		return &indexDir{name: path.Base(name), entries: entries}, nil
	}
	e, ok := f.files[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	text, err := f.repo.blob(e.Hash)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &treeFile{info: entryInfo{entry: e, size: int64(len(text.b))}, r: bytes.NewReader(text.b), text: text}, nil
}

// indexDir is an open folder of the index.
type indexDir struct {
	name    string
	entries []object.TreeEntry
	read    int
}

func (d *indexDir) Stat() (fs.FileInfo, error) {
	return entryInfo{entry: object.TreeEntry{Name: d.name, Mode: filemode.Dir}, when: time.Time{}}, nil
}
func (d *indexDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}
func (d *indexDir) Close() error { return nil }

// ReadDir lists the folder's entries in name order.
func (d *indexDir) ReadDir(n int) ([]fs.DirEntry, error) {
	return readDir(d.entries, &d.read, n, time.Time{})
}
