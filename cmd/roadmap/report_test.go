package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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
	// The feature table stops at today too: a's second slip (2026-11-01)
	// and d's shipment (2026-10-14, committed the 15th) are after 2026-10-10.
	early := s.run(t, "report", "--today", "2026-10-10", "--format", "json")
	early.expect(t, 0)
	var asOf struct {
		Report struct {
			Features []struct {
				ID    string `json:"id"`
				Slips []any  `json:"slips"`
			} `json:"features"`
		} `json:"report"`
	}
	if err := json.Unmarshal([]byte(early.stdout), &asOf); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range asOf.Report.Features {
		got[f.ID] = len(f.Slips)
	}
	if n, ok := got["a"]; !ok || n != 1 {
		t.Errorf("on 2026-10-10 a has slipped once, report says %d times (listed %v)", n, ok)
	}
	if _, ok := got["d"]; ok {
		t.Errorf("on 2026-10-10 d has not shipped, yet report lists it:\n%s", early.stdout)
	}
	// A window of quarters.
	only := s.run(t, "report", "--from", "2026-Q4", "--format", "json")
	if strings.Contains(only.stdout, `"2026-Q3"`) || !strings.Contains(only.stdout, `"2026-Q4"`) {
		t.Errorf("--from 2026-Q4 still reports 2026-Q3")
	}
	if only.stderr != "" {
		t.Errorf("--from inside the history warns: %q", only.stderr)
	}
	// Quarters before the roadmap began have no plan: a window that starts
	// earlier starts at the first commit, and says so; one that ends
	// earlier is refused.
	before := s.run(t, "report", "--from", "2026-Q1", "--format", "json")
	before.expect(t, 0)
	if !strings.Contains(before.stderr, "roadmap: note: the roadmap began on 2026-06-15 (commit ") || !strings.Contains(before.stderr, "in 2026-Q2; the report starts there") {
		t.Errorf("--from before the roadmap began: %q", before.stderr)
	}
	if strings.Contains(before.stdout, `"2026-Q1"`) || !strings.Contains(before.stdout, `"2026-Q2"`) {
		t.Errorf("--from 2026-Q1 reports:\n%s", before.stdout)
	}
	gone := s.run(t, "report", "--from", "2025-Q1", "--to", "2026-Q1")
	if gone.code != 2 || !strings.Contains(gone.stderr, "--to 2026-Q1 is before the roadmap began on 2026-06-15") || gone.stdout != "" {
		t.Errorf("--to before the roadmap began: %d %q %q", gone.code, gone.stderr, gone.stdout)
	}
	// A quarter that has not begun has nothing to measure.
	for _, flag := range []string{"--from", "--to"} {
		future := s.run(t, "report", "--today", "2026-10-20", flag, "2027-Q1")
		if future.code != 2 || !strings.Contains(future.stderr, flag+" 2027-Q1 has not begun (today, 2026-10-20, is in 2026-Q4)") || future.stdout != "" {
			t.Errorf("%s 2027-Q1: %d %q %q", flag, future.code, future.stderr, future.stdout)
		}
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
		"Acme: how the roadmap kept its word", "40% say/do = 2 shipped ÷ 5 planned",
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

// TestReportSumsWhatTheAudienceSees: a slip from April to June is none for
// customers, who see quarters: the theme's sums count it no more than the
// feature's row does.
func TestReportSumsWhatTheAudienceSees(t *testing.T) {
	b := gittest.New(t)
	// b, shipped in the quarter, gives theme core a row for every audience:
	// a count of 0 is the count, not a row missing.
	feature := func(target string) string {
		return "features:\n  - {id: a, title: A, status: planned, target: " + target + ", theme: core, visibility: public, summary: A.}\n" +
			"  - {id: b, title: B, status: shipped, shipped: 2026-10-20, target: 2026-Q4, theme: core, visibility: public, summary: B.}\n"
	}
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", feature("2027-04"))
	b.CommitOn("2026-10-01", "Ana", "Plan a")
	b.Write("roadmap/features.yaml", feature("2027-06"))
	b.CommitOn("2026-10-15", "Ana", "a slips within Q2")
	s := session{wd: b.Dir}
	for audience, slips := range map[string]int{"internal": 1, "customers": 0} {
		r := s.run(t, "report", "--audience", audience, "--format", "json", "--today", "2026-11-23")
		r.expect(t, 0)
		var out struct {
			Report struct {
				Themes []struct {
					Name  string
					Slips int
				}
			}
		}
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatal(err)
		}
		got := -1
		for _, th := range out.Report.Themes {
			if th.Name == "core" {
				got = th.Slips
			}
		}
		if got != slips {
			t.Errorf("%s: theme core counts %d slips, want %d:\n%s", audience, got, slips, r.stdout)
		}
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

// TestReportEveryOutcomeAddsUp: 2026-Q3 plans a, b and c; a ships, b is
// missed and c is deleted. 2026-Q4 (in progress) plans d and e; d ships and
// e is open. Every format shows each outcome, each quarter row adds up to its
// planned features, and say/do is shipped ÷ (planned − open) everywhere.
func TestReportEveryOutcomeAddsUp(t *testing.T) {
	b := gittest.New(t)
	write := func(feats ...string) {
		b.Write("roadmap/features.yaml", "features:\n"+strings.Join(feats, ""))
	}
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	a, bb, c := rfeat("a", "ana", "planned", "2026-Q3", ""), rfeat("b", "ana", "planned", "2026-Q3", ""), rfeat("c", "raj", "planned", "2026-Q3", "")
	d, e := rfeat("d", "ana", "planned", "2026-Q4", ""), rfeat("e", "raj", "planned", "2026-Q4", "")
	write(a, bb, c, d, e)
	b.CommitOn("2026-06-15", "Ana", "First plan")
	a = rfeat("a", "ana", "shipped", "2026-Q3", "2026-08-01")
	write(a, bb, d, e)
	b.CommitOn("2026-08-02", "Ana", "a shipped; c deleted")
	write(a, bb, rfeat("d", "ana", "shipped", "2026-Q4", "2026-11-01"), e)
	b.CommitOn("2026-11-02", "Ana", "d shipped")
	s := session{wd: b.Dir}

	// Each quarter row: planned = shipped + open + slipped + missed +
	// dropped + parked + removed.
	outcomes := []string{"shipped", "open", "slipped", "missed", "dropped", "parked", "removed"}
	checkRows := func(format string, header []string, rows map[string][]string) {
		t.Helper()
		col := map[string]int{}
		for i, h := range header {
			col[strings.ToLower(h)] = i
		}
		for _, k := range outcomes {
			if _, ok := col[k]; !ok {
				t.Fatalf("%s: no %s column in %q", format, k, header)
			}
		}
		for q, want := range map[string]map[string]string{
			"2026-Q3": {"planned": "3", "shipped": "1", "missed": "1", "removed": "1", "say/do": "33%"},
			"2026-Q4": {"planned": "2", "shipped": "1", "open": "1", "say/do": "100%"},
		} {
			row := rows[q]
			if row == nil {
				t.Fatalf("%s: no row for %s", format, q)
			}
			sum := 0
			for _, k := range outcomes {
				n, err := strconv.Atoi(row[col[k]])
				if err != nil {
					t.Fatalf("%s %s %s: %q", format, q, k, row[col[k]])
				}
				sum += n
			}
			if fmt.Sprint(sum) != row[col["planned"]] {
				t.Errorf("%s %s: outcomes add up to %d, planned %s: %q", format, q, sum, row[col["planned"]], row)
			}
			for k, v := range want {
				if row[col[k]] != v {
					t.Errorf("%s %s: %s %s, want %s", format, q, k, row[col[k]], v)
				}
			}
		}
	}
	text := s.run(t, "report")
	text.expect(t, 0)
	tables := map[string][][]string{}
	var header []string
	for line := range strings.SplitSeq(text.stdout, "\n") {
		f := strings.Fields(strings.Replace(line, " (in progress)", "", 1))
		if len(f) > 0 && (f[0] == "QUARTER" || f[0] == "OWNER" || f[0] == "THEME") {
			header = f
			tables[f[0]] = [][]string{f}
		} else if len(f) == 0 {
			header = nil
		} else if header != nil {
			tables[header[0]] = append(tables[header[0]], f)
		}
	}
	rowsOf := func(t [][]string) map[string][]string {
		m := map[string][]string{}
		for _, r := range t[1:] {
			m[r[0]] = r
		}
		return m
	}
	checkRows("text", tables["QUARTER"][0], rowsOf(tables["QUARTER"]))
	for _, want := range []string{
		"Say/do across the quarters: 50% = 2 shipped ÷ (5 planned − 1 open).",
		"2026-Q3: c removed",
	} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("text lacks %q:\n%s", want, text.stdout)
		}
	}
	// Owners and themes: all planned features, open ones shown apart and
	// left out of say/do as in the quarters.
	for table, want := range map[string]map[string]string{
		"OWNER": {"ana": "ana 3 2 0 67%", "raj": "raj 2 0 1 0%"},
		"THEME": {"core": "core 5 2 1 50%"},
	} {
		if got := strings.Join(tables[table][0][:5], " "); got != table+" PLANNED SHIPPED OPEN SAY/DO" {
			t.Errorf("%s columns: %s", table, got)
		}
		for name, w := range want {
			if got := strings.Join(rowsOf(tables[table])[name][:5], " "); got != w {
				t.Errorf("%s %s: %q, want %q", table, name, got, w)
			}
		}
	}

	md := s.run(t, "report", "--format", "md")
	md.expect(t, 0)
	mdRows := map[string][]string{}
	var mdHeader []string
	for line := range strings.SplitSeq(md.stdout, "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		switch {
		case len(cells) > 1 && cells[0] == "quarter":
			mdHeader = cells
		case len(cells) > 1 && strings.HasPrefix(cells[0], "2026-Q"):
			mdRows[strings.TrimSuffix(cells[0], " (in progress)")] = cells
		}
	}
	checkRows("md", mdHeader, mdRows)
	if !strings.Contains(md.stdout, "**50%** = 2 shipped ÷ (5 planned − 1 open)") || !strings.Contains(md.stdout, "`c` Feature c: removed") {
		t.Errorf("md:\n%s", md.stdout)
	}

	html := s.run(t, "report", "--format", "html")
	html.expect(t, 0)
	for _, want := range []string{`<th class="n">Removed</th>`, "say/do = 2 shipped ÷ (5 planned − 1 open)"} {
		if !strings.Contains(html.stdout, want) {
			t.Errorf("html lacks %q", want)
		}
	}

	js := s.run(t, "report", "--format", "json")
	js.expect(t, 0)
	for _, want := range []string{`"planned": 5`, `"shipped": 2`, `"open": 1`, `"say_do": 0.5`, `"outcome": "removed"`} {
		if !strings.Contains(js.stdout, want) {
			t.Errorf("json lacks %s", want)
		}
	}
}

// TestReportFitsAnEightyColumnTerminal: the quarter table gives up its rarer
// outcomes and the headline wraps, so no line runs past 80 columns.
func TestReportFitsAnEightyColumnTerminal(t *testing.T) {
	b := reportRepo(t)
	for _, s := range []session{{wd: b.Dir, terminal: true, width: 80}, {wd: b.Dir, terminal: true, width: 80, env: map[string]string{"NO_COLOR": "1"}}} {
		r := s.run(t, "report")
		r.expect(t, 0)
		for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
			if w := visibleWidth(line); w > 80 {
				t.Errorf("line of %d columns: %q", w, line)
			}
		}
		// The quarter table's header keeps say/do; what it left out is named.
		quarterHeader := regexp.MustCompile(`QUARTER .*PLANNED .*SAY/DO`)
		if !quarterHeader.MatchString(ansi.Strip(r.stdout)) {
			t.Errorf("the quarter table lost its say/do:\n%s", r.stdout)
		}
		// 2026-Q3 has a dropped feature: its column is shown, or named as
		// hidden, so the row's numbers still account for it.
		if !strings.Contains(ansi.Strip(r.stdout), "DROPPED") {
			t.Errorf("the column of dropped features is neither shown nor named:\n%s", r.stdout)
		}
	}
	if piped := (session{wd: b.Dir}).run(t, "report"); !strings.Contains(piped.stdout, "REMOVED") {
		t.Errorf("a pipe lost the removed column:\n%s", piped.stdout)
	}
}

// TestReportWarnsOfValuesItCannotRead: a typo in a status counts as no
// status, so the feature misses its quarter; the report says so on stderr,
// and the output is as before.
func TestReportWarnsOfValuesItCannotRead(t *testing.T) {
	b := reportRepo(t)
	s := session{wd: b.Dir}
	before := s.run(t, "report", "--format", "json")
	before.expect(t, 0)
	text, err := os.ReadFile(filepath.Join(b.Dir, "roadmap", "features.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	b.Write("roadmap/features.yaml", strings.Replace(string(text), "status: planned", "status: plannned", 1))
	b.CommitOn("2026-10-01", "Ana", "A typo")
	r := s.run(t, "report", "--format", "json")
	r.expect(t, 0)
	if r.stderr != "roadmap: warning: the roadmap at HEAD has 1 error(s) that leave a value or a file unread (a typo such as status: shiped), which the report counts as unset; run 'roadmap validate --at HEAD'\n" {
		t.Errorf("report of a roadmap with a typo: stderr %q", r.stderr)
	}
	if r.stdout == before.stdout {
		t.Errorf("the typo changed nothing in the report: the test shows nothing")
	}
}

// TestReportJSONListsAreArrays: an empty list is [], never null, so that
// `jq '.report.quarters[].unplanned[]'` runs on every report, an audience's
// included.
func TestReportJSONListsAreArrays(t *testing.T) {
	b := reportRepo(t)
	s := session{wd: b.Dir}
	for _, args := range [][]string{{}, {"--audience", "customers"}} {
		r := s.run(t, append([]string{"report", "--format", "json"}, args...)...)
		r.expect(t, 0)
		var doc struct {
			Report map[string]any
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatal(err)
		}
		list := func(where string, v any) []any {
			l, ok := v.([]any)
			if !ok {
				t.Errorf("%v: %s is %v, not a list", args, where, v)
			}
			return l
		}
		for _, k := range []string{"owners", "themes", "features"} {
			list(k, doc.Report[k])
		}
		quarters := list("quarters", doc.Report["quarters"])
		if len(quarters) == 0 {
			t.Fatalf("%v: no quarters: %s", args, r.stdout)
		}
		for _, q := range quarters {
			q, _ := q.(map[string]any)
			list(fmt.Sprint(q["quarter"], " planned"), q["planned"])
			list(fmt.Sprint(q["quarter"], " unplanned"), q["unplanned"])
		}
	}
}
