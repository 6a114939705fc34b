package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// hangingIndent is how much further in a wrapped line goes on than its
// first: past the commit notes under a field, which stand two columns in.
const hangingIndent = "    "

// hanging writes text at indent as lines that fit the terminal, wrapped at
// spaces, the lines after the first indented further (hangingIndent), so a
// long value or commit note reads as one entry; in a pipe (no width) it is
// one line. style, if not nil, styles each line.
func (o Output) hanging(b *strings.Builder, indent, text string, style func(string) string) {
	first, rest := 0, 0
	if o.Width > 0 {
		first = max(o.Width-len(indent), minFlex)
		rest = max(first-len(hangingIndent), minFlex)
	}
	for i, l := range wrapFirst(text, first, rest) {
		if style != nil {
			l = style(l)
		}
		b.WriteString(indent)
		if i > 0 {
			b.WriteString(hangingIndent)
		}
		b.WriteString(l + "\n")
	}
}

// underHead writes head, then text wrapped to the terminal's width with its
// later lines under its first, as a column beside head: a long title or
// subject stays beside the id or commit it belongs to. styled is head as
// printed (head is measured). When head leaves text fewer than minFlex
// columns, text starts on the next line, two columns in, and wraps there.
func (o Output) underHead(b *strings.Builder, head, styled, text string) {
	pad := ansi.StringWidth(head)
	width := 0
	if o.Width > 0 {
		width = o.Width - pad
	}
	if o.Width > 0 && width < minFlex && ansi.StringWidth(text) > width {
		// An id wider than the terminal goes on over lines, as a long
		// word does.
		for _, l := range wrap(strings.TrimRight(styled, " "), o.Width) {
			b.WriteString(l + "\n")
		}
		styled, pad = "  ", 2
		width = max(o.Width-pad, minFlex)
	}
	for i, l := range wrap(text, width) {
		if i == 0 {
			b.WriteString(styled + l + "\n")
			continue
		}
		b.WriteString(strings.Repeat(" ", pad) + l + "\n")
	}
}

// titleBeside is an item's title (and suffix) as it fits on the line beside
// head on a terminal: cut with an ellipsis, as tables cut it; the title in
// full is the title field's change, when it changed.
func (o Output) titleBeside(head, title, suffix string) string {
	if o.Width <= 0 {
		return title + suffix
	}
	room := o.Width - ansi.StringWidth(head)
	if room < minFlex {
		room = o.Width - 2 // underHead starts it on the next line
	}
	return fit(title, max(room-ansi.StringWidth(suffix), 1)) + suffix
}
