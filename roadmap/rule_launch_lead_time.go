package roadmap

import (
	"fmt"
	"strings"
)

var ruleLaunchLeadTime = &Rule{
	ID:       "launch-lead-time",
	Severity: SeverityWarning,
	Summary:  "a launch is dated too soon for a playbook task that is not done (its due date is before today)",
	check:    checkLeadTimes,
	Doc: "A planned or in-progress feature's launch is too soon for a playbook task: the task's due date, counted back from the launch day (`launch.date`, or the end of the target), is before today, and the task is not in `launch.done`. " +
		"Marketing cannot catch up on a brief that was due weeks ago; either the launch moves or the launch is smaller than planned. " +
		"Mark the finished tasks in `launch.done`, or move the launch.",
}

func checkLeadTimes(c *checker) {
	if c.today.IsZero() {
		return
	}
	for _, f := range c.r.Features {
		if f.Status != StatusPlanned && f.Status != StatusInProgress {
			continue
		}
		var late []string
		for _, t := range c.r.LaunchTasks(f) {
			if t.State(c.today) == TaskOverdue {
				late = append(late, fmt.Sprintf("%s (due %s)", t.ID, t.Due))
			}
		}
		if len(late) == 0 {
			continue
		}
		day, _ := f.LaunchDay()
		path := "launch.date"
		if !f.Has(path) {
			path = "launch.size"
		}
		c.report(&f.Located, path, "the %s launch of %s on %s is too soon for %d playbook task(s) not done: %s; mark them in launch.done or move the launch",
			f.Launch.Size, f.ID, day, len(late), strings.Join(late, ", "))
	}
}
