package roadmap

var ruleStaleTarget = &Rule{
	ID:       "stale-target",
	Severity: SeverityWarning,
	Summary:  "a target has ended (before today) and the feature is not shipped, parked or dropped",
	check:    checkStaleTargets,
}

func checkStaleTargets(c *checker) {
	if c.today.IsZero() {
		return
	}
	for _, f := range c.r.Features {
		if f.Status.Open() && f.Target.Dated() && f.Target.End().Before(c.today) {
			c.report(&f.Located, "target", "target %s of feature %s ended on %s and it is still %s; move the target or update the status",
				f.Target, f.ID, f.Target.End(), f.Status.Phrase())
		}
	}
}
