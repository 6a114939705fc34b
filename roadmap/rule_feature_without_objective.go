package roadmap

var ruleFeatureWithoutObjective = &Rule{
	ID:       "feature-without-objective",
	Severity: SeverityWarning,
	Summary:  "a planned or in-progress feature serves no objective",
	check:    checkFeaturesServeObjectives,
}

func checkFeaturesServeObjectives(c *checker) {
	for _, f := range c.r.Features {
		if (f.Status == StatusPlanned || f.Status == StatusInProgress) && len(f.Objectives) == 0 {
			c.report(&f.Located, "id", "feature %s is %s but serves no objective; add objectives: [...]", f.ID, f.Status)
		}
	}
}
