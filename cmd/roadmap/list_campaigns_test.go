package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/northwind-labs/roadmap/render/golden"
)

func TestListCampaigns(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"campaigns.table", nil},
		{"campaigns-planned-raj.md", []string{"--status", "planned", "--owner", "raj", "--format", "md"}},
		{"campaigns.csv", []string{"--format", "csv"}},
		{"campaigns-bank-feeds.json", []string{"--feature", "bank-feeds", "--format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pipe.run(t, append([]string{"list", "campaigns", "--dir", exampleDir}, tt.args...)...)
			r.expect(t, 0)
			if r.stderr != "" {
				t.Errorf("stderr: %s", r.stderr)
			}
			golden.Assert(t, "list/"+tt.name, []byte(r.stdout))
		})
	}
	// list features is list.
	if a, b := pipe.run(t, "list", "--dir", exampleDir), pipe.run(t, "list", "features", "--dir", exampleDir); a != b {
		t.Errorf("list features differs from list")
	}
	styled := session{terminal: true, width: 80}.run(t, "list", "campaigns", "--dir", exampleDir)
	styled.expect(t, 0)
	for _, line := range strings.Split(strings.TrimRight(styled.stdout, "\n"), "\n") {
		if w := visibleWidth(line); w > 80 {
			t.Errorf("line of %d columns on an 80-column terminal: %q", w, line)
		}
	}
	none := pipe.run(t, "list", "campaigns", "--dir", exampleDir, "--status", "cancelled")
	none.expect(t, 0)
	if none.stdout != "" || none.stderr != "No campaigns match.\n" {
		t.Errorf("no match: stdout %q stderr %q", none.stdout, none.stderr)
	}
}

func TestListCampaignsUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "campaigns", "--status", "runing"}, `did you mean "running"?`},
		{[]string{"list", "campaigns", "--theme", "x"}, "--theme filters features"},
		{[]string{"list", "campaigns", "--format", "ics"}, "unknown --format"},
		{[]string{"list", "people"}, `not "people"`},
		{[]string{"list", "campaign"}, `not "campaign"; did you mean "campaigns"?`},
		{[]string{"list", "campaigns", "extra"}, "list takes one of features or campaigns, not 2 arguments"},
		{[]string{"list", "--feature", "bank-feeds"}, "--feature filters campaigns"},
	} {
		r := pipe.run(t, append(tt.args, "--dir", exampleDir)...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, r.code, r.stdout, r.stderr, tt.want)
		}
	}
}

// TestListKeepsTitlesOverThemes: at 80 columns a list gives up its THEME
// column before cutting titles under 24 characters, styled or with
// NO_COLOR alike.
func TestListKeepsTitlesOverThemes(t *testing.T) {
	for _, s := range []session{
		{terminal: true, width: 80},
		{terminal: true, width: 80, env: map[string]string{"NO_COLOR": "1"}},
	} {
		r := s.run(t, "list", "--dir", exampleDir, "--status", "planned")
		r.expect(t, 0)
		text := ansi.Strip(r.stdout)
		header, _, _ := strings.Cut(text[strings.Index(text, "ID"):], "\n")
		if strings.Contains(header, "THEME") || !strings.Contains(text, "Sign in with Google and M") {
			t.Errorf("env %v:\n%s", s.env, text)
		}
	}
}
