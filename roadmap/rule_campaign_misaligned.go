package roadmap

var ruleCampaignMisaligned = &Rule{
	ID:       "campaign-misaligned",
	Severity: SeverityWarning,
	Summary:  "a campaign promotes a feature that is an idea, parked or dropped, or whose launch is outside its window or already past",
	check:    checkCampaignsAligned,
	Doc: "A planned or running campaign promotes a feature that is an idea, parked or dropped, or a planned or in-progress feature whose launch day (`launch.date`, or the end of a dated target) falls outside the campaign's window from `start` to `end`, or has passed while the feature is still planned or in progress: the launch slipped. " +
		"Marketing would be promoting something that will not ship, not while the campaign runs, or not on the day it says. " +
		"Take the feature out of the campaign's `features`, move the campaign's window, or move the launch; `roadmap align` lists the same problems.",
}

// checkCampaignsAligned warns, for each planned or running campaign, about
// each feature in its features that marketing should not be promoting: one
// that is an idea, parked or dropped, or one that is planned or in progress
// and launches outside the campaign's window, or whose launch day inside it
// has passed (measured against today, as stale-target is). The finding
// points at the campaign's features[i] entry.
//
//   - Done and cancelled campaigns are not checked: what a done campaign
//     promoted is history, and a cancelled one promotes nothing.
//   - Launch day is launch.date or the last day of a dated target, as for
//     `roadmap launches`; a feature with neither (a now/next/later target) is
//     not checked against the window.
//   - The window is start to end, both days included; a side the campaign
//     does not write is open, so a campaign with neither start nor end is not
//     checked against it.
//   - Shipped features are not checked against the window: a campaign may
//     promote what is already out.
//   - An id listed twice is checked once; an id that names no feature is
//     unknown-reference's.
//
// `roadmap align` reports the same problems, found by the same code.
func checkCampaignsAligned(c *checker) {
	c.reportAll(misalignedCampaigns(c.r, c.today))
}
