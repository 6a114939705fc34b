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
