package roadmap_test

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestDiffFields: the same fields compared one to one, and fields set on
// one side only, in old's order then new's; a target says how it moved.
func TestDiffFields(t *testing.T) {
	f := func(kv ...string) []roadmap.Field {
		var out []roadmap.Field
		for i := 0; i < len(kv); i += 2 {
			out = append(out, roadmap.Field{Path: kv[i], Value: kv[i+1]})
		}
		return out
	}
	for _, c := range []struct {
		old, new []roadmap.Field
		want     []roadmap.FieldChange
	}{
		{f("a", "1", "b", "2", "c", "3"), f("a", "1", "b", "5", "c", "3"),
			[]roadmap.FieldChange{{Field: "b", Old: "2", New: "5"}}},
		{f("a", "1", "b", "2"), f("a", "1", "c", "3"),
			[]roadmap.FieldChange{{Field: "b", Old: "2"}, {Field: "c", New: "3"}}},
		{f("b", "2", "a", "1"), f("a", "1", "b", "2"), nil},
		{f("target", "2026-Q1"), f("target", "2026-Q3"),
			[]roadmap.FieldChange{{Field: "target", Old: "2026-Q1", New: "2026-Q3", Move: &roadmap.Move{Days: 183, Direction: "slip"}}}},
		{f("target", "2026-Q3", "x", "1"), f("x", "1", "target", "2026-Q1"),
			[]roadmap.FieldChange{{Field: "target", Old: "2026-Q3", New: "2026-Q1", Move: &roadmap.Move{Days: -183, Direction: "pull-in"}}}},
		// Written another way, ending the same day: no move.
		{f("target", "2027-03"), f("target", "2027-03-31"),
			[]roadmap.FieldChange{{Field: "target", Old: "2027-03", New: "2027-03-31"}}},
		{f("due", "2026-12"), f("due", "2026-Q4"),
			[]roadmap.FieldChange{{Field: "due", Old: "2026-12", New: "2026-Q4"}}},
		// Ending a day earlier is a pull-in, however small.
		{f("target", "2027-03"), f("target", "2027-03-30"),
			[]roadmap.FieldChange{{Field: "target", Old: "2027-03", New: "2027-03-30", Move: &roadmap.Move{Days: -1, Direction: "pull-in"}}}},
	} {
		if got := roadmap.DiffFields(c.old, c.new); !reflect.DeepEqual(got, c.want) {
			t.Errorf("DiffFields(%v, %v) = %+v, want %+v", c.old, c.new, got, c.want)
		}
	}
}

// TestFieldsListEachPathOnce: DiffFields relies on it; and in the order of
// the keys of the item's type, which DiffKeys and the placing of values that
// do not read rely on.
func TestFieldsListEachPathOnce(t *testing.T) {
	r, err := roadmap.Load(os.DirFS("../examples/northwind"))
	if err != nil {
		t.Fatal(err)
	}
	var items []any
	for _, f := range r.Features {
		items = append(items, f)
	}
	for _, o := range r.Objectives {
		items = append(items, o)
	}
	for _, c := range r.Campaigns {
		items = append(items, c)
	}
	for _, it := range items {
		seen := map[string]bool{}
		rank := keyRanks(reflect.TypeOf(it).Elem())
		last := -1
		for _, f := range roadmap.ItemFields(it) {
			if seen[f.Path] {
				t.Errorf("%s lists %s twice", roadmap.ItemID(it), f.Path)
			}
			seen[f.Path] = true
			key, _, _ := strings.Cut(strings.SplitN(f.Path, "[", 2)[0], ".")
			place, ok := rank[key]
			if !ok || place < last {
				t.Errorf("%s lists %s out of the order of its type's keys", roadmap.ItemID(it), f.Path)
			}
			last = place
		}
	}
	if len(items) < 10 {
		t.Fatalf("only %d items in the example", len(items))
	}
}

// keyRanks numbers the YAML keys of an item type in the order its fields
// are declared.
func keyRanks(t reflect.Type) map[string]int {
	out := map[string]int{}
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			out[name] = i
		}
	}
	return out
}

// TestMarkUncommitted: what HEAD holds as the working tree does was
// committed; the rest is the working tree's alone.
func TestMarkUncommitted(t *testing.T) {
	f := func(id, status, notes string) *roadmap.Feature {
		return &roadmap.Feature{ID: id, Title: id, Status: roadmap.Status(status), Notes: notes}
	}
	rev := roadmap.OfFeatures([]*roadmap.Feature{f("a", "idea", "x"), f("b", "idea", ""), f("gone", "idea", ""), f("back", "idea", ""), f("dup", "idea", ""), f("edited", "idea", "")})
	head := roadmap.OfFeatures([]*roadmap.Feature{f("a", "planned", ""), f("b", "idea", ""), f("gone", "idea", ""), f("new", "idea", ""), f("dup", "planned", ""), f("dup", "parked", ""), f("edited", "planned", "")})
	work := roadmap.OfFeatures([]*roadmap.Feature{f("a", "shipped", ""), f("b", "planned", ""), f("back", "planned", ""), f("new", "idea", ""), f("draft", "idea", ""), f("dup", "planned", ""), f("dup", "parked", "")})
	changes := roadmap.Diff(rev, work)
	roadmap.MarkUncommitted(changes, roadmap.Diff(rev, head))
	got := map[string]bool{}
	for _, c := range changes {
		if c.Kind != roadmap.Changed {
			got[c.ID] = c.Uncommitted
		}
		for _, fc := range c.Fields {
			got[c.ID+"."+fc.Field] = fc.Uncommitted
		}
	}
	want := map[string]bool{
		"a.status":    true,  // planned at HEAD, shipped here
		"a.notes":     false, // cleared at HEAD as here
		"b.status":    true,  // idea at HEAD
		"gone":        true,  // HEAD still has it
		"back.status": true,  // HEAD removed the item
		"new":         false, // HEAD added it
		"draft":       true,
		"dup.status":  false, // an id written twice reads alike on both sides
		"edited":      true,  // HEAD changed it; only the working tree removed it
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("%s: uncommitted %v (listed %v), want %v", k, g, ok, v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("changes %v, want %v", got, want)
	}
}

// TestFieldsShowValuesThatDoNotRead: a value that does not read shows as
// written, where its field would be, so a typo in a diff reads as a typo
// and not as a field emptied; one with no field of its own (a launch
// written as a list, a score that is not a number) comes after its key's
// other fields. Two lists written differently differ.
func TestFieldsShowValuesThatDoNotRead(t *testing.T) {
	decode := func(text string) []roadmap.Field {
		t.Helper()
		item, ok := roadmap.DecodeItem("features", []byte(text))
		if !ok || item == nil {
			t.Fatalf("the feature does not decode:\n%s", text)
		}
		return roadmap.ItemFields(item)
	}
	set := func(path, value string) roadmap.Field { return roadmap.Field{Path: path, Value: value} }
	bad := func(path, value string) roadmap.Field { return roadmap.Field{Path: path, Value: value, Invalid: true} }
	got := decode(`- id: bank-feeds
  title: Live bank feeds
  status: shiped
  objectives: [grow-smbs]
  launch: {date: 2027-02-30, event: Northwind Live}
  scores: {reach: lots, impact: 2, confidence: 0.8}
  visibility: public
`)
	want := []roadmap.Field{
		set("title", "Live bank feeds"),
		bad("status", "shiped"),
		set("objectives", "grow-smbs"),
		bad("launch.date", "2027-02-30"),
		set("launch.event", "Northwind Live"),
		set("scores.confidence", "0.8"),
		set("scores.impact", "2"),
		bad("scores.reach", "lots"),
		set("visibility", "public"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fields:\n got %+v\nwant %+v", got, want)
	}
	list := "- id: a\n  title: A\n  launch: [large, 2027-03-24]  # the size and day\n  tags: [x]\n"
	if got, want := decode(list), []roadmap.Field{set("title", "A"), bad("launch", "[large, 2027-03-24]"), set("tags", "x")}; !reflect.DeepEqual(got, want) {
		t.Errorf("fields:\n got %+v\nwant %+v", got, want)
	}
	// An edit of a value that does not read is a change.
	changes := roadmap.DiffFields(decode(list), decode(strings.Replace(list, "[large, 2027-03-24]", "[small, 2027-09-01]", 1)))
	if len(changes) != 1 || changes[0] != (roadmap.FieldChange{Field: "launch", Old: "[large, 2027-03-24]", New: "[small, 2027-09-01]", OldInvalid: true, NewInvalid: true}) {
		t.Errorf("an edited list that does not read: %+v", changes)
	}
	// Spaces inside quoted text are the value's: an edit of them is a change.
	spaced := strings.Replace(list, "[large, 2027-03-24]", `["go  live"]`, 1)
	if changes := roadmap.DiffFields(decode(spaced), decode(strings.Replace(spaced, "go  live", "go live", 1))); len(changes) != 1 || changes[0].Old != `["go  live"]` {
		t.Errorf("an edit of spaces in a value that does not read: %+v", changes)
	}
	// A long value shows cut, and two that differ only past the cut still
	// differ; a huge list is not written out.
	long := func(last string) string {
		return strings.Replace(list, "[large, 2027-03-24]", "["+strings.Repeat("large, ", 100)+last+"]", 1)
	}
	changes = roadmap.DiffFields(decode(long("small")), decode(long("tiny")))
	if len(changes) != 1 || len(changes[0].Old) > 260 || changes[0].Old == changes[0].New || !strings.Contains(changes[0].Old, " bytes, #") {
		t.Errorf("an edit past the cut of a long value: %+v", changes)
	}
	huge := decode(strings.Replace(list, "[large, 2027-03-24]", "["+strings.Repeat("x, ", 5000)+"y]", 1))
	if !strings.HasPrefix(huge[1].Value, "a list of 5001 (#") || len(huge[1].Value) > 40 {
		t.Errorf("a huge list that does not read: %.100q", huge[1].Value)
	}
	var keys []string
	for i := range 251 {
		keys = append(keys, fmt.Sprintf("k%d: 1", i))
	}
	huge = decode("- id: a\n  title: {" + strings.Join(keys, ", ") + "}\n")
	if len(huge) == 0 || !strings.HasPrefix(huge[0].Value, "a mapping of 251 (#") {
		t.Errorf("a huge mapping that does not read is counted by its keys: %.100v", huge)
	}
	// A status that stops reading is a change from the old status to the
	// typo; a target that does not read moves by no known amount.
	changes = roadmap.DiffFields(decode("- id: a\n  title: A\n  status: planned\n  target: 2027-03\n"), decode("- id: a\n  title: A\n  status: shiped\n  target: 2027-02-30\n"))
	if want := []roadmap.FieldChange{
		{Field: "status", Old: "planned", New: "shiped", NewInvalid: true},
		{Field: "target", Old: "2027-03", New: "2027-02-30", NewInvalid: true},
	}; !reflect.DeepEqual(changes, want) {
		t.Errorf("changes:\n got %+v\nwant %+v", changes, want)
	}
}

// TestDiffLeavesOutWhatASideDidNotRead: an item in a file the other side
// could not read (it does not parse there) is neither added nor removed;
// items of files both sides read are compared as ever.
func TestDiffLeavesOutWhatASideDidNotRead(t *testing.T) {
	good := load(t, map[string]string{
		"roadmap.yaml": minimal,
		"a.yaml":       "features:\n  - {id: x, title: X, status: idea}\n",
		"b.yaml":       "features:\n  - {id: y, title: Y, status: idea}\n",
	})
	broken := load(t, map[string]string{
		"roadmap.yaml": minimal,
		"a.yaml":       "features:\n  - {id: x, title: X, status: idea\n",
		"b.yaml":       "features:\n  - {id: z, title: Z, status: idea}\n",
	})
	summary := func(cs []roadmap.Change) string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID+" "+c.Kind)
		}
		return strings.Join(out, ", ")
	}
	if got, want := summary(roadmap.Diff(good, broken)), "y removed, z added"; got != want {
		t.Errorf("to a side that did not read a.yaml: %s, want %s", got, want)
	}
	if got, want := summary(roadmap.Diff(broken, good)), "y added, z removed"; got != want {
		t.Errorf("from a side that did not read a.yaml: %s, want %s", got, want)
	}
}
