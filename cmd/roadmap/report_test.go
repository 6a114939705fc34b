package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/render/browser"
	"github.com/northwind-labs/roadmap/render/golden"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

func rfeat(id, owner, status, target, shipped string) string {
	s := fmt.Sprintf("  - id: %s\n    title: Feature %s\n    status: %s\n    target: %s\n    owners: {product: %s}\n    theme: core\n", id, id, status, target, owner)
	if shipped != "" {
		s += "    shipped: " + shipped + "\n"
	}
	return s
}

// reportRepo builds a history whose outcomes are known (see the comments):
// 2026-Q3 plans a, b, c (e is an idea); a slips, b ships, c is dropped, f
// ships early and g ships unplanned. 2026-Q4 (in progress on 2026-11-23)
// plans a and d; d ships and a slips again.
func reportRepo(t *testing.T) *gittest.Repo {
	b := gittest.New(t)
	plan := map[string]string{
		"a": rfeat("a", "ana", "planned", "2026-Q3", ""),
		"b": rfeat("b", "ana", "planned", "2026-08", ""),
		"c": rfeat("c", "raj", "in-progress", "2026-Q3", ""),
		"d": rfeat("d", "raj", "planned", "2026-Q4", ""),
		"e": rfeat("e", "ana", "idea", "2026-Q3", ""),
		"f": rfeat("f", "raj", "planned", "2027-Q1", ""),
	}
	write := func() {
		var sb strings.Builder
		sb.WriteString("features:\n")
		for _, id := range []string{"a", "b", "c", "d", "e", "f", "g"} {
			sb.WriteString(plan[id])
		}
		b.Write("roadmap/features.yaml", sb.String())
	}
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	write()
	b.CommitOn("2026-06-15", "Ana", "First plan")
	plan["a"] = rfeat("a", "ana", "planned", "2026-Q4", "")
	write()
	b.CommitOn("2026-07-20", "Ana", "a slips to Q4")
	plan["b"] = rfeat("b", "ana", "shipped", "2026-08", "2026-08-09")
	write()
	b.CommitOn("2026-08-10", "Ana", "b shipped")
	plan["c"] = rfeat("c", "raj", "dropped", "2026-Q3", "")
	write()
	b.CommitOn("2026-09-05", "Raj", "Drop c")
	plan["f"] = rfeat("f", "raj", "shipped", "2027-Q1", "2026-09-18")
	write()
	b.CommitOn("2026-09-20", "Raj", "f shipped early")
	plan["g"] = rfeat("g", "raj", "shipped", "2026-Q3", "2026-09-24")
	write()
	b.CommitOn("2026-09-25", "Raj", "g shipped")
	plan["d"] = rfeat("d", "raj", "shipped", "2026-Q4", "2026-10-14")
	write()
	b.CommitOn("2026-10-15", "Raj", "d shipped")
	plan["a"] = rfeat("a", "ana", "planned", "2027-Q1", "")
	write()
	b.CommitOn("2026-11-01", "Ana", "a slips to 2027")
	return b
}

func TestReportKnownHistory(t *testing.T) {
	b := reportRepo(t)
	s := session{wd: b.Dir}
	r := s.run(t, "report", "--format", "json")
	r.expect(t, 0)
	var doc struct {
		Report struct {
			SayDo    float64 `json:"say_do"`
			Quarters []struct {
				Quarter    string         `json:"quarter"`
				InProgress bool           `json:"in_progress"`
				Counts     map[string]int `json:"counts"`
				SayDo      *float64       `json:"say_do"`
				Planned    []struct{ ID, Outcome, Target string }
				Unplanned  []struct{ ID, Outcome string }
			}
			Features []struct {
				ID        string `json:"id"`
				TotalSlip int    `json:"total_slip_days"`
				Slips     []struct {
					From, To string
					Days     int
				}
				LeadDays *int `json:"lead_days"`
			}
			Owners []struct {
				Name        string   `json:"name"`
				Planned     int      `json:"planned"`
				Shipped     int      `json:"shipped"`
				SayDo       *float64 `json:"say_do"`
				AverageSlip float64  `json:"average_slip_days"`
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	rep := doc.Report
	if rep.SayDo != 0.4 {
		t.Errorf("overall say/do %v, want 0.4 (2 of 5)", rep.SayDo)
	}
	outcomes := func(i int) string {
		var parts []string
		for _, p := range rep.Quarters[i].Planned {
			parts = append(parts, p.ID+":"+p.Outcome+":"+p.Target)
		}
		for _, p := range rep.Quarters[i].Unplanned {
			parts = append(parts, p.ID+":"+p.Outcome)
		}
		return strings.Join(parts, " ")
	}
	if len(rep.Quarters) != 3 || rep.Quarters[0].Quarter != "2026-Q2" || rep.Quarters[2].Quarter != "2026-Q4" || !rep.Quarters[2].InProgress {
		t.Fatalf("quarters: %+v", rep.Quarters)
	}
	if got, want := outcomes(1), "a:slipped:2026-Q4 b:shipped:2026-08 c:dropped:2026-Q3 f:early g:unplanned"; got != want {
		t.Errorf("2026-Q3:\n got %s\nwant %s", got, want)
	}
	if got, want := outcomes(2), "a:slipped:2027-Q1 d:shipped:2026-Q4"; got != want {
		t.Errorf("2026-Q4:\n got %s\nwant %s", got, want)
	}
	if q := rep.Quarters[1]; *q.SayDo != 1.0/3 || q.Counts["planned"] != 3 {
		t.Errorf("2026-Q3 say/do %v of %d", *q.SayDo, q.Counts["planned"])
	}
	if q := rep.Quarters[2]; *q.SayDo != 0.5 {
		t.Errorf("2026-Q4 say/do %v", *q.SayDo)
	}
	lead := map[string]int{}
	for _, f := range rep.Features {
		if f.ID == "a" && (f.TotalSlip != 182 || len(f.Slips) != 2 || f.Slips[0].Days != 92 || f.Slips[1].Days != 90) {
			t.Errorf("slips of a: %+v", f)
		}
		if f.LeadDays != nil {
			lead[f.ID] = *f.LeadDays
		}
	}
	if want := map[string]int{"b": 55, "d": 121, "f": 95}; fmt.Sprint(lead) != fmt.Sprint(want) {
		t.Errorf("days from planned to shipped %v, want %v", lead, want)
	}
	for _, o := range rep.Owners {
		switch o.Name {
		case "ana":
			if o.Planned != 3 || o.Shipped != 1 || o.AverageSlip != 91 {
				t.Errorf("ana: %+v", o)
			}
		case "raj":
			if o.Planned != 2 || o.Shipped != 1 || *o.SayDo != 0.5 {
				t.Errorf("raj: %+v", o)
			}
		}
	}
	for _, format := range []string{"text", "md", "html"} {
		out := s.run(t, "report", "--format", format)
		out.expect(t, 0)
		golden.Assert(t, "report/known."+format, []byte(out.stdout))
	}
	// Mid-quarter, unshipped work of the current quarter is open, not
	// missed, and does not count against say/do yet.
	mid := s.run(t, "report", "--today", "2026-10-20", "--from", "2026-Q4", "--format", "json")
	mid.expect(t, 0)
	if !strings.Contains(mid.stdout, `"outcome": "open"`) || strings.Contains(mid.stdout, `"outcome": "missed"`) || !strings.Contains(mid.stdout, `"say_do": 1`) {
		t.Errorf("mid-quarter report:\n%s", mid.stdout)
	}
	// A window of quarters.
	only := s.run(t, "report", "--from", "2026-Q4", "--format", "json")
	if strings.Contains(only.stdout, `"2026-Q3"`) || !strings.Contains(only.stdout, `"2026-Q4"`) {
		t.Errorf("--from 2026-Q4 still reports 2026-Q3")
	}
	bad := s.run(t, "report", "--from", "2026-08")
	if bad.code != 2 || !strings.Contains(bad.stderr, "not a quarter") {
		t.Errorf("--from 2026-08: %d %q", bad.code, bad.stderr)
	}
}

// TestReportPageInChromium loads the HTML report in headless Chromium and
// checks what a person sees: the numbers, the charts and the slip.
func TestReportPageInChromium(t *testing.T) {
	browser.Find(t)
	b := reportRepo(t)
	page := filepath.Join(t.TempDir(), "report.html")
	r := session{wd: b.Dir}.run(t, "report", "--format", "html")
	r.expect(t, 0)
	if err := os.WriteFile(page, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := browser.DOM(t, browser.URL(page))
	text := browser.Text(dom)
	for _, want := range []string{
		"Acme: how the roadmap kept its word", "40% of planned features shipped in their quarter",
		"2026-Q4 (in progress)", "2026-Q3 → 2026-Q4", "2026-Q4 → 2027-Q1", "By owner",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lacks %q; it reads:\n%s", want, text)
		}
	}
	if strings.Count(dom, "<rect") < 6+5 || strings.Contains(dom, "<script") || strings.Contains(dom, "http://") || strings.Contains(dom, "https://") {
		t.Errorf("the page should hold its charts inline, with no script and no link out")
	}
	browser.Screenshot(t, browser.URL(page), "report.png", 1280, 1600)
}

func TestReportForAnAudience(t *testing.T) {
	b := reportRepo(t)
	s := session{wd: b.Dir}
	r := s.run(t, "report", "--audience", "customers", "--format", "json")
	r.expect(t, 0)
	// The features are internal by default: customers see none of them.
	for _, leak := range []string{`"id": "a"`, "ana", "raj", "First plan", `"hash"`} {
		if strings.Contains(r.stdout, leak) {
			t.Errorf("the customers' report shows %q:\n%s", leak, r.stdout)
		}
	}
	// Make a public, then sales see it with its slips by month and no commits.
	b.Write("roadmap/features.yaml", strings.Replace(mustRead(t, b.Dir+"/roadmap/features.yaml"), "  - id: a\n", "  - id: a\n    visibility: public\n    summary: A.\n", 1))
	b.CommitOn("2026-11-10", "Ana", "Publish a")
	sales := s.run(t, "report", "--audience", "sales", "--format", "json")
	sales.expect(t, 0)
	if !strings.Contains(sales.stdout, `"id": "a"`) || strings.Contains(sales.stdout, "Ana") || strings.Contains(sales.stdout, `"short"`) {
		t.Errorf("the sales report:\n%s", sales.stdout)
	}
	bad := s.run(t, "report", "--audience", "investors")
	if bad.code != 2 || !strings.Contains(bad.stderr, "investors") {
		t.Errorf("unknown audience: %d %q", bad.code, bad.stderr)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
