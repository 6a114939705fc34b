package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// ReportView is what `roadmap report` shows.
type ReportView struct {
	Product string
	// Audience is set when the report is limited to what an audience sees.
	Audience string
	*roadmap.Report
}

func percent(r *float64) string {
	if r == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.0f%%", *r*100)
}

// sayDoSum is the arithmetic behind the headline say/do, or why there is
// none, so that a reader can check it against the tables.
func sayDoSum(v ReportView) string {
	switch {
	case v.Planned == 0:
		return "nothing was planned for these quarters, so there is nothing to judge"
	case v.SayDo == nil:
		return fmt.Sprintf("nothing to judge yet: %s still open", allOpen(v.Open))
	case v.Open == 0:
		return fmt.Sprintf("%d shipped ÷ %d planned", v.Shipped, v.Planned)
	}
	return fmt.Sprintf("%d shipped ÷ (%d planned − %d open)", v.Shipped, v.Planned, v.Open)
}

func allOpen(n int) string {
	if n == 1 {
		return "the 1 planned feature is"
	}
	return fmt.Sprintf("all %d planned features are", n)
}

const (
	notShipped = "Slipped, missed, dropped, parked and removed count as not shipped."
	openMeans  = "Open: in a quarter not over, not shipped, slipped, dropped, parked or removed yet."
)

// sayDoLines are the report's headline and, when some features are open,
// what open means.
func sayDoLines(v ReportView, markdown bool) string {
	s := "Say/do across the quarters: " + sayDoSum(v) + "."
	if v.SayDo != nil {
		p := percent(v.SayDo)
		if markdown {
			p = "**" + p + "**"
		}
		s = "Say/do across the quarters: " + p + " = " + sayDoSum(v) + "."
	}
	s += "\n" + notShipped
	if v.Open > 0 {
		s += "\n" + openMeans
	}
	if markdown {
		s = strings.ReplaceAll(s, "\n", "\n\n")
	}
	return s
}

// plannedOutcomes are the outcomes of a quarter's planned features, in the
// order the tables show them; they add up to the planned features.
var plannedOutcomes = []string{roadmap.OutcomeShipped, roadmap.OutcomeOpen, roadmap.OutcomeSlipped, roadmap.OutcomeMissed, roadmap.OutcomeDropped, roadmap.OutcomeParked, roadmap.OutcomeRemoved}

// quarterLine sums up a quarter in one line.
func quarterLine(q roadmap.QuarterReport) string {
	var parts []string
	for _, k := range plannedOutcomes {
		if n := q.Counts[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k))
		}
	}
	if n := q.Counts["early"]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d shipped early", n))
	}
	if n := q.Counts["unplanned"]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d shipped unplanned", n))
	}
	s := fmt.Sprintf("%d planned", len(q.Planned))
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s
}

// shortOutcomes are the headers of the quarter table on a narrow terminal.
var shortOutcomes = map[string]string{"planned": "plan", roadmap.OutcomeShipped: "ship", roadmap.OutcomeSlipped: "slip", roadmap.OutcomeMissed: "miss", roadmap.OutcomeDropped: "drop", roadmap.OutcomeParked: "park", "early/unplanned": "extra"}

// reportTables are the report's tables. starred marks the quarter in
// progress with a star rather than in words, for a narrow terminal.
func reportTables(v ReportView, starred bool) (quarters, features, owners, themes Table) {
	// planned = shipped + open + slipped + missed + dropped + parked + removed;
	// early and unplanned shipped outside the plan.
	quarters = Table{Columns: []Column{{Name: "quarter"}, {Name: "planned", Right: true, Short: shortOutcomes["planned"]}}}
	// On a narrow terminal every outcome but shipped may give way: first
	// those that are 0 in every quarter, then the others from the right
	// (early/unplanned, then removed, parked, dropped, missed, slipped and
	// open); md, csv and json keep them all.
	for _, k := range plannedOutcomes {
		quarters.Columns = append(quarters.Columns, Column{Name: k, Right: true, Optional: k != roadmap.OutcomeShipped, Short: shortOutcomes[k]})
	}
	quarters.Columns = append(quarters.Columns, Column{Name: "early/unplanned", Right: true, Optional: true, Short: shortOutcomes["early/unplanned"], Means: "shipped early or unplanned"}, Column{Name: "say/do", Right: true})
	for _, q := range v.Quarters {
		name := q.Quarter
		switch {
		case q.InProgress && starred:
			name += "*"
		case q.InProgress:
			name += " (in progress)"
		}
		row := []string{name, fmt.Sprint(len(q.Planned))}
		for _, k := range plannedOutcomes {
			row = append(row, fmt.Sprint(q.Counts[k]))
		}
		quarters.Rows = append(quarters.Rows, append(row, fmt.Sprint(q.Counts["early"]+q.Counts["unplanned"]), percent(q.SayDo)))
	}
	features = Table{Columns: []Column{{Name: "feature"}, {Name: "title", Flex: true}, {Name: "slips", Right: true}, {Name: "total slip", Right: true}, {Name: "planned → shipped", Optional: true}}}
	for _, f := range v.Features {
		lead := ""
		if f.LeadDays != nil {
			lead = fmt.Sprintf("%d days", *f.LeadDays)
		}
		features.Rows = append(features.Rows, []string{f.ID, f.Title, fmt.Sprint(len(f.Slips)), fmt.Sprintf("%d days", f.TotalSlip), lead})
	}
	group := func(title string, gs []roadmap.GroupReport) Table {
		t := Table{Columns: []Column{{Name: title, Flex: true}, {Name: "planned", Right: true, Short: shortOutcomes["planned"]}, {Name: "shipped", Right: true, Short: shortOutcomes[roadmap.OutcomeShipped]}, {Name: "open", Right: true}, {Name: "say/do", Right: true}, {Name: "slips", Right: true, Optional: true}, {Name: "average slip", Right: true, Optional: true}}}
		for _, g := range gs {
			t.Rows = append(t.Rows, []string{g.Name, fmt.Sprint(g.Planned), fmt.Sprint(g.Shipped), fmt.Sprint(g.Open), percent(g.SayDo), fmt.Sprint(g.Slips), fmt.Sprintf("%.0f days", g.AverageSlip)})
		}
		return t
	}
	return quarters, features, group("owner", v.Owners), group("theme", v.Themes)
}

// WriteReportText writes the report for a terminal or a log.
func (o Output) WriteReportText(w io.Writer, v ReportView) error {
	var b strings.Builder
	title := "How the roadmap kept its word"
	if v.Product != "" {
		title = oneLine(v.Product) + ": " + strings.ToLower(title[:1]) + title[1:]
	}
	for _, line := range wrap(title, o.Width) {
		b.WriteString(o.bold(line) + "\n")
	}
	if v.Audience != "" {
		fmt.Fprintf(&b, "As the %s audience sees it.\n", v.Audience)
	}
	for _, line := range strings.Split(sayDoLines(v, false), "\n") {
		b.WriteString(strings.Join(wrap(line, o.Width), "\n") + "\n")
	}
	b.WriteString("\n")
	quarters, features, owners, themes := reportTables(v, false)
	// On a narrow terminal the quarter in progress takes a star, said
	// under the table, rather than words that cost the table its borders
	// or push it past the edge.
	starred := o.Width > 0 && !o.roomy(quarters) && slices.ContainsFunc(v.Quarters, func(q roadmap.QuarterReport) bool { return q.InProgress })
	if starred {
		quarters, _, _, _ = reportTables(v, true)
	}
	// Narrower still, short headers (plan, ship) keep a count in sight
	// that a long header would hide.
	if o.Width > 0 && !o.roomy(quarters) {
		quarters = quarters.withShortHeaders()
	}
	if err := o.WriteTable(&b, quarters); err != nil {
		return err
	}
	if starred {
		b.WriteString("* in progress\n")
	}
	for _, q := range v.Quarters {
		var notes []string
		for _, p := range q.Planned {
			switch p.Outcome {
			case roadmap.OutcomeSlipped:
				notes = append(notes, fmt.Sprintf("%s slipped to %s", p.ID, p.Target))
			case roadmap.OutcomeRemoved:
				// Gone from the roadmap, so named nowhere else.
				notes = append(notes, p.ID+" removed")
			}
		}
		if len(notes) > 0 {
			fmt.Fprintf(&b, "  %s: %s\n", q.Quarter, strings.Join(notes, "; "))
		}
	}
	if len(features.Rows) > 0 {
		b.WriteString("\n")
		if err := o.WriteTable(&b, features); err != nil {
			return err
		}
	}
	for _, t := range []Table{owners, themes} {
		if len(t.Rows) > 0 {
			b.WriteString("\n")
			if err := o.WriteTable(&b, t); err != nil {
				return err
			}
		}
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

// WriteReportMarkdown writes the report as Markdown.
func WriteReportMarkdown(w io.Writer, v ReportView) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", MarkdownText(strings.TrimPrefix(v.Product+": how the roadmap kept its word", ": ")))
	if v.Audience != "" {
		fmt.Fprintf(&b, "As the %s audience sees it.\n\n", MarkdownText(v.Audience))
	}
	b.WriteString(sayDoLines(v, true) + "\n\n")
	quarters, features, owners, themes := reportTables(v, false)
	for _, sec := range []struct {
		title string
		t     Table
	}{{"Quarters", quarters}, {"Slips", features}, {"By owner", owners}, {"By theme", themes}} {
		if len(sec.t.Rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", sec.title)
		if err := WriteMarkdownTable(&b, sec.t); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	for _, q := range v.Quarters {
		fmt.Fprintf(&b, "### %s\n\n%s.\n\n", q.Quarter, MarkdownText(quarterLine(q)))
		for _, p := range append(append([]roadmap.Outcome{}, q.Planned...), q.Unplanned...) {
			extra := ""
			if p.Outcome == roadmap.OutcomeSlipped {
				extra = " to " + p.Target
			}
			fmt.Fprintf(&b, "- `%s` %s: %s%s\n", p.ID, MarkdownText(p.Title), p.Outcome, MarkdownText(extra))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteReportJSON writes the report as a JSON document of kind "report".
func WriteReportJSON(w io.Writer, v ReportView) error {
	extra := []Field{{"product", v.Product}}
	if v.Audience != "" {
		extra = append(extra, Field{"audience", v.Audience})
	}
	return WriteJSON(w, "report", "report", v.Report, extra...)
}
