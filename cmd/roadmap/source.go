package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo"
)

// loaded is a roadmap read for a command, with where it came from.
type loaded struct {
	*roadmap.Roadmap
	// root is the absolute path of the roadmap folder in the working tree
	// (with --at, where its files would be).
	root string
	// rev is the revision read with --at, or "" for the working tree.
	rev string
}

// roadmapRoot is the folder of the roadmap the command works on: --dir (or its
// roadmap/ subfolder), or the one found from the working folder upwards.
func (a *app) roadmapRoot() (string, error) { return a.findRoot(a.at != "") }

// historyRoot is roadmapRoot for commands that read git history: --dir may
// name a folder the working tree no longer has.
func (a *app) historyRoot() (string, error) { return a.findRoot(true) }

func (a *app) findRoot(fromGit bool) (string, error) {
	if fromGit && a.dir != "" {
		// With --at the folder need not exist in the working tree any more.
		dir := a.dir
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(a.wd, dir)
		}
		if _, err := os.Stat(filepath.Join(dir, "roadmap.yaml")); err != nil {
			if _, err := os.Stat(filepath.Join(dir, "roadmap", "roadmap.yaml")); err == nil {
				return filepath.Join(dir, "roadmap"), nil
			}
		}
		return dir, nil
	}
	if a.dir == "" {
		root, err := roadmap.Discover(a.wd)
		if err != nil {
			return "", &exitError{code: exitUsage, err: err}
		}
		return root, nil
	}
	dir := a.dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(a.wd, dir)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return "", usageError("--dir %s: no such folder", a.dir)
	}
	if !st.IsDir() {
		return "", usageError("--dir %s is a file; give the folder that holds roadmap.yaml", a.dir)
	}
	if root, ok := roadmapIn(a.wd, dir); ok {
		return root, nil
	}
	return "", usageError("--dir %s holds no roadmap.yaml (nor roadmap/roadmap.yaml); start one with: roadmap init %s", a.dir, shellWord(a.dir))
}

// load reads the roadmap the command works on: the working tree's, or with
// --at the one of that revision.
func (a *app) load() (*loaded, error) {
	root, err := a.roadmapRoot()
	if err != nil {
		return nil, err
	}
	if a.at == "" {
		r, err := roadmap.Load(os.DirFS(root))
		if err != nil {
			return nil, &exitError{code: exitUsage, err: err}
		}
		return &loaded{Roadmap: r, root: root}, nil
	}
	repo, err := a.openRepo(root)
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	r, at, err := a.loadAt(repo, root, a.at)
	if err != nil {
		return nil, err
	}
	// Findings name the files where the revision has them.
	return &loaded{Roadmap: r, root: at, rev: a.at}, nil
}

// loadStaged reads the roadmap as git's index holds it, what the next
// commit would hold: a pre-commit hook checks that, not the working tree,
// where a change may be left unstaged.
func (a *app) loadStaged() (*loaded, error) {
	// The index, not the working tree, says whether --dir holds a roadmap.
	root, err := a.findRoot(true)
	if errors.Is(err, roadmap.ErrNoRoadmap) {
		// roadmap.yaml may be gone from the working tree and still staged.
		if staged, ok := a.stagedRoot(); ok {
			root, err = staged, nil
		}
	}
	if err != nil {
		return nil, err
	}
	repo, err := a.openRepo(root)
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	prefix, err := repoPrefix(repo, root)
	if err != nil {
		return nil, err
	}
	fsys, err := repo.IndexFS(prefix, a.indexFile())
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	r, err := roadmap.Load(fsys)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return &loaded{Roadmap: r, root: root}, nil
}

// indexFile is the index git asks a hook to read (GIT_INDEX_FILE), or ""
// for the repository's own.
func (a *app) indexFile() string {
	f, _ := a.lookupEnv("GIT_INDEX_FILE")
	return f
}

// stagedRoot finds the roadmap in git's index as Discover finds it in the
// working tree: roadmap.yaml or roadmap/roadmap.yaml in the working folder
// and then each parent, up to the repository's top.
func (a *app) stagedRoot() (string, bool) {
	repo, err := gitrepo.Open(a.wd)
	if err != nil {
		return "", false
	}
	defer repo.Close()
	prefix, err := repoPrefix(repo, a.wd)
	if err != nil {
		return "", false
	}
	index, err := repo.IndexFS(".", a.indexFile())
	if err != nil {
		return "", false
	}
	for p := prefix; ; p = path.Dir(p) {
		for _, cand := range []string{p, path.Join(p, "roadmap")} {
			if st, err := fs.Stat(index, path.Join(cand, "roadmap.yaml")); err == nil && st.Mode().IsRegular() {
				return filepath.Join(repo.Top(), filepath.FromSlash(cand)), true
			}
		}
		if p == "." {
			return "", false
		}
	}
}

// openRepo opens the repository that holds the roadmap folder.
func (a *app) openRepo(root string) (*gitrepo.Repo, error) {
	repo, err := gitrepo.Open(root)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return repo, nil
}

// loadAt reads the roadmap of revision rev: the folder at the same path,
// relative to the repository root, as root has in the working tree, or
// where it was before a commit moved it there. at is that folder, as a
// path in the working tree.
func (a *app) loadAt(repo *gitrepo.Repo, root, rev string) (r *roadmap.Roadmap, at string, err error) {
	c, err := repo.Resolve(rev)
	if err != nil {
		return nil, "", &exitError{code: exitUsage, err: err}
	}
	prefix, err := repoPrefix(repo, root)
	if err != nil {
		return nil, "", err
	}
	dir, err := folderOf(repo, c, prefix)
	if err != nil {
		return nil, "", &exitError{code: exitUsage, err: err}
	}
	return loadCommit(repo, root, rev, c, prefix, dir)
}

// load is loadAt for a revision of g, resolved once per command.
func (g *gitRoadmap) load(rev string) (*roadmap.Roadmap, error) {
	r, _, err := g.loadWhere(rev)
	return r, err
}

// loaded is load as a command's roadmap, its findings' paths where rev has
// its folder.
func (g *gitRoadmap) loaded(rev string) (*loaded, error) {
	r, at, err := g.loadWhere(rev)
	if err != nil {
		return nil, err
	}
	return &loaded{Roadmap: r, root: at, rev: rev}, nil
}

// loadWhere is load, and says where the folder it read is in the working
// tree (where it was before a move), for the paths of its findings.
func (g *gitRoadmap) loadWhere(rev string) (*roadmap.Roadmap, string, error) {
	c, err := g.resolve(rev)
	if err != nil {
		return nil, "", err
	}
	dir, err := g.dir(c)
	if err != nil {
		return nil, "", err
	}
	return loadCommit(g.repo, g.root, rev, c, g.prefix, dir)
}

// loadCommit reads the roadmap of commit c, which rev names, from folder
// dir (prefix, the working tree's folder, unless it moved), and says where
// that folder is in the working tree, as loadAt does.
func loadCommit(repo *gitrepo.Repo, root, rev string, c *object.Commit, prefix, dir string) (*roadmap.Roadmap, string, error) {
	r, err := repo.Load(c, dir)
	if err != nil {
		return nil, "", loadError(rev, dir, err)
	}
	if dir == prefix {
		return r, root, nil
	}
	return r, filepath.Join(repo.Top(), filepath.FromSlash(dir)), nil
}

// folderOf is the roadmap folder of commit c: prefix, its path in the
// working tree, unless c has no roadmap.yaml there and a commit on HEAD's
// line, or the working tree itself, moved the folder to prefix; then the
// path it had in c. History the clone lacks (a shallow clone's edge) is an
// error, not a folder guessed.
func folderOf(repo *gitrepo.Repo, c *object.Commit, prefix string) (string, error) {
	if ok, err := repo.HasRoadmap(c, prefix); ok || err != nil {
		return prefix, err
	}
	head, err := repo.Resolve("HEAD")
	if err != nil {
		return prefix, nil
	}
	// The working tree moved the folder to prefix and the move is not
	// committed yet: HEAD has it where it was.
	at := prefix
	if ok, err := repo.HasRoadmap(head, prefix); err != nil {
		return "", err
	} else if !ok {
		from, moved, err := repo.UncommittedMove(head, prefix)
		if err != nil {
			return "", err
		}
		if moved {
			at = from
		}
	}
	dir, err := repo.FolderAt(head, c, at)
	if !errors.Is(err, gitrepo.ErrNotAncestor) {
		return dir, err
	}
	// c is off HEAD's line: on a branch made before the folder moved, or
	// merged into the line (a release branch, a pull request's merge
	// commit). Its folder is one the roadmap had on HEAD's line, the
	// newest that c holds a roadmap in.
	dirs, err := repo.Folders(head, at)
	if err != nil {
		return "", err
	}
	for _, dir := range dirs {
		if ok, err := repo.HasRoadmap(c, dir); ok || err != nil {
			return dir, err
		}
	}
	return prefix, nil
}

// hasRoadmap checks, without loading it, that commit c (which rev names)
// has a roadmap: it fails as load would when it has none.
func (g *gitRoadmap) hasRoadmap(rev string, c *object.Commit) error {
	dir, err := g.dir(c)
	if err != nil {
		return err
	}
	fsys, err := g.repo.FS(c, dir)
	if err == nil {
		if _, err = fs.Stat(fsys, "roadmap.yaml"); errors.Is(err, fs.ErrNotExist) {
			err = roadmap.ErrNoRoadmap
		}
	}
	if err != nil {
		return loadError(rev, dir, err) // where it looked: the folder may have moved
	}
	return nil
}

// loadError says why the roadmap at rev could not be read (exit 2).
func loadError(rev, prefix string, err error) error {
	switch {
	case errors.Is(err, gitrepo.ErrNoRoadmapAt):
		err = fmt.Errorf("%s has no folder %s", rev, displayPrefix(prefix))
	case errors.Is(err, roadmap.ErrNoRoadmap):
		err = fmt.Errorf("%s has no roadmap.yaml in %s", rev, displayPrefix(prefix))
	default:
		err = fmt.Errorf("reading the roadmap at %s: %w", rev, err)
	}
	return &exitError{code: exitUsage, err: err}
}

// repoPrefix is the roadmap folder's slash path relative to the repository root.
func repoPrefix(repo *gitrepo.Repo, root string) (string, error) {
	// git stores a link as a link: a folder reached through one is found
	// in the trees where the link leads.
	real := realPath(root)
	rel, err := filepath.Rel(realPath(repo.Top()), real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		if real != root {
			return "", usageError("the roadmap folder %s leads to %s, outside the repository at %s, whose history does not hold it", root, real, repo.Top())
		}
		return "", usageError("the roadmap folder %s is outside the repository at %s", root, repo.Top())
	}
	return filepath.ToSlash(rel), nil
}

// realPath is p with its links resolved, as far as p exists: a folder a
// revision has and the working tree no longer does keeps the rest of its path.
func realPath(p string) string {
	rest := ""
	for dir := p; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(dir) == dir {
			return p
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

func displayPrefix(prefix string) string {
	if prefix == "." {
		return "the repository root"
	}
	return prefix + "/"
}

// displayPath is a roadmap file's path relative to the working folder, as
// text and json findings show it.
func (a *app) displayPath(l *loaded, p string) string {
	return a.fromWd(filepath.Join(l.root, filepath.FromSlash(p)))
}

// fromWd is an absolute path made relative to the working folder.
func (a *app) fromWd(abs string) string {
	if rel, err := filepath.Rel(a.wd, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// showPaths names each of r's findings' file, and any file of r its message
// names ("first defined at features/core.yaml:15"), as show names them, so
// that both open from where the command runs. It returns what show makes of
// each file's path.
func showPaths(r *roadmap.Roadmap, findings []roadmap.Finding, show func(string) string) map[string]string {
	shown := map[string]string{}
	var places []string
	for _, f := range r.Files {
		s := show(f.Path)
		shown[f.Path] = s
		if s != f.Path {
			places = append(places, " at "+f.Path+":", " at "+s+":")
		}
	}
	named := strings.NewReplacer(places...)
	for i := range findings {
		f := &findings[i]
		if s, ok := shown[f.Path]; ok {
			f.Path = s
		} else {
			f.Path = show(f.Path)
		}
		f.Message = named.Replace(f.Message)
	}
	return shown
}

// repoPath is a roadmap file's path relative to the root of the git work tree
// that holds it, as GitHub annotations and SARIF need; relative to the working
// folder when the roadmap is not in a repository.
func (a *app) repoPath(l *loaded, p string) string {
	top := workTreeTop(l.root)
	if top == "" {
		return a.displayPath(l, p)
	}
	// Where git has the file: through a link, where the link leads.
	rel, err := filepath.Rel(realPath(top), realPath(filepath.Join(l.root, filepath.FromSlash(p))))
	if err != nil || !filepath.IsLocal(rel) {
		return a.displayPath(l, p)
	}
	return filepath.ToSlash(rel)
}

// workTreeTop is the nearest folder at or above dir holding .git (a folder, or
// a file in a linked worktree), or "".
func workTreeTop(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// gitRoadmap is the repository that holds the roadmap, for the commands that
// read its history: the roadmap folder in the working tree, its path in the
// repository, and the revision to read from (--at, or HEAD).
type gitRoadmap struct {
	repo    *gitrepo.Repo
	root    string
	prefix  string
	rev     string
	mu      sync.Mutex                // guards commits and dirs: diff reads its two sides at once
	commits map[string]*object.Commit // revisions resolved so far
	dirs    map[plumbing.Hash]string  // the roadmap folder of commits, found so far
	warned  int                       // the repository's notes told on stderr so far
}

// openGit opens the repository of the roadmap; the caller closes it.
func (a *app) openGit() (*gitRoadmap, error) {
	root, err := a.historyRoot()
	if err != nil {
		return nil, err
	}
	repo, err := a.openRepo(root)
	if err != nil {
		return nil, err
	}
	prefix, err := repoPrefix(repo, root)
	if err != nil {
		repo.Close()
		return nil, err
	}
	rev := "HEAD"
	if a.at != "" {
		rev = a.at
	}
	return &gitRoadmap{repo: repo, root: root, prefix: prefix, rev: rev}, nil
}

func (g *gitRoadmap) Close() error { return g.repo.Close() }

// dir is the roadmap folder of commit c, where walks from c start: the
// working tree's, or where it was before a commit moved it there. Its
// errors are usage errors (exit 2): history a shallow clone lacks.
func (g *gitRoadmap) dir(c *object.Commit) (string, error) {
	g.mu.Lock()
	dir, ok := g.dirs[c.Hash]
	g.mu.Unlock()
	if ok {
		return dir, nil
	}
	dir, err := folderOf(g.repo, c, g.prefix)
	if err != nil {
		return "", &exitError{code: exitUsage, err: err}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.dirs == nil {
		g.dirs = map[plumbing.Hash]string{}
	}
	g.dirs[c.Hash] = dir
	return dir, nil
}

// resolve finds the commit a revision names; an unknown revision or one past
// a shallow clone's edge is a usage error (exit 2).
func (g *gitRoadmap) resolve(rev string) (*object.Commit, error) {
	g.mu.Lock()
	c, ok := g.commits[rev]
	g.mu.Unlock()
	if ok {
		return c, nil
	}
	c, err := g.repo.Resolve(rev)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.commits == nil {
		g.commits = map[string]*object.Commit{}
	}
	g.commits[rev] = c
	return c, nil
}

// before reports whether revision a is an ancestor of revision b; false
// when either does not resolve.
func (g *gitRoadmap) before(a, b string) bool {
	ca, err := g.resolve(a)
	if err != nil {
		return false
	}
	cb, err := g.resolve(b)
	if err != nil {
		return false
	}
	ok, err := ca.IsAncestor(cb)
	return err == nil && ok
}
