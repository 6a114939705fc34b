package roadmap

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Candidates are the statuses prioritize ranks unless told otherwise: what is
// not yet being built (ideas, planned work) and the parking lot, which a
// planning meeting reconsiders.
var Candidates = []Status{StatusIdea, StatusPlanned, StatusParked}

// PrioritizeOptions choose the model, the candidates and the cut line.
type PrioritizeOptions struct {
	// Model scores the features; "" means scoring.model of roadmap.yaml.
	Model ModelName
	// Statuses are the candidates' statuses; none means Candidates.
	Statuses []Status
	// Capacity draws the cut line at this much effort.
	Capacity *float64
	// Period draws the cut line at scoring.capacity[Period] when Capacity is
	// nil; with Capacity it only names the period.
	Period string

	// comparing leaves out what a comparison does not show (parking).
	comparing bool
}

// Ranking is the candidates of a planning meeting in the order a model puts
// them, with the cut line and the parking candidates.
type Ranking struct {
	Model ModelName
	// Method is the model's arithmetic in words.
	Method string
	// EffortKey is the score the cut line adds up.
	EffortKey string
	Statuses  []Status
	// Cut is where the cut line falls; nil without a capacity.
	Cut *CutLine
	// ParkBelow is the score under which a feature is a parking candidate;
	// nil when scoring.park_below is unset or was set for another model.
	ParkBelow *float64
	// Entries are the scored candidates by rank, then the unscored ones by id.
	Entries []Entry
	// Scored counts the entries with a score: they are Entries[:Scored].
	Scored int
	// Warnings are what a reader of the ranking should know about its inputs:
	// keys no feature scores, efforts the cut line could not count.
	Warnings []string
}

// CutLine is where the capacity runs out.
type CutLine struct {
	// Period is the period whose capacity this is; "" for a capacity given
	// as a number.
	Period   string
	Capacity float64
	// Committed is the work already taking the period's capacity: the
	// planned and in-progress features targeted within it that are not
	// ranked (with the default candidates, the in-progress ones), with the
	// most effort first. The ranking fills what they leave (Left).
	Committed []Commitment
	// CommittedEffort is the effort of Committed.
	CommittedEffort float64
	// Used is the effort of the features above the line.
	Used float64
	// Above counts the entries above the line: it falls after Entries[Above-1].
	Above int
}

// Left is the capacity the ranking fills: the period's capacity less the
// effort already committed to it.
func (c *CutLine) Left() float64 { return c.Capacity - c.CommittedEffort }

// Commitment is a feature outside the ranking that already takes some of a
// period's capacity.
type Commitment struct {
	Feature *Feature
	Effort  float64
}

// Entry is one candidate of a ranking.
type Entry struct {
	Feature *Feature
	// Rank is the place from 1; 0 for an unscored feature.
	Rank  int
	Score Score
	// Effort is the feature's EffortKey score, if HasEffort.
	Effort    float64
	HasEffort bool
	// Cumulative is the effort of this feature and of every scored feature
	// ranked above it, as the cut line counts it.
	Cumulative float64
	// AboveCut is true when the feature earns a slot within the capacity.
	AboveCut bool
	// Park is true when the score is under scoring.park_below.
	Park bool
	// Note says why the cut line did not count the feature's effort.
	Note string
}

// PeriodCapacity is scoring.capacity[period], or an error that lists the
// periods that have one.
func (r *Roadmap) PeriodCapacity(period string) (float64, error) {
	if c, ok := r.Scoring.Capacity[period]; ok {
		return c, capacityError(period, c)
	}
	if v, ok := r.Settings.Invalid["scoring.capacity."+period]; ok {
		return 0, fmt.Errorf("scoring.capacity.%s is %s, not a number", period, v)
	}
	if _, err := ParseTarget(period); err != nil {
		return 0, fmt.Errorf("%v (a period is written like the keys of scoring.capacity)", err)
	}
	periods := sortedKeys(r.Scoring.Capacity)
	if len(periods) == 0 {
		return 0, fmt.Errorf("no capacity for %q: roadmap.yaml sets no scoring.capacity", period)
	}
	return 0, fmt.Errorf("no capacity for %q in scoring.capacity; periods with a capacity: %s%s",
		period, strings.Join(periods, ", "), suggestion(period, periods))
}

// Prioritize scores the candidates with one model and ranks them: scored
// features by score, highest first, ties by id; then the unscored ones by id.
// With a capacity it walks the ranking adding each feature's effort, and the
// cut line falls before the first feature that would exceed the capacity:
// that feature and every one after it are below the line, even one small
// enough to fit, so the line reads as the ranking's verdict, not a packing.
func (r *Roadmap) Prioritize(opts PrioritizeOptions) (*Ranking, error) {
	model := cmp.Or(opts.Model, r.Scoring.Model, ModelRICE)
	s, err := r.Scorer(model)
	if err != nil {
		return nil, err
	}
	if model == ModelWeighted {
		if err := r.unusableCriterion(); err != nil {
			return nil, err
		}
	}
	rk := &Ranking{Model: model, Method: s.Method(), EffortKey: s.EffortKey(), Statuses: opts.Statuses}
	if len(rk.Statuses) == 0 {
		rk.Statuses = Candidates
	}
	capacity := opts.Capacity
	if capacity == nil && opts.Period != "" {
		c, err := r.PeriodCapacity(opts.Period)
		if err != nil {
			return nil, err
		}
		capacity = &c
	}
	if capacity != nil {
		if math.IsNaN(*capacity) || math.IsInf(*capacity, 0) || *capacity < 0 {
			return nil, fmt.Errorf("the capacity must be a number of 0 or more, not %v", *capacity)
		}
		rk.Cut = &CutLine{Period: opts.Period, Capacity: *capacity}
		if opts.Capacity == nil {
			var uncounted []string
			rk.Cut.Committed, rk.Cut.CommittedEffort, uncounted = r.committed(opts.Period, rk, s)
			if len(uncounted) > 0 {
				is, it, its := "are", "them", "their"
				if len(uncounted) == 1 {
					is, it, its = "is", "it", "its"
				}
				rk.Warnings = append(rk.Warnings, fmt.Sprintf("%s %s committed to %s with no usable %s score, so %s takes nothing off %s's capacity for %s; score %s %s to count %s",
					listIDs(uncounted, 5), is, opts.Period, rk.EffortKey, model, opts.Period, it, its, rk.EffortKey, it))
			}
		}
	}
	if pb := r.Scoring.ParkBelow; pb != nil && !opts.comparing {
		// park_below is a score on the scale of scoring.model; under another
		// model it would mark features by a number that means nothing there.
		if model == cmp.Or(r.Scoring.Model, ModelRICE) {
			rk.ParkBelow = pb
		} else {
			rk.Warnings = append(rk.Warnings, fmt.Sprintf("scoring.park_below (%s) is a %s score; no parking candidates are marked under %s",
				Num(*pb), cmp.Or(r.Scoring.Model, ModelRICE), model))
		}
	}
	for _, f := range r.Features {
		if slices.Contains(rk.Statuses, f.Status) {
			rk.Entries = append(rk.Entries, Entry{Feature: f, Score: s.Score(f)})
		}
	}
	if len(rk.Entries) > 0 {
		rk.Warnings = append(rk.Warnings, r.unscoredKeys(s)...)
	}
	if model != cmp.Or(r.Scoring.Model, ModelRICE) && slices.ContainsFunc(rk.Entries, func(e Entry) bool { return e.Score.Scored() }) {
		// validate checks the scale of scoring.model; scores written for it
		// are often off another model's (a confidence of 80 under ice).
		// With nothing scored there is no ranking to mislead.
		rk.Warnings = append(rk.Warnings, offScale(s, rk.Entries)...)
	}
	rk.Entries = ranked(rk.Entries)

	var cum float64
	open := true
	var uncounted []string
	for i := range rk.Entries {
		e := &rk.Entries[i]
		e.Effort, e.HasEffort = s.Effort(e.Feature)
		if !e.Score.Scored() {
			continue
		}
		rk.Scored++
		e.Rank = i + 1
		switch {
		case !e.HasEffort:
			uncounted = append(uncounted, e.Feature.ID)
			if rk.Cut != nil {
				e.Note = "no " + rk.EffortKey + " score: not counted"
			}
		case e.Effort < 0:
			uncounted = append(uncounted, e.Feature.ID)
			if rk.Cut != nil {
				e.Note = rk.EffortKey + " below 0: not counted"
			}
		default:
			cum += e.Effort
		}
		e.Cumulative = cum
		if rk.Cut != nil && open {
			if fits(cum, rk.Cut.Left()) {
				e.AboveCut = true
				rk.Cut.Above, rk.Cut.Used = i+1, cum
			} else {
				open = false
			}
		}
		e.Park = rk.ParkBelow != nil && e.Score.Value < *rk.ParkBelow
	}
	if rk.Cut != nil && len(uncounted) > 0 {
		rk.Warnings = append(rk.Warnings, fmt.Sprintf("the cut line under %s does not count %s: no %s score of 0 or more",
			model, listIDs(uncounted, 5), rk.EffortKey))
	}
	return rk, nil
}

// committed lists the features a period's capacity is already spent on
// before the ranking fills it: those over-capacity counts for the period
// (planned or in progress, targeted within it) that the ranking does not
// rank, with the most effort first. A planning meeting decides what else
// fits. uncounted names those with no effort the cut line can count.
func (r *Roadmap) committed(period string, rk *Ranking, s *Scorer) (out []Commitment, total float64, uncounted []string) {
	p, err := ParseTarget(period)
	if err != nil {
		return nil, 0, nil // invalid-value reports the key
	}
	for f := range r.targetedWork(p) {
		if slices.Contains(rk.Statuses, f.Status) {
			continue
		}
		// As over-capacity counts it: an effort of 0 takes nothing.
		switch e, ok := s.Effort(f); {
		case ok && e > 0:
			out = append(out, Commitment{Feature: f, Effort: e})
			total += e
		case !ok || e < 0:
			uncounted = append(uncounted, f.ID)
		}
	}
	sortCommitments(out)
	return out, total, uncounted
}

// sortCommitments orders work by effort, the most first, then by id.
func sortCommitments(cs []Commitment) {
	slices.SortStableFunc(cs, func(a, b Commitment) int {
		return cmp.Or(cmp.Compare(b.Effort, a.Effort), strings.Compare(a.Feature.ID, b.Feature.ID))
	})
}

// ListEfforts names up to five features with their effort, and how many
// more there are: "bank-feeds 5, audit-log 3 and 2 more".
func ListEfforts(cs []Commitment) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Feature.ID + " " + Num(c.Effort)
	}
	return listIDs(parts, 5)
}

// offScale warns when candidates' scores are off the scale of s's model,
// naming the first.
func offScale(s *Scorer, entries []Entry) []string {
	n, first := 0, ""
	for _, e := range entries {
		for _, p := range s.OutOfScale(e.Feature) {
			if n == 0 {
				first = fmt.Sprintf("feature %s: %s", e.Feature.ID, p.Message)
			}
			n++
		}
	}
	switch n {
	case 0:
		return nil
	case 1:
		return []string{fmt.Sprintf("a score is off the %s model's scale, so its ranking may mislead: %s", s.Model, first)}
	}
	return []string{fmt.Sprintf("%d scores are off the %s model's scale, so its ranking may mislead; the first, %s", n, s.Model, first)}
}

// listIDs names up to limit ids, and how many more there are.
func listIDs(ids []string, limit int) string {
	if len(ids) <= limit {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:limit], ", "), len(ids)-limit)
}

// ranked orders entries: scored ones by score, highest first, then by id,
// then as written (duplicate ids); then the unscored ones by id. It sorts
// small keys and moves each entry once, which for 10,000 features is several
// times faster than a stable sort of the entries themselves.
func ranked(entries []Entry) []Entry {
	type item struct {
		scored bool
		key    float64
		id     string
		i      int
	}
	items := make([]item, len(entries))
	for i, e := range entries {
		items[i] = item{e.Score.Scored(), 0, e.Feature.ID, i}
		if items[i].scored {
			items[i].key = rankKey(e.Score.Value)
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.scored != b.scored {
			if a.scored {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.key, a.key), strings.Compare(a.id, b.id), cmp.Compare(a.i, b.i))
	})
	out := make([]Entry, len(entries))
	for i, it := range items {
		out[i] = entries[it.i]
	}
	return out
}

// rankKey is a score rounded to a millionth for ordering, so that two scores
// equal in arithmetic but not in floating point (1 × 30% ÷ 0.1 and 3) tie and
// go by id; scores too large to round that finely are compared as they are.
func rankKey(v float64) float64 {
	if math.Abs(v) > 1e12 {
		return v
	}
	return math.Round(v*1e6) / 1e6
}

// fits reports whether an effort adding up to used fits the capacity, with a
// tolerance for sums of fractions that binary floating point cannot hold
// exactly (0.1 + 0.2 is more than 0.3).
func fits(used, capacity float64) bool {
	return used <= capacity+1e-9*max(1, math.Abs(capacity))
}

// unscoredKeys warns about the keys the scorer needs that no feature of the
// roadmap scores: under a model nobody scores for, or a formula with a typo,
// every candidate would be unscored for the same reason.
func (r *Roadmap) unscoredKeys(s *Scorer) []string {
	unknown, keys := r.unscored(s)
	if len(unknown) == 0 {
		return nil
	}
	var out, parts []string
	dashed, unknown := dashedKeys(s.formula, keys, unknown)
	for _, k := range dashed {
		out = append(out, dashedMessage(k))
	}
	for _, k := range unknown {
		part := fmt.Sprintf("%q", k)
		if best := nearest(k, keys); best != "" {
			part += fmt.Sprintf(" (did you mean %q?)", best)
		}
		parts = append(parts, part)
	}
	if len(parts) > 0 {
		out = append(out, fmt.Sprintf("the %s model needs %s, which no feature scores", s.Model, strings.Join(parts, ", ")))
	}
	return out
}

// dashedKeys finds the scores with a dash (strategic-fit) that a formula
// writes as they are, which it reads as a subtraction of two keys no feature
// scores; rest is unknown without those keys.
func dashedKeys(formula string, scored, unknown []string) (dashed, rest []string) {
	for _, k := range scored {
		parts := strings.Split(k, "-")
		if len(parts) < 2 || !writtenAlone(formula, k) {
			continue
		}
		if slices.ContainsFunc(parts, func(p string) bool { return p != "" && !slices.Contains(unknown, p) }) {
			continue // one side is a score of its own: a subtraction, maybe meant
		}
		dashed = append(dashed, k)
	}
	for _, k := range unknown {
		if !slices.ContainsFunc(dashed, func(d string) bool { return slices.Contains(strings.Split(d, "-"), k) }) {
			rest = append(rest, k)
		}
	}
	return dashed, rest
}

// writtenAlone reports whether text holds word with no character of a word
// (isWordByte) on either side.
func writtenAlone(text, word string) bool {
	inWord := isWordByte
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		if (start == 0 || !inWord(text[start-1])) && (end == len(text) || !inWord(text[end])) {
			return true
		}
		i = start + 1
	}
}

// dashedMessage says how a formula names a score with a dash.
func dashedMessage(key string) string {
	parts := strings.Split(key, "-")
	return fmt.Sprintf("scoring.formula reads %s as %s; a formula names the score %s as %s",
		key, strings.Join(parts, " minus "), key, strings.ReplaceAll(key, "-", "_"))
}

// unscored are the keys s needs that no feature scores, and, when there
// are any, the keys the features do score, sorted, for suggestions.
func (r *Roadmap) unscored(s *Scorer) (unknown, scored []string) {
	for _, k := range s.Keys {
		if !slices.ContainsFunc(r.Features, func(f *Feature) bool {
			_, ok := scoreValue(f, k)
			_, _, bad := unreadableScore(f, k)
			return ok || bad
		}) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil, nil // nothing to suggest for, the usual case
	}
	known := map[string]bool{}
	for _, f := range r.Features {
		for k := range f.Scores {
			known[k] = true
		}
	}
	return unknown, sortedKeys(known)
}

// Comparison is the candidates' ranks under several models side by side.
type Comparison struct {
	Models []ModelName
	// Rankings are the ranking under each model, in the order of Models.
	Rankings []*Ranking
	// Rows are the candidates in the order of the first model's ranking.
	Rows []ComparisonRow
	// Warnings gathers the rankings' warnings, each once.
	Warnings []string
}

// ComparisonRow is one candidate's place under each model.
type ComparisonRow struct {
	Feature *Feature
	// Places are the feature's entry in each ranking, in the order of Models.
	Places []*Entry
	// Spread is the highest rank less the lowest over the models that score
	// the feature; -1 when fewer than two do.
	Spread int
}

// Compare ranks the candidates under each model with the same options, to
// show how much the choice of framework matters.
func (r *Roadmap) Compare(models []ModelName, opts PrioritizeOptions) (*Comparison, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("no models to compare")
	}
	c := &Comparison{}
	places := make([]map[*Feature]*Entry, 0, len(models))
	for _, m := range models {
		if slices.Contains(c.Models, m) {
			continue
		}
		o := opts
		o.Model, o.comparing = m, true
		rk, err := r.Prioritize(o)
		if err != nil {
			return nil, err
		}
		c.Models = append(c.Models, m)
		c.Rankings = append(c.Rankings, rk)
		idx := make(map[*Feature]*Entry, len(rk.Entries))
		for i := range rk.Entries {
			idx[rk.Entries[i].Feature] = &rk.Entries[i]
		}
		places = append(places, idx)
		for _, w := range rk.Warnings {
			if !slices.Contains(c.Warnings, w) {
				c.Warnings = append(c.Warnings, w)
			}
		}
	}
	for _, e := range c.Rankings[0].Entries {
		row := ComparisonRow{Feature: e.Feature, Spread: -1}
		lo, hi, n := 0, 0, 0
		for _, idx := range places {
			p := idx[e.Feature]
			row.Places = append(row.Places, p)
			if p.Rank == 0 {
				continue
			}
			if n == 0 || p.Rank < lo {
				lo = p.Rank
			}
			if n == 0 || p.Rank > hi {
				hi = p.Rank
			}
			n++
		}
		if n >= 2 {
			row.Spread = hi - lo
		}
		c.Rows = append(c.Rows, row)
	}
	return c, nil
}
