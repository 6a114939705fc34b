package roadmap_test

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

var (
	benchOnce sync.Once
	benchDir  string
)

// benchRoadmap writes a generated roadmap of 10,000 features in 200 files to a
// temporary folder once per test binary.
func benchRoadmap(b *testing.B) fs.FS {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "roadmap-bench-")
		if err != nil {
			b.Fatal(err)
		}
		for p, f := range gen.Roadmap(gen.Options{Features: 10000, Files: 200, Seed: 1}) {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(full, f.Data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		benchDir = dir
	})
	return os.DirFS(benchDir)
}

// BenchmarkReadDecode is reading every file and decoding it into nodes with
// the YAML library, one file after another: what validate cost before
// parseBlock read block-style files without the library.
func BenchmarkReadDecode(b *testing.B) {
	fsys := benchRoadmap(b)
	paths, _ := fs.Glob(fsys, "*.yaml")
	more, _ := fs.Glob(fsys, "features/*.yaml")
	paths = append(paths, more...)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paths {
			text, err := fs.ReadFile(fsys, p)
			if err != nil {
				b.Fatal(err)
			}
			var n yaml.Node
			if err := yaml.NewDecoder(bytes.NewReader(text)).Decode(&n); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkValidate is `roadmap validate` end to end: load, every rule, and
// the text report.
func BenchmarkValidate(b *testing.B) {
	fsys := benchRoadmap(b)
	b.ReportAllocs()
	for b.Loop() {
		r, err := roadmap.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		fs := roadmap.Check(r, roadmap.Options{Today: fixtureToday})
		if err := (render.Output{}).WriteFindingsText(io.Discard, render.Findings{Findings: fs, Files: len(r.Files)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad is reading and decoding every file of the 10,000-feature
// roadmap, which every command does before anything else.
func BenchmarkLoad(b *testing.B) {
	fsys := benchRoadmap(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := roadmap.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
