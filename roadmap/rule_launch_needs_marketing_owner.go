package roadmap

var ruleLaunchNeedsMarketingOwner = &Rule{
	ID:       "launch-needs-marketing-owner",
	Severity: SeverityError,
	Summary:  "a medium or large launch has no marketing owner (owners.marketing)",
	check:    checkLaunchMarketingOwner,
	Doc: "A feature with a medium or large launch still to come (its status is idea, planned or in progress) and no `owners.marketing`. " +
		"The marketing tasks of the launch playbook are assigned to the feature's marketing owner; without one, nobody owns the positioning brief, the enablement or the blog post. " +
		"Add `owners: {marketing: ...}`, or make the launch small.",
}

func checkLaunchMarketingOwner(c *checker) {
	for _, f := range c.r.Features {
		if launching(f) && f.Owners["marketing"] == "" && !f.Unreadable("owners.marketing") {
			c.report(&f.Located, "launch.size", "feature %s has a %s launch but no marketing owner; add owners.marketing", f.ID, f.Launch.Size)
		}
	}
}

// launching reports whether f has a medium or large launch still to come:
// shipped features have launched, parked and dropped ones launch nothing.
func launching(f *Feature) bool {
	return IsBigLaunch(f.LaunchSize()) && f.Status.Open()
}
