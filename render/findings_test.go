package render

import (
	"strings"
	"testing"
)

// TestSnippetCaretUnderWideCharacters: the caret sits under the column's
// character as a terminal draws the line, wide characters taking two cells,
// and no control character of the file reaches the terminal.
func TestSnippetCaretUnderWideCharacters(t *testing.T) {
	text := []byte("features:\n  - title: 検索機能: x\n  - title: \x1b[2Jplain: y\n")
	for _, tc := range []struct {
		line, col int
		under     string
	}{
		{2, 16, ":"}, // the colon after four wide characters
		{2, 5, "t"},
		{3, 21, ":"}, // after an escape character, dropped
	} {
		got := Output{}.snippet(text, tc.line, tc.col)
		lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
		if len(lines) != 2 || strings.ContainsRune(got, '\x1b') {
			t.Fatalf("snippet %q", got)
		}
		src := strings.TrimPrefix(lines[0], lines[0][:strings.Index(lines[0], "| ")+2])
		caret := strings.Index(lines[1], "^") - (strings.Index(lines[1], "| ") + 2)
		cells, under := 0, ""
		for _, r := range src {
			if cells == caret {
				under = string(r)
				break
			}
			if r >= 0x1100 {
				cells += 2
			} else {
				cells++
			}
		}
		if under != tc.under {
			t.Errorf("line %d col %d: caret under %q, want %q\n%s", tc.line, tc.col, under, tc.under, got)
		}
	}
}

// TestSnippetSkipsAByteOrderMark: a file saved with a byte order mark shows
// its first line as an editor does, the caret under the column.
func TestSnippetSkipsAByteOrderMark(t *testing.T) {
	got := Output{}.snippet([]byte("\ufefffeaturs: []\n"), 1, 10)
	if want := "    1 | featurs: []\n      |          ^\n"; got != want {
		t.Errorf("snippet:\n%q\nwant:\n%q", got, want)
	}
}
