package roadmap

var ruleLaunchNeedsMessaging = &Rule{
	ID:       "launch-needs-messaging",
	Severity: SeverityWarning,
	Summary:  "a medium or large launch has no value proposition (messaging.value)",
	check:    checkLaunchMessaging,
	Doc: "A feature with a medium or large launch still to come and no `messaging.value`, the one-line customer benefit. Personas alone are not enough. " +
		"The positioning brief, sales enablement and launch blog all start from that sentence. " +
		"Write it under `messaging: {value: ...}`.",
}

func checkLaunchMessaging(c *checker) {
	for _, f := range c.r.Features {
		if launching(f) && (f.Messaging == nil || f.Messaging.Value == "") && !f.Unreadable("messaging.value") {
			c.report(&f.Located, "launch.size", "feature %s has a %s launch but no messaging.value (the customer benefit)", f.ID, f.Launch.Size)
		}
	}
}
