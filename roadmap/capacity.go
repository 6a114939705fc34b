package roadmap

// PlannedEffort adds up the effort (the scorer's effort key) of the planned and
// in-progress features whose target lies within period, and lists them.
func (r *Roadmap) PlannedEffort(period Target, effortKey string) (float64, []*Feature) {
	var total float64
	var in []*Feature
	for _, f := range r.Features {
		if f.Status != StatusPlanned && f.Status != StatusInProgress {
			continue
		}
		if f.Target.IsZero() || !f.Target.Within(period) {
			continue
		}
		if e, ok := f.Scores[effortKey]; ok && e > 0 {
			total += e
			in = append(in, f)
		}
	}
	return total, in
}
