package render

import (
	"slices"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWrapKeepsToTheWidth: lines never exceed the width, long words are cut,
// and no width (a terminal too narrow) gives one line instead of a hang.
func TestWrapKeepsToTheWidth(t *testing.T) {
	text := "pay-by-bank slips behind bank-connector-platform-and-a-very-long-id again"
	for width := 1; width <= 30; width++ {
		for _, lines := range [][]string{wrapWords(text, width), wrap(text, width)} {
			for _, l := range lines {
				if ansi.StringWidth(l) > width {
					t.Fatalf("width %d: line %q is wider", width, l)
				}
			}
		}
	}
	if got := wrap("fits  as  is", 40); !slices.Equal(got, []string{"fits  as  is"}) {
		t.Errorf("wrap of text that fits: %q", got)
	}
	for _, width := range []int{0, -3} {
		if got := wrapWords("a b  c", width); !slices.Equal(got, []string{"a b c"}) {
			t.Errorf("width %d: %q", width, got)
		}
	}
}

// TestWrapCutsStyledWordsByColumns: a word too long for the line, styled,
// is cut by columns, not bytes: no letter is lost to the escape codes.
func TestWrapCutsStyledWordsByColumns(t *testing.T) {
	id := "a-very-long-feature-id-of-sixty-two-letters-aaaa-bbbb-cccc-dddd"
	for _, width := range []int{7, 13, 20} {
		var got string
		for _, l := range wrapWords("\x1b[1m"+id+"\x1b[m", width) {
			if ansi.StringWidth(l) > width {
				t.Errorf("width %d: line %q is wider", width, l)
			}
			got += ansi.Strip(l)
		}
		if got != id {
			t.Errorf("width %d: %q, want %q", width, got, id)
		}
	}
}
