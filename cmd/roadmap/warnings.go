package main

import (
	"fmt"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// The warnings read commands give on stderr about the roadmap they read,
// and the validate command they suggest.

// warnNotes tells on stderr what history walks left out, each note once.
func (a *app) warnNotes(g *gitRoadmap) {
	notes := g.repo.Notes()
	for _, n := range notes[g.warned:] { // notes only grow
		fmt.Fprintf(a.stderr, "roadmap: warning: %s\n", n)
	}
	g.warned = len(notes)
}

// warnIfBroken tells on stderr that the roadmap has errors, as many as
// validate reports, which a read command shows around, and names those
// that leave a value or a file unread (syntax, invalid-value): the command
// reads them as unset, so its items may be missing or misplaced. It returns
// how many those are.
func (a *app) warnIfBroken(l *loaded) (unread int, err error) {
	today, err := a.todayDate()
	if err != nil {
		return 0, err
	}
	errs, unreadable := unreadErrors(l.Roadmap, today)
	if errs == 0 {
		return 0, nil
	}
	fmt.Fprintf(a.stderr, "roadmap: warning: the roadmap has %d error(s) in its files; run %s\n", errs, a.validateAt(a.at))
	if len(unreadable) > 0 {
		var names []string
		for _, f := range unreadable[:min(len(unreadable), maxUnreadNamed)] {
			f.Path = a.displayPath(l, f.Path)
			names = append(names, "  "+f.String())
		}
		fmt.Fprintf(a.stderr, "roadmap: warning: these read as unset, so items may be missing or misplaced:\n%s\n", strings.Join(names, "\n"))
		if len(unreadable) > maxUnreadNamed {
			fmt.Fprintf(a.stderr, "  and %d more\n", len(unreadable)-maxUnreadNamed)
		}
	}
	return len(unreadable), nil
}

// unreadErrors counts the errors validate reports in r, and returns those
// that leave a value or a file unread, which a read command takes as unset.
func unreadErrors(r *roadmap.Roadmap, today roadmap.Date) (errs int, unread []roadmap.Finding) {
	for _, f := range roadmap.Check(r, roadmap.Options{Today: today}) {
		if f.Severity != roadmap.SeverityError {
			continue
		}
		errs++
		if f.LeavesUnread() {
			unread = append(unread, f)
		}
	}
	return errs, unread
}

// maxUnreadNamed bounds the unread values a warning names.
const maxUnreadNamed = 5

// sideErrors is what validate finds wrong with one side of a comparison.
type sideErrors struct {
	errors int      // as validate counts them
	unread []string // the files that do not parse (or are links), and read as empty
}

// warnSide is warnIfBroken for one side of a comparison: rev names it, ""
// for the working tree.
func (a *app) warnSide(e sideErrors, rev string) {
	if e.errors == 0 {
		return
	}
	where := "in the working tree"
	if rev != "" {
		where = "at " + rev
	}
	// A file not read, and what that leaves out, the diff itself says
	// in every format.
	fmt.Fprintf(a.stderr, "roadmap: warning: the roadmap %s has %d error(s) in its files; run %s\n", where, e.errors, a.validateAt(rev))
}

// errorsOf is what validate finds wrong with r.
func errorsOf(r *roadmap.Roadmap, today roadmap.Date) sideErrors {
	errs, _ := unreadErrors(r, today)
	return sideErrors{errors: errs, unread: roadmap.UnreadFiles(r.Findings)}
}

// validateAt is the validate command that lists the errors of the roadmap
// at rev ("" for the working tree), with the --dir the command was given.
func (a *app) validateAt(rev string) string {
	words := []string{"validate"}
	if rev != "" {
		words = append(words, "--at", shellWord(rev))
	}
	cmd := a.command(words...)
	if strings.Contains(cmd, "'") {
		return `"` + cmd + `"` // it quotes a word itself
	}
	return "'" + cmd + "'"
}
