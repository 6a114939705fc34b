package roadmap

import (
	"fmt"
	"iter"
)

// capacityError says why a period's capacity is not one: the effort
// available cannot be below 0.
func capacityError(period string, capacity float64) error {
	if capacity < 0 {
		return fmt.Errorf("scoring.capacity.%s is %s; a capacity is the effort available, 0 or more", period, Num(capacity))
	}
	return nil
}

// plannedWork adds up the effort (the scorer's effort key) of the planned
// and in-progress features whose target lies within period, and lists them
// with the most effort first.
func (r *Roadmap) plannedWork(period Target, effortKey string) (float64, []Commitment) {
	var total float64
	var in []Commitment
	for f := range r.targetedWork(period) {
		if e, ok := f.Scores[effortKey]; ok && e > 0 {
			total += e
			in = append(in, Commitment{Feature: f, Effort: e})
		}
	}
	sortCommitments(in)
	return total, in
}

// targetedWork is the work a period's capacity is spent on: the planned and
// in-progress features whose target lies within it.
func (r *Roadmap) targetedWork(period Target) iter.Seq[*Feature] {
	return func(yield func(*Feature) bool) {
		for _, f := range r.Features {
			if (f.Status == StatusPlanned || f.Status == StatusInProgress) && !f.Target.IsZero() && f.Target.Within(period) && !yield(f) {
				return
			}
		}
	}
}
