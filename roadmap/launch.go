package roadmap

import (
	"cmp"
	"slices"
)

// The built-in launch sizes.
const (
	SizeNone   = "none"
	SizeSmall  = "small"
	SizeMedium = "medium"
	SizeLarge  = "large"
)

func task(id, title, owner, due string) PlaybookTask {
	return PlaybookTask{ID: id, Task: title, Owner: owner, Due: MustOffset(due)}
}

// BuiltinTiers are the launch tiers used when roadmap.yaml defines none.
var BuiltinTiers = map[string]*Tier{
	SizeLarge: {
		Description: "A new product, major capability or pricing change.",
		Playbook: []PlaybookTask{
			task("positioning", "Positioning and messaging brief", "marketing", "-8w"),
			task("analyst-briefing", "Analyst briefing", "marketing", "-4w"),
			task("enablement", "Sales enablement", "marketing", "-3w"),
			task("press-release", "Press release", "marketing", "-2w"),
			task("launch-content", "Launch blog and webinar", "marketing", "-1w"),
			task("docs", "Docs and release notes", "product", "-1w"),
			task("launch-review", "Launch-day review", "product", "+1w"),
		},
	},
	SizeMedium: {
		Description: "A notable feature for a known audience.",
		Playbook: []PlaybookTask{
			task("positioning", "Positioning brief", "marketing", "-4w"),
			task("enablement", "Sales enablement", "marketing", "-2w"),
			task("blog-post", "Blog post", "marketing", "-1w"),
			task("docs", "Docs and release notes", "product", "-1w"),
		},
	},
	SizeSmall: {
		Description: "An improvement, integration or fix of note.",
		Playbook: []PlaybookTask{
			task("release-notes", "Release notes", "product", "-1d"),
			task("in-app-mention", "In-app or email mention", "marketing", "+0d"),
		},
	},
	SizeNone: {
		Description: "Behind-the-scenes work or an experiment: nothing to market.",
	},
}

// Tiers are the launch tiers in force: those of roadmap.yaml, which replace the
// built-in ones, or the built-in ones.
func (r *Roadmap) Tiers() map[string]*Tier {
	if len(r.LaunchTiers) > 0 {
		return r.LaunchTiers
	}
	return BuiltinTiers
}

// TierNames lists the tiers in force from the biggest playbook to the smallest,
// ties by name.
func (r *Roadmap) TierNames() []string {
	tiers := r.Tiers()
	names := make([]string, 0, len(tiers))
	for n := range tiers {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(tiers[b].Playbook), len(tiers[a].Playbook)), cmp.Compare(a, b))
	})
	return names
}

// IsBigLaunch reports whether a launch size is one that needs a marketing owner
// and messaging: medium or large.
func IsBigLaunch(size string) bool { return size == SizeMedium || size == SizeLarge }

// LaunchDay is the day f launches: launch.date, or the end of its dated target.
// A launch.date that is not a date leaves the launch undated: its day is not
// known, and the target's end would be a guess.
func (f *Feature) LaunchDay() (Date, bool) {
	if f.Launch != nil && !f.Launch.Date.IsZero() {
		return f.Launch.Date, true
	}
	if f.Unreadable("launch.date") {
		return Date{}, false
	}
	if f.Target.Dated() {
		return f.Target.End(), true
	}
	return Date{}, false
}

// LaunchSize is f's launch size, or "" when it has none.
func (f *Feature) LaunchSize() string {
	if f.Launch == nil {
		return ""
	}
	return f.Launch.Size
}

// Task is one playbook task of one feature's launch, dated.
type Task struct {
	PlaybookTask
	// Owner is the person who holds the task's role in the feature's owners,
	// or the role itself when nobody does (then Assigned is false).
	Owner    string
	Assigned bool
	// Due is launch day moved by the task's offset; zero when the launch has
	// no day yet.
	Due  Date
	Done bool
}

// LaunchTasks are the playbook tasks of f's launch, dated from its launch day,
// in due order (ties in playbook order). Nil when f has no dated launch or its
// size is not a tier in force.
func (r *Roadmap) LaunchTasks(f *Feature) []Task {
	day, ok := f.LaunchDay()
	if !ok {
		return nil
	}
	return r.playbookTasks(f, day)
}

// playbookTasks are the tasks of f's tier dated from day, or undated when day
// is zero; nil when f's size is not a tier in force.
func (r *Roadmap) playbookTasks(f *Feature, day Date) []Task {
	tier := r.Tiers()[f.LaunchSize()]
	if tier == nil {
		return nil
	}
	tasks := make([]Task, 0, len(tier.Playbook))
	for _, p := range tier.Playbook {
		owner := f.Owners[p.Owner]
		assigned := owner != ""
		if !assigned {
			owner = p.Owner
		}
		t := Task{
			PlaybookTask: p,
			Owner:        owner,
			Assigned:     assigned,
			Done:         slices.Contains(f.Launch.Done, p.ID),
		}
		if !day.IsZero() {
			t.Due = day.AddDays(p.Due.Days())
		}
		tasks = append(tasks, t)
	}
	slices.SortStableFunc(tasks, func(a, b Task) int { return a.Due.Compare(b.Due) })
	return tasks
}

// TaskState is where a launch task stands on a given day.
type TaskState string

// The states of a launch task.
const (
	TaskDone    TaskState = "done"     // listed in launch.done
	TaskOverdue TaskState = "overdue"  // due before today and not done
	TaskDueSoon TaskState = "due-soon" // due today or within DueSoonDays
	TaskPlanned TaskState = "planned"  // due later, or not dated yet
)

// DueSoonDays is how many days ahead of today a task counts as due soon.
const DueSoonDays = 14

// State is where t stands on day today. Both `roadmap launches` and the
// launch-lead-time rule call it, so that a task shown overdue is one the rule
// warns about and the other way round.
func (t Task) State(today Date) TaskState {
	switch {
	case t.Done:
		return TaskDone
	case t.Due.IsZero():
		return TaskPlanned
	case t.Due.Before(today):
		return TaskOverdue
	case !t.Due.After(today.AddDays(DueSoonDays)):
		return TaskDueSoon
	}
	return TaskPlanned
}

// Label is the state as people read it: "due soon" rather than "due-soon".
func (s TaskState) Label() string {
	if s == TaskDueSoon {
		return "due soon"
	}
	return string(s)
}
