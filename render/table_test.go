package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
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
	// A title that keeps 24 columns does so while the optional column can
	// go instead; narrower, the column goes and the title is whole again.
	tb.Columns[1].Keep = 24
	got = tb.fit(62, 2)
	if len(got.Columns) != 3 || ansi.StringWidth(got.Rows[0][1]) != 24 {
		t.Errorf("keep 24, fit to 62: %v %q", got.Columns, got.Rows)
	}
	got = tb.fit(50, 2)
	if len(got.Columns) != 2 || got.Rows[0][1] != "A title of thirty characters.." {
		t.Errorf("keep 24, fit to 50: %v %q", got.Columns, got.Rows)
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

// TestFitDropsEmptyColumnsFirstAndNamesTheOthers: an optional column of
// zeros goes before one holding a value, silently; a column holding a value
// is named under the table, so a row that no longer adds up says why.
func TestFitDropsEmptyColumnsFirstAndNamesTheOthers(t *testing.T) {
	tb := Table{
		Columns: []Column{{Name: "quarter"}, {Name: "planned", Right: true}, {Name: "dropped", Right: true, Optional: true}, {Name: "parked", Right: true, Optional: true}},
		Rows:    [][]string{{"2026-Q3", "2", "0", "1"}},
	}
	// Room for one optional column: the empty one goes, though optional
	// columns otherwise go from the right.
	got := tb.fit(len("quarter  planned  parked")+2, 2)
	if len(got.Columns) != 3 || got.Columns[2].Name != "parked" || len(got.hidden) != 0 {
		t.Errorf("fit leaving room for one: %v, hidden %v", got.Columns, got.hidden)
	}
	for _, o := range []Output{{Width: 22}, {Terminal: true, Styled: true, Width: 22}} {
		var b strings.Builder
		if err := o.WriteTable(&b, tb); err != nil {
			t.Fatal(err)
		}
		out := ansi.Strip(b.String())
		words := strings.Join(strings.Fields(out), " ")
		if strings.Contains(out, "PARKED ") || !strings.Contains(words, "Hidden to fit: PARKED;") || strings.Contains(out, "DROPPED") {
			t.Errorf("styled %v at 22 columns:\n%s", o.Styled, out)
		}
		for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if ansi.StringWidth(line) > 22 {
				t.Errorf("styled %v: line of %d columns: %q", o.Styled, ansi.StringWidth(line), line)
			}
			if strings.HasSuffix(line, " ") {
				t.Errorf("styled %v: line ends in a space: %q", o.Styled, line)
			}
		}
	}
}

// TestTableCellsCarryNoControls: a title from a file cannot clear the
// screen or break a row, on a terminal or in a pipe.
func TestTableCellsCarryNoControls(t *testing.T) {
	tb := Table{Columns: []Column{{Name: "id"}, {Name: "title"}}, Rows: [][]string{{"a", "T\x1b[2Jx\nnext\x07"}}}
	for _, o := range []Output{{}, {Terminal: true, Styled: true, Width: 80}} {
		var b strings.Builder
		if err := o.WriteTable(&b, tb); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if o.Styled {
			out = ansi.Strip(out)
		}
		if strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "T[2Jx next") {
			t.Errorf("styled %v: %q", o.Styled, out)
		}
	}
}

// TestWrapColumnsKeepEveryWord: a column of prose wraps over lines to fit
// the terminal, where a title column is cut: nothing of it is lost.
func TestWrapColumnsKeepEveryWord(t *testing.T) {
	prose := "an objective, owner, theme, persona or dependency id that does not exist"
	tb := Table{
		Columns: []Column{{Name: "rule"}, {Name: "fires when", Flex: true, Wrap: true}},
		Rows:    [][]string{{"unknown-reference", prose}},
	}
	var b strings.Builder
	if err := (Output{Terminal: true, Styled: true, Width: 50}).WriteTable(&b, tb); err != nil {
		t.Fatal(err)
	}
	out := ansi.Strip(b.String())
	var words []string
	for _, line := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(line); w > 50 {
			t.Errorf("line %d wide: %q", w, line)
		}
		cells := strings.Split(line, "│")
		if len(cells) == 4 && !strings.Contains(line, "FIRES WHEN") {
			words = append(words, strings.Fields(cells[2])...)
		}
	}
	if got := strings.Join(words, " "); got != prose {
		t.Errorf("wrapped prose reads %q, want %q:\n%s", got, prose, out)
	}
}

// TestPlainTablesWrapUnderTheirColumn: without colour on a terminal, a
// wrapped cell goes on under its own column, not at the left edge.
func TestPlainTablesWrapUnderTheirColumn(t *testing.T) {
	prose := "an objective, owner, theme, persona or dependency id that does not exist"
	tb := Table{
		Columns: []Column{{Name: "rule"}, {Name: "fires when", Flex: true, Wrap: true}},
		Rows:    [][]string{{"unknown-reference", prose}, {"syntax", "the YAML does not parse"}},
	}
	var b strings.Builder
	if err := (Output{Terminal: true, Width: 50}).WriteTable(&b, tb); err != nil {
		t.Fatal(err)
	}
	col := strings.Index(b.String(), "FIRES WHEN")
	var words []string
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if ansi.StringWidth(line) > 50 {
			t.Errorf("line %q is wider than 50", line)
		}
		if len(line) <= col || strings.TrimSpace(line[:col]) == "" && line[col] == ' ' {
			t.Errorf("line %q does not start under its column", line)
			continue
		}
		if strings.HasPrefix(line, "unknown-reference") || strings.TrimSpace(line[:col]) == "" {
			words = append(words, strings.Fields(line[col:])...)
		}
	}
	if got := strings.Join(words, " "); got != prose {
		t.Errorf("wrapped prose reads %q:\n%s", got, b.String())
	}
}

// TestTableShortHeaders: a table too wide even without its optional columns
// takes its columns' short headers, and only then.
func TestTableShortHeaders(t *testing.T) {
	tb := Table{
		Columns: []Column{{Name: "quarter"}, {Name: "planned", Right: true, Short: "plan"}, {Name: "shipped", Right: true, Short: "ship"}, {Name: "parked", Optional: true}},
		Rows:    [][]string{{"2026-Q4", "12", "3", "1"}},
	}
	wide := tb.fit(100, 2)
	if got := wide.headers(); strings.Join(got, " ") != "QUARTER PLANNED SHIPPED PARKED" {
		t.Errorf("at 100 columns: %v", got)
	}
	// 7+7+7 and 2 a column: 27 fits once PARKED is gone.
	if got := tb.fit(27, 2).headers(); strings.Join(got, " ") != "QUARTER PLANNED SHIPPED" {
		t.Errorf("at 27 columns: %v", got)
	}
	// At 24, the first such column gives way; narrower, the next too.
	if got := tb.fit(24, 2).headers(); strings.Join(got, " ") != "QUARTER PLAN SHIPPED" {
		t.Errorf("at 24 columns: %v", got)
	}
	if got := tb.fit(20, 2).headers(); strings.Join(got, " ") != "QUARTER PLAN SHIP" {
		t.Errorf("at 20 columns: %v", got)
	}
}

// TestLayoutDropsBordersThenStacks: borders take three columns each, so a
// table of long ids on a narrow terminal is drawn as plain columns, still
// bold and coloured, rather than with titles cut below minFlex; narrower
// still, each row becomes a block with its title whole; with room, the
// table keeps its borders.
func TestLayoutDropsBordersThenStacks(t *testing.T) {
	tb := Table{
		Columns: []Column{{Name: "id"}, {Name: "title", Flex: true}, {Name: "status", Color: statusColor}},
		Rows:    [][]string{{"bank-connector-platform", "Bank connections for every region", "in-progress"}},
	}
	write := func(width int) (styled, plain string) {
		t.Helper()
		var b strings.Builder
		if err := (Output{Terminal: true, Styled: true, Width: width, Profile: colorprofile.TrueColor}).WriteTable(&b, tb); err != nil {
			t.Fatal(err)
		}
		plain = ansi.Strip(b.String())
		for _, line := range strings.Split(strings.TrimRight(plain, "\n"), "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("a line of %d columns at %d: %q", w, width, line)
			}
		}
		return b.String(), plain
	}
	// Bordered, a title of minFlex needs 23+12+11 and 3 a column, and 1.
	bordered := 23 + minFlex + 11 + 3*3 + 1
	if _, wide := write(bordered); !strings.Contains(wide, "│") || !strings.Contains(wide, "Bank connec…") {
		t.Errorf("with room for borders:\n%s", wide)
	}
	// Plain, it needs 2 a column between them.
	styled, plain := write(23 + minFlex + 11 + 2*2)
	if strings.ContainsAny(plain, "│╭─") || !strings.Contains(plain, "Bank connec…") {
		t.Errorf("with room for plain columns:\n%s", plain)
	}
	if styled == plain || !strings.Contains(styled, "\x1b[1m") {
		t.Errorf("the plain layout on a styled terminal lost its bold headers and colours: %q", styled)
	}
	// One column less, and the row is a block: the title whole, the status
	// named and still coloured.
	styled, plain = write(23 + minFlex + 11 + 2*2 - 1)
	want := "bank-connector-platform\n  Bank connections for every region\n  status in-progress\n"
	if plain != want {
		t.Errorf("stacked:\n%s\nwant:\n%s", plain, want)
	}
	o := Output{Terminal: true, Styled: true, Width: 1, Profile: colorprofile.TrueColor}
	if coloured := o.paint(statusColor("in-progress"), "in-progress"); !strings.Contains(styled, coloured) {
		t.Errorf("the stacked layout lost the status's colour: %q, want %q in it", styled, coloured)
	}
}

// TestFitCutsFurtherRatherThanOverflow: when nothing else makes a table
// fit, a flexible column goes below minFlex, down to minCut, and the table
// says it was cramped.
func TestFitCutsFurtherRatherThanOverflow(t *testing.T) {
	tb := Table{
		Columns: []Column{{Name: "id"}, {Name: "title", Flex: true}},
		Rows:    [][]string{{"an-id-of-twenty-chars", "A title of thirty characters.."}},
	}
	if got := tb.fit(21+minFlex+2*2, 2); got.cramped || ansi.StringWidth(got.Rows[0][1]) != minFlex {
		t.Errorf("room for minFlex: cramped %v, %q", got.cramped, got.Rows[0][1])
	}
	got := tb.fit(21+8+2*2, 2)
	if !got.cramped || got.Rows[0][1] != "A title…" {
		t.Errorf("room for 8: cramped %v, %q", got.cramped, got.Rows[0][1])
	}
	if got := tb.fit(21+2*2, 2); !got.cramped || ansi.StringWidth(got.Rows[0][1]) != minCut {
		t.Errorf("no room at all: cramped %v, %q", got.cramped, got.Rows[0][1])
	}
}

// TestStackedBlocks: a table too narrow for its columns is a block a row:
// a flexible first column (an owner's name) heads it, wrapped; the others
// follow as name and value, a pair too long for a line wrapped at spaces;
// empty cells are left out; no line runs past the edge.
func TestStackedBlocks(t *testing.T) {
	tb := Table{
		Columns: []Column{{Name: "owner", Flex: true}, {Name: "planned", Right: true, Short: "plan"}, {Name: "note"}, {Name: "features"}},
		Rows: [][]string{
			{"Ana Lima of the platform group", "12", "", "search, sso-google-microsoft, bank-feeds"},
			{"Raj", "3", "new", ""},
		},
	}
	var b strings.Builder
	if err := (Output{Terminal: true, Width: 24}).WriteTable(&b, tb); err != nil {
		t.Fatal(err)
	}
	// A word as wide as the line keeps the list's lines under the name.
	want := "Ana Lima of the platform\n" +
		"group\n" +
		"  planned 12\n" +
		"  features search,\n" +
		"  sso-google-microsoft,\n" +
		"  bank-feeds\n" +
		"Raj\n" +
		"  planned 3 · note new\n"
	if b.String() != want {
		t.Errorf("stacked:\n%s\nwant:\n%s", b.String(), want)
	}
	// Otherwise they stand in, so none reads as a name and a value; an id
	// wider than the terminal breaks rather than passing its edge.
	tb = Table{
		Columns: []Column{{Name: "id"}, {Name: "title", Flex: true}, {Name: "features"}},
		Rows:    [][]string{{"a-really-long-feature-identifier", "Title", "search, bank-feeds, sso"}},
	}
	b.Reset()
	if err := (Output{Terminal: true, Width: 24}).WriteTable(&b, tb); err != nil {
		t.Fatal(err)
	}
	want = "a-really-long-feature-id\n" +
		"entifier\n" +
		"  Title\n" +
		"  features search,\n" +
		"    bank-feeds, sso\n"
	if b.String() != want {
		t.Errorf("stacked:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestStackedBlocksWithoutATitle: a table with no flexible column (report's
// quarters) is headed by its first column, and every other count is named.
func TestStackedBlocksWithoutATitle(t *testing.T) {
	tb := Table{
		Columns: []Column{{Name: "quarter"}, {Name: "planned", Right: true}, {Name: "shipped", Right: true}, {Name: "say/do", Right: true}},
		Rows:    [][]string{{"2026-Q4", "2", "0", "0%"}},
	}
	var b strings.Builder
	if err := (Output{Terminal: true, Width: 24}).WriteTable(&b, tb); err != nil {
		t.Fatal(err)
	}
	if want := "2026-Q4\n  planned 2 · shipped 0\n  say/do 0%\n"; b.String() != want {
		t.Errorf("stacked:\n%s\nwant:\n%s", b.String(), want)
	}
}
