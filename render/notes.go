package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

//go:embed templates/notes.html
var notesHTML string

var notesTemplate = template.Must(template.New("notes").Funcs(template.FuncMap{
	// css passes a colour the view has already checked to be #rrggbb.
	"css":      func(s string) template.CSS { return template.CSS(s) },
	"revision": revisionName,
}).Parse(notesHTML))

// WriteNotesHTML writes release notes as one self-contained page; every value
// is escaped by html/template.
func WriteNotesHTML(w io.Writer, n *roadmap.Notes) error { return notesTemplate.Execute(w, n) }

// WriteNotesMarkdown writes release notes as Markdown: a heading a theme, a
// paragraph a feature, its benefit first.
func WriteNotesMarkdown(w io.Writer, n *roadmap.Notes) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: what's new\n\n", MarkdownText(n.Title))
	fmt.Fprintf(&b, "%s shipped between %s and %s.\n", capitalize(plural(n.Count, "feature")), MarkdownText(revisionName(n.From)), MarkdownText(revisionName(n.To)))
	for _, t := range n.Themes {
		fmt.Fprintf(&b, "\n## %s\n", MarkdownText(t.Title))
		for _, it := range t.Items {
			fmt.Fprintf(&b, "\n**%s**", MarkdownText(it.Title))
			if it.Value != "" {
				fmt.Fprintf(&b, ": %s", MarkdownText(it.Value))
			}
			b.WriteString("\n")
			if it.Summary != "" {
				fmt.Fprintf(&b, "%s\n", MarkdownText(it.Summary))
			}
		}
	}
	if n.Disclaimer != "" {
		fmt.Fprintf(&b, "\n---\n\n_%s_\n", MarkdownText(n.Disclaimer))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteNotesJSON writes release notes as a JSON document of kind "notes".
func WriteNotesJSON(w io.Writer, n *roadmap.Notes) error {
	return WriteJSON(w, "notes", "notes", n)
}
