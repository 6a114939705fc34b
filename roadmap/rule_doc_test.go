package roadmap_test

import (
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestRulesAreDocumented: docs/rules/<id>.md, which SARIF reports link to, is
// generated from each rule's Doc.
func TestRulesAreDocumented(t *testing.T) {
	for _, r := range roadmap.Rules {
		if strings.TrimSpace(r.Doc) == "" {
			t.Errorf("rule %s has no Doc: in roadmap/rule_%s.go, say in 2 to 4 sentences what it checks, why it matters, and how to fix what it finds; then run make docs",
				r.ID, strings.ReplaceAll(r.ID, "-", "_"))
			continue
		}
		if r.Doc != strings.TrimSpace(r.Doc) || !strings.HasSuffix(r.Doc, ".") {
			t.Errorf("rule %s: Doc should be whole sentences with no surrounding space: %q", r.ID, r.Doc)
		}
	}
}
