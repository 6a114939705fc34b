package roadmap

import (
	"strings"
)

// Field is one field of an item as text, for diffs: its path and value.
type Field struct {
	Path  string
	Value string
}

// fieldList collects the fields of an item that are set.
type fieldList []Field

func (l *fieldList) add(path, value string) {
	if value != "" {
		*l = append(*l, Field{path, value})
	}
}

// Fields lists f's fields that are set, in a fixed order, as text. Lists are
// joined with ", "; owners and scores get one field per key.
func (f *Feature) Fields() []Field {
	var out fieldList
	add := out.add
	add("title", f.Title)
	add("summary", f.Summary)
	add("description", f.Description)
	add("status", string(f.Status))
	add("theme", f.Theme)
	add("objectives", strings.Join(f.Objectives, ", "))
	for _, role := range sortedKeys(f.Owners) {
		add("owners."+role, f.Owners[role])
	}
	add("target", f.Target.String())
	add("shipped", f.Shipped.String())
	if l := f.Launch; l != nil {
		add("launch.size", l.Size)
		add("launch.date", l.Date.String())
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
	add("visibility", string(f.Visibility))
	add("depends_on", strings.Join(f.DependsOn, ", "))
	add("customers", strings.Join(f.Customers, ", "))
	add("links", strings.Join(f.Links, ", "))
	add("notes", f.Notes)
	add("tags", strings.Join(f.Tags, ", "))
	return out
}

// Fields lists o's fields that are set, in a fixed order, as text.
func (o *Objective) Fields() []Field {
	var out fieldList
	add := out.add
	add("title", o.Title)
	add("kind", string(o.Kind))
	add("owner", o.Owner)
	add("metric", o.Metric)
	add("baseline", o.Baseline)
	add("target", o.Goal)
	add("due", o.Due.String())
	add("visibility", string(o.Visibility))
	return out
}

// Fields lists c's fields that are set, in a fixed order, as text.
func (c *Campaign) Fields() []Field {
	var out fieldList
	add := out.add
	add("title", c.Title)
	add("status", string(c.Status))
	add("owner", c.Owner)
	add("objectives", strings.Join(c.Objectives, ", "))
	add("features", strings.Join(c.Features, ", "))
	add("channels", strings.Join(c.Channels, ", "))
	add("start", c.Start.String())
	add("end", c.End.String())
	add("metric", c.Metric)
	add("target", c.Goal)
	add("visibility", string(c.Visibility))
	return out
}

// ItemFields returns the fields of a feature, objective or campaign, and
// nil for anything else.
func ItemFields(item any) []Field {
	switch x := item.(type) {
	case *Feature:
		if x != nil {
			return x.Fields()
		}
	case *Objective:
		if x != nil {
			return x.Fields()
		}
	case *Campaign:
		if x != nil {
			return x.Fields()
		}
	}
	return nil
}

// ItemID returns the id of a feature, objective or campaign, and "" for
// anything else.
func ItemID(item any) string {
	switch x := item.(type) {
	case *Feature:
		if x != nil {
			return x.ID
		}
	case *Objective:
		if x != nil {
			return x.ID
		}
	case *Campaign:
		if x != nil {
			return x.ID
		}
	}
	return ""
}
