package roadmap

var ruleShippedNeedsDate = &Rule{
	ID:       "shipped-needs-date",
	Severity: SeverityWarning,
	Summary:  "a shipped feature without shipped",
	check:    checkShippedDates,
}

func checkShippedDates(c *checker) {
	for _, f := range c.r.Features {
		if f.Status == StatusShipped && f.Shipped.IsZero() {
			c.report(&f.Located, "status", "feature %s is shipped but has no shipped: date", f.ID)
		}
	}
}
