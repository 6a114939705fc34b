package gitrepo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// ErrNotRepository is returned when no git work tree holds the folder.
var ErrNotRepository = errors.New("not inside a git repository")

// Repo is an opened repository and the caches of its objects.
type Repo struct {
	mu      sync.Mutex // serialises go-git's lookups that fill caches of their own (a tree's entries by name, the refs)
	git     *git.Repository
	top     string // absolute path of the work tree's root
	shallow map[plumbing.Hash]bool
	packs   *packs
	blobs   *blobCache
	trees   *treeCache
	items   *itemCache
	moves   worktreeMoves
	// parents holds the commits parent read, by hash, up to parentsLimit
	// bytes: checking that a revision is on head's first-parent line, then
	// walking it, decodes each commit once.
	parentsMu    sync.Mutex
	parents      map[plumbing.Hash]*object.Commit
	parentsSize  int
	parentsLimit int
}

// Open opens the repository whose work tree holds dir: a normal clone or a
// linked worktree (.git is a file naming the real git folder).
func Open(dir string) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	top := abs
	for {
		if _, err := os.Lstat(filepath.Join(top, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(top)
		if parent == top {
			return nil, fmt.Errorf("%w: no .git above %s", ErrNotRepository, abs)
		}
		top = parent
	}
	dot, err := gitDir(top)
	if err != nil {
		return nil, fmt.Errorf("opening the repository at %s: %w", top, err)
	}
	var storageFS billy.Filesystem = dot
	if common, err := commonDir(dot); err != nil {
		return nil, fmt.Errorf("opening the repository at %s: %w", top, err)
	} else if common != nil {
		storageFS = dotgit.NewRepositoryFilesystem(dot, common)
	}
	// packs reads the packed objects; go-git reads the rest (loose objects,
	// and whatever packs cannot), keeping its packfiles open between reads.
	fsStorage := filesystem.NewStorageWithOptions(storageFS, cache.NewObjectLRUDefault(), filesystem.Options{KeepDescriptors: true})
	st := &storage{Storage: fsStorage, packs: openPacks(dotgit.New(storageFS))}
	repo, err := git.Open(st, osfs.New(top))
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("opening the repository at %s: %w", top, err)
	}
	r := &Repo{git: repo, packs: st.packs, top: top, shallow: map[plumbing.Hash]bool{}, blobs: newBlobCache(blobCacheLimit), trees: &treeCache{entries: map[plumbing.Hash][]object.TreeEntry{}}, items: newItemCache(), parents: map[plumbing.Hash]*object.Commit{}, parentsLimit: parentsLimit}
	if hashes, err := st.Shallow(); err == nil {
		for _, h := range hashes {
			r.shallow[h] = true
		}
	}
	return r, nil
}

// Close releases the packfiles the repository keeps open.
func (r *Repo) Close() error {
	if st, ok := r.git.Storer.(*storage); ok {
		return st.Close()
	}
	return nil
}

// Top is the absolute path of the work tree's root.
func (r *Repo) Top() string { return r.top }

// gitDir is the git folder of the work tree at top: top/.git, or the folder a
// .git file names (linked worktrees, submodules).
func gitDir(top string) (billy.Filesystem, error) {
	p := filepath.Join(top, ".git")
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return osfs.New(p), nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	line, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir: ")
	if !ok {
		return nil, fmt.Errorf("%s does not name a git folder (gitdir: ...)", p)
	}
	line = strings.TrimSpace(strings.SplitN(line, "\n", 2)[0])
	if !filepath.IsAbs(line) {
		line = filepath.Join(top, line)
	}
	return osfs.New(line), nil
}

// commonDir is the shared git folder of a linked worktree, or nil.
func commonDir(dot billy.Filesystem) (billy.Filesystem, error) {
	b, err := os.ReadFile(filepath.Join(dot.Root(), "commondir"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p := strings.TrimSpace(string(b))
	if !filepath.IsAbs(p) {
		p = filepath.Join(dot.Root(), p)
	}
	if _, err := os.Stat(p); err != nil {
		return nil, err
	}
	return osfs.New(p), nil
}
