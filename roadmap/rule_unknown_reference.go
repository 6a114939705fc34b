package roadmap

import (
	"fmt"
	"slices"
)

var ruleUnknownReference = &Rule{
	ID:       "unknown-reference",
	Severity: SeverityError,
	Summary:  "an objective, owner, theme, persona, dependency or score that does not exist",
	check:    checkReferences,
	Doc: "A reference to an id that is not defined: a feature's `theme`, `objectives`, `owners`, `messaging.personas` and `depends_on`; an objective's `owner`; a campaign's `owner`, `objectives` and `features`; and `launch.done` entries that name no task of the feature's playbook; and a score `scoring.formula` uses that no feature has, a near miss of one they do (`impcat` for `impact`: every feature would go unscored), or a score with a dash written as it is (`strategic-fit` reads as `strategic` minus `fit`; a formula writes `strategic_fit`). " +
		"A dangling reference is nearly always a typo or an item removed elsewhere, and whatever follows it (the owner of a launch task, the theme a feature is grouped under, the objective it serves) points at nothing; the message suggests the nearest id. " +
		"Define the missing item, or correct the id. " +
		"While a file does not parse, a reference to an id written in it is not reported: the file's syntax error comes first.",
}

func checkReferences(c *checker) {
	r := c.r
	type kind struct {
		exists func(string) bool
		ids    func() []string
	}
	kinds := map[string]kind{
		"feature":   {func(id string) bool { return r.Feature(id) != nil }, func() []string { return sortedKeys(r.index.features) }},
		"objective": {func(id string) bool { return r.Objective(id) != nil }, func() []string { return sortedKeys(r.index.objectives) }},
		"person":    {func(id string) bool { return r.Person(id) != nil }, func() []string { return sortedKeys(r.index.people) }},
		"theme":     {func(id string) bool { return r.Theme(id) != nil }, func() []string { return sortedKeys(r.index.themes) }},
		"persona":   {func(id string) bool { return r.Persona(id) != nil }, func() []string { return sortedKeys(r.index.personas) }},
	}
	// An id a file that does not parse holds may be defined there: its
	// syntax error is reported, and the reference is checked once it parses.
	exists := func(k, id string) bool { return kinds[k].exists(id) || c.unreadMentions(id) }
	sorted := map[string][]string{} // each kind's ids, sorted once, for suggestions
	known := func(k string) []string {
		if _, ok := sorted[k]; !ok {
			sorted[k] = kinds[k].ids()
		}
		return sorted[k]
	}
	ref := func(l *Located, path, what, kind, id string) {
		if id == "" || exists(kind, id) {
			return
		}
		c.report(l, path, "%s names %s %q, which is not defined%s", what, kind, clip(id), suggestion(id, known(kind)))
	}
	refs := func(l *Located, path, what, kind string, list []string) {
		for i, id := range list {
			ref(l, fmt.Sprintf("%s[%d]", path, i), what, kind, id)
		}
	}
	for _, f := range r.Features {
		what := "feature " + f.ID
		ref(&f.Located, "theme", what, "theme", f.Theme)
		refs(&f.Located, "objectives", what, "objective", f.Objectives)
		for _, role := range sortedKeys(f.Owners) {
			ref(&f.Located, "owners."+role, what, "person", f.Owners[role])
		}
		if f.Messaging != nil {
			refs(&f.Located, "messaging.personas", what, "persona", f.Messaging.Personas)
		}
		refs(&f.Located, "depends_on", what, "feature", f.DependsOn)
		checkDoneTasks(c, f)
	}
	for _, o := range r.Objectives {
		ref(&o.Located, "owner", "objective "+o.ID, "person", o.Owner)
	}
	for _, cp := range r.Campaigns {
		what := "campaign " + cp.ID
		ref(&cp.Located, "owner", what, "person", cp.Owner)
		refs(&cp.Located, "objectives", what, "objective", cp.Objectives)
		refs(&cp.Located, "features", what, "feature", cp.Features)
	}
	checkFormulaKeys(c)
}

// checkFormulaKeys reports a key of scoring.formula that no feature scores
// and that is a near miss of one they do: a typo (impcat for impact) leaves
// every feature unscored, and prioritize ranks nothing. A new key nothing
// is scored on yet is missing-scores' to tell.
func checkFormulaKeys(c *checker) {
	if c.scorer == nil || c.scorer.Model != ModelFormula {
		return
	}
	unknown, scored := c.r.unscored(c.scorer)
	dashed, unknown := dashedKeys(c.scorer.formula, scored, unknown)
	for _, k := range dashed {
		c.report(&c.r.Settings.Located, "scoring.formula", "%s", dashedMessage(k))
	}
	for _, k := range unknown {
		if near := nearest(k, scored); near != "" {
			c.report(&c.r.Settings.Located, "scoring.formula", "scoring.formula uses the score %q, which no feature has; did you mean %q?", clip(k), near)
		}
	}
}

// checkDoneTasks reports launch.done entries that name no task of the
// feature's playbook.
func checkDoneTasks(c *checker, f *Feature) {
	if f.Launch == nil || len(f.Launch.Done) == 0 {
		return
	}
	tier := c.r.Tiers()[f.Launch.Size]
	if tier == nil {
		return // an unknown size is reported by invalid-value
	}
	var ids []string
	for _, t := range tier.Playbook {
		ids = append(ids, t.ID)
	}
	for i, id := range f.Launch.Done {
		if !slices.Contains(ids, id) {
			c.report(&f.Located, fmt.Sprintf("launch.done[%d]", i),
				"feature %s marks task %q done, but the %s playbook has no such task%s", f.ID, clip(id), f.Launch.Size, suggestion(id, ids))
		}
	}
}
