package roadmap_test

import (
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

func TestSelectCampaigns(t *testing.T) {
	r := loadText(t, `product: Acme
campaigns:
  - {id: undated, title: U, status: planned, owner: raj}
  - {id: spring, title: S, status: planned, owner: raj, start: 2027-03-01, objectives: [grow], features: [sso]}
  - {id: winter, title: W, status: running, owner: tomas, start: 2026-12-01, end: 2027-02-28, features: [export]}
  - {id: autumn, title: A, status: done, owner: tomas, start: 2026-12-01, end: 2026-12-31, objectives: [grow]}
`)
	ids := func(f roadmap.CampaignFilter) string {
		var out []string
		for _, c := range r.SelectCampaigns(f) {
			out = append(out, c.ID)
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		statuses, owners, objectives, features []string
		want                                   string
	}{
		{want: "autumn winter spring undated"},
		{statuses: []string{"planned", "done"}, want: "autumn spring undated"},
		{owners: []string{"raj"}, want: "spring undated"},
		{objectives: []string{"grow"}, owners: []string{"tomas"}, want: "autumn"},
		{features: []string{"sso", "export"}, want: "winter spring"},
	}
	for _, tt := range tests {
		f, err := roadmap.ParseCampaignFilter(tt.statuses, tt.owners, tt.objectives, tt.features)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(f); got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt, got, tt.want)
		}
	}
	_, err := roadmap.ParseCampaignFilter([]string{"runing"}, nil, nil, nil)
	if err == nil || !strings.Contains(err.Error(), `did you mean "running"?`) {
		t.Errorf("unknown status: %v", err)
	}
}
