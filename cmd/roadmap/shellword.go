package main

import "strings"

// validateAt is the validate command that lists the errors of the roadmap
// at rev ("" for the working tree), with the --dir the command was given.
func (a *app) validateAt(rev string) string {
	cmd := "roadmap validate"
	if rev != "" {
		cmd += " --at " + shellWord(rev)
	}
	if dir := a.dirArgs(); dir != nil {
		cmd += " " + strings.Join(dir, " ")
	}
	if strings.Contains(cmd, "'") {
		return `"` + cmd + `"` // it quotes a word itself
	}
	return "'" + cmd + "'"
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
