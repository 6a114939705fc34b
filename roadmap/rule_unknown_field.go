package roadmap

// ruleUnknownField is reported by the loader for a key the format does not
// define, with the nearest known key as a suggestion.
var ruleUnknownField = &Rule{
	ID:       "unknown-field",
	Severity: SeverityError,
	Summary:  "a key the format does not define",
	Doc: "Reported while loading, for a key the format does not define at that place (docs/format.md lists them all), with the nearest known key as a suggestion. " +
		"A misspelt key would otherwise be ignored without a word: `stauts: shipped` leaves the feature's status as it was, and every view of the roadmap is quietly wrong. " +
		"Fix the spelling, or move the key where it belongs: settings such as `scoring` and `lint` go only in roadmap.yaml.",
}
