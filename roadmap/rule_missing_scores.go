package roadmap

import "strings"

var ruleMissingScores = &Rule{
	ID:       "missing-scores",
	Severity: SeverityWarning,
	Summary:  "an idea or planned feature lacks keys its scoring model needs",
	check:    checkMissingScores,
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
