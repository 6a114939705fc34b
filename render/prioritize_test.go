package render

import (
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestCommittedWork: what the capacity sentence and the cut line say of the
// work already targeted at a period, whatever it is and however much.
func TestCommittedWork(t *testing.T) {
	feature := func(id string, s roadmap.Status) *roadmap.Feature {
		return &roadmap.Feature{ID: id, Title: id, Status: s}
	}
	var six []roadmap.Commitment
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		six = append(six, roadmap.Commitment{Feature: feature(id, roadmap.StatusInProgress), Effort: 1})
	}
	six = append(six, roadmap.Commitment{Feature: feature("f", roadmap.StatusPlanned), Effort: 1})
	ranked := []roadmap.Entry{{Feature: feature("x", roadmap.StatusIdea), Rank: 1, Cumulative: 2}}
	tests := []struct {
		name      string
		capacity  float64
		committed []roadmap.Commitment
		above     int
		capSay    string
		cutSay    string
		at        string
	}{
		{"in progress", 10, []roadmap.Commitment{{Feature: feature("a", roadmap.StatusInProgress), Effort: 3}}, 1,
			"Capacity: 10 for 2027-Q1, of which in-progress work targeted there takes 3 (a 3); the ranking fills the 7 left.",
			"Cut line: the one scored feature fits, using 2 of the 7 left for 2027-Q1.", "7 of 10 (2027-Q1)"},
		// The planned sixth is past the names listed, and still said.
		{"planned past the list", 10, six, 1,
			"Capacity: 10 for 2027-Q1, of which planned and in-progress work targeted there takes 6 (a 1, b 1, c 1, d 1, e 1 and 1 more); the ranking fills the 4 left.",
			"", "4 of 10 (2027-Q1)"},
		{"planned, all of it", 1, []roadmap.Commitment{{Feature: feature("p", roadmap.StatusPlanned), Effort: 1}}, 0,
			"Capacity: 1 for 2027-Q1, of which planned work targeted there takes 1 (p 1); none is left for the ranking.",
			"Cut line: above every feature, as work already targeted at 2027-Q1 takes all its capacity.", "0 of 1 (2027-Q1)"},
		{"overrun", 5, []roadmap.Commitment{{Feature: feature("a", roadmap.StatusInProgress), Effort: 7}}, 0,
			"Capacity: 5 for 2027-Q1, which in-progress work targeted there already overruns: it takes 7 (a 7); none is left for the ranking.",
			"Cut line: above every feature, as work already targeted at 2027-Q1 takes all its capacity.", "0 of 5 (2027-Q1)"},
		{"none", 5, nil, 1, "", "Cut line: the one scored feature fits, using 2 of the capacity of 5 for 2027-Q1.", "5 (2027-Q1)"},
	}
	for _, tt := range tests {
		c := &roadmap.CutLine{Period: "2027-Q1", Capacity: tt.capacity, Committed: tt.committed, Above: tt.above, Used: 2}
		for _, m := range tt.committed {
			c.CommittedEffort += m.Effort
		}
		r := &roadmap.Ranking{Cut: c, Entries: ranked, Scored: 1}
		if got := committedSentence(c); got != tt.capSay {
			t.Errorf("%s: capacity says\n%q, want\n%q", tt.name, got, tt.capSay)
		}
		if got := cutSentence(r); tt.cutSay != "" && got != tt.cutSay {
			t.Errorf("%s: cut line says\n%q, want\n%q", tt.name, got, tt.cutSay)
		}
		if got := cutAt(c); got != tt.at {
			t.Errorf("%s: cut line at %q, want %q", tt.name, got, tt.at)
		}
		if strings.Contains(committedSentence(c)+" "+cutSentence(r)+" "+cutAt(c), " -") {
			t.Errorf("%s: a negative amount is shown", tt.name)
		}
	}
}
