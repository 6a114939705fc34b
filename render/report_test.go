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

// TestReportNarrowKeepsCountsOverZeros: on a narrow terminal the quarter
// table hides the outcomes that are 0 in every quarter before one that is
// not, takes a star and short headers before hiding any count, says what a
// short header that is no plain word stands for, and names in full what it
// hid.
func TestReportNarrowKeepsCountsOverZeros(t *testing.T) {
	v := ReportView{Product: "Northwind Books", Report: &roadmap.Report{
		Quarters: []roadmap.QuarterReport{{Quarter: "2026-Q4", InProgress: true, Planned: make([]roadmap.Outcome, 2), Counts: map[string]int{
			"planned": 2, roadmap.OutcomeOpen: 2, "early": 1,
		}}},
	}}
	header := func(width int) (string, string) {
		var b strings.Builder
		if err := (Output{Terminal: true, Width: width}).WriteReportText(&b, v); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(b.String(), "\n") {
			if strings.HasPrefix(line, "QUARTER") {
				return strings.Join(strings.Fields(line), " "), b.String()
			}
		}
		t.Fatalf("no quarter table:\n%s", b.String())
		return "", ""
	}
	for width, want := range map[int]string{
		80: "QUARTER PLANNED SHIPPED OPEN SLIPPED EARLY/UNPLANNED SAY/DO",
		60: "QUARTER PLANNED SHIPPED OPEN EARLY/UNPLANNED SAY/DO",
		45: "QUARTER PLAN SHIP OPEN EXTRA SAY/DO",
		36: "QUARTER PLAN SHIP OPEN SAY/DO",
	} {
		got, out := header(width)
		if got != want {
			t.Errorf("%d columns: %s, want %s\n%s", width, got, want, out)
		}
		words := strings.Join(strings.Fields(out), " ")
		hidden := strings.Contains(words, "Hidden to fit: EARLY/UNPLANNED; widen the terminal to see it.")
		shown := strings.Contains(want, "EARLY") || strings.Contains(want, "EXTRA")
		if hidden == shown {
			t.Errorf("%d columns: the hidden count is not named, or one named that is not hidden:\n%s", width, out)
		}
		if legend := strings.Contains(words, "EXTRA = shipped early or unplanned."); legend != strings.Contains(want, "EXTRA") {
			t.Errorf("%d columns: EXTRA is not explained, or explained when not shown:\n%s", width, out)
		}
	}
}
