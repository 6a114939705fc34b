package gitrepo_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

func feature(id, status, target string) string {
	return "  - id: " + id + "\n    title: Feature " + id + "\n    status: " + status + "\n    target: " + target + "\n"
}

// history builds the repository most tests use:
//
//	c1 add a, b in plan/features.yaml          (tag v1)
//	c2 slip a to 2027-Q2, touch README
//	c3 move b to plan/more/b.yaml (no change)
//	c4 rename plan/features.yaml to plan/core.yaml, b -> in-progress
//	c5 touch only README                         (skipped by the walk)
//	c6 delete b; add c                           (tag v2)
func history(t *testing.T) (*gittest.Repo, map[string]plumbing.Hash) {
	b := gittest.New(t)
	hs := map[string]plumbing.Hash{}
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/features.yaml", "features:\n"+feature("a", "planned", "2027-Q1")+feature("b", "idea", "next"))
	b.Write("README.md", "hello\n")
	hs["c1"] = b.Commit("Ana", "Add a and b")
	b.Tag("v1", hs["c1"])
	b.Write("plan/features.yaml", "features:\n"+feature("a", "planned", "2027-Q2")+feature("b", "idea", "next"))
	b.Write("README.md", "hello again\n")
	hs["c2"] = b.Commit("Raj", "Slip a by a quarter")
	b.Write("plan/features.yaml", "features:\n"+feature("a", "planned", "2027-Q2"))
	b.Write("plan/more/b.yaml", "features:\n"+feature("b", "idea", "next"))
	hs["c3"] = b.Commit("Li", "Move b to its own file")
	b.Move("plan/features.yaml", "plan/core.yaml")
	b.Write("plan/more/b.yaml", "features:\n"+feature("b", "in-progress", "next"))
	hs["c4"] = b.Commit("Li", "Rename and start b")
	b.Write("README.md", "docs only\n")
	hs["c5"] = b.Commit("Mia", "Docs")
	b.Remove("plan/more/b.yaml")
	b.Write("plan/core.yaml", "features:\n"+feature("a", "planned", "2027-Q2")+feature("c", "planned", "2027-H2"))
	hs["c6"] = b.Commit("Ana", "Drop b, add c")
	b.Tag("v2", hs["c6"])
	return b, hs
}

func open(t testing.TB, dir string) *gitrepo.Repo {
	t.Helper()
	r, err := gitrepo.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func resolve(t *testing.T, r *gitrepo.Repo, rev string) *object.Commit {
	t.Helper()
	c, err := r.Resolve(rev)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func loadAt(t *testing.T, r *gitrepo.Repo, rev, dir string) *roadmap.Roadmap {
	t.Helper()
	fsys, err := r.FS(resolve(t, r, rev), dir)
	if err != nil {
		t.Fatal(err)
	}
	rm, err := roadmap.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return rm
}

func ids(rm *roadmap.Roadmap) string {
	var out []string
	for _, f := range rm.Features {
		out = append(out, f.ID+"@"+f.File+":"+f.Target.String())
	}
	return strings.Join(out, " ")
}

func TestRevisionsAsFolders(t *testing.T) {
	b, _ := history(t)
	r := open(t, filepath.Join(b.Dir, "plan", "more")) // from a subfolder
	for rev, want := range map[string]string{
		"v1":     "a@features.yaml:2027-Q1 b@features.yaml:next",
		"HEAD~5": "a@features.yaml:2027-Q1 b@features.yaml:next",
		"HEAD~3": "a@features.yaml:2027-Q2 b@more/b.yaml:next",
		"master": "a@core.yaml:2027-Q2 c@core.yaml:2027-H2",
		"v2":     "a@core.yaml:2027-Q2 c@core.yaml:2027-H2",
	} {
		if got := ids(loadAt(t, r, rev, "plan")); got != want {
			t.Errorf("%s: %s, want %s", rev, got, want)
		}
	}
	short := resolve(t, r, "v1").Hash.String()[:8]
	if got := ids(loadAt(t, r, short, "plan")); !strings.HasPrefix(got, "a@features.yaml:2027-Q1") {
		t.Errorf("short hash: %s", got)
	}
}

func TestBadRevisions(t *testing.T) {
	b, _ := history(t)
	r := open(t, b.Dir)
	for rev, why := range map[string]string{
		"nope":    "no branch, tag or commit has that name",
		"v3":      "no branch, tag or commit has that name",
		"HEAD~10": "it goes back past the first commit of HEAD",
		"v2^2":    "it asks for a parent a commit of v2 does not have",
		"v2~1^3":  "it asks for a parent a commit of v2 does not have",
		"0123456789abcdef0123456789abcdef01234567": "no branch, tag or commit has that name",
	} {
		_, err := r.Resolve(rev)
		if !errors.Is(err, gitrepo.ErrUnknownRevision) || !strings.Contains(err.Error(), rev) || !strings.Contains(err.Error(), why) {
			t.Errorf("Resolve(%q): %v; want it to say %q", rev, err, why)
		}
	}
	if _, err := r.FS(resolve(t, r, "HEAD"), "nowhere"); !errors.Is(err, gitrepo.ErrNoRoadmapAt) {
		t.Errorf("FS at a missing folder: %v", err)
	}
	if _, err := gitrepo.Open(t.TempDir()); !errors.Is(err, gitrepo.ErrNotRepository) {
		t.Errorf("Open outside a repository: %v", err)
	}
	// A repository without a commit says so, rather than that HEAD is no name.
	empty := gittest.New(t)
	if _, err := open(t, empty.Dir).Resolve("HEAD"); !errors.Is(err, gitrepo.ErrUnknownRevision) || !strings.Contains(err.Error(), "no commits yet") {
		t.Errorf("HEAD of an empty repository: %v", err)
	}
}

func TestHistoryFollowsMovesAndRenames(t *testing.T) {
	b, _ := history(t)
	r := open(t, b.Dir)
	head := resolve(t, r, "HEAD")
	got := func(id string) string { return changedFields(t, r, head, id) }
	if h, want := got("a"), "Add a and b: added; Slip a by a quarter: changed target 2027-Q1->2027-Q2"; h != want {
		t.Errorf("history of a:\n got %s\nwant %s", h, want)
	}
	if h, want := got("b"), "Add a and b: added; Rename and start b: changed status idea->in-progress; Drop b, add c: removed"; h != want {
		t.Errorf("history of b:\n got %s\nwant %s", h, want)
	}
	events, err := r.History(head, gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: "a", Since: roadmap.NewDate(2026, 7, 3)})
	if err != nil || len(events) != 1 || events[0].Commit.Author != "Raj" {
		t.Errorf("--since: %v %+v", err, events)
	}
}

func TestWalkSkipsUnchangedCommitsAndParsesBlobsOnce(t *testing.T) {
	b, _ := history(t)
	r := open(t, b.Dir)
	var visited []string
	err := r.Walk(resolve(t, r, "HEAD"), plumbing.ZeroHash, "plan", func(s gitrepo.Step) error {
		visited = append(visited, s.Commit.Message)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(visited, "|"), "Docs") || len(visited) != 5 {
		t.Errorf("visited %q; the README-only commit must be skipped", visited)
	}
	// History of every feature reads each distinct blob once.
	head := resolve(t, r, "HEAD")
	for _, id := range []string{"a", "b", "c", "a", "b"} {
		if _, err := r.History(head, gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	// Distinct changed roadmap blobs: roadmap.yaml (added by c1), features.yaml
	// x3 versions (c1, c2, c3), more/b.yaml x2 (c3, c4), core.yaml at c6 (c4's
	// core.yaml is c3's features.yaml, renamed).
	if got := r.BlobReads(); got != 7 {
		t.Errorf("read %d blobs, want 7 (each distinct changed blob once)", got)
	}
	items, keys, wholes := r.DecodeCounts()
	if wholes != 0 {
		t.Errorf("%d files decoded whole; all are plain block style", wholes)
	}
	// Distinct item texts: a@Q1, a@Q2, b idea, b in-progress, c; each is
	// added or removed somewhere, which shows all its fields.
	if items != 5 {
		t.Errorf("decoded %d items, want 5 (each distinct item text once)", items)
	}
	// The two edits, each decoding its changed key on both sides.
	if keys != 4 {
		t.Errorf("decoded %d keys, want 4 (target Q1 and Q2, status idea and in-progress)", keys)
	}
}

// TestHistoryReadsOnlyTheFileHoldingTheItem: commits that change only
// other files cost history no blob reads, however many there are.
func TestHistoryReadsOnlyTheFileHoldingTheItem(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/a.yaml", "features:\n"+feature("apple", "planned", "2027-Q1"))
	b.Write("plan/x.yaml", "features:\n"+feature("xray", "idea", "next"))
	b.Commit("Ana", "Add a and x")
	for i := range 5 {
		b.Write("plan/x.yaml", "features:\n"+feature("xray", "idea", fmt.Sprintf("2028-Q%d", i%4+1)))
		b.Commit("Raj", "Move x")
	}
	b.Write("plan/a.yaml", "features:\n"+feature("apple", "in-progress", "2027-Q1"))
	b.Commit("Ana", "Start a")
	b.Write("plan/x.yaml", "features:\n"+feature("xray", "planned", "later"))
	b.Commit("Raj", "Plan x")
	r := open(t, b.Dir)
	events, err := r.History(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: "apple"})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Kind != roadmap.Added || events[1].Commit.Subject != "Start a" {
		t.Errorf("history of apple: %+v", events)
	}
	// The three files at HEAD, to find apple, and the older a.yaml.
	if got := r.BlobReads(); got != 4 {
		t.Errorf("read %d blobs, want 4: versions of x.yaml were read", got)
	}
}

// TestHistoryFollowsTheFileThatHoldsTheItem: a file that only mentions the
// id (a dependency on it, a longer id containing it) is not where the item
// is, so a rename, a move and a removal are still followed.
func TestHistoryFollowsTheFileThatHoldsTheItem(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "idea", "later"))
	b.Write("plan/c.yaml", "features:\n"+feature("search-filters", "idea", "later")+"    depends_on: [search]\n")
	b.Commit("Ana", "Add")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Commit("Ana", "Plan search")
	b.Move("plan/a.yaml", "plan/b.yaml")
	b.Write("plan/c.yaml", "features:\n"+feature("search-filters", "planned", "2027-Q2")+"    depends_on: [search]\n")
	b.Commit("Li", "Rename a.yaml, plan search-filters")
	b.Write("plan/b.yaml", "features:\n"+feature("other", "idea", "later"))
	b.Write("plan/d.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Commit("Li", "Move search to d.yaml")
	b.Write("plan/d.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Raj", "Start search")
	b.Remove("plan/d.yaml")
	b.Commit("Raj", "Drop search")
	r := open(t, b.Dir)
	got := trail(t, r, resolve(t, r, "HEAD"), "plan", "search")
	want := "Add: added; Plan search: changed; Start search: changed; Drop search: removed"
	if got != want {
		t.Errorf("history of search:\n got %s\nwant %s", got, want)
	}
}

// TestHistoryFollowsAMoveOverTwoCommits: a feature copied to another file
// in one commit and removed from the first in a later one has moved; its
// trail goes on through the copy, whichever of the two copies stays.
func TestHistoryFollowsAMoveOverTwoCommits(t *testing.T) {
	for _, keep := range []string{"copy", "original"} {
		b := gittest.New(t)
		b.Write("plan/roadmap.yaml", "product: Acme\n")
		b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1")+feature("other", "idea", "later"))
		b.Commit("Ana", "Add")
		b.Write("plan/b.yaml", "features:\n"+feature("search", "planned", "2027-Q2"))
		b.Commit("Li", "Copy search to b.yaml, slipped")
		if keep == "copy" {
			b.Write("plan/a.yaml", "features:\n"+feature("other", "idea", "later"))
			b.Commit("Li", "Remove the first search")
			b.Write("plan/b.yaml", "features:\n"+feature("search", "in-progress", "2027-Q2"))
		} else {
			b.Remove("plan/b.yaml")
			b.Commit("Li", "Remove the copy")
			b.Write("plan/a.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1")+feature("other", "idea", "later"))
		}
		b.Commit("Raj", "Start search")
		r := open(t, b.Dir)
		want := "Add: added; Copy search to b.yaml, slipped: changed target 2027-Q1->2027-Q2; Start search: changed status planned->in-progress"
		if keep == "original" {
			want = "Add: added; Start search: changed status planned->in-progress"
		}
		if got := changedFields(t, r, resolve(t, r, "HEAD"), "search"); got != want {
			t.Errorf("keeping the %s:\n got %s\nwant %s", keep, got, want)
		}
	}
}

// TestAMoveOverTwoCommitsNeedsAFileThatParses: an item added while an
// unchanged file that does not parse names it was not copied from that
// file; nor is a file holding an item of another kind with the id read
// for the feature.
func TestAMoveOverTwoCommitsNeedsAFileThatParses(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/notes.yaml", "campaigns:\n  - id: push\n\ttitle: P\n    features: [search]\n") // a tab: does not parse
	b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1")+"objectives:\n  - id: search\n    title: Be found\n")
	b.Commit("Ana", "Add")
	b.Write("plan/b.yaml", "features:\n"+feature("search", "planned", "2027-Q2"))
	b.Commit("Li", "Copy search to b.yaml, slipped")
	b.Write("plan/a.yaml", "objectives:\n  - id: search\n    title: Be found\n")
	b.Commit("Li", "Remove the first search")
	b.Remove("plan/notes.yaml")
	b.Write("plan/c.yaml", "features:\n"+feature("other", "idea", "later"))
	b.Commit("Raj", "Drop the notes")
	b.Remove("plan/b.yaml")
	b.Write("plan/a.yaml", "features:\n"+feature("fresh", "idea", "later"))
	b.Commit("Raj", "Remove both")
	r := open(t, b.Dir)
	// Gone from HEAD, the id is followed as every kind in one walk.
	events, err := r.Histories(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: "plan", ID: "search"}, "features", "objectives")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events["features"] {
		got = append(got, e.Commit.Subject+": "+e.Kind)
	}
	if g, want := strings.Join(got, "; "), "Add: added; Copy search to b.yaml, slipped: changed; Remove both: removed"; g != want {
		t.Errorf("the feature:\n got %s\nwant %s", g, want)
	}
	if len(events["objectives"]) != 2 {
		t.Errorf("the objective: %d events, want added and removed", len(events["objectives"]))
	}

	// A feature added while a file that does not parse names it.
	b = gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/notes.yaml", "campaigns:\n  - id: push\n\ttitle: P\n    features: [search]\n")
	b.Write("plan/a.yaml", "features:\n"+feature("other", "idea", "later"))
	b.Commit("Ana", "Start")
	b.Write("plan/b.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Commit("Ana", "Add search")
	b.Remove("plan/notes.yaml")
	b.Commit("Li", "Drop the notes")
	r = open(t, b.Dir)
	if got, want := trail(t, r, resolve(t, r, "HEAD"), "plan", "search"), "Add search: added"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if notes := r.Notes(); len(notes) > 0 {
		t.Errorf("notes of a file the feature never was in: %q", notes)
	}
}

// TestHistoryFollowsAMovePastABrokenFileNamingTheItem: a file that does not
// parse but names the item counts as holding it (TestHistoryKeepsTheTrail-
// ThroughABrokenVersion tests that); even so, when the item moves in from
// another file, that file is looked for.
func TestHistoryFollowsAMovePastABrokenFileNamingTheItem(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/b.yaml", "features:\n"+feature("search", "idea", "later"))
	b.Write("plan/c.yaml", "campaigns:\n  - id: push\n\ttitle: P\n    features: [search]\n") // a tab: does not parse
	b.Commit("Ana", "Add")
	b.Write("plan/b.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Commit("Ana", "Plan search")
	b.Write("plan/b.yaml", "features:\n"+feature("other", "idea", "later"))
	b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Commit("Li", "Move search to a.yaml")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Raj", "Start search")
	r := open(t, b.Dir)
	got := trail(t, r, resolve(t, r, "HEAD"), "plan", "search")
	if want := "Add: added; Plan search: changed; Start search: changed"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestHistoryKeepsTheTrailThroughABrokenVersion: a commit that leaves the
// file holding the item unparsable, and the one that mends it, cut no trail:
// what changed while it did not parse shows at the commit that mended it,
// compared with the version that parsed last, and a note says so. The
// broken version still holds the item (it names it): commits meanwhile that
// change only other files cost the walk no blob, as they do while the file
// parses.
func TestHistoryKeepsTheTrailThroughABrokenVersion(t *testing.T) {
	walk := func(others int) (got string, notes []string, reads int) {
		b := gittest.New(t)
		b.Write("plan/roadmap.yaml", "product: Acme\n")
		b.Write("plan/a.yaml", "features:\n"+feature("search", "idea", "later"))
		b.Write("plan/b.yaml", "features:\n"+feature("other", "idea", "later"))
		b.Commit("Ana", "Add")
		b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
		b.Commit("Ana", "Plan search")
		b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1")+"    tags: [unclosed\n")
		b.Commit("Li", "Tag search, badly")
		for i := range others {
			b.Write("plan/b.yaml", "features:\n"+feature("other", "idea", fmt.Sprintf("202%d-Q1", 7+i)))
			b.Commit("Li", "Move other")
		}
		b.Write("plan/a.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
		b.Commit("Raj", "Start search")
		r := open(t, b.Dir)
		return trail(t, r, resolve(t, r, "HEAD"), "plan", "search"), r.Notes(), r.BlobReads()
	}
	got, notes, reads := walk(0)
	if want := "Add: added; Plan search: changed; Start search: changed"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(notes) != 1 || !regexp.MustCompile(`^plan/a.yaml did not parse from commit [0-9a-f]{7} until commit [0-9a-f]{7} mended it; the changes made in between are shown at [0-9a-f]{7}$`).MatchString(notes[0]) {
		t.Errorf("notes %q, want one of the mending", notes)
	}
	if _, _, more := walk(3); more != reads {
		t.Errorf("three commits changing another file while a.yaml is broken cost %d blob reads more", more-reads)
	}
}

// changedFields is the history of feature id from commit c: "subject:
// kind" for each commit, and for a change each field's "name old->new",
// joined by "; ".
func changedFields(t *testing.T, r *gitrepo.Repo, c *object.Commit, id string) string {
	t.Helper()
	events, err := r.History(c, gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: id})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range events {
		line := e.Commit.Subject + ": " + e.Kind
		if e.Kind == roadmap.Changed {
			for _, f := range e.Fields {
				line += " " + f.Field + " " + f.Old + "->" + f.New
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "; ")
}

// trail is the history of feature id from commit c: "subject: kind" for
// each commit, joined by "; ".
func trail(t *testing.T, r *gitrepo.Repo, c *object.Commit, dir, id string) string {
	t.Helper()
	events, err := r.History(c, gitrepo.HistoryOptions{Dir: dir, Kind: "features", ID: id})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		got = append(got, e.Commit.Subject+": "+e.Kind)
	}
	return strings.Join(got, "; ")
}

// movedRoadmap is a repository whose roadmap moved from roadmap/ to plan/,
// once alone and once with an edit in the same commit.
func movedRoadmap(t *testing.T, withEdit bool) *gittest.Repo {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n"+feature("search", "idea", "later"))
	b.Write("README.md", "Acme\n")
	b.CommitOn("2026-01-05", "Ana", "Add")
	b.Write("roadmap/features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.CommitOn("2026-02-02", "Ana", "Plan search")
	b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
	b.Move("roadmap/features.yaml", "plan/features.yaml")
	if withEdit {
		b.Write("plan/features.yaml", "features:\n"+feature("search", "planned", "2027-Q2"))
	}
	b.CommitOn("2026-03-02", "Li", "Move the roadmap to plan/")
	b.Write("plan/features.yaml", "features:\n"+feature("search", "in-progress", "2027-Q2"))
	b.CommitOn("2026-04-06", "Raj", "Start search")
	return b
}

// TestWalksFollowAMovedRoadmapFolder: a commit that moves the roadmap
// folder is no commit that added every item: history goes on in the folder
// it came from, and report reads the plan there.
func TestWalksFollowAMovedRoadmapFolder(t *testing.T) {
	for _, withEdit := range []bool{false, true} {
		b := movedRoadmap(t, withEdit)
		r := open(t, b.Dir)
		head := resolve(t, r, "HEAD")
		got := trail(t, r, head, "plan", "search")
		want := "Add: added; Plan search: changed; Start search: changed"
		if withEdit {
			want = "Add: added; Plan search: changed; Move the roadmap to plan/: changed; Start search: changed"
		}
		if got != want {
			t.Errorf("edit %v: history\n got %s\nwant %s", withEdit, got, want)
		}
		rh, err := r.ReportHistory(head, "plan", nil)
		if err != nil {
			t.Fatal(err)
		}
		first, err := rh.Load(0)
		if err != nil || rh.Commits[0].Commit.Subject != "Add" || first.Feature("search") == nil || first.Feature("search").Status != "idea" {
			t.Errorf("edit %v: the plan of the first commit: %v, %+v", withEdit, err, rh.Commits[0].Commit)
		}
	}
}

// TestWalksTellAMoveFromAnAddedFolder: a roadmap folder started beside
// another that keeps its roadmap.yaml (edited or not), one that appears as
// an unrelated roadmap goes (a file or an id or two in common, not most),
// or as two others go that it is alike, and holds neither's tree, was
// added, not moved; one that appears as a single related other goes was
// moved, edits and all, whatever else the commit removed.
func TestWalksTellAMoveFromAnAddedFolder(t *testing.T) {
	start := func() *gittest.Repo {
		b := gittest.New(t)
		b.Write("roadmap/roadmap.yaml", "product: Acme\n")
		b.Write("roadmap/features.yaml", "features:\n"+feature("search", "idea", "later"))
		b.Commit("Ana", "Add")
		return b
	}
	tests := []struct {
		name   string
		change func(b *gittest.Repo)
		want   string
	}{
		{"beside", func(b *gittest.Repo) {
			b.Write("roadmap/features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
			b.Write("plan/roadmap.yaml", "product: Acme\n")
			b.Write("plan/features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
		}, "Next: added"},
		{"as an unrelated one goes", func(b *gittest.Repo) {
			b.Write("examples/starter/roadmap.yaml", "product: Starter\n")
			b.Write("examples/starter/features.yaml", "features:\n"+feature("search", "idea", "2027-Q4")+feature("sso", "idea", "2027-Q4"))
			b.Commit("Ana", "Add an example")
			b.Remove("examples/starter/roadmap.yaml")
			b.Remove("examples/starter/features.yaml")
			b.Write("plan/roadmap.yaml", "product: Acme Plan\n")
			b.Write("plan/features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
		}, "Next: added"},
		{"as an unrelated one goes too", func(b *gittest.Repo) {
			b.Write("b/roadmap.yaml", "product: B\n")
			b.Write("b/features.yaml", "features:\n"+feature("search", "idea", "later")+feature("b1", "idea", "later")+feature("b2", "idea", "later"))
			b.Commit("Ana", "Add product B")
			for _, f := range []string{"roadmap/roadmap.yaml", "roadmap/features.yaml", "b/roadmap.yaml", "b/features.yaml"} {
				b.Remove(f)
			}
			b.Write("plan/roadmap.yaml", "product: Acme Cloud\n")
			b.Write("plan/features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
		}, "Add: added; Next: changed"},
		{"as two go, one of them whole", func(b *gittest.Repo) {
			b.Write("zold/roadmap.yaml", "product: Acme\n")
			b.Commit("Ana", "Keep the old plan")
			b.Remove("zold/roadmap.yaml")
			b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
			b.Move("roadmap/features.yaml", "plan/features.yaml")
		}, "Add: added"},
		{"as two go", func(b *gittest.Repo) {
			b.Write("zold/roadmap.yaml", "product: Acme\n")
			b.Write("zold/features.yaml", "features:\n"+feature("search", "idea", "later"))
			b.Commit("Ana", "Keep a copy of the plan")
			for _, f := range []string{"zold/roadmap.yaml", "zold/features.yaml", "roadmap/roadmap.yaml", "roadmap/features.yaml"} {
				b.Remove(f)
			}
			b.Write("plan/roadmap.yaml", "product: Acme\n")
			b.Write("plan/features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
		}, "Next: added"},
		{"as one goes that shares only a starter's file", func(b *gittest.Repo) {
			b.Write("roadmap/people.yaml", "people:\n  - {id: you, name: You}\n")
			b.Write("roadmap/features.yaml", "features:\n"+feature("search", "idea", "later")+feature("sso", "idea", "later")+feature("audit", "idea", "later"))
			b.Commit("Ana", "Plan more")
			for _, f := range []string{"roadmap/roadmap.yaml", "roadmap/features.yaml", "roadmap/people.yaml"} {
				b.Remove(f)
			}
			b.Write("plan/roadmap.yaml", "product: Acme Next\n")
			b.Write("plan/people.yaml", "people:\n  - {id: you, name: You}\n")
			b.Write("plan/features.yaml", "features:\n"+feature("search", "idea", "2027-Q4")+feature("guided-setup", "idea", "later"))
		}, "Next: added"},
		{"as one goes", func(b *gittest.Repo) {
			b.Remove("roadmap/roadmap.yaml")
			b.Remove("roadmap/features.yaml")
			b.Write("plan/roadmap.yaml", "product: Acme\n")
			b.Write("plan/features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
		}, "Add: added; Next: changed"},
	}
	for _, tt := range tests {
		b := start()
		tt.change(b)
		head := b.Commit("Li", "Next")
		r := open(t, b.Dir)
		c, err := r.Resolve(head.String())
		if err != nil {
			t.Fatal(err)
		}
		got := trail(t, r, c, "plan", "search")
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestWalksStayWhereTheDraftsWere: a folder of drafts that gains its
// roadmap.yaml along with a file moved in from a folder removed whole stays
// the roadmap's folder; the walk does not jump to where that file was.
func TestWalksStayWhereTheDraftsWere(t *testing.T) {
	b := gittest.New(t)
	b.Write("drafts/people.yaml", "people:\n  - {id: ana, name: Ana}\n")
	b.Write("roadmap/features.yaml", "features:\n"+feature("alpha", "idea", "later"))
	b.Commit("Ana", "Draft alpha")
	b.Write("roadmap/features.yaml", "features:\n"+feature("alpha", "planned", "2027-Q1"))
	b.Commit("Ana", "Plan alpha")
	b.Move("drafts/people.yaml", "roadmap/people.yaml")
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Commit("Li", "Set up the roadmap")
	r := open(t, b.Dir)
	if got := trail(t, r, resolve(t, r, "HEAD"), "roadmap", "alpha"); got != "Draft alpha: added; Plan alpha: changed" {
		t.Errorf("history of a draft folder made the roadmap: %s", got)
	}
}

// TestAMoveOutranksAFolderRemovedWhole: moved with an edit while another
// folder that shares a file with it is deleted, the folder that held the
// roadmap.yaml is where the roadmap came from.
func TestAMoveOutranksAFolderRemovedWhole(t *testing.T) {
	b := gittest.New(t)
	for _, dir := range []string{"roadmap", "old"} {
		b.Write(dir+"/people.yaml", "people:\n  - {id: ana, name: Ana}\n")
	}
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n"+feature("alpha", "idea", "later"))
	b.Commit("Ana", "Add")
	for _, name := range []string{"roadmap.yaml", "people.yaml", "features.yaml"} {
		b.Move("roadmap/"+name, "plan/"+name)
	}
	b.Remove("old/people.yaml")
	b.Write("plan/features.yaml", "features:\n"+feature("alpha", "planned", "2027-Q1"))
	b.Commit("Li", "Move and plan")
	r := open(t, b.Dir)
	if got := trail(t, r, resolve(t, r, "HEAD"), "plan", "alpha"); got != "Add: added; Move and plan: changed" {
		t.Errorf("history across the move: %s", got)
	}
}

// TestWalksFollowEveryKindOfMove: the folder moved into one that held other
// files (whose YAML was never the roadmap's), up to the repository root,
// and with a roadmap.yaml committed executable, as checkouts from some
// file systems do.
func TestWalksFollowEveryKindOfMove(t *testing.T) {
	tests := []struct {
		name, dir string
		setup     func(b *gittest.Repo)
		move      func(b *gittest.Repo)
	}{
		{"into a folder in use", "docs", func(b *gittest.Repo) {
			b.Write("docs/mkdocs.yml", "site_name: Acme\n")
		}, func(b *gittest.Repo) {
			b.Move("roadmap/roadmap.yaml", "docs/roadmap.yaml")
			b.Move("roadmap/features.yaml", "docs/features.yaml")
		}},
		{"to the root", ".", nil, func(b *gittest.Repo) {
			b.Move("roadmap/roadmap.yaml", "roadmap.yaml")
			b.Move("roadmap/features.yaml", "features.yaml")
		}},
		{"executable", "plan", func(b *gittest.Repo) {
			if err := os.Chmod(filepath.Join(b.Dir, "roadmap", "roadmap.yaml"), 0o755); err != nil {
				t.Fatal(err)
			}
			// A file that stays: the folder is not removed whole, so only
			// its roadmap.yaml tells where the roadmap was.
			b.Write("roadmap/README.md", "Moved to plan/\n")
		}, func(b *gittest.Repo) {
			b.Move("roadmap/roadmap.yaml", "plan/roadmap.yaml")
			b.Move("roadmap/features.yaml", "plan/features.yaml")
		}},
		{"while its roadmap.yaml was missing", "plan", nil, func(b *gittest.Repo) {
			b.Remove("roadmap/roadmap.yaml")
			b.Commit("Li", "Delete roadmap.yaml by mistake")
			b.Move("roadmap/features.yaml", "plan/features.yaml")
			b.Write("plan/roadmap.yaml", "product: Acme\n")
		}},
	}
	for _, tt := range tests {
		b := gittest.New(t)
		b.Write("README.md", "Acme\n")
		b.Write("roadmap/roadmap.yaml", "product: Acme\n")
		b.Write("roadmap/features.yaml", "features:\n"+feature("search", "idea", "later"))
		if tt.setup != nil {
			tt.setup(b)
		}
		b.Commit("Ana", "Add")
		tt.move(b)
		b.Commit("Li", "Move")
		r := open(t, b.Dir)
		head := resolve(t, r, "HEAD")
		got := trail(t, r, head, tt.dir, "search")
		if got != "Add: added" {
			t.Errorf("%s: history %q, want only Add: added", tt.name, got)
		}
		dir, err := r.FolderAt(head, resolve(t, r, "HEAD~1"), tt.dir)
		if tt.name == "executable" {
			if es, _ := resolve(t, r, "HEAD~1").Tree(); es != nil {
				if f, err := es.FindEntry("roadmap/roadmap.yaml"); err != nil || f.Mode != filemode.Executable {
					t.Errorf("the fixture's roadmap.yaml is not executable: %v", err)
				}
			}
		}
		if err != nil || dir != "roadmap" {
			t.Errorf("%s: the folder before the move: %q, %v", tt.name, dir, err)
		}
	}
}

// TestWalksFollowAMoveOutOfANestedFolder: a move that empties the folder
// the roadmap was in (docs/plan to roadmap, leaving no docs/) came from
// docs/plan, not from docs/, which the commit removed whole.
func TestWalksFollowAMoveOutOfANestedFolder(t *testing.T) {
	for _, tt := range []struct{ from, to string }{{"docs/plan", "roadmap"}, {"a/b/plan", "x/plan"}} {
		b := gittest.New(t)
		b.Write("README.md", "Acme\n")
		b.Write(tt.from+"/roadmap.yaml", "product: Acme\n")
		b.Write(tt.from+"/features.yaml", "features:\n"+feature("search", "idea", "later"))
		b.Commit("Ana", "Add")
		b.Move(tt.from+"/roadmap.yaml", tt.to+"/roadmap.yaml")
		b.Move(tt.from+"/features.yaml", tt.to+"/features.yaml")
		b.Commit("Li", "Move")
		r := open(t, b.Dir)
		head := resolve(t, r, "HEAD")
		if got := trail(t, r, head, tt.to, "search"); got != "Add: added" {
			t.Errorf("%s to %s: history %q, want only Add: added", tt.from, tt.to, got)
		}
		if dir, err := r.FolderAt(head, resolve(t, r, "HEAD~1"), tt.to); err != nil || dir != tt.from {
			t.Errorf("%s to %s: the folder before the move: %q, %v", tt.from, tt.to, dir, err)
		}
	}
}

// TestWalksKeepTheTrail: a move that edits every file on the way is still
// a move (the roadmap keeps its ids), and a roadmap.yaml deleted in one
// commit and restored in the next cuts no trail.
func TestWalksKeepTheTrail(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Write("roadmap/features.yaml", "features:\n"+feature("search", "idea", "later"))
	b.Commit("Ana", "Add")
	b.Write("roadmap/features.yaml", "features:\n"+feature("search", "planned", "later"))
	b.Commit("Ana", "Plan search")
	b.Remove("roadmap/roadmap.yaml")
	b.Commit("Li", "Delete roadmap.yaml by mistake")
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Commit("Li", "Restore roadmap.yaml")
	b.Remove("roadmap/roadmap.yaml")
	b.Remove("roadmap/features.yaml")
	b.Write("plan/roadmap.yaml", "product: Acme Cloud\n")
	b.Write("plan/features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Commit("Raj", "Move to plan/, rename the product, date search")
	r := open(t, b.Dir)
	got := trail(t, r, resolve(t, r, "HEAD"), "plan", "search")
	if want := "Add: added; Plan search: changed; Move to plan/, rename the product, date search: changed"; got != want {
		t.Errorf("history\n got %s\nwant %s", got, want)
	}
}

// TestHistoryDecodesChangedKeys: an item edited field by field is decoded
// whole once, where it is newest, and its older versions only in the keys
// each commit changed.
func TestHistoryDecodesChangedKeys(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	text := feature("a", "planned", "2027-Q1")
	b.Write("plan/features.yaml", "features:\n"+text+feature("b", "idea", "next"))
	b.Commit("Ana", "Add a and b")
	for _, edit := range [][2]string{
		{"status: planned", "status: in-progress"},
		{"target: 2027-Q1", "target: 2027-Q2 # slipped"},
		{"title: Feature a", "summary: A\n    title: Feature A"},
		{"status: in-progress", "status: shipped"},
	} {
		text = strings.Replace(text, edit[0], edit[1], 1)
		b.Write("plan/features.yaml", "features:\n"+text+feature("b", "idea", "next"))
		b.Commit("Raj", "Edit a: "+edit[1])
	}
	r := open(t, b.Dir)
	events, err := r.History(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: "a"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		line := e.Kind
		for _, f := range e.Fields {
			line += " " + f.Field + "=" + f.Old + "->" + f.New
		}
		got = append(got, line)
	}
	want := []string{
		"added title=->Feature a status=->planned target=->2027-Q1",
		"changed status=planned->in-progress",
		"changed target=2027-Q1->2027-Q2",
		"changed title=Feature a->Feature A summary=->A",
		"changed status=in-progress->shipped",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Whole: the newest version and the first (added, all fields shown).
	// Keys: status planned, in-progress, shipped; target twice; title
	// twice; summary once.
	items, keys, _ := r.DecodeCounts()
	if items != 2 || keys != 8 {
		t.Errorf("decoded %d items and %d keys, want 2 and 8", items, keys)
	}
	// After loading HEAD (as diff does), its files are known to parse: the
	// newest version need not be decoded whole.
	r = open(t, b.Dir)
	if _, err := r.Load(resolve(t, r, "HEAD"), "plan"); err != nil {
		t.Fatal(err)
	}
	again, err := r.History(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: "a"})
	if err != nil || !reflect.DeepEqual(again, events) {
		t.Errorf("history after a load: %v\n%+v\nwant %+v", err, again, events)
	}
	if items, keys, _ := r.DecodeCounts(); items != 1 || keys != 8 {
		t.Errorf("after a load, decoded %d items and %d keys, want 1 and 8", items, keys)
	}
}

// TestLoadVouchesOnlyForFilesThatParse: an item whose text does not parse
// has no history of changes, even where a commit changed only keys that
// parse, and even after a load of a file that does not parse.
func TestLoadVouchesOnlyForFilesThatParse(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	broken := "  - id: b\n    title: B: not YAML\n    status: idea\n"
	b.Write("plan/features.yaml", "features:\n"+feature("a", "planned", "2027-Q1")+broken)
	b.Commit("Ana", "Add a and b")
	b.Write("plan/features.yaml", "features:\n"+feature("a", "planned", "2027-Q1")+strings.Replace(broken, "idea", "planned", 1))
	b.Commit("Ana", "Plan b")
	r := open(t, b.Dir)
	rm, err := r.Load(resolve(t, r, "HEAD"), "plan")
	if err != nil || !strings.Contains(fmt.Sprint(rm.Findings), "syntax") {
		t.Fatalf("the file should not parse: %v %v", err, rm.Findings)
	}
	events, err := r.History(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: "b"})
	if err != nil || len(events) != 0 {
		t.Errorf("history of an item that does not parse: %v %+v", err, events)
	}
}

// attributed lists changes with the commits Attribute named, as name shows them.
func attributed(changes []roadmap.Change, name func(*roadmap.Commit) string) []string {
	var out []string
	for _, c := range changes {
		s := c.Kind + " " + c.ID
		if c.Commit != nil {
			s += " by " + name(c.Commit)
		}
		for _, f := range c.Fields {
			s += " [" + f.Field + " by " + name(f.Commit) + "]"
		}
		out = append(out, s)
	}
	return out
}

func TestAttributeNamesTheCommit(t *testing.T) {
	b, _ := history(t)
	r := open(t, b.Dir)
	old := loadAt(t, r, "v1", "plan")
	new := loadAt(t, r, "v2", "plan")
	changes := roadmap.Diff(old, new)
	if err := r.Attribute(resolve(t, r, "v2"), resolve(t, r, "v1").Hash, "plan", changes); err != nil {
		t.Fatal(err)
	}
	got := attributed(changes, func(c *roadmap.Commit) string { return c.Author })
	want := "changed a [target by Raj]|removed b by Ana|added c by Ana"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
	// c2 changed one item of features.yaml: its older version is split from
	// the newer one, not whole.
	if r.Resplits() == 0 {
		t.Error("no blob was split from its neighbour")
	}
}

// TestAttributeLooksPastAnItemAddedBack: an item the range removed and a
// later commit added back (a folder moved in two commits, or a deletion
// undone) was set by the commit that added it back only where it differs
// from what the removal took; the rest was made before. Where a file that
// stopped parsing hides the removal, the commit that added it back set it
// (and the items left in that file are no change: they were not read).
func TestAttributeLooksPastAnItemAddedBack(t *testing.T) {
	type commit struct{ file, features, author string }
	for _, tc := range []struct {
		name    string
		commits []commit
		want    string
	}{{
		name: "deleted by mistake",
		commits: []commit{
			{"a.yaml", feature("a", "planned", "2027-Q1") + feature("keep", "idea", "later"), "Raj"},
			{"a.yaml", feature("keep", "idea", "later"), "Li"},
			{"a.yaml", feature("a", "planned", "2027-Q2") + feature("keep", "idea", "later"), "Mia"},
		},
		want: "changed a [status by Raj] [target by Mia]",
	}, {
		name: "removal hidden, changed before",
		commits: []commit{
			{"a.yaml", feature("a", "planned", "2027-Q1") + feature("keep", "idea", "later"), "Raj"},
			{"a.yaml", "[", "Li"},
			{"c.yaml", feature("a", "planned", "2027-Q2"), "Mia"},
		},
		want: "changed a [status by Mia] [target by Mia]",
	}, {
		name: "removal hidden, nothing before",
		commits: []commit{
			{"a.yaml", "[", "Li"},
			{"c.yaml", feature("a", "planned", "2027-Q2"), "Mia"},
		},
		want: "changed a [status by Mia] [target by Mia]",
	}} {
		b := gittest.New(t)
		b.Write("plan/roadmap.yaml", "product: Acme\n")
		b.Write("plan/a.yaml", "features:\n"+feature("a", "idea", "later")+feature("keep", "idea", "later"))
		b.Tag("v1", b.Commit("Ana", "Plan"))
		for _, c := range tc.commits {
			text := "features:\n" + c.features
			if c.features == "[" {
				text = "features: [\n" // does not parse
			}
			b.Write("plan/"+c.file, text)
			b.Commit(c.author, "Edit "+c.file)
		}
		r := open(t, b.Dir)
		changes := roadmap.Diff(loadAt(t, r, "v1", "plan"), loadAt(t, r, "HEAD", "plan"))
		if err := r.Attribute(resolve(t, r, "HEAD"), resolve(t, r, "v1").Hash, "plan", changes); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(attributed(changes, func(c *roadmap.Commit) string {
			if c == nil {
				return "no one"
			}
			return c.Author
		}), "|")
		if got != tc.want {
			t.Errorf("%s: got  %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// TestAttributeNamesNothingAcrossDivergedBranches: when the older revision
// is on another branch, no commit is named, even when a walk would have found
// a commit for every change before it reached the root; and no file is read
// to learn it.
func TestAttributeNamesNothingAcrossDivergedBranches(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feature("a", "idea", "2027-Q1"))
	b.Commit("Ana", "Start")
	sideHead := b.OnBranch("side", func() plumbing.Hash {
		b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feature("a", "idea", "2027-Q3"))
		return b.Commit("Raj", "Push a to Q3 on a branch")
	})
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feature("a", "idea", "2027-Q2"))
	b.Commit("Mia", "Push a to Q2")
	r := open(t, b.Dir)
	changes := roadmap.Diff(loadAt(t, r, sideHead.String(), "."), loadAt(t, r, "HEAD", "."))
	if len(changes) != 1 {
		t.Fatalf("changes %+v", changes)
	}
	reads := r.BlobReads()
	err := r.Attribute(resolve(t, r, "HEAD"), sideHead, ".", changes)
	if !errors.Is(err, gitrepo.ErrNotAncestor) {
		t.Errorf("Attribute across branches: %v", err)
	}
	// The commits alone told: no file was read to learn it.
	if n := r.BlobReads() - reads; n != 0 {
		t.Errorf("Attribute read %d blobs before it knew the revision was off the line", n)
	}
	// So does history --since a revision off the line.
	if _, err := r.History(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: ".", Kind: "features", ID: "a", Stop: sideHead}); !errors.Is(err, gitrepo.ErrNotAncestor) {
		t.Errorf("history since a revision on another branch: %v", err)
	}
	if n := r.BlobReads() - reads; n != 0 {
		t.Errorf("history read %d blobs before it knew the revision was off the line", n)
	}
	for _, c := range changes {
		named := c.Commit != nil
		for _, f := range c.Fields {
			named = named || f.Commit != nil
		}
		if named {
			t.Errorf("a commit is named across branches: %+v", c)
		}
	}
}

func TestMergesFollowTheFirstParent(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feature("a", "idea", "next"))
	b.Commit("Ana", "Start")
	// A side branch sets a to planned; main sets it to in-progress later.
	sideHead := b.OnBranch("side", func() plumbing.Hash {
		b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feature("a", "planned", "next"))
		return b.Commit("Raj", "Plan a on a branch")
	})
	b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feature("a", "planned", "next"))
	b.Commit("Mia", "Merge side", sideHead)
	r := open(t, b.Dir)
	events, err := r.History(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: ".", Kind: "features", ID: "a"})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[1].Commit.Subject != "Merge side" {
		t.Errorf("first-parent history: %+v", events)
	}
}

func TestShallowClone(t *testing.T) {
	b, hs := history(t)
	// Make the clone shallow at c4, as git clone --depth 3 would: the shallow
	// file names the boundary and the older commits are gone.
	b.MakeShallow(hs["c4"], hs["c1"], hs["c2"], hs["c3"])
	r := open(t, b.Dir)
	_, err := r.History(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: "a"})
	if !errors.Is(err, gitrepo.ErrShallow) || !strings.Contains(err.Error(), "git fetch --unshallow") {
		t.Errorf("history in a shallow clone: %v", err)
	}
	for _, rev := range []string{"v1", "HEAD~4", "v2~5"} {
		if _, err := r.Resolve(rev); !errors.Is(err, gitrepo.ErrShallow) {
			t.Errorf("resolving %s, past the edge: %v", rev, err)
		}
	}
	// A tag or commit the clone never fetched may be no typo.
	for _, rev := range []string{"v0", "0123abc"} {
		if _, err := r.Resolve(rev); !errors.Is(err, gitrepo.ErrUnknownRevision) || !strings.Contains(err.Error(), "git fetch --unshallow --tags") {
			t.Errorf("resolving %s, unknown to a shallow clone: %v", rev, err)
		}
	}
	if c, err := r.Resolve("HEAD~2"); err != nil || c.Hash != hs["c4"] {
		t.Errorf("HEAD~2, the edge itself: %v", err)
	}
	// What the clone holds still reads.
	if got := ids(loadAt(t, r, "HEAD", "plan")); got == "" {
		t.Error("HEAD of a shallow clone does not load")
	}
}

func TestLinkedWorktree(t *testing.T) {
	b, _ := history(t)
	// A linked worktree: .git is a file naming its folder under the main
	// repository's .git/worktrees, which names the common folder.
	wtDir := t.TempDir()
	admin := filepath.Join(b.Dir, ".git", "worktrees", "wt")
	if err := os.MkdirAll(admin, 0o755); err != nil {
		t.Fatal(err)
	}
	head, _ := b.Git.Head()
	for name, text := range map[string]string{
		"HEAD":      head.Hash().String() + "\n",
		"commondir": "../..\n",
		"gitdir":    filepath.Join(wtDir, ".git") + "\n",
	} {
		if err := os.WriteFile(filepath.Join(admin, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(wtDir, ".git"), []byte("gitdir: "+admin+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := open(t, wtDir)
	if got := ids(loadAt(t, r, "v1", "plan")); !strings.HasPrefix(got, "a@features.yaml:2027-Q1") {
		t.Errorf("v1 from a worktree: %s", got)
	}
	if got := ids(loadAt(t, r, "HEAD", "plan")); !strings.Contains(got, "c@core.yaml") {
		t.Errorf("HEAD of the worktree: %s", got)
	}
}

// TestPackedRepositoryReadsAsLoose runs history, diff attribution and loads
// on the same history with loose objects, packed (deltas by offset and by
// hash), and packed with newer commits loose on top.
func TestPackedRepositoryReadsAsLoose(t *testing.T) {
	describe := func(dir string) string {
		r := open(t, dir)
		head := resolve(t, r, "HEAD")
		var out []string
		for _, id := range []string{"a", "b", "c"} {
			events, err := r.History(head, gitrepo.HistoryOptions{Dir: "plan", Kind: "features", ID: id})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range events {
				out = append(out, id+" "+e.Commit.Short+" "+e.Kind)
				for _, f := range e.Fields {
					out = append(out, "  "+f.Field+" "+f.Old+" -> "+f.New)
				}
			}
		}
		changes := roadmap.Diff(loadAt(t, r, "v1", "plan"), loadAt(t, r, "HEAD", "plan"))
		if err := r.Attribute(head, resolve(t, r, "v1").Hash, "plan", changes); err != nil {
			t.Fatal(err)
		}
		out = append(out, attributed(changes, func(c *roadmap.Commit) string { return c.Short })...)
		return strings.Join(out, "\n")
	}
	for _, refDeltas := range []bool{false, true} {
		b, _ := history(t)
		loose := describe(b.Dir)
		if !strings.Contains(loose, "a ") || !strings.Contains(loose, "removed b") {
			t.Fatalf("the loose history reads as:\n%s", loose)
		}
		b.Pack(refDeltas)
		if packs, _ := filepath.Glob(filepath.Join(b.Dir, ".git", "objects", "pack", "*.pack")); len(packs) != 1 {
			t.Fatalf("packing made %d packs", len(packs))
		}
		if got := describe(b.Dir); got != loose {
			t.Errorf("refDeltas %v: packed reads\n%s\nloose reads\n%s", refDeltas, got, loose)
		}
		// A commit on top of the pack is loose; its parents are packed.
		b.Write("plan/core.yaml", "features:\n"+feature("a", "in-progress", "2027-Q2")+feature("c", "planned", "2027-H2"))
		b.Commit("Raj", "Start a")
		mixed := describe(b.Dir)
		if !strings.Contains(mixed, "status planned -> in-progress") || !strings.HasPrefix(mixed, loose[:strings.Index(loose, "\n")]) {
			t.Errorf("refDeltas %v: packed and loose together read\n%s", refDeltas, mixed)
		}
	}
}

// TestReportHistoryMatchesLoads: the features ReportHistory gives each
// commit, built key by key from the walk, are those loading the commit and
// its parent whole gives.
func TestReportHistoryMatchesLoads(t *testing.T) {
	dir := t.TempDir()
	info, err := gen.Repo(dir, gen.RepoOptions{Features: 60, Commits: 80, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	r := open(t, dir)
	h, err := r.ReportHistory(resolve(t, r, "HEAD"), info.Dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Every field of a feature, with the default a load adds and the walk
	// does not.
	show := func(f *roadmap.Feature) string {
		if f == nil {
			return "absent"
		}
		g := *f
		if g.Visibility == "" {
			g.Visibility = roadmap.Internal
		}
		return fmt.Sprint(g.ID, g.Fields())
	}
	changes := 0
	for i, c := range h.Commits {
		cm := resolve(t, r, c.Commit.Hash)
		var now *roadmap.Roadmap
		sameFeatures(t, fmt.Sprint("commit ", i), func() (*roadmap.Roadmap, error) { return h.Load(i) }, func() *roadmap.Roadmap {
			if now, err = r.Load(cm, info.Dir); err != nil {
				t.Fatal(err)
			}
			return now
		})
		var before *roadmap.Roadmap
		if len(cm.ParentHashes) > 0 {
			if before, err = r.Load(resolve(t, r, cm.ParentHashes[0].String()), info.Dir); err != nil {
				t.Fatal(err)
			}
		}
		for _, fc := range c.Features {
			changes++
			var was *roadmap.Feature
			if before != nil {
				was = before.Feature(fc.ID)
			}
			if got, want := show(fc.Old), show(was); got != want {
				t.Fatalf("commit %d, %s before: %s, load gives %s", i, fc.ID, got, want)
			}
			if got, want := show(fc.New), show(now.Feature(fc.ID)); got != want {
				t.Fatalf("commit %d, %s after: %s, load gives %s", i, fc.ID, got, want)
			}
		}
	}
	if changes < 80 {
		t.Errorf("only %d feature changes", changes)
	}
	if _, keys, _ := r.DecodeCounts(); keys == 0 {
		t.Error("no feature was built from its keys")
	}
	// Given the roadmap at HEAD, the newest commit's load is that roadmap.
	atHead, err := r.Load(resolve(t, r, "HEAD"), info.Dir)
	if err != nil {
		t.Fatal(err)
	}
	h, err = r.ReportHistory(resolve(t, r, "HEAD"), info.Dir, atHead)
	if err != nil {
		t.Fatal(err)
	}
	last, err := h.Load(len(h.Commits) - 1)
	if err != nil || last != atHead {
		t.Errorf("the newest commit loads again: %v", err)
	}
	if first, err := h.Load(0); err != nil || first == atHead {
		t.Errorf("the first commit loads as HEAD: %v", err)
	}
}

func TestFindTellsKindAndTitle(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/goals.yaml", "objectives:\n  - id: x\n    title: Objective x\n  - id: o\n    title: Objective o\n")
	b.Write("plan/work.yaml", "features:\n"+feature("x", "idea", "next")+"  - id: \"q\"\n    title: Quoted\n    status: idea\ncampaigns:\n  - id: c\n    title: Campaign c\n    status: planned\n")
	b.Commit("Ana", "Plan")
	r := open(t, b.Dir)
	head := resolve(t, r, "HEAD")
	for id, want := range map[string]string{
		"x":    "features Feature x; objectives Objective x", // a feature before an objective
		"o":    "objectives Objective o",
		"c":    "campaigns Campaign c",
		"q":    "features Quoted", // an id not written plainly
		"nope": "",
	} {
		found, err := r.Find(head, "plan", id)
		if got := foundString(found); err != nil || got != want {
			t.Errorf("Find(%s) = %q, %v; want %q", id, got, err, want)
		}
	}
}

func foundString(found []gitrepo.Found) string {
	var parts []string
	for _, f := range found {
		parts = append(parts, f.Kind+" "+f.Title)
	}
	return strings.Join(parts, "; ")
}

// TestFindAnswersAsALoad: an item in a file that does not parse is not
// found, as a load reads that file as empty; a copy in a file that parses
// is, and so is an objective of the id.
func TestFindAnswersAsALoad(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/a.yaml", "features:\n  - id: x\n    title: X: broken\n  - id: y\n    title: Y\n    status: idea\n")
	b.Write("plan/b.yaml", "features:\n"+feature("x", "idea", "next"))
	b.Write("plan/goals.yaml", "objectives:\n  - id: y\n    title: Objective y\n")
	b.Commit("Ana", "Plan")
	r := open(t, b.Dir)
	head := resolve(t, r, "HEAD")
	rm, err := r.Load(head, "plan")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"x", "y"} {
		// What history showed when it loaded the roadmap.
		var want []string
		if f := rm.Feature(id); f != nil {
			want = append(want, "features "+f.Title)
		}
		if o := rm.Objective(id); o != nil {
			want = append(want, "objectives "+o.Title)
		}
		for _, fresh := range []bool{true, false} {
			rr := r
			if fresh {
				rr = open(t, b.Dir) // no load has said which files parse
			}
			found, err := rr.Find(head, "plan", id)
			if got := foundString(found); err != nil || got != strings.Join(want, "; ") {
				t.Errorf("Find(%s), fresh %v = %q, %v; a load gives %q", id, fresh, got, err, want)
			}
		}
	}
}

// TestTildeRevisions: REV~N names the commit N first parents back, from a
// branch, a tag or a short hash; past the root it is unknown, by name.
func TestTildeRevisions(t *testing.T) {
	b, hs := history(t)
	r := open(t, b.Dir)
	order := []string{"c6", "c5", "c4", "c3", "c2", "c1"}
	for n, name := range order {
		for _, rev := range []string{fmt.Sprintf("HEAD~%d", n), fmt.Sprintf("v2~%d", n), fmt.Sprintf("%s~%d", hs["c6"].String()[:8], n)} {
			c, err := r.Resolve(rev)
			if err != nil || c.Hash != hs[name] {
				t.Errorf("%s: %v, want %s", rev, err, name)
			}
		}
	}
	if c, err := r.Resolve("HEAD~"); err != nil || c.Hash != hs["c5"] {
		t.Errorf("HEAD~: %v", err)
	}
	for _, rev := range []string{"HEAD~6", "nope~1", "HEAD~99999999999999999999"} {
		if _, err := r.Resolve(rev); !errors.Is(err, gitrepo.ErrUnknownRevision) || !strings.Contains(err.Error(), rev) {
			t.Errorf("%s: %v", rev, err)
		}
	}
}

// TestCaretRevisions: REV^N names parent N of a merge, ^ alone the first,
// ^0 the commit itself, and they combine with ~N as git's do.
func TestCaretRevisions(t *testing.T) {
	b, hs := mergedHistory(t)
	start, side, onMain, merge := hs["start"], hs["side"], hs["main"], hs["merge"]
	r := open(t, b.Dir)
	for rev, want := range map[string]plumbing.Hash{
		"HEAD^0": merge, "HEAD^": onMain, "HEAD^1": onMain, "HEAD^2": side,
		"HEAD^2~1": start, "HEAD^^": start, "HEAD~1^": start, "side~1": start,
		"HEAD~0^2^0": side,
	} {
		if c, err := r.Resolve(rev); err != nil || c.Hash != want {
			t.Errorf("%s: %v, %v; want %s", rev, c, err, want)
		}
	}
	for _, rev := range []string{"HEAD^3", "HEAD^2~2", "HEAD~3", "HEAD^1^2"} {
		if _, err := r.Resolve(rev); !errors.Is(err, gitrepo.ErrUnknownRevision) || !strings.Contains(err.Error(), rev) {
			t.Errorf("%s, past the history: %v", rev, err)
		}
	}
}

// mergedHistory is a branch, side, merged into main: start, then side on the
// branch and main (tagged v1) on main, then their merge, at HEAD.
func mergedHistory(tb testing.TB) (*gittest.Repo, map[string]plumbing.Hash) {
	b := gittest.New(tb)
	hs := map[string]plumbing.Hash{}
	b.Write("roadmap.yaml", "product: Acme\n")
	hs["start"] = b.Commit("Ana", "Start")
	hs["side"] = b.OnBranch("side", func() plumbing.Hash {
		b.Write("side.yaml", "features: []\n")
		return b.Commit("Raj", "Side")
	})
	b.Write("main.yaml", "features: []\n")
	hs["main"] = b.Commit("Ana", "Main")
	b.Tag("v1", hs["main"])
	hs["merge"] = b.Commit("Mia", "Merge side", hs["side"])
	return b, hs
}

// FuzzResolveFirstParents: Resolve names the commit go-git's resolution
// names, for the revisions it steps through first parents itself as for the
// ones it leaves to go-git, on a history with a merge and a tag.
func FuzzResolveFirstParents(f *testing.F) {
	b, hs := mergedHistory(f)
	r := open(f, b.Dir)
	g, err := git.PlainOpen(b.Dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, rev := range []string{"HEAD~2", "HEAD^^", "v1~1", "side^", "HEAD^0~2", "HEAD~~", "HEAD^1^1",
		hs["start"].String()[:7] + "~0", hs["merge"].String() + "^", "HEAD~3", "HEAD~9", "HEAD^2~1", "v1^{}~1", "master~1"} {
		f.Add(rev)
	}
	f.Fuzz(func(t *testing.T, rev string) {
		c, err := r.Resolve(rev)
		if err != nil {
			// Refused: go-git finds no commit either, the revision uses
			// syntax go-git would resolve to another commit than asked, or
			// it is a hash shorter than git takes.
			base, _, _ := strings.Cut(rev, "~")
			base, _, _ = strings.Cut(base, "^")
			short := base != "" && len(base) < 4 && strings.Trim(base, "0123456789abcdefABCDEF") == ""
			if h, gerr := g.ResolveRevision(plumbing.Revision(rev)); gerr == nil && !short && !strings.Contains(rev, "@{") && !strings.Contains(rev, ":") && !strings.Contains(rev, "^{t") && !strings.Contains(rev, "^{b") {
				t.Fatalf("%q: Resolve refuses it (%v); go-git resolves %s", rev, err, h)
			}
			return
		}
		h, err := g.ResolveRevision(plumbing.Revision(rev))
		if err != nil || *h != c.Hash {
			t.Fatalf("%q: Resolve names %s; go-git resolves %v, %v", rev, c.Hash, h, err)
		}
	})
}

// sameFeatures checks that ReportHistory's Load of commit i gives the
// features a load of the commit gives, in the same order.
// It loads want after, so that the load tells report nothing.
func sameFeatures(t *testing.T, what string, read func() (*roadmap.Roadmap, error), load func() *roadmap.Roadmap) {
	t.Helper()
	got, err := read()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	want := load()
	show := func(fs []*roadmap.Feature) []string {
		var out []string
		for _, f := range fs {
			out = append(out, fmt.Sprint(f.ID, f.Fields()))
		}
		return out
	}
	if g, w := show(got.Features), show(want.Features); !reflect.DeepEqual(g, w) {
		t.Fatalf("%s: report reads %d features:\n%v\na load gives %d:\n%v", what, len(g), g, len(w), w)
	}
	for _, f := range want.Features {
		if got.Feature(f.ID) == nil {
			t.Fatalf("%s: no feature %s by id", what, f.ID)
		}
	}
}

// TestReportLoadsAsLoad: the features a walk reads of a past commit are
// those a load gives, whatever in the files does not parse; report reads a
// file that does not parse as its newest version that does, not as its
// features gone.
func TestReportLoadsAsLoad(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\nfeatures:\n"+feature("r", "idea", "next"))
	b.Write("plan/a.yaml", "features:\n"+feature("a", "planned", "2027-Q1")+feature("b", "idea", "next"))
	b.Write("plan/.hidden/h.yaml", "features:\n"+feature("h", "idea", "next"))
	b.Write("plan/notes.txt", "not yaml: [")
	b.Commit("Ana", "Start")
	steps := []map[string]string{
		{"plan/a.yaml": "features:\n" + feature("a", "planned", "2027-Q2") + feature("b", "idea", "next")},
		// b's text breaks: the whole file reads as empty.
		{"plan/a.yaml": "features:\n" + feature("a", "planned", "2027-Q2") + "  - id: b\n    title: B: broken\n"},
		// Changed again while broken: still read as it last parsed.
		{"plan/a.yaml": "features:\n" + feature("a", "planned", "2027-Q3") + "  - id: b\n    title: B: still broken\n"},
		// A person that does not parse empties the file with its features.
		{"plan/mixed.yaml": "people:\n  - id: p\n    name: P: broken\nfeatures:\n" + feature("m", "idea", "next")},
		// A head that does not parse, in a file that splits.
		{"plan/c.yaml": "vision: x: y\nfeatures:\n" + feature("c", "idea", "next"), "plan/mixed.yaml": "features:\n" + feature("m", "planned", "2027-Q3")},
		// Does not split (an anchor), parses.
		{"plan/d.yaml": "features:\n  - id: d\n    title: &t D\n    status: idea\n  - id: e\n    title: *t\n    status: idea\n"},
		// Does not split, does not parse.
		{"plan/d.yaml": "features:\n  - id: d\n    title: [D\n"},
		{"plan/a.yaml": "features:\n" + feature("a", "shipped", "2027-Q2") + feature("b", "idea", "next"), "plan/c.yaml": "features:\n" + feature("c", "idea", "next")},
		// A list on its key's line, and YAML's other line breaks.
		{"plan/inline.yaml": "features: [{id: i, title: I, status: idea}]\n"},
		{"plan/breaks.yaml": "features:\n" + feature("n", "idea", "next") + "    notes: x\u2028objectives:\n  - id: o\n"},
		{"plan/breaks.yaml": "features:\n" + feature("n", "idea", "next") + "    notes: x\u0085  - id: q\n"},
		{"plan/big.yaml": "features:\n" + feature("z", "idea", "next")},
		// Too large to read: a load reports it and reads none of it, and
		// so does report, which does not read its older version instead.
		{"plan/big.yaml": "features:\n" + strings.Repeat(feature("z", "idea", "next"), roadmap.MaxFileSize/len(feature("z", "idea", "next"))+1)},
	}
	for n, files := range steps {
		for p, text := range files {
			b.Write(p, text)
		}
		b.Commit("Raj", fmt.Sprint("Step ", n))
	}
	r := open(t, b.Dir)
	h, err := r.ReportHistory(resolve(t, r, "HEAD"), "plan", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Commits) != len(steps)+1 {
		t.Fatalf("%d commits", len(h.Commits))
	}
	if notes := strings.Join(r.Notes(), "\n"); !strings.Contains(notes, "big.yaml is larger than 8 MiB") || !strings.Contains(notes, "d.yaml does not parse") {
		t.Errorf("notes:\n%s", notes)
	}
	var last *roadmap.Roadmap // what report reads at HEAD
	for i, c := range h.Commits {
		cm := resolve(t, r, c.Commit.Hash)
		sameFeatures(t, c.Commit.Subject, func() (*roadmap.Roadmap, error) { return r.FeaturesAt(cm, "plan") }, func() *roadmap.Roadmap {
			want, err := r.Load(cm, "plan")
			if err != nil {
				t.Fatal(err)
			}
			return want
		})
		// report reads each file that does not parse as its newest
		// version before that parses, or not at all when none does.
		files := filesAt(t, cm, "plan/")
		for p, text := range files {
			if !strings.HasSuffix(p, ".yaml") || parses(p, text) {
				continue
			}
			delete(files, p)
			for j := i - 1; j >= 0 && len(text) <= roadmap.MaxFileSize; j-- {
				older, ok := filesAt(t, resolve(t, r, h.Commits[j].Commit.Hash), "plan/")[p]
				if !ok {
					break
				}
				if parses(p, older) {
					files[p] = older
					break
				}
			}
		}
		fsys := fstest.MapFS{}
		for p, text := range files {
			fsys[p] = &fstest.MapFile{Data: []byte(text)}
		}
		sameFeatures(t, "report at "+c.Commit.Subject, func() (*roadmap.Roadmap, error) { return h.Load(i) }, func() *roadmap.Roadmap {
			rm, err := roadmap.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			last = rm
			return rm
		})
	}
	// Given the roadmap loaded at HEAD, whose files do not all parse,
	// report still reads them as they last parsed.
	head := resolve(t, r, "HEAD")
	atHead, err := r.Load(head, "plan")
	if err != nil {
		t.Fatal(err)
	}
	withHead, err := r.ReportHistory(head, "plan", atHead)
	if err != nil {
		t.Fatal(err)
	}
	sameFeatures(t, "report at HEAD, loaded", func() (*roadmap.Roadmap, error) { return withHead.Load(len(withHead.Commits) - 1) }, func() *roadmap.Roadmap { return last })
	if notes := strings.Join(r.Notes(), "\n"); !strings.Contains(notes, "plan/a.yaml does not parse at commit") {
		t.Errorf("no note of a file read as it was before:\n%s", notes)
	}
}

// filesAt is the text of each file under prefix in commit c, by its path
// below prefix.
func filesAt(t *testing.T, c *object.Commit, prefix string) map[string]string {
	t.Helper()
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	err = tree.Files().ForEach(func(f *object.File) error {
		if rest, ok := strings.CutPrefix(f.Name, prefix); ok {
			text, err := f.Contents()
			out[rest] = text
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// parses tells whether a load reads a roadmap file's text.
func parses(p, text string) bool {
	if len(text) > roadmap.MaxFileSize {
		return false
	}
	_, findings := roadmap.ParseDocument(p, []byte(text))
	return !roadmap.HasSyntaxError(findings)
}

// TestHistorySinceADay: --since counts days on the committer's calendar,
// keeps a commit rebased onto the line with an older author date (it
// reached the line that day, and shows that day), and ends at the first
// commit committed before the day without reading its parent, which a
// shallow clone may lack.
func TestHistorySinceADay(t *testing.T) {
	b := gittest.New(t)
	status := func(s string) { b.Write("roadmap.yaml", "product: Acme\nfeatures:\n"+feature("a", s, "later")) }
	status("idea")
	b.CommitOn("2026-06-01", "Ana", "Add")
	old := b.CommitOn("2026-06-20", "Ana", "Nothing to the roadmap")
	status("planned")
	b.When = time.Date(2026, 7, 1, 0, 30, 0, 0, time.FixedZone("CEST", 2*3600)).Add(-24 * time.Hour)
	b.Commit("Mia", "Plan a, just after midnight in Berlin")
	status("in-progress")
	b.Authored = time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	b.CommitOn("2026-07-02", "Raj", "Start a, written in May and rebased")
	status("shipped")
	b.CommitOn("2026-07-03", "Li", "Ship a")
	b.MakeShallow(old, resolve(t, open(t, b.Dir), "HEAD~4").Hash)
	r := open(t, b.Dir)
	events, err := r.History(resolve(t, r, "HEAD"), gitrepo.HistoryOptions{Dir: ".", Kind: "features", ID: "a", Since: roadmap.NewDate(2026, 7, 1)})
	var got []string
	for _, e := range events {
		got = append(got, e.Commit.Author+" "+e.Commit.Date)
	}
	if want := "Mia 2026-07-01,Raj 2026-07-02,Li 2026-07-03"; err != nil || strings.Join(got, ",") != want {
		t.Errorf("history since 2026-07-01: %v %v, want %s", got, err, want)
	}
}

// TestBetweenSaysWhenItCannotTell: with a file that does not parse on one
// side, Between cannot tell whether the item changed, however many times it
// is asked, and for whichever kinds.
func TestBetweenSaysWhenItCannotTell(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\n")
	b.Write("features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Write("objectives.yaml", "objectives:\n  - id: search\n\ttitle: broken\n")
	b.Commit("Ana", "Start, one file broken")
	b.Write("objectives.yaml", "objectives:\n  - id: search\n    title: Search\n")
	b.Write("features.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Ana", "Mend the objectives, start search")
	r := open(t, b.Dir)
	old, new := resolve(t, r, "HEAD~1"), resolve(t, r, "HEAD")
	for _, kinds := range [][]string{{"objectives"}, {"objectives"}, {"features"}, {"features", "objectives"}} {
		_, known, err := r.Between(old, new, "", kinds, "search")
		if err != nil {
			t.Fatal(err)
		}
		if known {
			t.Errorf("Between(%v search) claims to know, with objectives.yaml broken on the older side", kinds)
		}
	}
}

// TestBetweenTellsEachKind: an id two kinds share is compared for both in
// one pass, and only the kind whose item changed has an event.
func TestBetweenTellsEachKind(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap.yaml", "product: Acme\n")
	b.Write("features.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Write("objectives.yaml", "objectives:\n  - id: search\n    title: Search\n")
	b.Commit("Ana", "Start")
	b.Write("features.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Raj", "Start search")
	r := open(t, b.Dir)
	old, new := resolve(t, r, "HEAD~1"), resolve(t, r, "HEAD")
	events, known, err := r.Between(old, new, "", []string{"features", "objectives"}, "search")
	if err != nil || !known {
		t.Fatal(known, err)
	}
	e, ok := events["features"]
	if len(events) != 1 || !ok || e.Commit.Author != "Raj" || len(e.Fields) != 1 || e.Fields[0].Field != "status" {
		t.Errorf("Between: %+v, want the feature's status change alone, by Raj", events)
	}
}

// TestChangesWhileBrokenShowWhereMended: what changed while a file did not
// parse (in the commit that broke it, and after) shows at the commit that
// mended it, in history and in a report's walk, compared with the version
// that parsed last; a file broken from its first commit shows its items
// added where it was mended, and one still broken at the head shows
// nothing, with a note.
func TestChangesWhileBrokenShowWhereMended(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "idea", "later")+feature("other", "idea", "later"))
	b.Write("plan/b.yaml", "features: [\n")
	b.Commit("Ana", "Add")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1")+feature("other", "idea", "later")+"    tags: [unclosed\n")
	b.Commit("Li", "Plan search, badly")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1")+feature("other", "planned", "later")+"    tags: [unclosed\n")
	b.Commit("Li", "Plan other, still badly")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1")+feature("other", "planned", "later"))
	b.Write("plan/b.yaml", "features:\n"+feature("late", "idea", "later"))
	b.Commit("Raj", "Mend")
	b.Write("plan/a.yaml", "features: [\n")
	b.Commit("Raj", "Break again")
	r := open(t, b.Dir)
	mended := resolve(t, r, "HEAD~1")
	for id, want := range map[string]string{
		"search": "Add: added; Mend: changed status idea->planned target later->2027-Q1",
		"other":  "Add: added; Mend: changed status idea->planned",
		"late":   "Mend: added",
	} {
		if got := changedFields(t, r, mended, id); got != want {
			t.Errorf("history of %s:\ngot  %s\nwant %s", id, got, want)
		}
	}
	notes := strings.Join(r.Notes(), "\n")
	for _, want := range []string{"plan/a.yaml did not parse from commit", "plan/b.yaml did not parse from commit"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q, want %q", notes, want)
		}
	}
	rh, err := r.ReportHistory(mended, "plan", nil)
	if err != nil {
		t.Fatal(err)
	}
	var walked []string
	for _, c := range rh.Commits {
		var ids []string
		for _, f := range c.Features {
			ids = append(ids, f.ID)
		}
		slices.Sort(ids)
		walked = append(walked, c.Commit.Subject+": "+strings.Join(ids, " "))
	}
	if got, want := strings.Join(walked, "; "), "Add: other search; Plan search, badly: ; Plan other, still badly: ; Mend: late other search"; got != want {
		t.Errorf("report walk:\ngot  %s\nwant %s", got, want)
	}
	// Broken at the head, never mended: no telling, as before.
	r = open(t, b.Dir)
	if got, want := changedFields(t, r, resolve(t, r, "HEAD"), "search"), "Add: added; Mend: changed status idea->planned target later->2027-Q1"; got != want {
		t.Errorf("history from a head where the file is broken:\ngot  %s\nwant %s", got, want)
	}
	if notes := r.Notes(); !slices.ContainsFunc(notes, func(n string) bool { return strings.HasPrefix(n, "plan/a.yaml does not parse on one side of commit") }) {
		t.Errorf("notes %q, want one of the break at the head", notes)
	}
}

// TestBrokenFilesRenamedOrRemoved: a file renamed, or its folder moved,
// while it did not parse is not taken for a new file (its items would read
// as added again): the walk leaves those commits out, with a note, as for
// a file broken at the head. One removed while broken shows its items
// removed as they last parsed, and the note says it was removed. Each walk
// looks for itself: a walk from inside the broken span is not told by an
// earlier walk from past it that the span was shown.
func TestBrokenFilesRenamedOrRemoved(t *testing.T) {
	start := func() *gittest.Repo {
		b := gittest.New(t)
		b.Write("plan/roadmap.yaml", "product: Acme\n")
		b.Write("plan/f.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
		b.Commit("Ana", "Add")
		b.Write("plan/f.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1")+"  - [unclosed\n")
		b.Commit("Li", "Start search, badly")
		return b
	}
	b := start()
	b.Move("plan/f.yaml", "plan/g.yaml")
	b.Commit("Li", "Rename")
	b.Write("plan/g.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Raj", "Mend")
	r := open(t, b.Dir)
	if got, want := changedFields(t, r, resolve(t, r, "HEAD"), "search"), "Add: added"; got != want {
		t.Errorf("renamed while broken:\ngot  %s\nwant %s", got, want)
	}
	if notes := strings.Join(r.Notes(), "\n"); strings.Contains(notes, "did not parse from") || !strings.Contains(notes, "plan/g.yaml does not parse on one side of commit") {
		t.Errorf("renamed while broken: notes %q", notes)
	}

	b = start()
	b.Move("plan/roadmap.yaml", "roadmap.yaml")
	b.Move("plan/f.yaml", "f.yaml")
	b.Commit("Li", "Move the roadmap to the top")
	b.Write("f.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Raj", "Mend")
	r = open(t, b.Dir)
	if got, want := trail(t, r, resolve(t, r, "HEAD"), "", "search"), "Add: added"; got != want {
		t.Errorf("folder moved while broken:\ngot  %s\nwant %s", got, want)
	}
	if notes := strings.Join(r.Notes(), "\n"); strings.Contains(notes, "did not parse from") {
		t.Errorf("folder moved while broken: notes %q", notes)
	}

	b = start()
	b.Remove("plan/f.yaml")
	b.Write("plan/g.yaml", "features:\n"+feature("other", "idea", "later"))
	b.Commit("Raj", "Drop f.yaml")
	r = open(t, b.Dir)
	if got, want := changedFields(t, r, resolve(t, r, "HEAD"), "search"), "Add: added; Drop f.yaml: removed"; got != want {
		t.Errorf("removed while broken:\ngot  %s\nwant %s", got, want)
	}
	if notes := r.Notes(); len(notes) != 1 || !regexp.MustCompile(`^plan/f.yaml did not parse from commit [0-9a-f]{7} until commit [0-9a-f]{7} removed it`).MatchString(notes[0]) {
		t.Errorf("removed while broken: notes %q", notes)
	}

	// Two files broken alike share a blob: mending one says nothing of
	// the other, still broken.
	b = start()
	b.Write("plan/g.yaml", "features:\n"+feature("other", "idea", "later"))
	b.Commit("Li", "Add g.yaml")
	b.Write("plan/g.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1")+"  - [unclosed\n")
	b.Commit("Li", "Break g.yaml alike")
	b.Write("plan/f.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Raj", "Mend f.yaml")
	r = open(t, b.Dir)
	if _, err := r.ReportHistory(resolve(t, r, "HEAD"), "plan", nil); err != nil {
		t.Fatal(err)
	}
	if notes := strings.Join(r.Notes(), "\n"); !strings.Contains(notes, "plan/g.yaml does not parse on one side of commit") {
		t.Errorf("two files broken alike, one mended: notes %q", notes)
	}

	b = start()
	b.Write("plan/f.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Raj", "Mend")
	r = open(t, b.Dir)
	changedFields(t, r, resolve(t, r, "HEAD"), "search")
	if got, want := changedFields(t, r, resolve(t, r, "HEAD~1"), "search"), "Add: added"; got != want {
		t.Errorf("a second walk, from the broken version:\ngot  %s\nwant %s", got, want)
	}
	if notes := strings.Join(r.Notes(), "\n"); !strings.Contains(notes, "plan/f.yaml does not parse on one side of commit") {
		t.Errorf("a second walk, from the broken version, says nothing of it: notes %q", notes)
	}
}

// TestBrokenFromTheFolderFirstCommit: a roadmap folder added, after other
// history, with a file that does not parse shows the file's items added
// where it was mended, as when the folder came in the first commit; a
// folder moved in broken from elsewhere cannot be told, and says so.
func TestBrokenFromTheFolderFirstCommit(t *testing.T) {
	b := gittest.New(t)
	b.Write("README.md", "Acme\n")
	b.Commit("Ana", "Start the repository")
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "idea", "later")+"    tags: [unclosed\n")
	b.Commit("Li", "Add the roadmap, badly")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "idea", "later"))
	b.Commit("Raj", "Mend")
	r := open(t, b.Dir)
	if got, want := changedFields(t, r, resolve(t, r, "HEAD"), "search"), "Mend: added"; got != want {
		t.Errorf("history:\ngot  %s\nwant %s", got, want)
	}
	if notes := strings.Join(r.Notes(), "\n"); !strings.Contains(notes, "plan/a.yaml did not parse from commit") {
		t.Errorf("notes %q", notes)
	}

	moved := gittest.New(t)
	kept := map[string]string{"roadmap.yaml": "product: Acme\n", "b.yaml": "features:\n" + feature("b", "idea", "later"), "c.yaml": "features:\n" + feature("c", "idea", "later")}
	for name, text := range kept {
		moved.Write("old/"+name, text)
	}
	moved.Write("old/a.yaml", "features:\n"+feature("search", "idea", "later"))
	moved.Commit("Ana", "Start")
	for name, text := range kept {
		moved.Remove("old/" + name)
		moved.Write("plan/"+name, text)
	}
	moved.Remove("old/a.yaml")
	moved.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "later")+"    tags: [unclosed\n")
	moved.Commit("Li", "Move the roadmap, badly")
	moved.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "later"))
	moved.Commit("Raj", "Mend")
	r = open(t, moved.Dir)
	if got, want := changedFields(t, r, resolve(t, r, "HEAD"), "search"), "Start: added"; got != want {
		t.Errorf("a folder moved in broken:\ngot  %s\nwant %s; notes %q", got, want, r.Notes())
	}
}

// TestTheSameBreakTwice: a file broken with the same text twice (a typo
// made again, a revert), and mended each time, shows each span's changes
// at its own mend: the answer for one span is not taken for the other,
// in history and in diff's attribution.
func TestTheSameBreakTwice(t *testing.T) {
	b := gittest.New(t)
	b.Write("plan/roadmap.yaml", "product: Acme\n")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "idea", "later"))
	b.Commit("Ana", "Add")
	b.Write("plan/a.yaml", "features: [\n")
	b.Commit("Li", "Break")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "planned", "2027-Q1"))
	b.Commit("Raj", "Mend v2")
	b.Write("plan/a.yaml", "features: [\n")
	b.Commit("Li", "Break again")
	b.Write("plan/a.yaml", "features:\n"+feature("search", "in-progress", "2027-Q1"))
	b.Commit("Raj", "Mend v3")
	r := open(t, b.Dir)
	got := changedFields(t, r, resolve(t, r, "HEAD"), "search")
	want := "Add: added; Mend v2: changed status idea->planned target later->2027-Q1; Mend v3: changed status planned->in-progress"
	if got != want {
		t.Errorf("history:\ngot  %s\nwant %s", got, want)
	}
	if notes := r.Notes(); len(notes) != 2 {
		t.Errorf("notes %q, want one for each span", notes)
	}

	r = open(t, b.Dir)
	head, first := resolve(t, r, "HEAD"), resolve(t, r, "HEAD~4")
	load := func(c *object.Commit) *roadmap.Roadmap {
		rm, err := r.Load(c, "plan")
		if err != nil {
			t.Fatal(err)
		}
		return rm
	}
	changes := roadmap.Diff(load(first), load(head))
	if err := r.Attribute(head, first.Hash, "plan", changes); err != nil {
		t.Fatal(err)
	}
	subjects := map[string]string{}
	for _, c := range changes {
		for _, f := range c.Fields {
			if f.Commit == nil {
				t.Errorf("%s of %s names no commit", f.Field, c.ID)
				continue
			}
			subjects[f.Field] = f.Commit.Subject
		}
	}
	if subjects["target"] != "Mend v2" || subjects["status"] != "Mend v3" {
		t.Errorf("diff names %v, want target at Mend v2 and status at Mend v3", subjects)
	}
}
