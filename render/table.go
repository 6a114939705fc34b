package render

import (
	"fmt"
	"image/color"
	"io"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"
)

// Column is one column of a table.
type Column struct {
	Name string
	// Flex columns give up width first when a table is too wide (titles).
	Flex bool
	// Keep is the width a flex column keeps while an optional column can
	// give way instead (a list's titles over its themes); 0 for minFlex.
	Keep int
	// Wrap makes a flex column wrap its text over lines rather than cut it:
	// for prose a reader needs whole (rule descriptions).
	Wrap bool
	// Right aligns numbers.
	Right bool
	// Optional columns are left out when a table cannot fit the terminal.
	Optional bool
	// Short is a shorter header, used when the table cannot fit the
	// terminal even without its optional columns ("plan" for "planned").
	Short string
	// Means says what a short header stands for when the word alone does
	// not ("extra": "shipped early or unplanned"); it is said under a table
	// that shows the column under its short header.
	Means string
	// Color colours a cell by its value on a styled terminal; may be nil.
	Color func(value string) color.Color
	// long is Name before withShortHeaders put Short in its place: a
	// column hidden is named in full, as it is nowhere in sight.
	long string
}

// Table is rows of text under named columns; every format of a listing
// (terminal, Markdown, CSV) renders the same Table.
type Table struct {
	Columns []Column
	Rows    [][]string
	// hidden names the optional columns fit left out that held a value;
	// legend says what the short headers shown that need it stand for.
	hidden, legend []string
	// cramped says fit had to cut a flexible column below minFlex, or
	// could not make the table fit at all.
	cramped bool
	// laidOut says the table is fitted to the terminal, bordered or not;
	// stacked that the terminal is too narrow for columns, so each row is
	// written as a block (writeStackedTable).
	laidOut, bordered, stacked bool
	// dividers are rows drawn as a line across, with a label (a cut line).
	dividers map[int]string
}

// minFlex is how narrow a flexible column is cut while a table can fit
// otherwise; minCut how narrow when nothing else makes it fit.
const (
	minFlex = 12
	minCut  = 6
)

// fit makes t fit width columns, each column costing perColumn columns of
// padding and borders besides its text: flexible columns are cut with an
// ellipsis (or wrapped) down to their Keep; then optional columns are
// dropped from the right, first those holding nothing (every cell empty or
// 0), then the others, which the table names under itself; then flexible
// columns are cut down to minFlex, then headers give way to their short
// forms, and last, flexible columns are cut down to minCut. What that frees
// goes back to the flexible columns.
func (t Table) fit(width, perColumn int) Table {
	if width <= 0 {
		return t
	}
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = ansi.StringWidth(c.Name)
	}
	for _, r := range t.Rows {
		for i, cell := range r {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	natural := slices.Clone(widths)
	keep := make([]bool, len(t.Columns))
	total := 0
	for i, w := range widths {
		keep[i] = true
		total += w + perColumn
	}
	cutFlex := func(floor func(Column) int) {
		for i, c := range t.Columns {
			if excess := total - width; c.Flex && keep[i] && excess > 0 {
				if cut := min(excess, widths[i]-floor(c)); cut > 0 {
					widths[i] -= cut
					total -= cut
				}
			}
		}
	}
	// A flex column gives way down to its Keep before an optional column
	// goes, and down to minFlex only after every optional column has gone.
	cutFlex(func(c Column) int { return max(c.Keep, minFlex) })
	blank := func(i int) bool {
		for _, r := range t.Rows {
			if r[i] != "" && r[i] != "0" {
				return false
			}
		}
		return true
	}
	for _, emptyOnly := range []bool{true, false} {
		for i := len(t.Columns) - 1; i >= 0 && total > width; i-- {
			if c := t.Columns[i]; c.Optional && keep[i] && (!emptyOnly || blank(i)) {
				keep[i] = false
				total -= widths[i] + perColumn
			}
		}
	}
	cutFlex(func(Column) int { return minFlex })
	// Then the long headers give way to their short forms.
	var short []bool
	for i, c := range t.Columns {
		if total <= width {
			break
		}
		if c.Short == "" || !keep[i] || c.Flex {
			continue
		}
		w := ansi.StringWidth(c.Short)
		for _, r := range t.Rows {
			w = max(w, ansi.StringWidth(r[i]))
		}
		if w < widths[i] {
			if short == nil {
				short = make([]bool, len(t.Columns))
			}
			short[i] = true
			total -= widths[i] - w
			widths[i] = w
		}
	}
	// Rather than overflow the terminal, the flexible columns go narrower.
	cramped := total > width
	if cramped {
		cutFlex(func(Column) int { return minCut })
	}
	// What dropping columns freed goes back to the flexible ones.
	for i, c := range t.Columns {
		if spare := width - total; c.Flex && keep[i] && spare > 0 {
			grow := min(spare, natural[i]-widths[i])
			widths[i] += grow
			total += grow
		}
	}
	out := Table{hidden: slices.Clone(t.hidden), cramped: cramped || total > width}
	for i, c := range t.Columns {
		switch {
		case keep[i]:
			if short != nil && short[i] {
				c.Name = c.Short
			}
			if c.Means != "" && c.Name == c.Short {
				out.legend = append(out.legend, strings.ToUpper(c.Name)+" = "+c.Means)
			}
			out.Columns = append(out.Columns, c)
		case !blank(i):
			name := c.Name
			if c.long != "" {
				name = c.long
			}
			out.hidden = append(out.hidden, strings.ToUpper(name))
		}
	}
	for _, r := range t.Rows {
		var row []string
		for i, cell := range r {
			if !keep[i] {
				continue
			}
			switch c := t.Columns[i]; {
			case c.Flex && c.Wrap:
				cell = ansi.Wrap(cell, widths[i], "")
			case c.Flex:
				cell = ansi.Truncate(cell, widths[i], "…")
			}
			row = append(row, cell)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// WriteTable writes t for people: a bordered, coloured table on a styled
// terminal; aligned plain columns otherwise.
func (o Output) WriteTable(w io.Writer, t Table) error {
	if len(t.Rows) == 0 {
		return nil
	}
	t = o.layout(t.clean())
	if t.stacked {
		return o.writeStackedTable(w, t)
	}
	if !t.bordered {
		return o.writePlainTable(w, t)
	}
	rows := t.Rows
	header := lipgloss.NewStyle().Bold(true).Padding(0, 1)
	cell := lipgloss.NewStyle().Padding(0, 1)
	tb := table.New().
		Headers(t.headers()...).
		Rows(rows...).
		Wrap(slices.ContainsFunc(t.Columns, func(c Column) bool { return c.Wrap })).
		Border(lipgloss.RoundedBorder()).
		BorderStyle(lipgloss.NewStyle().Foreground(grey)).
		StyleFunc(func(row, col int) lipgloss.Style {
			if row == table.HeaderRow {
				return header
			}
			s := cell
			if t.Columns[col].Right {
				s = s.Align(lipgloss.Right)
			}
			if f := t.Columns[col].Color; f != nil && row < len(rows) {
				if c := f(rows[row][col]); c != nil {
					s = s.Foreground(c)
				}
			}
			return s
		})
	if _, err := fmt.Fprintln(o.writer(w), tb.String()); err != nil {
		return err
	}
	return o.writeHidden(w, t)
}

// layout fits t to the terminal as WriteTable draws it: with borders on a
// styled terminal, unless they leave too little room (they take three
// columns each, so a list of long ids at 60 columns cannot keep its titles
// readable), and otherwise as plain columns two spaces apart. A table laid
// out already is left as it is.
func (o Output) layout(t Table) Table {
	if t.laidOut {
		return t
	}
	switch {
	case o.Width <= 0:
		t.bordered = o.Styled
	case o.Styled:
		if b := t.fit(o.Width-1, 3); !b.cramped {
			t, t.bordered = b, true
			break
		}
		fallthrough
	default:
		// Too narrow for a readable title even as plain columns: a
		// block a row, with every column whole.
		if f := t.fit(o.Width+2, 2); !f.cramped {
			t = f
		} else {
			t.stacked = true
		}
	}
	t.laidOut = true
	return t
}

// withShortHeaders is t with each column that has a short header named by it.
func (t Table) withShortHeaders() Table {
	t.Columns = slices.Clone(t.Columns)
	for i, c := range t.Columns {
		if c.Short != "" {
			t.Columns[i].Name, t.Columns[i].long = c.Short, c.Name
		}
	}
	return t
}

// roomy says t fits the terminal as it is best drawn: with borders on a
// styled terminal, without hiding a column that holds something, and
// without cutting a column below minFlex.
func (o Output) roomy(t Table) bool {
	l := o.layout(t)
	return !l.stacked && !l.cramped && len(l.hidden) == len(t.hidden) && (l.bordered || !o.Styled)
}

// writeHidden names, under a table, the columns left out to fit the
// terminal: a row whose numbers no longer add up says why.
func (o Output) writeHidden(w io.Writer, t Table) error {
	var lines []string
	if len(t.legend) > 0 {
		lines = append(lines, strings.Join(t.legend, "; ")+".")
	}
	if len(t.hidden) > 0 {
		them := "them"
		if len(t.hidden) == 1 {
			them = "it"
		}
		lines = append(lines, "Hidden to fit: "+strings.Join(t.hidden, ", ")+"; widen the terminal to see "+them+".")
	}
	var b strings.Builder
	for _, text := range lines {
		for _, l := range wrap(text, o.Width-2) {
			b.WriteString(o.faint(l) + "\n")
		}
	}
	if b.Len() == 0 {
		return nil
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

// clean is t with every cell on one line, without control characters: a
// title from a file cannot move the cursor or clear the screen.
func (t Table) clean() Table {
	out := t
	out.Rows = make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		out.Rows[i] = make([]string, len(r))
		for j, cell := range r {
			out.Rows[i][j] = oneLine(cell)
		}
	}
	return out
}

// headers are the column names in capitals, on a terminal and in a pipe alike.
func (t Table) headers() []string {
	h := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		h[i] = strings.ToUpper(c.Name)
	}
	return h
}

// writePlainTable writes t, laid out, as columns separated by two spaces:
// easy to read in a log and to cut with awk. On a styled terminal the
// headers are bold and cells coloured as in a bordered table.
func (o Output) writePlainTable(w io.Writer, t Table) error {
	// A wrapped cell spans lines: its row is written as several, the other
	// columns blank after the first.
	var rows [][]string
	for _, r := range t.Rows {
		lines := make([][]string, len(r))
		n := 1
		for i, cell := range r {
			lines[i] = strings.Split(cell, "\n")
			n = max(n, len(lines[i]))
		}
		for k := range n {
			row := make([]string, len(r))
			for i := range r {
				if k < len(lines[i]) {
					row[i] = lines[i][k]
				}
			}
			rows = append(rows, row)
		}
	}
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = ansi.StringWidth(c.Name)
	}
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	line := func(cells []string, header bool) string {
		var b strings.Builder
		for i, cell := range cells {
			pad := widths[i] - ansi.StringWidth(cell)
			if i > 0 {
				b.WriteString("  ")
			}
			if header {
				cell = o.bold(cell)
			} else if f := t.Columns[i].Color; f != nil && o.Styled {
				if c := f(cell); c != nil {
					cell = o.paint(c, cell)
				}
			}
			if t.Columns[i].Right {
				b.WriteString(strings.Repeat(" ", pad) + cell)
			} else if i < len(cells)-1 {
				b.WriteString(cell + strings.Repeat(" ", pad))
			} else {
				b.WriteString(cell)
			}
		}
		return b.String() + "\n"
	}
	var b strings.Builder
	b.WriteString(line(t.headers(), true))
	for _, r := range rows {
		b.WriteString(line(r, false))
	}
	if _, err := fmt.Fprint(o.writer(w), b.String()); err != nil {
		return err
	}
	return o.writeHidden(w, t)
}
