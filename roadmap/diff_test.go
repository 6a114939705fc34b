package roadmap_test

import (
	"os"
	"reflect"
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
	} {
		if got := roadmap.DiffFields(c.old, c.new); !reflect.DeepEqual(got, c.want) {
			t.Errorf("DiffFields(%v, %v) = %+v, want %+v", c.old, c.new, got, c.want)
		}
	}
}

// TestFieldsListEachPathOnce: DiffFields relies on it.
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
		for _, f := range roadmap.ItemFields(it) {
			if seen[f.Path] {
				t.Errorf("%s lists %s twice", roadmap.ItemID(it), f.Path)
			}
			seen[f.Path] = true
		}
	}
	if len(items) < 10 {
		t.Fatalf("only %d items in the example", len(items))
	}
}
