package roadmap

var ruleStaleTarget = &Rule{
	ID:       "stale-target",
	Severity: SeverityWarning,
	Summary:  "a target has ended (before today) and the feature is not shipped, parked or dropped",
	check:    checkStaleTargets,
	Doc: "A feature that is still an idea, planned or in progress has a target that ended before today (`--today`, or the current date). " +
		"A stale target is a promise the roadmap no longer keeps, and every version made from it shows a date that has passed. " +
		"Move the target to when the work will land, or update the status: shipped with its `shipped` date, parked or dropped.",
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
