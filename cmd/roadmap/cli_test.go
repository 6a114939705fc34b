package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/northwind-labs/roadmap/render/golden"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

// session is how a test calls roadmap: from a working folder, with an
// environment, on a terminal or a pipe.
type session struct {
	wd       string
	env      map[string]string
	terminal bool
	width    int
}

type result struct {
	stdout, stderr string
	code           int
}

// exampleDir is the bundled Northwind roadmap.
var exampleDir = filepath.Join("..", "..", "examples", "northwind")

func (s session) run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	wd := s.wd
	if wd == "" {
		var err error
		if wd, err = os.Getwd(); err != nil {
			t.Fatal(err)
		}
	}
	a := &app{
		stdout: &out, stderr: &errOut,
		lookupEnv: func(k string) (string, bool) {
			v, ok := s.env[k]
			return v, ok
		},
		wd:         wd,
		now:        func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) },
		isTerminal: func(io.Writer) bool { return s.terminal },
		termWidth:  func(io.Writer) int { return s.width },
	}
	code := a.run(args)
	return result{out.String(), errOut.String(), code}
}

var pipe = session{}

func (r result) expect(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

func TestValidateExampleIsClean(t *testing.T) {
	r := pipe.run(t, "validate", "--dir", exampleDir, "--strict")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "no problems found") || r.stderr != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
}

func TestLintIsValidate(t *testing.T) {
	a := pipe.run(t, "lint", "--dir", exampleDir)
	b := pipe.run(t, "validate", "--dir", exampleDir)
	if a != b {
		t.Errorf("lint and validate differ:\n%v\n%v", a, b)
	}
}

// brokenRoadmap writes a roadmap with one error and one warning.
func brokenRoadmap(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\n")
	write(t, dir, "features.yaml", `features:
  - id: search
    title: Search
    stauts: planned
    status: planned
    objectives: [find]
objectives:
  - id: find
    title: Find things
`)
	return dir
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestValidateFindingsAndExitCodes(t *testing.T) {
	dir := brokenRoadmap(t)
	s := session{wd: dir}
	r := s.run(t, "validate")
	r.expect(t, 1)
	want := `features.yaml:4:5: error: unknown key "stauts" in feature search; did you mean "status"? [unknown-field]`
	if !strings.Contains(r.stdout, want+"\n") {
		t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b[") || strings.Contains(r.stdout, "    4 |") {
		t.Errorf("piped output has escape codes or snippets:\n%s", r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}

	// Warnings alone pass, unless --strict.
	write(t, dir, "roadmap.yaml", "product: Acme\nlint:\n  rules:\n    unknown-field: warning\n")
	s.run(t, "validate").expect(t, 0)
	s.run(t, "validate", "--strict").expect(t, 1)
	write(t, dir, "roadmap.yaml", "product: Acme\nlint:\n  rules:\n    unknown-field: off\n    objective-not-smart: off\n    missing-scores: off\n")
	s.run(t, "validate", "--strict").expect(t, 0)
}

func TestValidateTerminalShowsSnippet(t *testing.T) {
	dir := brokenRoadmap(t)
	r := session{wd: dir, terminal: true, env: map[string]string{"NO_COLOR": "1"}}.run(t, "validate")
	r.expect(t, 1)
	if !strings.Contains(r.stdout, "    4 |     stauts: planned\n      |     ^\n") {
		t.Errorf("no snippet with caret:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("NO_COLOR output has escape codes:\n%q", r.stdout)
	}
	styled := session{wd: dir, terminal: true}.run(t, "validate")
	if !strings.Contains(styled.stdout, "\x1b[") {
		t.Errorf("terminal output is not styled:\n%q", styled.stdout)
	}
	plain := session{wd: dir, terminal: true}.run(t, "validate", "--no-color")
	if strings.Contains(plain.stdout, "\x1b[") {
		t.Errorf("--no-color output has escape codes")
	}
}

func TestValidateFormats(t *testing.T) {
	dir := brokenRoadmap(t)
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "docs")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	s := session{wd: sub}
	for _, format := range []string{"text", "json", "github", "sarif"} {
		t.Run(format, func(t *testing.T) {
			r := s.run(t, "validate", "--dir", "..", "--format", format)
			r.expect(t, 1)
			again := s.run(t, "validate", "--dir", "..", "--format", format)
			if again.stdout != r.stdout {
				t.Errorf("output is not deterministic")
			}
			golden.Assert(t, "validate/broken."+format, []byte(r.stdout))
		})
	}
}

func TestUsageErrors(t *testing.T) {
	dir := brokenRoadmap(t)
	s := session{wd: dir}
	for _, args := range [][]string{
		{"validate", "--format", "xml"},
		{"validate", "--bogus"},
		{"validate", "--today", "2026-13-01"},
		{"validate", "extra-arg"},
		{"list", "--status", "shiped"},
		{"list", "--target", "Q1"},
		{"frobnicate"},
		{"validate", "--dir", "no/such/folder"},
	} {
		r := s.run(t, args...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "roadmap: ") {
			t.Errorf("%v: code %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	r := s.run(t, "list", "--status", "shiped")
	if !strings.Contains(r.stderr, `did you mean "shipped"?`) {
		t.Errorf("no suggestion: %s", r.stderr)
	}
}

// TestArgumentCountsInWords: a wrong number of arguments is told in the
// command's own words, with its usage, not cobra's "accepts at most 1
// arg(s)"; a roadmap folder given to a command that takes none is named
// with --dir, in a command that keeps the other flags and pastes as it is.
func TestArgumentCountsInWords(t *testing.T) {
	dir := brokenRoadmap(t)
	for _, d := range []string{"plans", "my plan", "empty"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
		if d != "empty" {
			if err := os.WriteFile(filepath.Join(dir, d, "roadmap.yaml"), []byte("product: Acme\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := session{wd: dir}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "plans"}, "validate takes no arguments; to read the roadmap in plans: roadmap validate --dir plans\n"},
		{[]string{"validate", "my plan", "--format", "json"}, "validate takes no arguments; to read the roadmap in my plan: roadmap validate --dir 'my plan' --format json\n"},
		{[]string{"validate", "empty"}, `validate takes no arguments (got "empty"); see roadmap validate --help` + "\n"},
		{[]string{"prioritize", "rice"}, `prioritize takes no arguments (got "rice"); see roadmap prioritize --help` + "\n"},
		{[]string{"notes"}, "notes takes the revision the notes start after"},
		{[]string{"notes", "v1", "v2", "v3"}, "notes takes the revision the notes start after, and the one they end at (default: the working tree): roadmap notes REV1 [REV2]"},
		{[]string{"init", "a", "b"}, "init takes one folder to write the roadmap in, not 2"},
		{[]string{"list", "features", "x"}, "list takes one of features or campaigns, not 2 arguments"},
		{[]string{"list", "plans"}, "list takes features or campaigns; to read the roadmap in plans: roadmap list --dir plans\n"},
		// rules and schema read no roadmap: --dir would change nothing.
		{[]string{"rules", "plans"}, `rules takes no arguments (got "plans"); see roadmap rules --help` + "\n"},
	} {
		r := s.run(t, c.args...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "roadmap: "+c.want) || strings.Contains(r.stderr, "arg(s)") || strings.Contains(r.stderr, "unknown command") {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want exit 2 and %q", c.args, r.code, r.stdout, r.stderr, c.want)
		}
	}
}

func TestNoRoadmapFound(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := session{wd: dir}.run(t, "validate")
	r.expect(t, 2)
	if !strings.Contains(r.stderr, "no roadmap.yaml") || !strings.Contains(r.stderr, "roadmap init") || r.stdout != "" {
		t.Errorf("stderr %q stdout %q", r.stderr, r.stdout)
	}
}

// TestALinkedRoadmapYAMLIsAnError: a roadmap.yaml that links to one kept
// elsewhere is found, and refused with its name, rather than read without
// its settings.
func TestALinkedRoadmapYAMLIsAnError(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "shared"), "roadmap.yaml", "product: Acme\n")
	write(t, filepath.Join(dir, "plan"), "features.yaml", "features: []\n")
	if err := os.Symlink(filepath.Join("..", "shared", "roadmap.yaml"), filepath.Join(dir, "plan", "roadmap.yaml")); err != nil {
		t.Fatal(err)
	}
	r := session{wd: filepath.Join(dir, "plan")}.run(t, "validate")
	r.expect(t, 2)
	if !strings.Contains(r.stderr, "roadmap.yaml is a symbolic link") || r.stdout != "" {
		t.Errorf("stderr %q stdout %q", r.stderr, r.stdout)
	}
}

func TestDiscoveryFromSubfolder(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, repo, "roadmap/roadmap.yaml", "product: Acme\n")
	write(t, repo, "roadmap/features.yaml", "features:\n  - {id: a, title: A, status: parked}\n")
	write(t, repo, "src/app/main.go", "package main\n")
	r := session{wd: filepath.Join(repo, "src", "app")}.run(t, "list", "--format", "csv")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "a,A,parked") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"all.table", nil},
		{"planned-or-in-progress.table", []string{"--status", "planned", "--status", "in-progress"}},
		{"q1-banking.md", []string{"--target", "2027-Q1", "--theme", "get-paid-faster,automate-bookkeeping", "--format", "md"}},
		{"owner.csv", []string{"--owner", "ana", "--format", "csv"}},
		{"tag.json", []string{"--tag", "mobile", "--format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pipe.run(t, append([]string{"list", "--dir", exampleDir}, tt.args...)...)
			r.expect(t, 0)
			golden.Assert(t, "list/"+tt.name, []byte(r.stdout))
		})
	}
	styled := session{terminal: true, width: 80}.run(t, "list", "--dir", exampleDir)
	for _, line := range strings.Split(strings.TrimRight(styled.stdout, "\n"), "\n") {
		if w := visibleWidth(line); w > 80 {
			t.Errorf("line of %d columns on an 80-column terminal: %q", w, line)
		}
	}
	if !strings.Contains(styled.stdout, "…") {
		t.Errorf("long titles are not cut with an ellipsis:\n%s", styled.stdout)
	}
}

// Every table and summary fits a narrow terminal: at 60 columns a list of long ids
// loses its borders before its titles become unreadable, and no line runs
// past the edge, where the terminal would break it mid-table.
func TestTablesFitANarrowTerminal(t *testing.T) {
	commands := [][]string{{"list"}, {"list", "campaigns"}, {"prioritize"}, {"prioritize", "--period", "2027-Q1"}, {"report"}, {"launches"}, {"rules"}, {"validate"}}
	dir := exampleHistory(t)
	for _, width := range []int{60, 62, 80} {
		for _, env := range []map[string]string{nil, {"NO_COLOR": "1"}} {
			for _, args := range commands {
				r := session{terminal: true, width: width, env: env}.run(t, append(args, "--dir", dir, "--today", "2026-11-23")...)
				r.expect(t, 0)
				for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
					if w := visibleWidth(line); w > width {
						t.Errorf("%q, %v: a line of %d columns on a %d-column terminal: %q", args, env, w, width, line)
					}
				}
			}
		}
	}
}

// exampleHistory commits the bundled example to a new repository over a
// year, a target slipped and a feature shipped on the way, and returns its
// roadmap folder: report reads a history of its own rather than the
// project's, which a copy of the source without .git lacks.
func exampleHistory(t *testing.T) string {
	t.Helper()
	b := gittest.New(t)
	files := map[string]string{}
	err := filepath.WalkDir(exampleDir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		text, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(exampleDir, p)
		files[filepath.ToSlash(rel)] = string(text)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// write writes the example with each of edits (old, new) made once to
	// the invoicing features.
	write := func(edits ...string) {
		t.Helper()
		for name, text := range files {
			for i := 0; name == "features/invoicing.yaml" && i+1 < len(edits); i += 2 {
				if !strings.Contains(text, edits[i]) {
					t.Fatalf("the example's %s no longer holds %q", name, edits[i])
				}
				text = strings.Replace(text, edits[i], edits[i+1], 1)
			}
			b.Write("roadmap/"+name, text)
		}
	}
	shipped := "status: shipped"
	write(shipped, "status: planned", "    shipped: 2026-10-20\n", "", "target: 2026-12", "target: 2026-09")
	b.CommitOn("2026-02-02", "Ana Ruiz", "Plan the year")
	write(shipped, "status: planned", "    shipped: 2026-10-20\n", "")
	b.CommitOn("2026-09-28", "Raj Patel", "Pay-by-bank slips to December")
	write()
	b.CommitOn("2026-10-20", "Ana Ruiz", "Payment reminders shipped")
	return filepath.Join(b.Dir, "roadmap")
}

// A terminal that does not tell its size is fitted to COLUMNS; one that does
// wins over COLUMNS, and a pipe is never cut.
func TestColumnsWhenTheTerminalHasNoSize(t *testing.T) {
	list := func(s session) string {
		t.Helper()
		r := s.run(t, "list", "--dir", exampleDir)
		r.expect(t, 0)
		return r.stdout
	}
	at60 := list(session{terminal: true, width: 60})
	unsized := list(session{terminal: true})
	if at60 == unsized {
		t.Fatal("a 60-column terminal gets the same table as one of unknown width")
	}
	if got := list(session{terminal: true, env: map[string]string{"COLUMNS": " 60 "}}); got != at60 {
		t.Errorf("COLUMNS=60 on a terminal of unknown width:\n%s\nwant as at 60 columns:\n%s", got, at60)
	}
	if got := list(session{terminal: true, width: 100, env: map[string]string{"COLUMNS": "60"}}); got != list(session{terminal: true, width: 100}) {
		t.Errorf("COLUMNS overrode the width the terminal gave:\n%s", got)
	}
	for _, bad := range []string{"", "wide", "-5", "0"} {
		if got := list(session{terminal: true, env: map[string]string{"COLUMNS": bad}}); got != unsized {
			t.Errorf("COLUMNS=%q changed the table:\n%s", bad, got)
		}
	}
	if got := list(session{env: map[string]string{"COLUMNS": "60"}}); got != list(pipe) {
		t.Errorf("a pipe was fitted to COLUMNS:\n%s", got)
	}
}

func TestListFiltersCombine(t *testing.T) {
	all := pipe.run(t, "list", "--dir", exampleDir, "--format", "csv").stdout
	planned := pipe.run(t, "list", "--dir", exampleDir, "--format", "csv", "--status", "planned").stdout
	plannedOrIdea := pipe.run(t, "list", "--dir", exampleDir, "--format", "csv", "--status", "planned,idea").stdout
	plannedAndTheme := pipe.run(t, "list", "--dir", exampleDir, "--format", "csv", "--status", "planned", "--theme", "get-paid-faster").stdout
	rows := func(s string) int { return strings.Count(s, "\n") - 1 }
	if !(rows(all) > rows(plannedOrIdea) && rows(plannedOrIdea) > rows(planned) && rows(planned) > rows(plannedAndTheme) && rows(plannedAndTheme) > 0) {
		t.Errorf("rows: all %d, planned|idea %d, planned %d, planned&theme %d", rows(all), rows(plannedOrIdea), rows(planned), rows(plannedAndTheme))
	}
}

func TestRulesAndSchema(t *testing.T) {
	r := pipe.run(t, "rules")
	r.expect(t, 0)
	golden.Assert(t, "rules.table", []byte(r.stdout))
	s := pipe.run(t, "schema")
	s.expect(t, 0)
	golden.Assert(t, "schema.json", []byte(s.stdout))
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	s := session{wd: dir}
	r := s.run(t, "init")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "created roadmap/roadmap.yaml") {
		t.Errorf("stdout: %s", r.stdout)
	}
	// What init writes validates cleanly, today and years from now.
	s.run(t, "validate", "--strict").expect(t, 0)
	s.run(t, "validate", "--strict", "--today", "2031-06-30").expect(t, 0)

	// A second init refuses and changes nothing.
	p := filepath.Join(dir, "roadmap", "roadmap.yaml")
	if err := os.WriteFile(p, []byte("product: Mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	again := s.run(t, "init")
	again.expect(t, 2)
	if got, _ := os.ReadFile(p); string(got) != "product: Mine\n" {
		t.Errorf("init overwrote roadmap.yaml: %q", got)
	}
	if !strings.Contains(again.stderr, "already exists") || again.stdout != "" {
		t.Errorf("stderr %q stdout %q", again.stderr, again.stdout)
	}
}

// TestInitRefusesNesting: a roadmap inside another, or around one, would
// merge with it; init refuses both and writes nothing.
func TestInitRefusesNesting(t *testing.T) {
	dir := t.TempDir()
	s := session{wd: dir}
	s.run(t, "init").expect(t, 0)
	for _, tc := range []struct{ wd, arg, want string }{
		{"roadmap", "plans", "plans is inside the roadmap at . (roadmap.yaml)"},
		{"roadmap/themes/2027", ".", ". is inside the roadmap at ../.. (../../roadmap.yaml)"},
		{".", ".", ". holds a roadmap (roadmap/roadmap.yaml)"},
	} {
		wd := filepath.Join(dir, filepath.FromSlash(tc.wd))
		if err := os.MkdirAll(wd, 0o755); err != nil {
			t.Fatal(err)
		}
		r := session{wd: wd}.run(t, "init", tc.arg)
		r.expect(t, 2)
		if !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("init %s in %s: stderr %q, stdout %q", tc.arg, tc.wd, r.stderr, r.stdout)
		}
		if _, err := os.Stat(filepath.Join(wd, tc.arg, "roadmap.yaml")); err == nil {
			t.Errorf("init %s in %s wrote roadmap.yaml", tc.arg, tc.wd)
		}
	}
	// Beside it, in the same repository, is another roadmap; around both,
	// however deep they are, none.
	s.run(t, "init", "plans/2027").expect(t, 0)
	if r := s.run(t, "init", "."); r.code != 2 || !strings.Contains(r.stderr, ". holds a roadmap (") {
		t.Errorf("init around roadmaps: %d %q", r.code, r.stderr)
	}
	// A repository checked out inside a roadmap is still read by it; a
	// roadmap.yaml above every repository is no roadmap of theirs.
	outer := filepath.Join(dir, "outer")
	for _, repo := range []string{outer, filepath.Join(outer, "roadmap", "checkout")} {
		if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	session{wd: outer}.run(t, "init").expect(t, 0)
	inner := session{wd: filepath.Join(outer, "roadmap", "checkout")}.run(t, "init", ".")
	if inner.code != 2 || !strings.Contains(inner.stderr, ". is inside the roadmap at .. (../roadmap.yaml)") {
		t.Errorf("init in a repository inside a roadmap: %d %q", inner.code, inner.stderr)
	}
	stray := filepath.Join(dir, "stray")
	write(t, stray, "roadmap.yaml", "product: Not a repository's\n")
	if err := os.MkdirAll(filepath.Join(stray, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	session{wd: filepath.Join(stray, "repo")}.run(t, "init", ".").expect(t, 0)
}

// TestInitTakesDir: --dir names the folder as DIR does; both at once must
// agree.
func TestInitTakesDir(t *testing.T) {
	dir := t.TempDir()
	s := session{wd: dir}
	r := s.run(t, "init", "--dir", "plans/2027")
	r.expect(t, 0)
	if _, err := os.Stat(filepath.Join(dir, "plans", "2027", "roadmap.yaml")); err != nil || !strings.Contains(r.stdout, "created plans/2027/roadmap.yaml") {
		t.Errorf("init --dir plans/2027: %v\n%s", err, r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "roadmap")); err == nil {
		t.Error("init --dir also wrote ./roadmap")
	}
	s.run(t, "init", "other", "--dir", "other/").expect(t, 0)
	// The commands it suggests work pasted, whatever the folder's name.
	spaced := s.run(t, "init", "my plan")
	spaced.expect(t, 0)
	if words := pasted(t, strings.TrimSpace(spaced.stdout)); !slices.Equal(words, []string{"validate", "--dir", "my plan"}) {
		t.Errorf("init 'my plan' suggests %q", words)
	}
	if err := os.Mkdir(filepath.Join(dir, "new plan"), 0o755); err != nil {
		t.Fatal(err)
	}
	missing := s.run(t, "list", "--dir", "new plan")
	missing.expect(t, 2)
	s.run(t, pasted(t, strings.TrimSpace(missing.stderr))...).expect(t, 0)
	s.run(t, "list", "--dir", "new plan").expect(t, 0)
	clash := s.run(t, "init", "a", "--dir", "b")
	clash.expect(t, 2)
	if !strings.Contains(clash.stderr, "two folders") {
		t.Errorf("stderr %q", clash.stderr)
	}
}

// visibleWidth counts the columns of a line without its escape codes.
func visibleWidth(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case r == '\x1b':
			esc = true
		case esc && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'):
			esc = false
		case !esc:
			n++
		}
	}
	return n
}

func TestListFilterTyposAndHorizons(t *testing.T) {
	r := pipe.run(t, "list", "--dir", exampleDir, "--theme", "automate-bookeeping")
	if r.code != 2 || !strings.Contains(r.stderr, `did you mean "automate-bookkeeping"?`) || r.stdout != "" {
		t.Errorf("theme typo: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := pipe.run(t, "list", "--dir", exampleDir, "--owner", "nobody"); r.code != 2 {
		t.Errorf("unknown owner: %d %q", r.code, r.stderr)
	}
	// Tags are free words: one no feature has matches nothing, and a note
	// suggests the nearest, for a typo.
	if r := pipe.run(t, "list", "--dir", exampleDir, "--tag", "bankng", "--format", "json"); r.code != 0 || !strings.Contains(r.stderr, `no feature has the tag "bankng"; did you mean "banking"?`) || !strings.Contains(r.stdout, `"features": []`) {
		t.Errorf("unknown tag: %d %q %q", r.code, r.stdout, r.stderr)
	}
	// --target now matches what is due this quarter (or before), not only
	// targets written as now.
	now := pipe.run(t, "list", "--dir", exampleDir, "--today", "2026-11-23", "--target", "now", "--format", "csv")
	now.expect(t, 0)
	for _, want := range []string{"pay-by-bank,", "audit-trail,", "invoice-templates,"} {
		if !strings.Contains(now.stdout, want) {
			t.Errorf("--target now lacks %s:\n%s", want, now.stdout)
		}
	}
	if strings.Contains(now.stdout, "bank-feeds,") {
		t.Errorf("--target now lists a 2027-03 feature:\n%s", now.stdout)
	}
}

func TestOutputExtensionPicksTheFormat(t *testing.T) {
	dir := t.TempDir()
	s := session{wd: dir}
	abs := mustAbs(t, exampleDir)
	s.run(t, "export", "--dir", abs, "--today", "2026-11-23", "-o", "roadmap.html").expect(t, 0)
	s.run(t, "launches", "--dir", abs, "--today", "2026-11-23", "-o", "launches.ics").expect(t, 0)
	s.run(t, "export", "--dir", abs, "--today", "2026-11-23", "-o", "forced.html", "--format", "md").expect(t, 0)
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if !strings.HasPrefix(read("roadmap.html"), "<!DOCTYPE html>") {
		t.Errorf("export -o roadmap.html did not write HTML")
	}
	if !strings.HasPrefix(read("launches.ics"), "BEGIN:VCALENDAR") {
		t.Errorf("launches -o launches.ics did not write a calendar")
	}
	if !strings.HasPrefix(read("forced.html"), "# ") {
		t.Errorf("--format md did not win over the extension")
	}
	// An extension the command does not write is refused, naming what it
	// writes and what --format would do.
	r := s.run(t, "prioritize", "--dir", abs, "-o", "ranking.html")
	want := "roadmap: -o ranking.html: prioritize writes .md, .csv, .json or .txt (its table output) files, not .html; name the file for one of them, or give --format to write one of them under this name\n"
	if r.code != 2 || r.stderr != want {
		t.Errorf("code %d, stderr %q; want 2 and %q", r.code, r.stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "ranking.html")); err == nil {
		t.Error("a refused -o wrote its file")
	}
}

// TestReadCommandsWarnAsValidateReports: a file lint.ignore leaves out has
// errors validate does not report; read commands do not warn of them, and
// do warn of the same errors once the file is no longer ignored. A file
// that does not parse is reported and warned of, ignored or not.
func TestReadCommandsWarnAsValidateReports(t *testing.T) {
	for _, tc := range []struct {
		legacy string
		warn   bool
	}{
		{"features:\n  - id: b\n    status: idea\n", false}, // no title: missing-field
		{"features: [\n", true},
	} {
		for _, ignored := range []bool{true, false} {
			dir := t.TempDir()
			settings := "product: Acme\n"
			if ignored {
				settings += "lint:\n  ignore: [\"legacy/**\"]\n"
			}
			write(t, dir, "roadmap.yaml", settings)
			write(t, dir, "features.yaml", "features:\n  - id: a\n    title: A\n    status: idea\n")
			write(t, dir, "legacy/old.yaml", tc.legacy)
			s := session{wd: dir}
			v := s.run(t, "validate")
			want := tc.warn || !ignored
			for _, args := range [][]string{{"list"}, {"list", "campaigns"}, {"launches"}, {"align"}} {
				r := s.run(t, args...)
				warned := strings.Contains(r.stderr, "error(s) in its files")
				if warned != want || warned != (v.code == 1) {
					t.Errorf("%q ignored %v, %v: validate exits %d, stderr %q", tc.legacy, ignored, args, v.code, r.stderr)
				}
			}
		}
	}
}

// TestNoColorFollowsNoColorOrg: NO_COLOR turns colour off when it is set to
// something; set but empty, it does not.
func TestNoColorFollowsNoColorOrg(t *testing.T) {
	for v, styled := range map[string]bool{"1": false, "true": false, "": true} {
		r := session{terminal: true, width: 100, env: map[string]string{"NO_COLOR": v}}.run(t, "list", "--dir", exampleDir)
		if got := strings.Contains(r.stdout, "\x1b["); got != styled {
			t.Errorf("NO_COLOR=%q: styled %v, want %v", v, got, styled)
		}
	}
}

// TestAtOnCommandsThatReadNoRoadmap: init, rules and schema read no
// revision, so --at is refused rather than silently ignored.
func TestAtOnCommandsThatReadNoRoadmap(t *testing.T) {
	for _, args := range [][]string{{"init", t.TempDir()}, {"rules"}, {"schema"}} {
		r := pipe.run(t, append(args, "--at", "v1")...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "--at reads a revision and does not apply") {
			t.Errorf("%v --at v1: %d %q %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

// TestHelpListsAtWhereItApplies: a command that refuses --at leaves it out
// of its help (and so of its docs); one that reads a revision lists it.
func TestHelpListsAtWhereItApplies(t *testing.T) {
	for _, name := range []string{"validate", "list", "prioritize", "export", "launches", "history", "report", "align",
		"diff", "notes", "serve", "init", "rules", "schema"} {
		r := pipe.run(t, name, "--help")
		r.expect(t, 0)
		refuses := []string{"diff", "notes", "serve", "init", "rules", "schema"}
		if got, want := strings.Contains(r.stdout, "--at string"), !slices.Contains(refuses, name); got != want {
			t.Errorf("%s --help lists --at: %v, want %v", name, got, want)
		}
	}
	// Given before the command, as a global flag, it is still refused.
	if r := pipe.run(t, "--at", "v1", "rules"); r.code != 2 || !strings.Contains(r.stderr, "--at reads a revision") {
		t.Errorf("--at v1 rules: %d %q", r.code, r.stderr)
	}
}

// TestValidateNamesTheFirstPlaceAsItsOwn: a duplicate id's message names
// the first definition by the same kind of path as the finding, from the
// folder validate runs in, so both open.
func TestValidateNamesTheFirstPlaceAsItsOwn(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap/roadmap.yaml", "product: Acme\n")
	write(t, dir, "roadmap/features/core.yaml", "features:\n  - {id: a, title: A, status: idea}\n")
	write(t, dir, "roadmap/features/more.yaml", "features:\n  - {id: a, title: A again, status: idea}\n")
	r := session{wd: dir}.run(t, "validate")
	r.expect(t, 1)
	want := `roadmap/features/more.yaml:2:10: error: duplicate feature id "a"; first defined at roadmap/features/core.yaml:2 [duplicate-id]`
	if !strings.Contains(r.stdout, want+"\n") {
		t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
	}
	// From the features folder: paths from there in text, from the
	// repository's top in annotations, and in export's refusal too.
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := session{wd: filepath.Join(dir, "roadmap", "features")}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--dir", ".."}, `more.yaml:2:10: error: duplicate feature id "a"; first defined at core.yaml:2`},
		{[]string{"validate", "--dir", "..", "--format", "github"}, `::error file=roadmap/features/more.yaml,line=2,col=10,title=roadmap duplicate-id::duplicate feature id "a"; first defined at roadmap/features/core.yaml:2`},
		{[]string{"export", "--dir", "..", "--audience", "internal"}, `more.yaml:2:10: error: duplicate feature id "a"; first defined at core.yaml:2`},
	} {
		r := s.run(t, c.args...)
		if !strings.Contains(r.stdout+r.stderr, c.want) {
			t.Errorf("%v lacks %q:\n%s%s", c.args, c.want, r.stdout, r.stderr)
		}
	}
}
