package roadmap_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// dueDates maps each task id of f's launch to its due date.
func dueDates(r *roadmap.Roadmap, f *roadmap.Feature) map[string]string {
	got := map[string]string{}
	for _, task := range r.LaunchTasks(f) {
		got[task.ID] = task.Due.String()
	}
	return got
}

func TestLaunchDueDatesAcrossCalendarEdges(t *testing.T) {
	r := &roadmap.Roadmap{}
	tests := []struct {
		name   string
		target string // used when date is empty
		date   string
		size   string
		want   map[string]string
	}{
		{"back across a month end", "", "2027-05-03", "small", map[string]string{"release-notes": "2027-05-02", "in-app-mention": "2027-05-03"}},
		{"back across a 31-day month end", "", "2027-08-01", "small", map[string]string{"release-notes": "2027-07-31"}},
		{"back across a year end", "", "2027-01-01", "small", map[string]string{"release-notes": "2026-12-31", "in-app-mention": "2027-01-01"}},
		{"weeks back across a year end", "", "2027-01-14", "large", map[string]string{"positioning": "2026-11-19", "analyst-briefing": "2026-12-17", "press-release": "2026-12-31", "launch-review": "2027-01-21"}},
		{"forward across a year end", "", "2027-12-28", "large", map[string]string{"launch-review": "2028-01-04", "docs": "2027-12-21"}},
		{"onto a leap day", "", "2028-03-28", "medium", map[string]string{"positioning": "2028-02-29", "enablement": "2028-03-14"}},
		{"from a leap day", "", "2028-02-29", "large", map[string]string{"launch-review": "2028-03-07", "positioning": "2028-01-04", "docs": "2028-02-22"}},
		{"no leap day in a common year", "", "2027-03-01", "small", map[string]string{"release-notes": "2027-02-28"}},
		{"no leap day in 2100", "", "2100-03-01", "small", map[string]string{"release-notes": "2100-02-28"}},
		{"a leap day in 2000", "", "2000-03-01", "small", map[string]string{"release-notes": "2000-02-29"}},
		{"target month ends on a leap day", "2028-02", "", "small", map[string]string{"release-notes": "2028-02-28", "in-app-mention": "2028-02-29"}},
		{"target quarter ends on the year's last day", "2027-Q4", "", "large", map[string]string{"launch-review": "2028-01-07", "positioning": "2027-11-05"}},
		{"target half", "2027-H1", "", "medium", map[string]string{"docs": "2027-06-23"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &roadmap.Feature{ID: "x", Launch: &roadmap.Launch{Size: tt.size}}
			if tt.date != "" {
				f.Launch.Date = mustDate(tt.date)
			} else {
				f.Target = roadmap.MustTarget(tt.target)
			}
			got := dueDates(r, f)
			for id, due := range tt.want {
				if got[id] != due {
					t.Errorf("task %s due %s, want %s", id, got[id], due)
				}
			}
		})
	}
}

func TestLaunchTasksAreInDueOrder(t *testing.T) {
	r := &roadmap.Roadmap{}
	f := &roadmap.Feature{ID: "x", Launch: &roadmap.Launch{Size: "large", Date: mustDate("2027-03-24")}}
	var got []string
	for _, task := range r.LaunchTasks(f) {
		got = append(got, task.ID)
	}
	// Equal due dates keep playbook order: launch-content before docs.
	want := []string{"positioning", "analyst-briefing", "enablement", "press-release", "launch-content", "docs", "launch-review"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestTaskStateBoundaries(t *testing.T) {
	today := mustDate("2026-11-23")
	tests := []struct {
		due  string
		done bool
		want roadmap.TaskState
	}{
		{"2026-11-22", false, roadmap.TaskOverdue}, // yesterday: the last overdue day
		{"2024-02-29", false, roadmap.TaskOverdue}, // long ago
		{"2026-11-23", false, roadmap.TaskDueSoon}, // due today is not overdue yet
		{"2026-11-24", false, roadmap.TaskDueSoon}, // tomorrow
		{"2026-12-07", false, roadmap.TaskDueSoon}, // in 14 days: the last due-soon day
		{"2026-12-08", false, roadmap.TaskPlanned}, // in 15 days: the first planned day
		{"2028-02-29", false, roadmap.TaskPlanned}, // far ahead
		{"2026-11-22", true, roadmap.TaskDone},     // done wins over overdue
		{"2026-11-30", true, roadmap.TaskDone},     // and over due soon
		{"2027-06-01", true, roadmap.TaskDone},     // and over planned
		{"", false, roadmap.TaskPlanned},           // an undated launch's task
	}
	for _, tt := range tests {
		task := roadmap.Task{Done: tt.done}
		if tt.due != "" {
			task.Due = mustDate(tt.due)
		}
		if got := task.State(today); got != tt.want {
			t.Errorf("due %q done %v: state %s, want %s", tt.due, tt.done, got, tt.want)
		}
	}
	if roadmap.TaskDueSoon.Label() != "due soon" || roadmap.TaskOverdue.Label() != "overdue" {
		t.Errorf("labels: %q %q", roadmap.TaskDueSoon.Label(), roadmap.TaskOverdue.Label())
	}
}

const launchPeople = `people:
  - {id: ana, name: Ana Ruiz, role: product}
  - {id: raj, name: Raj Iyer, role: marketing}
`

func TestLaunchOwners(t *testing.T) {
	r := load(t, map[string]string{
		"roadmap.yaml": minimal + launchPeople + `features:
  - id: owned
    title: Owned
    status: planned
    owners: {product: ana, marketing: raj}
    launch: {size: small, date: 2027-02-10}
  - id: orphan
    title: Orphan
    status: planned
    owners: {product: ana}
    launch: {size: small, date: 2027-02-11}
  - id: stranger
    title: Stranger
    status: planned
    owners: {product: nobody-known, marketing: raj}
    launch: {size: small, date: 2027-02-12}
`})
	cal, err := r.Launches(roadmap.LaunchOptions{Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range cal.Launches {
		for _, task := range p.Tasks {
			name := "<nil>"
			if task.Person != nil {
				name = task.Person.Name
			}
			got[p.Feature.ID+"."+task.ID] = fmt.Sprintf("%s %v %s", task.Owner, task.Assigned, name)
		}
	}
	want := map[string]string{
		"owned.release-notes":     "ana true Ana Ruiz",
		"owned.in-app-mention":    "raj true Raj Iyer",
		"orphan.release-notes":    "ana true Ana Ruiz",
		"orphan.in-app-mention":   "marketing false <nil>", // nobody holds the role: the role owns it
		"stranger.release-notes":  "nobody-known true <nil>",
		"stranger.in-app-mention": "raj true Raj Iyer",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: owner %q, want %q", k, got[k], w)
		}
	}
}

func TestLaunchesCustomTiersReplaceBuiltins(t *testing.T) {
	r := load(t, map[string]string{
		"roadmap.yaml": `product: Acme
launch_tiers:
  tier-1:
    description: Everything.
    playbook:
      - {id: brief, task: Brief, owner: marketing, due: -6w}
      - {id: beta, task: Private beta, owner: product, due: -3w}
      - {id: retro, task: Retrospective, owner: product, due: +2w}
  quiet:
    description: Ship it.
    playbook: []
` + launchPeople + `features:
  - id: big
    title: Big
    status: planned
    owners: {product: ana, marketing: raj}
    launch: {size: tier-1, date: 2027-01-10, done: [brief]}
  - id: hushed
    title: Hushed
    status: planned
    launch: {size: quiet, date: 2027-01-10}
  - id: old-size
    title: Old size
    status: planned
    launch: {size: large, date: 2027-01-10}
`})
	cal, err := r.Launches(roadmap.LaunchOptions{Today: mustDate("2026-12-15")})
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Launches) != 1 || cal.Launches[0].Feature.ID != "big" {
		t.Fatalf("launches %v, want only big (a tier with no tasks and a size no longer in force launch nothing)", ids(cal.Launches))
	}
	var got []string
	for _, task := range cal.Launches[0].Tasks {
		got = append(got, fmt.Sprintf("%s %s %s %s", task.ID, task.Due, task.Owner, task.State))
	}
	want := []string{
		"brief 2026-11-29 raj done",
		"beta 2026-12-20 ana due-soon",
		"retro 2027-01-24 ana planned",
	}
	if !slices.Equal(got, want) {
		t.Errorf("tasks\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := r.Launches(roadmap.LaunchOptions{Feature: "old-size"}); err == nil || !strings.Contains(err.Error(), `"large", which is not a launch tier (tier-1, quiet)`) {
		t.Errorf("old-size: %v", err)
	}
	if _, err := r.Launches(roadmap.LaunchOptions{Feature: "hushed"}); err == nil || !strings.Contains(err.Error(), "playbook has no tasks") {
		t.Errorf("hushed: %v", err)
	}
}

func ids(ps []roadmap.LaunchPlan) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Feature.ID)
	}
	return out
}

const selectionRoadmap = minimal + `features:
  - {id: planned, title: P, status: planned, launch: {size: small, date: 2027-02-10}}
  - {id: building, title: B, status: in-progress, target: 2027-01, launch: {size: medium}}
  - {id: shipped, title: S, status: shipped, shipped: 2026-06-01, launch: {size: small, date: 2026-06-02, done: [release-notes, in-app-mention]}}
  - {id: idea, title: I, status: idea, launch: {size: large, date: 2027-02-10}}
  - {id: parked, title: Pk, status: parked, launch: {size: large, date: 2027-02-10}}
  - {id: dropped, title: D, status: dropped, launch: {size: large, date: 2027-02-10}}
  - {id: quiet, title: Q, status: planned, launch: {size: none, date: 2027-02-10}}
  - {id: unsized, title: U, status: planned, target: 2027-02}
  - {id: later, title: L, status: planned, target: later, launch: {size: large}}
  - {id: now, title: N, status: planned, target: now, launch: {size: small}}
  - {id: untargeted, title: T, status: planned, launch: {size: small}}
  - {id: same-day, title: A, status: planned, launch: {size: small, date: 2027-02-10}}
`

func TestLaunchesSelection(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": selectionRoadmap})
	cal, err := r.Launches(roadmap.LaunchOptions{Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	// By day, then id; ideas, parked, dropped, size none and unsized left out.
	if got, want := ids(cal.Launches), []string{"shipped", "building", "planned", "same-day"}; !slices.Equal(got, want) {
		t.Errorf("launches %v, want %v", got, want)
	}
	if got, want := ids(cal.Undated), []string{"now", "later", "untargeted"}; !slices.Equal(got, want) {
		t.Errorf("undated %v, want %v", got, want)
	}
	for _, p := range cal.Undated {
		if p.Dated() || len(p.Tasks) == 0 || !p.Tasks[0].Due.IsZero() {
			t.Errorf("undated %s: day %s, tasks %v", p.Feature.ID, p.Day, p.Tasks)
		}
	}
	if d := cal.Launches[1].Day.String(); d != "2027-01-31" {
		t.Errorf("building launches on %s, want the end of its target, 2027-01-31", d)
	}
}

func TestLaunchesWindow(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": selectionRoadmap})
	tests := []struct {
		from, to string
		want     []string
	}{
		// building launches 2027-01-31; its positioning task is due 2027-01-03.
		{"2027-01-01", "2027-01-05", []string{"building"}},                                   // a task's due date alone brings the launch in
		{"2027-01-31", "2027-01-31", []string{"building"}},                                   // both bounds included: launch day
		{"2027-01-03", "2027-01-03", []string{"building"}},                                   // both bounds included: a task
		{"2027-02-09", "", []string{"planned", "same-day"}},                                  // open end: release notes due 2027-02-09
		{"2027-02-10", "", []string{"planned", "same-day"}},                                  // launch day itself
		{"2027-02-11", "", nil},                                                              // after everything
		{"", "2026-06-01", []string{"shipped"}},                                              // open start: its release notes
		{"2026-06-03", "2027-01-02", nil},                                                    // a gap between launches
		{"", "", []string{"shipped", "building", "planned", "same-day"}},                     // no window
		{"2026-01-01", "2027-12-31", []string{"shipped", "building", "planned", "same-day"}}, // a window around all
	}
	for _, tt := range tests {
		var from, to roadmap.Date
		if tt.from != "" {
			from = mustDate(tt.from)
		}
		if tt.to != "" {
			to = mustDate(tt.to)
		}
		cal, err := r.Launches(roadmap.LaunchOptions{Today: fixtureToday, From: from, To: to})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(cal.Launches); !slices.Equal(got, tt.want) {
			t.Errorf("window %s..%s: %v, want %v", tt.from, tt.to, got, tt.want)
		}
		if len(cal.Undated) != 3 {
			t.Errorf("window %s..%s: %d undated launches, want all 3 whatever the window", tt.from, tt.to, len(cal.Undated))
		}
		for _, p := range cal.Launches {
			if len(p.Tasks) != 2 && len(p.Tasks) != 4 {
				t.Errorf("window %s..%s: %s has %d tasks; a launch keeps all its tasks", tt.from, tt.to, p.Feature.ID, len(p.Tasks))
			}
		}
	}
}

func TestLaunchesOneFeature(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": selectionRoadmap})
	cal, err := r.Launches(roadmap.LaunchOptions{Today: fixtureToday, Feature: "building", From: mustDate("2030-01-01")})
	if err != nil || len(cal.Launches) != 1 || len(cal.Undated) != 0 {
		t.Fatalf("building: %v %v (a feature is shown whatever the window)", ids(cal.Launches), err)
	}
	cal, err = r.Launches(roadmap.LaunchOptions{Today: fixtureToday, Feature: "later"})
	if err != nil || len(cal.Launches) != 0 || ids(cal.Undated)[0] != "later" {
		t.Fatalf("later: %v %v", ids(cal.Undated), err)
	}
	for id, want := range map[string]string{
		"biulding": `no feature has id "biulding"; did you mean "building"?`,
		"zzz":      `no feature has id "zzz"`,
		"idea":     "feature idea is an idea: only planned, in-progress and shipped features have a launch plan",
		"parked":   "feature parked is parked",
		"dropped":  "feature dropped is dropped",
		"quiet":    "feature quiet has a launch of size none, whose playbook has no tasks",
		"unsized":  "feature unsized has no launch: give it a launch.size (large, medium, small, none)",
	} {
		_, err := r.Launches(roadmap.LaunchOptions{Today: fixtureToday, Feature: id})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", id, err, want)
		}
	}
}

// TestLaunchWithUnreadableDateIsUndated: a launch.date that is not a date
// leaves the launch undated rather than placed at the target's end.
func TestLaunchWithUnreadableDateIsUndated(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": minimal + `features:
  - {id: sso, title: S, status: planned, target: 2027-Q1, launch: {size: small, date: 2027-02-29}}
`})
	cal, err := r.Launches(roadmap.LaunchOptions{Today: fixtureToday})
	if err != nil || len(cal.Launches) != 0 || !slices.Equal(ids(cal.Undated), []string{"sso"}) {
		t.Errorf("dated %v, undated %v, error %v; want sso undated", ids(cal.Launches), ids(cal.Undated), err)
	}
}

// TestLeadTimeAgreesWithOverdue checks that launch-lead-time warns about a
// launch exactly when `roadmap launches` shows one of its tasks overdue, for
// the launches still to come (planned and in progress), on every day around
// the launches' tasks.
func TestLeadTimeAgreesWithOverdue(t *testing.T) {
	r := load(t, map[string]string{"roadmap.yaml": minimal + `features:
  - {id: a, title: A, status: planned, launch: {size: large, date: 2027-01-20, done: [positioning]}}
  - {id: b, title: B, status: in-progress, target: 2026-12, launch: {size: medium}}
  - {id: c, title: C, status: planned, launch: {size: small, date: 2026-12-01, done: [release-notes]}}
`})
	warnings := 0
	for day := mustDate("2026-10-01"); day.Before(mustDate("2027-02-01")); day = day.AddDays(1) {
		warned := map[string]bool{}
		for _, f := range roadmap.Check(r, roadmap.Options{Today: day}) {
			if f.Rule == "launch-lead-time" {
				warned[strings.Fields(f.Message)[4]] = true // "the large launch of a on ..."
				warnings++
			}
		}
		cal, err := r.Launches(roadmap.LaunchOptions{Today: day})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range cal.Launches {
			overdue := p.Count(roadmap.TaskOverdue) > 0
			if overdue != warned[p.Feature.ID] {
				t.Errorf("on %s, %s: overdue tasks %v, launch-lead-time warns %v", day, p.Feature.ID, overdue, warned[p.Feature.ID])
			}
		}
	}
	if warnings == 0 {
		t.Error("launch-lead-time never warned: the test proves nothing")
	}
}
