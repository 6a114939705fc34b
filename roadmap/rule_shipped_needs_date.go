package roadmap

var ruleShippedNeedsDate = &Rule{
	ID:       "shipped-needs-date",
	Severity: SeverityWarning,
	Summary:  "a shipped feature has no shipped date",
	check:    checkShippedDates,
	Doc: "A feature with `status: shipped` and no `shipped:` date. " +
		"The date is how the roadmap tells what shipped when: which quarter kept its word, and what goes into the release notes. " +
		"Add `shipped: YYYY-MM-DD`.",
}

func checkShippedDates(c *checker) {
	for _, f := range c.r.Features {
		if f.Status == StatusShipped && f.Shipped.IsZero() && !f.Unreadable("shipped") {
			c.report(&f.Located, "status", "feature %s is shipped but has no shipped: date", f.ID)
		}
	}
}
