package render

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// WriteExportMarkdown writes the view as a Markdown document: title,
// disclaimer, what changed, then one section per group with a table of its
// features and the details that do not fit the table. Every value is
// escaped, so no text can break a table or turn into a link or HTML.
func WriteExportMarkdown(w io.Writer, v *roadmap.View) error {
	x := newExportText(v)
	var b strings.Builder
	md := MarkdownText
	fmt.Fprintf(&b, "# %s\n\n%s\n", md(v.Title), md(x.subtitle()))
	if v.Disclaimer != "" {
		fmt.Fprintf(&b, "\n> **%s**\n", md(v.Disclaimer))
	}
	if v.Since != nil {
		x.writeSinceMarkdown(&b)
	}
	if v.Level == roadmap.LevelThemes {
		x.writeThemesMarkdown(&b, true)
	} else {
		if v.GroupBy != "theme" {
			x.writeThemesMarkdown(&b, false)
		}
		x.writeObjectivesMarkdown(&b)
		for _, g := range v.Groups {
			x.writeGroupMarkdown(&b, g)
		}
		if v.Features == 0 {
			b.WriteString("\nNothing on this roadmap yet.\n")
		}
		writeCampaignsMarkdown(&b, v)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (x exportText) writeSinceMarkdown(b *strings.Builder) {
	s := x.v.Since
	fmt.Fprintf(b, "\n## What changed since %s\n\n%s\n", MarkdownText(revisionName(s.Revision)), MarkdownText(sinceSummary(s)))
	if len(s.Changes) > 0 {
		b.WriteString("\n")
	}
	for _, c := range s.Changes {
		item := ""
		if c.Item == "objective" {
			item = " (objective)"
		}
		fmt.Fprintf(b, "- **%s:** %s%s\n", changeVerb(c.Kind), MarkdownText(c.Title), item)
		for _, f := range c.Fields {
			fmt.Fprintf(b, "  - %s\n", MarkdownText(fieldLine(f)))
		}
	}
}

// writeThemesMarkdown writes the themes as a table; at level themes with a
// column per period counting each theme's features.
func (x exportText) writeThemesMarkdown(b *strings.Builder, level bool) {
	if len(x.v.Themes) == 0 {
		if level {
			b.WriteString("\nNo themes on this roadmap yet.\n")
		}
		return
	}
	t := Table{Columns: []Column{{Name: "Theme"}, {Name: "Description"}}}
	if level {
		for _, p := range x.v.Periods {
			t.Columns = append(t.Columns, Column{Name: p.Title, Right: true})
		}
	}
	t.Columns = append(t.Columns, Column{Name: "Features", Right: true})
	for _, th := range x.v.Themes {
		row := []string{th.Title, th.Description}
		if level {
			for _, p := range x.v.Periods {
				row = append(row, countIn(th.Periods, p.Key))
			}
		}
		t.Rows = append(t.Rows, append(row, strconv.Itoa(th.Features)))
	}
	b.WriteString("\n## Themes\n\n")
	var tb strings.Builder
	_ = WriteMarkdownTable(&tb, t)
	b.WriteString(tb.String())
}

func countIn(ps []roadmap.Period, key string) string {
	for _, p := range ps {
		if p.Key == key {
			return strconv.Itoa(p.Features)
		}
	}
	return ""
}

func (x exportText) writeObjectivesMarkdown(b *strings.Builder) {
	if len(x.v.Objectives) == 0 {
		return
	}
	t := Table{Columns: []Column{{Name: "Objective"}, {Name: "Metric"}, {Name: "Baseline"}, {Name: "Target"}, {Name: "Due"}}}
	owners := false
	for _, o := range x.v.Objectives {
		owners = owners || o.Owner != nil
	}
	if owners {
		t.Columns = append(t.Columns, Column{Name: "Owner"})
	}
	t.Columns = append(t.Columns, Column{Name: "Features", Right: true})
	for _, o := range x.v.Objectives {
		row := []string{o.Title, o.Metric, o.Baseline, o.Target, o.Due}
		if owners {
			name := ""
			if o.Owner != nil {
				name = o.Owner.Name
			}
			row = append(row, name)
		}
		t.Rows = append(t.Rows, append(row, strconv.Itoa(o.Features)))
	}
	b.WriteString("\n## Objectives\n\n")
	var tb strings.Builder
	_ = WriteMarkdownTable(&tb, t)
	b.WriteString(tb.String())
}

func (x exportText) writeGroupMarkdown(b *strings.Builder, g roadmap.Group) {
	fmt.Fprintf(b, "\n## %s\n", MarkdownText(g.Title))
	if g.Description != "" {
		fmt.Fprintf(b, "\n%s\n", MarkdownText(g.Description))
	}
	cols := x.tableColumns()
	t := Table{Columns: []Column{{Name: "Feature"}}}
	for _, c := range cols {
		t.Columns = append(t.Columns, Column{Name: c.name})
	}
	for _, f := range g.Features {
		row := []string{featureName(f)}
		for _, c := range cols {
			row = append(row, c.value(x, f))
		}
		t.Rows = append(t.Rows, row)
	}
	b.WriteString("\n")
	var tb strings.Builder
	_ = WriteMarkdownTable(&tb, t)
	b.WriteString(tb.String())
	for _, f := range g.Features {
		ds := x.details(f)
		if len(ds) == 0 {
			continue
		}
		fmt.Fprintf(b, "\n**%s** (%s)\n\n", MarkdownText(featureName(f)), MarkdownText(f.ID))
		for _, d := range ds {
			fmt.Fprintf(b, "- %s: %s\n", d.label, MarkdownText(d.value))
		}
	}
}

// writeCampaignsMarkdown writes the campaigns the audience sees as a table.
func writeCampaignsMarkdown(b *strings.Builder, v *roadmap.View) {
	if len(v.Campaigns) == 0 {
		return
	}
	t := campaignTable(v)
	b.WriteString("\n## Campaigns\n\n")
	WriteMarkdownTable(b, t)
}

// campaignTable is the campaigns of a view as rows: a column only when some
// campaign has a value for it, so an audience that may not see targets or
// owners gets no empty column hinting at them.
func campaignTable(v *roadmap.View) Table {
	title := map[string]string{}
	for _, f := range v.AllFeatures() {
		title[f.ID] = f.Title
	}
	type col struct {
		name string
		get  func(roadmap.ViewCampaign) string
	}
	cols := []col{
		{"Campaign", func(c roadmap.ViewCampaign) string { return c.Title }},
		{"Status", func(c roadmap.ViewCampaign) string { return c.Status }},
		{"Window", func(c roadmap.ViewCampaign) string {
			if c.Start == "" && c.End == "" {
				return ""
			}
			return c.Start + " – " + c.End
		}},
		{"Promotes", func(c roadmap.ViewCampaign) string {
			var names []string
			for _, id := range c.Features {
				names = append(names, cmp.Or(title[id], id))
			}
			return strings.Join(names, ", ")
		}},
		{"Channels", func(c roadmap.ViewCampaign) string { return strings.Join(c.Channels, ", ") }},
		{"Metric", func(c roadmap.ViewCampaign) string { return c.Metric }},
		{"Target", func(c roadmap.ViewCampaign) string { return c.Target }},
		{"Owner", func(c roadmap.ViewCampaign) string {
			if c.Owner == nil {
				return ""
			}
			return c.Owner.Name
		}},
	}
	var t Table
	var kept []col
	for _, c := range cols {
		for _, vc := range v.Campaigns {
			if c.get(vc) != "" {
				kept = append(kept, c)
				t.Columns = append(t.Columns, Column{Name: c.name})
				break
			}
		}
	}
	for _, vc := range v.Campaigns {
		var row []string
		for _, c := range kept {
			row = append(row, c.get(vc))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
