package roadmap_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

func TestCoarsen(t *testing.T) {
	today := mustDate("2026-11-23") // in 2026-Q4
	tests := []struct {
		target                               string
		exact, month, quarter, half, horizon string
	}{
		{"2027-03-15", "2027-03-15", "2027-03", "2027-Q1", "2027-H1", "next"},
		{"2027-03", "2027-03", "2027-03", "2027-Q1", "2027-H1", "next"},
		{"2027-Q3", "2027-Q3", "2027-Q3", "2027-Q3", "2027-H2", "later"},
		{"2027-H1", "2027-H1", "2027-H1", "2027-H1", "2027-H1", "next"},
		{"2027-H2", "2027-H2", "2027-H2", "2027-H2", "2027-H2", "later"},
		{"next", "next", "next", "next", "next", "next"},
		{"later", "later", "later", "later", "later", "later"},
		// Horizons from 2026-11-23: now to the end of 2026-Q4, next through
		// 2027-Q2, later after.
		{"2025-01-10", "2025-01-10", "2025-01", "2025-Q1", "2025-H1", "now"},
		{"2026-12-31", "2026-12-31", "2026-12", "2026-Q4", "2026-H2", "now"},
		{"2027-01-01", "2027-01-01", "2027-01", "2027-Q1", "2027-H1", "next"},
		{"2027-06-30", "2027-06-30", "2027-06", "2027-Q2", "2027-H1", "next"},
		{"2027-07-01", "2027-07-01", "2027-07", "2027-Q3", "2027-H2", "later"},
		{"2026-Q4", "2026-Q4", "2026-Q4", "2026-Q4", "2026-H2", "now"},
		{"2026-H2", "2026-H2", "2026-H2", "2026-H2", "2026-H2", "now"},
	}
	for _, tt := range tests {
		tg := roadmap.MustTarget(tt.target)
		for g, want := range map[roadmap.Granularity]string{"exact": tt.exact, "month": tt.month, "quarter": tt.quarter, "half": tt.half, "horizon": tt.horizon} {
			if got := roadmap.Coarsen(tg, g, today).String(); got != want {
				t.Errorf("Coarsen(%s, %s) = %s, want %s", tt.target, g, got, want)
			}
		}
	}
	if got := roadmap.CoarsenDate(mustDate("2027-05-04"), "quarter", today); got != "2027-Q2" {
		t.Errorf("CoarsenDate = %s", got)
	}
	if got := roadmap.CoarsenDate(roadmap.Date{}, "month", today); got != "" {
		t.Errorf("zero date = %q", got)
	}
}

// viewFixture has features at every visibility, a dependency on a hidden
// feature, a theme only a hidden feature uses, objectives at two levels and
// personas.
const viewFixture = `product: Acme
audiences:
  by-status: {group_by: status, fields: [title, status, target]}
  by-objective: {group_by: objective, visibility: [public, nda, internal], fields: [title, objectives, target]}
  no-theme: {group_by: theme, fields: [title, target]}
  eng: {visibility: [public, internal], fields: [title, target, depends_on, scores, notes], dates: half}
themes:
  - {id: core, title: Core, color: "#112233"}
  - {id: secret, title: Secret theme, description: Only a confidential feature uses it}
  - {id: growth, title: Growth, color: "red"}
objectives:
  - {id: open, title: Open objective, visibility: public, due: 2027-05-20}
  - {id: closed, title: Closed objective, visibility: internal}
personas:
  - {id: admin, name: Admin}
  - {id: spy, name: Spy}
features:
  - id: b-public
    title: B public
    summary: B.
    status: planned
    theme: growth
    target: 2027-03-20
    visibility: public
    objectives: [closed, open]
    depends_on: [hidden, a-public]
    messaging: {value: Value B, personas: [admin]}
    scores: {reach: 7}
    notes: Note B
  - id: a-public
    title: A public
    summary: A.
    status: in-progress
    theme: core
    target: 2027-03-01
    visibility: public
    objectives: [open]
  - id: hidden
    title: Hidden
    summary: H.
    status: planned
    theme: secret
    target: 2029-01
    visibility: confidential
    objectives: [open]
    messaging: {value: Value H, personas: [spy]}
  - id: nda-one
    title: NDA one
    summary: N.
    status: shipped
    theme: core
    target: 2026-Q3
    shipped: 2026-09-02
    visibility: nda
  - id: gone
    title: Gone
    summary: G.
    status: dropped
    theme: core
    visibility: public
  - id: idea
    title: Idea
    summary: I.
    status: idea
    theme: core
    visibility: public
`

func fixtureView(t *testing.T, audience string) *roadmap.View {
	t.Helper()
	r := load(t, map[string]string{"roadmap.yaml": viewFixture})
	return r.View(policy(t, r, audience), roadmap.ViewOptions{Today: fixtureToday})
}

func groupsOf(v *roadmap.View) string {
	var parts []string
	for _, g := range v.Groups {
		var ids []string
		for _, f := range g.Features {
			ids = append(ids, f.ID)
		}
		parts = append(parts, fmt.Sprintf("%s=%s", g.Key, strings.Join(ids, ",")))
	}
	return strings.Join(parts, " ")
}

func TestViewCustomers(t *testing.T) {
	v := fixtureView(t, "customers")
	// Theme order as written; within a theme by the shown target (both
	// 2027-Q1, so by id: the order says nothing finer than a quarter).
	if got, want := groupsOf(v), "core=a-public growth=b-public"; got != want {
		t.Errorf("groups %q, want %q", got, want)
	}
	b := v.Groups[1].Features[0]
	if b.Target != "2027-Q1" || b.Period != "2027-Q1" || b.Summary != "B." || b.Status != "planned" {
		t.Errorf("b-public: %+v", b)
	}
	if b.DependsOn != nil || b.Objectives != nil || b.Scores != nil || b.Notes != "" || b.Messaging.Personas != nil {
		t.Errorf("b-public shows fields customers do not see: %+v", b)
	}
	if b.Messaging == nil || b.Messaging.Value != "Value B" {
		t.Errorf("messaging.value missing: %+v", b.Messaging)
	}
	// Themes only through visible features, counts of visible features,
	// malformed colours dropped.
	var themes []string
	for _, th := range v.Themes {
		themes = append(themes, fmt.Sprintf("%s:%d:%s", th.ID, th.Features, th.Color))
	}
	if got := strings.Join(themes, " "); got != "core:1:#112233 growth:1:" {
		t.Errorf("themes %s", got)
	}
	if v.Features != 2 || v.Objectives != nil || v.Personas != nil || v.Disclaimer == "" {
		t.Errorf("view: features %d objectives %v personas %v disclaimer %q", v.Features, v.Objectives, v.Personas, v.Disclaimer)
	}
	if len(v.Periods) != 1 || v.Periods[0].Key != "2027-Q1" || v.Periods[0].Features != 2 {
		t.Errorf("periods %+v", v.Periods)
	}
	js, _ := json.Marshal(v)
	for _, leak := range []string{"hidden", "Hidden", "secret", "Secret", "spy", "Spy", "Gone", "Idea", "NDA", "Note B", "reach", "closed", "2027-03-20", "2029"} {
		if strings.Contains(string(js), leak) {
			t.Errorf("customers view holds %q: %s", leak, js)
		}
	}
}

func TestViewInternal(t *testing.T) {
	v := fixtureView(t, "internal")
	// By target: periods in time order, features without a target last.
	if got, want := groupsOf(v), "2026-Q3=nda-one 2027-Q1=a-public,b-public 2029-Q1=hidden =gone,idea"; got != want {
		t.Errorf("groups %q, want %q", got, want)
	}
	var b *roadmap.ViewFeature
	for _, f := range v.AllFeatures() {
		if f.ID == "b-public" {
			b = f
		}
	}
	if !slices.Equal(b.DependsOn, []string{"hidden", "a-public"}) || !slices.Equal(b.Objectives, []string{"closed", "open"}) || b.Target != "2027-03-20" || b.Scores["reach"] != 7 {
		t.Errorf("internal b-public: %+v", b)
	}
	if len(v.Objectives) != 2 || v.Objective("open").Features != 3 || v.Objective("open").Due != "2027-05-20" || v.Objective("open").Kind != "product" {
		t.Errorf("objectives %+v", v.Objectives)
	}
	if len(v.Personas) != 2 {
		t.Errorf("personas %+v", v.Personas)
	}
}

func TestViewDependenciesObjectivesAndCounts(t *testing.T) {
	v := fixtureView(t, "eng") // public and internal, half dates
	var b *roadmap.ViewFeature
	for _, f := range v.AllFeatures() {
		if f.ID == "b-public" {
			b = f
		}
	}
	if !slices.Equal(b.DependsOn, []string{"a-public"}) {
		t.Errorf("depends_on shows a hidden feature: %v", b.DependsOn)
	}
	if b.Target != "2027-H1" || b.Scores["reach"] != 7 || b.Notes != "Note B" {
		t.Errorf("eng b-public: %+v", b)
	}
	o := fixtureView(t, "by-objective")
	// By first visible objective: b-public serves closed first.
	if got, want := groupsOf(o), "open=a-public closed=b-public =nda-one"; got != want {
		t.Errorf("groups %q, want %q", got, want)
	}
	if o.Objective("open").Features != 2 || o.Objective("closed").Features != 1 {
		t.Errorf("objective counts count hidden features: %+v", o.Objectives)
	}
	c := fixtureView(t, "analysts")
	for _, f := range c.AllFeatures() {
		if f.ID == "nda-one" && (f.Shipped != "" || f.Target != "2026-Q3") {
			t.Errorf("analysts nda-one %+v", f)
		}
	}
}

func TestViewGroupings(t *testing.T) {
	// Statuses in lifecycle order.
	if got, want := groupsOf(fixtureView(t, "by-status")), "planned=b-public in-progress=a-public"; got != want {
		t.Errorf("by status: %q, want %q", got, want)
	}
	// Grouping by a field the audience does not see would show it: one group.
	v := fixtureView(t, "no-theme")
	if v.GroupBy != "" || len(v.Groups) != 1 || v.Groups[0].Key != "" || v.Themes != nil {
		t.Errorf("grouping by a hidden field: %s %+v", v.GroupBy, v.Groups)
	}
	for _, f := range v.AllFeatures() {
		if f.Theme != "" {
			t.Errorf("theme shown: %+v", f)
		}
	}
}

func TestViewLevelThemes(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": viewFixture})
	v := r.View(policy(t, r, "internal"), roadmap.ViewOptions{Today: fixtureToday, Themes: true})
	if v.Groups != nil || v.Level != "themes" {
		t.Fatalf("level themes has groups: %+v", v.Groups)
	}
	// Level 1 counts themes by horizon, after what has shipped.
	core := v.Theme("core")
	if got := periodKeys(core.Periods); v.Dates != "horizon" || core.Features != 4 || got != "shipped=1 next=1 =2" {
		t.Errorf("core %+v, periods %q", core, got)
	}
	if got := periodKeys(v.Periods); got != "shipped=1 next=2 later=1 =2" {
		t.Errorf("columns %q", got)
	}
	// An audience that does not see status is not told what shipped: the
	// shipped feature counts in the horizon of its target.
	r2 := load(t, map[string]string{"roadmap.yaml": strings.Replace(viewFixture, "audiences:\n", "audiences:\n  board: {visibility: [public, nda, internal, confidential], fields: [title, theme, target]}\n", 1)})
	v = r2.View(policy(t, r2, "board"), roadmap.ViewOptions{Today: fixtureToday, Themes: true})
	if got := periodKeys(v.Theme("core").Periods); got != "now=1 next=1" {
		t.Errorf("without status: %q", got)
	}
}

// TestCoarseDatesOnlyWhenShown: an export says its dates are by quarter
// only when it shows a date.
func TestCoarseDatesOnlyWhenShown(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": strings.Replace(viewFixture, "audiences:\n", "audiences:\n  names: {fields: [title, summary]}\n", 1)})
	for name, want := range map[string]bool{"names": false, "customers": true, "internal": false} {
		if got := r.View(policy(t, r, name), roadmap.ViewOptions{Today: fixtureToday}).CoarseDates(); got != want {
			t.Errorf("%s: coarse dates %v, want %v", name, got, want)
		}
	}
}

func periodKeys(ps []roadmap.Period) string {
	var parts []string
	for _, p := range ps {
		parts = append(parts, fmt.Sprintf("%s=%d", p.Key, p.Features))
	}
	return strings.Join(parts, " ")
}

func TestViewHorizonShowsNoShippedDate(t *testing.T) {
	r2 := load(t, map[string]string{"roadmap.yaml": strings.Replace(viewFixture, "audiences:\n", "audiences:\n  board: {visibility: [public, nda], dates: horizon, group_by: target, fields: [title, target, shipped]}\n", 1)})
	v := r2.View(policy(t, r2, "board"), roadmap.ViewOptions{Today: fixtureToday})
	if got, want := groupsOf(v), "now=nda-one next=a-public,b-public"; got != want {
		t.Errorf("groups %q, want %q", got, want)
	}
	for _, f := range v.AllFeatures() {
		if f.Shipped != "" {
			t.Errorf("horizon view shows a shipped date: %+v", f)
		}
	}
}

func TestDiffViewsRevealsNoHiddenSide(t *testing.T) {
	old := load(t, map[string]string{"roadmap.yaml": viewFixture})
	newText := strings.NewReplacer(
		// a-public goes confidential and gets a secret title.
		"    title: A public\n    summary: A.\n    status: in-progress\n    theme: core\n    target: 2027-03-01\n    visibility: public\n",
		"    title: A secret\n    summary: A.\n    status: in-progress\n    theme: core\n    target: 2027-03-01\n    visibility: confidential\n",
		// hidden goes public.
		"    target: 2029-01\n    visibility: confidential\n", "    target: 2029-01\n    visibility: public\n",
		// b-public moves within its quarter, and its scores and notes change.
		"target: 2027-03-20", "target: 2027-03-29",
		"scores: {reach: 7}", "scores: {reach: 8}",
		"notes: Note B", "notes: Note C",
		// nda-one slips a quarter.
		"target: 2026-Q3", "target: 2026-Q4",
	).Replace(viewFixture)
	new := load(t, map[string]string{"roadmap.yaml": newText})
	diff := func(audience string) string {
		p := policy(t, new, audience)
		opts := roadmap.ViewOptions{Today: fixtureToday}
		var lines []string
		for _, c := range roadmap.DiffViews(old.View(p, opts), new.View(p, opts)) {
			line := c.Kind + " " + c.Item + " " + c.ID + " " + c.Title
			for _, f := range c.Fields {
				line += fmt.Sprintf(" [%s: %s → %s]", f.Field, f.Old, f.New)
			}
			lines = append(lines, line)
		}
		return strings.Join(lines, "\n")
	}
	if got, want := diff("customers"), "removed feature a-public A public\nadded feature hidden Hidden"; got != want {
		t.Errorf("customers:\n%s\nwant:\n%s", got, want)
	}
	if got, want := diff("analysts"), "removed feature a-public A public\nadded feature hidden Hidden\nchanged feature nda-one NDA one [target: 2026-Q3 → 2026-Q4]"; got != want {
		t.Errorf("analysts:\n%s\nwant:\n%s", got, want)
	}
	got := diff("internal")
	for _, want := range []string{"[title: A public → A secret]", "[target: 2027-03-20 → 2027-03-29]", "[scores.reach: 7 → 8]", "[notes: Note B → Note C]"} {
		if !strings.Contains(got, want) {
			t.Errorf("internal diff lacks %s:\n%s", want, got)
		}
	}
}

// TestViewFieldsFollowFeatureFields: for an audience that sees everything,
// a view's feature lists the same field paths, in the same order, as the
// feature does, so a diff of views reads as a diff of roadmaps.
func TestViewFieldsFollowFeatureFields(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": viewFixture})
	v := r.View(policy(t, r, "internal"), roadmap.ViewOptions{Today: fixtureToday})
	paths := func(fs []roadmap.Field) (out []string) {
		for _, f := range fs {
			out = append(out, f.Path)
		}
		return out
	}
	n := 0
	for _, vf := range v.AllFeatures() {
		f := r.Feature(vf.ID)
		if f == nil {
			t.Fatalf("no feature %s", vf.ID)
		}
		if got, want := paths(vf.Fields()), paths(f.Fields()); !slices.Equal(got, want) {
			t.Errorf("%s: view paths %v, feature paths %v", vf.ID, got, want)
		}
		n++
	}
	if n < 3 {
		t.Errorf("only %d features compared", n)
	}
}
