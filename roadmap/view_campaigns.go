package roadmap

// ViewCampaign is a campaign of the marketing roadmap as the audience sees
// it: only campaigns of a visibility it sees, never a cancelled one unless it
// sees everything, promoting only features and serving only objectives it
// sees. An external audience never sees the metric's target or the owner.
type ViewCampaign struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Status     string   `json:"status"`
	Start      string   `json:"start,omitempty"`
	End        string   `json:"end,omitempty"`
	Channels   []string `json:"channels,omitempty"`
	Features   []string `json:"features,omitempty"`
	Objectives []string `json:"objectives,omitempty"`
	Metric     string   `json:"metric,omitempty"`
	Target     string   `json:"target,omitempty"`
	Owner      *Owner   `json:"owner,omitempty"`
}

// viewCampaigns are the campaigns the audience sees, in written order.
// Windows are coarsened to its dates, and shown only when it sees targets.
func (r *Roadmap) viewCampaigns(a *AudiencePolicy, features []*ViewFeature, objectives []ViewObject, today Date) []ViewCampaign {
	visibleFeature := map[string]bool{}
	for _, f := range features {
		visibleFeature[f.ID] = true
	}
	visibleObjective := map[string]bool{}
	for _, o := range objectives {
		visibleObjective[o.ID] = true
	}
	seen := map[string]bool{}
	var out []ViewCampaign
	for _, c := range r.Campaigns {
		if !a.Sees(c.Visibility) || seen[c.ID] || c.Status == CampaignCancelled && !a.SeesAll() {
			continue
		}
		seen[c.ID] = true
		vc := ViewCampaign{ID: c.ID, Title: c.Title, Status: string(c.Status), Channels: c.Channels, Metric: c.Metric}
		if a.Shows("target") {
			vc.Start, vc.End = CoarsenDate(c.Start, a.Dates, today), CoarsenDate(c.End, a.Dates, today)
		}
		for _, id := range c.Features {
			if visibleFeature[id] {
				vc.Features = append(vc.Features, id)
			}
		}
		for _, id := range c.Objectives {
			if visibleObjective[id] {
				vc.Objectives = append(vc.Objectives, id)
			}
		}
		if !a.External {
			vc.Target = c.Goal
			if a.Shows("owners") && c.Owner != "" {
				o := r.owner("", c.Owner)
				vc.Owner = &o
			}
		}
		out = append(out, vc)
	}
	return out
}
