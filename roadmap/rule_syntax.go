package roadmap

// ruleSyntax is reported by the loader when a file cannot be read as YAML. The
// other files are still checked.
var ruleSyntax = &Rule{
	ID:       "syntax",
	Severity: SeverityError,
	Summary:  "the YAML does not parse",
	Doc: "Reported while loading, when a file cannot be read as YAML: a tab in the indentation, an unclosed bracket or quote, a second document, a file that is not a mapping of keys, text that is not UTF-8, aliases that expand into far more data than the file holds, a file over 8 MiB, or a file that is a symbolic link (git keeps the link, not the file, so it is not read; a linked roadmap.yaml stops the command instead, since its settings would be lost). " +
		"The finding points at where the broken construct opens, or, for a key or list item out of line with those above it, at that line, with the columns they start at. Nothing else in that file can be checked, so its other findings are dropped; the other files are still checked. " +
		"Fix the YAML, or copy the linked file into the folder. The rule cannot be turned off or silenced, since nothing in the file can be read.",
	Always: true,
}
