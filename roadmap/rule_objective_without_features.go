package roadmap

import "slices"

var ruleObjectiveWithoutFeatures = &Rule{
	ID:       "objective-without-features",
	Severity: SeverityWarning,
	Summary:  "no feature serves an objective",
	check:    checkObjectivesServed,
	Doc: "An objective that no feature serves. Dropped features do not count; a marketing objective is also served by a campaign that is not cancelled. " +
		"An objective nothing works toward will not be met, and the plan should say so before the quarter does. " +
		"Link features (or, for marketing objectives, campaigns) to it, or remove it. " +
		"While a file does not parse, an objective it names is not reported.",
}

// checkObjectivesServed counts features that are not dropped. A marketing
// objective that a campaign serves is served: campaigns are how marketing
// works toward its objectives.
func checkObjectivesServed(c *checker) {
	served := map[string]bool{}
	for _, f := range c.r.Features {
		if f.Status != StatusDropped {
			for _, id := range f.Objectives {
				served[id] = true
			}
		}
	}
	for _, o := range c.r.Objectives {
		if served[o.ID] || c.unreadMentions(o.ID) {
			continue // or a file that does not parse may serve it
		}
		if o.Kind == KindMarketing && slices.ContainsFunc(c.r.Campaigns, func(cp *Campaign) bool {
			return cp.Status != CampaignCancelled && slices.Contains(cp.Objectives, o.ID)
		}) {
			continue
		}
		c.report(&o.Located, "id", "no feature serves objective %s", o.ID)
	}
}
