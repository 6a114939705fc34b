package main

import (
	"bytes"
	"fmt"
	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	format   string
	from, to string
	audience string
	output   string
}

func (a *app) newReportCmd() *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report",
		Short: "How the roadmap kept its word: planned against shipped, per quarter",
		Long: `Report reads the roadmap's git history and compares, quarter by quarter, the plan
at the quarter's first day with the roadmap at its last day (today, for the current
quarter, marked in progress).

A feature is planned for a quarter when, at the quarter's start, it is planned or in
progress with a target inside the quarter. At the end it has shipped, slipped (its
target moved past the quarter), been missed (still targeted at the quarter, not
shipped), dropped, parked or removed (deleted from the roadmap); these add up to
the planned features. While a quarter is not over, a planned feature with none of
these outcomes yet is open: not decided. A quarter that is over has nothing open:
a planned feature with no other outcome by its last day was missed. Features
shipped within the quarter that its plan did not hold are early (planned for
later) or unplanned, outside the planned count.

Say/do = shipped ÷ (planned − open), the same for each quarter, for all quarters
together, per owner and per theme: slipped, missed, dropped, parked and removed
count as not shipped, and open features are shown apart and judged once decided.

Per feature: each move of its target to a later period (the commit, the day and the
days it added), the total, and the days from first planned to shipped. Per owner
(owners.product) and per theme: planned, shipped, open, say/do and the average
slip.

The plan is read at the last commit before a quarter's first day (or the first
commit, if the roadmap began inside the quarter), along the first-parent line of
HEAD, or of --at REV. Quarters before the first commit that holds roadmap.yaml
had no plan: the report starts with the quarter the roadmap began in, and a
--to before it is refused. With --at, the report is as it stood at that
revision: today is the day of its commit, unless --today says otherwise.

With --audience, the report holds only what that audience may see (the same
policy as roadmap export): features it sees, dates no finer than its
granularity, no owners, themes or commits it may not see.`,
		Example: `  roadmap report
  roadmap report --from 2026-Q1 --to 2026-Q4 --format md > q-review.md
  roadmap report --format html -o report.html`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if o.format, err = formatFor(cmd, o.format, o.output, "md", "html", "json"); err != nil {
				return err
			}
			return a.runReport(o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text, md, json or html (one page with charts)")
	cmd.Flags().StringVar(&o.from, "from", "", "first quarter (YYYY-Qn; default: the quarter the roadmap began)")
	cmd.Flags().StringVar(&o.to, "to", "", "last quarter (YYYY-Qn; default and latest: the current quarter)")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", outputHelp+formatByExtension)
	cmd.Flags().StringVar(&o.audience, "audience", "", "only what this audience may see, as roadmap export shows it (default: everything)")
	return cmd
}

func (a *app) runReport(o reportOptions) error {
	if err := checkFormat(o.format, "text", "md", "json", "html"); err != nil {
		return err
	}
	var ropts roadmap.ReportOptions
	for _, q := range []struct {
		flag, value string
		into        *roadmap.Target
	}{{"--from", o.from, &ropts.From}, {"--to", o.to, &ropts.To}} {
		if q.value == "" {
			continue
		}
		t, err := roadmap.ParseTarget(q.value)
		if err != nil || t.Kind() != roadmap.TargetQuarter {
			return usageError("%s %q is not a quarter (YYYY-Qn)", q.flag, q.value)
		}
		*q.into = t
	}
	if !ropts.From.IsZero() && !ropts.To.IsZero() && ropts.To.Compare(ropts.From) < 0 {
		return usageError("--from %s is after --to %s", o.from, o.to)
	}
	today, err := a.todayDate()
	if err != nil {
		return err
	}
	g, err := a.openGit()
	if err != nil {
		return err
	}
	defer g.Close()
	head, err := g.resolve(g.rev)
	if err != nil {
		return err
	}
	when := fmt.Sprintf("today, %s, is", today)
	if a.at != "" && a.today == "" {
		// The report as it stood at the revision: quarters after it are
		// not yet over, not missed.
		today = roadmap.DateOf(head.Committer.When)
		when = fmt.Sprintf("%s was committed on %s,", a.at, today)
	}
	ropts.Today = today
	// A quarter that has not begun has no plan at its start to keep.
	now := roadmap.QuarterOf(today)
	for _, q := range []struct {
		flag string
		t    roadmap.Target
	}{{"--from", ropts.From}, {"--to", ropts.To}} {
		if !q.t.IsZero() && q.t.Compare(now) > 0 {
			return usageError("%s %s has not begun (%s in %s): report measures quarters up to the current one", q.flag, q.t, when, now)
		}
	}
	current, err := g.load(g.rev)
	if err != nil {
		return err
	}
	// A value that does not read counts as unset in the report (a typo in
	// a status misses its quarter): it says so, checking while the history
	// is walked. Other errors leave the report as it is.
	unread := make(chan int, 1)
	go func() {
		_, n := unreadErrors(current, today)
		unread <- len(n)
	}()
	var policy *roadmap.AudiencePolicy
	if o.audience != "" {
		if policy, err = current.Audience(o.audience); err != nil {
			return usageError("--audience: %v", err)
		}
		ropts.Visible = policy.SeesFeature
	}
	dir, err := g.dir(head)
	if err != nil {
		return err
	}
	history, err := g.repo.ReportHistory(head, dir, current)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if err := a.checkBegan(history, ropts); err != nil {
		return err
	}
	rep, err := roadmap.BuildReport(history, ropts)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	a.warnNotes(g)
	if n := <-unread; n > 0 {
		fmt.Fprintf(a.stderr, "roadmap: warning: the roadmap at %s has %d error(s) that leave a value or a file unread (a typo such as status: shiped), which the report counts as unset; run %s\n", g.rev, n, a.validateAt(g.rev))
	}
	view := render.ReportView{Report: rep, Product: current.Product}
	if policy != nil {
		rep.Redact(policy, today)
		view.Audience = policy.Name
	}
	var buf bytes.Buffer
	switch o.format {
	case "html":
		err = render.WriteReportHTML(&buf, view, today.String())
	case "json":
		err = render.WriteReportJSON(&buf, view)
	case "md":
		err = render.WriteReportMarkdown(&buf, view)
	default:
		out := a.output()
		if o.output != "" {
			out = render.Output{}
		}
		err = out.WriteReportText(&buf, view)
	}
	if err != nil {
		return err
	}
	return a.emit(o.output, buf.Bytes())
}

// checkBegan refuses quarters that all ended before the roadmap's first
// commit, and says so when --from asks for some: they have no plan to judge.
func (a *app) checkBegan(h roadmap.ReportHistory, o roadmap.ReportOptions) error {
	if len(h.Commits) == 0 {
		return nil
	}
	first := h.Commits[0]
	began := roadmap.QuarterOf(first.When)
	when := fmt.Sprintf("the roadmap began on %s (commit %s), in %s", first.When, first.Commit.Short, began)
	switch {
	case !o.To.IsZero() && o.To.Compare(began) < 0:
		return usageError("--to %s is before %s: report measures quarters from then on", o.To, when)
	case !o.From.IsZero() && o.From.Compare(began) < 0:
		fmt.Fprintf(a.stderr, "roadmap: note: %s; the report starts there\n", when)
	}
	return nil
}
