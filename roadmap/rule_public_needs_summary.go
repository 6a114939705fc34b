package roadmap

var rulePublicNeedsSummary = &Rule{
	ID:       "public-needs-summary",
	Severity: SeverityError,
	Summary:  "a public feature without summary",
	check:    checkPublicSummary,
}

func checkPublicSummary(c *checker) {
	for _, f := range c.r.Features {
		if f.Visibility == Public && f.Summary == "" && f.Status != StatusDropped {
			c.report(&f.Located, "visibility", "feature %s is public but has no summary for customers to read", f.ID)
		}
	}
}
