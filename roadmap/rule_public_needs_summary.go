package roadmap

var rulePublicNeedsSummary = &Rule{
	ID:       "public-needs-summary",
	Severity: SeverityError,
	Summary:  "a public feature has no summary",
	check:    checkPublicSummary,
	Doc: "A feature with `visibility: public` that is not dropped and has no `summary`. " +
		"Public features are what customers and analysts see, and the summary is what they read; without one their version of the roadmap shows a bare title. " +
		"Write a summary for customers, or lower the feature's visibility.",
}

func checkPublicSummary(c *checker) {
	for _, f := range c.r.Features {
		if f.Visibility == Public && f.Summary == "" && !f.Unreadable("summary") && f.Status != StatusDropped {
			c.report(&f.Located, "visibility", "feature %s is public but has no summary for customers to read", f.ID)
		}
	}
}
