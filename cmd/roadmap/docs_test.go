package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
)

var (
	docsDir     = filepath.Join("..", "..", "docs")
	fixturesDir = filepath.Join("..", "..", "testdata", "rules")
)

func generated(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := generateDocs(os.DirFS(fixturesDir))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDocsAreCurrent fails when the committed reference docs are not what the
// code generates: a command, flag, help text or rule changed without
// `make docs`.
func TestDocsAreCurrent(t *testing.T) {
	files := generated(t)
	var stale []string
	for _, name := range sortedNames(files) {
		got, err := os.ReadFile(filepath.Join(docsDir, filepath.FromSlash(name)))
		switch {
		case err != nil:
			stale = append(stale, "docs/"+name+" is missing")
		case !bytes.Equal(got, files[name]):
			stale = append(stale, "docs/"+name+" differs")
		}
	}
	for _, folder := range docFolders {
		err := filepath.WalkDir(filepath.Join(docsDir, folder), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(docsDir, p)
			if err != nil {
				return err
			}
			if _, ok := files[filepath.ToSlash(rel)]; !ok {
				stale = append(stale, "docs/"+filepath.ToSlash(rel)+" is no longer generated")
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if len(stale) > 0 {
		t.Errorf("docs are stale: run make docs\n  %s", strings.Join(stale, "\n  "))
	}
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func TestDocsAreDeterministic(t *testing.T) {
	a, b := generated(t), generated(t)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, text := range a {
		if !bytes.Equal(text, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestDocsContent(t *testing.T) {
	files := generated(t)
	for _, want := range []string{
		"commands/roadmap.md", "commands/roadmap_validate.md", "man/roadmap.1", "man/roadmap-validate.1",
		"completions/roadmap.bash", "completions/_roadmap", "completions/roadmap.fish", "rules/README.md",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s among %v", want, sortedNames(files))
		}
	}
	for name, text := range files {
		if strings.Contains(name, "gen-docs") || strings.Contains(name, "gen_docs") || bytes.Contains(text, []byte("gen-docs")) {
			t.Errorf("%s documents the hidden gen-docs command", name)
		}
		if bytes.Contains(text, []byte("Auto generated")) {
			t.Errorf("%s is stamped with cobra's generation note", name)
		}
	}
	// Man pages carry no date: .TH title, section, then an empty date.
	if man := string(files["man/roadmap-validate.1"]); !strings.Contains(man, `.TH "ROADMAP-VALIDATE" "1" "" "roadmap" "roadmap manual"`) {
		t.Errorf("man page header:\n%s", firstLines(man, 3))
	}
	if !bytes.HasPrefix(files["completions/_roadmap"], []byte("#compdef roadmap")) {
		t.Errorf("zsh completion does not start with #compdef:\n%s", firstLines(string(files["completions/_roadmap"]), 2))
	}

	// The page of a rule: severity, summary, documentation, the example
	// fixture named as validate would name it, and how to silence it.
	page := string(files["rules/stale-target.md"])
	for _, want := range []string{
		"# stale-target\n",
		"Default severity: **warning**. Fires when a target has ended",
		roadmap.RuleByID("stale-target").Doc,
		"A roadmap folder holding this `roadmap.yaml`:\n\n```yaml\n# Today is 2026-11-23.",
		"`roadmap validate --today 2026-11-23`",
		"roadmap.yaml:5:58: warning: target 2026-Q3 of feature search ended on 2026-09-30",
		"    stale-target: error   # error, warning or off\n",
		"# roadmap:ignore stale-target ",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("stale-target.md lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "ended.yaml") {
		t.Errorf("stale-target.md names the fixture file, not roadmap.yaml:\n%s", page)
	}
	index := string(files["rules/README.md"])
	for _, r := range roadmap.Rules {
		if !strings.Contains(index, "| ["+r.ID+"]("+r.ID+".md) | "+string(r.Severity)+" |") {
			t.Errorf("rules/README.md lacks a row for %s", r.ID)
		}
	}
}

// TestRuleExampleFromFolder: the first fixture that fires is the example; a
// folder shows each of its files, roadmap.yaml first.
func TestRuleExampleFromFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "r/a/roadmap.yaml", "product: Acme\n")
	write(t, dir, "r/a/features/x.yaml", "features: [\n")
	write(t, dir, "r/a.out", "features/x.yaml:1:11: error: oops [r]\n")
	write(t, dir, "r/0-clean.yaml", "product: Acme\n")
	write(t, dir, "r/0-clean.out", "")
	ex, err := ruleExample(os.DirFS(dir), "r")
	if err != nil || ex == nil {
		t.Fatalf("%v %v", ex, err)
	}
	var paths []string
	for _, f := range ex.Files {
		paths = append(paths, f.Path)
	}
	if !slices.Equal(paths, []string{"roadmap.yaml", "features/x.yaml"}) || ex.Findings != "features/x.yaml:1:11: error: oops [r]\n" {
		t.Errorf("example from a folder: %v %q", paths, ex.Findings)
	}
	if ex, err := ruleExample(os.DirFS(dir), "no-such-rule"); ex != nil || err != nil {
		t.Errorf("a rule without fixtures: %v %v", ex, err)
	}
}

// TestSARIFLinksRuleDocs keeps the helpUri of every rule in SARIF reports
// pointing at a page the docs have.
func TestSARIFLinksRuleDocs(t *testing.T) {
	files := generated(t)
	for _, r := range roadmap.Rules {
		p := render.RuleDocPath(r.ID)
		if _, ok := files[strings.TrimPrefix(p, "docs/")]; !ok || !strings.HasPrefix(p, "docs/") {
			t.Errorf("SARIF links rule %s to %s, which the docs do not have", r.ID, p)
		}
	}
}

func TestGenDocsCommand(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "docs/format.md", "kept\n")
	write(t, dir, "docs/commands/roadmap_gone.md", "a command that is gone\n")
	r := pipe.run(t, "gen-docs", "--fixtures", fixturesDir, filepath.Join(dir, "docs"))
	r.expect(t, 0)
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	files := generated(t)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, "docs", filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("gen-docs wrote %s differently from generateDocs (%v)", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "docs", "commands", "roadmap_gone.md")); !os.IsNotExist(err) {
		t.Errorf("the page of a command that is gone is still there: %v", err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "docs", "format.md")); err != nil || string(got) != "kept\n" {
		t.Errorf("gen-docs touched docs/format.md: %q %v", got, err)
	}

	help := pipe.run(t, "--help")
	if strings.Contains(help.stdout, "gen-docs") {
		t.Errorf("roadmap --help shows the hidden gen-docs:\n%s", help.stdout)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// TestMakeTestFuzzesEveryFuzzTest: `make test` runs a short pass of each
// fuzz test in the module, so none is written and then never run in CI.
func TestMakeTestFuzzesEveryFuzzTest(t *testing.T) {
	root := filepath.Join("..", "..")
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return err
		}
		text, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		pkg := "./" + filepath.ToSlash(rel)
		for line := range strings.Lines(string(text)) {
			name, ok := strings.CutPrefix(line, "func Fuzz")
			if !ok {
				continue
			}
			name = "Fuzz" + name[:strings.IndexByte(name, '(')]
			found++
			target := pkg + ":" + name
			if !slices.ContainsFunc(strings.Fields(string(makefile)), func(f string) bool { return f == target || strings.HasPrefix(f, target+":") }) {
				t.Errorf("the Makefile's FUZZ_TARGETS lacks %s:%s", pkg, name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 10 {
		t.Errorf("found only %d fuzz tests", found)
	}
}
