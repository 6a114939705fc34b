package roadmap

var ruleScoreOutOfScale = &Rule{
	ID:       "score-out-of-scale",
	Severity: SeverityWarning,
	Summary:  "a score outside its model's scale",
	check:    checkScoreScales,
}

func checkScoreScales(c *checker) {
	if c.scorer == nil {
		return
	}
	for _, f := range c.r.Features {
		for _, p := range c.scorer.OutOfScale(f) {
			c.report(&f.Located, "scores."+p.Key, "feature %s: %s", f.ID, p.Message)
		}
	}
}
