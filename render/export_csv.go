package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// WriteExportCSV writes the view as one CSV row per feature: its group, its
// id, then a column for each field the audience sees (launch as four
// columns; lists joined with "; "), and the disclaimer, repeated on every
// row so that no cut of the sheet loses it. With a changes section, a change column
// says what changed since that revision, and features no longer on the
// roadmap follow as rows of their own. At level themes, a row per theme.
// Every cell is neutralised against spreadsheet formulas.
func WriteExportCSV(w io.Writer, v *roadmap.View) error {
	if v.Level == roadmap.LevelThemes {
		return WriteCSV(w, themeSheet(v))
	}
	x := newExportText(v)
	type col struct {
		name  string
		value func(f *roadmap.ViewFeature) string
	}
	msg := func(f *roadmap.ViewFeature) *roadmap.ViewMessaging {
		if f.Messaging == nil {
			return &roadmap.ViewMessaging{}
		}
		return f.Messaging
	}
	launch := func(f *roadmap.ViewFeature) *roadmap.ViewLaunch {
		if f.Launch == nil {
			return &roadmap.ViewLaunch{}
		}
		return f.Launch
	}
	byField := map[string][]col{
		"title":       {{"title", func(f *roadmap.ViewFeature) string { return f.Title }}},
		"summary":     {{"summary", func(f *roadmap.ViewFeature) string { return f.Summary }}},
		"description": {{"description", func(f *roadmap.ViewFeature) string { return f.Description }}},
		"status":      {{"status", func(f *roadmap.ViewFeature) string { return f.Status }}},
		"theme": {{"theme", func(f *roadmap.ViewFeature) string {
			if f.Theme == "" {
				return ""
			}
			return x.themeTitle(f.Theme)
		}}},
		"objectives": {{"objectives", func(f *roadmap.ViewFeature) string { return x.objectiveTitles(f.Objectives) }}},
		"owners":     {{"owners", func(f *roadmap.ViewFeature) string { return ownersText(f.Owners) }}},
		"target":     {{"target", func(f *roadmap.ViewFeature) string { return f.Target }}},
		"shipped":    {{"shipped", func(f *roadmap.ViewFeature) string { return f.Shipped }}},
		"launch": {
			{"launch_size", func(f *roadmap.ViewFeature) string { return launch(f).Size }},
			{"launch_date", func(f *roadmap.ViewFeature) string { return launch(f).Date }},
			{"launch_event", func(f *roadmap.ViewFeature) string { return launch(f).Event }},
			{"launch_done", func(f *roadmap.ViewFeature) string { return strings.Join(launch(f).Done, "; ") }},
		},
		"scores":                   {{"scores", func(f *roadmap.ViewFeature) string { return scoresText(f.Scores) }}},
		"messaging.value":          {{"messaging_value", func(f *roadmap.ViewFeature) string { return msg(f).Value }}},
		"messaging.personas":       {{"messaging_personas", func(f *roadmap.ViewFeature) string { return x.personaNames(msg(f).Personas) }}},
		"messaging.differentiator": {{"messaging_differentiator", func(f *roadmap.ViewFeature) string { return msg(f).Differentiator }}},
		"visibility":               {{"visibility", func(f *roadmap.ViewFeature) string { return f.Visibility }}},
		"depends_on":               {{"depends_on", func(f *roadmap.ViewFeature) string { return strings.Join(f.DependsOn, "; ") }}},
		"customers":                {{"customers", func(f *roadmap.ViewFeature) string { return strings.Join(f.Customers, "; ") }}},
		"links":                    {{"links", func(f *roadmap.ViewFeature) string { return strings.Join(f.Links, "; ") }}},
		"notes":                    {{"notes", func(f *roadmap.ViewFeature) string { return f.Notes }}},
		"tags":                     {{"tags", func(f *roadmap.ViewFeature) string { return strings.Join(f.Tags, "; ") }}},
	}
	cols := []col{{"id", func(f *roadmap.ViewFeature) string { return f.ID }}}
	for _, field := range v.Fields {
		cols = append(cols, byField[field]...)
	}

	t := Table{Columns: []Column{{Name: "group"}}}
	for _, c := range cols {
		t.Columns = append(t.Columns, Column{Name: c.name})
	}
	changes := map[string]roadmap.Change{}
	if v.Disclaimer != "" {
		// The disclaimer travels with every row, however the sheet is cut.
		cols = append(cols, col{"disclaimer", func(*roadmap.ViewFeature) string { return v.Disclaimer }})
		t.Columns = append(t.Columns, Column{Name: "disclaimer"})
	}
	if v.Since != nil {
		t.Columns = append(t.Columns, Column{Name: "change since " + revisionName(v.Since.Revision)})
		for _, c := range v.Since.Changes {
			if c.Item == "feature" {
				changes[c.ID] = c
			}
		}
	}
	for _, g := range v.Groups {
		for _, f := range g.Features {
			row := []string{g.Title}
			for _, c := range cols {
				row = append(row, c.value(f))
			}
			if v.Since != nil {
				row = append(row, changeCell(changes[f.ID]))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	if v.Since != nil {
		for _, c := range v.Since.Changes {
			if c.Item != "feature" || c.Kind != roadmap.Removed {
				continue
			}
			row := make([]string, len(t.Columns))
			row[1] = c.ID
			if x.shows("title") {
				row[2] = c.Title
			}
			if v.Disclaimer != "" {
				row[len(row)-2] = v.Disclaimer
			}
			row[len(row)-1] = changeCell(c)
			t.Rows = append(t.Rows, row)
		}
	}
	return WriteCSV(w, t)
}

// changeCell says in one cell what happened to a feature.
func changeCell(c roadmap.Change) string {
	switch c.Kind {
	case roadmap.Added:
		return "new"
	case roadmap.Removed:
		return "no longer on this roadmap"
	case roadmap.Changed:
		parts := make([]string, len(c.Fields))
		for i, f := range c.Fields {
			parts[i] = fieldLine(f)
		}
		return "changed: " + strings.Join(parts, "; ")
	}
	return ""
}

// themeSheet is the level-1 view: a row per theme, a column per period.
func themeSheet(v *roadmap.View) Table {
	t := Table{Columns: []Column{{Name: "theme"}, {Name: "title"}, {Name: "description"}}}
	for _, p := range v.Periods {
		t.Columns = append(t.Columns, Column{Name: p.Title})
	}
	t.Columns = append(t.Columns, Column{Name: "features"})
	if v.Disclaimer != "" {
		t.Columns = append(t.Columns, Column{Name: "disclaimer"})
	}
	for _, th := range v.Themes {
		row := []string{th.ID, th.Title, th.Description}
		for _, p := range v.Periods {
			row = append(row, countIn(th.Periods, p.Key))
		}
		row = append(row, strconv.Itoa(th.Features))
		if v.Disclaimer != "" {
			row = append(row, v.Disclaimer)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
