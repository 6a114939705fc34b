package render

import (
	"bytes"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// LineWrapper writes what it is given to a terminal of Width columns, each
// line wrapped at spaces; a line's later parts stand under its text, four
// columns further in than its own indentation, so a long warning reads as
// one entry. A line is written once its newline comes; Flush writes what is
// left. Width 0 or less writes lines as they are.
type LineWrapper struct {
	W       io.Writer
	Width   int
	pending []byte
}

func (l *LineWrapper) Write(p []byte) (int, error) {
	l.pending = append(l.pending, p...)
	for {
		i := bytes.IndexByte(l.pending, '\n')
		if i < 0 {
			return len(p), nil
		}
		if err := l.writeLine(string(l.pending[:i])); err != nil {
			return 0, err
		}
		l.pending = l.pending[i+1:]
	}
}

// Flush writes a last line that has no newline.
func (l *LineWrapper) Flush() error {
	if len(l.pending) == 0 {
		return nil
	}
	line := string(l.pending)
	l.pending = nil
	if l.Width <= 0 || ansi.StringWidth(line) <= l.Width {
		_, err := io.WriteString(l.W, line)
		return err
	}
	return l.writeLine(line)
}

func (l *LineWrapper) writeLine(line string) error {
	if l.Width <= 0 || ansi.StringWidth(line) <= l.Width {
		_, err := io.WriteString(l.W, line+"\n")
		return err
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	if len(indent) > l.Width/2 {
		indent = ""
	}
	first := l.Width - len(indent)
	rest := max(first-len(hangingIndent), minFlex)
	var b strings.Builder
	for i, part := range wrapHanging(strings.TrimLeft(line, " "), first, rest) {
		b.WriteString(indent)
		if i > 0 {
			b.WriteString(hangingIndent)
		}
		b.WriteString(part + "\n")
	}
	_, err := io.WriteString(l.W, b.String())
	return err
}
