package roadmap

var ruleFeatureWithoutObjective = &Rule{
	ID:       "feature-without-objective",
	Severity: SeverityWarning,
	Summary:  "a planned or in-progress feature serves no objective",
	check:    checkFeaturesServeObjectives,
	Doc: "A planned or in-progress feature whose `objectives` list is empty. Ideas, shipped, parked and dropped features are not checked. " +
		"Work that serves no objective is hard to defend at the planning meeting and invisible to whoever reports on the objectives. " +
		"Add `objectives: [...]`; for deliberate chores, silence it on the item with `# roadmap:ignore feature-without-objective reason`.",
}

func checkFeaturesServeObjectives(c *checker) {
	for _, f := range c.r.Features {
		if (f.Status == StatusPlanned || f.Status == StatusInProgress) && len(f.Objectives) == 0 && !f.Unreadable("objectives") {
			c.report(&f.Located, "id", "feature %s is %s but serves no objective; add objectives: [...]", f.ID, f.Status)
		}
	}
}
