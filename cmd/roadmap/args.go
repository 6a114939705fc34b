package main

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

// noArgs refuses arguments to a command that takes only flags, in words
// rather than cobra's "unknown command". A folder given as an argument
// (roadmap validate plans/) is the usual slip, so it names --dir.
func (a *app) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	name := cmd.Name()
	p := args[0]
	if !filepath.IsAbs(p) {
		p = filepath.Join(a.wd, p)
	}
	if info, err := os.Stat(p); err == nil && info.IsDir() {
		return usageError("%s takes no arguments; to read the roadmap in %s: roadmap %s --dir %s", name, args[0], name, args[0])
	}
	return usageError("%s takes no arguments (got %q); see roadmap %s --help", name, args[0], name)
}
