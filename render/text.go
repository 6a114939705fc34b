package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapWords breaks text into lines of at most width columns at spaces, never
// inside a word (ids have hyphens); a word longer than a line is cut. A width
// of 0 or less, a terminal too narrow to say, gives one line.
func wrapWords(text string, width int) []string { return wrapHanging(text, width, width) }

// wrapHanging is wrapWords with a first line of first columns and the lines
// after it of rest: the first line of a hanging paragraph stands further out.
func wrapHanging(text string, first, rest int) []string {
	if first <= 0 || rest <= 0 {
		return []string{strings.Join(strings.Fields(text), " ")}
	}
	var lines []string
	line := ""
	width := func() int {
		if len(lines) == 0 {
			return first
		}
		return rest
	}
	for _, word := range strings.Fields(text) {
		if line != "" && ansi.StringWidth(line)+1+ansi.StringWidth(word) <= width() {
			line += " " + word
			continue
		}
		if line != "" {
			lines, line = append(lines, line), ""
		}
		// A word longer than its line is cut, by columns, not bytes: a
		// styled word carries escape codes.
		for ansi.StringWidth(word) > width() {
			w := width()
			if ansi.StringWidth(ansi.Truncate(word, w, "")) == 0 {
				w = 2 // a letter two columns wide in a line of one (escape codes are no width)
			}
			lines, word = append(lines, ansi.Truncate(word, w, "")), ansi.TruncateLeft(word, w, "")
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// wrap is wrapWords, but keeps text that fits as it is, spaces and all.
func wrap(s string, width int) []string { return wrapFirst(s, width, width) }

// wrapFirst is wrapHanging, but keeps text that fits as it is.
func wrapFirst(s string, first, rest int) []string {
	if first <= 0 || rest <= 0 || ansi.StringWidth(s) <= first {
		return []string{s}
	}
	return wrapHanging(s, first, rest)
}

// noControls drops the control characters of s, escape codes among them,
// but keeps line breaks (a Markdown cell turns them into <br>); a tab is a
// space.
func noControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}

// oneLine makes text safe for one line of a terminal: noControls, with line
// breaks as spaces.
func oneLine(s string) string { return strings.ReplaceAll(noControls(s), "\n", " ") }
