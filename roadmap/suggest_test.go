package roadmap

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"stauts", "status", 1}, {"modle", "model", 1},
		{"summery", "summary", 1}, {"kitten", "sitting", 3}, {"a", "", 1}, {"", "ab", 2},
		{"ca", "abc", 3}, {"plannd", "planned", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, 10); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSuggestion(t *testing.T) {
	opts := []string{"idea", "planned", "in-progress", "shipped", "parked", "dropped"}
	for in, want := range map[string]string{
		"plannd": "planned", "shiped": "shipped", "in progress": "in-progress", "inprogress": "in-progress",
		"idae": "idea", "zzzzzz": "", "Planned": "planned", "droped": "dropped", "warn": "", "ship": "shipped",
	} {
		if got := nearest(in, opts); got != want {
			t.Errorf("nearest(%q) = %q, want %q", in, got, want)
		}
	}
	if got := nearest("warn", []string{"error", "warning", "off"}); got != "warning" {
		t.Errorf("nearest(warn) = %q", got)
	}
}
