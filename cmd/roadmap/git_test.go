package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/northwind-labs/roadmap/render/golden"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

func feat(id, status, target string) string {
	return "  - id: " + id + "\n    title: Feature " + id + "\n    status: " + status + "\n    target: " + target + "\n    visibility: public\n    summary: About " + id + ".\n"
}

// planRepo is a repository whose roadmap lives in plan/, with two tags.
func planRepo(t *testing.T) (*gittest.Repo, map[string]plumbing.Hash) {
	b := gittest.New(t)
	hs := map[string]plumbing.Hash{}
	b.Write("plan/roadmap.yaml", "product: Acme\nlint:\n  rules:\n    missing-scores: off\n    feature-without-objective: off\n")
	b.Write("plan/features.yaml", "features:\n"+feat("search", "planned", "2027-Q1")+feat("export", "idea", "next"))
	b.Write("src/main.go", "package main\n")
	hs["c1"] = b.Commit("Ana Ruiz", "Plan search and export")
	b.Tag("v1", hs["c1"])
	b.Write("plan/features.yaml", "features:\n"+feat("search", "planned", "2027-Q2")+feat("export", "idea", "next"))
	hs["c2"] = b.Commit("Raj Patel", "Search slips to Q2\n\nThe index rebuild took longer.")
	b.Move("plan/features.yaml", "plan/core.yaml")
	hs["c3"] = b.Commit("Li Wei", "Rename the features file")
	b.Write("plan/core.yaml", "features:\n"+feat("search", "in-progress", "2027-Q2")+feat("alerts", "planned", "2027-H2"))
	hs["c4"] = b.Commit("Ana Ruiz", "Start search; export gives way to alerts")
	b.Tag("v2", hs["c4"])
	return b, hs
}

func TestDiffAndHistory(t *testing.T) {
	b, _ := planRepo(t)
	s := session{wd: filepath.Join(b.Dir, "src")} // from a subfolder outside the roadmap
	tests := []struct {
		name string
		args []string
	}{
		{"diff-v1-v2.text", []string{"diff", "--dir", "../plan", "v1", "v2"}},
		{"diff-v1-v2.md", []string{"diff", "--dir", "../plan", "v1", "v2", "--format", "md"}},
		{"diff-v1-v2.json", []string{"diff", "--dir", "../plan", "v1", "v2", "--format", "json"}},
		{"history-search.text", []string{"history", "--dir", "../plan", "search"}},
		{"history-search.json", []string{"history", "--dir", "../plan", "search", "--format", "json"}},
		{"history-export.md", []string{"history", "--dir", "../plan", "export", "--format", "md"}},
		{"list-at-v1.csv", []string{"list", "--dir", "../plan", "--at", "v1", "--format", "csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := s.run(t, tt.args...)
			r.expect(t, 0)
			if r.stderr != "" {
				t.Errorf("stderr: %s", r.stderr)
			}
			// Hashes differ between runs only if the repository does; the
			// builder's dates and authors are fixed, so they do not.
			golden.Assert(t, "git/"+tt.name, []byte(r.stdout))
		})
	}
	// On a narrow terminal, long values and commit notes wrap under
	// themselves (no colour here, so the files read plainly).
	narrow := session{wd: s.wd, terminal: true, width: 44, env: map[string]string{"NO_COLOR": "1"}}
	for name, args := range map[string][]string{
		"diff-v1-v2-44-columns.text":     {"diff", "--dir", "../plan", "v1", "v2"},
		"history-search-44-columns.text": {"history", "--dir", "../plan", "search"},
	} {
		t.Run(name, func(t *testing.T) {
			r := narrow.run(t, args...)
			r.expect(t, 0)
			for _, line := range strings.Split(r.stdout, "\n") {
				if len([]rune(line)) > 44 {
					t.Errorf("line wider than 44 columns: %q", line)
				}
			}
			golden.Assert(t, "git/"+name, []byte(r.stdout))
		})
	}
}

func TestDiffWorkingTreeAndExitCode(t *testing.T) {
	b, hs := planRepo(t)
	s := session{wd: filepath.Join(b.Dir, "plan")}
	clean := s.run(t, "diff", "--exit-code")
	clean.expect(t, 0)
	if !strings.Contains(clean.stdout, "No changes from HEAD to the working tree") {
		t.Errorf("clean diff: %q", clean.stdout)
	}
	b.Write("plan/core.yaml", "features:\n"+feat("search", "shipped", "2027-Q2")+feat("alerts", "planned", "2027-Q3"))
	r := s.run(t, "diff", "--exit-code")
	r.expect(t, 1)
	// In json the working tree is no revision: null, not prose.
	var doc struct {
		From string  `json:"from"`
		To   *string `json:"to"`
	}
	j := s.run(t, "diff", "--format", "json")
	if err := json.Unmarshal([]byte(j.stdout), &doc); err != nil || doc.From != "HEAD" || doc.To != nil || !strings.Contains(j.stdout, `"to": null`) {
		t.Errorf("diff json of the working tree (%v): from %q, to %v:\n%s", err, doc.From, doc.To, j.stdout)
	}
	// The revisions stay as given, beside the commits they resolved to,
	// for a job that keeps the report.
	if j := s.run(t, "diff", "v1", "HEAD", "--format", "json"); !strings.Contains(j.stdout, `"to": "HEAD"`) ||
		!strings.Contains(j.stdout, `"from_commit": "`+hs["c1"].String()+`"`) || !strings.Contains(j.stdout, `"to_commit": "`+hs["c4"].String()+`"`) {
		t.Errorf("diff json between revisions:\n%s", j.stdout)
	}
	for _, want := range []string{"status: in-progress → shipped", "target: 2027-H2 → 2027-Q3 (pull-in of 92 days)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("diff of uncommitted edits lacks %q:\n%s", want, r.stdout)
		}
	}
	// Since a revision, against the working tree.
	since := s.run(t, "diff", "v1")
	since.expect(t, 0)
	if !strings.Contains(since.stdout, "+ feature alerts") || !strings.Contains(since.stdout, "- feature export") {
		t.Errorf("diff v1:\n%s", since.stdout)
	}
}

func TestGitErrors(t *testing.T) {
	b, hs := planRepo(t)
	s := session{wd: b.Dir}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", "--dir", "plan", "nope"}, `unknown revision "nope"`},
		{[]string{"diff", "--dir", "plan", "v1", "v9"}, `unknown revision "v9"`},
		{[]string{"list", "--dir", "plan", "--at", "HEAD~9"}, `unknown revision "HEAD~9"`},
		{[]string{"history", "--dir", "plan", "serch"}, `did you mean "search"?`},
		{[]string{"history", "--dir", "plan", "search", "--since", "last-tuesday"}, `--since takes a date (YYYY-MM-DD) or a revision: unknown revision "last-tuesday"`},
		{[]string{"diff", "--dir", "plan", "--at", "v1"}, "not --at: roadmap diff v1"},
		{[]string{"diff", "--dir", "plan", "--at", "v1", "HEAD"}, "not --at: roadmap diff v1 HEAD --dir plan\n"},
		{[]string{"diff", "--dir", "plan", "--at", "v1", "--format", "md", "--exit-code"}, "not --at: roadmap diff v1 --exit-code --format md --dir plan\n"},
		{[]string{"diff", "--dir", "plan", "--at", "v1", "v2", "HEAD"}, "diff takes at most two revisions, as arguments, not --at"},
		{[]string{"history", "--dir", "plan", "search", "--at", "v1", "--since", "v2"}, "--since v2 comes after v1, where history ends; give an older revision, or a date"},
		{[]string{"diff", "--dir", "plan", "HEAD@{1}", "HEAD"}, `"HEAD@{1}" uses syntax roadmap does not read`},
		{[]string{"diff", "--dir", "plan", "v1..v2"}, "give a range as two revisions, as in roadmap diff v1 v2"},
		{[]string{"diff", "--dir", "plan", "HEAD~2...v1"}, "give a range as two revisions, as in roadmap diff " + hs["c1"].String()[:7] + " v1\n"},
		{[]string{"diff", "--dir", "plan", "v1.."}, "give a range as two revisions, as in roadmap diff v1 HEAD\n"},
		{[]string{"diff", "--dir", "plan", hs["c1"].String()[:3], "v2"}, "a hash needs at least 4 characters"},
		{[]string{"diff", "--dir", "plan", "v1", "v2", "HEAD"}, "diff takes at most two revisions, the older first"},
		{[]string{"diff", "--dir", "plan", "HEAD:plan", "v1"}, `"HEAD:plan" uses syntax roadmap does not read`},
		{[]string{"list", "--dir", "plan", "--at", "v1^{tree}"}, "names a tree"},
		{[]string{"list", "--dir", "plan", "--at", ""}, "--at needs a revision"},
		{[]string{"history", "--dir", "plan"}, "history takes the id of one feature"},
		{[]string{"history", "--dir", "plan", "search", "export"}, "history takes the id of one feature"},
		{[]string{"history", "--dir", "plan", "search", "--since", "2026-02-30"}, `--since: "2026-02-30" is not a date (YYYY-MM-DD): February 2026 has 28 days`},
		{[]string{"history", "--dir", "plan", "search", "--since", "2026-2-3"}, `--since: "2026-2-3" is not a date (YYYY-MM-DD)`},
		{[]string{"history", "--dir", "plan", "search", "--since", "v9"}, `--since takes a date (YYYY-MM-DD) or a revision: unknown revision "v9"`},
	} {
		r := s.run(t, tc.args...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: code %d stdout %q stderr %q; want exit 2 with %q", tc.args, r.code, r.stdout, r.stderr, tc.want)
		}
	}
	outside := session{wd: t.TempDir()}
	write(t, outside.wd, "roadmap.yaml", "product: Acme\n")
	if r := outside.run(t, "diff"); r.code != 2 || !strings.Contains(r.stderr, "not inside a git repository") {
		t.Errorf("diff outside a repository: %d %q", r.code, r.stderr)
	}

	b.MakeShallow(hs["c3"], hs["c1"], hs["c2"])
	// A name the clone does not know may be a typo or a tag it lacks: the
	// error offers the nearest name, then how to fetch the rest.
	if r := s.run(t, "diff", "--dir", "plan", "mastr", "HEAD"); r.code != 2 || !strings.Contains(r.stderr, `unknown revision "mastr": no branch, tag or commit has that name; did you mean "master"? (if this shallow clone lacks it, run `+"`git fetch --unshallow --tags`") {
		t.Errorf("a typo in a shallow clone: %d %q", r.code, r.stderr)
	}
	for _, args := range [][]string{
		{"history", "--dir", "plan", "search"},
		{"diff", "--dir", "plan", "v1", "v2"},
		// Removed at HEAD: whether it was there before --since takes
		// the history the clone lacks.
		{"history", "--dir", "plan", "export", "--since", "2099-01-01"},
	} {
		r := s.run(t, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "git fetch --unshallow") || !strings.Contains(r.stderr, "fetch-depth: 0") {
			t.Errorf("%v in a shallow clone: %d %q", args, r.code, r.stderr)
		}
	}
}

func TestHistoryAndDiffOfCampaigns(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\ncampaigns:\n  - {id: spring, title: Spring push, status: planned, start: 2027-03-01, end: 2027-04-15}\n")
	b.Commit("Tomás", "Plan the spring push")
	b.Write("roadmap.yaml", "product: Acme\ncampaigns:\n  - {id: spring, title: Spring push, status: running, start: 2027-03-01, end: 2027-05-15}\n")
	b.Commit("Tomás", "Extend the spring push")
	s := session{wd: b.Dir}
	h := s.run(t, "history", "spring")
	h.expect(t, 0)
	for _, want := range []string{"Spring push: 2 commits", "status: planned → running", "end: 2027-04-15 → 2027-05-15"} {
		if !strings.Contains(h.stdout, want) {
			t.Errorf("history of a campaign lacks %q:\n%s", want, h.stdout)
		}
	}
	d := s.run(t, "diff", "HEAD~1", "HEAD")
	d.expect(t, 0)
	if !strings.Contains(d.stdout, "~ campaign spring  Spring push") || !strings.Contains(d.stdout, "Extend the spring push") {
		t.Errorf("diff of a campaign:\n%s", d.stdout)
	}
}

// TestAMovedRoadmapFolderKeepsItsHistory: after a team moves roadmap/ to
// plan/, history and report go on before the move, and revisions before it
// read the folder where it was, for every command and for --at.
func TestAMovedRoadmapFolderKeepsItsHistory(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: planned, target: 2026-Q2}\n")
	b.CommitOn("2026-01-05", "Ana", "Plan search")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: in-progress, target: 2026-Q2}\n")
	v1 := b.CommitOn("2026-02-02", "Ana", "Start search")
	b.Tag("v1", v1)
	b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
	b.Move("roadmap/features.yaml", "plan/features.yaml")
	b.CommitOn("2026-03-02", "Li", "Move the roadmap to plan/")
	b.Write("plan/features.yaml", "features:\n  - {id: search, title: Search, status: shipped, target: 2026-Q2, shipped: 2026-05-04}\n")
	b.CommitOn("2026-05-04", "Raj", "Ship search")
	s := session{wd: filepath.Join(b.Dir, "plan")}
	h := s.run(t, "history", "search")
	h.expect(t, 0)
	if !strings.Contains(h.stdout, "Search: 3 commits") || !strings.Contains(h.stdout, "Plan search") || strings.Contains(h.stdout, "Move the roadmap") {
		t.Errorf("history across the move:\n%s", h.stdout)
	}
	d := s.run(t, "diff", "v1", "HEAD")
	d.expect(t, 0)
	if !strings.Contains(d.stdout, "status: in-progress → shipped") || !strings.Contains(d.stdout, "Ship search") || strings.Contains(d.stdout, "added") {
		t.Errorf("diff across the move:\n%s", d.stdout)
	}
	// Both revisions before the move: the commit is named all the same.
	old := s.run(t, "diff", "HEAD~3", "v1")
	old.expect(t, 0)
	if !strings.Contains(old.stdout, "status: planned → in-progress") || !strings.Contains(old.stdout, "Ana, 2026-02-02: Start search") {
		t.Errorf("diff before the move:\n%s", old.stdout)
	}
	l := s.run(t, "list", "--at", "v1", "--format", "csv")
	l.expect(t, 0)
	if !strings.Contains(l.stdout, "search,Search,in-progress") {
		t.Errorf("list --at before the move:\n%s", l.stdout)
	}
	// A branch made before the move, compared as a pull request is.
	feature := b.OnBranchFrom("feature", v1, func() plumbing.Hash {
		b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: in-progress, target: 2026-Q3}\n")
		return b.CommitOn("2026-02-09", "Mia", "Push search to Q3")
	})
	pr := s.run(t, "diff", "v1", "feature")
	pr.expect(t, 0)
	if !strings.Contains(pr.stdout, "target: 2026-Q2 → 2026-Q3") || !strings.Contains(pr.stdout, "Push search to Q3") {
		t.Errorf("diff of a branch made before the move:\n%s%s", pr.stdout, pr.stderr)
	}
	// --at before the move and --since after it, and the other way round.
	for _, args := range [][]string{{"--at", "v1", "--since", "HEAD"}, {"--since", "v1"}} {
		e := s.run(t, append([]string{"export", "--format", "json", "--today", "2026-07-01"}, args...)...)
		if e.code != 0 || !strings.Contains(e.stdout, `"since"`) {
			t.Errorf("export %v across the move: exit %d\n%s", args, e.code, e.stderr)
		}
	}
	// Findings at a revision before the move name the files where they were.
	v := s.run(t, "validate", "--at", "v1", "--format", "github")
	if !strings.Contains(v.stdout, "file=roadmap/features.yaml,") || strings.Contains(v.stdout, "plan/") {
		t.Errorf("validate --at before the move:\n%s", v.stdout)
	}
	ha := s.run(t, "history", "search", "--at", "v1")
	ha.expect(t, 0)
	if !strings.Contains(ha.stdout, "Search: 2 commits") {
		t.Errorf("history --at before the move:\n%s", ha.stdout)
	}
	for _, args := range [][]string{
		{"report", "--today", "2026-07-01", "--format", "json"},
		{"report", "--at", "v1", "--today", "2026-07-01", "--format", "json"},
	} {
		r := s.run(t, args...)
		r.expect(t, 0)
		if !strings.Contains(r.stdout, `"planned": 1`) {
			t.Errorf("%v: the plan of 2026-Q2 was made before the move:\n%s", args, r.stdout)
		}
	}
	// A pull request's run: HEAD is the merge of the branch into main.
	b.Commit("GitHub", "Merge feature into main", feature)
	merged := s.run(t, "diff", "v1", "feature")
	merged.expect(t, 0)
	if !strings.Contains(merged.stdout, "target: 2026-Q2 → 2026-Q3") {
		t.Errorf("diff of the branch from its merge commit:\n%s%s", merged.stdout, merged.stderr)
	}
}

// TestAnUncommittedMove: a folder moved in the working tree and not yet
// committed is read where HEAD and older revisions have it, so diff shows
// the edits made on the way and the move itself is no change. A new
// roadmap started as an unrelated one is deleted is no move.
func TestAnUncommittedMove(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: idea}\n  - {id: sso, title: SSO, status: idea}\n")
	b.Commit("Ana", "Plan")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: planned, target: 2027-Q1}\n  - {id: sso, title: SSO, status: idea}\n")
	b.Commit("Ana", "Plan search")
	b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
	b.Move("roadmap/features.yaml", "plan/features.yaml")
	b.Write("plan/features.yaml", "features:\n  - {id: search, title: Search, status: in-progress, target: 2027-Q1}\n  - {id: sso, title: SSO, status: idea}\n")
	s := session{wd: filepath.Join(b.Dir, "plan")}
	d := s.run(t, "diff")
	d.expect(t, 0)
	if !strings.Contains(d.stdout, "1 feature changed from HEAD to the working tree") || !strings.Contains(d.stdout, "status: planned → in-progress") {
		t.Errorf("diff of an uncommitted move:\n%s", d.stdout)
	}
	if older := s.run(t, "diff", "HEAD~1"); older.code != 0 || !strings.Contains(older.stdout, "status: idea → in-progress") {
		t.Errorf("diff HEAD~1 of an uncommitted move: %d\n%s%s", older.code, older.stdout, older.stderr)
	}
	if h := s.run(t, "history", "search"); h.code != 0 || !strings.Contains(h.stdout, "Search: 2 commits") {
		t.Errorf("history of an uncommitted move: %d\n%s%s", h.code, h.stdout, h.stderr)
	}
	if v := s.run(t, "validate", "--at", "HEAD", "--format", "github"); !strings.Contains(v.stdout, "file=roadmap/features.yaml,") {
		t.Errorf("validate --at HEAD names the files where HEAD has them:\n%s%s", v.stdout, v.stderr)
	}
	// Moved unchanged while an example roadmap that shares most of its
	// files is deleted: both are related to the working tree's folder, and
	// the one whose files are all the working tree's is taken.
	e := gittest.New(t)
	names := []string{"roadmap.yaml", "objectives.yaml", "themes.yaml", "features.yaml"}
	for _, dir := range []string{"roadmap", "examples"} {
		e.Write(dir+"/roadmap.yaml", "product: "+dir+"\n")
		e.Write(dir+"/objectives.yaml", "objectives: []\n")
		e.Write(dir+"/themes.yaml", "themes: []\n")
		e.Write(dir+"/features.yaml", "features:\n  - {id: search, title: Search, status: idea}\n")
	}
	e.Commit("Ana", "Plan, with an example")
	for _, name := range names {
		e.Move("roadmap/"+name, "plan/"+name)
		e.Remove("examples/" + name)
	}
	if x := (session{wd: filepath.Join(e.Dir, "plan")}).run(t, "diff"); x.code != 0 || !strings.Contains(x.stdout, "No changes") && !strings.Contains(x.stdout, "no change") {
		t.Errorf("diff of a folder moved as an example is deleted: %d\n%s%s", x.code, x.stdout, x.stderr)
	}
	// An unrelated roadmap in place of the old one: no items or files in
	// common, so HEAD has no roadmap in plan/, and all of it is new.
	b.Write("plan/features.yaml", "features:\n  - {id: billing, title: Billing, status: idea}\n")
	b.Write("plan/roadmap.yaml", "product: Other\n")
	u := s.run(t, "diff")
	if u.code != 0 || u.stderr != "roadmap: HEAD has no roadmap in plan/, so every item reads as added\n" ||
		!strings.Contains(u.stdout, "1 feature changed") || !strings.Contains(u.stdout, "+ feature billing") {
		t.Errorf("diff of an unrelated roadmap: %d %q\n%s", u.code, u.stderr, u.stdout)
	}
}

// TestReportOfARoadmapStartedInAFolderInUse: a roadmap started in a folder
// that held other files reads as no plan before it began, not as an error.
func TestReportOfARoadmapStartedInAFolderInUse(t *testing.T) {
	b := gittest.New(t)
	b.Write("docs/mkdocs.yml", "site_name: Acme\n")
	b.CommitOn("2026-01-05", "Ana", "Add the docs")
	b.Write("docs/mkdocs.yml", "site_name: Acme docs\n")
	b.CommitOn("2026-03-02", "Ana", "Rename the docs")
	b.Write("docs/roadmap.yaml", "product: Acme\n")
	b.Write("docs/features.yaml", "features:\n  - {id: search, title: Search, status: planned, target: 2026-Q3}\n")
	b.CommitOn("2026-05-04", "Ana", "Start the roadmap")
	b.Write("docs/features.yaml", "features:\n  - {id: search, title: Search, status: shipped, target: 2026-Q3, shipped: 2026-08-03}\n")
	b.CommitOn("2026-08-03", "Raj", "Ship search")
	s := session{wd: filepath.Join(b.Dir, "docs")}
	got := quarterCounts(t, s, "--today", "2026-10-01")
	// The report begins in 2026-Q2, where roadmap.yaml appeared; the
	// docs' commits before it are no quarter of the roadmap.
	if _, early := got["2026-Q1"]; early || got["2026-Q2"] != [2]int{0, 0} || got["2026-Q3"] != [2]int{1, 1} {
		t.Errorf("quarters %v, want 2026-Q2 empty and search planned and shipped in 2026-Q3", got)
	}
}

// TestExportSinceBeforeAMove: errors at a --since revision from before the
// roadmap moved are shown in the files the revision had.
func TestExportSinceBeforeAMove(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, status: planned}\n")
	b.Tag("v1", b.Commit("Ana", "Add search, untitled"))
	b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
	b.Move("roadmap/features.yaml", "plan/features.yaml")
	b.Write("plan/features.yaml", "features:\n  - {id: search, title: Search, status: planned}\n")
	b.Commit("Li", "Move to plan/, title search")
	r := session{wd: filepath.Join(b.Dir, "plan")}.run(t, "export", "--since", "v1", "--format", "md", "--today", "2026-11-24")
	if r.code != 1 || !strings.Contains(r.stderr, "roadmap/features.yaml:2:") || strings.Contains(r.stderr, "plan/") {
		t.Errorf("export --since a broken revision before the move: exit %d\n%s", r.code, r.stderr)
	}
}

// TestReportThroughAMissingRoadmapYAML: roadmap.yaml deleted for a while
// leaves the features where they were: the quarters then are judged on them.
func TestReportThroughAMissingRoadmapYAML(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	plan := func(aStatus string) {
		b.Write("roadmap/features.yaml", "features:\n"+
			"  - {id: a, title: A, status: "+aStatus+", target: 2026-Q3}\n"+
			"  - {id: b, title: B, status: planned, target: 2026-Q3}\n"+
			"  - {id: c, title: C, status: planned, target: 2026-Q4}\n")
	}
	plan("planned")
	b.CommitOn("2026-06-01", "Ana", "Plan")
	plan("shipped, shipped: 2026-09-20")
	b.CommitOn("2026-09-20", "Raj", "Ship a")
	b.Remove("roadmap/roadmap.yaml")
	b.CommitOn("2026-09-25", "Li", "Delete roadmap.yaml by mistake")
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.CommitOn("2026-10-05", "Li", "Restore roadmap.yaml")
	got := quarterCounts(t, session{wd: filepath.Join(b.Dir, "roadmap")}, "--today", "2026-11-23")
	if got["2026-Q3"] != [2]int{2, 1} || got["2026-Q4"] != [2]int{1, 0} {
		t.Errorf("quarters %v, want 2026-Q3 2 planned 1 shipped, 2026-Q4 1 planned", got)
	}
}

// quarterCounts runs report as JSON and returns each quarter's planned and
// shipped counts.
func quarterCounts(t *testing.T, s session, args ...string) map[string][2]int {
	t.Helper()
	r := s.run(t, append([]string{"report", "--format", "json"}, args...)...)
	r.expect(t, 0)
	var rep struct {
		Report struct {
			Quarters []struct {
				Quarter string
				Counts  struct{ Planned, Shipped int }
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, q := range rep.Report.Quarters {
		got[q.Quarter] = [2]int{q.Counts.Planned, q.Counts.Shipped}
	}
	return got
}

// TestReportAtARevisionEndsThere: report --at REV is the report as it stood
// at REV: quarters after its commit are not yet over, so nothing planned for
// them was missed.
func TestReportAtARevisionEndsThere(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: sso, title: SSO, status: planned, target: 2026-Q2}\n")
	b.CommitOn("2026-03-02", "Ana", "Plan sso")
	b.Write("roadmap/features.yaml", "features:\n  - {id: sso, title: SSO, status: in-progress, target: 2026-Q2}\n")
	b.Tag("v1", b.CommitOn("2026-05-04", "Ana", "Start sso"))
	b.Write("roadmap/features.yaml", "features:\n  - {id: sso, title: SSO, status: shipped, target: 2026-Q2, shipped: 2026-06-20}\n")
	b.CommitOn("2026-06-20", "Raj", "Ship sso")
	s := session{wd: filepath.Join(b.Dir, "roadmap")}
	r := s.run(t, "report", "--at", "v1", "--format", "json")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, `"in_progress": true`) || strings.Contains(r.stdout, `"missed"`) || strings.Contains(r.stdout, "2026-Q3") {
		t.Errorf("report --at v1 should end in 2026-Q2, in progress, with nothing missed:\n%s", r.stdout)
	}
	// --today still says when.
	if got := quarterCounts(t, s, "--at", "v1", "--today", "2026-07-01"); got["2026-Q2"] != [2]int{1, 0} {
		t.Errorf("report --at v1 --today 2026-07-01: %v", got)
	}
	// A quarter after the revision has not begun, as of its commit.
	late := s.run(t, "report", "--at", "v1", "--from", "2026-Q3")
	if late.code != 2 || !strings.Contains(late.stderr, "--from 2026-Q3 has not begun (v1 was committed on 2026-05-04, in 2026-Q2)") {
		t.Errorf("report --at v1 --from 2026-Q3: %d %q", late.code, late.stderr)
	}
}

// TestReportIgnoresDraftsBeforeTheRoadmapBegan: YAML in the folder before
// roadmap.yaml first appeared (a draft, another tool's file) was no plan:
// no quarter, slip or lead time counts from it.
func TestReportIgnoresDraftsBeforeTheRoadmapBegan(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/draft.yaml", "features:\n  - {id: sso, title: SSO, status: planned, target: 2026-Q1}\n")
	b.CommitOn("2025-10-10", "Ana", "Draft")
	b.Write("roadmap/draft.yaml", "features:\n  - {id: sso, title: SSO, status: planned, target: 2026-Q3}\n")
	b.CommitOn("2025-11-10", "Ana", "Redraft")
	b.Remove("roadmap/draft.yaml")
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: sso, title: SSO, status: planned, target: 2026-Q3}\n")
	b.CommitOn("2026-04-15", "Ana", "Start the roadmap")
	b.Write("roadmap/features.yaml", "features:\n  - {id: sso, title: SSO, status: shipped, target: 2026-Q3, shipped: 2026-08-01}\n")
	b.CommitOn("2026-08-01", "Raj", "Ship sso")
	s := session{wd: filepath.Join(b.Dir, "roadmap")}
	got := quarterCounts(t, s, "--today", "2026-10-10")
	if _, ok := got["2025-Q4"]; ok || got["2026-Q2"] != [2]int{0, 0} || got["2026-Q3"] != [2]int{1, 1} {
		t.Errorf("quarters %v, want from 2026-Q2, with sso planned and shipped in 2026-Q3", got)
	}
	r := s.run(t, "report", "--today", "2026-10-10", "--format", "json")
	for _, want := range []string{`"slips": []`, `"first_planned": "2026-04-15"`, `"lead_days": 108`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %s: the drafts count:\n%s", want, r.stdout)
		}
	}
}

// TestReportThroughARenameWhileRoadmapYAMLWasMissing: roadmap.yaml deleted,
// the folder then renamed, roadmap.yaml restored: one roadmap throughout.
func TestReportThroughARenameWhileRoadmapYAMLWasMissing(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: a, title: A, status: planned, target: 2026-Q3}\n  - {id: c, title: C, status: planned, target: 2026-Q4}\n")
	b.CommitOn("2026-05-01", "Ana", "Plan")
	b.Remove("roadmap/roadmap.yaml")
	b.CommitOn("2026-06-10", "Li", "Delete roadmap.yaml by mistake")
	b.Move("roadmap/features.yaml", "plan/features.yaml")
	b.CommitOn("2026-06-15", "Li", "Rename the folder")
	b.Write("plan/features.yaml", "features:\n  - {id: a, title: A, status: shipped, target: 2026-Q3, shipped: 2026-08-01}\n  - {id: c, title: C, status: planned, target: 2026-Q4}\n")
	b.CommitOn("2026-08-01", "Raj", "Ship a")
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.CommitOn("2026-10-05", "Li", "Restore roadmap.yaml")
	s := session{wd: filepath.Join(b.Dir, "plan")}
	got := quarterCounts(t, s, "--today", "2026-11-23")
	if got["2026-Q3"] != [2]int{1, 1} || got["2026-Q4"] != [2]int{1, 0} {
		t.Errorf("quarters %v, want a planned and shipped in 2026-Q3, c planned in 2026-Q4", got)
	}
	if h := s.run(t, "history", "a"); !strings.Contains(h.stdout, "A: 2 commits") {
		t.Errorf("history of a:\n%s%s", h.stdout, h.stderr)
	}
}

// TestHistoryOfASharedID: ids are unique within a kind only. history shows
// the feature and says that an objective shares the id; --kind shows the
// objective's life, and only its.
func TestHistoryOfASharedID(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nobjectives:\n  - {id: grow, title: Grow revenue}\nfeatures:\n  - {id: grow, title: Growth loops, status: idea}\n")
	b.Commit("Ana", "Plan")
	b.Write("roadmap.yaml", "product: Acme\nobjectives:\n  - {id: grow, title: Grow revenue 20%}\nfeatures:\n  - {id: grow, title: Growth loops, status: planned}\n")
	b.Commit("Ana", "Commit to growth")
	s := session{wd: b.Dir}
	f := s.run(t, "history", "grow")
	f.expect(t, 0)
	if !strings.Contains(f.stdout, "Growth loops: 2 commits") || !strings.Contains(f.stdout, "status: idea → planned") || strings.Contains(f.stdout, "20%") {
		t.Errorf("history of the feature:\n%s", f.stdout)
	}
	if want := `roadmap: note: "grow" is also the id of an objective; its history: roadmap history grow --kind objective`; !strings.Contains(f.stderr, want) {
		t.Errorf("stderr %q, want %q", f.stderr, want)
	}
	o := s.run(t, "history", "grow", "--kind", "objective", "--format", "json")
	o.expect(t, 0)
	for _, want := range []string{`"item": "objective"`, `"title": "Grow revenue 20%"`, `"new": "Grow revenue 20%"`} {
		if !strings.Contains(o.stdout, want) {
			t.Errorf("history --kind objective lacks %s:\n%s", want, o.stdout)
		}
	}
	if strings.Contains(o.stdout, "planned") || o.stderr != "" {
		t.Errorf("history --kind objective shows the feature, or warns: %q\n%s", o.stderr, o.stdout)
	}
	c := s.run(t, "history", "grow", "--kind", "campaign")
	if c.code != 2 || !strings.Contains(c.stderr, `no campaign "grow" in the roadmap or its history; it is the id of a feature (--kind feature)`) {
		t.Errorf("history of a campaign that never was: %d %q", c.code, c.stderr)
	}
	// Once the objective is gone, history finds it without --kind.
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: grow, title: Growth loops, status: planned}\n")
	b.Commit("Ana", "Drop the objective")
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: grow, title: Growth loops, status: planned}\nobjectives:\n  - {id: keep, title: Keep customers}\n")
	b.Commit("Ana", "Plan to keep customers")
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: grow, title: Growth loops, status: planned}\n")
	b.Commit("Ana", "Drop keeping customers")
	gone := s.run(t, "history", "keep")
	gone.expect(t, 0)
	if !strings.HasPrefix(gone.stdout, "objective keep  Keep customers: 2 commits") || !strings.Contains(gone.stdout, "removed") {
		t.Errorf("history of an objective that is gone:\n%s", gone.stdout)
	}
	// Gone, and not changed since: no commits, and a note of when it went.
	since := s.run(t, "history", "keep", "--since", "2099-01-01")
	since.expect(t, 0)
	if !strings.HasPrefix(since.stdout, "objective keep  Keep customers: no commits since 2099-01-01\n") ||
		!regexp.MustCompile(`^roadmap: note: objective keep was removed on \d{4}-\d\d-\d\d in [0-9a-f]{7} "Drop keeping customers", and not changed since 2099-01-01; without --since, history shows its whole life\n$`).MatchString(since.stderr) {
		t.Errorf("history --since of an item gone before:\n%s%s", since.stdout, since.stderr)
	}
	if never := s.run(t, "history", "kept", "--since", "2099-01-01"); never.code != 2 || never.stderr != "roadmap: no feature, objective or campaign \"kept\" in the roadmap, nor changed since 2099-01-01\n" {
		t.Errorf("history --since of an item that never was: %d %q", never.code, never.stderr)
	}
	// Both gone: history shows the feature and tells of the objective.
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: b, title: B}\n")
	b.Commit("Ana", "Drop growth")
	both := s.run(t, "history", "grow")
	both.expect(t, 0)
	if !strings.Contains(both.stdout, "Growth loops: 3 commits") || strings.Contains(both.stdout, "20%") {
		t.Errorf("history of a gone feature sharing its id:\n%s", both.stdout)
	}
	if want := `roadmap: note: "grow" was also the id of an objective; its history: roadmap history grow --kind objective`; !strings.Contains(both.stderr, want) {
		t.Errorf("stderr %q, want %q", both.stderr, want)
	}
	// Both gone before --since: the same, with no commits.
	bothSince := s.run(t, "history", "grow", "--since", "2099-01-01")
	bothSince.expect(t, 0)
	if want := `roadmap: note: "grow" was also the id of an objective`; !strings.HasPrefix(bothSince.stdout, "grow  Growth loops: no commits since 2099-01-01\n") || !strings.Contains(bothSince.stderr, want) || !strings.Contains(bothSince.stderr, `feature grow was removed on`) {
		t.Errorf("history --since of a gone feature sharing its id:\n%s%s", bothSince.stdout, bothSince.stderr)
	}
	// Gone from different files, each kind is followed through its own.
	two := gittest.New(t)
	two.Write("roadmap.yaml", "product: Acme\n")
	two.Write("features.yaml", "features:\n  - {id: grow, title: Growth loops, status: idea}\n")
	two.Commit("Ana", "Add the feature")
	two.Write("features.yaml", "features:\n  - {id: grow, title: Growth loops, status: planned}\n")
	two.Write("objectives.yaml", "objectives:\n  - {id: grow, title: Grow revenue}\n")
	two.Commit("Ana", "Plan it, add the objective")
	two.Write("features.yaml", "features:\n  - {id: grow, title: Growth loops, status: in-progress}\n")
	two.Commit("Ana", "Start it")
	two.Write("features.yaml", "features: []\n")
	two.Commit("Ana", "Drop the feature")
	two.Write("objectives.yaml", "objectives: []\n")
	two.Commit("Ana", "Drop the objective")
	apart := session{wd: two.Dir}.run(t, "history", "grow")
	apart.expect(t, 0)
	if !strings.Contains(apart.stdout, "Growth loops: 4 commits") || !strings.Contains(apart.stdout, "Drop the feature") || !strings.Contains(apart.stderr, "was also the id of an objective") {
		t.Errorf("history of a feature and an objective gone from two files:\n%s%s", apart.stdout, apart.stderr)
	}
	k := s.run(t, "history", "grow", "--kind", "objectives")
	if k.code != 2 || !strings.Contains(k.stderr, `did you mean "objective"?`) {
		t.Errorf("a kind mistyped: %d %q", k.code, k.stderr)
	}
}

// TestDiffWarnsAsValidateCounts: errors only the whole roadmap can judge (an
// unknown dependency, an unknown launch size) are counted on each side as
// validate counts them.
func TestDiffWarnsAsValidateCounts(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: a, title: A, status: idea}\n")
	b.Commit("Ana", "Start")
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: a, title: A, status: idea, depends_on: [zzz], launch: {size: huge}}\n")
	b.Commit("Ana", "Break it")
	s := session{wd: b.Dir}
	v := s.run(t, "validate")
	errs := strings.Count(v.stdout, ": error: ")
	if v.code != 1 || errs < 2 {
		t.Fatalf("validate: exit %d\n%s", v.code, v.stdout)
	}
	d := s.run(t, "diff", "HEAD~1", "HEAD")
	if want := fmt.Sprintf("the roadmap at HEAD has %d error(s) in its files; run 'roadmap validate --at HEAD'\n", errs); !strings.Contains(d.stderr, want) || strings.Contains(d.stderr, "HEAD~1 has") {
		t.Errorf("diff stderr %q, want %q and nothing of HEAD~1", d.stderr, want)
	}
	if w := s.run(t, "diff", "HEAD~1"); !strings.Contains(w.stderr, fmt.Sprintf("the roadmap in the working tree has %d error(s)", errs)) {
		t.Errorf("diff against the working tree: stderr %q", w.stderr)
	}
	// Only a file that does not parse reads as empty, and only then is it said.
	if strings.Contains(d.stdout, "was not read") {
		t.Errorf("diff says a file was not read when every file parses: %q", d.stdout)
	}
	b.Write("roadmap.yaml", "product: Acme\nfeatures: [\n")
	if w := s.run(t, "diff"); !strings.Contains(w.stderr, "working tree has 1 error(s) in its files; run 'roadmap validate'\n") || !strings.Contains(w.stdout, "roadmap.yaml in the working tree was not read (it does not parse, or is a link), so what the other side has in it is left out.") {
		t.Errorf("diff of a working tree that does not parse: stderr %q", w.stderr)
	}
	// A job summary, which has no stderr, says it too.
	if md := s.run(t, "diff", "HEAD~1", "--format", "md"); !strings.Contains(md.stdout, "\n> **Warning:** roadmap.yaml in the working tree was not read (it does not parse, or is a link), so what the other side has in it is left out.\n") {
		t.Errorf("diff --format md of a working tree that does not parse:\n%s", md.stdout)
	}
	// So does json, naming the side (unread, as before files were named)
	// and its files: the working tree as null, as in "to", whose commit is
	// null too.
	if js := s.run(t, "diff", "HEAD~1", "--format", "json"); !strings.Contains(js.stdout, "\"unread\": [\n    null\n  ],\n  \"unread_files\": [\n    {\n      \"side\": null,\n      \"files\": [\n        \"roadmap.yaml\"\n      ]\n    }\n  ]") ||
		!strings.Contains(js.stdout, "\"to_commit\": null") || !regexp.MustCompile(`"from_commit": "[0-9a-f]{40}"`).MatchString(js.stdout) {
		t.Errorf("diff --format json of a working tree that does not parse:\n%s", js.stdout)
	}
	if js := s.run(t, "diff", "HEAD~1", "HEAD", "--format", "json"); strings.Contains(js.stdout, "unread") {
		t.Errorf("diff --format json names unread sides when every file parses:\n%s", js.stdout)
	}
	if md := s.run(t, "diff", "HEAD~1", "HEAD", "--format", "md"); strings.Contains(md.stdout, "Warning") {
		t.Errorf("diff --format md warns when every file parses:\n%s", md.stdout)
	}
	// As a gate, a side that does not parse cannot tell what changed: 2,
	// not 1. Its items are not shown removed: they were not read.
	gate := s.run(t, "diff", "--exit-code")
	gate.expect(t, 2)
	if strings.Contains(gate.stdout, "(removed)") || !strings.Contains(gate.stdout, "No changes") {
		t.Errorf("diff --exit-code of a working tree that does not parse:\n%s", gate.stdout)
	}
	s.run(t, "diff", "HEAD~1", "HEAD", "--exit-code").expect(t, 1) // errors, but every file parses
}

// TestDiffNamesUnreadFilesFromTheWorkingFolder: a file diff could not read
// is named as validate names it, from where the command runs.
func TestDiffNamesUnreadFilesFromTheWorkingFolder(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/features/core.yaml", "features:\n  - {id: a, title: A, status: idea}\n")
	b.Commit("Ana", "Start")
	b.Write("plan/features/core.yaml", "features: [\n")
	for wd, want := range map[string]string{
		b.Dir:                                    "plan/features/core.yaml in the working tree was not read",
		filepath.Join(b.Dir, "plan"):             "features/core.yaml in the working tree was not read",
		filepath.Join(b.Dir, "plan", "features"): "core.yaml in the working tree was not read",
	} {
		d := session{wd: wd}.run(t, "diff", "--dir", filepath.Join(b.Dir, "plan"))
		if !strings.Contains(d.stdout, "\n"+want) && !strings.HasPrefix(d.stdout, want) {
			t.Errorf("diff from %s:\n%s\nwant %q", wd, d.stdout, want)
		}
	}
}

// TestARevisionMergedBeforeTheMove: a release tagged on a branch that was
// merged into main before the roadmap folder moved is on no first-parent
// line through the move, yet it is read where it had the folder.
func TestARevisionMergedBeforeTheMove(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: planned, target: 2026-Q2}\n")
	v1 := b.CommitOn("2026-01-05", "Ana", "Plan search")
	release := b.OnBranchFrom("release", v1, func() plumbing.Hash {
		b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: in-progress, target: 2026-Q2}\n")
		return b.CommitOn("2026-01-12", "Raj", "Start search for the release")
	})
	b.Tag("release-1.0", release)
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: planned, target: 2026-Q2}\n  - {id: sso, title: SSO, status: idea}\n")
	sso := b.CommitOn("2026-01-14", "Mia", "Add SSO")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: in-progress, target: 2026-Q2}\n  - {id: sso, title: SSO, status: idea}\n")
	merge := b.Commit("Ana", "Merge release into main", release)
	b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
	b.Move("roadmap/features.yaml", "plan/features.yaml")
	move := b.CommitOn("2026-03-02", "Li", "Move the roadmap to plan/")
	b.Write("plan/features.yaml", "features:\n  - {id: search, title: Search, status: shipped, target: 2026-Q2, shipped: 2026-05-04}\n  - {id: sso, title: SSO, status: idea}\n")
	b.CommitOn("2026-05-04", "Raj", "Ship search")
	s := session{wd: filepath.Join(b.Dir, "plan")}
	l := s.run(t, "list", "--at", "release-1.0", "--format", "csv")
	l.expect(t, 0)
	if !strings.Contains(l.stdout, "search,Search,in-progress") {
		t.Errorf("list --at a release merged before the move:\n%s%s", l.stdout, l.stderr)
	}
	// The commits since the release's merge are named, and SSO, added on
	// main before the merge, by the commit on main that added it.
	d := s.run(t, "diff", "release-1.0", "HEAD")
	d.expect(t, 0)
	// One commit made both of search's changes: it is named once.
	named := regexp.MustCompile(`~ feature search  Search\n    [0-9a-f]{7} Raj, 2026-05-04: Ship search\n    status: in-progress → shipped\n    shipped: `)
	if !named.MatchString(d.stdout) || !strings.HasSuffix(d.stdout, "+ feature sso  SSO (added)\n    "+sso.String()[:7]+" Mia, 2026-01-14: Add SSO\n") || d.stderr != "" {
		t.Errorf("diff from a release merged before the move:\n%s%s", d.stdout, d.stderr)
	}
	// A shallow clone from the move on, with the release's tag fetched,
	// cannot tell where the release had the folder: it says how to fetch
	// the history, not that the release has no roadmap.
	b.MakeShallow(move, v1, sso, merge)
	l = s.run(t, "list", "--at", "release-1.0", "--format", "csv")
	l.expect(t, 2)
	if !strings.Contains(l.stderr, "git fetch --unshallow") || strings.Contains(l.stderr, "no roadmap.yaml") {
		t.Errorf("list --at a release beyond a shallow clone's edge: %q", l.stderr)
	}
}

// TestAMissingRoadmapNamesWhereItLooked: a revision from before the folder
// held its roadmap.yaml, and before it moved, is read where it was then, and
// the error names that folder.
func TestAMissingRoadmapNamesWhereItLooked(t *testing.T) {
	b := gittest.New(t)
	b.Write("README.md", "Acme\n")
	b.CommitOn("2026-01-02", "Ana", "Start")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: idea}\n")
	b.CommitOn("2026-01-05", "Ana", "Draft search")
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.CommitOn("2026-01-06", "Ana", "Start the roadmap")
	b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
	b.Move("roadmap/features.yaml", "plan/features.yaml")
	b.CommitOn("2026-02-02", "Li", "Move the roadmap to plan/")
	s := session{wd: filepath.Join(b.Dir, "plan")}
	r := s.run(t, "list", "--at", "HEAD~2")
	if r.code != 2 || !strings.Contains(r.stderr, "HEAD~2 has no roadmap.yaml in roadmap/") {
		t.Errorf("list --at a revision before roadmap.yaml, before the move: %d %q", r.code, r.stderr)
	}
	// Before the folder: said once, plainly.
	if r := s.run(t, "list", "--at", "HEAD~3"); r.code != 2 || r.stderr != "roadmap: HEAD~3 has no folder roadmap/\n" {
		t.Errorf("list --at a revision before the folder: %d %q", r.code, r.stderr)
	}
}

// TestDiffFromARevisionToTheWorkingTree: each change names the commit that
// made it, as between two commits, unless the working tree alone holds it.
func TestDiffFromARevisionToTheWorkingTree(t *testing.T) {
	b, hs := planRepo(t)
	b.Write("plan/core.yaml", "features:\n"+feat("search", "shipped", "2027-Q2")+feat("alerts", "planned", "2027-Q3")+feat("beta", "idea", "later"))
	s := session{wd: filepath.Join(b.Dir, "plan")}
	for name, args := range map[string][]string{
		"diff-v1-worktree.text": {"diff", "v1"},
		"diff-v1-worktree.md":   {"diff", "v1", "--format", "md"},
	} {
		r := s.run(t, args...)
		r.expect(t, 0)
		if r.stderr != "" {
			t.Errorf("stderr: %s", r.stderr)
		}
		golden.Assert(t, "git/"+name, []byte(r.stdout))
	}
	r := s.run(t, "diff", "v1", "--format", "json")
	r.expect(t, 0)
	var d struct {
		Changes []struct {
			ID          string `json:"id"`
			Change      string `json:"change"`
			Uncommitted bool   `json:"uncommitted"`
			Commit      *struct {
				Hash string `json:"hash"`
			} `json:"commit"`
			Fields []struct {
				Field       string `json:"field"`
				Uncommitted bool   `json:"uncommitted"`
				Commit      *struct {
					Hash string `json:"hash"`
				} `json:"commit"`
			} `json:"fields"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	name := func(uncommitted bool, c *struct {
		Hash string `json:"hash"`
	}) string {
		switch {
		case uncommitted && c == nil:
			return "uncommitted"
		case c == nil:
			return "none"
		case uncommitted:
			return "both"
		}
		for k, h := range hs {
			if h.String() == c.Hash {
				return k
			}
		}
		return c.Hash
	}
	for _, c := range d.Changes {
		if c.Change != "changed" {
			got[c.ID] = name(c.Uncommitted, c.Commit)
		}
		for _, f := range c.Fields {
			got[c.ID+"."+f.Field] = name(f.Uncommitted, f.Commit)
		}
	}
	want := map[string]string{
		"search.status": "uncommitted", // in-progress at HEAD, shipped only here
		"search.target": "c2",          // slipped to Q2 by a commit
		"export":        "c4",          // removed by a commit
		"alerts":        "c4",          // added by a commit, then edited here
		"beta":          "uncommitted",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("diff v1 to the working tree names\n%v\nwant\n%v", got, want)
	}
	// With no revision, diff shows uncommitted edits, and none says so;
	// from HEAD named, or a tag on it, each says so.
	plain := s.run(t, "diff", "--format", "json")
	plain.expect(t, 0)
	if strings.Contains(plain.stdout, "uncommitted") || strings.Contains(plain.stdout, `"commit"`) {
		t.Errorf("diff marks its changes:\n%s", plain.stdout)
	}
	head := s.run(t, "diff", "v2", "--format", "json")
	head.expect(t, 0)
	if n := strings.Count(head.stdout, `"uncommitted": true`); n != 3 || strings.Contains(head.stdout, `"commit"`) {
		t.Errorf("diff v2 (HEAD) marks %d changes uncommitted, want 3 and no commit:\n%s", n, head.stdout)
	}
}

// TestDiffFromARevisionSeesAsTheReportDoes: for an audience, a change is
// committed when HEAD shows it alike (owners by name, not by id); a HEAD
// whose file does not parse marks nothing, and says so; a HEAD without
// the roadmap holds none of the working tree's changes.
func TestDiffFromARevisionSeesAsTheReportDoes(t *testing.T) {
	b := gittest.New(t)
	starter := map[string]string{}
	for _, name := range []string{"roadmap.yaml", "features.yaml", "people.yaml"} {
		text, err := os.ReadFile(filepath.Join("..", "..", "examples", "starter", name))
		if err != nil {
			t.Fatal(err)
		}
		starter[name] = string(text)
		if name == "people.yaml" {
			starter[name] += "\n  - id: kim\n    name: Kim Park\n    role: marketing\n"
		}
		b.Write(name, starter[name])
	}
	b.Tag("v1", b.Commit("Ana Ruiz", "Start"))
	features := strings.Replace(starter["features.yaml"], "marketing: sam", "marketing: kim", 1)
	b.Write("features.yaml", features)
	kim := b.Commit("Raj Patel", "Kim markets the launch")
	s := session{wd: b.Dir}

	r := s.run(t, "diff", "v1", "--audience", "internal", "--format", "json")
	r.expect(t, 0)
	if strings.Contains(r.stdout, "uncommitted") || !strings.Contains(r.stdout, kim.String()) {
		t.Errorf("diff v1 --audience internal, committed and clean, does not name %s:\n%s", kim, r.stdout)
	}

	// HEAD's features.yaml does not parse; the working tree mends it.
	b.Write("features.yaml", features+"  - id: [broken\n")
	b.Commit("Mia Chen", "Half an edit")
	b.Write("features.yaml", features)
	r = s.run(t, "diff", "v1", "--format", "json")
	r.expect(t, 0)
	if strings.Contains(r.stdout, "uncommitted") || strings.Contains(r.stdout, `"commit"`) {
		t.Errorf("diff v1 against a HEAD that does not parse marks changes:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "at HEAD does not parse") {
		t.Errorf("stderr does not say HEAD does not parse: %q", r.stderr)
	}

	// HEAD deleted the roadmap; the working tree brings it back.
	for name := range starter {
		b.Remove(name)
	}
	b.Commit("Mia Chen", "Remove the roadmap")
	for name, text := range starter {
		b.Write(name, text)
	}
	b.Write("features.yaml", features)
	r = s.run(t, "diff", "v1", "--format", "json")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, `"uncommitted": true`) || strings.Contains(r.stdout, `"commit"`) {
		t.Errorf("diff v1 against a HEAD without the roadmap:\n%s", r.stdout)
	}
}

// TestDiffFromARevisionInAShallowClone: from a revision the clone holds to
// the working tree, the diff needs no history: it is shown, the commits
// between unnamed, and a warning says why.
func TestDiffFromARevisionInAShallowClone(t *testing.T) {
	b, hs := planRepo(t)
	b.MakeShallow(hs["c3"], hs["c2"]) // v1 (c1) fetched on its own, as a tag is
	b.Write("plan/core.yaml", "features:\n"+feat("search", "shipped", "2027-Q2")+feat("alerts", "planned", "2027-H2"))
	s := session{wd: b.Dir}
	r := s.run(t, "diff", "--dir", "plan", "v1", "--format", "json")
	r.expect(t, 0)
	if !strings.Contains(r.stderr, "shallow clone lacks the commits between v1 and HEAD") || !strings.Contains(r.stderr, "git fetch --unshallow") {
		t.Errorf("stderr %q", r.stderr)
	}
	if !strings.Contains(r.stdout, `"uncommitted": true`) || strings.Contains(r.stdout, `"commit"`) {
		t.Errorf("diff v1 in a shallow clone:\n%s", r.stdout)
	}
}

// TestAMoveOutOfANestedFolder: docs/plan moved to roadmap/, leaving no
// docs/: revisions before the move are read from docs/plan.
func TestAMoveOutOfANestedFolder(t *testing.T) {
	b := gittest.New(t)
	names := []string{"roadmap.yaml", "features.yaml", "people.yaml"}
	for _, name := range names {
		text, err := os.ReadFile(filepath.Join("..", "..", "examples", "starter", name))
		if err != nil {
			t.Fatal(err)
		}
		b.Write("docs/plan/"+name, string(text))
	}
	b.Tag("v1", b.Commit("Ana Ruiz", "Plan"))
	for _, name := range names {
		b.Move("docs/plan/"+name, "roadmap/"+name)
	}
	b.Commit("Li Wei", "Move the plan")
	s := session{wd: b.Dir}
	d := s.run(t, "diff", "v1")
	d.expect(t, 0)
	if !strings.Contains(d.stdout, "No changes from v1 to the working tree") {
		t.Errorf("diff v1 across the move:\n%s%s", d.stdout, d.stderr)
	}
	l := s.run(t, "list", "--at", "v1", "--format", "csv")
	l.expect(t, 0)
	if !strings.Contains(l.stdout, "guided-setup") {
		t.Errorf("list --at v1:\n%s%s", l.stdout, l.stderr)
	}
}

// TestHistoryOfAnUncommittedItem: an item only the working tree holds has
// no history yet, and history says so rather than that it is nowhere.
func TestHistoryOfAnUncommittedItem(t *testing.T) {
	b, _ := planRepo(t)
	b.Write("plan/core.yaml", "features:\n"+feat("search", "in-progress", "2027-Q2")+feat("alerts", "planned", "2027-H2")+feat("beta", "idea", "later"))
	s := session{wd: filepath.Join(b.Dir, "plan")}
	r := s.run(t, "history", "beta")
	r.expect(t, 2)
	if !strings.Contains(r.stderr, `"beta" is in the working tree but in no commit yet`) {
		t.Errorf("history of an uncommitted feature: %q", r.stderr)
	}
	if r := s.run(t, "history", "nope"); !strings.Contains(r.stderr, `no feature, objective or campaign "nope"`) {
		t.Errorf("history of no item at all: %q", r.stderr)
	}
	if r := s.run(t, "history", "beta", "--at", "v2"); strings.Contains(r.stderr, "working tree") {
		t.Errorf("history --at v2 looks at the working tree: %q", r.stderr)
	}
}

// TestAudienceDiffNamesErrorsWhereTheyAre: a side refused for its errors
// names each file where that side had it, before the folder moved.
func TestAudienceDiffNamesErrorsWhereTheyAre(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: a, title: A, status: plannd, visibility: public}\n")
	b.Tag("v1", b.Commit("Ana", "Plan a"))
	b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
	b.Move("roadmap/features.yaml", "plan/features.yaml")
	b.Write("plan/features.yaml", "features:\n  - {id: a, title: A, status: planned, visibility: public}\n")
	b.Commit("Li", "Move the roadmap, mend a")
	s := session{wd: b.Dir}
	r := s.run(t, "diff", "--dir", "plan", "v1", "HEAD", "--audience", "customers")
	r.expect(t, 1)
	if !strings.Contains(r.stderr, "v1:roadmap/features.yaml:2:") || strings.Contains(r.stderr, "plan/features.yaml") {
		t.Errorf("the error at v1 is not named where v1 had it: %q", r.stderr)
	}
	// As a gate, 1 means changes: a diff refused for errors is trouble, 2,
	// with the errors said and nothing on stdout.
	gate := s.run(t, "diff", "--dir", "plan", "v1", "HEAD", "--audience", "customers", "--exit-code", "--format", "md")
	gate.expect(t, 2)
	if gate.stdout != "" || !strings.Contains(gate.stderr, "v1:roadmap/features.yaml:2:") {
		t.Errorf("diff --exit-code refused: stdout %q, stderr %q", gate.stdout, gate.stderr)
	}
	s.run(t, "diff", "--dir", "plan", "HEAD~1", "HEAD", "--exit-code").expect(t, 1)
	s.run(t, "diff", "--dir", "plan", "HEAD", "HEAD", "--exit-code").expect(t, 0)
}

// TestAValueThatDoesNotReadShowsAsWritten: a typo committed to a field reads
// as the typo in diff and history, not as the field emptied.
func TestAValueThatDoesNotReadShowsAsWritten(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: a, title: A, status: in-progress, target: 2027-03}\n")
	b.Commit("Ana", "Start")
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: a, title: A, status: shiped, target: 2027-02-30}\n")
	b.Commit("Kofi", "Ship A")
	s := session{wd: b.Dir}
	want := []string{"status: in-progress → shiped (not valid)", "target: 2027-03 → 2027-02-30 (not valid)"}
	for _, args := range [][]string{{"diff", "HEAD~1", "HEAD"}, {"history", "a"}} {
		r := s.run(t, args...)
		r.expect(t, 0)
		for _, w := range want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s lacks %q:\n%s", args[0], w, r.stdout)
			}
		}
	}
	// In json the value is as written, and flagged.
	r := s.run(t, "diff", "HEAD~1", "HEAD", "--format", "json")
	var doc struct {
		Changes []struct {
			Fields []struct {
				Field, Old, New string
				NewInvalid      bool `json:"new_invalid"`
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Changes) != 1 || len(doc.Changes[0].Fields) != 2 {
		t.Fatalf("diff json (%v):\n%s", err, r.stdout)
	}
	if f := doc.Changes[0].Fields[0]; f.Field != "status" || f.New != "shiped" || !f.NewInvalid || strings.Contains(r.stdout, "old_invalid") {
		t.Errorf("diff json of a status that does not read: %+v\n%s", f, r.stdout)
	}
	// An edit of a value that does not read is a change too.
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: a, title: A, status: shipd, target: 2027-02-30}\n")
	b.Commit("Kofi", "Still not shipped")
	d := s.run(t, "diff", "HEAD~1", "HEAD", "--exit-code")
	d.expect(t, 1)
	if !strings.Contains(d.stdout, "status: shiped (not valid) → shipd (not valid)") {
		t.Errorf("an edited typo:\n%s", d.stdout)
	}
}

// TestDiffFromABranchOffTheLineNamesTheMergeBase: a revision on a branch
// never merged (main moved on since a feature branch left it) names no
// commit, and the note says which diff would: the one from the merge base.
func TestDiffFromABranchOffTheLineNamesTheMergeBase(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feat("a", "planned", "2027-Q1"))
	base := b.Commit("Ana", "Plan a")
	b.OnBranch("side", func() plumbing.Hash {
		b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feat("a", "planned", "2027-Q3"))
		return b.Commit("Raj", "Slip a on the side")
	})
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feat("a", "in-progress", "2027-Q1"))
	b.Commit("Li", "Start a")
	s := session{wd: b.Dir}
	r := s.run(t, "diff", "side", "HEAD")
	r.expect(t, 0)
	hint := "roadmap diff " + base.String()[:7] + " HEAD"
	if !strings.Contains(r.stderr, "side is not on the first-parent line of HEAD") || !strings.HasSuffix(r.stderr, "to name them: "+hint+"\n") {
		t.Errorf("diff from a branch off the line: stderr %q, want the hint %q", r.stderr, hint)
	}
	if strings.Contains(r.stdout, "Start a") || !strings.Contains(r.stdout, "target: 2027-Q3 → 2027-Q1") {
		t.Errorf("diff from a branch off the line names a commit, or lacks the change:\n%s", r.stdout)
	}
	// The hint's diff names the commit.
	if h := s.run(t, strings.Fields(hint)[1:]...); !strings.Contains(h.stdout, "Li, ") || !strings.Contains(h.stdout, "Start a") || h.stderr != "" {
		t.Errorf("%s:\n%s%s", hint, h.stdout, h.stderr)
	}
	// To the working tree, the hint diffs to the working tree too.
	w := s.run(t, "diff", "side")
	if !strings.HasSuffix(w.stderr, "to name them: roadmap diff "+base.String()[:7]+"\n") {
		t.Errorf("diff from a branch off the line to the working tree: stderr %q", w.stderr)
	}
	// Given the other way round, the newer first, the merge base is the
	// older revision itself: the note says to swap them, quoted for a
	// shell that globs ~ (zsh).
	if r := s.run(t, "diff", "HEAD", "HEAD~1"); !strings.HasSuffix(r.stderr, "HEAD comes after HEAD~1, so no change names its commit; give the older revision first: roadmap diff 'HEAD~1' HEAD\n") {
		t.Errorf("diff the other way round: stderr %q", r.stderr)
	}
	// Run with --dir from elsewhere (through a folder name a shell would
	// split), each hint keeps it and the other flags given, and works
	// pasted into a shell.
	spaced := filepath.Join(t.TempDir(), "my plan")
	if err := os.Symlink(b.Dir, spaced); err != nil {
		t.Fatal(err)
	}
	dir := shellWord(spaced)
	for args, hint := range map[[2]string]string{
		{"side", "HEAD"}:   "roadmap diff " + base.String()[:7] + " HEAD --format md --dir " + dir,
		{"HEAD", "HEAD~1"}: "roadmap diff 'HEAD~1' HEAD --format md --dir " + dir,
	} {
		r := pipe.run(t, "diff", args[0], args[1], "--format", "md", "--dir", spaced)
		if !strings.HasSuffix(r.stderr, ": "+hint+"\n") {
			t.Errorf("diff %s %s --dir: stderr %q, want the hint %q", args[0], args[1], r.stderr, hint)
		}
		if h := pipe.run(t, pasted(t, hint)...); h.code != 0 || h.stderr != "" || !strings.Contains(h.stdout, "Li, ") || !strings.HasPrefix(h.stdout, "#") {
			t.Errorf("%s: exit %d\n%s%s", hint, h.code, h.stdout, h.stderr)
		}
	}
	if err := b.Worktree.Checkout(&git.CheckoutOptions{Hash: base}); err != nil {
		t.Fatal(err)
	}
	if r := s.run(t, "diff", "master"); !strings.HasSuffix(r.stderr, "master comes after HEAD, so no change names its commit\n") {
		t.Errorf("diff from a revision after HEAD to the working tree: stderr %q", r.stderr)
	}
}

// TestDiffOfThePullRequestThatAddsTheRoadmap: a revision from before the
// roadmap reads as an empty roadmap, so the first pull request's diff (and
// the customers gate of docs/ci.md) shows every item as added, named with
// the commit that added it, instead of failing.
func TestDiffOfThePullRequestThatAddsTheRoadmap(t *testing.T) {
	b := gittest.New(t)
	b.Write("README.md", "Acme\n")
	b.Commit("Ana", "Start")
	roadmapYAML := "product: Acme\naudiences:\n  partners:\n    visibility: [public]\n    dates: half\nlint:\n  rules:\n    missing-scores: off\n    feature-without-objective: off\n"
	b.Write("roadmap/roadmap.yaml", roadmapYAML)
	b.Write("roadmap/features.yaml", "features:\n"+feat("search", "planned", "2027-Q1"))
	add := b.Commit("Raj", "Add the roadmap")
	b.Write("roadmap/features.yaml", "features:\n"+feat("search", "planned", "2027-Q1")+
		"  - {id: secret, title: Project Canary, status: idea, visibility: internal}\n")
	plan := b.Commit("Li", "Plan the canary")
	s := session{wd: b.Dir}

	r := s.run(t, "diff", "HEAD~2", "HEAD")
	r.expect(t, 0)
	if r.stderr != "roadmap: HEAD~2 has no roadmap in roadmap/, so every item reads as added\n" {
		t.Errorf("the note: %q", r.stderr)
	}
	for _, want := range []string{
		"2 features changed from HEAD~2 to HEAD",
		"+ feature search  Feature search (added)\n    " + add.String()[:7] + " Raj, 2026-07-03: Add the roadmap",
		"+ feature secret  Project Canary (added)\n    " + plan.String()[:7] + " Li, 2026-07-04: Plan the canary",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("diff HEAD~2 HEAD lacks %q:\n%s", want, r.stdout)
		}
	}
	if g := s.run(t, "diff", "HEAD~2", "HEAD", "--exit-code"); g.code != 1 {
		t.Errorf("--exit-code of a diff that adds the roadmap: %d, want 1 (changes)", g.code)
	}
	// An audience sees only what it may, by the newer side's audiences.
	c := s.run(t, "diff", "HEAD~2", "HEAD", "--audience", "customers")
	c.expect(t, 0)
	if !strings.Contains(c.stdout, "1 feature changed") || strings.Contains(c.stdout, "Canary") || strings.Contains(c.stdout, "Raj") {
		t.Errorf("diff --audience customers:\n%s", c.stdout)
	}
	// The other way round, every item reads as removed, and the audiences
	// are the side with a roadmap's.
	// No commit is named, and no note offers a diff that would.
	if o := s.run(t, "diff", "HEAD", "HEAD~2"); o.stderr != "roadmap: HEAD~2 has no roadmap in roadmap/, so every item reads as removed\n" ||
		!strings.Contains(o.stdout, "- feature search  Feature search (removed)") {
		t.Errorf("diff HEAD HEAD~2: %d\n%s%s", o.code, o.stdout, o.stderr)
	}
	if p := s.run(t, "diff", "HEAD", "HEAD~2", "--audience", "partners"); p.code != 0 || !strings.Contains(p.stdout, "- feature search  Feature search (removed)") || strings.Contains(p.stdout, "Canary") {
		t.Errorf("diff HEAD HEAD~2 --audience partners: %d\n%s%s", p.code, p.stdout, p.stderr)
	}
	// Neither side has a roadmap: nothing to compare.
	if n := s.run(t, "diff", "HEAD~2", "HEAD~2"); n.code != 2 || n.stdout != "" || n.stderr != "roadmap: HEAD~2 has no roadmap in roadmap/\n" {
		t.Errorf("diff of two revisions without a roadmap: %d %q %q", n.code, n.stdout, n.stderr)
	}
	// To the working tree: what a commit added names it, the rest is not
	// committed yet.
	b.Write("roadmap/features.yaml", "features:\n"+feat("search", "planned", "2027-Q1")+feat("alerts", "idea", "next"))
	w := s.run(t, "diff", "HEAD~2")
	w.expect(t, 0)
	if !strings.Contains(w.stdout, "Feature search (added)\n    "+add.String()[:7]) || !strings.Contains(w.stdout, "Feature alerts (added)\n    not committed yet") {
		t.Errorf("diff HEAD~2 to the working tree:\n%s%s", w.stdout, w.stderr)
	}
}

// TestDiffBeforeTheFirstCommit: right after `roadmap init`, diff shows the
// new roadmap as added rather than failing on a HEAD that names nothing.
func TestDiffBeforeTheFirstCommit(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n"+feat("search", "planned", "2027-Q1"))
	s := session{wd: b.Dir}
	r := s.run(t, "diff")
	r.expect(t, 0)
	if r.stderr != "roadmap: HEAD has no commit yet, so every item reads as added\n" || !strings.Contains(r.stdout, "+ feature search  Feature search (added)") || strings.Contains(r.stdout, "not committed yet") {
		t.Errorf("diff before the first commit: %q\n%s", r.stderr, r.stdout)
	}
	// With no revision every change is uncommitted, and none says so, as
	// after the first commit. Named, HEAD reads the same, every change not
	// committed yet.
	h := s.run(t, "diff", "HEAD")
	h.expect(t, 0)
	if h.stderr != r.stderr || !strings.Contains(h.stdout, "+ feature search  Feature search (added)\n    not committed yet") {
		t.Errorf("diff HEAD before the first commit: %q\n%s", h.stderr, h.stdout)
	}
	// Only HEAD reads as empty: another name is a revision that is not there.
	for _, args := range [][]string{{"diff", "main"}, {"diff", "HEAD", "HEAD"}, {"history", "search"}} {
		if r := s.run(t, args...); r.code != 2 || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "commit the roadmap first") {
			t.Errorf("%v before the first commit: %d %q", args, r.code, r.stderr)
		}
	}
}

// TestDiffReadsAsEmptyOnlyARevisionWithoutRoadmapFiles: a folder holding
// roadmap files but no roadmap.yaml (drafts committed first, or a linked
// roadmap.yaml) is not read as empty: the history a diff names commits from
// reads those files, and a link is refused as everywhere else.
func TestDiffReadsAsEmptyOnlyARevisionWithoutRoadmapFiles(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: idea}\n")
	b.Commit("Ana", "Draft features")
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Commit("Ana", "Begin the roadmap")
	s := session{wd: b.Dir}
	if r := s.run(t, "diff", "HEAD~1", "HEAD"); r.code != 2 || r.stdout != "" || r.stderr != "roadmap: HEAD~1 has no roadmap.yaml in roadmap/\n" {
		t.Errorf("diff from drafts without roadmap.yaml: %d %q %q", r.code, r.stdout, r.stderr)
	}

	l := gittest.New(t)
	l.Write("shared/roadmap.yaml", "product: Acme\n")
	l.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: idea}\n")
	link := filepath.Join(l.Dir, "roadmap", "roadmap.yaml")
	if err := os.Symlink(filepath.Join("..", "shared", "roadmap.yaml"), link); err != nil {
		t.Fatal(err)
	}
	l.Commit("Ana", "Link the settings")
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	l.Write("roadmap/roadmap.yaml", "product: Acme\n")
	l.Commit("Ana", "Copy the settings in")
	ls := session{wd: l.Dir}
	for _, args := range [][]string{{"diff", "HEAD~1", "HEAD"}, {"list", "--at", "HEAD~1"}} {
		if r := ls.run(t, args...); r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "roadmap.yaml is a symbolic link") {
			t.Errorf("%v with roadmap.yaml linked at HEAD~1: %d %q %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

// TestALinkedFileInARevision: a roadmap file kept as a symbolic link is left
// out as an error at the file, in the working tree and in a commit alike, so
// the commits from before the link was replaced by the file still load and
// diff, and validate points at it.
func TestALinkedFileInARevision(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: idea}\n")
	b.Write("shared/extra.yaml", "features:\n  - {id: alerts, title: Alerts, status: idea}\n")
	link := filepath.Join(b.Dir, "roadmap", "extra.yaml")
	if err := os.Symlink(filepath.Join("..", "shared", "extra.yaml"), link); err != nil {
		t.Fatal(err)
	}
	b.Commit("Ana", "Link the shared features")
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	b.Write("roadmap/extra.yaml", "features:\n  - {id: alerts, title: Alerts, status: idea}\n")
	b.Write("roadmap/features.yaml", "features:\n  - {id: search, title: Search, status: planned}\n")
	copied := b.Commit("Raj", "Copy the shared features in")
	s := session{wd: b.Dir}

	if l := s.run(t, "list", "--at", "HEAD~1"); l.code != 0 || !strings.Contains(l.stdout, "search") || !strings.Contains(l.stderr, "run \"roadmap validate --at 'HEAD~1'\"\n") || !strings.Contains(l.stderr, "extra.yaml:1:1: error: the file is a symbolic link") {
		t.Errorf("list --at a commit with a link: %d\n%s%s", l.code, l.stdout, l.stderr)
	}
	v := s.run(t, "validate", "--at", "HEAD~1")
	v.expect(t, 1)
	if !strings.Contains(v.stdout, "extra.yaml:1:1") || !strings.Contains(v.stdout, "the file is a symbolic link, so it is not read") {
		t.Errorf("validate --at a commit with a link:\n%s%s", v.stdout, v.stderr)
	}
	d := s.run(t, "diff", "HEAD~1", "HEAD")
	d.expect(t, 0)
	// The link was not read: what extra.yaml holds now was there, through
	// it, and is no change; the other file's change is.
	if strings.Contains(d.stdout, "alerts") || !strings.Contains(d.stdout, "status: idea → planned\n      "+copied.String()[:7]+" Raj, ") || !strings.Contains(d.stderr, "the roadmap at HEAD~1 has 1 error(s) in its files; run \"roadmap validate --at 'HEAD~1'\"") || !strings.Contains(d.stdout, "extra.yaml at HEAD~1 was not read") {
		t.Errorf("diff from a commit with a link:\n%s%s", d.stdout, d.stderr)
	}
	if g := s.run(t, "diff", "HEAD~1", "HEAD", "--exit-code"); g.code != 2 {
		t.Errorf("diff --exit-code from a commit with a link: %d, want 2 (a side not read whole)", g.code)
	}
	// The command it suggests finds the roadmap as this one did.
	if g := s.run(t, "diff", "HEAD~1", "HEAD", "--dir", "roadmap"); !strings.Contains(g.stderr, "run \"roadmap validate --at 'HEAD~1' --dir roadmap\"\n") {
		t.Errorf("diff --dir: the suggested validate lacks the --dir: %q", g.stderr)
	}
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "shared", "extra.yaml"), link); err != nil {
		t.Fatal(err)
	}
	if w := s.run(t, "validate"); w.code != 1 || !strings.Contains(w.stdout, "extra.yaml:1:1") {
		t.Errorf("validate with a linked file in the working tree: %d\n%s%s", w.code, w.stdout, w.stderr)
	}
}

// TestAMergedReleaseWhoseChangesAreAllNamed: from a release merged into
// main, every change made after the merge names its commit, and then no
// note says that some cannot.
func TestAMergedReleaseWhoseChangesAreAllNamed(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: planned}\n")
	v1 := b.Commit("Ana", "Plan search")
	release := b.OnBranchFrom("release", v1, func() plumbing.Hash {
		b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: in-progress}\n")
		return b.Commit("Raj", "Start search for the release")
	})
	b.Tag("release-1.0", release)
	b.Commit("Ana", "Merge release into main", release)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: shipped, shipped: 2026-07-09}\n")
	ship := b.Commit("Li", "Ship search")
	d := session{wd: b.Dir}.run(t, "diff", "release-1.0", "HEAD")
	d.expect(t, 0)
	if d.stderr != "" || !strings.Contains(d.stdout, ship.String()[:7]+" Li, ") || !strings.Contains(d.stdout, "status: in-progress → shipped") {
		t.Errorf("diff from a merged release, every change named:\n%s%q", d.stdout, d.stderr)
	}
}

// TestHistorySinceAMergedRelease: --since a tag on a release branch merged
// into main lists the commits from the merge on, and says so; a branch
// never merged is still refused, with what to give instead.
func TestHistorySinceAMergedRelease(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: idea}\n")
	root := b.Commit("Ana", "Add search")
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: planned}\n")
	b.Commit("Ana", "Plan search")
	release := b.OnBranchFrom("release", root, func() plumbing.Hash {
		b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: idea, target: 2027-Q1}\n")
		return b.Commit("Raj", "Target search on the release")
	})
	b.Tag("release-1.0", release)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: planned, target: 2027-Q1}\n")
	merge := b.Commit("Ana", "Merge release into main", release)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: in-progress, target: 2027-Q1}\n")
	started := b.Commit("Li", "Start search")
	stray := b.OnBranchFrom("stray", root, func() plumbing.Hash {
		b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: parked}\n")
		return b.Commit("Kofi", "Park search")
	})
	b.Tag("stray-1", stray)
	s := session{wd: b.Dir}
	r := s.run(t, "history", "search", "--since", "release-1.0")
	r.expect(t, 0)
	if !strings.Contains(r.stderr, "release-1.0 joined the first-parent line of HEAD in merge "+merge.String()[:7]) {
		t.Errorf("no note of the merge: %q", r.stderr)
	}
	// The merge and the commit after it; not the commits before the merge.
	// The merge shows what it changed since the tag: the tag had the
	// target already, and its status was still idea.
	if !strings.Contains(r.stdout, "Search: 2 commits") || !strings.Contains(r.stdout, "Merge release into main") || !strings.Contains(r.stdout, "Start search") || strings.Contains(r.stdout, "Plan search") ||
		!strings.Contains(r.stdout, "status: idea → planned") || strings.Contains(r.stdout, "target:") {
		t.Errorf("history since a merged release:\n%s", r.stdout)
	}
	// A hotfix tag whose change the merge only brought in: the merge
	// changed nothing since the tag, and only the commit after it shows.
	shipped := "product: Acme\nfeatures:\n  - {id: search, title: Search, status: shipped, target: 2027-Q1}\n"
	hotfix := b.OnBranchFrom("hotfix", started, func() plumbing.Hash {
		b.Write("roadmap.yaml", shipped)
		return b.Commit("Raj", "Ship search on the hotfix")
	})
	b.Tag("hotfix-1", hotfix)
	b.Write("roadmap.yaml", shipped)
	b.Commit("Li", "Merge hotfix", hotfix)
	b.Write("roadmap.yaml", strings.Replace(shipped, "2027-Q1", "2027-Q2", 1))
	moved := b.Commit("Li", "Move the target")
	h := s.run(t, "history", "search", "--since", "hotfix-1", "--format", "json")
	h.expect(t, 0)
	if strings.Count(h.stdout, `"subject": `) != 1 || !strings.Contains(h.stdout, `"subject": "Move the target"`) {
		t.Errorf("history since a hotfix tag:\n%s", h.stdout)
	}
	// A tag behind the line, merged without a change to the line: the
	// merge still changed the item since the tag.
	rc := b.OnBranchFrom("rc", moved, func() plumbing.Hash {
		b.Write("roadmap.yaml", strings.Replace(shipped, "shipped", "in-progress", 1))
		return b.Commit("Raj", "Reopen search on the candidate")
	})
	b.Tag("rc-2", rc)
	b.Commit("Li", "Merge rc, keeping main's plan", rc)
	m := s.run(t, "history", "search", "--since", "rc-2")
	m.expect(t, 0)
	if !strings.Contains(m.stdout, "Search: 1 commit") || !strings.Contains(m.stdout, "Merge rc, keeping main's plan") || !strings.Contains(m.stdout, "status: in-progress → shipped") {
		t.Errorf("history since a tag whose merge kept the line's plan:\n%s", m.stdout)
	}
	n := s.run(t, "history", "search", "--since", "stray-1")
	if n.code != 2 || !strings.Contains(n.stderr, "nor merged into it; give a date instead") {
		t.Errorf("history since a branch never merged: %d %q", n.code, n.stderr)
	}
}

// TestDiffSinceARevisionWithHEADBroken: a diff against the working tree from
// an older revision cannot tell what HEAD committed when a file of HEAD does
// not parse; it says so, with the validate command for this folder.
func TestDiffSinceARevisionWithHEADBroken(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: idea}\n")
	b.Commit("Ana", "Start")
	b.Write("plan/roadmap.yaml", "product: Acme\nfeatures: [\n")
	b.Commit("Ana", "Break it")
	write(t, filepath.Join(b.Dir, "plan"), "roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: planned}\n")
	r := session{wd: b.Dir}.run(t, "diff", "HEAD~1", "--dir", "plan")
	if want := "no change says whether a commit made it; run 'roadmap validate --at HEAD --dir plan'\n"; !strings.Contains(r.stderr, want) || !strings.Contains(r.stdout, "status: idea → planned") {
		t.Errorf("diff HEAD~1 with HEAD broken: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestDiffFromTheMergeBaseOfAPullRequest: a pull request that merged its
// base branch in is diffed, as the README's recipe does, from the merge
// base, which is the base branch's head and on no first-parent line of the
// pull request: its changes on either side of the merge name their commits.
// A value the merge itself chose, which no commit on the line set, names
// none, and a note says why.
func TestDiffFromTheMergeBaseOfAPullRequest(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: planned, target: 2027-Q1}\n  - {id: feeds, title: Feeds, status: idea}\n")
	start := b.Commit("Ana", "Start")
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: planned, target: 2027-Q1}\n  - {id: feeds, title: Feeds, status: planned}\n")
	main := b.Commit("Raj", "Plan feeds")
	b.OnBranchFrom("pr", start, func() plumbing.Hash {
		b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: planned, target: 2027-Q2}\n  - {id: feeds, title: Feeds, status: idea}\n")
		b.Commit("Li", "Slip search")
		// The merge keeps the pull request's feeds.
		b.Commit("Li", "Merge main into pr", main)
		b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, status: in-progress, target: 2027-Q2}\n  - {id: feeds, title: Feeds, status: idea}\n")
		return b.Commit("Li", "Start search")
	})
	r := session{wd: b.Dir}.run(t, "diff", main.String(), "pr")
	r.expect(t, 0)
	for _, want := range []string{
		"    status: planned → in-progress\n      ", " Li, ", ": Start search\n",
		"    target: 2027-Q1 → 2027-Q2 (slip of 91 days)\n      ", ": Slip search\n",
		"~ feature feeds  Feeds\n    status: planned → idea\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("diff from the merge base of a pull request lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "joined the first-parent line of pr in merge") || !strings.Contains(r.stderr, "(the merge chose them)") {
		t.Errorf("no note of the change no commit on the line made: %q", r.stderr)
	}
}

// TestDiffFromARevisionWithTwoForkPoints: a revision merged into the line
// whose history crosses the line's twice (each merged the other) has no one
// point to walk back to; a change made there names no commit, and the note
// says why rather than blaming the merge.
func TestDiffFromARevisionWithTwoForkPoints(t *testing.T) {
	b := gittest.New(t)
	item := func(extra string) string {
		return "product: Acme\nfeatures:\n  - {id: search, title: Search" + extra + "}\n"
	}
	b.Write("roadmap.yaml", item(", status: idea"))
	start := b.Commit("Ana", "Start")
	side := b.OnBranchFrom("side", start, func() plumbing.Hash {
		b.Write("roadmap.yaml", item(", status: planned"))
		return b.Commit("Li", "Plan search")
	})
	b.Write("roadmap.yaml", item(", status: idea, target: 2027-Q1"))
	target := b.Commit("Raj", "Target search")
	b.Write("roadmap.yaml", item(", status: planned, target: 2027-Q1, summary: Find anything."))
	b.Commit("Raj", "Merge side, with a summary", side)
	crossed := b.OnBranchFrom("crossed", side, func() plumbing.Hash {
		b.Write("roadmap.yaml", item(", status: planned, target: 2027-Q1"))
		return b.Commit("Li", "Merge main into side", target)
	})
	b.Commit("Raj", "Merge crossed", crossed)
	r := session{wd: b.Dir}.run(t, "diff", "crossed", "HEAD")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "summary: (none) → Find anything.") || !strings.Contains(r.stderr, "the line it joined cannot be followed back to where crossed left it") || strings.Contains(r.stderr, "the merge chose them") {
		t.Errorf("diff from a revision with two fork points:\n%s%s", r.stdout, r.stderr)
	}
}

// TestFullHashesReadShort: CI passes full hashes (git merge-base, a pull
// request's head); headings and footers show the seven characters git
// shows, JSON the revision as given.
func TestFullHashesReadShort(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, summary: Find it., status: planned, visibility: public}\n")
	base := b.Commit("Ana", "Plan search")
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n  - {id: search, title: Search, summary: Find it., status: shipped, shipped: 2026-11-02, visibility: public}\n")
	head := b.Commit("Li", "Ship search")
	full, short := base.String(), base.String()[:7]
	s := session{wd: b.Dir}
	for _, tc := range []struct {
		args  []string
		shows string
	}{
		{[]string{"diff", full, head.String()}, "1 feature changed from " + short + " to " + head.String()[:7] + "\n"},
		{[]string{"diff", full, "HEAD", "--format", "md"}, "From " + short + " to HEAD."},
		{[]string{"export", "--at", full, "--format", "md"}, "from " + short},
		{[]string{"export", "--since", full, "--format", "md"}, "## What changed since " + short + "\n"},
		{[]string{"export", "--since", full, "--format", "csv"}, "change since " + short},
		{[]string{"export", "--at", full, "--format", "html"}, "Revision: " + short + "<"},
		{[]string{"export", "--since", full, "--format", "html"}, "What changed since " + short + "<"},
		{[]string{"notes", full, "HEAD", "--format", "md"}, "shipped between " + short + " and HEAD."},
		{[]string{"notes", full, "HEAD", "--format", "html"}, "shipped between " + short + " and HEAD."},
	} {
		r := s.run(t, append(tc.args, "--today", "2026-11-24")...)
		r.expect(t, 0)
		if !strings.Contains(r.stdout, tc.shows) || strings.Contains(r.stdout, full) {
			t.Errorf("%s shows %q, not %q:\n%s", strings.Join(tc.args, " "), full, tc.shows, r.stdout)
		}
	}
	r := s.run(t, "diff", full, "HEAD", "--format", "json", "--today", "2026-11-24")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, `"from": "`+full+`"`) {
		t.Errorf("diff's JSON does not give the revision as given:\n%s", r.stdout)
	}
}

// TestHistorySinceATagThatDoesNotParse: a tag whose item does not parse
// cannot say what the merge changed since it; the merge shows as the walk
// sees it, against the line, and a note says which item did not read.
func TestHistorySinceATagThatDoesNotParse(t *testing.T) {
	b := gittest.New(t)
	x := func(title, target string) string {
		return "product: Acme\nfeatures:\n  - id: x\n    title: " + title + "\n    status: planned\n    target: " + target + "\n  - {id: y, title: Y, status: idea}\n"
	}
	b.Write("roadmap.yaml", x("X", "2027-Q1"))
	root := b.Commit("Ana", "Plan x")
	release := b.OnBranchFrom("release", root, func() plumbing.Hash {
		b.Write("roadmap.yaml", x("X: broken", "2027-Q1"))
		return b.Commit("Raj", "Break x on the release")
	})
	b.Tag("v1", release)
	b.Write("roadmap.yaml", x("X", "2027-Q2"))
	b.Commit("Li", "Slip x")
	b.Write("roadmap.yaml", x("X", "2027-Q3"))
	b.Commit("Li", "Merge the release", release)
	r := session{wd: b.Dir}.run(t, "history", "x", "--since", "v1")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "Merge the release") || !strings.Contains(r.stdout, "target: 2027-Q2 → 2027-Q3") {
		t.Errorf("history since a tag that does not parse lost the merge:\n%s%s", r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "feature x does not parse on one side of commit") {
		t.Errorf("no note of the item that did not read: %q", r.stderr)
	}
}

// TestHistoryTellsOfUncommittedChanges: history lists commits, and says on
// stderr when the working tree changes or removes the item, not yet
// committed; a clean working tree, or --at, says nothing.
func TestHistoryTellsOfUncommittedChanges(t *testing.T) {
	b, _ := planRepo(t)
	s := session{wd: filepath.Join(b.Dir, "plan")}
	clean := s.run(t, "history", "search")
	clean.expect(t, 0)
	if clean.stderr != "" {
		t.Errorf("history with a clean working tree: stderr %q", clean.stderr)
	}
	// The file changes, the item does not: nothing to tell.
	b.Write("plan/core.yaml", "features:\n"+feat("search", "in-progress", "2027-Q2")+feat("alerts", "planned", "2027-Q3"))
	if r := s.run(t, "history", "search"); r.code != 0 || r.stderr != "" {
		t.Errorf("history of an item its file's edit leaves alone: %d %q", r.code, r.stderr)
	}
	b.Write("plan/core.yaml", "features:\n"+feat("search", "shipped", "2027-Q3")+feat("alerts", "planned", "2027-Q3"))
	changed := s.run(t, "history", "search")
	changed.expect(t, 0)
	if want := "roadmap: note: the working tree changes search (status, target), not committed yet; roadmap diff shows how\n"; changed.stderr != want {
		t.Errorf("history of an item changed in the working tree: stderr %q, want %q", changed.stderr, want)
	}
	if changed.stdout != clean.stdout {
		t.Errorf("history lists uncommitted changes:\n%s", changed.stdout)
	}
	if r := s.run(t, "history", "search", "--at", "HEAD"); r.stderr != "" {
		t.Errorf("history --at HEAD tells of the working tree: %q", r.stderr)
	}
	b.Write("plan/core.yaml", "features:\n"+feat("alerts", "planned", "2027-Q3"))
	if r := s.run(t, "history", "search"); r.stderr != "roadmap: note: the working tree removes search, not committed yet; roadmap diff shows it\n" {
		t.Errorf("history of an item the working tree removes: stderr %q", r.stderr)
	}
	// A file that does not parse hides its items; it does not remove them.
	b.Write("plan/core.yaml", "features:\n"+feat("search", "in-progress", "2027-Q2")+"  - [unclosed\n")
	if r := s.run(t, "history", "search"); r.stderr != "" {
		t.Errorf("history of an item whose file does not parse in the working tree: stderr %q", r.stderr)
	}
}

// TestDiffNamesTheCommitThatMendedAFile: a change made while its file did
// not parse is named by the commit that mended the file, where readers
// first saw it, and stderr says so.
func TestDiffNamesTheCommitThatMendedAFile(t *testing.T) {
	b, _ := planRepo(t)
	b.Write("plan/core.yaml", "features:\n"+feat("search", "shipped", "2027-Q2")+feat("alerts", "planned", "2027-H2")+"  - [unclosed\n")
	b.Commit("Li", "Ship search, badly")
	b.Write("plan/core.yaml", "features:\n"+feat("search", "shipped", "2027-Q2")+feat("alerts", "planned", "2027-H2"))
	b.Commit("Raj", "Mend core.yaml")
	r := session{wd: filepath.Join(b.Dir, "plan")}.run(t, "diff", "v2", "HEAD")
	r.expect(t, 0)
	if !regexp.MustCompile(`status: in-progress → shipped\n +[0-9a-f]{7} Raj, \d{4}-\d\d-\d\d: Mend core.yaml\n`).MatchString(r.stdout) {
		t.Errorf("diff across a broken version:\n%s", r.stdout)
	}
	if !regexp.MustCompile(`^roadmap: warning: plan/core.yaml did not parse from commit [0-9a-f]{7} until commit [0-9a-f]{7} mended it; the changes made in between are shown at [0-9a-f]{7}\n$`).MatchString(r.stderr) {
		t.Errorf("diff across a broken version: stderr %q", r.stderr)
	}
}

// TestValidateStaged: --staged checks what the next commit would hold: a
// mistake staged fails it though the working tree has it mended, a mistake
// left unstaged does not; the index's own text is shown under a finding;
// a file in conflict, or --at beside it, is refused.
func TestValidateStaged(t *testing.T) {
	b := gittest.New(t)
	good := "features:\n" + feat("search", "planned", "2027-Q1")
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/features/core.yaml", good)
	b.Commit("Ana", "Start")
	stage := func(name string) {
		t.Helper()
		if _, err := b.Worktree.Add(name); err != nil {
			t.Fatal(err)
		}
	}
	s := session{wd: filepath.Join(b.Dir, "plan")}

	// Staged with a typo, then mended in the working tree only.
	b.Write("plan/features/core.yaml", strings.Replace(good, "title:", "titel:", 1))
	stage("plan/features/core.yaml")
	b.Write("plan/features/core.yaml", good)
	r := session{wd: s.wd, terminal: true, width: 100, env: map[string]string{"NO_COLOR": "1"}}.run(t, "validate", "--staged")
	r.expect(t, 1)
	if !strings.Contains(r.stdout, `features/core.yaml:3:5: error: unknown key "titel"`) || !strings.Contains(r.stdout, "titel: Feature search") {
		t.Errorf("validate --staged missed the staged typo, or showed another text:\n%s", r.stdout)
	}
	s.run(t, "validate").expect(t, 0)

	// Mended and staged, then broken in the working tree only.
	stage("plan/features/core.yaml")
	b.Write("plan/features/core.yaml", "features: [\n")
	s.run(t, "validate", "--staged").expect(t, 0)
	s.run(t, "validate").expect(t, 1)

	// A new file counts once it is staged.
	b.Write("plan/features/more.yaml", "features:\n"+feat("search", "idea", "later"))
	s.run(t, "validate", "--staged").expect(t, 0)
	stage("plan/features/more.yaml")
	if r := s.run(t, "validate", "--staged"); r.code != 1 || !strings.Contains(r.stdout, `duplicate feature id "search"`) {
		t.Errorf("a staged new file: %d\n%s", r.code, r.stdout)
	}

	// A link staged is said to be unread, as in a folder, not read as
	// the YAML of the path it names.
	if err := os.Symlink("core.yaml", filepath.Join(b.Dir, "plan", "features", "link.yaml")); err != nil {
		t.Fatal(err)
	}
	stage("plan/features/link.yaml")
	if r := s.run(t, "validate", "--staged"); !strings.Contains(r.stdout, "features/link.yaml:1:1: error: the file is a symbolic link, so it is not read") {
		t.Errorf("a staged link:\n%s", r.stdout)
	}

	if r := s.run(t, "validate", "--staged", "--at", "HEAD"); r.code != 2 || !strings.Contains(r.stderr, "give --staged or --at, not both") {
		t.Errorf("--staged with --at: %d %q", r.code, r.stderr)
	}

	// roadmap.yaml deleted from the working tree but still staged: the
	// commit holds it, so --staged finds the roadmap in the index, from the
	// folder or a folder below it.
	if err := os.Remove(filepath.Join(b.Dir, "plan", "roadmap.yaml")); err != nil {
		t.Fatal(err)
	}
	s.run(t, "validate").expect(t, 2)
	for _, wd := range []string{s.wd, filepath.Join(s.wd, "features")} {
		if r := (session{wd: wd}).run(t, "validate", "--staged"); r.code != 1 || !strings.Contains(r.stdout, `duplicate feature id "search"`) {
			t.Errorf("--staged in %s with roadmap.yaml only staged: %d %q\n%s", wd, r.code, r.stderr, r.stdout)
		}
	}
	if r := (session{wd: b.Dir}).run(t, "validate", "--staged", "--dir", "plan"); r.code != 1 || !strings.Contains(r.stdout, `duplicate feature id "search"`) {
		t.Errorf("--staged --dir plan with roadmap.yaml only staged: %d %q\n%s", r.code, r.stderr, r.stdout)
	}
}

// TestDirThroughALink: --dir may reach the roadmap through a link inside the
// repository; git keeps the folder where the link leads, and --at, --staged
// and history read it there.
func TestDirThroughALink(t *testing.T) {
	b := gittest.New(t)
	b.Write("real/plan/roadmap.yaml", "product: Acme\n")
	b.Write("real/plan/features.yaml", "features:\n"+feat("search", "planned", "2027-Q1"))
	if err := os.Symlink(filepath.Join("real", "plan"), filepath.Join(b.Dir, "plan")); err != nil {
		t.Fatal(err)
	}
	b.Commit("Ana", "Start")
	b.Write("real/plan/features.yaml", "features:\n"+feat("search", "planned", "2027-Q2"))
	b.Commit("Ana", "Slip search")
	s := session{wd: b.Dir}
	for _, args := range [][]string{
		{"validate", "--dir", "plan", "--at", "HEAD~1"},
		{"validate", "--dir", "plan", "--staged"},
	} {
		if r := s.run(t, args...); r.code != 0 || r.stderr != "" {
			t.Errorf("%v: %d %q\n%s", args, r.code, r.stderr, r.stdout)
		}
	}
	if r := s.run(t, "list", "--dir", "plan", "--at", "HEAD~1", "--format", "csv"); r.code != 0 || !strings.Contains(r.stdout, "search,Feature search,planned,2027-Q1") {
		t.Errorf("list --at HEAD~1 through a link: %d %q\n%s", r.code, r.stderr, r.stdout)
	}
	// Annotations name the file where git has it, so they land on the
	// pull request's lines.
	b.Write("real/plan/more.yaml", "features:\n  - {id: x, title: X}\n")
	if r := s.run(t, "validate", "--dir", "plan", "--format", "github"); !strings.Contains(r.stdout, "file=real/plan/more.yaml,") {
		t.Errorf("github annotations through a link:\n%s", r.stdout)
	}
	if r := s.run(t, "history", "search", "--dir", "plan"); r.code != 0 || !strings.Contains(r.stdout, "Slip search") {
		t.Errorf("history through a link: %d %q\n%s", r.code, r.stderr, r.stdout)
	}
}

// TestValidateStagedRefusesAConflict: a file the index holds in conflict is
// not decided yet, and says so.
func TestValidateStagedRefusesAConflict(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\n")
	b.Commit("Ana", "Start")
	idx, err := b.Git.Storer.Index()
	if err != nil {
		t.Fatal(err)
	}
	e := *idx.Entries[0]
	e.Stage = 2 // ours, in a merge
	idx.Entries = append(idx.Entries, &e)
	if err := b.Git.Storer.SetIndex(idx); err != nil {
		t.Fatal(err)
	}
	r := session{wd: b.Dir}.run(t, "validate", "--staged")
	if r.code != 2 || !strings.Contains(r.stderr, "roadmap.yaml is not merged yet: resolve the conflict and stage the file") {
		t.Errorf("validate --staged in a conflict: %d %q", r.code, r.stderr)
	}

	// A conflict in a file the roadmap does not read (the code, a dot
	// folder's YAML) leaves it to be checked.
	b = gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\n")
	b.Write("README.md", "# Acme\n")
	b.Write(".github/workflow.yaml", "on: push\n")
	b.Commit("Ana", "Start")
	if idx, err = b.Git.Storer.Index(); err != nil {
		t.Fatal(err)
	}
	for _, e := range idx.Entries {
		if e.Name != "roadmap.yaml" {
			conflict := *e
			conflict.Stage = 2
			idx.Entries = append(idx.Entries, &conflict)
		}
	}
	if err := b.Git.Storer.SetIndex(idx); err != nil {
		t.Fatal(err)
	}
	if r := (session{wd: b.Dir}).run(t, "validate", "--staged"); r.code != 0 {
		t.Errorf("validate --staged with a conflict in README.md and .github/: %d %q", r.code, r.stderr)
	}
}

// TestValidateStagedWithNothingStaged: a roadmap not yet added to git has
// nothing to check for a commit, and says how to stage it.
func TestValidateStagedWithNothingStaged(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	r := session{wd: b.Dir}.run(t, "validate", "--staged", "--dir", "plan")
	if r.code != 2 || !strings.Contains(r.stderr, "nothing in plan is staged for commit: git add the roadmap's files first") {
		t.Errorf("validate --staged with nothing staged: %d %q", r.code, r.stderr)
	}
}
