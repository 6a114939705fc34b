package roadmap

import (
	"cmp"
	"fmt"
	"slices"
)

// ReportHistory is what a report reads from git: every commit that changed
// the roadmap, oldest first, with the features it changed, and a way to load
// the roadmap as of one of them.
type ReportHistory struct {
	Commits []ReportCommit
	// Load returns the roadmap as commit i left it, a file that does not
	// parse there read as it last parsed (and a note says so); a report
	// reads only its features, and Load may give only those.
	Load func(i int) (*Roadmap, error)
}

// ReportCommit is one commit that changed the roadmap.
type ReportCommit struct {
	Commit *Commit
	// When is the day the commit landed (its committer date).
	When     Date
	Features []FeatureChange
}

// FeatureChange is a feature before and after a commit; nil when absent.
type FeatureChange struct {
	ID       string
	Old, New *Feature
}

// ReportOptions choose the quarters a report covers.
type ReportOptions struct {
	// From and To are the first and last quarter; zero for the quarter the
	// roadmap began in and the current quarter.
	From, To Target
	Today    Date
	// Visible, if set, keeps only the features an audience may see.
	Visible func(*Feature) bool
}

// Report is how the roadmap kept its word.
type Report struct {
	Quarters []QuarterReport `json:"quarters"`
	Features []FeatureReport `json:"features"`
	Owners   []GroupReport   `json:"owners"`
	Themes   []GroupReport   `json:"themes"`
	// Planned, Shipped and Open sum the quarters' planned features.
	Planned int `json:"planned"`
	Shipped int `json:"shipped"`
	Open    int `json:"open"`
	// SayDo is Shipped / (Planned - Open), as for each quarter, owner and
	// theme; nil while nothing planned is decided.
	SayDo *float64 `json:"say_do"`
}

// Outcomes of a planned feature at the end of its quarter.
const (
	OutcomeShipped = "shipped"
	OutcomeSlipped = "slipped" // re-targeted to a later period
	OutcomeMissed  = "missed"  // still targeted at the quarter or earlier, not shipped
	OutcomeOpen    = "open"    // not decided yet: in a quarter not over, no other outcome so far
	OutcomeDropped = "dropped"
	OutcomeParked  = "parked"
	OutcomeRemoved = "removed" // deleted from the roadmap
)

// QuarterReport compares the plan at a quarter's start with its end.
type QuarterReport struct {
	Quarter string `json:"quarter"`
	// InProgress is true for the current quarter, measured against today.
	InProgress bool `json:"in_progress"`
	// PlanCommit is the commit the plan is read at, ActualCommit the one the
	// outcome is read at.
	PlanCommit   *Commit   `json:"plan_commit"`
	ActualCommit *Commit   `json:"actual_commit"`
	Planned      []Outcome `json:"planned"`
	// Unplanned are features shipped within the quarter that its plan did not
	// hold for it: early (planned for later) or unplanned.
	Unplanned []Outcome      `json:"unplanned"`
	Counts    map[string]int `json:"counts"`
	// SayDo is shipped / (planned - open): open features are not judged yet.
	SayDo *float64 `json:"say_do"`
}

// Outcome is what happened to one feature in a quarter.
type Outcome struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Owner   string `json:"owner,omitempty"`
	Theme   string `json:"theme,omitempty"`
	Outcome string `json:"outcome"`
	// Target is the target at the quarter's end (where a slip went).
	Target  string `json:"target,omitempty"`
	Shipped string `json:"shipped,omitempty"`
}

// Slip is one move of a feature's target to a later period.
type Slip struct {
	Commit *Commit `json:"commit"`
	From   string  `json:"from"`
	To     string  `json:"to"`
	Days   int     `json:"days"`
}

// FeatureReport is one feature's record over the report's range.
type FeatureReport struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Owner     string `json:"owner,omitempty"`
	Theme     string `json:"theme,omitempty"`
	Slips     []Slip `json:"slips"`
	TotalSlip int    `json:"total_slip_days"`
	// FirstPlanned is the day the feature was first planned (status planned
	// or in progress with a target); Shipped the day it shipped.
	FirstPlanned string `json:"first_planned,omitempty"`
	Shipped      string `json:"shipped,omitempty"`
	LeadDays     *int   `json:"lead_days,omitempty"`
}

// GroupReport sums up the features of one owner or theme.
type GroupReport struct {
	Name string `json:"name"`
	// Planned, Shipped and Open sum the group's rows of the quarters, and
	// SayDo is Shipped / (Planned - Open), as for a quarter.
	Planned     int      `json:"planned"`
	Shipped     int      `json:"shipped"`
	Open        int      `json:"open"`
	SayDo       *float64 `json:"say_do"`
	Slips       int      `json:"slips"`
	AverageSlip float64  `json:"average_slip_days"`
}

// QuarterOf is the quarter a day falls in.
func QuarterOf(d Date) Target {
	return MustTarget(fmt.Sprintf("%04d-Q%d", d.Year(), (int(d.Month())-1)/3+1))
}

// nextQuarter is the quarter after q.
func nextQuarter(q Target) Target { return QuarterOf(q.End().AddDays(1)) }

// committed reports whether a feature counts as planned for its target.
func committed(f *Feature) bool {
	return f.Status == StatusPlanned || f.Status == StatusInProgress
}

// BuildReport compares, quarter by quarter, the plan at each quarter's start
// with the roadmap at its end, and follows every feature's target across
// the commits.
func BuildReport(h ReportHistory, o ReportOptions) (*Report, error) {
	if len(h.Commits) == 0 {
		return &Report{}, nil
	}
	visible := o.Visible
	if visible == nil {
		visible = func(*Feature) bool { return true }
	}
	began := h.Commits[0].When
	from, to := o.From, o.To
	if from.IsZero() {
		from = QuarterOf(began)
	}
	if to.IsZero() {
		to = QuarterOf(o.Today)
	}
	// asOf is the index of the last commit landed before day d, or -1.
	asOf := func(d Date) int {
		i, _ := slices.BinarySearchFunc(h.Commits, d, func(c ReportCommit, d Date) int {
			if c.When.Before(d) {
				return -1
			}
			return 1
		})
		return i - 1
	}
	loaded := map[int]*Roadmap{}
	load := func(i int) (*Roadmap, error) {
		if r, ok := loaded[i]; ok {
			return r, nil
		}
		r, err := h.Load(i)
		loaded[i] = r
		return r, err
	}
	rep := &Report{Quarters: []QuarterReport{}}
	for q := from; q.Compare(to) <= 0; q = nextQuarter(q) {
		if q.End().Before(began) {
			continue
		}
		qr := QuarterReport{Quarter: q.String(), Planned: []Outcome{}, Unplanned: []Outcome{}, Counts: map[string]int{}}
		planAt := asOf(q.Start())
		if planAt < 0 {
			planAt = 0 // the roadmap began inside the quarter
		}
		end := q.End().AddDays(1)
		if !o.Today.IsZero() && !o.Today.After(q.End()) {
			qr.InProgress = true
			end = o.Today.AddDays(1)
		}
		actualAt := asOf(end)
		if actualAt < planAt {
			actualAt = planAt
		}
		plan, err := load(planAt)
		if err != nil {
			return nil, err
		}
		actual, err := load(actualAt)
		if err != nil {
			return nil, err
		}
		qr.PlanCommit, qr.ActualCommit = h.Commits[planAt].Commit, h.Commits[actualAt].Commit
		inPlan := map[string]bool{}
		for _, f := range plan.Features {
			if !committed(f) || f.Target.IsZero() || !f.Target.Within(q) || !visible(f) || inPlan[f.ID] {
				continue
			}
			inPlan[f.ID] = true
			out := Outcome{ID: f.ID, Title: f.Title, Owner: f.Owners["product"], Theme: f.Theme}
			now := actual.Feature(f.ID)
			switch {
			case now == nil || !visible(now):
				out.Outcome = OutcomeRemoved
			case now.Status == StatusShipped:
				out.Outcome = OutcomeShipped
				out.Shipped = now.Shipped.String()
			case now.Status == StatusDropped:
				out.Outcome = OutcomeDropped
			case now.Status == StatusParked:
				out.Outcome = OutcomeParked
			case !now.Target.IsZero() && !now.Target.Within(q) && q.EndsBefore(now.Target):
				out.Outcome = OutcomeSlipped
			case qr.InProgress:
				out.Outcome = OutcomeOpen
			default:
				out.Outcome = OutcomeMissed
			}
			if now != nil {
				out.Target = now.Target.String()
			}
			qr.Counts[out.Outcome]++
			qr.Planned = append(qr.Planned, out)
		}
		for _, f := range actual.Features {
			if f.Status != StatusShipped || inPlan[f.ID] || !visible(f) || f.Shipped.IsZero() || !q.Contains(f.Shipped) {
				continue
			}
			out := Outcome{ID: f.ID, Title: f.Title, Owner: f.Owners["product"], Theme: f.Theme, Shipped: f.Shipped.String(), Target: f.Target.String(), Outcome: "unplanned"}
			if before := plan.Feature(f.ID); before != nil && !before.Target.IsZero() && q.EndsBefore(before.Target) {
				out.Outcome = "early"
			}
			qr.Counts[out.Outcome]++
			qr.Unplanned = append(qr.Unplanned, out)
		}
		qr.Counts["planned"] = len(qr.Planned)
		qr.SayDo = sayDo(qr.Counts[OutcomeShipped], len(qr.Planned), qr.Counts[OutcomeOpen])
		rep.Planned += len(qr.Planned)
		rep.Shipped += qr.Counts[OutcomeShipped]
		rep.Open += qr.Counts[OutcomeOpen]
		rep.Quarters = append(rep.Quarters, qr)
	}
	rep.SayDo = sayDo(rep.Shipped, rep.Planned, rep.Open)
	// The features' slips and shipments are those of the range too, up to
	// today at the latest: nothing committed after it counts.
	end := to.End()
	if !o.Today.IsZero() && o.Today.Before(end) {
		end = o.Today
	}
	if at := asOf(end.AddDays(1)); at >= 0 {
		last, err := load(at)
		if err != nil {
			return nil, err
		}
		rep.Features = featureRecords(h, from.Start(), end, last, visible)
	}
	rep.group()
	return rep, nil
}

// group sums the quarters and features up by owner and by theme.
func (rep *Report) group() {
	rep.Owners = groups(rep, func(o Outcome) string { return o.Owner }, func(f FeatureReport) string { return f.Owner })
	rep.Themes = groups(rep, func(o Outcome) string { return o.Theme }, func(f FeatureReport) string { return f.Theme })
}

// sayDo is shipped / (planned - open): what is still open is not judged yet.
func sayDo(shipped, planned, open int) *float64 { return ratio(shipped, planned-open) }

func ratio(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	r := float64(n) / float64(d)
	return &r
}

// featureRecords follows each feature through the commits up to the day
// end: its slips from the day start, the day it was first planned, the day
// it shipped, as last (the roadmap at end) records it.
func featureRecords(h ReportHistory, start, end Date, last *Roadmap, visible func(*Feature) bool) []FeatureReport {
	recs := map[string]*FeatureReport{}
	get := func(f *Feature) *FeatureReport {
		r, ok := recs[f.ID]
		if !ok {
			r = &FeatureReport{ID: f.ID, Slips: []Slip{}}
			recs[f.ID] = r
		}
		r.Title, r.Owner, r.Theme = f.Title, f.Owners["product"], f.Theme
		return r
	}
	for _, c := range h.Commits {
		if c.When.After(end) {
			break // the commits are in date order
		}
		inRange := !c.When.Before(start)
		for _, fc := range c.Features {
			n := fc.New
			if n == nil || !visible(n) {
				continue
			}
			r := get(n)
			if r.FirstPlanned == "" && committed(n) && !n.Target.IsZero() {
				r.FirstPlanned = c.When.String()
			}
			if o := fc.Old; o != nil && inRange && !o.Target.IsZero() && !n.Target.IsZero() && o.Target.EndsBefore(n.Target) && !n.Target.Within(o.Target) {
				days := 0
				if o.Target.Dated() && n.Target.Dated() {
					days = o.Target.End().DaysUntil(n.Target.End())
				}
				r.Slips = append(r.Slips, Slip{Commit: c.Commit, From: o.Target.String(), To: n.Target.String(), Days: days})
				r.TotalSlip += days
			}
		}
	}
	out := []FeatureReport{}
	for _, r := range recs {
		if f := last.Feature(r.ID); f != nil && visible(f) {
			r.Title, r.Owner, r.Theme = f.Title, f.Owners["product"], f.Theme
			if f.Status == StatusShipped && !f.Shipped.IsZero() {
				r.Shipped = f.Shipped.String()
				// A ship date recorded before the feature was first planned
				// (written in afterwards) has no lead time to tell.
				if first, err := ParseDate(r.FirstPlanned); err == nil && !f.Shipped.Before(first) {
					lead := first.DaysUntil(f.Shipped)
					r.LeadDays = &lead
				}
			}
		}
		if len(r.Slips) > 0 || r.Shipped != "" {
			out = append(out, *r)
		}
	}
	slices.SortFunc(out, func(a, b FeatureReport) int {
		return cmp.Or(cmp.Compare(b.TotalSlip, a.TotalSlip), cmp.Compare(len(b.Slips), len(a.Slips)), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// groups sums up say/do and slips by owner or theme.
func groups(rep *Report, ofOutcome func(Outcome) string, ofFeature func(FeatureReport) string) []GroupReport {
	by := map[string]*GroupReport{}
	get := func(name string) *GroupReport {
		if name == "" {
			name = "(none)"
		}
		g, ok := by[name]
		if !ok {
			g = &GroupReport{Name: name}
			by[name] = g
		}
		return g
	}
	for _, q := range rep.Quarters {
		for _, o := range q.Planned {
			g := get(ofOutcome(o))
			g.Planned++
			switch o.Outcome {
			case OutcomeShipped:
				g.Shipped++
			case OutcomeOpen:
				g.Open++
			}
		}
	}
	slipDays := map[string]int{}
	for _, f := range rep.Features {
		g := get(ofFeature(f))
		g.Slips += len(f.Slips)
		slipDays[g.Name] += f.TotalSlip
	}
	out := []GroupReport{}
	for name, g := range by {
		g.SayDo = sayDo(g.Shipped, g.Planned, g.Open)
		if g.Slips > 0 {
			g.AverageSlip = float64(slipDays[name]) / float64(g.Slips)
		}
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b GroupReport) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// Redact shows the report as audience p may see it: features it does not
// see are already left out (ReportOptions.Visible); here targets and dates
// are coarsened to its granularity, a slip within one of its periods is no
// slip (in the features and the sums by owner and theme alike), owners go
// unless it sees owners, themes unless it sees them, and commits (whose
// subjects and authors can say anything) unless it sees everything.
func (rep *Report) Redact(p *AudiencePolicy, today Date) {
	owners := p.Shows("owners") && !p.External
	themes := p.Shows("theme")
	commits := p.SeesAll()
	exact := p.Dates == DatesExact
	coarse := func(s string) string {
		t, err := ParseTarget(s)
		if err != nil || s == "" {
			return s
		}
		return Coarsen(t, p.Dates, today).String()
	}
	day := func(s string) string {
		d, err := ParseDate(s)
		if err != nil {
			return s
		}
		return CoarsenDate(d, p.Dates, today)
	}
	outcome := func(o *Outcome) {
		o.Target, o.Shipped = coarse(o.Target), day(o.Shipped)
		if !owners {
			o.Owner = ""
		}
		if !themes {
			o.Theme = ""
		}
	}
	for qi := range rep.Quarters {
		q := &rep.Quarters[qi]
		if !commits {
			q.PlanCommit, q.ActualCommit = nil, nil
		}
		for i := range q.Planned {
			outcome(&q.Planned[i])
		}
		for i := range q.Unplanned {
			outcome(&q.Unplanned[i])
		}
	}
	features := []FeatureReport{}
	for _, f := range rep.Features {
		if !owners {
			f.Owner = ""
		}
		if !themes {
			f.Theme = ""
		}
		if !exact {
			f.LeadDays, f.FirstPlanned = nil, ""
			f.Shipped = day(f.Shipped)
		}
		var slips []Slip
		f.TotalSlip = 0
		for _, s := range f.Slips {
			from, err1 := ParseTarget(coarse(s.From))
			to, err2 := ParseTarget(coarse(s.To))
			if err1 != nil || err2 != nil || !from.EndsBefore(to) {
				continue // within one period the audience sees, no slip
			}
			s.From, s.To, s.Days = from.String(), to.String(), 0
			if from.Dated() && to.Dated() {
				s.Days = from.End().DaysUntil(to.End())
			}
			if !commits {
				s.Commit = &Commit{Date: day(s.Commit.Date)}
			}
			f.TotalSlip += s.Days
			slips = append(slips, s)
		}
		f.Slips = slips
		if f.Slips == nil {
			f.Slips = []Slip{}
		}
		if len(f.Slips) > 0 || f.Shipped != "" {
			features = append(features, f)
		}
	}
	rep.Features = features
	// Summed again from what the audience sees: a slip within one of its
	// periods counts in no theme's slips either.
	rep.group()
	if !owners {
		rep.Owners = []GroupReport{}
	}
	if !themes {
		rep.Themes = []GroupReport{}
	}
}
