package roadmap

// ruleMissingField is reported by the loader for a required key that is absent
// or empty.
var ruleMissingField = &Rule{
	ID:       "missing-field",
	Severity: SeverityError,
	Summary:  "a required key is absent",
	Doc: "Reported while loading, for a required key that is absent or left empty (text of only spaces or line breaks is empty): `product` in roadmap.yaml, and in items such as the `id`, `title` and `status` of a feature or the `name` of a person (docs/format.md marks each required key). " +
		"Without them an item cannot be referenced, ranked, shown or followed through history. " +
		"Add the key the message names.",
}
