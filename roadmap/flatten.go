package roadmap

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
)

// Field is one field of an item as text, for diffs: its path and value.
type Field struct {
	Path  string
	Value string
	// Invalid says Value is written as it is in the file, as it could not
	// be read (status: shiped).
	Invalid bool
}

// fieldList collects the fields of an item that are set, and those written
// with a value that could not be read, as written.
type fieldList struct {
	fields  []Field
	invalid map[string]string // Located.Written
	used    int               // how many of invalid have a field
}

// add adds a field that is set; one written with a value that could not be
// read is added as written, so a typo reads as a typo, not as a field left
// empty.
func (l *fieldList) add(path, value string) {
	if value != "" {
		l.fields = append(l.fields, Field{Path: path, Value: value})
		return
	}
	if v, ok := l.invalid[path]; ok {
		l.fields = append(l.fields, Field{Path: path, Value: v, Invalid: true})
		l.used++
	}
}

// done returns the fields, with the values that could not be read and
// have no field of their own (launch written as a list, a score that is not
// a number) after the other fields of their key, in the order of t's keys.
// A key's fields come out the same whether its item is decoded whole or
// with that key alone, as DiffKeys needs. The fields must have been added in
// the order of t's keys (TestFieldsListEachPathOnce holds Fields to it).
func (l *fieldList) done(t reflect.Type) []Field {
	if l.used == len(l.invalid) {
		return l.fields
	}
	have := make(map[string]bool, len(l.fields))
	for _, f := range l.fields {
		have[f.Path] = true
	}
	var rest []string
	for path := range l.invalid {
		if !have[path] {
			rest = append(rest, path)
		}
	}
	slices.Sort(rest)
	s := shapeOf(t)
	rank := func(path string) int {
		if i, ok := s.byName[path[:rootEnd(path)]]; ok {
			return i
		}
		return len(s.fields)
	}
	for _, path := range rest {
		r := rank(path)
		at, _ := slices.BinarySearchFunc(l.fields, r+1, func(f Field, r int) int { return cmp.Compare(rank(f.Path), r) })
		l.fields = slices.Insert(l.fields, at, Field{Path: path, Value: l.invalid[path], Invalid: true})
	}
	return l.fields
}

// rootEnd is where the key a field's path starts with ends: "launch" in
// "launch.date", "objectives" in "objectives[1]".
func rootEnd(path string) int {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return i
	}
	return len(path)
}

// Fields lists f's fields that are set, in a fixed order, as text. Lists are
// joined with ", "; owners and scores get one field per key.
func (f *Feature) Fields() []Field {
	out := fieldList{invalid: f.Written}
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
	return out.done(itemTypes["features"])
}

// Fields lists o's fields that are set, in a fixed order, as text.
func (o *Objective) Fields() []Field {
	out := fieldList{invalid: o.Written}
	add := out.add
	add("title", o.Title)
	add("kind", string(o.Kind))
	add("owner", o.Owner)
	add("metric", o.Metric)
	add("baseline", o.Baseline)
	add("target", o.Goal)
	add("due", o.Due.String())
	add("visibility", string(o.Visibility))
	return out.done(itemTypes["objectives"])
}

// Fields lists c's fields that are set, in a fixed order, as text.
func (c *Campaign) Fields() []Field {
	out := fieldList{invalid: c.Written}
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
	return out.done(itemTypes["campaigns"])
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
