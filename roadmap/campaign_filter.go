package roadmap

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// CampaignFilter selects campaigns: every set criterion must hold (AND), and
// within one criterion any of its values may match (OR).
type CampaignFilter struct {
	Statuses   []CampaignStatus
	Owners     []string
	Objectives []string
	Features   []string // the campaign promotes one of them
}

// ParseCampaignFilter builds a CampaignFilter from command-line values,
// refusing unknown statuses.
func ParseCampaignFilter(statuses, owners, objectives, features []string) (CampaignFilter, error) {
	f := CampaignFilter{Owners: owners, Objectives: objectives, Features: features}
	opts := stringsOf(CampaignStatuses)
	for _, s := range statuses {
		if !slices.Contains(opts, s) {
			return CampaignFilter{}, fmt.Errorf("unknown campaign status %q; campaign statuses are %s%s", s, strings.Join(opts, ", "), suggestion(s, opts))
		}
		f.Statuses = append(f.Statuses, CampaignStatus(s))
	}
	return f, nil
}

// Match reports whether campaign c passes the filter.
func (f CampaignFilter) Match(c *Campaign) bool {
	anyOf := func(want, have []string) bool {
		return len(want) == 0 || slices.ContainsFunc(want, func(w string) bool { return slices.Contains(have, w) })
	}
	return (len(f.Statuses) == 0 || slices.Contains(f.Statuses, c.Status)) &&
		(len(f.Owners) == 0 || slices.Contains(f.Owners, c.Owner)) &&
		anyOf(f.Objectives, c.Objectives) &&
		anyOf(f.Features, c.Features)
}

// SelectCampaigns returns the campaigns that pass the filter, ordered by
// start (campaigns without one after those with), then end, then id.
func (r *Roadmap) SelectCampaigns(f CampaignFilter) []*Campaign {
	var out []*Campaign
	for _, c := range r.Campaigns {
		if f.Match(c) {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b *Campaign) int {
		return cmp.Or(compareUrgency(a.Start, b.Start), compareUrgency(a.End, b.End), strings.Compare(a.ID, b.ID))
	})
	return out
}
