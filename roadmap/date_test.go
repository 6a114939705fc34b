package roadmap_test

import (
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestParseDateSaysWhy: a text written as a date that names no day says
// what is wrong with it; any other text only that it is not a date.
func TestParseDateSaysWhy(t *testing.T) {
	for s, want := range map[string]string{
		"2027-02-29": `"2027-02-29" is not a date (YYYY-MM-DD): February 2027 has 28 days`,
		"2026-04-31": `"2026-04-31" is not a date (YYYY-MM-DD): April 2026 has 30 days`,
		"2026-13-01": `"2026-13-01" is not a date (YYYY-MM-DD): there is no month 13`,
		"2026-00-01": `"2026-00-01" is not a date (YYYY-MM-DD): there is no month 0`,
		"2026-01-00": `"2026-01-00" is not a date (YYYY-MM-DD): there is no day 0`,
		"2026-1-1":   `"2026-1-1" is not a date (YYYY-MM-DD)`,
		"03/15/2027": `"03/15/2027" is not a date (YYYY-MM-DD)`,
	} {
		_, err := roadmap.ParseDate(s)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", s, err, want)
		}
	}
	if _, err := roadmap.ParseDate("2028-02-29"); err != nil {
		t.Errorf("a leap day: %v", err)
	}
	if !roadmap.LooksLikeDate("2026-02-30") || !roadmap.LooksLikeDate("2026-2-3") || roadmap.LooksLikeDate("v2026-02") || roadmap.LooksLikeDate("2026-02-3x") || roadmap.LooksLikeDate("2026-02-301") {
		t.Error("LooksLikeDate tells dates from other text wrongly")
	}
}
