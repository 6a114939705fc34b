package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/render/golden"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

// alignDir is a roadmap where each kind of disagreement appears once.
var alignDir = filepath.Join("..", "..", "testdata", "align")

func TestAlign(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"fixture.text", []string{"--dir", alignDir}},
		{"fixture.md", []string{"--dir", alignDir, "--format", "md"}},
		{"fixture.json", []string{"--dir", alignDir, "--format", "json"}},
		{"northwind.text", []string{"--dir", exampleDir}},
		{"northwind.md", []string{"--dir", exampleDir, "--format", "md"}},
		{"northwind.json", []string{"--dir", exampleDir, "--format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pipe.run(t, append([]string{"align"}, tt.args...)...)
			r.expect(t, 0)
			if r.stderr != "" {
				t.Errorf("stderr: %s", r.stderr)
			}
			if again := pipe.run(t, append([]string{"align"}, tt.args...)...); again.stdout != r.stdout {
				t.Errorf("output is not deterministic")
			}
			golden.Assert(t, "align/"+tt.name, []byte(r.stdout))
		})
	}
}

func TestAlignEachKindOnce(t *testing.T) {
	r := pipe.run(t, "align", "--dir", alignDir, "--format", "json")
	r.expect(t, 0)
	var doc struct {
		Kind          string `json:"kind"`
		Disagreements []struct {
			Kind string `json:"kind"`
		} `json:"disagreements"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, d := range doc.Disagreements {
		kinds = append(kinds, d.Kind)
	}
	want := "launch-without-campaign feature-not-ready launch-slipped launch-outside-window objective-product-only objective-marketing-only launch-unsized"
	if doc.Kind != "align" || strings.Join(kinds, " ") != want {
		t.Errorf("kind %q, disagreements %v; want each kind once: %s", doc.Kind, kinds, want)
	}
}

func TestAlignExitCode(t *testing.T) {
	pipe.run(t, "align", "--dir", alignDir, "--exit-code").expect(t, 1)
	r := pipe.run(t, "align", "--dir", exampleDir, "--exit-code")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "The product and marketing plans agree.") {
		t.Errorf("stdout: %s", r.stdout)
	}
	for _, args := range [][]string{
		{"align", "--dir", alignDir, "--format", "csv"},
		{"align", "--dir", alignDir, "extra"},
		{"align", "--dir", alignDir, "--today", "tomorrow"},
	} {
		r := pipe.run(t, args...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "roadmap: ") {
			t.Errorf("%v: code %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestAlignTerminal(t *testing.T) {
	styled := session{terminal: true, width: 80}.run(t, "align", "--dir", alignDir)
	styled.expect(t, 0)
	if !strings.Contains(styled.stdout, "\x1b[") {
		t.Errorf("terminal output is not styled")
	}
	plain := pipe.run(t, "align", "--dir", alignDir)
	if strings.Contains(plain.stdout, "\x1b[") {
		t.Errorf("piped output has escape codes")
	}
	for name, out := range map[string]string{"styled": styled.stdout, "piped": plain.stdout} {
		for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if w := visibleWidth(line); w > 80 {
				t.Errorf("%s: line of %d columns: %q", name, w, line)
			}
		}
	}
	narrow := session{terminal: true, width: 50, env: map[string]string{"NO_COLOR": "1"}}.run(t, "align", "--dir", alignDir)
	for _, line := range strings.Split(strings.TrimRight(narrow.stdout, "\n"), "\n") {
		if w := visibleWidth(line); w > 50 {
			t.Errorf("line of %d columns on a 50-column terminal: %q", w, line)
		}
	}
	if strings.Contains(narrow.stdout, "\x1b[") {
		t.Errorf("NO_COLOR output has escape codes")
	}
}

// TestAlignAt reads the plans of a revision: the disagreement committed in v1
// is gone from the working tree but align --at v1 still reports it.
func TestAlignAt(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\n")
	b.Write("features.yaml", "features:\n  - {id: sso, title: SSO, status: planned, target: 2027-Q1, launch: {size: large}}\n")
	b.Write("campaigns.yaml", "campaigns:\n  - {id: winter, title: Winter, status: planned, features: [sso], end: 2027-02-28}\n")
	b.Tag("v1", b.Commit("Raj Iyer", "Winter campaign for SSO"))
	b.Write("campaigns.yaml", "campaigns:\n  - {id: winter, title: Winter, status: planned, features: [sso], end: 2027-03-31}\n")
	s := session{wd: b.Dir}
	now := s.run(t, "align", "--format", "json")
	now.expect(t, 0)
	if strings.Contains(now.stdout, "launch-outside-window") {
		t.Errorf("working tree: %s", now.stdout)
	}
	then := s.run(t, "align", "--at", "v1", "--today", "2026-12-01")
	then.expect(t, 0)
	for _, want := range []string{"on 2026-12-01", "Launches outside their campaign's window (1)", "after campaign winter ends"} {
		if !strings.Contains(then.stdout, want) {
			t.Errorf("align --at v1 lacks %q:\n%s", want, then.stdout)
		}
	}
}

// TestAlignHostileText: titles with escape codes and line breaks stay on
// their line and out of the terminal's control; Markdown escapes them.
func TestAlignHostileText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: \"Acme\\e]0;pwned\\a\"\n")
	write(t, dir, "features.yaml", "features:\n  - {id: sso, title: \"Evil\\e[31m red\\nsecond | line\", status: planned, target: 2027-01, launch: {size: large}}\n")
	write(t, dir, "campaigns.yaml", "campaigns:\n  - {id: winter, title: \"<script>x</script>\", status: running}\n")
	text := session{wd: dir}.run(t, "align")
	text.expect(t, 0)
	if strings.ContainsAny(text.stdout, "\x1b\a") || !strings.Contains(text.stdout, "feature    sso  Evil[31m red second | line") {
		t.Errorf("text:\n%q", text.stdout)
	}
	md := session{wd: dir}.run(t, "align", "--format", "md")
	md.expect(t, 0)
	if strings.Contains(md.stdout, "\x1b") || !strings.Contains(md.stdout, `Evil\[31m red<br>second \| line`) {
		t.Errorf("md:\n%q", md.stdout)
	}
}

// TestAlignDoesNotVouchForWhatItCannotRead: a launch size written Large
// reads as unset, so the feature drops out of every launch check. Align says
// so instead of a plain all clear, and --exit-code fails.
func TestAlignDoesNotVouchForWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\n")
	write(t, dir, "features.yaml", `features:
  - id: feeds
    title: Feeds
    status: planned
    target: 2026-12
    launch:
      size: Large
`)
	r := session{wd: dir}.run(t, "align", "--today", "2026-11-23")
	r.expect(t, 0)
	if !strings.Contains(strings.Join(strings.Fields(r.stdout), " "), "agree as far as they could be read. One value or file of the roadmap could not be read, so there may be disagreements.") {
		t.Errorf("stdout: %s", r.stdout)
	}
	// The warning names the value, where it is, for the user to fix it.
	if !strings.Contains(r.stderr, "these read as unset") || !strings.Contains(r.stderr, "\n  features.yaml:7:13: error: launch.size of feature feeds is \"Large\"") {
		t.Errorf("stderr: %s", r.stderr)
	}
	pipe.run(t, "align", "--dir", dir, "--today", "2026-11-23", "--exit-code").expect(t, 1)
	// An error that leaves every value read (a rule misspelt in lint.rules)
	// is not one align cannot vouch for.
	other := t.TempDir()
	write(t, other, "roadmap.yaml", "product: Acme\nlint:\n  rules:\n    stale-targt: warning\n")
	write(t, other, "features.yaml", "features:\n  - {id: feeds, title: Feeds, status: idea}\n")
	o := pipe.run(t, "align", "--dir", other, "--today", "2026-11-23", "--exit-code")
	o.expect(t, 0)
	if !strings.Contains(o.stderr, "1 error(s)") || strings.Contains(o.stderr, "unset") || !strings.Contains(o.stdout, "The product and marketing plans agree.") {
		t.Errorf("a lint.rules typo:\n%s%s", o.stdout, o.stderr)
	}
	j := pipe.run(t, "align", "--dir", dir, "--today", "2026-11-23", "--format", "json")
	var got struct{ Unread int }
	if err := json.Unmarshal([]byte(j.stdout), &got); err != nil || got.Unread != 1 {
		t.Errorf("json unread %d (%v): %s", got.Unread, err, j.stdout)
	}
}

// TestWarningsNameFiveUnreadValues: the warning of a read command names the
// first five values it could not read, and counts the rest.
func TestWarningsNameFiveUnreadValues(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\n")
	var b strings.Builder
	b.WriteString("features:\n")
	for i := range 7 {
		fmt.Fprintf(&b, "  - id: f%d\n    title: F\n    status: shiped\n", i)
	}
	write(t, dir, "features.yaml", b.String())
	r := session{wd: dir}.run(t, "list")
	r.expect(t, 0)
	if n := strings.Count(r.stderr, "\n  features.yaml:"); n != 5 || !strings.Contains(r.stderr, "\n  and 2 more\n") {
		t.Errorf("%d named:\n%s", n, r.stderr)
	}
}
