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
func (f *Feature) LaunchDay() (Date, bool) {
	if f.Launch != nil && !f.Launch.Date.IsZero() {
		return f.Launch.Date, true
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
	// or the role itself when nobody does.
	Owner string
	Due   Date
	Done  bool
}

// LaunchTasks are the playbook tasks of f's launch, dated from its launch day,
// in due order (ties in playbook order). Nil when f has no dated launch or its
// size is not a tier in force.
func (r *Roadmap) LaunchTasks(f *Feature) []Task {
	day, ok := f.LaunchDay()
	tier := r.Tiers()[f.LaunchSize()]
	if !ok || tier == nil {
		return nil
	}
	tasks := make([]Task, 0, len(tier.Playbook))
	for _, p := range tier.Playbook {
		owner := f.Owners[p.Owner]
		if owner == "" {
			owner = p.Owner
		}
		tasks = append(tasks, Task{
			PlaybookTask: p,
			Owner:        owner,
			Due:          day.AddDays(p.Due.Days()),
			Done:         slices.Contains(f.Launch.Done, p.ID),
		})
	}
	slices.SortStableFunc(tasks, func(a, b Task) int { return a.Due.Compare(b.Due) })
	return tasks
}
