package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/render/browser"
)

// TestExportHTMLInChromium loads the customers and internal pages of the
// Northwind example in headless Chromium, asserts on the rendered DOM, and
// saves screenshots as a laptop and an office big screen show them
// ($ROADMAP_ARTIFACTS keeps them).
func TestExportHTMLInChromium(t *testing.T) {
	browser.Find(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		audience string
		want     []string // in the page's text
		hidden   []string // never in the page
	}{
		{"customers",
			[]string{"Northwind Books roadmap", "This roadmap shows our current plans.", "Generated 2026-11-23", "Revision: working tree",
				"Bookkeeping that does itself", "Live bank feeds for 2,400 banks", "In progress", "2027-Q1", "Now",
				"Your bank transactions are already in your books"},
			[]string{"Bank connector platform on Finlink", "Umbrella Bakery", "Ana Ruiz", "EU data residency", "Weekly KPI email digest", "reach"}},
		{"internal",
			[]string{"Northwind Books roadmap (internal)", "Internal: do not share outside the company.", "Bank connector platform on Finlink",
				"EU data residency", "Confidential", "Ana Ruiz", "Umbrella Bakery", "2026-Q4", "Later", "Objectives", "Dropped"},
			nil},
	} {
		t.Run(tc.audience, func(t *testing.T) {
			page := filepath.Join(dir, tc.audience+".html")
			r := pipe.run(t, "export", "--dir", exampleDir, "--today", "2026-11-23", "--audience", tc.audience, "--format", "html", "-o", page)
			r.expect(t, 0)
			src, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			// Self-contained: no script, and nothing to fetch (stylesheets,
			// images, frames, fonts).
			for _, bad := range []string{"<script", "<link", "<img", "<iframe", "src=", "@import", "url("} {
				if strings.Contains(string(src), bad) {
					t.Errorf("page holds %q", bad)
				}
			}
			dom := browser.DOM(t, browser.URL(page))
			if !strings.Contains(dom, "<main>") {
				t.Fatalf("no DOM dumped:\n%.500s", dom)
			}
			text := browser.Text(dom)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("rendered page lacks %q", w)
				}
			}
			for _, h := range tc.hidden {
				if strings.Contains(text, h) {
					t.Errorf("rendered page shows %q", h)
				}
			}
			if strings.Count(dom, `<article class="card"`) == 0 {
				t.Errorf("no cards on the board")
			}
			browser.Screenshot(t, browser.URL(page), "export-"+tc.audience+"-laptop.png", 1600, 1000)
			browser.Screenshot(t, browser.URL(page), "export-"+tc.audience+"-big-screen.png", 2560, 1440)
		})
	}
}
