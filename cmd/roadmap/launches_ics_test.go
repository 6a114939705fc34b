package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

// TestLaunchesEmptyCalendar: an ics calendar with no events says why on
// stderr and is still one a client can read; --feature on an undated
// launch is an error that says how to date it, and writes nothing.
func TestLaunchesEmptyCalendar(t *testing.T) {
	dir := t.TempDir()
	s := session{wd: dir}
	roadmapOf := func(features string) {
		t.Helper()
		write(t, dir, "roadmap.yaml", "product: Acme\nfeatures:\n"+features)
	}
	dated := "  - {id: sso, title: SSO, status: planned, target: 2027-Q1, launch: {size: small}}\n"
	undated := "  - {id: audit, title: Audit, status: planned, target: later, launch: {size: small}}\n"
	unreadable := "  - {id: feeds, title: Feeds, status: planned, target: 2027-Q1, launch: {size: small, date: 2027-02-29}}\n"
	for _, tt := range []struct {
		name, features string
		args           []string
		why            string
	}{
		{"no launch", "  - {id: sso, title: SSO, status: planned, target: 2027-Q1}\n", nil,
			"The calendar has no events: no planned, in-progress or shipped feature has a launch size whose playbook has tasks.\n"},
		{"only undated", undated, nil,
			"The calendar has no events: the only launch has no day (audit); give each a launch.date or a dated target to put it on the calendar.\n"},
		{"outside the window", dated + undated, []string{"--from", "2027-06-01"},
			"The calendar has no events: no launch day or task due falls on or after 2027-06-01.\n"},
	} {
		roadmapOf(tt.features)
		r := s.run(t, append([]string{"launches", "--format", "ics", "--today", launchesToday}, tt.args...)...)
		r.expect(t, 0)
		if r.stderr != tt.why {
			t.Errorf("%s: stderr %q, want %q", tt.name, r.stderr, tt.why)
		}
		cal, err := ics.ParseCalendar(strings.NewReader(r.stdout))
		if err != nil || len(cal.Components) == 0 || len(cal.Events()) != 0 {
			t.Errorf("%s: a calendar needs a component and has no event here: %v\n%s", tt.name, err, r.stdout)
		}
	}

	roadmapOf(dated + undated + unreadable)
	for _, tt := range []struct{ feature, want string }{
		{"audit", "roadmap: --feature audit: the launch has no day to put on a calendar: set launch.date (YYYY-MM-DD), or a dated target (YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY-Hn) instead of later\n"},
		{"feeds", `roadmap: --feature feeds: the launch has no day, since launch.date "2027-02-29" is not a date: write it as YYYY-MM-DD` + "\n"},
	} {
		r := s.run(t, "launches", "--format", "ics", "--today", launchesToday, "--feature", tt.feature, "-o", "launch.ics")
		if r.code != 2 || r.stdout != "" || !strings.HasSuffix(r.stderr, tt.want) {
			t.Errorf("--feature %s: exit %d, stdout %q, stderr %q; want 2 and %q", tt.feature, r.code, r.stdout, r.stderr, tt.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "launch.ics")); err == nil {
			t.Errorf("--feature %s wrote launch.ics", tt.feature)
		}
	}
	// A dated launch asked for alone is a calendar as before.
	r := s.run(t, "launches", "--format", "ics", "--today", launchesToday, "--feature", "sso")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "UID:sso@acme.roadmap\r\n") || strings.Contains(r.stderr, "no events") {
		t.Errorf("--feature sso: stdout %q stderr %q", r.stdout, r.stderr)
	}
}
