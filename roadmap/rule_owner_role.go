package roadmap

var ruleOwnerRole = &Rule{
	ID:       "owner-role",
	Severity: SeverityWarning,
	Summary:  "owners.product or owners.marketing names a person of another role",
	check:    checkOwnerRoles,
	Doc: "A feature's `owners.product` names a person whose role is not product, or its `owners.marketing` one whose role is not marketing. People without a role, and other owner keys, are not checked. " +
		"Launch tasks go to owners by role, so a swapped owner sends work to the wrong team. " +
		"Fix the owner, or the person's `role`.",
}

func checkOwnerRoles(c *checker) {
	for _, f := range c.r.Features {
		for _, role := range []string{"product", "marketing"} {
			p := c.r.Person(f.Owners[role])
			if p == nil || p.Role == "" || string(p.Role) == role {
				continue
			}
			c.report(&f.Located, "owners."+role, "owners.%s of feature %s is %s, whose role is %s, not %s", role, f.ID, p.ID, p.Role, role)
		}
	}
}
