package roadmap

import "fmt"

var ruleDuplicateID = &Rule{
	ID:       "duplicate-id",
	Severity: SeverityError,
	Summary:  "two items of one kind share an id (both places named)",
	check:    checkDuplicateIDs,
	Doc: "Two items of one kind share an id, in one file or across files: features, objectives, campaigns, people, themes, personas, scoring criteria, or the tasks of one launch playbook. " +
		"Ids are how references, `roadmap diff` and `roadmap history` find an item, so a duplicate makes each of them ambiguous. " +
		"The finding is at the second item and names where the first is defined; rename one of them.",
}

func checkDuplicateIDs(c *checker) {
	dupes(c, "feature", c.r.Features, func(x *Feature) (string, *Located) { return x.ID, &x.Located })
	dupes(c, "objective", c.r.Objectives, func(x *Objective) (string, *Located) { return x.ID, &x.Located })
	dupes(c, "campaign", c.r.Campaigns, func(x *Campaign) (string, *Located) { return x.ID, &x.Located })
	dupes(c, "person", c.r.People, func(x *Person) (string, *Located) { return x.ID, &x.Located })
	dupes(c, "theme", c.r.Themes, func(x *Theme) (string, *Located) { return x.ID, &x.Located })
	dupes(c, "persona", c.r.Personas, func(x *Persona) (string, *Located) { return x.ID, &x.Located })

	s := &c.r.Settings.Located
	seen := map[string]int{}
	for i, cr := range c.r.Scoring.Criteria {
		if cr.ID == "" {
			continue // missing-field
		}
		path := fmt.Sprintf("scoring.criteria[%d].id", i)
		if first, ok := seen[cr.ID]; ok {
			c.report(s, path, "duplicate criterion id %q; first defined at %s:%d", cr.ID, s.File, s.PosOf(fmt.Sprintf("scoring.criteria[%d].id", first)).Line)
			continue
		}
		seen[cr.ID] = i
	}
	for _, name := range sortedKeys(c.r.LaunchTiers) {
		seen := map[string]int{}
		for i, t := range c.r.LaunchTiers[name].Playbook {
			if t.ID == "" {
				continue // missing-field
			}
			path := fmt.Sprintf("launch_tiers.%s.playbook[%d].id", name, i)
			if first, ok := seen[t.ID]; ok {
				c.report(s, path, "duplicate task id %q in the %s playbook; first defined at %s:%d", t.ID, name, s.File,
					s.PosOf(fmt.Sprintf("launch_tiers.%s.playbook[%d].id", name, first)).Line)
				continue
			}
			seen[t.ID] = i
		}
	}
}

func dupes[T any](c *checker, kind string, items []T, key func(T) (string, *Located)) {
	first := make(map[string]*Located, len(items))
	for _, it := range items {
		id, loc := key(it)
		if id == "" {
			continue
		}
		if f, ok := first[id]; ok {
			c.report(loc, "id", "duplicate %s id %q; first defined at %s:%d", kind, id, f.File, f.PosOf("id").Line)
			continue
		}
		first[id] = loc
	}
}
