package roadmap

// ruleSyntax is reported by the loader when a file cannot be read as YAML. The
// other files are still checked.
var ruleSyntax = &Rule{
	ID:       "syntax",
	Severity: SeverityError,
	Summary:  "the YAML does not parse",
}
