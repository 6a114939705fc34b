package roadmap_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/northwind-labs/roadmap/roadmap"
)

// seedExamples adds every file of the bundled Northwind roadmap to a corpus.
func seedExamples(f *testing.F, add func(text []byte)) {
	paths, _ := filepath.Glob("../examples/northwind/*.yaml")
	more, _ := filepath.Glob("../examples/northwind/*/*.yaml")
	for _, p := range append(paths, more...) {
		text, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		add(text)
	}
}

// FuzzParseDocument: any bytes give findings with positions, never a panic.
func FuzzParseDocument(f *testing.F) {
	seedExamples(f, func(text []byte) { f.Add(text) })
	f.Add([]byte("features: [{id: a, <<: {title: b}}]"))
	f.Add([]byte("a: &a [*a]"))
	f.Add([]byte("features:\n  - id: a\n    share_with: &x [*x]\n"))
	f.Add([]byte("features:\n  - id: x\n    launch: {size: large, date: 2027-02-30}\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		_, findings := roadmap.ParseDocument("roadmap.yaml", text)
		for _, fd := range findings {
			if fd.Line < 1 || fd.Column < 1 || fd.Rule == "" || fd.Message == "" {
				t.Fatalf("bad finding %+v", fd)
			}
		}
	})
}

// FuzzLoad runs the loader and every rule over a fuzzed roadmap.yaml beside a
// fuzzed second file.
func FuzzLoad(f *testing.F) {
	seedExamples(f, func(text []byte) { f.Add([]byte("product: P\n"), text) })
	f.Add([]byte("product: P\nscoring: {model: formula, formula: 'reach / effort'}\n"), []byte("features: [{id: a, title: A, status: idea, scores: {reach: 1, effort: 0}}]"))
	f.Add([]byte("product: P\nlint: {ignore: ['[']}\n"), []byte("features: [{id: a, title: A, status: planned, depends_on: [a]}] # roadmap:ignore all"))
	f.Fuzz(func(t *testing.T, settings, other []byte) {
		r, err := roadmap.Load(fstest.MapFS{
			"roadmap.yaml":   {Data: settings},
			"more/more.yaml": {Data: other},
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range roadmap.Check(r, roadmap.Options{Today: fixtureToday}) {
			if fd.Line < 1 || fd.Column < 1 || (fd.Path != "roadmap.yaml" && fd.Path != "more/more.yaml") {
				t.Fatalf("bad finding %+v", fd)
			}
		}
	})
}

// FuzzParseTarget: a target that parses prints as written, spans forward in
// time, and contains its own start and end.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"2027-03-15", "2027-02", "2027-Q1", "2027-H2", "now", "next", "later", "9999-12-31", "0001-Q1", "2027-Q9", "1900-00-00", "2027-02-30", "2027-q1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := roadmap.ParseTarget(s)
		if err != nil {
			if !strings.Contains(err.Error(), "target") {
				t.Fatalf("error %q does not say what a target is", err)
			}
			return
		}
		if tg.String() != s {
			t.Fatalf("%q prints as %q", s, tg)
		}
		if tg.Compare(tg) != 0 || !tg.Within(tg) {
			t.Fatalf("%q is not equal to or within itself", s)
		}
		if tg.Dated() && (tg.End().Before(tg.Start()) || !tg.Contains(tg.Start()) || !tg.Contains(tg.End())) {
			t.Fatalf("%q spans %s..%s", s, tg.Start(), tg.End())
		}
	})
}

// FuzzParseOffset: an offset that parses prints as written and stays bounded.
func FuzzParseOffset(f *testing.F) {
	for _, s := range []string{"-8w", "+1w", "-3d", "+0d", "0", "99999w"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := roadmap.ParseOffset(s)
		if err != nil {
			return
		}
		if o.String() != s || o.Days() > 3660 || o.Days() < -3660 {
			t.Fatalf("%q parsed to %d days, prints %q", s, o.Days(), o)
		}
	})
}

// FuzzFormula: any scoring.formula compiles or fails with a position inside
// the formula; a formula that compiles scores without panicking.
func FuzzFormula(f *testing.F) {
	for _, s := range []string{"reach * impact / effort", "max(a, b) - c", "let x = a; x * 2", "a ?? b", "(a + ", "a / 0", "1e308 * 1e308", "foo(x)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, formula string) {
		r := &roadmap.Roadmap{}
		r.Scoring.Formula = formula
		s, err := r.Scorer(roadmap.ModelFormula)
		if err != nil {
			var fe *roadmap.FormulaError
			if errors.As(err, &fe) && (fe.Line < 1 || fe.Column < 1) {
				t.Fatalf("%q: position %d:%d", formula, fe.Line, fe.Column)
			}
			return
		}
		feature := &roadmap.Feature{ID: "x", Scores: map[string]float64{}}
		for i, k := range s.Keys {
			feature.Scores[k] = float64(i + 1)
		}
		sc := s.Score(feature)
		if sc.Scored() && (math.IsNaN(sc.Value) || math.IsInf(sc.Value, 0)) {
			t.Fatalf("%q scored %v", formula, sc.Value)
		}
	})
}

// FuzzParseDate: a date that parses prints as written.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-23", "2028-02-29", "2027-02-29", "0000-01-01", "9999-12-31", "2026-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := roadmap.ParseDate(s)
		if err == nil && d.String() != s {
			t.Fatalf("%q prints as %q", s, d)
		}
	})
}
