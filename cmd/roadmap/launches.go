package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

type launchesOptions struct {
	format   string
	from, to string
	feature  string
	output   string
}

func (a *app) newLaunchesCmd() *cobra.Command {
	var o launchesOptions
	cmd := &cobra.Command{
		Use:   "launches",
		Short: "The launch calendar: each launch's day, size and event, and its playbook as dated tasks",
		Long: `Launches turns launch sizes into a launch calendar: every launch by date with its
size and event, and each task of its tier's playbook with its due date, owner and
state.

A feature is on the calendar when it is planned, in progress or shipped and its
launch.size is a tier whose playbook has tasks. Ideas wait until they are planned
(prioritize decides whether they earn a slot); parked and dropped features launch
nothing; a size such as none, whose playbook is empty, has nothing to market.
Shipped launches stay on the calendar as a record; narrow it with --from and --to.

Launch day is launch.date, or the last day of the feature's target (2027-Q1 ends on
2027-03-31). Each task is due at its offset from launch day (-8w, -3d, +1w) and is
owned by the person in the feature's owners for the task's role, or by the role
itself when nobody holds it. The tiers are the built-in large, medium, small and
none, or those of launch_tiers in roadmap.yaml, which replace them.

A task is done when launch.done lists it; otherwise it is overdue when due before
today, due soon when due within 14 days, and planned after that. For a planned or
in-progress feature the launch-lead-time rule warns about the same overdue tasks;
a shipped feature's tasks stay overdue, as a record of what was not done, until
launch.done lists them.

--from and --to keep the launches whose day or any task's due date falls between
them (both days included); a launch is always shown with all its tasks. Launches
with a size but no day (a now/next/later target and no launch.date) are listed as
undated in table, md and json whatever the window, so nobody forgets them; ics
leaves them out: --feature on an undated launch is then an error that says how
to date it, and a calendar with no events says why on stderr.

Formats: table (the default), md (one checklist per launch, ready for an issue or
a wiki), json, and ics for calendar apps: launches and tasks are all-day events
whose UIDs hold the feature, the task and the product (feature@product.roadmap),
so importing again updates them and two products' calendars in one app stay
apart. Renaming the product (product: in roadmap.yaml) renames every UID: import
the calendar afresh then. The same roadmap and --today give the same bytes.`,
		Example: `  roadmap launches
  roadmap launches --from 2027-01-01 --to 2027-03-31
  roadmap launches --feature bank-feeds --format md     # a checklist to paste into an issue
  roadmap launches --format ics -o launches.ics          # import into your calendar app`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if o.format, err = formatFor(cmd, o.format, o.output, "md", "json", "ics"); err != nil {
				return err
			}
			return a.runLaunches(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output format: table, md, json or ics")
	f.StringVar(&o.from, "from", "", "only launches with a day or task due on or after this date, YYYY-MM-DD")
	f.StringVar(&o.to, "to", "", "only launches with a day or task due on or before this date, YYYY-MM-DD")
	f.StringVar(&o.feature, "feature", "", "only this feature's launch: its checklist")
	f.StringVarP(&o.output, "output", "o", "", outputHelp+formatByExtension)
	return cmd
}

func (a *app) runLaunches(o launchesOptions) error {
	if err := checkFormat(o.format, "table", "md", "json", "ics"); err != nil {
		return err
	}
	today, err := a.todayDate()
	if err != nil {
		return err
	}
	from, err := flagDate("--from", o.from)
	if err != nil {
		return err
	}
	to, err := flagDate("--to", o.to)
	if err != nil {
		return err
	}
	if !from.IsZero() && !to.IsZero() && from.After(to) {
		return usageError("--from %s is after --to %s", from, to)
	}
	l, err := a.load()
	if err != nil {
		return err
	}
	if _, err := a.warnIfBroken(l); err != nil {
		return err
	}
	cal, err := l.Launches(roadmap.LaunchOptions{Today: today, From: from, To: to, Feature: o.feature})
	if err != nil {
		return usageError("--feature: %v", err)
	}
	data := render.Launches{Product: l.Product, Today: today, From: from, To: to, Feature: o.feature, Calendar: cal}
	if o.format == "ics" && len(cal.Launches) == 0 {
		if o.feature != "" && len(cal.Undated) > 0 {
			return usageError("--feature %s: %s", o.feature, undatedWhy(cal.Undated[0].Feature))
		}
		why, err := emptyCalendarWhy(l.Roadmap, cal, today, from, to)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "The calendar has no events: %s.\n", why)
	}

	var buf bytes.Buffer
	w := io.Writer(&buf)
	out := render.Output{} // a file gets plain text
	if o.output == "" {
		w, out = a.stdout, a.output()
	}
	switch o.format {
	case "json":
		err = render.WriteLaunchesJSON(w, data)
	case "ics":
		err = render.WriteICS(w, data)
	case "md":
		err = render.WriteLaunchesMarkdown(w, data)
	default:
		if len(cal.Launches)+len(cal.Undated) == 0 {
			// Said on stderr; a file named with -o is still written, empty,
			// so an old one does not pass for the answer.
			fmt.Fprintln(a.stderr, "No launches match.")
			break
		}
		err = out.WriteLaunches(w, data)
	}
	if err != nil {
		return err
	}
	if o.output != "" {
		return a.emit(o.output, buf.Bytes())
	}
	return nil
}

// undatedWhy says why f's launch cannot go on a calendar and how to date it.
func undatedWhy(f *roadmap.Feature) string {
	if v, ok := f.Invalid["launch.date"]; ok {
		return fmt.Sprintf("the launch has no day, since launch.date %s is not a date: write it as YYYY-MM-DD", v)
	}
	instead := ""
	if !f.Target.IsZero() {
		instead = " instead of " + f.Target.String()
	}
	return "the launch has no day to put on a calendar: set launch.date (YYYY-MM-DD), or a dated target (YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY-Hn)" + instead
}

// emptyCalendarWhy says why a calendar has no launch on it.
func emptyCalendarWhy(l *roadmap.Roadmap, cal roadmap.Calendar, today, from, to roadmap.Date) (string, error) {
	if !from.IsZero() || !to.IsZero() {
		all, err := l.Launches(roadmap.LaunchOptions{Today: today})
		if err != nil {
			return "", err
		}
		if len(all.Launches) > 0 {
			switch {
			case from.IsZero():
				return fmt.Sprintf("no launch day or task due falls on or before %s", to), nil
			case to.IsZero():
				return fmt.Sprintf("no launch day or task due falls on or after %s", from), nil
			}
			return fmt.Sprintf("no launch day or task due falls between %s and %s", from, to), nil
		}
	}
	if n := len(cal.Undated); n > 0 {
		var ids []string
		for _, p := range cal.Undated[:min(n, 5)] {
			ids = append(ids, p.Feature.ID)
		}
		if n > 5 {
			ids = append(ids, fmt.Sprintf("and %d more", n-5))
		}
		who := "the only launch has"
		if n > 1 {
			who = fmt.Sprintf("all %d launches have", n)
		}
		return fmt.Sprintf("%s no day (%s); give each a launch.date or a dated target to put it on the calendar", who, strings.Join(ids, ", ")), nil
	}
	return "no planned, in-progress or shipped feature has a launch size whose playbook has tasks", nil
}

// flagDate parses a YYYY-MM-DD flag value; empty gives the zero date.
func flagDate(flag, s string) (roadmap.Date, error) {
	if s == "" {
		return roadmap.Date{}, nil
	}
	d, err := roadmap.ParseDate(s)
	if err != nil {
		return roadmap.Date{}, usageError("%s: %v", flag, err)
	}
	return d, nil
}
