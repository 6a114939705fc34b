package roadmap

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity is how much a finding matters.
type Severity string

// The severities of a finding.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Finding is one problem the loader or a rule found, at a place in a file.
type Finding struct {
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// kept is set on a finding no setting or ignore comment may silence or
	// lower, as for a rule marked Always.
	kept bool
	// unread is set on a finding of a value the loader could not read.
	unread bool
}

// LeavesUnread reports whether f is about something the roadmap could not
// read as written: a file that does not parse (or is a link), or a value,
// key or item the loader could not read, which reads as unset or left out.
// Other errors (a shipped date on a planned feature) leave every value read.
func (f Finding) LeavesUnread() bool {
	return f.unread || f.Rule == ruleSyntax.ID
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.Path, f.Line, f.Column, f.Severity, f.Message, f.Rule)
}

// SortFindings orders findings by path, line, column, rule and message.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of errors and warnings among fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
