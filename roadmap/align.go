package roadmap

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Live reports whether a campaign with this status still promotes what it
// lists: planned or running. A done campaign is over, so it carries no launch
// still to come, and what it promoted is history with nothing left to fix; a
// cancelled one promotes nothing.
func (s CampaignStatus) Live() bool { return s == CampaignPlanned || s == CampaignRunning }

// UnsizedDays is how far ahead of today a committed feature's target may end
// before it must have a launch size (the launch-unsized rule).
const UnsizedDays = 90

// AlignKind is a kind of disagreement between the product and the marketing
// plans.
type AlignKind string

// The kinds of disagreement, in the order `roadmap align` reports them (the
// order product.md lists them in).
const (
	// AlignWithoutCampaign: a medium or large launch that no live campaign
	// promotes (the launch-without-campaign rule).
	AlignWithoutCampaign AlignKind = "launch-without-campaign"
	// AlignNotReady: a live campaign promotes a feature that is an idea,
	// parked or dropped (campaign-misaligned).
	AlignNotReady AlignKind = "feature-not-ready"
	// AlignSlipped: a live campaign promotes a planned or in-progress
	// feature whose launch day, inside the campaign's window, has passed
	// (campaign-misaligned).
	AlignSlipped AlignKind = "launch-slipped"
	// AlignOutsideWindow: a live campaign promotes a planned or in-progress
	// feature whose launch day falls outside the campaign's window
	// (campaign-misaligned).
	AlignOutsideWindow AlignKind = "launch-outside-window"
	// AlignProductOnly: a shared objective that features serve and no
	// campaign does.
	AlignProductOnly AlignKind = "objective-product-only"
	// AlignMarketingOnly: a shared objective that campaigns serve and no
	// feature does.
	AlignMarketingOnly AlignKind = "objective-marketing-only"
	// AlignUnsized: a committed feature due within UnsizedDays with no launch
	// size: the launch-classification queue (launch-unsized).
	AlignUnsized AlignKind = "launch-unsized"
)

// AlignKinds lists every kind in report order.
var AlignKinds = []AlignKind{AlignWithoutCampaign, AlignNotReady, AlignSlipped, AlignOutsideWindow, AlignProductOnly, AlignMarketingOnly, AlignUnsized}

// Rule is the id of the lint rule that reports disagreements of this kind,
// or "" for the objective kinds, which only align reports.
func (k AlignKind) Rule() string {
	switch k {
	case AlignWithoutCampaign:
		return ruleLaunchWithoutCampaign.ID
	case AlignNotReady, AlignSlipped, AlignOutsideWindow:
		return ruleCampaignMisaligned.ID
	case AlignUnsized:
		return ruleLaunchUnsized.ID
	}
	return ""
}

// Title is the kind as a heading: "Launches no campaign promotes".
func (k AlignKind) Title() string {
	switch k {
	case AlignWithoutCampaign:
		return "Launches no campaign promotes"
	case AlignNotReady:
		return "Campaigns promoting features that are not planned"
	case AlignSlipped:
		return "Campaigns promoting launches that slipped"
	case AlignOutsideWindow:
		return "Launches outside their campaign's window"
	case AlignProductOnly:
		return "Shared objectives only product serves"
	case AlignMarketingOnly:
		return "Shared objectives only marketing serves"
	case AlignUnsized:
		return "Launches to classify: due within 90 days, no launch size"
	}
	return string(k)
}

// Side is one side of a disagreement: a feature, campaign or objective, and
// who owns it on its team.
type Side struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status,omitempty"`
	// Owner is the person id of owners.product for a feature, of owner for a
	// campaign or an objective; OwnerName is that person's name, or "" when
	// the id names nobody in people.
	Owner     string `json:"owner,omitempty"`
	OwnerName string `json:"owner_name,omitempty"`
	// Marketer is a feature's owners.marketing: who speaks for the launch
	// when no campaign does.
	Marketer     string `json:"marketing_owner,omitempty"`
	MarketerName string `json:"marketing_owner_name,omitempty"`
}

// Who is the side's owner as people read it: the name, or the id when it
// names nobody, or "" when there is no owner.
func (s *Side) Who() string {
	return who(s.Owner, s.OwnerName)
}

// WhoMarkets is a feature side's marketing owner as people read it.
func (s *Side) WhoMarkets() string {
	return who(s.Marketer, s.MarketerName)
}

func who(id, name string) string {
	if name != "" {
		return name
	}
	return id
}

// Disagreement is one place where the product and marketing plans disagree.
type Disagreement struct {
	Kind AlignKind `json:"kind"`
	// Rule is the lint rule that reports the same disagreement, if any.
	Rule string `json:"rule,omitempty"`
	// Date is what makes it urgent: the launch day, the day the campaign
	// starts or its window closes, the target's or objective's end. Zero when
	// nothing dates it.
	Date Date `json:"date,omitzero"`
	// Feature and Campaign are the two sides of a launch disagreement; either
	// may be nil (a launch without campaign has no campaign).
	Feature  *Side `json:"feature,omitempty"`
	Campaign *Side `json:"campaign,omitempty"`
	// Objective is set for the objective kinds, with ServedBy the ids of the
	// features or campaigns that serve it on the one side that does.
	Objective *Side    `json:"objective,omitempty"`
	ServedBy  []string `json:"served_by,omitempty"`
	// Message says what disagrees and what to do, as the rule reports it.
	Message string `json:"message"`

	// at and path are where the rule's finding points.
	at   *Located
	path string
}

// Align returns every disagreement between the product and marketing plans
// on day today: grouped by kind in AlignKinds order, most urgent (earliest
// date) first within a kind, undated ones last, ties by feature, campaign
// and objective id. The kinds a lint rule reports are found by the same code
// as the rule and obey the same settings: a rule turned off in lint.rules, a
// path in lint.ignore, or a `# roadmap:ignore RULE` comment keeps the
// disagreement out of align too, so align and validate never disagree.
func (r *Roadmap) Align(today Date) []Disagreement {
	var all []Disagreement
	all = append(all, launchesWithoutCampaign(r)...)
	all = append(all, misalignedCampaigns(r, today)...)
	all = append(all, oneSidedObjectives(r)...)
	all = append(all, unsizedLaunches(r, today)...)
	items := r.itemSpans()
	out := all[:0]
	for _, d := range all {
		d.Rule = d.Kind.Rule()
		d.Message = clipMessage(d.Message)
		if d.Rule != "" && r.silenced(d.finding(), items) {
			continue
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b Disagreement) int {
		return cmp.Or(
			cmp.Compare(slices.Index(AlignKinds, a.Kind), slices.Index(AlignKinds, b.Kind)),
			compareUrgency(a.Date, b.Date),
			cmp.Compare(sideID(a.Feature), sideID(b.Feature)),
			cmp.Compare(sideID(a.Campaign), sideID(b.Campaign)),
			cmp.Compare(sideID(a.Objective), sideID(b.Objective)),
		)
	})
	return out
}

// compareUrgency orders dates from the earliest, the zero date last.
func compareUrgency(a, b Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

func sideID(s *Side) string {
	if s == nil {
		return ""
	}
	return s.ID
}

// finding is the disagreement as its rule reports it, before settings apply.
func (d Disagreement) finding() Finding {
	p := d.at.PosOf(d.path)
	rule := RuleByID(d.Rule)
	return Finding{Path: d.at.File, Line: p.Line, Column: p.Col, Rule: d.Rule, Severity: rule.Severity, Message: d.Message}
}

// reportAll reports each disagreement as a finding of the running rule.
func (c *checker) reportAll(ds []Disagreement) {
	for _, d := range ds {
		c.report(d.at, d.path, "%s", d.Message)
	}
}

// awaitsLaunch reports whether a feature is planned or in progress: on the
// roadmap and not launched yet. Ideas have not earned a slot, shipped
// features have launched, parked and dropped ones launch nothing.
func awaitsLaunch(f *Feature) bool {
	return f.Status == StatusPlanned || f.Status == StatusInProgress
}

// launchesWithoutCampaign finds the committed features with a medium or large
// launch that no live campaign lists. A roadmap without campaigns does not use
// the marketing roadmap and has none.
func launchesWithoutCampaign(r *Roadmap) []Disagreement {
	if len(r.Campaigns) == 0 {
		return nil
	}
	promoted := map[string]bool{}
	for _, cp := range r.Campaigns {
		if cp.Status.Live() {
			for _, id := range cp.Features {
				promoted[id] = true
			}
		}
	}
	var out []Disagreement
	for _, f := range r.Features {
		// With duplicate ids (reported by duplicate-id) the first wins.
		if r.Feature(f.ID) != f || !awaitsLaunch(f) || !IsBigLaunch(f.LaunchSize()) || promoted[f.ID] {
			continue
		}
		day, _ := f.LaunchDay()
		on := ""
		if !day.IsZero() {
			on = " on " + day.String()
		}
		out = append(out, Disagreement{
			Kind: AlignWithoutCampaign, Date: day, Feature: r.featureSide(f),
			Message: fmt.Sprintf("the %s launch of %s%s is promoted by no planned or running campaign; add it to a campaign's features",
				f.Launch.Size, f.ID, on),
			at: &f.Located, path: "launch.size",
		})
	}
	return out
}

// misalignedCampaigns finds, for each live campaign, the features it lists
// that are not ready to promote (an idea, parked, dropped) and the committed
// ones whose launch day falls outside the campaign's window or, inside it,
// has passed by today (none without a today). Unknown ids are left to
// unknown-reference; an id listed twice counts once.
func misalignedCampaigns(r *Roadmap, today Date) []Disagreement {
	var out []Disagreement
	for _, cp := range r.Campaigns {
		if !cp.Status.Live() || r.Campaign(cp.ID) != cp {
			continue
		}
		seen := map[string]bool{}
		for i, id := range cp.Features {
			f := r.Feature(id)
			if f == nil || seen[id] {
				continue
			}
			seen[id] = true
			path := fmt.Sprintf("features[%d]", i)
			switch {
			case f.Status == StatusIdea || f.Status == StatusParked || f.Status == StatusDropped:
				fix := "take it out of the campaign's features or plan the feature"
				if f.Status == StatusDropped {
					fix = "take it out of the campaign's features"
				}
				out = append(out, Disagreement{
					Kind: AlignNotReady, Date: startOrEnd(cp), Feature: r.featureSide(f), Campaign: r.campaignSide(cp),
					Message: fmt.Sprintf("campaign %s promotes feature %s, which is %s; %s", cp.ID, f.ID, f.Status.Phrase(), fix),
					at:      &cp.Located, path: path,
				})
			case awaitsLaunch(f):
				day, ok := f.LaunchDay()
				if !ok {
					continue
				}
				kind := AlignOutsideWindow
				var msg string
				var urgent Date
				switch {
				case !cp.Start.IsZero() && day.Before(cp.Start):
					msg = fmt.Sprintf("the launch of %s on %s is before campaign %s starts (%s); move the launch or the campaign's start", f.ID, day, cp.ID, cp.Start)
					urgent = day
				case !cp.End.IsZero() && day.After(cp.End):
					msg = fmt.Sprintf("the launch of %s on %s is after campaign %s ends (%s); move the launch or the campaign's end", f.ID, day, cp.ID, cp.End)
					urgent = cp.End
				case !today.IsZero() && day.Before(today):
					kind = AlignSlipped
					msg = fmt.Sprintf("campaign %s promotes the launch of %s on %s, which has passed with the feature still %s; mark it shipped if it launched, or move the launch", cp.ID, f.ID, day, f.Status.Phrase())
					urgent = day
				default:
					continue
				}
				out = append(out, Disagreement{
					Kind: kind, Date: urgent, Feature: r.featureSide(f), Campaign: r.campaignSide(cp),
					Message: msg, at: &cp.Located, path: path,
				})
			}
		}
	}
	return out
}

// startOrEnd is when a campaign starts promoting: its start, or its end when
// only that is written.
func startOrEnd(cp *Campaign) Date {
	if !cp.Start.IsZero() {
		return cp.Start
	}
	return cp.End
}

// unsizedLaunches finds the committed features whose dated target ends no
// later than UnsizedDays after today (an overdue target included: it is the
// first to launch) and that have no launch size. Nothing without a today.
func unsizedLaunches(r *Roadmap, today Date) []Disagreement {
	if today.IsZero() {
		return nil
	}
	limit := today.AddDays(UnsizedDays)
	var out []Disagreement
	for _, f := range r.Features {
		if r.Feature(f.ID) != f || !awaitsLaunch(f) || !f.Target.Dated() || f.Target.End().After(limit) || f.LaunchSize() != "" || f.Unreadable("launch.size") {
			continue
		}
		end := f.Target.End()
		when := ""
		switch {
		case end.Before(today):
			when = fmt.Sprintf(" (ended %s)", end)
		case f.Target.Kind() != TargetDate:
			when = fmt.Sprintf(" (ends %s)", end)
		}
		out = append(out, Disagreement{
			Kind: AlignUnsized, Date: end, Feature: r.featureSide(f),
			Message: fmt.Sprintf("feature %s is %s for %s%s but has no launch size; set launch.size (%s)",
				f.ID, f.Status.Phrase(), f.Target, when, strings.Join(r.TierNames(), ", ")),
			at: &f.Located, path: "target",
		})
	}
	return out
}

// oneSidedObjectives finds the shared objectives that only one side serves.
// Only shared objectives are expected on both sides: a product objective is
// product's to serve and a marketing objective marketing's (an objective no
// side serves is objective-without-features'). A feature serves an objective
// unless it is dropped, a campaign unless it is cancelled, as for
// objective-without-features. A roadmap without campaigns does not use the
// marketing roadmap and has none.
func oneSidedObjectives(r *Roadmap) []Disagreement {
	if len(r.Campaigns) == 0 {
		return nil
	}
	var out []Disagreement
	for _, o := range r.Objectives {
		if o.Kind != KindShared || r.Objective(o.ID) != o {
			continue
		}
		var features, campaigns []string
		for _, f := range r.Features {
			if f.Status != StatusDropped && slices.Contains(f.Objectives, o.ID) && !slices.Contains(features, f.ID) {
				features = append(features, f.ID)
			}
		}
		for _, cp := range r.Campaigns {
			if cp.Status != CampaignCancelled && slices.Contains(cp.Objectives, o.ID) && !slices.Contains(campaigns, cp.ID) {
				campaigns = append(campaigns, cp.ID)
			}
		}
		slices.Sort(features)
		slices.Sort(campaigns)
		d := Disagreement{Objective: r.objectiveSide(o), at: &o.Located, path: "id"}
		if o.Due.Dated() {
			d.Date = o.Due.End()
		}
		switch {
		case len(features) > 0 && len(campaigns) == 0:
			d.Kind, d.ServedBy = AlignProductOnly, features
			d.Message = fmt.Sprintf("shared objective %s is served by %s but by no campaign; add it to a campaign's objectives",
				o.ID, itemList("feature", features))
		case len(campaigns) > 0 && len(features) == 0:
			d.Kind, d.ServedBy = AlignMarketingOnly, campaigns
			d.Message = fmt.Sprintf("shared objective %s is served by %s but by no feature; add it to a feature's objectives",
				o.ID, itemList("campaign", campaigns))
		default:
			continue
		}
		out = append(out, d)
	}
	return out
}

// itemList names ids as "feature a" or "features a, b and c".
func itemList(kind string, ids []string) string {
	if len(ids) == 1 {
		return kind + " " + ids[0]
	}
	return kind + "s " + strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

func (r *Roadmap) personName(id string) string {
	if p := r.Person(id); p != nil {
		return p.Name
	}
	return ""
}

func (r *Roadmap) featureSide(f *Feature) *Side {
	return &Side{
		ID: f.ID, Title: f.Title, Status: string(f.Status),
		Owner: f.Owners["product"], OwnerName: r.personName(f.Owners["product"]),
		Marketer: f.Owners["marketing"], MarketerName: r.personName(f.Owners["marketing"]),
	}
}

func (r *Roadmap) campaignSide(cp *Campaign) *Side {
	return &Side{ID: cp.ID, Title: cp.Title, Status: string(cp.Status), Owner: cp.Owner, OwnerName: r.personName(cp.Owner)}
}

func (r *Roadmap) objectiveSide(o *Objective) *Side {
	return &Side{ID: o.ID, Title: o.Title, Owner: o.Owner, OwnerName: r.personName(o.Owner)}
}
