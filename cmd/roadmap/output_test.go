package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

// TestEveryCommandWritesAFile: the commands that print take -o as export
// does: the same bytes as stdout, the format from the file's extension, the
// file written even when validate exits 1 with findings (CI uploads the
// SARIF then), and left as it was on a usage error.
func TestEveryCommandWritesAFile(t *testing.T) {
	broken := brokenRoadmap(t)
	out := t.TempDir()
	tests := []struct {
		args []string
		file string
		code int
		want string // in the file, where the format shows
	}{
		{[]string{"validate", "--dir", broken}, "findings.sarif", 1, `"version": "2.1.0"`},
		{[]string{"validate", "--dir", broken, "--format", "json"}, "findings.txt", 1, `"kind": "findings"`},
		{[]string{"list", "--dir", exampleDir}, "features.csv", 0, "id,title,status"},
		{[]string{"prioritize", "--dir", exampleDir}, "ranking.md", 0, "| rank | id |"},
		{[]string{"align", "--dir", exampleDir}, "align.json", 0, `"kind": "align"`},
		{[]string{"rules"}, "rules.md", 0, "| rule | severity |"},
		{[]string{"schema"}, "roadmap.schema.json", 0, `"$schema"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " ")+" -o "+tt.file, func(t *testing.T) {
			args := append(append([]string{}, tt.args...), "--today", "2026-11-23")
			if tt.args[0] == "rules" || tt.args[0] == "schema" {
				args = tt.args
			}
			path := filepath.Join(out, tt.file)
			r := pipe.run(t, append(args, "-o", path)...)
			r.expect(t, tt.code)
			if r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("the file lacks %q:\n%.400s", tt.want, got)
			}
			// Given the format, stdout holds the same bytes.
			format := strings.TrimPrefix(filepath.Ext(tt.file), ".")
			if format == "txt" {
				return
			}
			if tt.args[0] != "schema" {
				args = append(args, "--format", format)
			}
			if direct := pipe.run(t, args...); direct.stdout != string(got) {
				t.Errorf("-o wrote other bytes than stdout shows")
			}
		})
	}
	// A file named for a format the command does not write is refused, and
	// an existing file is left as it was.
	keep := filepath.Join(out, "findings.pdf")
	if err := os.WriteFile(keep, []byte("the last report"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := pipe.run(t, "validate", "--dir", broken, "-o", keep)
	if r.code != 2 || !strings.Contains(r.stderr, "validate writes") {
		t.Errorf("-o findings.pdf: %d %q", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(keep); string(got) != "the last report" {
		t.Errorf("the file was changed: %q", got)
	}
	// A usage error, or a refusal that printed nothing (exit 1), leaves the
	// file as it was.
	kept := filepath.Join(out, "kept.txt")
	if err := os.WriteFile(kept, []byte("the last report"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = pipe.run(t, "list", "--dir", exampleDir, "--status", "shiped", "-o", kept)
	if r.code != 2 {
		t.Errorf("list --status shiped: %d %q", r.code, r.stderr)
	}
	formula := t.TempDir()
	write(t, formula, "roadmap.yaml", "product: Acme\nscoring:\n  model: formula\n  formula: reach * (impact\n")
	write(t, formula, "features.yaml", "features:\n  - {id: a, title: A, status: idea, scores: {reach: 1, impact: 1}}\n")
	r = pipe.run(t, "prioritize", "--dir", formula, "-o", kept)
	if r.code != 1 {
		t.Errorf("prioritize with a formula that does not compile: %d %q", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(kept); string(got) != "the last report" {
		t.Errorf("the file was changed: %q", got)
	}
	// schema, which has no --format, writes .json (or .txt) files, and its
	// refusal of another does not offer a --format it lacks.
	if r := pipe.run(t, "schema", "-o", filepath.Join(out, "schema.pdf")); r.code != 2 || strings.Contains(r.stderr, "--format") || !strings.Contains(r.stderr, "schema writes .json or .txt files") {
		t.Errorf("schema -o schema.pdf: %d %q", r.code, r.stderr)
	}
}

// TestDiffWritesWhatItPrintedWhenItCannotTell: a diff with a side that does
// not parse prints the changes it can see and exits 2 with --exit-code; -o
// writes them all the same, as stdout shows them.
func TestDiffWritesWhatItPrintedWhenItCannotTell(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: idea}\n")
	b.Write("more.yaml", "features:\n  - {id: feeds, title: Feeds, status: idea}\n")
	b.Commit("Ana", "Start")
	write(t, b.Dir, "roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: planned}\n")
	write(t, b.Dir, "more.yaml", "features: [\n")
	s := session{wd: b.Dir}
	direct := s.run(t, "diff", "--exit-code", "--format", "md")
	direct.expect(t, 2)
	path := filepath.Join(t.TempDir(), "diff.md")
	r := s.run(t, "diff", "--exit-code", "-o", path)
	r.expect(t, 2)
	got, err := os.ReadFile(path)
	if err != nil || r.stdout != "" || string(got) != direct.stdout || !strings.Contains(direct.stdout, "search") {
		t.Errorf("diff -o (%v): stdout %q, file:\n%s\nwant what stdout shows:\n%s", err, r.stdout, got, direct.stdout)
	}
}
