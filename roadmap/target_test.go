package roadmap_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in         string
		start, end string // empty for horizons
	}{
		{"2027-03-15", "2027-03-15", "2027-03-15"},
		{"2027-02", "2027-02-01", "2027-02-28"},
		{"2028-02", "2028-02-01", "2028-02-29"}, // leap year
		{"2027-12", "2027-12-01", "2027-12-31"},
		{"2027-Q1", "2027-01-01", "2027-03-31"},
		{"2027-Q4", "2027-10-01", "2027-12-31"},
		{"2027-H1", "2027-01-01", "2027-06-30"},
		{"2027-H2", "2027-07-01", "2027-12-31"},
		{"2028-Q1", "2028-01-01", "2028-03-31"},
		{"now", "", ""},
		{"next", "", ""},
		{"later", "", ""},
	}
	for _, tt := range tests {
		got, err := roadmap.ParseTarget(tt.in)
		if err != nil {
			t.Errorf("ParseTarget(%q): %v", tt.in, err)
			continue
		}
		if got.String() != tt.in {
			t.Errorf("ParseTarget(%q).String() = %q", tt.in, got.String())
		}
		if got.Start().String() != tt.start || got.End().String() != tt.end {
			t.Errorf("ParseTarget(%q) spans %s..%s, want %s..%s", tt.in, got.Start(), got.End(), tt.start, tt.end)
		}
		if got.IsHorizon() != (tt.start == "") {
			t.Errorf("ParseTarget(%q).IsHorizon() = %v", tt.in, got.IsHorizon())
		}
	}
}

func TestParseTargetRejects(t *testing.T) {
	for _, in := range []string{
		"", "2027", "2027-13", "2027-00", "2027-Q0", "2027-Q5", "2027-H3", "2027-H0",
		"2027-02-30", "2027-2-1", "27-Q1", "Q1-2027", "2027-q1", "Now", "soon",
		"+027-Q1", "-027-Q1", "2027-Q1 ", " 2027-Q1", "2027-03-15T10:00", "0000-Q1",
	} {
		if got, err := roadmap.ParseTarget(in); err == nil {
			t.Errorf("ParseTarget(%q) = %v, want an error", in, got)
		}
	}
}

func TestTargetOrder(t *testing.T) {
	// Ordered by end; same end from finest to coarsest; then the horizons.
	want := []string{"2026-12-31", "2027-01", "2027-02-10", "2027-03-31", "2027-03", "2027-Q1", "2027-H1", "2027-H2", "now", "next", "later"}
	var ts []roadmap.Target
	for i := len(want) - 1; i >= 0; i-- {
		ts = append(ts, roadmap.MustTarget(want[i]))
	}
	slices.SortFunc(ts, roadmap.Target.Compare)
	for i, tg := range ts {
		if tg.String() != want[i] {
			t.Fatalf("order[%d] = %s, want %s (all: %v)", i, tg, want[i], ts)
		}
	}
}

func TestTargetWithin(t *testing.T) {
	tests := []struct {
		t, period string
		want      bool
	}{
		{"2027-02", "2027-Q1", true},
		{"2027-03-31", "2027-Q1", true},
		{"2027-04-01", "2027-Q1", false},
		{"2027-Q1", "2027-H1", true},
		{"2027-H1", "2027-Q1", false},
		{"2027-Q1", "2027-Q1", true},
		{"next", "next", true},
		{"next", "later", false},
		{"2027-Q1", "next", false},
	}
	for _, tt := range tests {
		if got := roadmap.MustTarget(tt.t).Within(roadmap.MustTarget(tt.period)); got != tt.want {
			t.Errorf("%s within %s = %v, want %v", tt.t, tt.period, got, tt.want)
		}
	}
}

func TestParseOffset(t *testing.T) {
	for in, days := range map[string]int{"-8w": -56, "-3d": -3, "+1w": 7, "+0d": 0, "0": 0, "2d": 2, "-0w": 0} {
		o, err := roadmap.ParseOffset(in)
		if err != nil || o.Days() != days {
			t.Errorf("ParseOffset(%q) = %d, %v; want %d", in, o.Days(), err, days)
		}
	}
	for _, in := range []string{"", "w", "-w", "8", "-8x", "++1w", "1.5w", "-99999w", "1 w"} {
		if _, err := roadmap.ParseOffset(in); err == nil {
			t.Errorf("ParseOffset(%q) succeeded, want an error", in)
		}
	}
}

func TestLaunchTaskDates(t *testing.T) {
	r := &roadmap.Roadmap{}
	tests := []struct {
		day  string
		size string
		want map[string]string
	}{
		// Across a year end.
		{"2027-01-05", "medium", map[string]string{"positioning": "2026-12-08", "enablement": "2026-12-22", "blog-post": "2026-12-29", "docs": "2026-12-29"}},
		// Across a leap day.
		{"2028-03-01", "small", map[string]string{"release-notes": "2028-02-29", "in-app-mention": "2028-03-01"}},
		// After launch day, across a month end.
		{"2027-04-28", "large", map[string]string{"launch-review": "2027-05-05", "positioning": "2027-03-03"}},
	}
	for _, tt := range tests {
		f := &roadmap.Feature{ID: "x", Launch: &roadmap.Launch{Size: tt.size, Date: mustDate(tt.day)}}
		got := map[string]string{}
		for _, task := range r.LaunchTasks(f) {
			got[task.ID] = task.Due.String()
		}
		for id, due := range tt.want {
			if got[id] != due {
				t.Errorf("%s launch on %s: task %s due %s, want %s", tt.size, tt.day, id, got[id], due)
			}
		}
	}
}

// TestTargetNearMisses: a target written nearly right says what it was
// likely meant to be, or why it names no period.
func TestTargetNearMisses(t *testing.T) {
	for in, want := range map[string]string{
		"2027-02-30": `"2027-02-30" is not a target date: February 2027 has 28 days`,
		"2027-q1":    `did you mean "2027-Q1"?`,
		"2027-h2":    `did you mean "2027-H2"?`,
		"2027-3":     `did you mean "2027-03"?`,
		"2027-Q5":    "there is no quarter 5 (Q1 to Q4)",
		"2027-q9":    "there is no quarter 9 (Q1 to Q4)",
		"2027-H3":    "there is no half 3 (H1 or H2)",
		"2027-13":    "there is no month 13",
		"1800-q1":    "1800 is before 1900, too early for a roadmap",
		"1899-03":    "1899 is before 1900, too early for a roadmap",
		"Q1-2027":    `"Q1-2027" is not a target (YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, now, next or later)`,
	} {
		_, err := roadmap.ParseTarget(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseTarget(%q): %v, want it to say %q", in, err, want)
		}
	}
	// A suggestion is itself a target: none is made where it would not be.
	for _, in := range []string{"2027-qx", "2027-hh", "2027-q9", "1800-q1", "1899-3", "2027-q1", "2027-3"} {
		_, err := roadmap.ParseTarget(in)
		if err == nil {
			t.Fatalf("ParseTarget(%q) took it", in)
		}
		if m := regexp.MustCompile(`did you mean "([^"]+)"`).FindStringSubmatch(err.Error()); m != nil {
			if _, err := roadmap.ParseTarget(m[1]); err != nil {
				t.Errorf("ParseTarget(%q) suggests %q, which is no target: %v", in, m[1], err)
			}
		}
	}
}
