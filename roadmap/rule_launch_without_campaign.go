package roadmap

var ruleLaunchWithoutCampaign = &Rule{
	ID:       "launch-without-campaign",
	Severity: SeverityWarning,
	Summary:  "a medium or large launch that no campaign promotes (only when the roadmap has campaigns)",
	check:    checkLaunchesHaveCampaigns,
	Doc: "A planned or in-progress feature with a medium or large launch that no planned or running campaign lists in its `features`. It fires only when the roadmap has campaigns at all, so a team that keeps its marketing plan elsewhere gets no warning. " +
		"A big launch with no campaign behind it ships to silence, and it means the product and marketing plans disagree about what matters. " +
		"Add the feature to a campaign's `features`, or make the launch small; `roadmap align` lists the same launches.",
}

// checkLaunchesHaveCampaigns warns about a planned or in-progress feature
// with a medium or large launch that no planned or running campaign lists in
// its features. The finding points at the feature's launch.size.
//
//   - Only when the roadmap has at least one campaign, of any status: a team
//     that does not keep its marketing roadmap here gets no warning.
//   - Ideas are not on the roadmap yet (and a campaign promoting one is
//     campaign-misaligned); shipped features have launched; parked and
//     dropped ones launch nothing.
//   - A cancelled campaign promotes nothing, and a done one is over: neither
//     carries a launch still to come.
//   - A campaign that lists the launch but whose window misses its day does
//     promote it: campaign-misaligned reports the window, so each
//     disagreement is reported once.
//
// `roadmap align` reports the same launches, found by the same code.
func checkLaunchesHaveCampaigns(c *checker) {
	c.reportAll(launchesWithoutCampaign(c.r))
}
