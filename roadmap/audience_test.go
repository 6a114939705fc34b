package roadmap_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

func policy(t *testing.T, r *roadmap.Roadmap, name string) *roadmap.AudiencePolicy {
	t.Helper()
	p, err := r.Audience(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBuiltinAudiences checks the built-in audiences against format.md's
// table, field lists expanded (messaging stands for its three parts).
func TestBuiltinAudiences(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": "product: Acme\n"})
	all := []string{"title", "summary", "description", "status", "theme", "objectives", "owners", "target", "shipped", "launch", "scores",
		"messaging.value", "messaging.personas", "messaging.differentiator", "visibility", "depends_on", "customers", "links", "notes", "tags"}
	tests := []struct {
		name       string
		visibility string
		statuses   string
		fields     []string
		dates      roadmap.Granularity
		groupBy    roadmap.GroupBy
		external   bool
	}{
		{"internal", "public nda internal confidential", "idea planned in-progress shipped parked dropped", all, "exact", "target", false},
		{"sales", "public nda internal", "planned in-progress shipped",
			[]string{"title", "summary", "status", "theme", "owners", "target", "launch", "messaging.value", "messaging.personas", "messaging.differentiator", "customers"}, "month", "target", false},
		{"customers", "public", "planned in-progress shipped", []string{"title", "summary", "status", "theme", "target", "messaging.value"}, "quarter", "theme", true},
		{"analysts", "public nda", "planned in-progress shipped",
			[]string{"title", "summary", "status", "theme", "target", "messaging.value", "messaging.differentiator"}, "quarter", "theme", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := policy(t, r, tt.name)
			if got := strings.Join(stringsOf(p.Visibility), " "); got != tt.visibility {
				t.Errorf("visibility %q, want %q", got, tt.visibility)
			}
			if got := strings.Join(stringsOf(p.Statuses), " "); got != tt.statuses {
				t.Errorf("statuses %q, want %q", got, tt.statuses)
			}
			if !slices.Equal(p.Fields, tt.fields) {
				t.Errorf("fields %v, want %v", p.Fields, tt.fields)
			}
			if p.Dates != tt.dates || p.GroupBy != tt.groupBy || p.External != tt.external {
				t.Errorf("dates %s group_by %s external %v", p.Dates, p.GroupBy, p.External)
			}
			if p.Disclaimer == "" || !strings.Contains(p.Title, "Acme") || p.Defined {
				t.Errorf("title %q disclaimer %q defined %v", p.Title, p.Disclaimer, p.Defined)
			}
		})
	}
	if !policy(t, r, "internal").SeesAll() || policy(t, r, "sales").SeesAll() {
		t.Errorf("only internal sees all")
	}
}

func stringsOf[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func TestAudienceOverrideInherits(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": `product: Acme
audiences:
  customers:
    dates: month
    title: Acme public roadmap
  sales:
    fields: [title, status]
  partners:
    visibility: [public, nda]
    group_by: status
  staff:
    visibility: [public, nda, internal]
    fields: [title, notes, scores]
`})
	c := policy(t, r, "customers")
	if c.Dates != "month" || c.Title != "Acme public roadmap" || !c.Defined {
		t.Errorf("override not applied: %+v", c)
	}
	if strings.Join(stringsOf(c.Visibility), ",") != "public" || c.GroupBy != "theme" || !c.Shows("messaging.value") || c.Disclaimer != roadmap.DefaultDisclaimer {
		t.Errorf("unspecified keys not inherited: %+v", c)
	}
	s := policy(t, r, "sales")
	if !slices.Equal(s.Fields, []string{"title", "status"}) || s.Dates != "month" || s.External {
		t.Errorf("sales override: %+v", s)
	}
	// A new name starts from customers, the most closed built-in.
	p := policy(t, r, "partners")
	if !p.External || p.GroupBy != "status" || p.Dates != "quarter" || !slices.Equal(p.Fields, policy(t, r, "customers").Fields) {
		t.Errorf("partners: %+v", p)
	}
	if p.Disclaimer != roadmap.DefaultDisclaimer || p.Title != "Acme roadmap" {
		t.Errorf("partners title %q disclaimer %q", p.Title, p.Disclaimer)
	}
	// An internal audience keeps what it lists.
	st := policy(t, r, "staff")
	if st.External || !st.Shows("notes") || !st.Shows("scores") || st.Disclaimer != "" {
		t.Errorf("staff: %+v", st)
	}
	if got := r.AudienceNames(); !slices.Equal(got, []string{"internal", "sales", "customers", "analysts", "partners", "staff"}) {
		t.Errorf("names %v", got)
	}
}

// TestExternalFloor: whatever an external audience's settings say, it never
// sees confidential items, dropped features, notes, customers, links, scores
// or people, and it always has a disclaimer.
func TestExternalFloor(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": `product: Acme
audiences:
  customers:
    visibility: [public, nda, confidential]
    statuses: [idea, planned, shipped, parked, dropped]
    fields: [title, notes, customers, links, scores, owners, messaging, description]
    disclaimer: "  "
  leaky:
    visibility: [confidential]
    fields: [notes]
`})
	c := policy(t, r, "customers")
	if !c.External {
		t.Fatal("customers is not external")
	}
	if c.Sees(roadmap.Confidential) || slices.Contains(c.Statuses, roadmap.StatusDropped) {
		t.Errorf("floor lets through confidential or dropped: %v %v", c.Visibility, c.Statuses)
	}
	for _, f := range []string{"notes", "customers", "links", "scores", "owners"} {
		if c.Shows(f) {
			t.Errorf("floor lets through %s", f)
		}
	}
	if !c.Shows("messaging.personas") || !c.Shows("description") || !slices.Contains(c.Statuses, roadmap.StatusParked) {
		t.Errorf("floor removed more than it must: %+v", c)
	}
	if c.Disclaimer != roadmap.DefaultDisclaimer {
		t.Errorf("blank disclaimer kept: %q", c.Disclaimer)
	}
	l := policy(t, r, "leaky")
	if len(l.Visibility) != 0 || len(l.Fields) != 0 {
		t.Errorf("leaky sees %v %v", l.Visibility, l.Fields)
	}
}

func TestUnknownAudience(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": "product: Acme\naudiences:\n  partners: {visibility: [public]}\n"})
	_, err := r.Audience("custmers")
	if err == nil {
		t.Fatal("no error")
	}
	want := `unknown audience "custmers"; audiences are internal, sales, customers, analysts, partners; did you mean "customers"?`
	if err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}
