package roadmap

import "fmt"

var ruleDependencyOrder = &Rule{
	ID:       "dependency-order",
	Severity: SeverityWarning,
	Summary:  "a feature's target ends before a dependency's target",
	check:    checkDependencyOrder,
	Doc: "A feature that is still an idea, planned or in progress is due before one of its dependencies: its target ends before the dependency's target (horizons come after every date: now, then next, then later). Shipped and dropped dependencies are not checked. " +
		"The plan promises the feature before what it is built on, so one of the two dates is wrong. " +
		"Move one of the targets, or remove the dependency if the feature does not need it.",
}

func checkDependencyOrder(c *checker) {
	for _, f := range c.r.Features {
		if f.Target.IsZero() || !f.Status.Open() {
			continue
		}
		for i, id := range f.DependsOn {
			dep := c.r.Feature(id)
			if dep == nil || dep.Target.IsZero() || dep.Status == StatusShipped || dep.Status == StatusDropped {
				continue
			}
			if f.Target.EndsBefore(dep.Target) {
				c.report(&f.Located, fmt.Sprintf("depends_on[%d]", i),
					"feature %s is due %s, before its dependency %s (due %s)", f.ID, f.Target, dep.ID, dep.Target)
			}
		}
	}
}
