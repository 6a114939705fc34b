package roadmap_test

import (
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestReportLeadTimeNeverNegative: a ship date written in before the
// feature was first planned gives no lead time, not a negative one.
func TestReportLeadTimeNeverNegative(t *testing.T) {
	day := mustDate
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

// TestReportOneSayDo: a feature still open in the quarter under way is
// counted as planned and as open, and left out of say/do, alike in its
// quarter, the headline, its owner and its theme.
func TestReportOneSayDo(t *testing.T) {
	day := mustDate
	target, _ := roadmap.ParseTarget("2026-Q4")
	feature := func(id string, status roadmap.Status, shipped string) *roadmap.Feature {
		f := &roadmap.Feature{ID: id, Title: id, Status: status, Target: target, Owners: map[string]string{"product": "dev"}, Theme: "core"}
		if shipped != "" {
			f.Shipped = day(shipped)
		}
		return f
	}
	a, b := feature("a", roadmap.StatusPlanned, ""), feature("b", roadmap.StatusPlanned, "")
	aShipped := feature("a", roadmap.StatusShipped, "2026-11-20")
	h := roadmap.ReportHistory{
		Commits: []roadmap.ReportCommit{
			{Commit: &roadmap.Commit{Short: "1"}, When: day("2026-09-01"), Features: []roadmap.FeatureChange{{ID: "a", New: a}, {ID: "b", New: b}}},
			{Commit: &roadmap.Commit{Short: "2"}, When: day("2026-11-21"), Features: []roadmap.FeatureChange{{ID: "a", Old: a, New: aShipped}}},
		},
		Load: func(i int) (*roadmap.Roadmap, error) {
			x, y := *a, *b
			if i == 1 {
				x = *aShipped
			}
			return roadmap.OfFeatures([]*roadmap.Feature{&x, &y}), nil
		},
	}
	rep, err := roadmap.BuildReport(h, roadmap.ReportOptions{From: target, To: target, Today: day("2026-11-23")})
	if err != nil || len(rep.Quarters) != 1 || len(rep.Owners) != 1 || len(rep.Themes) != 1 {
		t.Fatalf("%v %+v", err, rep)
	}
	q := rep.Quarters[0]
	for _, g := range []roadmap.GroupReport{
		{Name: "quarter", Planned: len(q.Planned), Shipped: q.Counts["shipped"], Open: q.Counts["open"], SayDo: q.SayDo},
		{Name: "headline", Planned: rep.Planned, Shipped: rep.Shipped, Open: rep.Open, SayDo: rep.SayDo},
		rep.Owners[0], rep.Themes[0],
	} {
		if g.Planned != 2 || g.Shipped != 1 || g.Open != 1 || g.SayDo == nil || *g.SayDo != 1 {
			t.Errorf("%s: planned %d, shipped %d, open %d, say/do %v; want 2, 1, 1, 100%%", g.Name, g.Planned, g.Shipped, g.Open, g.SayDo)
		}
	}
}
