package render

import (
	"encoding/csv"
	"io"
	"regexp"
)

var negativeNumber = regexp.MustCompile(`^-[0-9]+(\.[0-9]+)?$`)

// CSVCell neutralises a cell a spreadsheet would run as a formula (one that
// starts with = + - @, a tab or a carriage return) by prefixing a quote. A
// negative number (-5, -0.25) stays a number, which sheets sort and sum.
func CSVCell(s string) string {
	if s == "" || negativeNumber.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// WriteCSV writes t as RFC 4180 CSV with a header row, every cell neutralised.
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = CSVCell(c.Name)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, cell := range r {
			row[i] = CSVCell(cell)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
