package render

import (
	"bytes"
	htmltemplate "html/template"
	"io"
	"path/filepath"
	"strings"
	texttemplate "text/template"

	"github.com/northwind-labs/roadmap/roadmap"
)

// ExportTemplate is a user's template for `roadmap export --template`. It
// sees exactly what the json format shows under "roadmap" (a *roadmap.View:
// field names as in Go, {{.Title}}, {{range .Groups}}...), so it can show
// nothing the audience may not see.
type ExportTemplate struct {
	execute func(io.Writer, *roadmap.View) error
}

// templateFuncs are the helpers a template may call.
func templateFuncs() map[string]any {
	return map[string]any{
		"join":   strings.Join,
		"md":     MarkdownText,
		"csv":    CSVCell,
		"upper":  strings.ToUpper,
		"lower":  strings.ToLower,
		"status": roadmap.StatusTitle,
	}
}

// ParseExportTemplate parses the template text of the file named name. With
// html, or for a file whose name says HTML (see IsHTMLTemplate), it is an
// html/template, which escapes every value for where it lands; otherwise a
// text/template, which prints values as they are (use md or csv to escape
// them for those formats).
func ParseExportTemplate(name string, text []byte, html bool) (*ExportTemplate, error) {
	base := filepath.Base(name)
	if html || IsHTMLTemplate(name) {
		t, err := htmltemplate.New(base).Funcs(templateFuncs()).Option("missingkey=error").Parse(string(text))
		if err != nil {
			return nil, err
		}
		return &ExportTemplate{func(w io.Writer, v *roadmap.View) error { return t.Execute(w, v) }}, nil
	}
	t, err := texttemplate.New(base).Funcs(templateFuncs()).Option("missingkey=error").Parse(string(text))
	if err != nil {
		return nil, err
	}
	return &ExportTemplate{func(w io.Writer, v *roadmap.View) error { return t.Execute(w, v) }}, nil
}

// IsHTMLTemplate tells whether a template file's name says it writes HTML:
// it ends in .html, .htm or .gohtml, before any .tmpl, .tpl or .gotmpl
// (board.html.tmpl).
func IsHTMLTemplate(name string) bool {
	name = strings.ToLower(name)
	for _, suffix := range []string{".tmpl", ".tpl", ".gotmpl"} {
		name = strings.TrimSuffix(name, suffix)
	}
	switch filepath.Ext(name) {
	case ".html", ".htm", ".gohtml":
		return true
	}
	return false
}

// Execute renders the view; on an error nothing is written to w.
func (t *ExportTemplate) Execute(w io.Writer, v *roadmap.View) error {
	var b bytes.Buffer
	if err := t.execute(&b, v); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}
