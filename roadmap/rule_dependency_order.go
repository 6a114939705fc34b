package roadmap

import "fmt"

var ruleDependencyOrder = &Rule{
	ID:       "dependency-order",
	Severity: SeverityWarning,
	Summary:  "a feature's target ends before a dependency's target",
	check:    checkDependencyOrder,
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
