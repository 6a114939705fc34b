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
		"A key that may be meant to say who sees an item that gives no `visibility` of its own, anywhere in the item (a misspelt `visiblity: confidential`, which leaves the item internal, which sales sees; `visible: false`; `confidential: true`; `visibility` under `messaging`), a file-level `visibility`, a misplaced or misspelt `audiences`, and any unknown key of an audience's definition cannot be silenced or lowered to a warning: `export` refuses until the key is fixed or the item given a visibility, as what an audience sees is never left to a default.",
}
