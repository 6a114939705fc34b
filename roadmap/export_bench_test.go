package roadmap_test

import (
	"bytes"
	"testing"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
)

// BenchmarkExportHTML is `roadmap export --format html` end to end on the
// 10,000-feature roadmap: load, every rule (export refuses errors), the
// audience filter and the page. The goal: under a second, and at most twice
// BenchmarkValidate. The internal audience sees every feature and field, so
// it makes the biggest page.
func BenchmarkExportHTML(b *testing.B) {
	for _, audience := range []string{"internal", "customers"} {
		b.Run(audience, func(b *testing.B) {
			fsys := benchRoadmap(b)
			var size int
			b.ReportAllocs()
			for b.Loop() {
				r, err := roadmap.Load(fsys)
				if err != nil {
					b.Fatal(err)
				}
				if errs, _ := roadmap.Count(roadmap.Check(r, roadmap.Options{Today: fixtureToday})); errs > 0 {
					b.Fatalf("the generated roadmap has %d errors", errs)
				}
				p, err := r.Audience(audience)
				if err != nil {
					b.Fatal(err)
				}
				var buf bytes.Buffer
				if err := render.WriteExportHTML(&buf, r.View(p, roadmap.ViewOptions{Today: fixtureToday})); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/1e6, "MB/page")
		})
	}
}

// BenchmarkExportHTMLRender is the part export adds to loading and
// checking: the filter and the page, for the internal audience.
func BenchmarkExportHTMLRender(b *testing.B) {
	r, err := roadmap.Load(benchRoadmap(b))
	if err != nil {
		b.Fatal(err)
	}
	p, err := r.Audience("internal")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := render.WriteExportHTML(&buf, r.View(p, roadmap.ViewOptions{Today: fixtureToday})); err != nil {
			b.Fatal(err)
		}
	}
}
