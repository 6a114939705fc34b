package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// GitHub shows at most this many annotations of each severity per step.
const githubAnnotationCap = 10

// WriteFindingsGitHub writes findings as GitHub Actions workflow commands, so
// they show as annotations on the pull request's lines. Findings past GitHub's
// per-step cap are printed in full as text after the annotations.
func WriteFindingsGitHub(w io.Writer, r Findings) error {
	var b strings.Builder
	count := map[roadmap.Severity]int{}
	var rest []roadmap.Finding
	for _, f := range r.Findings {
		count[f.Severity]++
		if count[f.Severity] > githubAnnotationCap {
			rest = append(rest, f)
			continue
		}
		cmd := "warning"
		if f.Severity == roadmap.SeverityError {
			cmd = "error"
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", cmd,
			ghProperty(f.Path), f.Line, f.Column, ghProperty("roadmap "+f.Rule), ghData(f.Message))
	}
	if len(rest) > 0 {
		fmt.Fprintf(&b, "%d more findings past GitHub's limit of %d annotations per severity:\n", len(rest), githubAnnotationCap)
		for _, f := range rest {
			b.WriteString(strings.ReplaceAll(f.String(), "\n", " ") + "\n")
		}
	}
	errs, warns := roadmap.Count(r.Findings)
	fmt.Fprintf(&b, "%s and %s in %s\n", plural(errs, "error"), plural(warns, "warning"), plural(r.Files, "file"))
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
