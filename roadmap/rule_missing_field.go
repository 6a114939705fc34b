package roadmap

// ruleMissingField is reported by the loader for a required key that is absent
// or empty.
var ruleMissingField = &Rule{
	ID:       "missing-field",
	Severity: SeverityError,
	Summary:  "a required key is absent",
}
