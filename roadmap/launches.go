package roadmap

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// LaunchOptions choose the launches of a calendar.
type LaunchOptions struct {
	// Today is the day task states are measured against.
	Today Date
	// From and To bound the window, both days included; a zero date leaves
	// that side open. A launch is in the window when its day or the due date
	// of any of its tasks is.
	From, To Date
	// Feature, when set, keeps only that feature's launch, dated or not.
	Feature string
}

// LaunchPlan is one feature's launch: its day, size and event, and its
// playbook tasks with who owns them and where they stand.
type LaunchPlan struct {
	Feature *Feature
	// Day is launch day: launch.date, or the end of the feature's dated
	// target. Zero for an undated launch, whose tasks are undated too.
	Day   Date
	Size  string
	Event string
	Tasks []LaunchTask
}

// LaunchTask is a playbook task of a launch and where it stands today.
type LaunchTask struct {
	Task
	// Person is who Owner names, or nil when the role is unassigned or names
	// nobody in people.
	Person *Person
	State  TaskState
}

// Dated reports whether the launch has a day.
func (p LaunchPlan) Dated() bool { return !p.Day.IsZero() }

// Count is how many of the launch's tasks are in state s.
func (p LaunchPlan) Count(s TaskState) int {
	n := 0
	for _, t := range p.Tasks {
		if t.State == s {
			n++
		}
	}
	return n
}

// within reports whether the launch day or a task's due date falls in
// [from, to]; zero bounds are open.
func (p LaunchPlan) within(from, to Date) bool {
	in := func(d Date) bool {
		return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
	}
	if in(p.Day) {
		return true
	}
	return slices.ContainsFunc(p.Tasks, func(t LaunchTask) bool { return in(t.Due) })
}

// Calendar is the launch plan of a roadmap: the dated launches, and those that
// have a size but no day yet.
type Calendar struct {
	// Launches are ordered by day, then feature id.
	Launches []LaunchPlan
	// Undated launches have a size and playbook but neither launch.date nor a
	// dated target; ordered by target (now, next, later, none), then id. A
	// window cannot place them, so they are kept whatever it is.
	Undated []LaunchPlan
}

// launchStatuses are the statuses whose features are on the launch calendar:
// committed to (planned, in progress) or done (shipped). An idea is not on
// the roadmap until it is planned; parked and dropped features launch nothing.
var launchStatuses = []Status{StatusPlanned, StatusInProgress, StatusShipped}

// Launches is the launch calendar: every planned, in-progress or shipped
// feature whose launch size is a tier with playbook tasks (a size whose tier
// has none, like the built-in none, has nothing to market), in the window
// of opts. With opts.Feature it is that feature's launch alone, or an error
// that says why the feature has none.
func (r *Roadmap) Launches(opts LaunchOptions) (Calendar, error) {
	if opts.Feature != "" {
		f := r.Feature(opts.Feature)
		if f == nil {
			ids := make([]string, len(r.Features))
			for i, x := range r.Features {
				ids[i] = x.ID
			}
			return Calendar{}, fmt.Errorf("no feature has id %q%s", clip(opts.Feature), suggestion(opts.Feature, ids))
		}
		if err := r.noLaunch(f); err != nil {
			return Calendar{}, err
		}
		p := r.launchPlan(f, opts.Today)
		if p.Dated() {
			return Calendar{Launches: []LaunchPlan{p}}, nil
		}
		return Calendar{Undated: []LaunchPlan{p}}, nil
	}
	var cal Calendar
	for _, f := range r.Features {
		// With duplicate ids (an error the linter reports) the first wins,
		// so that ids stay unique in the calendar.
		if r.Feature(f.ID) != f || r.noLaunch(f) != nil {
			continue
		}
		p := r.launchPlan(f, opts.Today)
		switch {
		case !p.Dated():
			cal.Undated = append(cal.Undated, p)
		case p.within(opts.From, opts.To):
			cal.Launches = append(cal.Launches, p)
		}
	}
	slices.SortStableFunc(cal.Launches, func(a, b LaunchPlan) int {
		return cmp.Or(a.Day.Compare(b.Day), strings.Compare(a.Feature.ID, b.Feature.ID))
	})
	slices.SortStableFunc(cal.Undated, func(a, b LaunchPlan) int {
		return cmp.Or(a.Feature.Target.Compare(b.Feature.Target), strings.Compare(a.Feature.ID, b.Feature.ID))
	})
	return cal, nil
}

// noLaunch says why f is not on the launch calendar, or returns nil when it is.
func (r *Roadmap) noLaunch(f *Feature) error {
	size := f.LaunchSize()
	switch {
	case !slices.Contains(launchStatuses, f.Status):
		return fmt.Errorf("feature %s is %s: only planned, in-progress and shipped features have a launch plan", f.ID, f.Status.Phrase())
	case size == "":
		return fmt.Errorf("feature %s has no launch: give it a launch.size (%s)", f.ID, strings.Join(r.TierNames(), ", "))
	case r.Tiers()[size] == nil:
		return fmt.Errorf("feature %s has launch size %q, which is not a launch tier (%s)", f.ID, clip(size), strings.Join(r.TierNames(), ", "))
	case len(r.Tiers()[size].Playbook) == 0:
		return fmt.Errorf("feature %s has a launch of size %s, whose playbook has no tasks: nothing to launch", f.ID, size)
	}
	return nil
}

func (r *Roadmap) launchPlan(f *Feature, today Date) LaunchPlan {
	day, _ := f.LaunchDay()
	p := LaunchPlan{Feature: f, Day: day, Size: f.Launch.Size, Event: f.Launch.Event}
	for _, t := range r.playbookTasks(f, day) {
		lt := LaunchTask{Task: t, State: t.State(today)}
		if t.Assigned {
			lt.Person = r.Person(t.Owner)
		}
		p.Tasks = append(p.Tasks, lt)
	}
	return p
}
