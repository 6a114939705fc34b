package roadmap_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/northwind-labs/roadmap/roadmap"
)

func load(t testing.TB, files map[string]string) *roadmap.Roadmap {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, text := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	r, err := roadmap.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const minimal = "product: Acme\n"

func findingsOf(r *roadmap.Roadmap) []roadmap.Finding {
	return roadmap.Check(r, roadmap.Options{Today: fixtureToday})
}

// hasFinding reports whether fs holds a finding of rule in path (any path
// for "") at line (any for 0) whose message holds msgPart.
func hasFinding(fs []roadmap.Finding, rule, path string, line int, msgPart string) bool {
	for _, f := range fs {
		if f.Rule == rule && (path == "" || f.Path == path) && (line == 0 || f.Line == line) && strings.Contains(f.Message, msgPart) {
			return true
		}
	}
	return false
}

func TestLoadMergesFilesInPathOrder(t *testing.T) {
	r := load(t, map[string]string{
		"roadmap.yaml":      minimal + "features:\n  - {id: c, title: C, status: idea}\n",
		"b/x.yaml":          "features:\n  - {id: b, title: B, status: idea}\n",
		"a.yaml":            "features:\n  - {id: a, title: A, status: idea}\n",
		"b.yml":             "features:\n  - {id: a2, title: A2, status: idea}\n",
		".hidden/z.yaml":    "features:\n  - {id: hidden, title: H, status: idea}\n",
		"notes.txt":         "features: nonsense",
		"b/.git/HEAD.yaml":  "nonsense: [",
		"sub/.draft/a.yaml": "nonsense: [",
	})
	var ids []string
	for _, f := range r.Features {
		ids = append(ids, f.ID)
	}
	// Byte order of paths: a.yaml < b.yml < b/x.yaml < roadmap.yaml.
	if got := strings.Join(ids, ","); got != "a,a2,b,c" {
		t.Errorf("features in order %s, want a,a2,b,c", got)
	}
	if f := r.Feature("b"); f == nil || f.File != "b/x.yaml" || f.Pos.Line != 2 || f.Pos.Col != 5 {
		t.Errorf("feature b located at %+v", f.Located)
	}
	if len(r.Findings) != 0 {
		t.Errorf("unexpected findings: %v", r.Findings)
	}
}

func TestLoadKeepsFieldPositions(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": minimal + `features:
  - id: sso
    title: SSO
    status: planned
    owners:
      product: ana
    objectives: [grow, retain]
`})
	f := r.Feature("sso")
	for path, want := range map[string]roadmap.Pos{
		"id": {Line: 3, Col: 9}, "status": {Line: 5, Col: 13}, "owners.product": {Line: 7, Col: 16},
		"objectives[1]": {Line: 8, Col: 24},
	} {
		if got := f.PosOf(path); got != want {
			t.Errorf("position of %s = %+v, want %+v", path, got, want)
		}
	}
	if f.End != 8 {
		t.Errorf("item ends at line %d, want 8", f.End)
	}
}

func TestLoadNeedsRoadmapYAML(t *testing.T) {
	_, err := roadmap.Load(fstest.MapFS{"features.yaml": {Data: []byte("features: []")}})
	if err == nil || !strings.Contains(err.Error(), "roadmap.yaml") {
		t.Fatalf("Load without roadmap.yaml: %v", err)
	}
}

// TestLoadRefusesLinkedFiles: a roadmap.yaml that is a symbolic link (to one
// kept elsewhere, say) is an error naming it, never read without its
// settings; any other linked roadmap file is left out as an error finding
// at the file, so a revision that holds one still loads.
func TestLoadRefusesLinkedFiles(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"roadmap.yaml":      {Data: []byte("product: Acme\n")},
			"features/own.yaml": {Data: []byte("features:\n  - {id: own, title: Own, status: idea}\n")},
		}
	}
	fsys := base()
	fsys["roadmap.yaml"] = &fstest.MapFile{Data: []byte("../elsewhere/roadmap.yaml"), Mode: fs.ModeSymlink}
	if _, err := roadmap.Load(fsys); err == nil || !strings.Contains(err.Error(), "roadmap.yaml is a symbolic link") {
		t.Errorf("Load with roadmap.yaml linked: %v", err)
	}
	delete(fsys, "features/own.yaml") // nothing else to find it by
	if _, err := roadmap.Load(fsys); err == nil || !strings.Contains(err.Error(), "roadmap.yaml is a symbolic link") {
		t.Errorf("Load with only roadmap.yaml, linked: %v", err)
	}

	fsys = base()
	fsys["features/shared.yml"] = &fstest.MapFile{Data: []byte("../elsewhere/shared.yml"), Mode: fs.ModeSymlink}
	r, err := roadmap.Load(fsys)
	if err != nil {
		t.Fatalf("Load with features/shared.yml linked: %v", err)
	}
	want := roadmap.Finding{Path: "features/shared.yml", Line: 1, Column: 1, Rule: "syntax", Severity: roadmap.SeverityError,
		Message: "the file is a symbolic link, so it is not read; roadmap reads only files kept in the roadmap folder itself (git keeps a link, not the file it points to), so copy the file here"}
	if len(r.Findings) != 1 || r.Findings[0] != want || !roadmap.HasSyntaxError(r.Findings) {
		t.Errorf("findings %+v, want %+v", r.Findings, want)
	}
	if len(r.Features) != 1 || r.Features[0].ID != "own" || len(r.Files) != 2 {
		t.Errorf("the other files are read: %d features, %d files", len(r.Features), len(r.Files))
	}

	fsys = fstest.MapFS{
		"roadmap.yaml": {Data: []byte("product: Acme\n")},
		"README.md":    {Data: []byte("notes.md"), Mode: fs.ModeSymlink},
	}
	if r, err := roadmap.Load(fsys); err != nil || len(r.Findings) != 0 {
		t.Errorf("a linked file that is no roadmap file: %v %v", err, r.Findings)
	}
}

// TestHostileInput feeds the loader what a broken or malicious file may hold.
// Each must come back as a finding with a position, never a panic or an
// unbounded allocation, and the other files must still be checked.
func TestHostileInput(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 'b'; i <= 'i'; i++ {
		prev := string(i - 1)
		bomb.WriteString(string(i) + ": &" + string(i) + " [")
		for j := range 9 {
			if j > 0 {
				bomb.WriteString(",")
			}
			bomb.WriteString("*" + prev)
		}
		bomb.WriteString("]\n")
	}
	bomb.WriteString("features:\n  - id: x\n    title: X\n    status: idea\n    tags: *i\n")

	var aliasFeatures strings.Builder
	aliasFeatures.WriteString("base: &f {id: x, title: X, status: idea, tags: &t [a, b, c, d, e, f, g, h]}\nfeatures: [")
	for i := range 20000 {
		if i > 0 {
			aliasFeatures.WriteString(",")
		}
		aliasFeatures.WriteString("*f")
	}
	aliasFeatures.WriteString("]\n")

	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	deepBlock := new(strings.Builder)
	for i := range 20000 {
		deepBlock.WriteString(strings.Repeat(" ", i) + "- \n")
	}

	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.IntN(256))
	}

	huge := bytes.Repeat([]byte("# filler line of a very large roadmap file\n"), (20<<20)/43)

	cases := []struct {
		name    string
		text    string
		rule    string
		line    int
		message string
	}{
		{"malformed", "features:\n  - id: x\n    title: [unclosed\n", "syntax", 0, ""},
		{"tab indent", "features:\n\t- id: x\n", "syntax", 2, ""},
		{"not a mapping", "- a\n- b\n", "syntax", 1, "must be a mapping"},
		{"scalar file", "just text\n", "syntax", 1, "must be a mapping"},
		{"wrong type list", "features: {id: x}\n", "invalid-value", 1, "must be a list"},
		{"wrong type item", "features:\n  - just-a-string\n", "invalid-value", 2, "must be a mapping"},
		{"wrong type field", "features:\n  - id: x\n    title: X\n    status: idea\n    scores: {reach: lots}\n", "invalid-value", 5, "must be a number"},
		{"alias bomb", bomb.String(), "invalid-value", 9, "must be text"},
		{"alias fan-out", aliasFeatures.String(), "syntax", 0, "aliases"},
		{"deep flow nesting", "features: " + deep + "\n", "syntax", 1, "depth"},
		{"deep block nesting", "features:\n" + deepBlock.String(), "", 0, ""},
		{"random bytes", string(random), "syntax", 0, ""},
		{"non-UTF-8", "features:\n  - id: x\n    title: caf\xe9\n", "syntax", 3, "UTF-8"},
		{"huge file", string(huge), "syntax", 1, "larger than"},
		{"two documents", "features: []\n---\nfeatures: []\n", "syntax", 3, "one YAML document"},
		{"nan score", "features:\n  - id: x\n    title: X\n    status: idea\n    scores: {reach: .nan}\n", "invalid-value", 5, "number"},
		{"duplicate key", "features:\n  - id: x\n    title: X\n    title: Y\n    status: idea\n", "invalid-value", 4, "twice"},
		{"null key", "features:\n  - ? [a, b]\n    : x\n", "invalid-value", 0, "plain word"},
		{"long value", "features:\n  - id: " + strings.Repeat("x", 100000) + "\n    title: X\n    status: idea\n", "invalid-value", 2, "is not valid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			r := load(t, map[string]string{
				"roadmap.yaml": minimal + "themes:\n  - {id: core, title: Core}\n",
				"bad.yaml":     tc.text,
				"good.yaml":    "features:\n  - {id: good, title: Good, status: idea, theme: nope}\n",
			})
			fs := findingsOf(r)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<30 {
				t.Errorf("loading allocated %d MB", grew>>20)
			}
			if tc.rule != "" && !hasFinding(fs, tc.rule, "bad.yaml", tc.line, tc.message) {
				t.Errorf("want a %s finding in bad.yaml at line %d containing %q; got %v", tc.rule, tc.line, tc.message, fs)
			}
			for _, f := range fs {
				if f.Line < 1 || f.Column < 1 {
					t.Errorf("finding without a position: %v", f)
				}
				if len(f.Message) > 1000 {
					t.Errorf("finding message of %d bytes", len(f.Message))
				}
			}
			// The good file is still checked.
			if !hasFinding(fs, "unknown-reference", "good.yaml", 2, `theme "nope"`) {
				t.Errorf("good.yaml was not checked: %v", fs)
			}
		})
	}
}

// TestWrongRequiredValueIsOneError: a required key with a value that is
// not allowed is that error only, not also "empty".
func TestWrongRequiredValueIsOneError(t *testing.T) {
	_, findings := roadmap.ParseDocument("features.yaml", []byte("features:\n  - id: search\n    title: S\n    status: plannd\n"))
	if len(findings) != 1 || findings[0].Rule != "invalid-value" || !strings.Contains(findings[0].Message, `did you mean "planned"`) {
		t.Errorf("findings: %v", findings)
	}
}

// TestUnreadableValueIsOneFinding: a value that cannot be read is reported
// once, as invalid-value, and no other rule takes the field as missing or zero.
func TestUnreadableValueIsOneFinding(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": minimal + `objectives:
  - {id: grow, title: Grow, metric: ARR, target: 2M, due: 2027-Q9}
features:
  - id: search
    title: Search
    status: planned
    objectives: [grow]
    target: 2027-Q2
    launch: {size: small, date: 2027-02-29}
    scores: {reach: 100, impact: true, confidence: 80, effort: "2"}
  - id: export
    title: Export
    status: shipped
    shipped: 2026-02-30
    scores: {reach: 100, impact: 1, confidence: 80, effort: [2]}
  - id: sharing
    title: Sharing
    status: in-progress
    objectives: grow
    owners: [ana]
    messaging: {value: [a, b]}
    summary: {text: Share}
    visibility: public
    launch: {size: large}
`})
	fs := findingsOf(r)
	lines := map[int]bool{}
	for _, f := range fs {
		if f.Rule != "invalid-value" {
			t.Errorf("a second finding for an invalid value: %s", f)
		}
		lines[f.Line] = true
	}
	for _, line := range []int{3, 10, 11, 15, 16, 20, 21, 22, 23} {
		if !lines[line] {
			t.Errorf("no invalid-value finding on line %d: %v", line, fs)
		}
	}
	if !hasFinding(fs, "invalid-value", "roadmap.yaml", 11, `scores.effort of feature search must be a number, not "2" (write it without quotes)`) {
		t.Errorf("a quoted number is not told to lose its quotes: %v", fs)
	}
}

// TestBlankValuesInMapsAndListsAreAbsent: a blank value in a map or a list
// is left out, as a blank field is: never a zero score or capacity, an empty
// playbook task, or a nil settings block that panics a check.
func TestBlankValuesInMapsAndListsAreAbsent(t *testing.T) {
	r := loadText(t, `product: B
scoring:
  capacity: {2027-Q1: " ", 2027-Q2: 5}
audiences: {customers: ""}
launch_tiers:
  large: ""
  small:
    playbook: [""]
features:
  - {id: a, title: A, status: planned, target: 2027-Q1, scores: {reach: "", impact: 1, confidence: 80, effort: 2}}
`)
	if _, ok := r.Scoring.Capacity["2027-Q1"]; ok || r.Scoring.Capacity["2027-Q2"] != 5 {
		t.Errorf("capacity %v", r.Scoring.Capacity)
	}
	if _, ok := r.Features[0].Scores["reach"]; ok {
		t.Errorf("scores %v: a blank reach read as a score", r.Features[0].Scores)
	}
	if tier, ok := r.LaunchTiers["small"]; !ok || len(tier.Playbook) != 0 {
		t.Errorf("small tier %+v: a blank task read as one", tier)
	}
	var missing bool
	for _, f := range roadmap.Check(r, roadmap.Options{Today: fixtureToday}) {
		missing = missing || f.Rule == "missing-scores" && strings.Contains(f.Message, "reach")
	}
	if !missing {
		t.Error("a blank reach is not reported missing")
	}
}

// TestMergeKeys: keys merged in (<<) yield to the mapping's own, even one
// written empty, and in a list of merged mappings the earlier wins, as YAML
// has it; each field's position is where its value came from.
func TestMergeKeys(t *testing.T) {
	r := load(t, map[string]string{
		"roadmap.yaml": minimal + `bases:
  - &a {title: From a, status: planned, target: 2027-Q1, summary: From a.}
  - &b {title: From b, status: idea, owners: {product: ana}}
features:
  - id: x
    <<: [*a, *b]
    status: in-progress
    target: ~
`,
	})
	f := r.Features[0]
	if f.Title != "From a" || f.Status != "in-progress" || f.Target.String() != "" || f.Owners["product"] != "ana" || f.Summary != "From a." {
		t.Errorf("merged feature: title %q, status %q, target %q, owners %v, summary %q", f.Title, f.Status, f.Target, f.Owners, f.Summary)
	}
	for path, want := range map[string]roadmap.Pos{"status": {Line: 8, Col: 13}, "title": {Line: 3, Col: 16}} {
		if got := f.PosOf(path); got != want {
			t.Errorf("PosOf(%q) = %v, want %v", path, got, want)
		}
	}
}

// TestPositionsOfALongList: every entry of a list too long to search finds
// its own position.
func TestPositionsOfALongList(t *testing.T) {
	var ids []string
	for i := range 200 {
		ids = append(ids, fmt.Sprintf("      - ghost-%03d\n", i))
	}
	r := load(t, map[string]string{
		"roadmap.yaml": minimal + "features:\n  - id: x\n    title: X\n    status: idea\n    depends_on:\n" + strings.Join(ids, ""),
	})
	fs := findingsOf(r)
	for _, i := range []int{0, 64, 199} {
		if !hasFinding(fs, "unknown-reference", "roadmap.yaml", 7+i, fmt.Sprintf("ghost-%03d", i)) {
			t.Errorf("no unknown-reference for ghost-%03d at line %d among %d findings", i, 7+i, len(fs))
		}
	}
}

// TestLoadReadsUpperCaseExtensions: a file named .YAML or .Yml, as an
// editor on Windows may save it, is part of the roadmap, not skipped.
func TestLoadReadsUpperCaseExtensions(t *testing.T) {
	fsys := fstest.MapFS{
		"roadmap.yaml":       {Data: []byte("product: Acme\n")},
		"features/UP.YAML":   {Data: []byte("features:\n  - {id: up, title: Up, status: idea}\n")},
		"features/mixed.Yml": {Data: []byte("features:\n  - {id: mixed, title: Mixed, status: idea}\n")},
		"features/notes.txt": {Data: []byte("features: [\n")},
	}
	r, err := roadmap.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Files) != 3 || r.Feature("up") == nil || r.Feature("mixed") == nil {
		t.Errorf("read %d files, features %v", len(r.Files), r.Features)
	}
}
