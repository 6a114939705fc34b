package render

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/northwind-labs/roadmap/roadmap"
)

// Launches is what `roadmap launches` shows: the calendar, the day its task
// states were measured on, and the window or feature it was narrowed to.
type Launches struct {
	Product  string
	Today    roadmap.Date
	From, To roadmap.Date
	// Feature is set when the calendar is one feature's launch: Markdown
	// then writes its checklist alone.
	Feature string
	roadmap.Calendar
}

// StateColor is the colour of a launch task state: overdue red, due soon
// yellow, done green.
func StateColor(state string) color.Color {
	switch state {
	case roadmap.TaskOverdue.Label():
		return red
	case roadmap.TaskDueSoon.Label():
		return yellow
	case roadmap.TaskDone.Label():
		return green
	}
	return nil
}

// ownerText is who owns a task, as people read it: the person's name, the
// person id when it names nobody in people, or the role when nobody holds it.
func ownerText(t roadmap.LaunchTask) string {
	switch {
	case t.Person != nil && t.Person.Name != "":
		return t.Person.Name
	case t.Assigned:
		return t.Owner
	}
	return t.Owner + " (unassigned)"
}

// relativeDay says when day is from today: "today", "in 3 days", "5 days ago".
func relativeDay(today, day roadmap.Date) string {
	switch n := today.DaysUntil(day); {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n > 1:
		return fmt.Sprintf("in %d days", n)
	default:
		return fmt.Sprintf("%d days ago", -n)
	}
}

// launchLine says what a launch is: "large launch · Northwind Live 2027 ·
// in-progress".
func launchLine(p roadmap.LaunchPlan) string {
	s := p.Size + " launch"
	if p.Event != "" {
		s += " · " + p.Event
	}
	return s + " · " + string(p.Feature.Status)
}

// tally counts the tasks of the dated launches by state.
func (l Launches) tally() (total int, by map[roadmap.TaskState]int) {
	by = map[roadmap.TaskState]int{}
	for _, p := range l.Launches {
		for _, t := range p.Tasks {
			total++
			by[t.State]++
		}
	}
	return total, by
}

// summary is one sentence on the dated launches: "17 launches, 62 tasks:
// 1 overdue, 4 due soon, 30 done, 27 planned."
func (l Launches) summary() string {
	total, by := l.tally()
	var parts []string
	for _, s := range []roadmap.TaskState{roadmap.TaskOverdue, roadmap.TaskDueSoon, roadmap.TaskDone, roadmap.TaskPlanned} {
		if by[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", by[s], s.Label()))
		}
	}
	launches := fmt.Sprintf("%d launches", len(l.Launches))
	if len(l.Launches) == 1 {
		launches = "1 launch"
	}
	out := launches + ", " + plural(total, "task")
	if len(parts) > 0 {
		out += ": " + strings.Join(parts, ", ")
	}
	return out + "."
}

// window says which dates the calendar covers, or "" when it is not narrowed.
func (l Launches) window() string {
	switch {
	case !l.From.IsZero() && !l.To.IsZero():
		return fmt.Sprintf("from %s to %s", l.From, l.To)
	case !l.From.IsZero():
		return fmt.Sprintf("from %s on", l.From)
	case !l.To.IsZero():
		return fmt.Sprintf("up to %s", l.To)
	}
	return ""
}

// taskTable is a launch's tasks, one a row.
func taskTable(p roadmap.LaunchPlan) Table {
	t := Table{Columns: []Column{
		{Name: "due"}, {Name: "task", Flex: true}, {Name: "owner"},
		{Name: "state", Color: StateColor}, {Name: "offset", Optional: true},
	}}
	for _, task := range p.Tasks {
		due := task.Due.String()
		if due == "" {
			due = "-"
		}
		t.Rows = append(t.Rows, []string{due, oneLine(task.Task.Task), oneLine(ownerText(task)), task.State.Label(), task.PlaybookTask.Due.String()})
	}
	return t
}

// undatedTable lists the launches that have no day yet.
func undatedTable(ps []roadmap.LaunchPlan) Table {
	t := Table{Columns: []Column{
		{Name: "feature"}, {Name: "size"}, {Name: "target"}, {Name: "status"},
		{Name: "title", Flex: true, Optional: true},
	}}
	for _, p := range ps {
		target := p.Feature.Target.String()
		if target == "" {
			target = "-"
		}
		t.Rows = append(t.Rows, []string{p.Feature.ID, p.Size, target, string(p.Feature.Status), oneLine(p.Feature.Title)})
	}
	return t
}

// WriteLaunches writes the calendar for people: each launch as a heading (day,
// feature, title; then size, event, status and how far off it is) over a
// table of its tasks, a summary, and the undated launches. On a styled
// terminal task states are coloured and every line fits the width.
func (o Output) WriteLaunches(w io.Writer, l Launches) error {
	var b bytes.Buffer
	line := func(s string) string { return fit(s, o.Width) }
	for i, p := range l.Launches {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(o.bold(line(p.Day.String()+"  "+p.Feature.ID+"  "+oneLine(p.Feature.Title))) + "\n")
		b.WriteString(o.faint(line("            "+oneLine(launchLine(p))+" · "+relativeDay(l.Today, p.Day))) + "\n")
		if err := o.indentedTable(&b, taskTable(p)); err != nil {
			return err
		}
	}
	if len(l.Launches) > 0 && l.Feature == "" {
		b.WriteString("\n" + line(l.summary()) + "\n")
	}
	if len(l.Undated) > 0 {
		if len(l.Launches) > 0 {
			b.WriteString("\n")
		}
		if l.Feature != "" {
			p := l.Undated[0]
			b.WriteString(o.bold(line("undated     "+p.Feature.ID+"  "+oneLine(p.Feature.Title))) + "\n")
			why := "no launch day: set launch.date or a dated target"
			if v, ok := p.Feature.Invalid["launch.date"]; ok {
				why = "no launch day: launch.date " + v + " is not a date"
			}
			b.WriteString(o.faint(line("            "+oneLine(launchLine(p))+" · "+why)) + "\n")
			if err := o.indentedTable(&b, taskTable(p)); err != nil {
				return err
			}
		} else {
			b.WriteString(o.bold(line("Undated launches: a size but no day (set launch.date or a dated target)")) + "\n")
			if err := o.indentedTable(&b, undatedTable(l.Undated)); err != nil {
				return err
			}
		}
	}
	_, err := o.writer(w).Write(b.Bytes())
	return err
}

// indentedTable writes t two columns in, fitted to what is left of the width.
// The whole output is converted to the terminal's colours once, when written.
func (o Output) indentedTable(b *bytes.Buffer, t Table) error {
	inner := o
	inner.Profile = colorprofile.TrueColor
	if o.Width > 0 {
		inner.Width = max(o.Width-2, 20)
	}
	var tb bytes.Buffer
	if err := inner.WriteTable(&tb, t); err != nil {
		return err
	}
	for _, ln := range strings.SplitAfter(tb.String(), "\n") {
		if ln != "" {
			b.WriteString("  " + ln)
		}
	}
	return nil
}

// WriteLaunchesMarkdown writes the calendar as Markdown: an overview table,
// then each launch with its tasks as a checklist (- [x] done, - [ ] not),
// then the undated launches. For one feature it writes that launch's
// checklist alone, ready to paste into an issue.
func WriteLaunchesMarkdown(w io.Writer, l Launches) error {
	var b strings.Builder
	if l.Feature != "" {
		for _, p := range append(l.Launches, l.Undated...) {
			fmt.Fprintf(&b, "# Launch checklist: %s\n\n", MarkdownText(p.Feature.Title))
			b.WriteString(mdLaunchLine(p, l.Today) + "\n\n")
			writeChecklist(&b, p)
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	title := "Launch calendar"
	if l.Product != "" {
		title = l.Product + " launch calendar"
	}
	fmt.Fprintf(&b, "# %s\n\n", MarkdownText(title))
	intro := "As of " + l.Today.String()
	if win := l.window(); win != "" {
		intro += ", launches " + win
	}
	fmt.Fprintf(&b, "%s: %s\n", intro, l.summary())
	if len(l.Launches) > 0 {
		over := Table{Columns: []Column{{Name: "day"}, {Name: "feature"}, {Name: "size"}, {Name: "event"}, {Name: "status"}, {Name: "done", Right: true}, {Name: "overdue", Right: true}, {Name: "due soon", Right: true}}}
		for _, p := range l.Launches {
			over.Rows = append(over.Rows, []string{
				p.Day.String(), p.Feature.ID, p.Size, p.Event, string(p.Feature.Status),
				fmt.Sprintf("%d/%d", p.Count(roadmap.TaskDone), len(p.Tasks)),
				fmt.Sprint(p.Count(roadmap.TaskOverdue)), fmt.Sprint(p.Count(roadmap.TaskDueSoon)),
			})
		}
		b.WriteString("\n")
		if err := WriteMarkdownTable(&b, over); err != nil {
			return err
		}
	}
	for _, p := range l.Launches {
		fmt.Fprintf(&b, "\n## %s · %s (`%s`)\n\n", p.Day, MarkdownText(p.Feature.Title), p.Feature.ID)
		b.WriteString(mdLaunchLine(p, l.Today) + "\n\n")
		writeChecklist(&b, p)
	}
	if len(l.Undated) > 0 {
		b.WriteString("\n## Undated launches\n\nThese have a launch size but no day: set `launch.date` or a dated target to plan their tasks.\n\n")
		if err := WriteMarkdownTable(&b, undatedTable(l.Undated)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdLaunchLine is the sentence under a launch's heading: "Large launch on
// 2027-03-24 (in 121 days) at Northwind Live 2027; feature `bank-feeds` is in
// progress. 1 of 7 tasks done."
func mdLaunchLine(p roadmap.LaunchPlan, today roadmap.Date) string {
	s := capitalize(p.Size) + " launch"
	if p.Dated() {
		s += fmt.Sprintf(" on %s (%s)", p.Day, relativeDay(today, p.Day))
	}
	if p.Event != "" {
		s += " at " + MarkdownText(p.Event)
	}
	s += fmt.Sprintf("; feature `%s` is %s.", p.Feature.ID, p.Feature.Status.Phrase())
	if !p.Dated() {
		s += " No launch day yet: set `launch.date` or a dated target to date its tasks."
	}
	return s + fmt.Sprintf(" %d of %d tasks done.", p.Count(roadmap.TaskDone), len(p.Tasks))
}

// writeChecklist writes a launch's tasks as a task list: due date (or offset
// from launch day when undated), task, owner, and the state when it needs
// attention.
func writeChecklist(b *strings.Builder, p roadmap.LaunchPlan) {
	for _, t := range p.Tasks {
		box := "[ ]"
		if t.State == roadmap.TaskDone {
			box = "[x]"
		}
		when := t.Due.String()
		if when == "" {
			when = "launch day " + t.PlaybookTask.Due.String()
		}
		fmt.Fprintf(b, "- %s %s · %s · %s", box, when, MarkdownText(t.Task.Task), MarkdownText(ownerText(t)))
		if t.State == roadmap.TaskOverdue || t.State == roadmap.TaskDueSoon {
			fmt.Fprintf(b, " · **%s**", t.State.Label())
		}
		b.WriteString("\n")
	}
}

// The JSON shapes of `roadmap launches --format json`.
type (
	launchJSON struct {
		Feature string           `json:"feature"`
		Title   string           `json:"title"`
		Status  string           `json:"status"`
		Target  string           `json:"target,omitempty"`
		Day     string           `json:"day,omitempty"`
		Size    string           `json:"size"`
		Event   string           `json:"event,omitempty"`
		Tasks   []launchTaskJSON `json:"tasks"`
	}
	launchTaskJSON struct {
		ID    string `json:"id"`
		Task  string `json:"task"`
		Role  string `json:"role"`
		Owner string `json:"owner"`
		// OwnerName is the person's name; absent when nobody holds the role.
		OwnerName string `json:"owner_name,omitempty"`
		Assigned  bool   `json:"assigned"`
		Offset    string `json:"offset"`
		Due       string `json:"due,omitempty"`
		State     string `json:"state"`
	}
)

func launchesJSON(ps []roadmap.LaunchPlan) []launchJSON {
	out := make([]launchJSON, 0, len(ps))
	for _, p := range ps {
		lj := launchJSON{
			Feature: p.Feature.ID, Title: p.Feature.Title, Status: string(p.Feature.Status),
			Target: p.Feature.Target.String(), Day: p.Day.String(), Size: p.Size, Event: p.Event,
			Tasks: make([]launchTaskJSON, 0, len(p.Tasks)),
		}
		for _, t := range p.Tasks {
			tj := launchTaskJSON{
				ID: t.ID, Task: t.Task.Task, Role: t.PlaybookTask.Owner, Owner: t.Owner, Assigned: t.Assigned,
				Offset: t.PlaybookTask.Due.String(), Due: t.Due.String(), State: string(t.State),
			}
			if t.Person != nil {
				tj.OwnerName = t.Person.Name
			}
			lj.Tasks = append(lj.Tasks, tj)
		}
		out = append(out, lj)
	}
	return out
}

// WriteLaunchesJSON writes the calendar as a JSON document of kind
// "launches": today, the window when there is one, the dated launches and the
// undated ones. Owners are person ids, with the person's name beside.
func WriteLaunchesJSON(w io.Writer, l Launches) error {
	extra := []Field{{"today", l.Today.String()}}
	if !l.From.IsZero() {
		extra = append(extra, Field{"from", l.From.String()})
	}
	if !l.To.IsZero() {
		extra = append(extra, Field{"to", l.To.String()})
	}
	extra = append(extra, Field{"launches", launchesJSON(l.Launches)})
	return WriteJSON(w, "launches", "undated", launchesJSON(l.Undated), extra...)
}
