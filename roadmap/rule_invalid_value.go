package roadmap

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// ruleInvalidValue is reported by the loader for values of the wrong type,
// unknown enum values and malformed ids, dates and targets, and by its check
// for values that only the whole roadmap can judge: launch sizes, capacity
// periods, rule ids, audience fields and the scoring settings.
var ruleInvalidValue = &Rule{
	ID:       "invalid-value",
	Severity: SeverityError,
	Summary:  "wrong type, unknown enum value, malformed id, date or target",
	check:    checkValues,
	Doc: "A value the format does not allow: the wrong type, an unknown enum value (status, visibility, kind, launch size), a malformed id, date or target, a key written twice, a campaign that ends before it starts, and settings only the whole roadmap can judge (launch sizes against the launch tiers, capacity periods and capacities below 0, rule ids in `lint.rules` and `# roadmap:ignore` comments, audience fields, the scoring model and its formula). " +
		"A wrong value makes every answer built on it wrong, or silently drops the item from a view. " +
		"The message says what is allowed and suggests the nearest valid value; fix the value. " +
		"The rule cannot be turned off or silenced: a roadmap that is not read as written must not reach an audience.",
	Always: true,
}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func checkValues(c *checker) {
	r := c.r
	s := &r.Settings.Located
	tiers := r.TierNames()
	for _, f := range r.Features {
		if size := f.LaunchSize(); size != "" && r.Tiers()[size] == nil {
			c.report(&f.Located, "launch.size", "launch.size of feature %s is %q; it must be one of %s%s",
				f.ID, clip(size), strings.Join(tiers, ", "), suggestion(size, tiers))
			c.unread() // the launch has no tier: no playbook, no campaign check
		}
		if !f.Shipped.IsZero() && f.Status != StatusShipped && f.Status != "" {
			c.report(&f.Located, "shipped", "feature %s has a shipped date but its status is %s; set status: shipped or remove the date", f.ID, f.Status)
		}
	}
	for _, cp := range r.Campaigns {
		if !cp.Start.IsZero() && !cp.End.IsZero() && cp.End.Before(cp.Start) {
			c.report(&cp.Located, "end", "campaign %s ends (%s) before it starts (%s)", cp.ID, cp.End, cp.Start)
		}
	}
	for _, t := range r.Themes {
		if t.Color != "" && !hexColor.MatchString(t.Color) {
			c.report(&t.Located, "color", "color of theme %s is %q; write it as #rrggbb", t.ID, clip(t.Color))
		}
	}
	for _, period := range sortedKeys(r.Scoring.Capacity) {
		if _, err := ParseTarget(period); err != nil {
			c.report(s, KeyPath("scoring.capacity."+period), "scoring.capacity: %v", err)
			c.unread()
		}
		if err := capacityError(period, r.Scoring.Capacity[period]); err != nil {
			c.report(s, "scoring.capacity."+period, "%v", err)
			c.unread()
		}
	}
	if _, err := r.Scorer(r.Scoring.Model); err != nil {
		var fe *FormulaError
		if errors.As(err, &fe) {
			c.report(s, "scoring.formula", "%v", err)
		} else {
			c.report(s, "scoring.model", "%v", err)
		}
		c.unread() // nothing can be scored
	}
	ids := ruleIDs()
	for _, id := range sortedKeys(r.Lint.Rules) {
		if rule := RuleByID(id); rule == nil {
			c.report(s, KeyPath("lint.rules."+id), "lint.rules names rule %q, which does not exist%s", clip(id), suggestion(id, ids))
		} else if rule.Always {
			c.report(s, KeyPath("lint.rules."+id), "lint.rules cannot change rule %s: it is always an error, since what it finds is not read as written", id)
		}
	}
	for _, name := range sortedKeys(r.Audiences) {
		if !ValidID(name) {
			c.report(s, KeyPath("audiences."+name), "audience name %q is not a valid id (lowercase letters, digits and dashes)", clip(name))
		}
		for i, f := range r.Audiences[name].Fields {
			if !slices.Contains(AudienceFields, f) {
				c.report(s, fmt.Sprintf("audiences.%s.fields[%d]", name, i), "audience %s lists field %q, which features do not have; fields are %s%s",
					name, clip(f), strings.Join(AudienceFields, ", "), suggestion(f, AudienceFields))
			}
		}
	}
	for _, sup := range r.suppressions {
		if len(sup.rules) == 0 {
			c.reportAt(sup.file, Pos{sup.line, sup.col}, "roadmap:ignore needs the rule to silence: # roadmap:ignore RULE reason")
		}
		for _, id := range sup.rules {
			if rule := RuleByID(id); id != "all" && rule == nil {
				c.reportAt(sup.file, Pos{sup.line, sup.col}, "roadmap:ignore names rule %q, which does not exist%s", clip(id), suggestion(id, ids))
			} else if rule != nil && rule.Always {
				c.reportAt(sup.file, Pos{sup.line, sup.col}, "roadmap:ignore cannot silence rule %s: it is always an error, since what it finds is not read as written", id)
			}
		}
	}
}

// AudienceFields are the feature fields an audience may list. Naming a
// parent (messaging) includes its parts (messaging.value, ...).
var AudienceFields = []string{
	"title", "summary", "description", "status", "theme", "objectives", "owners",
	"target", "shipped", "launch", "scores", "messaging", "messaging.value",
	"messaging.personas", "messaging.differentiator", "visibility", "depends_on",
	"customers", "links", "notes", "tags",
}
