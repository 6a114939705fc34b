package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

//go:embed templates/report.html
var reportHTML string

var reportTemplate = template.Must(template.New("report").Parse(reportHTML))

// WriteReportHTML writes the report as one self-contained page: inline CSS,
// inline SVG charts (planned against shipped per quarter, the spread of
// slips), no script and no request to anywhere. Every value is escaped by
// html/template.
func WriteReportHTML(w io.Writer, v ReportView, generated string) error {
	return reportTemplate.Execute(w, reportPage(v, generated))
}

type barGroup struct {
	Label                                  string
	Planned, Shipped                       int
	X, X2, W, LabelX                       float64
	PlannedY, PlannedH, ShippedY, ShippedH float64
	PlannedTextY, ShippedTextY             float64
}

type histBin struct {
	Label                     string
	Count                     int
	X, Y, W, H, LabelX, TextY float64
}

func reportPage(v ReportView, generated string) map[string]any {
	title := "How the roadmap kept its word"
	if v.Product != "" {
		title = v.Product + ": how the roadmap kept its word"
	}
	const width, height, base = 640.0, 260.0, 230.0
	// Planned against shipped, per quarter.
	most := 1
	for _, q := range v.Quarters {
		most = max(most, len(q.Planned), q.Counts[roadmap.OutcomeShipped])
	}
	var groups []barGroup
	slot := width / float64(max(len(v.Quarters), 1))
	for i, q := range v.Quarters {
		g := barGroup{Label: q.Quarter, Planned: len(q.Planned), Shipped: q.Counts[roadmap.OutcomeShipped]}
		g.W = slot * 0.3
		g.X = float64(i)*slot + slot*0.15
		g.X2 = g.X + g.W + slot*0.05
		g.LabelX = float64(i)*slot + slot/2
		scale := (base - 30) / float64(most)
		g.PlannedH, g.ShippedH = float64(g.Planned)*scale, float64(g.Shipped)*scale
		g.PlannedY, g.ShippedY = base-g.PlannedH, base-g.ShippedH
		g.PlannedTextY, g.ShippedTextY = g.PlannedY-4, g.ShippedY-4
		groups = append(groups, g)
	}
	// The spread of slips.
	edges := []struct {
		label string
		upTo  int
	}{{"1–30", 30}, {"31–60", 60}, {"61–90", 90}, {"91–180", 180}, {"181+", 1 << 30}}
	counts := make([]int, len(edges))
	for _, f := range v.Features {
		for _, s := range f.Slips {
			for i, e := range edges {
				if s.Days <= e.upTo {
					counts[i]++
					break
				}
			}
		}
	}
	mostSlips := 1
	for _, c := range counts {
		mostSlips = max(mostSlips, c)
	}
	var bins []histBin
	binW := width / float64(len(edges))
	for i, e := range edges {
		h := float64(counts[i]) * (base - 30) / float64(mostSlips)
		bins = append(bins, histBin{Label: e.label, Count: counts[i], X: float64(i)*binW + binW*0.15, W: binW * 0.7,
			Y: base - h, H: h, LabelX: float64(i)*binW + binW/2, TextY: base - h - 4})
	}
	type quarterRow struct {
		Quarter            string
		InProgress         bool
		Planned, Unplanned int
		Outcomes           []int // in the order of plannedOutcomes
		SayDo              string
		Items              []roadmap.Outcome
	}
	var outcomeHeads []string
	for _, k := range plannedOutcomes {
		outcomeHeads = append(outcomeHeads, strings.ToUpper(k[:1])+k[1:])
	}
	var quarters []quarterRow
	for _, q := range v.Quarters {
		row := quarterRow{
			Quarter: q.Quarter, InProgress: q.InProgress, Planned: len(q.Planned),
			Unplanned: q.Counts["early"] + q.Counts["unplanned"], SayDo: percent(q.SayDo),
			Items: append(append([]roadmap.Outcome{}, q.Planned...), q.Unplanned...),
		}
		for _, k := range plannedOutcomes {
			row.Outcomes = append(row.Outcomes, q.Counts[k])
		}
		quarters = append(quarters, row)
	}
	type featureRow struct {
		ID, Title, Total, Moves, Lead string
		Slips                         int
	}
	var features []featureRow
	for _, f := range v.Features {
		var moves []string
		for _, s := range f.Slips {
			moves = append(moves, fmt.Sprintf("%s → %s (%s, %s)", s.From, s.To, s.Commit.Date, s.Commit.Short))
		}
		lead := ""
		if f.LeadDays != nil {
			lead = fmt.Sprintf("%d days", *f.LeadDays)
		}
		features = append(features, featureRow{ID: f.ID, Title: f.Title, Slips: len(f.Slips), Total: fmt.Sprintf("%d days", f.TotalSlip), Moves: strings.Join(moves, "; "), Lead: lead})
	}
	type groupRow struct {
		Name                          string
		Planned, Shipped, Open, Slips int
		SayDo, Average                string
	}
	group := func(name string, gs []roadmap.GroupReport) map[string]any {
		var rows []groupRow
		for _, g := range gs {
			rows = append(rows, groupRow{g.Name, g.Planned, g.Shipped, g.Open, g.Slips, percent(g.SayDo), fmt.Sprintf("%.0f days", g.AverageSlip)})
		}
		return map[string]any{"Name": name, "Rows": rows}
	}
	return map[string]any{
		"Title": title, "Audience": v.Audience, "SayDo": percent(v.SayDo), "Judged": v.SayDo != nil, "SayDoSum": sayDoSum(v), "Open": v.Open, "NotShipped": notShipped, "OpenMeans": openMeans, "Generated": generated,
		"Outcomes": outcomeHeads,
		"Bars":     map[string]any{"Width": width, "Height": height, "LabelY": base + 18, "Groups": groups},
		"Hist":     map[string]any{"Width": width, "Height": height, "LabelY": base + 18, "Bins": bins},
		"Quarters": quarters, "Features": features,
		"Groups": []map[string]any{group("owner", v.Owners), group("theme", v.Themes)},
	}
}
