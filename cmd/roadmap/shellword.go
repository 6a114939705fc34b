package main

import (
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// shellWords is s as shell words: none for "" (the working tree).
func shellWords(s string) []string {
	if s == "" {
		return nil
	}
	return []string{shellWord(s)}
}

// command is a roadmap command to suggest, from its words (shell-quoted
// already), ending with --dir when it was given.
func (a *app) command(words ...string) string {
	return strings.Join(append(append([]string{"roadmap"}, words...), a.dirArgs()...), " ")
}

// flagWords are the flags given to the command running, but --dir (command
// adds it) and those in skip, as shell words: a suggested command keeps what
// the user asked for (--audience, --format, -o, --today, ...).
func (a *app) flagWords(skip ...string) []string {
	if a.cmd == nil {
		return nil
	}
	var out []string
	a.cmd.Flags().Visit(func(f *pflag.Flag) {
		if f.Name == "dir" || slices.Contains(skip, f.Name) {
			return
		}
		v := f.Value.String()
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			v = strings.Join(sv.GetSlice(), ",")
		}
		switch {
		case f.Value.Type() == "bool" && v == "true":
			out = append(out, "--"+f.Name)
		case f.Value.Type() == "bool":
			out = append(out, "--"+f.Name+"="+v)
		default:
			out = append(out, "--"+f.Name, shellWord(v))
		}
	})
	return out
}

// dirArgs is --dir as given, as shell words for a command to suggest; none
// when it was not given.
func (a *app) dirArgs() []string {
	if a.dir == "" {
		return nil
	}
	return []string{"--dir", shellWord(a.dir)}
}

// shellWord is s as a POSIX shell (or zsh, which globs ~ and ^) reads it
// back: single-quoted, a quote inside closed and escaped, when it holds
// anything but letters, digits and ./_-.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./_-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
