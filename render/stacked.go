package render

import (
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// writeStackedTable writes t as one block a row, for a terminal too narrow
// for its columns: the columns before the first flexible one (a rank, an
// id) head the block, the flexible one (a title) follows whole, wrapped
// under them, and the others close it as "name value" pairs, so nothing is
// cut or hidden. A divider row (prioritize's cut line) is a line across.
func (o Output) writeStackedTable(w io.Writer, t Table) error {
	// lead columns head the block; body, if any, is written whole under
	// them. With no flexible column, or a flexible first one (an owner's
	// name), the first column heads the block alone, and every other is
	// named.
	lead, body := 1, -1
	if i := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Flex }); i > 0 {
		lead, body = i, i
	}
	widths := make([]int, lead)
	for i, r := range t.Rows {
		if _, divider := t.dividers[i]; divider {
			continue
		}
		for j := range lead {
			widths[j] = max(widths[j], ansi.StringWidth(r[j]))
		}
	}
	// Head columns that do not fit beside the first close the block
	// with the others (a lint rule's severity, beside its long id).
	for lead > 1 && sum(widths[:lead])+2*(lead-1) > o.Width {
		lead--
	}
	indent := 2
	if lead > 1 && t.Columns[0].Right && widths[0]+2 < o.Width/2 {
		indent = widths[0] + 2 // under the id, past the rank
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for i, r := range t.Rows {
		if label, divider := t.dividers[i]; divider {
			// A label longer than the line wraps under it.
			parts := wrapWords(label, max(1, o.Width-4))
			if len(parts) == 0 {
				parts = []string{label}
			}
			line := dash + " " + parts[0] + " "
			line += strings.Repeat(dash, max(1, o.Width-ansi.StringWidth(line)))
			b.WriteString(o.cell(t.Columns[0], line) + "\n")
			for _, p := range parts[1:] {
				b.WriteString(o.cell(t.Columns[0], "  "+p) + "\n")
			}
			continue
		}
		var head []string
		for j := range lead {
			cell := r[j]
			if fill := widths[j] - ansi.StringWidth(cell); t.Columns[j].Right {
				cell = strings.Repeat(" ", fill) + cell
			} else if j < lead-1 {
				cell += strings.Repeat(" ", fill)
			}
			head = append(head, o.cell(t.Columns[j], cell))
		}
		if lead == 1 && body < 0 {
			// A head alone wraps as a title would.
			for _, l := range wrapWords(r[0], o.Width) {
				b.WriteString(o.cell(t.Columns[0], l) + "\n")
			}
		} else {
			line := strings.TrimRight(strings.Join(head, "  "), " ")
			if ansi.StringWidth(line) > o.Width {
				// An id longer than the terminal is wide breaks, not cut.
				line = strings.Join(wrapWords(line, o.Width), "\n")
			}
			b.WriteString(line + "\n")
		}
		if body >= 0 && r[body] != "" {
			for _, l := range wrapWords(r[body], o.Width-indent) {
				b.WriteString(pad + o.cell(t.Columns[body], l) + "\n")
			}
		}
		var pairs []string
		for j, c := range t.Columns {
			if j < lead || j == body || r[j] == "" {
				continue
			}
			name := c.Name
			if c.long != "" {
				name = c.long
			}
			pairs = append(pairs, o.faint(name)+" "+o.cell(c, r[j]))
		}
		for _, l := range wrapPairs(pairs, o.Width-indent) {
			b.WriteString(pad + l + "\n")
		}
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

// cell is text of column c, coloured as the column colours it.
func (o Output) cell(c Column, text string) string {
	if c.Color == nil || !o.Styled {
		return text
	}
	if col := c.Color(strings.TrimSpace(text)); col != nil {
		return o.paint(col, text)
	}
	return text
}

// wrapPairs joins pairs with a middle dot into lines of at most width
// columns, breaking between pairs, and inside a pair only when it is wider
// than a line by itself (a campaign's list of features): its lines after
// the first stand further in, so none reads as a pair of its own.
func wrapPairs(pairs []string, width int) []string {
	var lines []string
	line := ""
	for _, p := range pairs {
		switch {
		case line != "" && ansi.StringWidth(line)+3+ansi.StringWidth(p) <= width:
			line += " · " + p
			continue
		case line != "":
			lines = append(lines, line)
		}
		// Its lines after the first stand in, unless that would cut a word.
		in := "  "
		if slices.ContainsFunc(strings.Fields(p), func(w string) bool { return ansi.StringWidth(w) > width-len(in) }) {
			in = ""
		}
		wrapped := wrapHanging(p, width, width-len(in))
		for i := 1; i < len(wrapped); i++ {
			wrapped[i] = in + wrapped[i]
		}
		if len(wrapped) > 0 {
			lines, line = append(lines, wrapped[:len(wrapped)-1]...), wrapped[len(wrapped)-1]
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func sum(ns []int) int {
	total := 0
	for _, n := range ns {
		total += n
	}
	return total
}
