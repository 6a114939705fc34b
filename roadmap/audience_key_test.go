package roadmap_test

import (
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestMisspeltAudienceKeysCannotBeSilenced: a misspelt visibility leaves an
// item at the default (internal, which sales sees), and a misspelt key of
// an audience's definition leaves it with the built-in's setting, so neither
// finding may be silenced or lowered, whatever roadmap.yaml or a comment says.
// Other unknown keys (a team's own jira key) still may be.
func TestMisspeltAudienceKeysCannotBeSilenced(t *testing.T) {
	features := `features:
  - id: secret
    title: Secret
    status: planned
    visiblity: confidential
    jira: SEC-1
`
	audiences := `audiences:
  sales:
    visibilty: [public]
`
	comment := "features:\n  # roadmap:ignore unknown-field we keep jira keys\n"
	quieting := map[string]struct {
		lint, comment string
		jira          roadmap.Severity // "" when silenced
	}{
		"an ignore comment on the item": {comment: comment},
		"the rule turned off":           {lint: "lint:\n  rules:\n    unknown-field: off\n"},
		"the rule lowered to a warning": {lint: "lint:\n  rules:\n    unknown-field: warning\n", jira: roadmap.SeverityWarning},
		"an ignore glob":                {lint: "lint:\n  ignore: ['*.yaml']\n"},
	}
	for name, q := range quieting {
		t.Run(name, func(t *testing.T) {
			text := features
			line := 0 // the comment adds a line
			if q.comment != "" {
				text, line = strings.Replace(features, "features:\n", q.comment, 1), 1
			}
			r := load(t, map[string]string{
				"roadmap.yaml":  "product: Acme\n" + audiences + q.lint,
				"features.yaml": text,
			})
			fs := findingsOf(r)
			for _, want := range []struct {
				path string
				line int
				key  string
			}{{"features.yaml", 5 + line, `"visiblity"`}, {"roadmap.yaml", 4, `"visibilty"`}} {
				found := false
				for _, f := range fs {
					if f.Rule == "unknown-field" && f.Path == want.path && f.Line == want.line {
						found = true
						if f.Severity != roadmap.SeverityError {
							t.Errorf("%s: severity %s, want error", f, f.Severity)
						}
					}
				}
				if !found {
					t.Errorf("no unknown-field finding for %s at %s:%d in %v", want.key, want.path, want.line, fs)
				}
			}
			var jira roadmap.Severity
			for _, f := range fs {
				if f.Rule == "unknown-field" && f.Path == "features.yaml" && f.Line == 6+line {
					jira = f.Severity
				}
			}
			if jira != q.jira {
				t.Errorf("the jira key, no audience's business, was reported as %q, want %q: %v", jira, q.jira, fs)
			}
		})
	}
}

// TestOtherWordsForVisibilityCannotBeSilenced: visible: false and
// confidential: true read as hiding an item, and would leave it internal.
func TestOtherWordsForVisibilityCannotBeSilenced(t *testing.T) {
	for _, key := range []string{"visible: false", "confidential: true", "Private: yes", "visible_to: [sales]",
		"internal_only: true", "restricted: true", "sensitive: true", "external: false", "customer_visible: false",
		"share_with: [sales]", "embargoed_until: 2027-01-01", "visibility: ''\n    confidential: true",
		"hidden_from: [customers]", "restrictedTo: sales", "time_sensitive: true"} {
		r := load(t, map[string]string{
			"roadmap.yaml":  "product: Acme\nlint:\n  rules:\n    unknown-field: off\n",
			"features.yaml": "features:\n  - id: a\n    title: A\n    status: planned\n    " + key + "\n",
		})
		if fs := findingsOf(r); !hasFinding(fs, "unknown-field", "features.yaml", 5+strings.Count(key, "\n"), "cannot be silenced") {
			t.Errorf("%s: %v", key, fs)
		}
	}
}

// TestVisibilityKeysAnywhere: a visibility under messaging, or for a whole
// file, and audiences misspelt or in the wrong file, would all leave the
// defaults deciding, so none may be silenced.
func TestVisibilityKeysAnywhere(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"under messaging": {"features.yaml": "features:\n  - id: a\n    title: A\n    status: planned\n    messaging: {value: x, visibility: confidential}\n"},
		"for a file":      {"features.yaml": "visibility: confidential\nfeatures:\n  - id: a\n    title: A\n    status: planned\n"},
		"audience":        {"more.yaml": "audience:\n  sales: {visibility: [public]}\n"},
		"audiences":       {"more.yaml": "audiences:\n  sales: {visibility: [public]}\n"},
	} {
		files["roadmap.yaml"] = "product: Acme\nlint:\n  rules:\n    unknown-field: off\n"
		if fs := findingsOf(load(t, files)); !hasFinding(fs, "unknown-field", "", 0, "cannot be silenced") {
			t.Errorf("%s: %v", name, fs)
		}
	}
}

// TestUnknownKeysThatDecideNothingStayQuietable: with unknown-field off,
// a key a team may quiet stays quiet: a custom audience key on an item that
// says its own visibility (nothing is left to a default), a key naming an
// audience whose value reads as prose or ids rather than a setting, and a
// key whose nearest known key is not visibility, and keys whose words say
// nothing of who sees the item.
func TestUnknownKeysThatDecideNothingStayQuietable(t *testing.T) {
	for name, item := range map[string]string{
		"own visibility":     "    audience: smb-owners\n    visibility: public\n    summary: A.\n",
		"audience key prose": "    sales_notes: Lead with the audit trail.\n    customer_ids: [42, 43]\n",
		"a typo":             "    stauts: shipped\n",
		// A word inside another, or a word that hides beside a value that
		// is no setting, says nothing of who sees the item.
		"a score out of place":  "    confidence: 80\n",
		"only, alone":           "    mobile_only: true\n",
		"hidden, not a setting": "    hidden_costs: 4000\n    time_sensitive: high\n",
	} {
		r := load(t, map[string]string{
			"roadmap.yaml":  "product: Acme\nlint:\n  rules:\n    unknown-field: off\n",
			"features.yaml": "features:\n  - id: a\n    title: A\n    status: planned\n" + item,
		})
		if fs := findingsOf(r); hasFinding(fs, "unknown-field", "", 0, "") {
			t.Errorf("%s: unknown-field: off did not silence it: %v", name, fs)
		}
	}
}

// TestASettingThatHoldsItself: a key that may say who sees an item, whose
// value holds itself through an alias, is an unknown key like any other,
// not a loop.
func TestASettingThatHoldsItself(t *testing.T) {
	r := load(t, map[string]string{
		"roadmap.yaml": "product: Acme\nfeatures:\n  - id: a\n    title: A\n    status: planned\n    share_with: &x [*x]\n",
	})
	if fs := findingsOf(r); !hasFinding(fs, "unknown-field", "roadmap.yaml", 6, `unknown key "share_with"`) {
		t.Errorf("findings: %v", fs)
	}
}
