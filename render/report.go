package render

import (
	"fmt"
	"io"
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

// sayDoLine is the report's headline: the say/do ratio, or that there is
// nothing to judge yet.
func sayDoLine(v ReportView, markdown bool) string {
	if v.SayDo == nil {
		return "Say/do: no planned quarter is over yet, so there is nothing to judge."
	}
	p := percent(v.SayDo)
	if markdown {
		p = "**" + p + "**"
	}
	return "Say/do across the quarters: " + p + " of planned features shipped in their quarter."
}

// quarterLine sums up a quarter in one line.
func quarterLine(q roadmap.QuarterReport) string {
	var parts []string
	for _, k := range []string{roadmap.OutcomeShipped, roadmap.OutcomeOpen, roadmap.OutcomeSlipped, roadmap.OutcomeMissed, roadmap.OutcomeDropped, roadmap.OutcomeParked, roadmap.OutcomeRemoved} {
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

func reportTables(v ReportView) (quarters, features, owners, themes Table) {
	quarters = Table{Columns: []Column{{Name: "quarter"}, {Name: "planned", Right: true}, {Name: "shipped", Right: true}, {Name: "open", Right: true},
		{Name: "slipped", Right: true}, {Name: "missed", Right: true}, {Name: "dropped/parked", Right: true}, {Name: "early/unplanned", Right: true}, {Name: "say/do", Right: true}}}
	for _, q := range v.Quarters {
		name := q.Quarter
		if q.InProgress {
			name += " (in progress)"
		}
		quarters.Rows = append(quarters.Rows, []string{name, fmt.Sprint(len(q.Planned)), fmt.Sprint(q.Counts[roadmap.OutcomeShipped]), fmt.Sprint(q.Counts[roadmap.OutcomeOpen]),
			fmt.Sprint(q.Counts[roadmap.OutcomeSlipped]), fmt.Sprint(q.Counts[roadmap.OutcomeMissed]),
			fmt.Sprint(q.Counts[roadmap.OutcomeDropped] + q.Counts[roadmap.OutcomeParked]),
			fmt.Sprint(q.Counts["early"] + q.Counts["unplanned"]), percent(q.SayDo)})
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
		t := Table{Columns: []Column{{Name: title}, {Name: "planned", Right: true}, {Name: "shipped", Right: true}, {Name: "say/do", Right: true}, {Name: "slips", Right: true}, {Name: "average slip", Right: true}}}
		for _, g := range gs {
			t.Rows = append(t.Rows, []string{g.Name, fmt.Sprint(g.Planned), fmt.Sprint(g.Shipped), percent(g.SayDo), fmt.Sprint(g.Slips), fmt.Sprintf("%.0f days", g.AverageSlip)})
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
		title = v.Product + ": " + strings.ToLower(title[:1]) + title[1:]
	}
	fmt.Fprintf(&b, "%s\n", o.bold(title))
	if v.Audience != "" {
		fmt.Fprintf(&b, "As the %s audience sees it.\n", v.Audience)
	}
	b.WriteString(sayDoLine(v, false) + "\n\n")
	quarters, features, owners, themes := reportTables(v)
	if err := o.WriteTable(&b, quarters); err != nil {
		return err
	}
	for _, q := range v.Quarters {
		var notes []string
		for _, p := range q.Planned {
			if p.Outcome == roadmap.OutcomeSlipped {
				notes = append(notes, fmt.Sprintf("%s slipped to %s", p.ID, p.Target))
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
	b.WriteString(sayDoLine(v, true) + "\n\n")
	quarters, features, owners, themes := reportTables(v)
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
