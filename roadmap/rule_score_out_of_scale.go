package roadmap

var ruleScoreOutOfScale = &Rule{
	ID:       "score-out-of-scale",
	Severity: SeverityWarning,
	Summary:  "a score outside its model's scale",
	check:    checkScoreScales,
	Doc: "A score outside its model's scale: for rice, impact one of 0.25, 0.5, 1, 2 or 3, confidence from 0 to 100 (a percentage: 0.8 is taken as under 1%, and flagged as most likely meant as 80) and effort above 0; for ice, each score from 1 to 10; for wsjf, each one of 1, 2, 3, 5, 8, 13 or 20. " +
		"One score off the scale outweighs every honest one and skews the whole ranking. prioritize --model and --compare warn the same way about scores off the scale of a model other than scoring.model. " +
		"The message names the scale; fix the score.",
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
