package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

// formatFor is the format a command writes: --format when given; otherwise,
// with -o, the one the file's extension names among those the command writes
// (export -o roadmap.html writes HTML), the default for a text file or one
// without an extension, and a usage error for any other extension (report
// -o report.pdf must not write text under that name).
func formatFor(cmd *cobra.Command, format, output string, allowed ...string) (string, error) {
	if cmd.Flags().Changed("format") || output == "" || output == "-" {
		return format, nil
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
	switch ext {
	case "htm":
		ext = "html"
	case "markdown":
		ext = "md"
	}
	switch {
	case slices.Contains(allowed, ext):
		return ext, nil
	case ext == "" || ext == "txt" || ext == "text" || ext == "log":
		return format, nil
	}
	var exts []string
	for _, f := range allowed {
		exts = append(exts, "."+f)
	}
	exts = append(exts, ".txt")
	if !slices.Contains(allowed, format) && format != "" {
		exts[len(exts)-1] += " (its " + format + " output)" // the default, which a .txt file gets
	}
	list := exts[0]
	if len(exts) > 1 {
		list = strings.Join(exts[:len(exts)-1], ", ") + " or " + exts[len(exts)-1]
	}
	or := ", or give --format to write one of them under this name"
	if cmd.Flags().Lookup("format") == nil {
		or = ""
	}
	return "", usageError("-o %s: %s writes %s files, not .%s; name the file for one of them%s", output, cmd.Name(), list, ext, or)
}

// emit writes a command's output: to stdout (also for -o -), or with -o to
// the file named (relative to the working folder), atomically.
func (a *app) emit(output string, data []byte) error {
	if output == "" || output == "-" {
		_, err := a.stdout.Write(data)
		return err
	}
	path := output
	if !filepath.IsAbs(path) {
		path = filepath.Join(a.wd, path)
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return usageError("cannot write %s: the folder %s does not exist", output, filepath.Dir(output))
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usageError("cannot write %s: it is a folder; name a file in it", output)
	}
	// Any case: on macOS and Windows, Roadmap.YAML is roadmap.yaml.
	if strings.EqualFold(filepath.Base(path), "roadmap.yaml") {
		return usageError("will not write %s: a file named roadmap.yaml marks a roadmap folder, and commands run from there would read that folder as the roadmap; name it otherwise", output)
	}
	if a.inRoadmap(path) {
		return usageError("will not write %s: it is in the roadmap folder, where a .yaml or .yml file is read as part of the roadmap; write it elsewhere", output)
	}
	if err := writeFileAtomic(path, data); err != nil {
		return usageError("writing %s: %v", output, err)
	}
	return nil
}

// inRoadmap tells whether path would become a file of the roadmap folder: a
// .yaml or .yml file anywhere below it but in a folder whose name starts
// with a dot (which loads skip), reached through links or not. (A link at
// path itself is replaced, not written through.)
func (a *app) inRoadmap(path string) bool {
	if !roadmap.IsRoadmapFile(path) {
		return false
	}
	root, err := a.roadmapRoot()
	if err != nil {
		return false
	}
	real := func(dir string) string {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return r
		}
		return filepath.Clean(dir)
	}
	rel, err := filepath.Rel(real(root), filepath.Join(real(filepath.Dir(path)), filepath.Base(path)))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	dirs := strings.Split(filepath.Dir(rel), string(filepath.Separator))
	return !slices.ContainsFunc(dirs, func(d string) bool { return d != "." && strings.HasPrefix(d, ".") })
}

// writeFileAtomic writes data to path through a temporary file in the same
// folder and a rename, so a reader never sees half a file and an error leaves
// an existing file untouched.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// createFileExclusive writes data to path only if nothing is there: written to
// a temporary file, then linked into place, which fails rather than replaces.
func createFileExclusive(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return werr
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists", path)
		}
		return err
	}
	return nil
}

// The help of -o, and what it adds for a command with --format.
const (
	outputHelp        = "write to this file (atomically) instead of stdout"
	formatByExtension = "; without --format, its extension picks the format"
)

// withOutput gives cmd, which prints to stdout, the -o flag export has:
// what it prints goes whole to the file, written atomically, and without
// --format the file's extension picks one of formats (validate -o
// findings.sarif writes SARIF). A command that finished and chose its exit
// code (1 for findings, or 2 for a diff that cannot tell) still writes what
// it printed, as CI uploads it then; a failure leaves the file as it was.
func (a *app) withOutput(cmd *cobra.Command, formats ...string) *cobra.Command {
	var output string
	help := outputHelp
	hasFormat := cmd.Flags().Lookup("format") != nil
	if hasFormat {
		help += formatByExtension
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", help)
	run := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if output == "" || output == "-" {
			return run(c, args)
		}
		format, err := formatFor(c, flagValue(c, "format"), output, formats...)
		if err != nil {
			return err
		}
		if hasFormat {
			if err := c.Flags().Set("format", format); err != nil {
				return err
			}
		}
		var buf bytes.Buffer
		stdout := a.stdout
		a.stdout = &buf
		err = run(c, args)
		a.stdout = stdout
		var ee *exitError
		finished := err == nil || errors.As(err, &ee) && ee.err == nil && buf.Len() > 0
		if !finished {
			return err
		}
		if werr := a.emit(output, buf.Bytes()); werr != nil {
			return werr
		}
		return err
	}
	return cmd
}

// flagValue is the value of cmd's flag name, "" when it has none.
func flagValue(cmd *cobra.Command, name string) string {
	if f := cmd.Flags().Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}
