package roadmap_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
)

// The leak property: for random roadmaps and random audience settings, no
// export in any format shows a value the audience may not see. Every value
// of the generated roadmaps is a marker naming the item kind, visibility,
// status and field it belongs to (LEAK-feat-confidential-planned-notes-7-Z),
// so any marker in an output can be judged on its own.

var (
	leakVis      = []string{"public", "nda", "internal", "confidential"}
	leakStatuses = []string{"idea", "planned", "in-progress", "shipped", "parked", "dropped"}
	leakMarker   = regexp.MustCompile(`LEAK-[a-z0-9]+-[a-z0-9]+-[a-z0-9]+-[a-z0-9]+-[0-9]+-Z`)
)

// leakRoadmap is one generated roadmap: its files, and the settings of the
// audience under test.
type leakRoadmap struct {
	files    fstest.MapFS
	audience string
	// What the audience's settings say, before the floor.
	vis, statuses, fields []string
}

func squash(s string) string { return strings.NewReplacer("-", "", ".", "", "_", "").Replace(s) }

func leakMark(kind, vis, status, field string, n int) string {
	return fmt.Sprintf("LEAK-%s-%s-%s-%s-%d-Z", kind, vis, squash(status), squash(field), n)
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func subset(rng *rand.Rand, xs []string) []string {
	var out []string
	for _, x := range xs {
		if rng.IntN(2) == 0 {
			out = append(out, x)
		}
	}
	return out
}

func yamlList(xs []string) string { return "[" + strings.Join(xs, ", ") + "]" }

// genLeakRoadmap writes a random roadmap and a random audience. The same
// item ids recur across seeds' old and new sides, so two of them diff.
func genLeakRoadmap(rng *rand.Rand, n int) leakRoadmap {
	lr := leakRoadmap{files: fstest.MapFS{}}
	lr.audience = pick(rng, []string{"customers", "analysts", "sales", "internal", "partners"})
	lr.vis = subset(rng, leakVis)
	lr.statuses = subset(rng, leakStatuses)
	lr.fields = subset(rng, roadmap.AudienceFields)
	var settings strings.Builder
	settings.WriteString("product: Leak\nlint:\n  rules: {missing-scores: off, feature-without-objective: off, objective-without-features: off, objective-not-smart: off, stale-target: off, owner-role: off, dependency-order: off, launch-lead-time: off, launch-needs-messaging: off, shipped-needs-date: off}\n")
	if lr.audience == "partners" || rng.IntN(4) > 0 {
		// Define (or override) the audience; unspecified keys inherit.
		fmt.Fprintf(&settings, "audiences:\n  %s:\n", lr.audience)
		if rng.IntN(3) > 0 {
			fmt.Fprintf(&settings, "    visibility: %s\n", yamlList(lr.vis))
		} else {
			lr.vis = nil
		}
		if rng.IntN(3) > 0 {
			fmt.Fprintf(&settings, "    statuses: %s\n", yamlList(lr.statuses))
		} else {
			lr.statuses = nil
		}
		if rng.IntN(3) > 0 {
			fmt.Fprintf(&settings, "    fields: %s\n", yamlList(lr.fields))
		} else {
			lr.fields = nil
		}
		fmt.Fprintf(&settings, "    dates: %s\n    group_by: %s\n", pick(rng, roadmap.Granularities), pick(rng, roadmap.GroupBys))
	} else {
		lr.vis, lr.statuses, lr.fields = nil, nil, nil
	}
	lr.files["roadmap.yaml"] = &fstest.MapFile{Data: []byte(settings.String())}

	var b strings.Builder
	b.WriteString("themes:\n")
	for i := range 3 {
		// A theme belongs to whoever uses it: its marker names no level.
		fmt.Fprintf(&b, "  - {id: t%d, title: %s, description: %s, color: \"#12345%d\"}\n", i,
			leakMark("theme", "any", "any", "title", i), leakMark("theme", "any", "any", "description", i), i)
	}
	b.WriteString("people:\n")
	for i := range 3 {
		fmt.Fprintf(&b, "  - {id: p%d, name: %s, team: %s, email: %s}\n", i,
			leakMark("person", "any", "any", "name", i), leakMark("person", "any", "any", "team", i), leakMark("person", "any", "any", "email", i))
	}
	b.WriteString("personas:\n")
	for i := range 2 {
		fmt.Fprintf(&b, "  - {id: q%d, name: %s, description: %s}\n", i, leakMark("persona", "any", "any", "name", i), leakMark("persona", "any", "any", "description", i))
	}
	b.WriteString("objectives:\n")
	for i := range 3 {
		v := pick(rng, leakVis)
		m := func(f string) string { return leakMark("obj", v, "any", f, i) }
		fmt.Fprintf(&b, "  - {id: o%d, title: %s, owner: p%d, metric: %s, baseline: %s, target: %s, due: 2027-Q%d, visibility: %s}\n",
			i, m("title"), rng.IntN(3), m("metric"), m("baseline"), m("target"), 1+rng.IntN(4), v)
	}
	b.WriteString("campaigns:\n")
	for i := range 3 {
		v, st := pick(rng, leakVis), pick(rng, []string{"planned", "running", "done", "cancelled"})
		m := func(f string) string { return leakMark("campaign", v, st, f, i) }
		fmt.Fprintf(&b, "  - {id: c%d, title: %s, status: %s, owner: p%d, metric: %s, target: %s, channels: [%s], features: [f0], visibility: %s}\n",
			i, m("title"), st, rng.IntN(3), m("metric"), m("target"), m("channels"), v)
	}
	b.WriteString("features:\n")
	for i := range n {
		v, st := pick(rng, leakVis), pick(rng, leakStatuses)
		m := func(f string) string { return leakMark("feat", v, st, f, i) }
		fmt.Fprintf(&b, "  - id: f%d\n    title: %s\n    summary: %s\n    description: %s\n    status: %s\n    visibility: %s\n", i, m("title"), m("summary"), m("description"), st, v)
		if rng.IntN(4) > 0 {
			fmt.Fprintf(&b, "    theme: t%d\n", rng.IntN(3))
		}
		fmt.Fprintf(&b, "    objectives: [o%d]\n    owners: {product: p%d}\n", rng.IntN(3), rng.IntN(3))
		fmt.Fprintf(&b, "    target: %s\n", pick(rng, []string{"2027-02-03", "2027-05", "2027-Q3", "2027-H2", "now", "next", "later", "2026-10-01"}))
		if st == "shipped" {
			b.WriteString("    shipped: 2026-10-02\n")
		}
		fmt.Fprintf(&b, "    launch: {size: small, date: 2027-03-04, event: %s, done: [release-notes]}\n", m("launch"))
		fmt.Fprintf(&b, "    scores: {reach: %d, impact: 1, confidence: 50, effort: 2}\n", 700000+i)
		fmt.Fprintf(&b, "    messaging: {value: %s, personas: [q%d], differentiator: %s}\n", m("messaging.value"), rng.IntN(2), m("messaging.differentiator"))
		if i > 0 {
			fmt.Fprintf(&b, "    depends_on: [f%d]\n", rng.IntN(i))
		}
		fmt.Fprintf(&b, "    customers: [%s]\n    links: [https://x.example/%s]\n    notes: %s\n    tags: [%s]\n", m("customers"), m("links"), m("notes"), m("tags"))
	}
	lr.files["items.yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	return lr
}

// leakRule is what the audience may see, written from format.md: the
// built-in's settings where the definition gives none, a new name starting
// from customers, and the floor for an audience that does not see internal.
type leakRule struct {
	vis, statuses, fields []string
	external              bool
}

func ruleFor(lr leakRoadmap) leakRule {
	builtin := map[string]leakRule{
		"internal":  {vis: leakVis, statuses: leakStatuses, fields: roadmap.AudienceFields},
		"sales":     {vis: []string{"public", "nda", "internal"}, statuses: []string{"planned", "in-progress", "shipped"}, fields: []string{"title", "summary", "theme", "target", "status", "owners", "launch", "messaging", "customers"}},
		"customers": {vis: []string{"public"}, statuses: []string{"planned", "in-progress", "shipped"}, fields: []string{"title", "summary", "theme", "target", "status", "messaging.value"}},
		"analysts":  {vis: []string{"public", "nda"}, statuses: []string{"planned", "in-progress", "shipped"}, fields: []string{"title", "summary", "theme", "target", "status", "messaging.value", "messaging.differentiator"}},
	}
	r, ok := builtin[lr.audience]
	if !ok {
		r = builtin["customers"]
	}
	if lr.vis != nil {
		r.vis = lr.vis
	}
	if lr.statuses != nil {
		r.statuses = lr.statuses
	}
	if lr.fields != nil {
		r.fields = lr.fields
	}
	r.external = !slices.Contains(r.vis, "internal")
	return r
}

func (r leakRule) showsField(field string) bool {
	if r.external && slices.Contains([]string{"notes", "customers", "links", "scores", "owners"}, field) {
		return false
	}
	if slices.Contains(r.fields, field) {
		return true
	}
	parent, _, ok := strings.Cut(field, ".")
	return ok && slices.Contains(r.fields, parent)
}

func (r leakRule) seesVis(v string) bool {
	if r.external && (v == "confidential" || v == "internal") {
		return false
	}
	return slices.Contains(r.vis, v)
}

func (r leakRule) seesStatus(s string) bool {
	if r.external && s == "dropped" {
		return false
	}
	return slices.Contains(r.statuses, s)
}

// allowed judges one marker found in an export.
func (r leakRule) allowed(marker string) error {
	parts := strings.Split(marker, "-")
	kind, vis, status, field := parts[1], parts[2], parts[3], parts[4]
	fieldNames := map[string]string{}
	for _, f := range roadmap.AudienceFields {
		fieldNames[squash(f)] = f
	}
	statusNames := map[string]string{}
	for _, s := range leakStatuses {
		statusNames[squash(s)] = s
	}
	switch kind {
	case "feat":
		if !r.seesVis(vis) || !r.seesStatus(statusNames[status]) {
			return fmt.Errorf("a %s %s feature", vis, statusNames[status])
		}
		if !r.showsField(fieldNames[field]) {
			return fmt.Errorf("field %s", fieldNames[field])
		}
	case "obj":
		if !r.seesVis(vis) || !r.showsField("objectives") {
			return fmt.Errorf("a %s objective", vis)
		}
	case "theme":
		if !r.showsField("theme") {
			return fmt.Errorf("a theme")
		}
	case "person":
		if r.external || !r.showsField("owners") || field != "name" {
			return fmt.Errorf("a person's %s", field)
		}
	case "persona":
		if !r.showsField("messaging.personas") || field != "name" {
			return fmt.Errorf("a persona's %s", field)
		}
	case "campaign":
		// format.md: campaigns go to audiences that see their visibility,
		// never the metric's target to an external audience; a cancelled
		// campaign only to an audience that sees everything.
		if !r.seesVis(vis) || status == "cancelled" && r.external {
			return fmt.Errorf("a %s %s campaign", vis, status)
		}
		if field == "target" && r.external {
			return fmt.Errorf("a campaign's target")
		}
	default:
		return fmt.Errorf("a %s", kind)
	}
	return nil
}

// renderAll renders the view in every format.
func renderAll(t testing.TB, v *roadmap.View) map[string]string {
	out := map[string]string{}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"md":   func(b *bytes.Buffer) error { return render.WriteExportMarkdown(b, v) },
		"html": func(b *bytes.Buffer) error { return render.WriteExportHTML(b, v) },
		"json": func(b *bytes.Buffer) error { return render.WriteExportJSON(b, v) },
		"csv":  func(b *bytes.Buffer) error { return render.WriteExportCSV(b, v) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.String()
	}
	return out
}

func checkNoLeak(t testing.TB, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 99))
	n := 1 + rng.IntN(12)
	old, cur := genLeakRoadmap(rng, n), genLeakRoadmap(rng, n)
	// Both sides are filtered by the current side's audience.
	oldR, err := roadmap.Load(old.files)
	if err != nil {
		t.Fatal(err)
	}
	curR, err := roadmap.Load(cur.files)
	if err != nil {
		t.Fatal(err)
	}
	if errs, _ := roadmap.Count(roadmap.Check(curR, roadmap.Options{Today: fixtureToday})); errs > 0 {
		for _, f := range roadmap.Check(curR, roadmap.Options{Today: fixtureToday}) {
			t.Log(f)
		}
		t.Fatalf("seed %d: the generated roadmap has errors", seed)
	}
	p, err := curR.Audience(cur.audience)
	if err != nil {
		t.Fatal(err)
	}
	rule := ruleFor(cur)
	if rule.external != p.External {
		t.Fatalf("seed %d: external is %v, format.md says %v", seed, p.External, rule.external)
	}
	for _, themes := range []bool{false, true} {
		opts := roadmap.ViewOptions{Today: fixtureToday, Themes: themes}
		v := curR.View(p, opts)
		if !themes {
			v.Since = &roadmap.Since{Revision: "old", Changes: roadmap.DiffViews(oldR.View(p, opts), v)}
		}
		for format, out := range renderAll(t, v) {
			for _, m := range leakMarker.FindAllString(out, -1) {
				if err := rule.allowed(m); err != nil {
					t.Fatalf("seed %d: %s export for %s (%+v) shows %s: %v", seed, format, cur.audience, rule, m, err)
				}
			}
			if !rule.showsField("scores") && strings.Contains(out, "70000") {
				t.Fatalf("seed %d: %s export for %s shows scores", seed, format, cur.audience)
			}
			if p.External && v.Disclaimer == "" {
				t.Fatalf("seed %d: external export without a disclaimer", seed)
			}
		}
	}
}

func TestExportNeverLeaks(t *testing.T) {
	n := 100
	if testing.Short() {
		n = 30
	}
	for seed := range uint64(n) {
		checkNoLeak(t, seed)
	}
}

// FuzzExportNeverLeaks explores more seeds: go test -fuzz FuzzExportNeverLeaks ./roadmap
func FuzzExportNeverLeaks(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) { checkNoLeak(t, seed) })
}
