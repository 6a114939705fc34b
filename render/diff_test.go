package render

import (
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestDiffSummaryReadsAsAList: "1 feature, 2 objectives and 1 campaign".
func TestDiffSummaryReadsAsAList(t *testing.T) {
	cs := []roadmap.Change{{Item: "feature"}, {Item: "objective"}, {Item: "objective"}, {Item: "campaign"}}
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "no changes"},
		{1, "1 feature changed"},
		{3, "1 feature and 2 objectives changed"},
		{4, "1 feature, 2 objectives and 1 campaign changed"},
	} {
		if got := summary(cs[:tc.n]); got != tc.want {
			t.Errorf("%d changes: %q, want %q", tc.n, got, tc.want)
		}
	}
}
