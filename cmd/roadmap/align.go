package main

import (
	"github.com/northwind-labs/roadmap/render"
	"github.com/spf13/cobra"
)

type alignOptions struct {
	format   string
	exitCode bool
}

func (a *app) newAlignCmd() *cobra.Command {
	var o alignOptions
	cmd := &cobra.Command{
		Use:   "align",
		Short: "Show where the product and marketing plans disagree",
		Long: `Align is the agenda of the weekly product and marketing sync: every place where
the features (the product roadmap) and the campaigns (the marketing roadmap)
disagree, grouped by kind, the most urgent (earliest date) first in each group.
Each entry names both sides with their owners, so the product manager and the
product marketer each see what to fix.

  Launches no campaign promotes        a planned or in-progress feature with a
                                       medium or large launch that no planned or
                                       running campaign lists (launch-without-campaign)
  Campaigns promoting features that    a planned or running campaign lists an
  are not planned                      idea, a parked or a dropped feature
                                       (campaign-misaligned)
  Campaigns promoting launches that    a live campaign lists a planned or
  slipped                              in-progress feature whose launch day,
                                       inside the campaign, has passed
                                       (campaign-misaligned)
  Launches outside their campaign's    a planned or in-progress feature launches
  window                               before the campaign starts or after it
                                       ends (campaign-misaligned)
  Shared objectives only product       a shared objective that features serve
  serves                               and no campaign does
  Shared objectives only marketing     a shared objective that campaigns serve
  serves                               and no feature does
  Launches to classify                 a planned or in-progress feature whose
                                       target ends within 90 days of today and
                                       has no launch size (launch-unsized)

Launch day is launch.date, or the last day of a dated target. Done and cancelled
campaigns promote nothing still to come. Only shared objectives are expected on
both sides: product and marketing objectives belong to their own team. A roadmap
without campaigns has no campaign to disagree with: only its launches to
classify are listed.

The launch kinds are found by the same code as the lint rules named above, and
obey the same settings: a rule turned off in lint.rules, a path in lint.ignore
or a '# roadmap:ignore RULE' comment keeps the entry out of align too.

Align is a report: it exits 0 whatever it finds. With --exit-code it exits 1
when there are disagreements, or values it could not read (a typo such as
size: Large, which it reads as unset), a gate for CI.`,
		Example: `  roadmap align
  roadmap align --format md >> "$GITHUB_STEP_SUMMARY"
  roadmap align --at v2026-Q4 --today 2026-10-01
  roadmap align --exit-code --format json > align.json`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runAlign(o) },
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text, md or json")
	cmd.Flags().BoolVar(&o.exitCode, "exit-code", false, "exit 1 when there are disagreements or values it could not read, 0 when there are none")
	return cmd
}

func (a *app) runAlign(o alignOptions) error {
	if err := checkFormat(o.format, "text", "md", "json"); err != nil {
		return err
	}
	today, err := a.todayDate()
	if err != nil {
		return err
	}
	l, err := a.load()
	if err != nil {
		return err
	}
	unread, err := a.warnIfBroken(l)
	if err != nil {
		return err
	}
	report := render.Align{Product: l.Product, Today: today, Disagreements: l.Align(today), Unread: unread}
	switch o.format {
	case "json":
		err = render.WriteAlignJSON(a.stdout, report)
	case "md":
		err = render.WriteAlignMarkdown(a.stdout, report)
	default:
		err = a.output().WriteAlign(a.stdout, report)
	}
	if err != nil {
		return err
	}
	// A gate does not pass a roadmap it could not read whole.
	if o.exitCode && (len(report.Disagreements) > 0 || unread > 0) {
		return &exitError{code: exitFindings}
	}
	return nil
}
