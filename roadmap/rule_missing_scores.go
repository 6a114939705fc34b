package roadmap

import "strings"

var ruleMissingScores = &Rule{
	ID:       "missing-scores",
	Severity: SeverityWarning,
	Summary:  "an idea or planned feature lacks keys its scoring model needs",
	check:    checkMissingScores,
	Doc: "An idea or planned feature that lacks a score its scoring model needs: reach, impact, confidence and effort for rice; impact, confidence and ease for ice; value, time_criticality, risk_reduction and job_size for wsjf; every criterion for weighted; every key the formula names for formula. " +
		"`roadmap prioritize` ranks unscored features after all scored ones, so they can never earn a slot above the cut line. " +
		"Add the scores the message names, or turn the rule off if you do not rank ideas.",
}

func checkMissingScores(c *checker) {
	if c.scorer == nil {
		return // invalid-value reports the scoring settings
	}
	for _, f := range c.r.Features {
		if f.Status != StatusIdea && f.Status != StatusPlanned {
			continue
		}
		if miss := c.scorer.MissingKeys(f); len(miss) > 0 {
			path := "scores"
			if !f.Has(path) {
				path = "id"
			}
			c.report(&f.Located, path, "feature %s lacks scores the %s model needs: %s", f.ID, c.scorer.Model, strings.Join(miss, ", "))
		}
	}
}
