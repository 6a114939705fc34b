package roadmap

var ruleLaunchUnsized = &Rule{
	ID:       "launch-unsized",
	Severity: SeverityWarning,
	Summary:  "a planned or in-progress feature whose target ends within 90 days of today has no launch size",
	check:    checkLaunchesSized,
	Doc: "A planned or in-progress feature with no `launch.size` whose dated target ends within 90 days of today, or has already ended. Horizons (now, next, later) are not checked. " +
		"Product marketing has to size a launch while there is still time to run its playbook: a large launch's first tasks are due eight weeks before it. " +
		"Set `launch.size` to none, small, medium or large; none is a size too, for work with nothing to market.",
}

// checkLaunchesSized warns about a planned or in-progress feature with no
// launch.size whose dated target ends no later than 90 days after today:
// marketing has to classify the launch (none, small, medium, large) while
// there is time to run its playbook. The finding points at the target.
//
//   - A target that has already ended counts (it is the most urgent to
//     classify; stale-target asks, besides, to move it).
//   - Horizons (now, next, later) and unset targets have no end: not checked.
//   - Size none is a size: the launch is classified as nothing to market.
//   - Ideas, shipped, parked and dropped features are not checked.
//   - Without a today (a check run with no date) the rule finds nothing.
//
// `roadmap align` lists the same features as its launch-classification
// queue, found by the same code.
func checkLaunchesSized(c *checker) {
	c.reportAll(unsizedLaunches(c.r, c.today))
}
