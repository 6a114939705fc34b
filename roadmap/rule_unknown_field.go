package roadmap

// ruleUnknownField is reported by the loader for a key the format does not
// define, with the nearest known key as a suggestion.
var ruleUnknownField = &Rule{
	ID:       "unknown-field",
	Severity: SeverityError,
	Summary:  "a key the format does not define",
	Doc: "Reported while loading, for a key the format does not define at that place (docs/format.md lists them all), with the nearest known key as a suggestion. " +
		"A misspelt key would otherwise be ignored without a word: `stauts: shipped` leaves the feature's status as it was, and every view of the roadmap is quietly wrong. " +
		"Fix the spelling, or move the key where it belongs: settings such as `scoring` and `lint` go only in roadmap.yaml. " +
		"A key that may be a misspelt `visibility` of an item (`visiblity: confidential` leaves the item internal, which sales sees) or says who sees it in other words (`visible: false`, `confidential: true`), and any unknown key of an audience's definition, cannot be silenced or lowered to a warning: `export` refuses until it is fixed, as what an audience sees is never left to a default.",
}
