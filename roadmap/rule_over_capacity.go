package roadmap

import (
	"strings"
)

var ruleOverCapacity = &Rule{
	ID:       "over-capacity",
	Severity: SeverityWarning,
	Summary:  "planned effort of a period exceeds its capacity",
	check:    checkCapacity,
	Doc: "The effort of the planned and in-progress features targeted within a period of `scoring.capacity` adds up to more than that period's capacity (the effort score is `effort`, or `job_size` for wsjf). Ideas do not count; the biggest features are listed first. " +
		"A period planned over capacity will slip, and the roadmap then promises what the team cannot deliver. " +
		"Move features to a later target, park some, or raise the capacity.",
}

func checkCapacity(c *checker) {
	key := "effort"
	if c.scorer != nil {
		key = c.scorer.EffortKey()
	}
	s := &c.r.Settings.Located
	for _, period := range sortedKeys(c.r.Scoring.Capacity) {
		p, err := ParseTarget(period)
		if err != nil {
			continue
		}
		capacity := c.r.Scoring.Capacity[period]
		if capacityError(period, capacity) != nil {
			continue // invalid-value reports it
		}
		total, cs := c.r.plannedWork(p, key)
		if total <= capacity {
			continue
		}
		c.report(s, KeyPath("scoring.capacity."+period), "%s is over capacity: %s planned adds up to %s, the capacity is %s (%s)",
			period, strings.ReplaceAll(key, "_", " "), Num(total), Num(capacity), ListEfforts(cs))
	}
}
