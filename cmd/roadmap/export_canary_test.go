package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

// The canary test renders the canary roadmap (testdata/export/canary: every
// field of every item kind at every visibility carries a unique marker) for
// every audience in every format, and asserts exactly which markers appear.
// The expectations below are written from format.md, not from the code: who
// sees which visibility, status and field, and the hard floor of external
// audiences.

var canaryDir = filepath.Join("..", "..", "testdata", "export", "canary")

// canaryAudience is what an audience may see, as format.md and the canary's
// roadmap.yaml say.
type canaryAudience struct {
	vis, statuses, fields []string
}

var allFields = []string{"title", "summary", "description", "status", "theme", "objectives", "owners", "target", "shipped", "launch", "scores",
	"messaging.value", "messaging.personas", "messaging.differentiator", "visibility", "depends_on", "customers", "links", "notes", "tags"}

var canaryAudiences = map[string]canaryAudience{
	"internal": {
		vis:      []string{"public", "nda", "internal", "confidential"},
		statuses: []string{"idea", "planned", "in-progress", "shipped", "parked", "dropped"},
		fields:   allFields,
	},
	"sales": {
		vis:      []string{"public", "nda", "internal"},
		statuses: []string{"planned", "in-progress", "shipped"},
		fields:   []string{"title", "summary", "theme", "target", "status", "owners", "launch", "messaging.value", "messaging.personas", "messaging.differentiator", "customers"},
	},
	"customers": {
		vis:      []string{"public"},
		statuses: []string{"planned", "in-progress", "shipped"},
		fields:   []string{"title", "summary", "theme", "target", "status", "messaging.value"},
	},
	"analysts": {
		vis:      []string{"public", "nda"},
		statuses: []string{"planned", "in-progress", "shipped"},
		fields:   []string{"title", "summary", "theme", "target", "status", "messaging.value", "messaging.differentiator"},
	},
	// partners asks for everything; as an external audience it gets the
	// floor: no confidential, no dropped, no notes, customers, links,
	// scores or owners.
	"partners": {
		vis:      []string{"public", "nda"},
		statuses: []string{"idea", "planned", "in-progress", "shipped", "parked"},
		fields: []string{"title", "summary", "description", "status", "theme", "objectives", "target", "shipped", "launch",
			"messaging.value", "messaging.personas", "messaging.differentiator", "visibility", "depends_on", "tags"},
	},
}

func (a canaryAudience) sees(vis, status string) bool {
	return slices.Contains(a.vis, vis) && slices.Contains(a.statuses, status)
}

func (a canaryAudience) shows(field string) bool { return slices.Contains(a.fields, field) }

var (
	canaryMarker = regexp.MustCompile(`CANARY-[A-Za-z0-9-]+`)
	canaryID     = regexp.MustCompile(`canary-[a-z0-9-]+`)
	featMarker   = regexp.MustCompile(`^CANARY-(feat|idea|parked|dropped|planned)-(public|nda|internal|confidential)-(.+)$`)
	objMarker    = regexp.MustCompile(`^CANARY-obj-(public|nda|internal|confidential)-(.+)$`)
	otherMarker  = regexp.MustCompile(`^CANARY-(theme|person|person-obj|persona)-(public|nda|internal|confidential|unused)-(.+)$`)
	campMarker   = regexp.MustCompile(`^CANARY-campaign-(public|nda|internal|confidential)-(.+)$`)
	markerFields = map[string]string{
		"launch-event": "launch", "messaging-value": "messaging.value", "messaging-differentiator": "messaging.differentiator",
	}
)

// canaryExpected says whether the marker may appear in audience's export in
// format: exactly the markers for which it returns true must appear.
func canaryExpected(audience, format, marker string) bool {
	a := canaryAudiences[audience]
	csv := format == "csv"
	featStatus := map[string]string{"feat": "shipped", "idea": "idea", "parked": "parked", "dropped": "dropped", "planned": "planned"}
	switch marker {
	case "CANARY-settings-product":
		return !csv
	case "CANARY-settings-vision":
		return false
	case "CANARY-audience-partners-title":
		return audience == "partners" && !csv
	case "CANARY-audience-partners-disclaimer":
		return audience == "partners"
	case "CANARY-audience-sales-title":
		return audience == "sales" && !csv
	case "CANARY-moved-in-title", "CANARY-moved-in-summary":
		return a.sees("public", "planned") && a.shows(strings.TrimPrefix(marker, "CANARY-moved-in-"))
	case "CANARY-moved-out-title", "CANARY-moved-out-summary":
		return a.sees("confidential", "planned") && a.shows(strings.TrimPrefix(marker, "CANARY-moved-out-"))
	}
	if m := featMarker.FindStringSubmatch(marker); m != nil {
		field := m[3]
		if f, ok := markerFields[field]; ok {
			field = f
		}
		return a.sees(m[2], featStatus[m[1]]) && a.shows(field)
	}
	if m := objMarker.FindStringSubmatch(marker); m != nil {
		// Objectives are listed with the objectives field; in CSV only their
		// titles, through the features that serve them.
		return slices.Contains(a.vis, m[1]) && a.shows("objectives") && (!csv || m[2] == "title")
	}
	if m := campMarker.FindStringSubmatch(marker); m != nil {
		// Campaigns (planned, in the canary) show in level-2 exports, not in
		// CSV, to audiences that see their visibility; the metric's target
		// never to an external audience (format.md, campaigns).
		external := !slices.Contains(a.vis, "internal")
		return !csv && slices.Contains(a.vis, m[1]) && (m[2] != "target" || !external)
	}
	if m := otherMarker.FindStringSubmatch(marker); m != nil {
		kind, vis, field := m[1], m[2], m[3]
		mainVisible := a.sees(vis, "shipped") // the shipped canary-feat-<vis> uses it
		switch {
		case kind == "theme":
			return mainVisible && a.shows("theme") && (field == "title" || field == "description" && !csv)
		case kind == "person":
			return mainVisible && a.shows("owners") && field == "name"
		case kind == "person-obj":
			return slices.Contains(a.vis, vis) && a.shows("objectives") && a.shows("owners") && field == "name" && !csv
		case kind == "persona":
			return mainVisible && a.shows("messaging.personas") && field == "name"
		}
	}
	return false // people's teams and emails, personas' descriptions
}

// canaryIDVisible says whether an item id may appear for the audience.
func canaryIDVisible(audience, id string) bool {
	a := canaryAudiences[audience]
	parts := strings.Split(strings.TrimPrefix(id, "canary-"), "-")
	last := parts[len(parts)-1]
	switch {
	case id == "canary-moved-in":
		return a.sees("public", "planned")
	case id == "canary-moved-out":
		return a.sees("confidential", "planned")
	case parts[0] == "feat":
		return a.sees(last, "shipped")
	case slices.Contains([]string{"idea", "parked", "dropped", "planned"}, parts[0]):
		return a.sees(last, parts[0])
	case parts[0] == "obj":
		return slices.Contains(a.vis, last) && a.shows("objectives")
	case parts[0] == "theme":
		return last != "unused" && a.sees(last, "shipped") && a.shows("theme")
	case parts[0] == "persona":
		return a.sees(last, "shipped") && a.shows("messaging.personas")
	case parts[0] == "campaign":
		return slices.Contains(a.vis, last)
	case parts[0] == "person" && parts[1] == "obj":
		return slices.Contains(a.vis, last) && a.shows("objectives") && a.shows("owners")
	case parts[0] == "person":
		return a.sees(last, "shipped") && a.shows("owners")
	}
	return false
}

// secretNumbers are values without a marker: each visibility's year, and
// scores. They may appear only where the audience sees that visibility.
func checkCanaryNumbers(t *testing.T, audience, out string) {
	t.Helper()
	a := canaryAudiences[audience]
	for vis, year := range map[string]string{"nda": "2028", "internal": "2029", "confidential": "2031"} {
		if !slices.Contains(a.vis, vis) && strings.Contains(out, year) {
			t.Errorf("%s sees a date of %s items (%s)", audience, vis, year)
		}
	}
	if !a.shows("scores") && (strings.Contains(out, "9000") || strings.Contains(out, "8000")) {
		t.Errorf("%s sees scores", audience)
	}
}

func markersIn(out string) []string {
	set := map[string]bool{}
	for _, m := range canaryMarker.FindAllString(out, -1) {
		set[m] = true
	}
	return sortedSet(set)
}

func sortedSet(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// canaryMarkers are every marker and item id the canary roadmap holds.
func canaryMarkers(t *testing.T, dir string) (markers, ids []string) {
	t.Helper()
	ms, is := map[string]bool{}, map[string]bool{}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range canaryMarker.FindAllString(string(text), -1) {
			ms[m] = true
		}
		for _, m := range canaryID.FindAllString(string(text), -1) {
			is[m] = true
		}
	}
	if len(ms) < 100 {
		t.Fatalf("only %d markers in %s", len(ms), dir)
	}
	return sortedSet(ms), sortedSet(is)
}

// checkCanary compares the markers in out with the expectation, and checks
// that no id of an item the audience may not see appears.
func checkCanary(t *testing.T, audience, format, out string, all, ids []string, extra func(string) (bool, bool), sawID func(string) bool) {
	t.Helper()
	want := map[string]bool{}
	for _, m := range all {
		expected := canaryExpected(audience, format, m)
		if extra != nil {
			if e, ok := extra(m); ok {
				expected = e
			}
		}
		if expected {
			want[m] = true
		}
	}
	got := markersIn(out)
	var missing, leaked []string
	for _, m := range got {
		if !want[m] {
			leaked = append(leaked, m)
		}
	}
	for m := range want {
		if !slices.Contains(got, m) {
			missing = append(missing, m)
		}
	}
	sort.Strings(missing)
	if len(leaked) > 0 {
		t.Errorf("%s %s: leaked %v", audience, format, leaked)
	}
	if len(missing) > 0 && format != "template" {
		t.Errorf("%s %s: missing %v", audience, format, missing)
	}
	for _, id := range canaryID.FindAllString(out, -1) {
		if !canaryIDVisible(audience, id) && (sawID == nil || !sawID(id)) {
			t.Errorf("%s %s: id %s of a hidden item appears", audience, format, id)
		}
	}
	if format == "json" {
		for _, id := range ids {
			if canaryIDVisible(audience, id) && !strings.Contains(out, `"`+id+`"`) {
				t.Errorf("%s json: visible item %s is missing", audience, id)
			}
		}
	}
	checkCanaryNumbers(t, audience, out)
	if audience != "internal" && audience != "sales" && strings.Contains(strings.ToLower(out), "dropped") {
		t.Errorf("%s %s: the word dropped appears", audience, format)
	}
}

func TestExportCanary(t *testing.T) {
	all, ids := canaryMarkers(t, canaryDir)
	for audience := range canaryAudiences {
		for _, format := range []string{"md", "html", "json", "csv"} {
			t.Run(audience+"."+format, func(t *testing.T) {
				r := pipe.run(t, "export", "--dir", canaryDir, "--today", "2026-11-23", "--audience", audience, "--format", format)
				r.expect(t, 0)
				checkCanary(t, audience, format, r.stdout, all, ids, nil, nil)
			})
		}
		t.Run(audience+".themes", func(t *testing.T) {
			r := pipe.run(t, "export", "--dir", canaryDir, "--today", "2026-11-23", "--audience", audience, "--level", "themes", "--format", "json")
			r.expect(t, 0)
			// Level 1 holds themes only: no feature, objective or person.
			for _, m := range markersIn(r.stdout) {
				if !strings.HasPrefix(m, "CANARY-theme-") && !strings.HasPrefix(m, "CANARY-settings-") && !strings.HasPrefix(m, "CANARY-audience-") || !canaryExpected(audience, "json", m) {
					t.Errorf("level themes shows %s", m)
				}
			}
		})
	}
}

// canaryTemplate reaches for everything a template can name.
const canaryTemplate = `{{.Product}} {{.Title}} {{.Disclaimer}}
{{range .Groups}}{{.Title}} {{.Description}}
{{range .Features}}{{printf "%+v" .}} {{with .Launch}}{{printf "%+v" .}}{{end}} {{with .Messaging}}{{printf "%+v" .}}{{end}}
{{end}}{{end}}{{printf "%+v" .Themes}} {{printf "%+v" .Objectives}} {{printf "%+v" .Personas}}
{{range .Objectives}}{{with .Owner}}{{.Name}} {{end}}{{end}}
{{with .Since}}{{printf "%+v" .}}{{end}}
`

var pointer = regexp.MustCompile(`0x[0-9a-f]+`)

func TestExportCanaryTemplates(t *testing.T) {
	all, ids := canaryMarkers(t, canaryDir)
	dir := t.TempDir()
	write(t, dir, "dump.txt", canaryTemplate)
	write(t, dir, "dump.html", "<h1>{{.Title}}</h1>"+canaryTemplate)
	for audience := range canaryAudiences {
		for _, name := range []string{"dump.txt", "dump.html"} {
			t.Run(audience+"."+name, func(t *testing.T) {
				r := pipe.run(t, "export", "--dir", canaryDir, "--today", "2026-11-23", "--audience", audience, "--template", filepath.Join(dir, name))
				r.expect(t, 0)
				// %+v prints the addresses of nested pointers; they are not
				// content, and a 9000 in one must not read as a score.
				r.stdout = pointer.ReplaceAllString(r.stdout, "0xADDR")
				checkCanary(t, audience, "template", r.stdout, all, ids, nil, nil)
				// The dump shows every feature marker the JSON has.
				js := pipe.run(t, "export", "--dir", canaryDir, "--today", "2026-11-23", "--audience", audience, "--format", "json")
				for _, m := range markersIn(js.stdout) {
					if featMarker.MatchString(m) && !strings.Contains(r.stdout, m) {
						t.Errorf("template lacks %s", m)
					}
				}
			})
		}
	}
}

// canaryOld is the canary roadmap as it was a revision earlier: some values
// differ (marked CANARY-old-...), one feature was public and is now
// confidential (moved-out), one the other way round (moved-in).
func canaryOld(t *testing.T, file, text string) string {
	t.Helper()
	r := strings.NewReplacer(
		"CANARY-feat-public-summary", "CANARY-old-feat-public-summary",
		"CANARY-feat-public-notes", "CANARY-old-feat-public-notes",
		"CANARY-feat-confidential-summary", "CANARY-old-feat-confidential-summary",
		"reach: 90001", "reach: 80001",
		"CANARY-obj-public-metric", "CANARY-old-obj-public-metric",
		"CANARY-obj-internal-metric", "CANARY-old-obj-internal-metric",
		"title: CANARY-moved-in-title", "title: CANARY-old-moved-in-title",
		"title: CANARY-moved-out-title", "title: CANARY-old-moved-out-title",
		"target: 2027-Q4\n    visibility: public", "target: 2027-Q4\n    visibility: confidential",
		"target: 2031-Q4\n    visibility: confidential", "target: 2031-Q4\n    visibility: public",
	)
	old := r.Replace(text)
	if file == "features.yaml" && strings.Count(old, "CANARY-old-") != 5 {
		t.Fatalf("the old canary lost a replacement")
	}
	return old
}

// TestExportCanarySince renders every audience with --since from a
// repository whose previous commit is the old canary, and checks what the
// changes section may say.
func TestExportCanarySince(t *testing.T) {
	b := gittest.New(t)
	paths, _ := filepath.Glob(filepath.Join(canaryDir, "*.yaml"))
	files := map[string]string{}
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = string(text)
		b.Write("plan/"+filepath.Base(p), canaryOld(t, filepath.Base(p), string(text)))
	}
	b.Tag("v1", b.Commit("Ana Ruiz", "CANARY-commit-subject: the old plan"))
	for name, text := range files {
		b.Write("plan/"+name, text)
	}
	b.Commit("Raj Iyer", "CANARY-commit-subject-2: the new plan")
	all, ids := canaryMarkers(t, canaryDir)
	oldMarkers := []string{
		"CANARY-old-feat-public-summary", "CANARY-old-feat-public-notes", "CANARY-old-feat-confidential-summary",
		"CANARY-old-obj-public-metric", "CANARY-old-obj-internal-metric", "CANARY-old-moved-in-title", "CANARY-old-moved-out-title",
	}
	all = append(all, oldMarkers...)
	s := session{wd: b.Dir}
	for audience, a := range canaryAudiences {
		// What the changes section may add: old values of what the audience
		// saw on the old side.
		sinceExpected := func(format string) func(string) (bool, bool) {
			return func(m string) (bool, bool) {
				switch m {
				case "CANARY-old-feat-public-summary":
					return a.sees("public", "shipped") && a.shows("summary"), true
				case "CANARY-old-feat-public-notes":
					return a.sees("public", "shipped") && a.shows("notes"), true
				case "CANARY-old-feat-confidential-summary":
					return a.sees("confidential", "shipped") && a.shows("summary"), true
				case "CANARY-old-obj-public-metric":
					return slices.Contains(a.vis, "public") && a.shows("objectives") && format != "csv", true
				case "CANARY-old-obj-internal-metric":
					return slices.Contains(a.vis, "internal") && a.shows("objectives") && format != "csv", true
				case "CANARY-old-moved-in-title": // confidential on the old side
					return a.sees("confidential", "planned") && a.shows("title"), true
				case "CANARY-old-moved-out-title": // public on the old side
					return a.sees("public", "planned") && a.shows("title"), true
				}
				return false, false
			}
		}
		// An item the audience saw on the old side may be named as gone.
		sawID := func(id string) bool { return id == "canary-moved-out" && a.sees("public", "planned") }
		for _, format := range []string{"md", "html", "json", "csv"} {
			t.Run(audience+"."+format, func(t *testing.T) {
				r := s.run(t, "export", "--dir", "plan", "--today", "2026-11-23", "--audience", audience, "--format", format, "--since", "v1")
				r.expect(t, 0)
				checkCanary(t, audience, format, r.stdout, all, ids, sinceExpected(format), sawID)
				if strings.Contains(r.stdout, "CANARY-commit") {
					t.Errorf("a commit subject appears")
				}
			})
		}
		t.Run(audience+".diff", func(t *testing.T) {
			for _, format := range []string{"text", "md", "json"} {
				r := s.run(t, "diff", "--dir", "plan", "v1", "HEAD", "--audience", audience, "--format", format)
				r.expect(t, 0)
				// diff shows only changes: check nothing leaks, and that the
				// old values the audience may see are there.
				got := markersIn(r.stdout)
				for _, m := range got {
					if strings.HasPrefix(m, "CANARY-commit") {
						continue
					}
					e, ok := sinceExpected("json")(m)
					if !ok {
						e = canaryExpected(audience, "json", m)
					}
					if !e {
						t.Errorf("diff --audience %s --format %s: leaked %s", audience, format, m)
					}
				}
				for _, m := range oldMarkers {
					if e, _ := sinceExpected("json")(m); e && !slices.Contains(got, m) {
						t.Errorf("diff --audience %s --format %s: missing %s", audience, format, m)
					}
				}
				for _, id := range canaryID.FindAllString(r.stdout, -1) {
					if !canaryIDVisible(audience, id) && !sawID(id) {
						t.Errorf("diff --audience %s: id %s of a hidden item", audience, id)
					}
				}
				checkCanaryNumbers(t, audience, r.stdout)
				// Commits, which name people and say anything, only for
				// an audience that sees everything.
				if has := strings.Contains(r.stdout, "CANARY-commit") || strings.Contains(r.stdout, "Raj Iyer"); has != (audience == "internal") {
					t.Errorf("diff --audience %s: commits shown %v", audience, has)
				}
			}
		})
	}
}

func TestCanaryExpectationsAreNotEmpty(t *testing.T) {
	// Guard the guard: each audience must expect some markers and forbid
	// others, or the canary proves nothing.
	all, _ := canaryMarkers(t, canaryDir)
	for audience := range canaryAudiences {
		n := 0
		for _, m := range all {
			if canaryExpected(audience, "json", m) {
				n++
			}
		}
		if n == 0 || n == len(all) {
			t.Errorf("%s expects %d of %d markers", audience, n, len(all))
		}
	}
}

// TestExportRefusesAMisspeltVisibility: `visiblity: confidential` (or
// internal_only: true, or share_with: [customers]) would leave the item
// internal, which sales sees. However the team quiets unknown keys,
// export refuses, and prints nothing of the item.
func TestExportRefusesAMisspeltVisibility(t *testing.T) {
	quieting := map[string]string{
		"comment": "", "off": "lint:\n  rules:\n    unknown-field: off\n",
		"warning": "lint:\n  rules:\n    unknown-field: warning\n", "glob": "lint:\n  ignore: ['**']\n",
	}
	for name, lint := range quieting {
		for _, key := range []string{"visiblity: confidential", "internal_only: true", "share_with: [customers]"} {
			t.Run(name+"/"+key, func(t *testing.T) {
				dir := t.TempDir()
				write(t, dir, "roadmap.yaml", "product: Acme\n"+lint)
				comment := ""
				if lint == "" {
					comment = "  # roadmap:ignore unknown-field our own keys\n"
				}
				write(t, dir, "features.yaml", `features:
  - id: open
    title: Open
    status: planned
`+comment+`  - id: CANARY-id
    title: CANARY-title
    summary: CANARY-summary
    status: planned
    `+key+`
`)
				r := pipe.run(t, "export", "--dir", dir, "--today", "2026-11-23", "--audience", "sales", "--format", "json")
				r.expect(t, 1)
				name, _, _ := strings.Cut(key, ":")
				if r.stdout != "" || strings.Contains(r.stderr, "CANARY-title") || !strings.Contains(r.stderr, `unknown key "`+name+`"`) {
					t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
				}
			})
		}
	}
}
