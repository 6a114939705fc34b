package render

import "strings"

// hanging writes text at indent as lines that fit the terminal, wrapped at
// spaces, the lines after the first indented two columns more, so a long
// value or commit subject reads as one entry; in a pipe (no width) it is
// one line. style, if not nil, styles each line.
func (o Output) hanging(b *strings.Builder, indent, text string, style func(string) string) {
	width := 0
	if o.Width > 0 {
		width = max(o.Width-len(indent)-2, minFlex)
	}
	for i, l := range wrap(text, width) {
		if style != nil {
			l = style(l)
		}
		b.WriteString(indent)
		if i > 0 {
			b.WriteString("  ")
		}
		b.WriteString(l + "\n")
	}
}
