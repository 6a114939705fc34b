package roadmap

import "strings"

var ruleObjectiveNotSMART = &Rule{
	ID:       "objective-not-smart",
	Severity: SeverityWarning,
	Summary:  "an objective lacks metric, target or due",
	check:    checkObjectivesSMART,
	Doc: "An objective that lacks a `metric`, a `target` value or a `due` date; each missing part is named. " +
		"Without all three nobody can tell whether the objective was met, or by when. " +
		"Add the missing parts; for exploratory objectives, lower the rule's severity or turn it off in roadmap.yaml.",
}

func checkObjectivesSMART(c *checker) {
	for _, o := range c.r.Objectives {
		var lacks []string
		// A part written with a value that could not be read is not
		// lacking: invalid-value reports it.
		if o.Metric == "" && !o.Unreadable("metric") {
			lacks = append(lacks, "metric")
		}
		if o.Goal == "" && !o.Unreadable("target") {
			lacks = append(lacks, "target")
		}
		if o.Due.IsZero() && !o.Unreadable("due") {
			lacks = append(lacks, "due")
		}
		if len(lacks) > 0 {
			c.report(&o.Located, "id", "objective %s is not measurable: it lacks %s", o.ID, strings.Join(lacks, ", "))
		}
	}
}
