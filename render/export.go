package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// The export renderers (Markdown, HTML, JSON, CSV and templates) take a
// *roadmap.View and nothing else: the audience filter has already removed
// what the audience may not see, so no renderer can reach it.

// WriteExportJSON writes the view as a JSON document of kind "export"; its
// "roadmap" key is the data --template renders.
func WriteExportJSON(w io.Writer, v *roadmap.View) error {
	return WriteJSON(w, "export", "roadmap", v)
}

// exportText holds the view's values as people read them, shared by the
// Markdown, CSV and HTML exports.
type exportText struct {
	v        *roadmap.View
	features map[string]*roadmap.ViewFeature
}

func newExportText(v *roadmap.View) exportText {
	x := exportText{v: v, features: map[string]*roadmap.ViewFeature{}}
	for _, g := range v.Groups {
		for _, f := range g.Features {
			x.features[f.ID] = f
		}
	}
	return x
}

func (x exportText) shows(field string) bool { return slices.Contains(x.v.Fields, field) }

// name is how a feature is called: its title, or its id when the audience
// does not see titles.
func featureName(f *roadmap.ViewFeature) string {
	if f.Title != "" {
		return f.Title
	}
	return f.ID
}

func (x exportText) themeTitle(id string) string {
	if t := x.v.Theme(id); t != nil {
		return t.Title
	}
	return id
}

func (x exportText) objectiveTitles(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if o := x.v.Objective(id); o != nil {
			names[i] = o.Title
		}
	}
	return strings.Join(names, "; ")
}

func (x exportText) personaNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if p := x.v.Persona(id); p != nil {
			names[i] = p.Name
		}
	}
	return strings.Join(names, "; ")
}

// featureNames names the dependencies, which are all visible features.
func (x exportText) featureNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if f := x.features[id]; f != nil {
			names[i] = featureName(f)
		}
	}
	return strings.Join(names, "; ")
}

func ownersText(os []roadmap.Owner) string {
	parts := make([]string, len(os))
	for i, o := range os {
		parts[i] = o.Role + ": " + o.Name
	}
	return strings.Join(parts, "; ")
}

func launchText(l *roadmap.ViewLaunch) string {
	if l == nil {
		return ""
	}
	var parts []string
	for _, p := range []string{l.Size, l.Date, l.Event} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, ", ")
	if len(l.Done) > 0 {
		s += " (done: " + strings.Join(l.Done, ", ") + ")"
	}
	return s
}

func scoresText(scores map[string]float64) string {
	keys := make([]string, 0, len(scores))
	for k := range scores {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + roadmap.Num(scores[k])
	}
	return strings.Join(parts, ", ")
}

// statusText is a status as a sentence reads it: "in progress".
func statusText(s string) string { return strings.ReplaceAll(s, "-", " ") }

// detail is one labelled value of a feature beyond the columns of a table.
type detail struct{ label, value string }

// details are a feature's values that do not fit a table's columns, in a
// fixed order; empty values are left out.
func (x exportText) details(f *roadmap.ViewFeature) []detail {
	var out []detail
	add := func(label, value string) {
		if value != "" {
			out = append(out, detail{label, value})
		}
	}
	add("Description", f.Description)
	if f.Messaging != nil {
		add("Differentiator", f.Messaging.Differentiator)
		add("Personas", x.personaNames(f.Messaging.Personas))
	}
	add("Objectives", x.objectiveTitles(f.Objectives))
	add("Owners", ownersText(f.Owners))
	add("Launch", launchText(f.Launch))
	add("Depends on", x.featureNames(f.DependsOn))
	add("Scores", scoresText(f.Scores))
	add("Customers", strings.Join(f.Customers, ", "))
	add("Links", strings.Join(f.Links, " "))
	add("Notes", f.Notes)
	add("Tags", strings.Join(f.Tags, ", "))
	add("Visibility", f.Visibility)
	return out
}

// column is one column of an export table: shown when the audience sees
// its field.
type column struct {
	name  string
	field string
	value func(x exportText, f *roadmap.ViewFeature) string
}

// tableColumns are the short fields, one column each, in reading order;
// the theme column is left out when features are grouped by theme.
func (x exportText) tableColumns() []column {
	all := []column{
		{"Status", "status", func(_ exportText, f *roadmap.ViewFeature) string { return statusText(f.Status) }},
		{"Target", "target", func(_ exportText, f *roadmap.ViewFeature) string { return f.Target }},
		{"Shipped", "shipped", func(_ exportText, f *roadmap.ViewFeature) string { return f.Shipped }},
		{"Theme", "theme", func(x exportText, f *roadmap.ViewFeature) string {
			if f.Theme == "" {
				return ""
			}
			return x.themeTitle(f.Theme)
		}},
		{"Summary", "summary", func(_ exportText, f *roadmap.ViewFeature) string { return f.Summary }},
		{"Why it matters", "messaging.value", func(_ exportText, f *roadmap.ViewFeature) string {
			if f.Messaging == nil {
				return ""
			}
			return f.Messaging.Value
		}},
	}
	var out []column
	for _, c := range all {
		if c.field == "theme" && x.v.GroupBy == "theme" {
			continue
		}
		if x.shows(c.field) {
			out = append(out, c)
		}
	}
	return out
}

func changeVerb(kind string) string {
	switch kind {
	case roadmap.Added:
		return "New"
	case roadmap.Removed:
		return "No longer on this roadmap"
	}
	return "Changed"
}

func sinceSummary(s *roadmap.Since) string {
	if len(s.Changes) == 0 {
		return "Nothing on this roadmap changed since " + revisionName(s.Revision) + "."
	}
	n := map[string]int{}
	for _, c := range s.Changes {
		n[c.Kind]++
	}
	var parts []string
	for _, k := range []string{roadmap.Added, roadmap.Changed, roadmap.Removed} {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k], k))
		}
	}
	// The first count names what it counts: "1 item changed, 2 removed".
	_, rest, _ := strings.Cut(parts[0], " ")
	parts[0] = plural(n[rest], "item") + " " + rest
	return strings.Join(parts, ", ") + " since " + revisionName(s.Revision) + "."
}

func (x exportText) subtitle() string {
	parts := []string{x.v.Product, "for " + x.v.Audience, "generated " + x.v.Generated, "from " + revisionText(x.v.Revision)}
	if x.v.CoarseDates() {
		parts = append(parts, "dates by "+string(x.v.Dates))
	}
	return strings.Join(parts, " · ")
}
