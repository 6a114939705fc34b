package roadmap

// ruleSyntax is reported by the loader when a file cannot be read as YAML. The
// other files are still checked.
var ruleSyntax = &Rule{
	ID:       "syntax",
	Severity: SeverityError,
	Summary:  "the YAML does not parse",
	Doc: "Reported while loading, when a file cannot be read as YAML: a tab in the indentation, an unclosed bracket or quote, a second document, a file that is not a mapping of keys, text that is not UTF-8, or aliases that expand into far more data than the file holds. " +
		"The finding points at where the broken construct opens. Nothing else in that file can be checked, so its other findings are dropped; the other files are still checked. " +
		"Fix the YAML. The rule cannot be turned off or silenced, since nothing in the file can be read.",
	Always: true,
}
