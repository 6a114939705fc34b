package roadmap_test

import (
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestReportLeadTimeNeverNegative: a ship date written in before the
// feature was first planned gives no lead time, not a negative one.
func TestReportLeadTimeNeverNegative(t *testing.T) {
	day := func(s string) roadmap.Date {
		d, err := roadmap.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	target, _ := roadmap.ParseTarget("2026-Q4")
	planned := &roadmap.Feature{ID: "a", Title: "A", Status: roadmap.StatusPlanned, Target: target}
	for _, c := range []struct {
		shipped string
		lead    int // -1: none
	}{{"2026-11-20", -1}, {"2026-11-25", 2}} {
		shipped := *planned
		shipped.Status, shipped.Shipped = roadmap.StatusShipped, day(c.shipped)
		h := roadmap.ReportHistory{
			Commits: []roadmap.ReportCommit{
				{Commit: &roadmap.Commit{Short: "1"}, When: day("2026-11-23"), Features: []roadmap.FeatureChange{{ID: "a", New: planned}}},
				{Commit: &roadmap.Commit{Short: "2"}, When: day("2026-11-26"), Features: []roadmap.FeatureChange{{ID: "a", Old: planned, New: &shipped}}},
			},
			Load: func(i int) (*roadmap.Roadmap, error) {
				f := *planned
				if i == 1 {
					f = shipped
				}
				return roadmap.OfFeatures([]*roadmap.Feature{&f}), nil
			},
		}
		rep, err := roadmap.BuildReport(h, roadmap.ReportOptions{Today: day("2026-11-30")})
		if err != nil || len(rep.Features) != 1 {
			t.Fatalf("shipped %s: %v %+v", c.shipped, err, rep)
		}
		got := -1
		if l := rep.Features[0].LeadDays; l != nil {
			got = *l
		}
		if got != c.lead {
			t.Errorf("shipped %s: lead %d days, want %d", c.shipped, got, c.lead)
		}
	}
}
