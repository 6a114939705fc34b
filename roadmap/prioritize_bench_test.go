package roadmap_test

import (
	"io"
	"testing"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
)

// BenchmarkPrioritize is `roadmap prioritize --period 2027-Q1` end to end on
// the roadmap BenchmarkValidate reads: load, every rule (for the warning
// about errors), the ranking with its cut line, and the table a pipe gets.
// The budget: no more than 20% over BenchmarkValidate.
func BenchmarkPrioritize(b *testing.B) {
	fsys := benchRoadmap(b)
	b.ReportAllocs()
	for b.Loop() {
		r, err := roadmap.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		roadmap.Check(r, roadmap.Options{Today: fixtureToday})
		rk, err := r.Prioritize(roadmap.PrioritizeOptions{Period: "2027-Q1"})
		if err != nil {
			b.Fatal(err)
		}
		if err := (render.Output{}).WriteRanking(io.Discard, rk, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrioritizeRanking is the ranking and its table alone, on a loaded
// roadmap: what prioritize adds to the loading and checking it shares with
// validate (an upper bound: validate's report, which prioritize does not
// write, is not subtracted). Its spread is far smaller than that of the two
// end-to-end benchmarks on a busy machine.
func BenchmarkPrioritizeRanking(b *testing.B) {
	r, err := roadmap.Load(benchRoadmap(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rk, err := r.Prioritize(roadmap.PrioritizeOptions{Period: "2027-Q1"})
		if err != nil {
			b.Fatal(err)
		}
		if err := (render.Output{}).WriteRanking(io.Discard, rk, false); err != nil {
			b.Fatal(err)
		}
	}
}
