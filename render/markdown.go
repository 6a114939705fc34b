package render

import (
	"io"
	"strings"
)

// mdCell escapes text for a Markdown table cell: pipes, backslashes and the
// characters that start emphasis, code, links or HTML, and line breaks.
func mdCell(s string) string {
	var b strings.Builder
	for _, r := range noControls(s) {
		switch r {
		case '|', '\\', '*', '_', '`', '[', ']', '<', '>', '#', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString("<br>")
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MarkdownText escapes text for a Markdown paragraph or list item.
func MarkdownText(s string) string { return mdCell(s) }

// WriteMarkdownTable writes t as a GitHub-flavoured Markdown table.
func WriteMarkdownTable(w io.Writer, t Table) error {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range t.Columns {
		b.WriteString(" " + mdCell(c.Name) + " |")
	}
	b.WriteString("\n|")
	for _, c := range t.Columns {
		if c.Right {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("|")
		for _, cell := range r {
			b.WriteString(" " + mdCell(cell) + " |")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
