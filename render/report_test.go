package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/northwind-labs/roadmap/roadmap"
)

// TestReportTablesFitEightyColumns: with theme and owner names as long as
// the example's, every table of the report, styled or plain, fits an 80- or
// 60-column terminal; a pipe keeps every column.
func TestReportTablesFitEightyColumns(t *testing.T) {
	half := 0.5
	g := roadmap.GroupReport{Name: "automate-bookkeeping", Planned: 2, Shipped: 1, SayDo: &half, Slips: 3, AverageSlip: 45}
	v := ReportView{Product: "Northwind Books", Report: &roadmap.Report{
		Quarters: []roadmap.QuarterReport{{Quarter: "2026-Q4", InProgress: true, Counts: map[string]int{}}},
		Owners:   []roadmap.GroupReport{g},
		Themes:   []roadmap.GroupReport{g, {Name: "a-theme-name-of-thirty-letters"}},
	}}
	for _, o := range []Output{{Terminal: true, Styled: true, Width: 80}, {Terminal: true, Width: 80}, {Terminal: true, Styled: true, Width: 60}, {Terminal: true, Width: 60}} {
		var b strings.Builder
		if err := o.WriteReportText(&b, v); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(b.String(), "\n") {
			if w := ansi.StringWidth(line); w > o.Width {
				t.Errorf("styled %v, %d columns: line of %d columns: %q", o.Styled, o.Width, w, ansi.Strip(line))
			}
		}
		// The quarter in progress says so, in words or with a star
		// explained under the table.
		text := ansi.Strip(b.String())
		if !strings.Contains(text, "2026-Q4 (in progress)") && !(strings.Contains(text, "2026-Q4*") && strings.Contains(text, "\n* in progress\n")) {
			t.Errorf("styled %v, %d columns: the quarter in progress is not marked:\n%s", o.Styled, o.Width, text)
		}
	}
	var piped strings.Builder
	if err := (Output{}).WriteReportText(&piped, v); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(piped.String(), "AVERAGE SLIP") || !strings.Contains(piped.String(), "REMOVED") {
		t.Errorf("a pipe lost columns:\n%s", piped.String())
	}
}
