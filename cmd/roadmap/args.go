package main

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"
)

// noArgs refuses arguments to a command that takes only flags, in words
// rather than cobra's "unknown command". A roadmap folder given as an
// argument (roadmap validate plans/) is the usual slip, so for one the
// message gives the command with --dir, keeping the other flags.
func (a *app) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	name := cmd.Name()
	if err := a.folderGiven(cmd, args[0], "takes no arguments"); err != nil {
		return err
	}
	return usageError("%s takes no arguments (got %q); see roadmap %s --help", name, args[0], name)
}

// folderGiven is the error for a roadmap folder given as an argument to a
// command that reads a roadmap: the command with --dir, keeping the other
// flags. It is nil for any other argument, and for commands that read no
// roadmap (rules, schema), which --dir would not change.
func (a *app) folderGiven(cmd *cobra.Command, arg, takes string) error {
	dir := a.roadmapFolder(arg)
	if dir == "" || a.dir != "" || slices.Contains(readsNoRoadmap, cmd.Name()) {
		return nil
	}
	a.cmd = cmd // for flagWords: arguments are checked before the command runs
	words := append([]string{cmd.Name(), "--dir", shellWord(dir)}, a.flagWords()...)
	return usageError("%s %s; to read the roadmap in %s: %s", cmd.Name(), takes, dir, a.command(words...))
}

// roadmapFolder is arg, or its roadmap subfolder, when that folder holds
// roadmap.yaml, as the user wrote it; "" otherwise.
func (a *app) roadmapFolder(arg string) string {
	if arg == "" {
		return ""
	}
	dir, _ := roadmapIn(a.wd, arg)
	return dir
}

// roadmapIn is dir, or its roadmap subfolder, whichever first holds a
// roadmap.yaml file, written as dir is; a relative dir is read from base.
// ok is false when neither does.
func roadmapIn(base, dir string) (string, bool) {
	for _, cand := range []string{dir, filepath.Join(dir, "roadmap")} {
		p := cand
		if !filepath.IsAbs(p) {
			p = filepath.Join(base, p)
		}
		if info, err := os.Stat(filepath.Join(p, "roadmap.yaml")); err == nil && info.Mode().IsRegular() {
			return cand, true
		}
	}
	return "", false
}
