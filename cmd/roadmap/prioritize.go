package main

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

type prioritizeOptions struct {
	format      string
	model       string
	statuses    []string
	capacity    float64
	capacitySet bool
	period      string
	explain     bool
	compare     []string
}

func (a *app) newPrioritizeCmd() *cobra.Command {
	var o prioritizeOptions
	cmd := &cobra.Command{
		Use:   "prioritize",
		Short: "Rank candidate features by score and draw the capacity cut line",
		Long: `Prioritize scores the candidate features with a scoring model and ranks them,
highest score first, ties by id. Features that lack a key the model needs, or
whose score cannot be computed (an effort of 0), come last, each saying why.

Candidates are features whose status is idea, planned or parked (--status to
choose). The model is scoring.model of roadmap.yaml (rice unless set), or --model:
  rice      reach × impact × confidence% ÷ effort
  ice       impact × confidence × ease
  wsjf      (value + time_criticality + risk_reduction) ÷ job_size
  weighted  Σ weight × score over scoring.criteria, cost criteria subtracted
  formula   the expression in scoring.formula (strategic_fit names strategic-fit)

The cut line: --capacity N, or --period P for the capacity scoring.capacity
gives P less what work already targeted within P takes: the effort of its
in-progress features (and of its planned ones, when --status leaves planned out
of the ranking), as the over-capacity rule counts it. Walking down the ranking,
each feature's effort (wsjf: job_size) is added up; the line falls before the
first feature that would take the sum past what is left, and that feature and
every one after it are below the line.
Features scoring under scoring.park_below are marked as parking candidates
(under the model park_below was set for).

--explain shows the arithmetic of every score with the feature's own numbers
(csv and json always carry it).
--compare rice,wsjf,ice shows each feature's rank under several models side by
side, and how far apart the ranks are.

Exit code 1 when roadmap.yaml cannot score (a scoring.formula that does not
compile, with its position); 2 for a bad flag (an unknown model, a period
without a capacity).`,
		Example: `  roadmap prioritize
  roadmap prioritize --period 2027-Q1 --explain
  roadmap prioritize --model wsjf --capacity 40
  roadmap prioritize --compare rice,ice,wsjf
  roadmap prioritize --status idea --format csv > ideas.csv`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.capacitySet = cmd.Flags().Changed("capacity")
			return a.runPrioritize(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output format: table, md, csv or json")
	f.StringVar(&o.model, "model", "", "scoring model: rice, ice, wsjf, weighted or formula (default: scoring.model of roadmap.yaml)")
	f.StringSliceVar(&o.statuses, "status", nil, "rank features with this status (default: idea, planned, parked)")
	f.Float64Var(&o.capacity, "capacity", 0, "draw the cut line at this much effort (wsjf: job size)")
	f.StringVar(&o.period, "period", "", "draw the cut line at this period's capacity in scoring.capacity (2027-Q1, ...), less the work already targeted there")
	f.BoolVar(&o.explain, "explain", false, "show the arithmetic of every score")
	f.StringSliceVar(&o.compare, "compare", nil, "rank under each of these models side by side (rice,wsjf,...)")
	return cmd
}

func (a *app) runPrioritize(o prioritizeOptions) error {
	if err := checkFormat(o.format, "table", "md", "csv", "json"); err != nil {
		return err
	}
	opts, err := o.domainOptions()
	if err != nil {
		return err
	}
	var models []roadmap.ModelName
	for _, name := range o.compare {
		m, err := roadmap.ParseModel(strings.TrimSpace(name))
		if err != nil {
			return usageError("--compare: %v", err)
		}
		models = append(models, m)
	}
	l, err := a.load()
	if err != nil {
		return err
	}
	if o.period != "" && !o.capacitySet {
		if _, err := l.PeriodCapacity(o.period); err != nil {
			return usageError("--period: %v", err)
		}
	}
	// A model that cannot score is the one error reported: its message
	// points at the setting, as validate's does.
	var c *roadmap.Comparison
	var rk *roadmap.Ranking
	if len(models) > 0 {
		if c, err = l.Compare(models, opts); err != nil {
			return a.scoringError(l, err, true)
		}
	} else if rk, err = l.Prioritize(opts); err != nil {
		return a.scoringError(l, err, o.model != "")
	}
	// The warning counts every error validate would report: a ranking is
	// never mistaken for a validated one.
	if _, err := a.warnIfBroken(l); err != nil {
		return err
	}

	if c != nil {
		a.warn(c.Warnings)
		switch o.format {
		case "json":
			return render.WriteComparisonJSON(a.stdout, c)
		case "csv":
			return render.WriteComparisonCSV(a.stdout, c)
		case "md":
			return render.WriteComparisonMarkdown(a.stdout, c)
		}
		if len(c.Rows) == 0 {
			return a.noCandidates(opts)
		}
		return a.output().WriteComparison(a.stdout, c)
	}

	a.warn(rk.Warnings)
	switch o.format {
	case "json":
		return render.WriteRankingJSON(a.stdout, rk)
	case "csv":
		return render.WriteRankingCSV(a.stdout, rk)
	case "md":
		return render.WriteRankingMarkdown(a.stdout, rk, o.explain)
	}
	if len(rk.Entries) == 0 {
		return a.noCandidates(opts)
	}
	return a.output().WriteRanking(a.stdout, rk, o.explain)
}

// domainOptions checks the flags that need no roadmap and turns them into
// the domain's options.
func (o prioritizeOptions) domainOptions() (roadmap.PrioritizeOptions, error) {
	var opts roadmap.PrioritizeOptions
	switch {
	case o.capacitySet && o.period != "":
		return opts, usageError("--capacity and --period both draw the cut line; give one (--period %s takes scoring.capacity.%s)", o.period, o.period)
	case len(o.compare) > 0 && o.model != "":
		return opts, usageError("--model and --compare both choose models; give --compare %s,... to include %s", o.model, o.model)
	case len(o.compare) > 0 && o.explain:
		return opts, usageError("--explain shows one model's arithmetic; run it with --model instead of --compare")
	case o.capacitySet && (math.IsNaN(o.capacity) || math.IsInf(o.capacity, 0) || o.capacity < 0):
		return opts, usageError("--capacity must be a number of 0 or more, not %v", o.capacity)
	}
	if o.model != "" {
		m, err := roadmap.ParseModel(o.model)
		if err != nil {
			return opts, usageError("--model: %v", err)
		}
		opts.Model = m
	}
	filter, err := roadmap.ParseFilter(o.statuses, nil, nil, nil, nil, nil)
	if err != nil {
		return opts, usageError("--status: %v", err)
	}
	opts.Statuses = filter.Statuses
	if o.capacitySet {
		opts.Capacity = &o.capacity
	}
	opts.Period = o.period
	return opts, nil
}

// scoringError turns a model that cannot score into an exit code. A formula
// that does not compile is an error in roadmap.yaml, which validate reports
// too: exit 1, pointing at the formula; so is a criterion the weighted model
// cannot use (no id, named twice, no weight), whatever chose the model. Settings a model
// lacks (weighted without criteria) are the roadmap's fault when
// roadmap.yaml chose the model (exit 1) and the flag's when --model or
// --compare did (exit 2).
func (a *app) scoringError(l *loaded, err error, fromFlag bool) error {
	s := &l.Settings.Located
	at := func(path string) string {
		p := s.PosOf(path)
		return fmt.Sprintf("%s:%d:%d: ", a.displayPath(l, cmp.Or(s.File, "roadmap.yaml")), p.Line, p.Col)
	}
	var fe *roadmap.FormulaError
	var ce *roadmap.CriterionError
	switch {
	case errors.As(err, &fe):
		return &exitError{code: exitFindings, err: fmt.Errorf("%s%w", at("scoring.formula"), err)}
	case errors.As(err, &ce):
		return &exitError{code: exitFindings, err: fmt.Errorf("%s%w", at(ce.Path), err)}
	case fromFlag:
		return usageError("%v", err)
	}
	return &exitError{code: exitFindings, err: fmt.Errorf("%s%w", at("scoring.model"), err)}
}

func (a *app) warn(warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(a.stderr, "roadmap: warning: %s\n", w)
	}
}

// noCandidates tells on stderr that a table would be empty, as list does when
// no feature matches (the other formats write their empty document).
func (a *app) noCandidates(opts roadmap.PrioritizeOptions) error {
	st := opts.Statuses
	if len(st) == 0 {
		st = roadmap.Candidates
	}
	names := make([]string, len(st))
	for i, s := range st {
		names[i] = string(s)
	}
	if n := len(names); n > 1 {
		names = append(names[:n-2:n-2], names[n-2]+" or "+names[n-1])
	}
	fmt.Fprintf(a.stderr, "No candidates: no feature has status %s.\n", strings.Join(names, ", "))
	return nil
}
