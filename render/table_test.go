package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFitGivesBackWhatDroppedColumnsFreed: once optional columns are left
// out, the flexible one takes the width they held, up to its own.
func TestFitGivesBackWhatDroppedColumnsFreed(t *testing.T) {
	tb := Table{
		Columns: []Column{{Name: "id"}, {Name: "title", Flex: true}, {Name: "theme", Optional: true}},
		Rows:    [][]string{{"a", "A title of thirty characters..", "a-theme-name-of-thirty-letters"}},
	}
	// Titles give way first, down to minFlex, before a column is dropped.
	got := tb.fit(50, 2)
	if len(got.Columns) != 3 || ansi.StringWidth(got.Rows[0][1]) != minFlex {
		t.Errorf("fit to 50: %v %q", got.Columns, got.Rows)
	}
	got = tb.fit(30, 2)
	if w := ansi.StringWidth(got.Rows[0][1]); len(got.Columns) != 2 || w != 30-2*2-2 {
		t.Errorf("fit to 30: %v %q (%d wide)", got.Columns, got.Rows, w)
	}
}

// TestHeadersInCapitalsEverywhere: a column is called the same on a styled
// terminal as in a pipe.
func TestHeadersInCapitalsEverywhere(t *testing.T) {
	tb := Table{Columns: []Column{{Name: "id"}, {Name: "target date"}}, Rows: [][]string{{"a", "2027-Q1"}}}
	for _, o := range []Output{{}, {Terminal: true, Styled: true, Width: 80}} {
		var b strings.Builder
		if err := o.WriteTable(&b, tb); err != nil {
			t.Fatal(err)
		}
		out := ansi.Strip(b.String())
		if !strings.Contains(out, "ID") || !strings.Contains(out, "TARGET DATE") || strings.Contains(out, "target date") {
			t.Errorf("styled %v:\n%s", o.Styled, out)
		}
	}
}
