package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestLineWrapperWrapsEachLine: lines longer than the terminal wrap at
// spaces under their own text, shorter ones and a pipe's pass as they are,
// whatever pieces they are written in.
func TestLineWrapperWrapsEachLine(t *testing.T) {
	text := "roadmap: warning: the roadmap has 3 error(s) in its files; run roadmap validate --dir plans\n" +
		"short line\n" +
		"  features/billing.yaml:5:1: error: did not find expected ',' or ']' [syntax]\n" +
		"no newline at the end"
	var b strings.Builder
	w := &LineWrapper{W: &b, Width: 40}
	for _, piece := range strings.SplitAfter(text, " ") { // as Fprintf calls might come
		if _, err := w.Write([]byte(piece)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "roadmap: warning: the roadmap has 3\n" +
		"    error(s) in its files; run roadmap\n" +
		"    validate --dir plans\n" +
		"short line\n" +
		"  features/billing.yaml:5:1: error: did\n" +
		"      not find expected ',' or ']'\n" +
		"      [syntax]\n" +
		"no newline at the end"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if ansi.StringWidth(line) > 40 {
			t.Errorf("line wider than 40: %q", line)
		}
	}
	var piped strings.Builder
	p := &LineWrapper{W: &piped}
	p.Write([]byte(text))
	p.Flush()
	if piped.String() != text {
		t.Errorf("a pipe changed the text:\n%s", piped.String())
	}
}
