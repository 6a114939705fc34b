package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/render/golden"
)

// launchesToday is the day every launches test is run on.
const launchesToday = "2026-11-23"

func TestLaunches(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"all.table", nil},
		{"all.md", []string{"--format", "md"}},
		{"all.json", []string{"--format", "json"}},
		{"all.ics", []string{"--format", "ics"}},
		{"q1.table", []string{"--from", "2027-01-01", "--to", "2027-03-31"}},
		{"q1.ics", []string{"--from", "2027-01-01", "--to", "2027-03-31", "--format", "ics"}},
		{"from-march.json", []string{"--from", "2027-03-20", "--format", "json"}},
		{"bank-feeds.md", []string{"--feature", "bank-feeds", "--format", "md"}},
		{"pay-by-bank.table", []string{"--feature", "pay-by-bank"}},
		{"invoice-templates.md", []string{"--feature", "invoice-templates", "--format", "md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"launches", "--dir", exampleDir, "--today", launchesToday}, tt.args...)
			r := pipe.run(t, args...)
			r.expect(t, 0)
			if r.stderr != "" {
				t.Errorf("stderr: %s", r.stderr)
			}
			if strings.Contains(r.stdout, "\x1b[") {
				t.Errorf("piped output has escape codes")
			}
			if again := pipe.run(t, args...); again.stdout != r.stdout {
				t.Errorf("output is not deterministic")
			}
			golden.Assert(t, "launches/"+tt.name, []byte(r.stdout))
		})
	}
}

// launchRoadmap has custom tiers, a task done, one overdue, one due today,
// one due in 14 days and one in 15, and a role nobody holds.
func launchRoadmap(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", `product: Acme
launch_tiers:
  tier-1:
    description: A launch with a beta.
    playbook:
      - {id: brief, task: Launch brief, owner: marketing, due: -6w}
      - {id: beta, task: Private beta with design partners, owner: product, due: -3w}
      - {id: deck, task: Sales deck, owner: sales, due: -2w}
      - {id: post, task: Launch post, owner: marketing, due: +0d}
      - {id: retro, task: Retrospective, owner: product, due: +2w}
  tier-2:
    playbook:
      - {id: notes, task: Release notes, owner: product, due: -1d}
`)
	write(t, dir, "people.yaml", `people:
  - {id: ana, name: Ana Ruiz, role: product}
  - {id: raj, name: Raj Iyer, role: marketing}
`)
	write(t, dir, "features.yaml", `features:
  - id: analytics
    title: Product analytics for every workspace, with funnels, cohorts and retention charts
    status: in-progress
    owners: {product: ana, marketing: raj}
    launch: {size: tier-1, date: 2026-12-07, event: "Acme Summit, Berlin", done: [beta]}
  - id: exports
    title: Scheduled exports
    status: planned
    owners: {product: ana}
    target: 2026-12
    launch: {size: tier-2}
  - id: reports
    title: Saved reports
    status: planned
    launch: {size: tier-2, date: 2026-12-09}
`)
	return dir
}

func TestLaunchesCustomTiers(t *testing.T) {
	dir := launchRoadmap(t)
	for _, format := range []string{"table", "md", "json", "ics"} {
		t.Run(format, func(t *testing.T) {
			r := session{wd: dir}.run(t, "launches", "--today", launchesToday, "--format", format)
			r.expect(t, 0)
			golden.Assert(t, "launches/custom-tiers."+format, []byte(r.stdout))
		})
	}
	// The overdue task the table shows is the one validate warns about.
	v := session{wd: dir}.run(t, "validate", "--today", launchesToday)
	if !strings.Contains(v.stdout, "brief (due 2026-10-26)") || !strings.Contains(v.stdout, "[launch-lead-time]") {
		t.Errorf("validate does not warn about the overdue task:\n%s", v.stdout)
	}
}

func TestLaunchesTerminal(t *testing.T) {
	dir := launchRoadmap(t)
	for _, s := range []session{{wd: dir, terminal: true, width: 80}, {wd: dir, terminal: true, width: 72}} {
		r := s.run(t, "launches", "--today", launchesToday)
		r.expect(t, 0)
		if !strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("terminal output is not styled:\n%s", r.stdout)
		}
		for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
			if w := visibleWidth(line); w > s.width {
				t.Errorf("line of %d columns on a %d-column terminal: %q", w, s.width, line)
			}
		}
		for _, state := range []string{"overdue", "due soon", "done", "planned"} {
			if !strings.Contains(r.stdout, state) {
				t.Errorf("width %d: no %q state:\n%s", s.width, state, r.stdout)
			}
		}
		if !strings.Contains(r.stdout, "…") {
			t.Errorf("width %d: long titles are not cut:\n%s", s.width, r.stdout)
		}
	}
	// The example too, at 80 columns.
	r := session{terminal: true, width: 80}.run(t, "launches", "--dir", exampleDir, "--today", launchesToday)
	for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
		if w := visibleWidth(line); w > 80 {
			t.Errorf("line of %d columns on an 80-column terminal: %q", w, line)
		}
	}
	plain := session{wd: dir, terminal: true, width: 80, env: map[string]string{"NO_COLOR": "1"}}.run(t, "launches", "--today", launchesToday)
	if strings.Contains(plain.stdout, "\x1b[") {
		t.Errorf("NO_COLOR output has escape codes")
	}
}

func TestLaunchesErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--feature", "bank-feed"}, `--feature: no feature has id "bank-feed"; did you mean "bank-feeds"?`},
		{[]string{"--feature", "bank-connector-platform"}, "--feature: feature bank-connector-platform has a launch of size none, whose playbook has no tasks"},
		{[]string{"--feature", "bank-rules-import"}, "--feature: feature bank-rules-import is an idea: only planned, in-progress and shipped features have a launch plan"},
		{[]string{"--feature", "apple-watch-app"}, "--feature: feature apple-watch-app is dropped"},
		{[]string{"--from", "2027-02-30"}, `--from: "2027-02-30" is not a date (YYYY-MM-DD): February 2027 has 28 days`},
		{[]string{"--to", "2027-Q1"}, `--to: "2027-Q1" is not a date (YYYY-MM-DD)`},
		{[]string{"--from", "2027-04-01", "--to", "2027-03-31"}, "--from 2027-04-01 is after --to 2027-03-31"},
		{[]string{"--format", "csv"}, `unknown --format "csv"; choose table, md, json, ics`},
		{[]string{"--today", "2026-11-31"}, `--today: "2026-11-31" is not a date`},
		{[]string{"extra"}, `launches takes no arguments (got "extra")`},
	}
	for _, tt := range tests {
		r := pipe.run(t, append([]string{"launches", "--dir", exampleDir}, tt.args...)...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "roadmap: ") || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, r.code, r.stdout, r.stderr, tt.want)
		}
	}
}

func TestLaunchesNothingMatches(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\nfeatures:\n  - {id: a, title: A, status: planned, launch: {size: none}}\n")
	r := session{wd: dir}.run(t, "launches")
	r.expect(t, 0)
	if r.stdout != "" || !strings.Contains(r.stderr, "No launches match.") {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	// -o replaces a file from an earlier run, which must not pass for the answer.
	out := filepath.Join(t.TempDir(), "launches.txt")
	if err := os.WriteFile(out, []byte("OLD\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if o := (session{wd: dir}).run(t, "launches", "-o", out); o.code != 0 || !strings.Contains(o.stderr, "No launches match.") {
		t.Errorf("-o: exit %d, stderr %q", o.code, o.stderr)
	}
	if b, err := os.ReadFile(out); err != nil || len(b) != 0 {
		t.Errorf("-o left %q, %v; want an empty file", b, err)
	}
	j := session{wd: dir}.run(t, "launches", "--format", "json", "--today", launchesToday)
	if !strings.Contains(j.stdout, `"launches": []`) || !strings.Contains(j.stdout, `"undated": []`) {
		t.Errorf("json: %s", j.stdout)
	}
}

// TestLaunchesUnreadableDate: a launch.date that is not a date leaves the
// launch undated and says why.
func TestLaunchesUnreadableDate(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\nfeatures:\n  - {id: a, title: A, status: planned, target: 2027-Q1, launch: {size: small, date: 2027-02-29}}\n")
	r := session{wd: dir}.run(t, "launches", "--feature", "a", "--today", launchesToday)
	r.expect(t, 0)
	if !strings.HasPrefix(r.stdout, "undated") || !strings.Contains(r.stdout, `no launch day: launch.date "2027-02-29" is not a date`) || strings.Contains(r.stdout, "2027-03-31") {
		t.Errorf("stdout %q", r.stdout)
	}
}

func TestLaunchesOutputFile(t *testing.T) {
	dir := t.TempDir()
	s := session{wd: dir}
	base := []string{"launches", "--dir", mustAbs(t, exampleDir), "--today", launchesToday, "--format", "ics"}

	r := s.run(t, append(base, "-o", "launches.ics")...)
	r.expect(t, 0)
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "launches.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if want := s.run(t, base...).stdout; string(got) != want {
		t.Errorf("the file differs from stdout")
	}

	// A failing command leaves the file as it was, and no temporary file.
	if err := os.WriteFile(filepath.Join(dir, "launches.ics"), []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--feature", "no-such-feature"},
		{"--from", "2027-04-01", "--to", "2027-03-31"},
		{"--from", "yesterday"},
	} {
		r := s.run(t, append(append(base, args...), "-o", "launches.ics")...)
		r.expect(t, 2)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "launches.ics")); string(got) != "keep me\n" {
		t.Errorf("a failed command changed the file: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}

	// A folder that does not exist is an environment error.
	r = s.run(t, append(base, "-o", filepath.Join("missing", "launches.ics"))...)
	r.expect(t, 2)
	if !strings.Contains(r.stderr, "cannot write missing/launches.ics: the folder missing does not exist") {
		t.Errorf("stderr: %s", r.stderr)
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestLaunchesHostileText checks that titles cannot break a table's lines or
// send escape codes to the terminal.
func TestLaunchesHostileText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", `product: Acme
launch_tiers:
  big:
    playbook:
      - {id: brief, task: "Brief\e]0;pwned\a\nsecond line", owner: marketing, due: -1w}
features:
  - {id: a, title: "Evil\e[2J\ttitle\r\nsecond line", status: planned, launch: {size: big, date: 2027-01-10}}
`)
	r := session{wd: dir}.run(t, "launches", "--today", launchesToday)
	r.expect(t, 0)
	if strings.ContainsAny(r.stdout, "\x1b\a\r\t") {
		t.Errorf("control characters reach the output: %q", r.stdout)
	}
	for _, want := range []string{"2027-01-10  a  Evil[2J title second line\n", "  2027-01-03  Brief]0;pwned second line  marketing (unassigned)  planned"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestLaunchesWarnsOfEveryError: errors only the whole roadmap can judge
// (launch tiers here) are counted in the warning as validate counts them.
func TestLaunchesWarnsOfEveryError(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", `product: Acme
launch_tiers:
  big:
    playbook:
      - {id: brief, task: Brief, owner: marketing, due: -1w}
features:
  - {id: a, title: A, status: planned, launch: {size: huge, date: 2027-01-10}}
  - {id: b, title: B, status: planned, launch: {size: bigg, date: 2027-01-10}}
`)
	s := session{wd: dir}
	v := s.run(t, "validate")
	errs := strings.Count(v.stdout, ": error: ")
	if v.code != 1 || errs < 2 {
		t.Fatalf("validate: exit %d\n%s", v.code, v.stdout)
	}
	want := fmt.Sprintf("the roadmap has %d error(s)", errs)
	for _, args := range [][]string{{"launches", "--today", launchesToday}, {"list"}, {"align"}, {"prioritize"}} {
		if r := s.run(t, args...); !strings.Contains(r.stderr, want) {
			t.Errorf("%v: stderr %q, want %q", args, r.stderr, want)
		}
	}
}
