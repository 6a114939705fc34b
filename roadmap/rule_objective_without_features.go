package roadmap

import "slices"

var ruleObjectiveWithoutFeatures = &Rule{
	ID:       "objective-without-features",
	Severity: SeverityWarning,
	Summary:  "no feature serves an objective",
	check:    checkObjectivesServed,
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
		if served[o.ID] {
			continue
		}
		if o.Kind == KindMarketing && slices.ContainsFunc(c.r.Campaigns, func(cp *Campaign) bool {
			return cp.Status != "cancelled" && slices.Contains(cp.Objectives, o.ID)
		}) {
			continue
		}
		c.report(&o.Located, "id", "no feature serves objective %s", o.ID)
	}
}
