package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/render/golden"
	"github.com/northwind-labs/roadmap/roadmap"
)

func TestExportGolden(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "brief.md.tmpl", `# {{.Title}} ({{.Revision}})
{{range .Groups}}
## {{md .Title}}
{{range .Features}}- {{md .Title}}{{with .Target}} ({{.}}){{end}}{{with .Messaging}}: {{md .Value}}{{end}}
{{end}}{{end}}
_{{.Disclaimer}}_
`)
	tests := []struct {
		name string
		args []string
	}{
		{"customers.md", []string{"--audience", "customers"}},
		{"customers.html", []string{"--audience", "customers", "--format", "html"}},
		{"customers.json", []string{"--audience", "customers", "--format", "json"}},
		{"customers.csv", []string{"--audience", "customers", "--format", "csv"}},
		{"internal.md", []string{"--audience", "internal"}},
		{"internal.html", []string{"--audience", "internal", "--format", "html"}},
		{"internal.json", []string{"--audience", "internal", "--format", "json"}},
		{"internal.csv", []string{"--audience", "internal", "--format", "csv"}},
		{"sales.md", []string{"--audience", "sales"}},
		{"sales.csv", []string{"--audience", "sales", "--format", "csv"}},
		{"analysts.md", []string{"--audience", "analysts"}},
		{"analysts.html", []string{"--audience", "analysts", "--format", "html"}},
		{"customers-themes.md", []string{"--level", "themes"}},
		{"customers-themes.html", []string{"--level", "themes", "--format", "html"}},
		{"internal-themes.csv", []string{"--level", "themes", "--audience", "internal", "--format", "csv"}},
		{"customers-template.md", []string{"--template", filepath.Join(dir, "brief.md.tmpl")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"export", "--dir", exampleDir, "--today", "2026-11-23"}, tt.args...)
			r := pipe.run(t, args...)
			r.expect(t, 0)
			if r.stderr != "" {
				t.Errorf("stderr: %s", r.stderr)
			}
			if again := pipe.run(t, args...); again.stdout != r.stdout {
				t.Errorf("output is not deterministic")
			}
			golden.Assert(t, "export/"+tt.name, []byte(r.stdout))
		})
	}
}

func TestExportDefaultsToCustomers(t *testing.T) {
	def := pipe.run(t, "export", "--dir", exampleDir, "--today", "2026-11-23")
	cust := pipe.run(t, "export", "--dir", exampleDir, "--today", "2026-11-23", "--audience", "customers", "--format", "md")
	def.expect(t, 0)
	if def.stdout != cust.stdout {
		t.Errorf("the default export is not the customers Markdown")
	}
}

// TestExportSinceAndDiffAudience renders the plan repository's roadmap at v2
// with what changed since v1, and diff --audience between the tags.
func TestExportSinceAndDiffAudience(t *testing.T) {
	b, _ := planRepo(t)
	s := session{wd: filepath.Join(b.Dir, "src")}
	tests := []struct {
		name string
		args []string
	}{
		{"since-v1-at-v2.md", []string{"export", "--dir", "../plan", "--at", "v2", "--since", "v1", "--audience", "customers"}},
		{"since-v1-at-v2.html", []string{"export", "--dir", "../plan", "--at", "v2", "--since", "v1", "--audience", "customers", "--format", "html"}},
		{"since-v1-at-v2.json", []string{"export", "--dir", "../plan", "--at", "v2", "--since", "v1", "--audience", "internal", "--format", "json"}},
		{"since-v1-at-v2.csv", []string{"export", "--dir", "../plan", "--at", "v2", "--since", "v1", "--audience", "sales", "--format", "csv"}},
		{"diff-v1-v2-customers.text", []string{"diff", "--dir", "../plan", "v1", "v2", "--audience", "customers"}},
		{"diff-v1-v2-internal.md", []string{"diff", "--dir", "../plan", "v1", "v2", "--audience", "internal", "--format", "md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := s.run(t, append(tt.args, "--today", "2026-11-23")...)
			r.expect(t, 0)
			if r.stderr != "" {
				t.Errorf("stderr: %s", r.stderr)
			}
			golden.Assert(t, "export/"+tt.name, []byte(r.stdout))
		})
	}
	// The revisions given the wrong way round read backwards: a warning
	// says which goes where; the same revision twice is no mistake.
	back := s.run(t, "export", "--dir", "../plan", "--at", "v1", "--since", "v2", "--audience", "internal", "--today", "2026-11-23")
	back.expect(t, 0)
	// The command it suggests keeps every other flag given, and the folder.
	if !strings.Contains(back.stderr, "--since v2 comes after --at v1") || !strings.Contains(back.stderr, "roadmap export --at v2 --since v1 --audience internal --today 2026-11-23 --dir ../plan\n") {
		t.Errorf("export --at v1 --since v2: %q", back.stderr)
	}
	if same := s.run(t, "export", "--dir", "../plan", "--at", "v2", "--since", "v2", "--today", "2026-11-23"); same.stderr != "" {
		t.Errorf("export --at v2 --since v2: %q", same.stderr)
	}
	// customers never saw the idea "export", so for them it was never
	// removed; internal saw it go.
	cust := s.run(t, "diff", "--dir", "../plan", "v1", "v2", "--audience", "customers", "--today", "2026-11-23")
	if strings.Contains(cust.stdout, "export") {
		t.Errorf("customers' diff mentions an idea they never saw:\n%s", cust.stdout)
	}
	internal := s.run(t, "diff", "--dir", "../plan", "v1", "v2", "--audience", "internal", "--today", "2026-11-23")
	if !strings.Contains(internal.stdout, "- feature export") {
		t.Errorf("internal diff lacks the removed idea:\n%s", internal.stdout)
	}
	// In the customers' quarter granularity a move inside a quarter is no
	// change.
	b.Write("plan/core.yaml", "features:\n"+strings.Replace(feat("search", "in-progress", "2027-05-20"), "title: Feature search", "title: Feature search", 1)+feat("alerts", "planned", "2027-H2"))
	r := s.run(t, "diff", "--dir", "../plan", "v2", "--audience", "customers", "--today", "2026-11-23", "--exit-code")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "No changes") {
		t.Errorf("a move inside a quarter shows for customers:\n%s", r.stdout)
	}
	s.run(t, "diff", "--dir", "../plan", "v2", "--audience", "internal", "--today", "2026-11-23", "--exit-code").expect(t, 1)
}

func TestExportRefusesErrors(t *testing.T) {
	dir := brokenRoadmap(t)
	s := session{wd: dir}
	out := filepath.Join(dir, "roadmap.html")
	if err := os.WriteFile(out, []byte("the last good export"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"md", "html", "json", "csv"} {
		r := s.run(t, "export", "--format", format)
		r.expect(t, 1)
		want := `features.yaml:4:5: error: unknown key "stauts" in feature search; did you mean "status"? [unknown-field]` + "\n"
		if r.stdout != "" || !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, "roadmap: the roadmap has 1 error; fix it (") {
			t.Errorf("%s: stdout %q stderr %q", format, r.stdout, r.stderr)
		}
		if strings.Contains(r.stderr, "warning") {
			t.Errorf("warnings printed with the errors: %s", r.stderr)
		}
	}
	s.run(t, "export", "--format", "html", "-o", out).expect(t, 1)
	if got, _ := os.ReadFile(out); string(got) != "the last good export" {
		t.Errorf("a refused export touched the output file: %q", got)
	}
	// diff --audience refuses too.
	b, _ := planRepo(t)
	b.Write("plan/core.yaml", "features:\n  - id: search\n    title: Search\n    status: planed\n")
	r := session{wd: b.Dir}.run(t, "diff", "--dir", "plan", "--audience", "customers")
	r.expect(t, 1)
	if r.stdout != "" || !strings.Contains(r.stderr, "plan/core.yaml:4:13: error:") {
		t.Errorf("diff --audience on a broken tree: stdout %q stderr %q", r.stdout, r.stderr)
	}
}

func TestExportUsageErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "bad.tmpl", "{{.Title")
	write(t, dir, "missing.tmpl", "{{.Nope}}")
	out := filepath.Join(dir, "out.md")
	write(t, dir, "out.md", "keep me")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--audience", "custmers"}, `unknown audience "custmers"; audiences are internal, sales, customers, analysts; did you mean "customers"?`},
		{[]string{"--format", "pdf"}, `unknown --format "pdf"`},
		{[]string{"--level", "epics"}, `unknown --level "epics"`},
		{[]string{"--template", filepath.Join(dir, "bad.tmpl"), "--format", "md"}, "exclude each other"},
		{[]string{"--template", filepath.Join(dir, "nope.tmpl")}, "no such file"},
		{[]string{"--template", filepath.Join(dir, "bad.tmpl")}, "unclosed action"},
		{[]string{"--template", filepath.Join(dir, "missing.tmpl"), "-o", out}, "can't evaluate field Nope"},
		{[]string{"--level", "themes", "--since", "HEAD"}, "--level themes"},
		{[]string{"--audience", "nobody", "-o", out}, "unknown audience"},
	} {
		r := pipe.run(t, append([]string{"export", "--dir", exampleDir}, tc.args...)...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: code %d stdout %q stderr %q; want exit 2 with %q", tc.args, r.code, r.stdout, r.stderr, tc.want)
		}
	}
	if got, _ := os.ReadFile(out); string(got) != "keep me" {
		t.Errorf("a failed export touched the output file: %q", got)
	}
	// --since needs the roadmap's git history.
	r := session{wd: hostileRoadmap(t)}.run(t, "export", "--since", "v1")
	if r.code != 2 || !strings.Contains(r.stderr, "not inside a git repository") {
		t.Errorf("--since outside a repository: %d %q", r.code, r.stderr)
	}
}

func TestExportOutputFile(t *testing.T) {
	dir := t.TempDir()
	s := session{wd: dir}
	write(t, dir, "roadmap.html", "old")
	r := s.run(t, "export", "--dir", filepath.Join(mustAbs(t, exampleDir)), "--today", "2026-11-23", "--format", "html", "-o", "roadmap.html")
	r.expect(t, 0)
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "roadmap.html"))
	if err != nil || !strings.HasPrefix(string(got), "<!DOCTYPE html>") {
		t.Errorf("output file: %v %.40q", err, got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// -o names a format the command writes, or a text file; - is stdout; a
	// folder is no file.
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "-o", "r.pdf"}, 2, "report writes .md, .html, .json or .txt (its text output) files, not .pdf"},
		{[]string{"launches", "-o", "x.csv"}, 2, "launches writes .md, .json, .ics or .txt (its table output) files, not .csv"},
		{[]string{"export", "-o", "x.ics"}, 2, "export writes .md, .html, .json, .csv or .txt files, not .ics"},
		{[]string{"export", "-o", "."}, 2, "cannot write .: it is a folder"},
	} {
		r := s.run(t, append(tc.args, "--dir", mustAbs(t, exampleDir))...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	if r := s.run(t, "export", "--dir", mustAbs(t, exampleDir), "--format", "json", "-o", "-"); r.code != 0 || !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("-o - is stdout: exit %d, stdout %.80q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// A folder that does not exist: exit 2, nothing written.
	r = s.run(t, "export", "--dir", mustAbs(t, exampleDir), "-o", "no/such/dir/x.md")
	if r.code != 2 || !strings.Contains(r.stderr, "cannot write no/such/dir/x.md: the folder no/such/dir does not exist") {
		t.Errorf("code %d stderr %q", r.code, r.stderr)
	}
}

// TestOutputNeverReplacesRoadmapFiles: -o refuses a .yaml or .yml file in
// the roadmap folder, existing or new, reached through a linked folder or
// not, for every command that writes files, and a roadmap.yaml anywhere;
// other files there, and YAML in a dot folder loads skip, are fine.
func TestOutputNeverReplacesRoadmapFiles(t *testing.T) {
	dir := copyExample(t)
	outside := t.TempDir()
	if err := os.Symlink(filepath.Join(dir, "features"), filepath.Join(outside, "linked")); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(filepath.Join(dir, "features", "banking.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := session{wd: dir}
	const inFolder, marks = "is in the roadmap folder", "a file named roadmap.yaml marks a roadmap folder"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "md", "-o", "features/banking.yaml"}, inFolder},
		{[]string{"export", "--format", "json", "-o", "roadmap.yaml"}, marks},
		{[]string{"export", "--format", "md", "-o", "features/new.yml"}, inFolder},
		{[]string{"export", "--format", "md", "-o", "FEATURES/../features/Banking.YAML"}, inFolder},
		{[]string{"export", "--format", "md", "-o", filepath.Join(outside, "linked", "banking.yaml")}, inFolder},
		{[]string{"launches", "--format", "ics", "-o", "campaigns.yaml"}, inFolder},
		// Above the roadmap folder, a roadmap.yaml would make the folder
		// it lands in the roadmap for commands run there.
		{[]string{"export", "--format", "json", "-o", "../roadmap.yaml"}, marks},
		{[]string{"export", "--format", "json", "-o", filepath.Join(outside, "roadmap.yaml")}, marks},
		{[]string{"export", "--format", "json", "-o", filepath.Join(outside, "Roadmap.YAML")}, marks},
	} {
		r := s.run(t, append(tt.args, "--today", "2026-11-23")...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "roadmap.yaml")); err == nil {
		t.Error("../roadmap.yaml was written")
	}
	after, err := os.ReadFile(filepath.Join(dir, "features", "banking.yaml"))
	if err != nil || string(after) != string(before) {
		t.Errorf("features/banking.yaml changed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "features", "new.yml")); err == nil {
		t.Error("features/new.yml was written")
	}
	// A folder whose name starts with a dot is no part of the roadmap.
	if err := os.Mkdir(filepath.Join(dir, ".drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"board.md", filepath.Join(outside, "export.yaml"), ".drafts/export.yaml"} {
		if r := s.run(t, "export", "--today", "2026-11-23", "--format", "md", "-o", out); r.code != 0 {
			t.Errorf("-o %s: exit %d, stderr %q", out, r.code, r.stderr)
		}
	}
}

// TestHTMLTemplatesEscape: a template whose name or output says HTML escapes
// every value; board.html.tmpl, the help's own example, among them.
func TestHTMLTemplatesEscape(t *testing.T) {
	dir := hostileRoadmap(t)
	tmpl := "<h1>{{.Product}}</h1>\n"
	for _, name := range []string{"board.html.tmpl", "board.HTM", "board.gohtml", "board.html.tpl"} {
		write(t, dir, name, tmpl)
	}
	write(t, dir, "board.tmpl", tmpl)
	s := session{wd: dir}
	run := func(args ...string) string {
		t.Helper()
		r := s.run(t, append([]string{"export", "--audience", "internal", "--today", "2026-11-23"}, args...)...)
		r.expect(t, 0)
		return r.stdout
	}
	escaped := "<h1>&lt;b&gt;Acme&lt;/b&gt;</h1>\n"
	for _, name := range []string{"board.html.tmpl", "board.HTM", "board.gohtml", "board.html.tpl"} {
		if got := run("--template", name); got != escaped {
			t.Errorf("%s: %q, want %q", name, got, escaped)
		}
	}
	run("--template", "board.tmpl", "-o", "board.html")
	if got, err := os.ReadFile(filepath.Join(dir, "board.html")); err != nil || string(got) != escaped {
		t.Errorf("board.tmpl written to board.html: %q %v", got, err)
	}
	if got := run("--template", "board.tmpl"); got != "<h1><b>Acme</b></h1>\n" {
		t.Errorf("a text template changed the value: %q", got)
	}
}

// hostileRoadmap has values that would run as a formula, break a Markdown
// table, inject HTML or a script URL.
func hostileRoadmap(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", `product: "<b>Acme</b>"
audiences:
  customers:
    fields: [title, summary, theme, target, status, messaging, description, tags]
  internal:
    group_by: theme
lint:
  rules:
    feature-without-objective: off
    missing-scores: off
`)
	write(t, dir, "features.yaml", `themes:
  - id: core
    title: "Core</h2><script>alert(1)</script>"
    description: "a | b\n| --- |"
    color: "#123456"
features:
  - id: formula
    title: "=HYPERLINK(\"http://evil.example\",\"click\")"
    summary: "+1 | two | three\nnext line"
    description: "@SUM(A1:A2) <img src=x onerror=alert(1)> [link](javascript:alert(1))"
    status: planned
    theme: core
    target: 2027-Q1
    visibility: public
    messaging:
      value: "-2 <script>alert('value')</script>"
    tags: ["\tTAB", "\rCR"]
    links: ["javascript:alert(1)", "https://ok.example/a?b=1&c=2"]
`)
	return dir
}

func TestExportEscapesHostileValues(t *testing.T) {
	s := session{wd: hostileRoadmap(t)}
	html := s.run(t, "export", "--format", "html", "--today", "2026-11-23", "--audience", "internal")
	html.expect(t, 0)
	for _, bad := range []string{"<script", "<img", "<b>Acme", `href="javascript`, "<h2><script"} {
		if strings.Contains(html.stdout, bad) {
			t.Errorf("html holds %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Acme&lt;/b&gt;", `href="#ZgotmplZ"`, `href="https://ok.example/a?b=1&amp;c=2"`} {
		if !strings.Contains(html.stdout, want) {
			t.Errorf("html lacks %q", want)
		}
	}

	c := s.run(t, "export", "--format", "csv", "--today", "2026-11-23", "--audience", "internal")
	c.expect(t, 0)
	rows, err := csv.NewReader(strings.NewReader(c.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell a spreadsheet would run: %q", cell)
			}
		}
	}
	if !strings.Contains(c.stdout, `'=HYPERLINK(""http://evil.example"",""click"")`) {
		t.Errorf("formula not neutralised:\n%s", c.stdout)
	}

	md := s.run(t, "export", "--today", "2026-11-23", "--audience", "customers")
	md.expect(t, 0)
	live := regexp.MustCompile(`(^|[^\\])(<|\]\()`)
	header := -1
	for _, line := range strings.Split(md.stdout, "\n") {
		if m := live.FindString(strings.ReplaceAll(line, "<br>", " ")); m != "" {
			t.Errorf("markdown line holds live HTML or a link: %q", line)
		}
		if !strings.HasPrefix(line, "|") {
			header = -1
			continue
		}
		// Every row of a table has as many unescaped pipes as its header.
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if header < 0 {
			header = n
		} else if n != header {
			t.Errorf("table row with %d separators, header %d: %q", n, header, line)
		}
	}
	if !strings.Contains(md.stdout, `+1 \| two \| three<br>next line`) {
		t.Errorf("pipes and line breaks not escaped:\n%s", md.stdout)
	}
}

// TestExportColorsAreChecked: a theme colour that is not #rrggbb never
// reaches the page, even from a roadmap export would refuse for it.
func TestExportColorsAreChecked(t *testing.T) {
	dir := hostileRoadmap(t)
	text, _ := os.ReadFile(filepath.Join(dir, "features.yaml"))
	write(t, dir, "features.yaml", strings.Replace(string(text), `color: "#123456"`, `color: "red;background:url(https://tracker.example/x)"`, 1))
	if r := (session{wd: dir}).run(t, "export", "--format", "html", "--today", "2026-11-23"); r.code != 1 || !strings.Contains(r.stderr, "color") {
		t.Errorf("export of a malformed colour: exit %d, stderr %q", r.code, r.stderr)
	}
	r, err := roadmap.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	pol, err := r.Audience("internal")
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := render.WriteExportHTML(&page, r.View(pol, roadmap.ViewOptions{Today: roadmap.DateOf(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "Core") || strings.Contains(page.String(), "tracker.example") || strings.Contains(page.String(), "url(") {
		t.Errorf("a malformed colour reached the page, or the theme is missing")
	}
}
