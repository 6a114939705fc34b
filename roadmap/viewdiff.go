package roadmap

import (
	"strings"
)

// DiffViews compares two views of one audience: what it saw at an earlier
// revision (old) and what it sees now. Only values of the views take part,
// so a change says nothing the audience may not see on either side: an item
// hidden on one side is added or removed, never "changed", and its hidden
// side is not described; values are as coarse as the audience's dates.
// Features then objectives, each in id order.
func DiffViews(old, new *View) []Change {
	out := diffItems("feature", old.AllFeatures(), new.AllFeatures(),
		func(f *ViewFeature) string { return f.ID }, (*ViewFeature).title, (*ViewFeature).Fields, nil)
	objs := func(v *View) []*ViewObject {
		out := make([]*ViewObject, len(v.Objectives))
		for i := range v.Objectives {
			out[i] = &v.Objectives[i]
		}
		return out
	}
	out = append(out, diffItems("objective", objs(old), objs(new),
		func(o *ViewObject) string { return o.ID }, func(o *ViewObject) string { return o.Title }, (*ViewObject).Fields, nil)...)
	if out == nil {
		out = []Change{}
	}
	return out
}

func (f *ViewFeature) title() string {
	if f.Title == "" {
		return f.ID
	}
	return f.Title
}

// Fields lists the feature's fields as the audience sees them, as text, in
// the order and with the paths of (*Feature).Fields.
func (f *ViewFeature) Fields() []Field {
	var out fieldList
	add := out.add
	add("title", f.Title)
	add("summary", f.Summary)
	add("description", f.Description)
	add("status", f.Status)
	add("theme", f.Theme)
	add("objectives", strings.Join(f.Objectives, ", "))
	for _, o := range f.Owners {
		add("owners."+o.Role, o.Name)
	}
	add("target", f.Target)
	add("shipped", f.Shipped)
	if l := f.Launch; l != nil {
		add("launch.size", l.Size)
		add("launch.date", l.Date)
		add("launch.event", l.Event)
		add("launch.done", strings.Join(l.Done, ", "))
	}
	for _, k := range sortedKeys(f.Scores) {
		add("scores."+k, Num(f.Scores[k]))
	}
	if m := f.Messaging; m != nil {
		add("messaging.value", m.Value)
		add("messaging.personas", strings.Join(m.Personas, ", "))
		add("messaging.differentiator", m.Differentiator)
	}
	add("visibility", f.Visibility)
	add("depends_on", strings.Join(f.DependsOn, ", "))
	add("customers", strings.Join(f.Customers, ", "))
	add("links", strings.Join(f.Links, ", "))
	add("notes", f.Notes)
	add("tags", strings.Join(f.Tags, ", "))
	return out.fields
}

// Fields lists the objective's fields as the audience sees them, as text.
func (o *ViewObject) Fields() []Field {
	var out fieldList
	add := out.add
	add("title", o.Title)
	add("kind", o.Kind)
	if o.Owner != nil {
		add("owner", o.Owner.Name)
	}
	add("metric", o.Metric)
	add("baseline", o.Baseline)
	add("target", o.Target)
	add("due", o.Due)
	return out.fields
}
