package roadmap_test

import (
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestMarkUncommitted: what HEAD holds as the working tree does was
// committed; the rest is the working tree's alone.
func TestMarkUncommitted(t *testing.T) {
	f := func(id, status, notes string) *roadmap.Feature {
		return &roadmap.Feature{ID: id, Title: id, Status: roadmap.Status(status), Notes: notes}
	}
	rev := roadmap.OfFeatures([]*roadmap.Feature{f("a", "idea", "x"), f("b", "idea", ""), f("gone", "idea", ""), f("back", "idea", ""), f("dup", "idea", "")})
	head := roadmap.OfFeatures([]*roadmap.Feature{f("a", "planned", ""), f("b", "idea", ""), f("gone", "idea", ""), f("new", "idea", ""), f("dup", "planned", ""), f("dup", "parked", "")})
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
