package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/northwind-labs/roadmap/render/golden"
)

// TestValidateCodeQuality: GitLab's Code Quality report, with paths from the
// repository root, the exit code of validate, and no findings as [].
func TestValidateCodeQuality(t *testing.T) {
	dir := brokenRoadmap(t)
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "docs")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	s := session{wd: sub}
	r := s.run(t, "validate", "--dir", "..", "--format", "codequality")
	r.expect(t, 1)
	if again := s.run(t, "validate", "--dir", "..", "--format", "codequality"); again.stdout != r.stdout {
		t.Errorf("output is not deterministic")
	}
	golden.Assert(t, "validate/broken.codequality", []byte(r.stdout))

	var issues []struct {
		Description string `json:"description"`
		CheckName   string `json:"check_name"`
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path  string `json:"path"`
			Lines struct {
				Begin int `json:"begin"`
			} `json:"lines"`
		} `json:"location"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &issues); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if is.Description == "" || is.CheckName == "" || is.Location.Path == "" || is.Location.Lines.Begin < 1 {
			t.Errorf("incomplete issue: %+v", is)
		}
		if is.Severity != "major" && is.Severity != "minor" {
			t.Errorf("severity %q", is.Severity)
		}
		if seen[is.Fingerprint] {
			t.Errorf("fingerprint %s twice", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}

	clean := pipe.run(t, "validate", "--dir", exampleDir, "--format", "codequality")
	clean.expect(t, 0)
	if clean.stdout != "[]\n" {
		t.Errorf("a clean roadmap: %q", clean.stdout)
	}
}
