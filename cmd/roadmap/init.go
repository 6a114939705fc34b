package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/northwind-labs/roadmap/examples"
	"github.com/spf13/cobra"
)

func (a *app) newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a small working roadmap to start from (never overwrites)",
		Long: `Init writes a small, commented roadmap into DIR, or the folder --dir names
(default: roadmap, a folder that roadmap finds from the repository root). It
refuses to run if any file it would write already exists, so it never overwrites
your work, and to start a roadmap inside another one (or around one): a roadmap
reads every YAML file below its roadmap.yaml, so the two would merge.`,
		Example: `  roadmap init              # creates roadmap/roadmap.yaml and friends
  roadmap init plans/2027`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError("init takes one folder to write the roadmap in, not %d: roadmap init [DIR]", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "roadmap"
			switch {
			case len(args) == 1 && a.dir != "" && filepath.Clean(args[0]) != filepath.Clean(a.dir):
				return usageError("init got two folders, %s and --dir %s; give one", args[0], a.dir)
			case len(args) == 1:
				dir = args[0]
			case a.dir != "":
				dir = a.dir
			}
			return a.runInit(dir)
		},
	}
}

func (a *app) runInit(dir string) error {
	if err := a.refuseAt("init writes new files"); err != nil {
		return err
	}
	starter := examples.Starter()
	target := dir
	if !filepath.IsAbs(target) {
		target = filepath.Join(a.wd, dir)
	}
	var files []string
	err := fs.WalkDir(starter, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := a.refuseNested(dir, target); err != nil {
		return err
	}
	for _, p := range files {
		if _, err := os.Lstat(filepath.Join(target, filepath.FromSlash(p))); err == nil {
			return usageError("%s already exists; init never overwrites, so nothing was written", filepath.Join(dir, filepath.FromSlash(p)))
		}
	}
	for _, p := range files {
		data, err := fs.ReadFile(starter, p)
		if err != nil {
			return err
		}
		dest := filepath.Join(target, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return usageError("creating %s: %v", filepath.Dir(dest), err)
		}
		if err := createFileExclusive(dest, data); err != nil {
			return usageError("writing %s: %v", dest, err)
		}
		fmt.Fprintf(a.stdout, "created %s\n", filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p))))
	}
	fmt.Fprintf(a.stdout, "\nNext: edit the files, then run: roadmap validate --dir %s\n", shellWord(dir))
	return nil
}

// refuseNested refuses a roadmap inside another, or around one: the outer
// roadmap reads every YAML file below it, so the two would merge into one
// with two sets of settings. Below, folders are searched up to a bound, as a
// roadmap reads them (not those starting with a dot). Above, a roadmap.yaml
// counts up to the top of the outermost repository (a repository checked
// out inside a roadmap is still read by it); one above every repository, or
// anywhere above when there is none, is no roadmap of the repository's.
func (a *app) refuseNested(dir, target string) error {
	if inner := roadmapBelow(target); inner != "" {
		return usageError("%s holds a roadmap (%s); a roadmap in %s would read its files as its own. Use that roadmap, or init another folder",
			dir, a.fromWd(inner), dir)
	}
	outer, top := "", ""
	for d := target; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, "roadmap.yaml")); outer == "" && d != target && err == nil && st.Mode().IsRegular() {
			outer = d
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			top = d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if outer == "" || top != "" && len(outer) < len(top) {
		return nil
	}
	return usageError("%s is inside the roadmap at %s (%s), which reads every YAML file below it: the new files would join it. Add to that roadmap, or init a folder outside it",
		dir, a.fromWd(outer), a.fromWd(filepath.Join(outer, "roadmap.yaml")))
}

// maxInitScan bounds the entries init looks through below its folder for a
// roadmap: init . at the top of a large repository stays quick.
const maxInitScan = 20000

// roadmapBelow is a roadmap.yaml in a folder below dir, or "".
func roadmapBelow(dir string) string {
	found, seen := "", 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if seen++; err != nil || seen > maxInitScan {
			return filepath.SkipAll
		}
		switch {
		case e.IsDir() && p != dir && strings.HasPrefix(e.Name(), "."):
			return filepath.SkipDir
		case !e.IsDir() && e.Name() == "roadmap.yaml" && filepath.Dir(p) != dir && e.Type().IsRegular():
			found = p
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
