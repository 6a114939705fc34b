package roadmap_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/northwind-labs/roadmap/render/golden"
	"github.com/northwind-labs/roadmap/roadmap"
)

// fixtureToday is the date every fixture is checked on.
var fixtureToday = mustDate("2026-11-23")

func mustDate(s string) roadmap.Date {
	d, err := roadmap.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestRuleFixtures runs every fixture under testdata/rules/<rule>/: a file
// case.yaml is the roadmap.yaml of a one-file roadmap; a folder case/ is a whole
// roadmap. case.out beside it lists the findings of <rule>, one a line, sorted.
func TestRuleFixtures(t *testing.T) {
	dirs, err := os.ReadDir("../testdata/rules")
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, d := range dirs {
		rule := d.Name()
		if roadmap.RuleByID(rule) == nil {
			t.Errorf("testdata/rules/%s names no rule", rule)
			continue
		}
		base := filepath.Join("../testdata/rules", rule)
		entries, err := os.ReadDir(base)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if !e.IsDir() && !strings.HasSuffix(name, ".yaml") {
				continue
			}
			caseName := strings.TrimSuffix(name, ".yaml")
			t.Run(rule+"/"+caseName, func(t *testing.T) {
				got := fixtureFindings(t, filepath.Join(base, name), e.IsDir(), rule)
				if strings.TrimSpace(got) != "" {
					covered[rule] = true
				}
				outPath := filepath.Join(base, caseName+".out")
				if golden.Updating() {
					if err := os.WriteFile(outPath, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(outPath)
				if err != nil {
					t.Fatalf("%v (run go test ./roadmap -run TestRuleFixtures -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("findings of %s differ\n--- got\n%s--- want\n%s", rule, got, want)
				}
			})
		}
	}
	for _, r := range roadmap.Rules {
		if !covered[r.ID] {
			t.Errorf("rule %s has no fixture under testdata/rules/%s that makes it fire", r.ID, r.ID)
		}
	}
}

func fixtureFindings(t *testing.T, path string, isDir bool, rule string) string {
	t.Helper()
	var fsys fs.FS
	display := func(p string) string { return p }
	if isDir {
		fsys = os.DirFS(path)
	} else {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fsys = fstest.MapFS{"roadmap.yaml": {Data: text}}
		display = func(string) string { return filepath.Base(path) }
	}
	r, err := roadmap.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range roadmap.Check(r, roadmap.Options{Today: fixtureToday}) {
		if f.Rule == rule {
			if !isDir {
				f.Message = strings.ReplaceAll(f.Message, "roadmap.yaml:", display("")+":")
			}
			f.Path = display(f.Path)
			b.WriteString(f.String() + "\n")
		}
	}
	return b.String()
}
