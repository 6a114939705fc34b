package roadmap

import (
	"fmt"
	"slices"
)

var ruleAudienceNeverSees = &Rule{
	ID:       "audience-never-sees",
	Severity: SeverityWarning,
	Summary:  "an external audience's settings ask for what it never sees",
	check:    checkAudienceAsks,
	Doc: "An audience whose visibility lacks `internal` is external, and never sees confidential items, dropped features, `notes`, `customers`, `links`, `scores` or people (`owners`), whatever its settings say. " +
		"Its `visibility`, `statuses` or `fields` in roadmap.yaml ask for one of them. " +
		"The export leaves it out anyway, so nothing leaks; but the settings promise what the audience will not get, and whoever reads them expects it in the export. " +
		"Remove it, or add `internal` to the audience's visibility if it is an audience inside the company.",
}

func checkAudienceAsks(c *checker) {
	for _, name := range sortedKeys(c.r.Audiences) {
		p, err := c.r.Audience(name)
		if err != nil || !p.External {
			continue
		}
		def, s := c.r.Audiences[name], &c.r.Settings.Located
		why := fmt.Sprintf("audience %s is external (its visibility lacks internal), so it never sees", name)
		fix := fmt.Sprintf("remove it, or add internal to its visibility if %s is inside the company", name)
		for i, v := range def.Visibility {
			if v == externalNeverVisibility {
				c.report(s, fmt.Sprintf("audiences.%s.visibility[%d]", name, i), "%s confidential items; %s", why, fix)
			}
		}
		for i, st := range def.Statuses {
			if st == externalNeverStatus {
				c.report(s, fmt.Sprintf("audiences.%s.statuses[%d]", name, i), "%s dropped features; %s", why, fix)
			}
		}
		for i, f := range def.Fields {
			if slices.Contains(externalNever, f) {
				c.report(s, fmt.Sprintf("audiences.%s.fields[%d]", name, i), "%s %s; %s", why, f, fix)
			}
		}
	}
}
