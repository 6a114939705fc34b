package main

import (
	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	format string
	strict bool
	staged bool
}

func (a *app) newValidateCmd() *cobra.Command {
	var o validateOptions
	cmd := &cobra.Command{
		Use:     "validate",
		Aliases: []string{"lint"},
		Short:   "Check every roadmap file and report problems with their line",
		Long: `Validate parses every roadmap file and runs every lint rule (see 'roadmap rules').

Each finding reads path:line:col: severity: message [rule]. On a terminal the source
line is shown with a caret under the column. Exit code 1 when there are errors (with
--strict, warnings too), 0 otherwise.

Silence a finding with a comment '# roadmap:ignore RULE reason' on its line or the
line above; on an item's first line (- id: ...) or above it, for the whole item.
Change a rule's severity or turn it off in roadmap.yaml under lint.rules, and
silence the findings in files matching lint.ignore globs (they are still read and
still part of the roadmap). syntax and invalid-value are the exception: what they
find is not read as written, so they stay errors whatever the settings say. Keep
YAML that is not part of the roadmap in a folder whose name starts with a dot,
which roadmap does not read.`,
		Example: `  roadmap validate
  roadmap validate --format github          # annotations in GitHub Actions
  roadmap validate --format sarif > roadmap.sarif
  roadmap validate --format codequality > gl-code-quality-report.json   # GitLab
  roadmap validate --strict --today 2027-01-04
  roadmap validate --staged                 # in a pre-commit hook: what the commit would hold`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runValidate(o) },
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text, json, github, sarif or codequality (GitLab)")
	cmd.Flags().BoolVar(&o.strict, "strict", false, "fail (exit 1) on warnings too")
	cmd.Flags().BoolVar(&o.staged, "staged", false, "check the files as staged for the next commit (git's index), not as in the working tree")
	return cmd
}

func (a *app) runValidate(o validateOptions) error {
	if err := checkFormat(o.format, "text", "json", "github", "sarif", "codequality"); err != nil {
		return err
	}
	today, err := a.todayDate()
	if err != nil {
		return err
	}
	load := a.load
	if o.staged {
		if a.at != "" {
			return usageError("give --staged or --at, not both: --staged checks what the next commit would hold")
		}
		load = a.loadStaged
	}
	l, err := load()
	if err != nil {
		return err
	}
	findings := roadmap.Check(l.Roadmap, roadmap.Options{Today: today})

	pathOf := a.displayPath
	if o.format == "github" || o.format == "sarif" || o.format == "codequality" {
		pathOf = a.repoPath
	}
	shown := showPaths(l.Roadmap, findings, func(p string) string { return pathOf(l, p) })
	texts := map[string][]byte{}
	for _, f := range l.Files {
		texts[shown[f.Path]] = f.Text
	}
	report := render.Findings{
		Findings: findings,
		Source:   func(p string) []byte { return texts[p] },
		Files:    len(l.Files), Features: len(l.Features), Objectives: len(l.Objectives),
	}
	switch o.format {
	case "json":
		err = render.WriteFindingsJSON(a.stdout, report)
	case "github":
		err = render.WriteFindingsGitHub(a.stdout, report)
	case "sarif":
		err = render.WriteFindingsSARIF(a.stdout, report, roadmap.Rules, version())
	case "codequality":
		err = render.WriteFindingsCodeQuality(a.stdout, report)
	default:
		err = a.output().WriteFindingsText(a.stdout, report)
	}
	if err != nil {
		return err
	}
	errs, warns := roadmap.Count(findings)
	if errs > 0 || o.strict && warns > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}
