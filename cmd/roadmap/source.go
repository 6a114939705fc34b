package main

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/northwind-labs/roadmap/roadmap"
)

// loaded is a roadmap read for a command, with where it came from.
type loaded struct {
	*roadmap.Roadmap
	// root is the absolute path of the roadmap folder.
	root string
}

// roadmapRoot is the folder of the roadmap the command works on: --dir (or its
// roadmap/ subfolder), or the one found from the working folder upwards.
func (a *app) roadmapRoot() (string, error) {
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
	if err != nil || !st.IsDir() {
		return "", usageError("--dir %s: no such folder", a.dir)
	}
	for _, cand := range []string{dir, filepath.Join(dir, "roadmap")} {
		if st, err := os.Stat(filepath.Join(cand, "roadmap.yaml")); err == nil && st.Mode().IsRegular() {
			return cand, nil
		}
	}
	return "", usageError("--dir %s holds no roadmap.yaml (nor roadmap/roadmap.yaml); start one with `roadmap init %s`", a.dir, a.dir)
}

// load reads the roadmap the command works on.
func (a *app) load() (*loaded, error) {
	root, err := a.roadmapRoot()
	if err != nil {
		return nil, err
	}
	r, err := roadmap.Load(os.DirFS(root))
	if err != nil {
		if errors.Is(err, roadmap.ErrNoRoadmap) {
			return nil, &exitError{code: exitUsage, err: err}
		}
		return nil, &exitError{code: exitUsage, err: err}
	}
	return &loaded{Roadmap: r, root: root}, nil
}

// displayPath is a roadmap file's path relative to the working folder, as
// text and json findings show it.
func (a *app) displayPath(l *loaded, p string) string {
	abs := filepath.Join(l.root, filepath.FromSlash(p))
	if rel, err := filepath.Rel(a.wd, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// repoPath is a roadmap file's path relative to the root of the git work tree
// that holds it, as GitHub annotations and SARIF need; relative to the working
// folder when the roadmap is not in a repository.
func (a *app) repoPath(l *loaded, p string) string {
	top := workTreeTop(l.root)
	if top == "" {
		return a.displayPath(l, p)
	}
	rel, err := filepath.Rel(top, filepath.Join(l.root, filepath.FromSlash(p)))
	if err != nil {
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
