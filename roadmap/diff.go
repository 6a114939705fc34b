package roadmap

import (
	"fmt"
	"slices"
)

// Change is what happened to one item between two versions of a roadmap.
type Change struct {
	// Kind is added, removed or changed.
	Kind string `json:"change"`
	// Item is feature, objective or campaign.
	Item  string `json:"item"`
	ID    string `json:"id"`
	Title string `json:"title"`
	// Fields are the fields that changed (for changed items).
	Fields []FieldChange `json:"fields,omitempty"`
	// Commit made the change (added or removed items), when both sides are
	// commits.
	Commit *Commit `json:"commit,omitempty"`
	// Uncommitted says the change is the working tree's alone: diff from a
	// commit to the working tree names the commits of the rest.
	Uncommitted bool `json:"uncommitted,omitempty"`
}

// FieldChange is one field's old and new value.
type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
	// OldInvalid and NewInvalid say the value is written as it is in the
	// file, as it could not be read (status: shiped).
	OldInvalid bool `json:"old_invalid,omitempty"`
	NewInvalid bool `json:"new_invalid,omitempty"`
	// Move says how far a target moved: a slip (later) or a pull-in.
	Move *Move `json:"move,omitempty"`
	// Commit last set the field to its new value, when both sides are commits.
	Commit *Commit `json:"commit,omitempty"`
	// Uncommitted says the new value is the working tree's, not HEAD's.
	Uncommitted bool `json:"uncommitted,omitempty"`
}

// Move is how far a target moved.
type Move struct {
	// Days between the old and new target's last day; 0 for horizons.
	Days int `json:"days"`
	// Direction is "slip" (later) or "pull-in" (earlier).
	Direction string `json:"direction"`
}

func (m Move) String() string {
	if m.Days == 0 {
		return m.Direction
	}
	return fmt.Sprintf("%s of %d days", m.Direction, abs(m.Days))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Commit names the commit that made a change.
type Commit struct {
	Hash    string `json:"hash"`
	Short   string `json:"short"`
	Subject string `json:"subject"`
	Author  string `json:"author"`
	Email   string `json:"email,omitempty"`
	Date    string `json:"date"`
}

// Event is one commit in the life of an item: what history shows.
type Event struct {
	Commit *Commit       `json:"commit"`
	Kind   string        `json:"change"` // added, removed or changed
	Fields []FieldChange `json:"fields,omitempty"`
}

// The kinds of Change.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// Diff compares two versions of a roadmap: features, objectives and campaigns
// matched by id (never by file, so moving an item is no change), in id order,
// features first. An item on one side only, in a file the other side could
// not read (it does not parse there, or is a link), is no change: it was
// not read there, which says nothing of whether it is there.
func Diff(old, new *Roadmap) []Change {
	unread := [2][]string{UnreadFiles(old.Findings), UnreadFiles(new.Findings)}
	// notRead tells an item of one side (0 old, 1 new) in a file the other
	// side did not read.
	notRead := func(l *Located, side int) bool { return slices.Contains(unread[1-side], l.File) }
	var out []Change
	out = append(out, diffItems("feature", old.Features, new.Features,
		func(f *Feature) string { return f.ID }, func(f *Feature) string { return f.Title }, (*Feature).Fields,
		func(f *Feature, side int) bool { return notRead(&f.Located, side) })...)
	out = append(out, diffItems("objective", old.Objectives, new.Objectives,
		func(o *Objective) string { return o.ID }, func(o *Objective) string { return o.Title }, (*Objective).Fields,
		func(o *Objective, side int) bool { return notRead(&o.Located, side) })...)
	out = append(out, diffItems("campaign", old.Campaigns, new.Campaigns,
		func(c *Campaign) string { return c.ID }, func(c *Campaign) string { return c.Title }, (*Campaign).Fields,
		func(c *Campaign, side int) bool { return notRead(&c.Located, side) })...)
	return out
}

// UnreadFiles are the paths, sorted, of the files findings say were not
// read: they do not parse, or are links.
func UnreadFiles(findings []Finding) []string {
	var out []string
	for _, f := range findings {
		if f.Rule == ruleSyntax.ID && !slices.Contains(out, f.Path) {
			out = append(out, f.Path)
		}
	}
	slices.Sort(out)
	return out
}

// diffItems compares two lists of items by id; notRead, if not nil, tells an
// item of one side (0 old, 1 new) that the other side could not have read.
func diffItems[T any](kind string, old, new []T, id, title func(T) string, fields func(T) []Field, notRead func(T, int) bool) []Change {
	before := byID(old, id)
	after := byID(new, id)
	var ids []string
	for k := range before {
		ids = append(ids, k)
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			ids = append(ids, k)
		}
	}
	slices.Sort(ids)
	var out []Change
	for _, k := range ids {
		b, inB := before[k]
		a, inA := after[k]
		switch {
		case notRead != nil && (!inB && notRead(a, 1) || !inA && notRead(b, 0)):
			// Not read on the other side: no telling.
		case !inB:
			out = append(out, Change{Kind: Added, Item: kind, ID: k, Title: title(a)})
		case !inA:
			out = append(out, Change{Kind: Removed, Item: kind, ID: k, Title: title(b)})
		default:
			if fc := DiffFields(fields(b), fields(a)); len(fc) > 0 {
				out = append(out, Change{Kind: Changed, Item: kind, ID: k, Title: title(a), Fields: fc})
			}
		}
	}
	return out
}

// DiffFields compares two field lists, each path listed once (as Fields
// lists them), in the order the fields are listed (fields of old first, then
// fields only new has). A target that moved says by how much.
func DiffFields(old, new []Field) []FieldChange {
	if samePaths(old, new) {
		// The common case, an item whose fields are all still set: no
		// need to look each one up.
		var out []FieldChange
		for i, f := range old {
			if f != new[i] {
				out = append(out, fieldChange(f, new[i]))
			}
		}
		return out
	}
	oldAt := make(map[string]Field, len(old))
	for _, f := range old {
		oldAt[f.Path] = f
	}
	newAt := make(map[string]Field, len(new))
	for _, f := range new {
		newAt[f.Path] = f
	}
	var out []FieldChange
	add := func(path string) {
		o, n := oldAt[path], newAt[path]
		if o.Value != n.Value || o.Invalid != n.Invalid {
			o.Path, n.Path = path, path
			out = append(out, fieldChange(o, n))
		}
	}
	seen := map[string]bool{}
	for _, f := range old {
		seen[f.Path] = true
		add(f.Path)
	}
	for _, f := range new {
		if !seen[f.Path] {
			add(f.Path)
		}
	}
	return out
}

// samePaths reports whether two field lists list the same paths in the same
// order.
func samePaths(old, new []Field) bool {
	if len(old) != len(new) {
		return false
	}
	for i := range old {
		if old[i].Path != new[i].Path {
			return false
		}
	}
	return true
}

// fieldChange is the change of one field, old to new (either unset: zero).
func fieldChange(old, new Field) FieldChange {
	path := old.Path
	fc := FieldChange{Field: path, Old: old.Value, New: new.Value, OldInvalid: old.Invalid, NewInvalid: new.Invalid}
	if (path == "target" || path == "due") && !old.Invalid && !new.Invalid {
		fc.Move = targetMove(old.Value, new.Value)
	}
	return fc
}

// targetMove says how a target moved, or nil when either side is not a
// target or both end the same day (2027-03 written 2027-03-31, or 2026-12
// widened to 2026-Q4), which report does not count as a slip either.
func targetMove(old, new string) *Move {
	o, err1 := ParseTarget(old)
	n, err2 := ParseTarget(new)
	if err1 != nil || err2 != nil {
		return nil
	}
	c := o.Compare(n)
	if c == 0 || o.Dated() && n.Dated() && o.End() == n.End() {
		return nil
	}
	m := &Move{Direction: "slip"}
	if c > 0 {
		m.Direction = "pull-in"
	}
	if o.Dated() && n.Dated() {
		m.Days = o.End().DaysUntil(n.End())
	}
	return m
}
