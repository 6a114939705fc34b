package render

import (
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
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (x exportText) writeSinceMarkdown(b *strings.Builder) {
	s := x.v.Since
	fmt.Fprintf(b, "\n## What changed since %s\n\n%s\n", MarkdownText(s.Revision), MarkdownText(sinceSummary(s)))
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
