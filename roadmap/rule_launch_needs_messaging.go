package roadmap

var ruleLaunchNeedsMessaging = &Rule{
	ID:       "launch-needs-messaging",
	Severity: SeverityWarning,
	Summary:  "a medium or large launch without messaging.value",
	check:    checkLaunchMessaging,
}

func checkLaunchMessaging(c *checker) {
	for _, f := range c.r.Features {
		if launching(f) && (f.Messaging == nil || f.Messaging.Value == "") {
			c.report(&f.Located, "launch.size", "feature %s has a %s launch but no messaging.value (the customer benefit)", f.ID, f.Launch.Size)
		}
	}
}
