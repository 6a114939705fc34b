package main

import "strings"

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
