package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/northwind-labs/roadmap/roadmap"
)

// Findings is what `roadmap validate` reports: the findings, with paths as the
// format wants them, and what was checked.
type Findings struct {
	Findings []roadmap.Finding
	// Source returns the text of a file by the path findings carry, for
	// snippets; it may be nil.
	Source func(path string) []byte
	// Files, Features and Objectives count what was checked, for the summary.
	Files, Features, Objectives int
}

// WriteFindingsText writes one finding a line, `path:line:col: severity:
// message [rule]`; on a terminal each is followed by its source line with a
// caret under the column. A summary line ends the report.
func (o Output) WriteFindingsText(w io.Writer, r Findings) error {
	var b strings.Builder
	for _, f := range r.Findings {
		sev := string(f.Severity)
		if f.Severity == roadmap.SeverityError {
			sev = o.style(lipgloss.NewStyle().Foreground(red).Bold(true)).Render(sev)
		} else {
			sev = o.style(lipgloss.NewStyle().Foreground(yellow).Bold(true)).Render(sev)
		}
		fmt.Fprintf(&b, "%s: %s: %s %s\n", o.bold(fmt.Sprintf("%s:%d:%d", f.Path, f.Line, f.Column)), sev, f.Message, o.faint("["+f.Rule+"]"))
		if o.Terminal && r.Source != nil {
			b.WriteString(o.snippet(r.Source(f.Path), f.Line, f.Column))
		}
	}
	errs, warns := roadmap.Count(r.Findings)
	var summary string
	switch {
	case errs+warns == 0:
		summary = fmt.Sprintf("%s %s checked in %s: no problems found", o.paint(green, "✓"),
			plural(r.Features, "feature")+" and "+plural(r.Objectives, "objective"), plural(r.Files, "file"))
	default:
		mark := o.paint(yellow, "!")
		if errs > 0 {
			mark = o.paint(red, "✗")
		}
		summary = fmt.Sprintf("%s %s and %s in %s", mark, plural(errs, "error"), plural(warns, "warning"), plural(r.Files, "file"))
	}
	// The summary is prose: on a narrow terminal it wraps between words.
	for _, l := range wrap(summary, o.Width) {
		b.WriteString(l + "\n")
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// snippet is the source line of a finding with a caret under its column.
func (o Output) snippet(text []byte, line, col int) string {
	src, ok := lineOf(text, line)
	if !ok {
		return ""
	}
	// The caret goes under the column's character as the terminal draws
	// it: wide characters (CJK, emoji) take two cells, controls none.
	before := src
	if n := max(col-1, 0); n < utf8.RuneCountInString(src) {
		before = string([]rune(src)[:n])
	}
	src = oneLine(src)
	if len(src) > 200 {
		src = clipRunes(src, 200)
	}
	gutter := fmt.Sprintf("%5d | ", line)
	pad := strings.Repeat(" ", min(ansi.StringWidth(oneLine(before)), ansi.StringWidth(src)))
	return o.faint(gutter) + src + "\n" + o.faint("      | ") + pad + o.paint(red, "^") + "\n"
}

// lineOf is line (from 1) of text, without its line ending, or a byte
// order mark before the first (which no editor shows, and columns skip).
func lineOf(text []byte, line int) (string, bool) {
	if line < 1 {
		return "", false
	}
	text = bytes.TrimPrefix(text, []byte("\ufeff"))
	for i := 1; i < line; i++ {
		nl := bytes.IndexByte(text, '\n')
		if nl < 0 {
			return "", false
		}
		text = text[nl+1:]
	}
	if nl := bytes.IndexByte(text, '\n'); nl >= 0 {
		text = text[:nl]
	}
	return strings.TrimRight(string(text), "\r"), true
}

func clipRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}

// WriteFindingsJSON writes the findings as a JSON document of kind "findings".
func WriteFindingsJSON(w io.Writer, r Findings) error {
	fs := r.Findings
	if fs == nil {
		fs = []roadmap.Finding{}
	}
	errs, warns := roadmap.Count(fs)
	return WriteJSON(w, "findings", "findings", fs,
		Field{"summary", map[string]int{"errors": errs, "warnings": warns, "files": r.Files}})
}
