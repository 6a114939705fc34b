package roadmap

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
)

// View is a roadmap as one audience may see it: plain data built only by
// (*Roadmap).View, holding nothing the audience may not see. Every export
// format renders a View and nothing else, so no renderer can reach a hidden
// item or field. A field the audience does not see is simply absent.
type View struct {
	Product  string `json:"product"`
	Audience string `json:"audience"`
	Title    string `json:"title"`
	// Disclaimer is set for every external audience.
	Disclaimer string `json:"disclaimer,omitempty"`
	// Generated is the day the export was made (today, or --today).
	Generated string `json:"generated"`
	// Revision is the git revision rendered, or "working tree".
	Revision string `json:"revision"`
	// Dates is the granularity dates are shown in.
	Dates Granularity `json:"dates"`
	// GroupBy is the grouping in force: the audience's, or "" when it
	// groups by a field the audience does not see (one group).
	GroupBy GroupBy `json:"group_by,omitempty"`
	// Level is features (the default, level 2) or themes (level 1).
	Level string `json:"level"`
	// Fields are the feature fields the audience sees, in a fixed order.
	Fields []string `json:"fields"`
	// Features counts the features the audience sees.
	Features int `json:"features"`
	// Periods are the board's columns, in time order: quarters (or halves,
	// or now/next/later) that visible features' targets fall in, then ""
	// for features without a target. Empty when targets are not shown.
	Periods []Period `json:"periods,omitempty"`
	// Groups hold the features, grouped by GroupBy in a stable order
	// (level features only).
	Groups     []Group      `json:"groups,omitempty"`
	Themes     []ViewTheme  `json:"themes,omitempty"`
	Objectives []ViewObject `json:"objectives,omitempty"`
	Personas   []ViewPerson `json:"personas,omitempty"`
	// Campaigns are the marketing roadmap's campaigns it sees (level
	// features only).
	Campaigns []ViewCampaign `json:"campaigns,omitempty"`
	// Since is what changed since an earlier revision, as the audience sees
	// it; nil unless asked for.
	Since *Since `json:"since,omitempty"`
}

// Period is one column of the board.
type Period struct {
	// Key is the period as a target (2027-Q1, 2027-H2, now) or "" for
	// features without a target.
	Key      string `json:"key"`
	Title    string `json:"title"`
	Features int    `json:"features"`
}

// Group is one group of features: a theme, a period, an objective or a
// status. Key is "" for the features that have none.
type Group struct {
	Key         string         `json:"key"`
	Title       string         `json:"title"`
	Description string         `json:"description,omitempty"`
	Color       string         `json:"color,omitempty"`
	Features    []*ViewFeature `json:"features"`
}

// ViewFeature is a feature as the audience sees it. ID is always there; the
// rest only when the audience's fields include it. Dates are coarsened to
// the audience's granularity; objectives, dependencies and personas list
// only what the audience sees.
type ViewFeature struct {
	ID          string   `json:"id"`
	Title       string   `json:"title,omitempty"`
	Summary     string   `json:"summary,omitempty"`
	Description string   `json:"description,omitempty"`
	Status      string   `json:"status,omitempty"`
	Theme       string   `json:"theme,omitempty"`
	Objectives  []string `json:"objectives,omitempty"`
	Owners      []Owner  `json:"owners,omitempty"`
	Target      string   `json:"target,omitempty"`
	// Period is the board column the target falls in.
	Period     string             `json:"period,omitempty"`
	Shipped    string             `json:"shipped,omitempty"`
	Launch     *ViewLaunch        `json:"launch,omitempty"`
	Scores     map[string]float64 `json:"scores,omitempty"`
	Messaging  *ViewMessaging     `json:"messaging,omitempty"`
	Visibility string             `json:"visibility,omitempty"`
	DependsOn  []string           `json:"depends_on,omitempty"`
	Customers  []string           `json:"customers,omitempty"`
	Links      []string           `json:"links,omitempty"`
	Notes      string             `json:"notes,omitempty"`
	Tags       []string           `json:"tags,omitempty"`
}

// Owner is who holds a role for a feature or an objective.
type Owner struct {
	Role   string `json:"role,omitempty"`
	Person string `json:"person"`
	Name   string `json:"name"`
}

// ViewLaunch is a feature's launch as the audience sees it.
type ViewLaunch struct {
	Size  string   `json:"size,omitempty"`
	Date  string   `json:"date,omitempty"`
	Event string   `json:"event,omitempty"`
	Done  []string `json:"done,omitempty"`
}

// ViewMessaging is what marketing says about a feature, as far as the
// audience sees it.
type ViewMessaging struct {
	Value          string   `json:"value,omitempty"`
	Personas       []string `json:"personas,omitempty"`
	Differentiator string   `json:"differentiator,omitempty"`
}

// ViewTheme is a theme some visible feature belongs to: only its id, title,
// description and colour, and how many visible features it has.
type ViewTheme struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// Color is a #rrggbb colour, or "" when none (or a malformed one) is set.
	Color    string `json:"color,omitempty"`
	Features int    `json:"features"`
	// Periods count the theme's visible features per board column (level
	// themes only).
	Periods []Period `json:"periods,omitempty"`
}

// ViewObject is an objective the audience sees.
type ViewObject struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Kind     string `json:"kind,omitempty"`
	Owner    *Owner `json:"owner,omitempty"`
	Metric   string `json:"metric,omitempty"`
	Baseline string `json:"baseline,omitempty"`
	Target   string `json:"target,omitempty"`
	Due      string `json:"due,omitempty"`
	// Features counts the visible features that serve it.
	Features int `json:"features"`
}

// ViewPerson is a persona some visible feature's messaging speaks to.
type ViewPerson struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Since is what changed since an earlier revision.
type Since struct {
	Revision string   `json:"revision"`
	Changes  []Change `json:"changes"`
}

// ViewOptions say how a view is made.
type ViewOptions struct {
	// Today places horizons and is the view's generation date.
	Today Date
	// Revision names what is rendered; "" is the working tree.
	Revision string
	// Themes asks for the level-1 view: themes and their periods, no
	// features.
	Themes bool
}

// The levels of a view.
const (
	LevelFeatures = "features"
	LevelThemes   = "themes"
)

var viewColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// View is the audience filter: the one place that decides what of r the
// audience a may see. It copies only what a sees into plain data.
func (r *Roadmap) View(a *AudiencePolicy, opts ViewOptions) *View {
	v := &View{
		Product: r.Product, Audience: a.Name, Title: a.Title, Disclaimer: a.Disclaimer,
		Generated: opts.Today.String(), Revision: opts.Revision,
		Dates: a.Dates, Level: LevelFeatures, Fields: slices.Clone(a.Fields),
	}
	if v.Revision == "" {
		v.Revision = "working tree"
	}
	if opts.Themes {
		v.Level = LevelThemes
	}
	if v.Fields == nil {
		v.Fields = []string{}
	}

	var visible []*Feature
	seen := map[string]bool{}
	for _, f := range r.Features {
		if a.SeesFeature(f) && !seen[f.ID] {
			seen[f.ID] = true
			visible = append(visible, f)
		}
	}
	v.Features = len(visible)
	objectives := map[string]*Objective{}
	if a.Shows("objectives") {
		for _, o := range r.Objectives {
			if a.Sees(o.Visibility) && objectives[o.ID] == nil {
				objectives[o.ID] = o
			}
		}
	}

	features := make([]*ViewFeature, len(visible))
	periodOf := make(map[*ViewFeature]Target, len(visible))
	for i, f := range visible {
		vf := r.viewFeature(a, f, opts.Today, seen, objectives)
		if a.Shows("target") {
			p := period(f.Target, a.Dates, opts.Today)
			vf.Period = p.String()
			periodOf[vf] = p
		}
		features[i] = vf
	}
	// Order by what the audience sees (its coarsened target, then id), so
	// the order reveals nothing finer than the dates shown.
	shown := make(map[*ViewFeature]Target, len(features))
	for _, vf := range features {
		shown[vf] = mustTarget(vf.Target)
	}
	slices.SortStableFunc(features, func(x, y *ViewFeature) int {
		return cmp.Or(shown[x].Compare(shown[y]), cmp.Compare(x.ID, y.ID))
	})

	v.Themes = r.viewThemes(a, features)
	if opts.Themes {
		// Level 1 is themes alone: no feature, objective or persona; its
		// columns are horizons, and what has shipped when the audience sees
		// status.
		if a.Shows("target") {
			v.Dates = DatesHorizon
			v.Periods = horizonPeriods(features, opts.Today)
		}
		for i := range v.Themes {
			var mine []*ViewFeature
			for _, vf := range features {
				if vf.Theme == v.Themes[i].ID {
					mine = append(mine, vf)
				}
			}
			if a.Shows("target") {
				v.Themes[i].Periods = horizonPeriods(mine, opts.Today)
			}
		}
		return v
	}
	v.Objectives = r.viewObjectives(a, features, objectives, opts.Today)
	v.Personas = r.viewPersonas(features)
	if a.Shows("target") {
		v.Periods = periods(features, periodOf)
	}
	v.GroupBy, v.Groups = group(a, features, v.Themes, v.Objectives, v.Periods)
	v.Campaigns = r.viewCampaigns(a, features, v.Objectives, opts.Today)
	return v
}

// CoarseDates reports whether the view shows dates coarser than they are
// written: its granularity is not exact and it shows a date at all.
func (v *View) CoarseDates() bool {
	return v.Dates != DatesExact && slices.ContainsFunc(v.Fields, func(f string) bool {
		return f == "target" || f == "shipped" || f == "launch"
	})
}

func mustTarget(s string) Target {
	t, _ := ParseTarget(s)
	return t
}

// viewFeature copies the fields of f that a sees.
func (r *Roadmap) viewFeature(a *AudiencePolicy, f *Feature, today Date, visible map[string]bool, objectives map[string]*Objective) *ViewFeature {
	vf := &ViewFeature{ID: f.ID}
	show := a.Shows
	if show("title") {
		vf.Title = f.Title
	}
	if show("summary") {
		vf.Summary = f.Summary
	}
	if show("description") {
		vf.Description = f.Description
	}
	if show("status") {
		vf.Status = string(f.Status)
	}
	if show("theme") && r.Theme(f.Theme) != nil {
		vf.Theme = f.Theme
	}
	if show("objectives") {
		for _, id := range f.Objectives {
			if objectives[id] != nil && !slices.Contains(vf.Objectives, id) {
				vf.Objectives = append(vf.Objectives, id)
			}
		}
	}
	if show("owners") {
		for _, role := range ownerRoles(f.Owners) {
			vf.Owners = append(vf.Owners, r.owner(role, f.Owners[role]))
		}
	}
	if show("target") {
		vf.Target = Coarsen(f.Target, a.Dates, today).String()
	}
	if show("shipped") && a.Dates != DatesHorizon {
		// A horizon says where work is going, not when it happened.
		vf.Shipped = CoarsenDate(f.Shipped, a.Dates, today)
	}
	if show("launch") && f.Launch != nil {
		l := &ViewLaunch{Size: f.Launch.Size, Date: CoarsenDate(f.Launch.Date, a.Dates, today), Event: f.Launch.Event, Done: slices.Clone(f.Launch.Done)}
		if l.Size != "" || l.Date != "" || l.Event != "" || len(l.Done) > 0 {
			vf.Launch = l
		}
	}
	if show("scores") && len(f.Scores) > 0 {
		vf.Scores = make(map[string]float64, len(f.Scores))
		for k, s := range f.Scores {
			vf.Scores[k] = s
		}
	}
	if m := f.Messaging; m != nil {
		vm := &ViewMessaging{}
		if show("messaging.value") {
			vm.Value = m.Value
		}
		if show("messaging.personas") {
			for _, id := range m.Personas {
				if r.Persona(id) != nil && !slices.Contains(vm.Personas, id) {
					vm.Personas = append(vm.Personas, id)
				}
			}
		}
		if show("messaging.differentiator") {
			vm.Differentiator = m.Differentiator
		}
		if vm.Value != "" || len(vm.Personas) > 0 || vm.Differentiator != "" {
			vf.Messaging = vm
		}
	}
	if show("visibility") {
		vf.Visibility = string(f.Visibility)
	}
	if show("depends_on") {
		for _, id := range f.DependsOn {
			if visible[id] && !slices.Contains(vf.DependsOn, id) {
				vf.DependsOn = append(vf.DependsOn, id)
			}
		}
	}
	if show("customers") {
		vf.Customers = slices.Clone(f.Customers)
	}
	if show("links") {
		vf.Links = slices.Clone(f.Links)
	}
	if show("notes") {
		vf.Notes = f.Notes
	}
	if show("tags") {
		vf.Tags = slices.Clone(f.Tags)
	}
	return vf
}

// ownerRoles orders roles as people read them: product, marketing, then the
// others by name.
func ownerRoles(owners map[string]string) []string {
	roles := sortedKeys(owners)
	rank := func(r string) int {
		switch r {
		case "product":
			return 0
		case "marketing":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(roles, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	return roles
}

func (r *Roadmap) owner(role, id string) Owner {
	o := Owner{Role: role, Person: id, Name: id}
	if p := r.Person(id); p != nil && p.Name != "" {
		o.Name = p.Name
	}
	return o
}

// viewThemes are the themes some visible feature shows, in written order,
// with the count of those features.
func (r *Roadmap) viewThemes(a *AudiencePolicy, features []*ViewFeature) []ViewTheme {
	if !a.Shows("theme") {
		return nil
	}
	count := map[string]int{}
	for _, vf := range features {
		if vf.Theme != "" {
			count[vf.Theme]++
		}
	}
	var out []ViewTheme
	done := map[string]bool{}
	for _, t := range r.Themes {
		if count[t.ID] == 0 || done[t.ID] {
			continue
		}
		done[t.ID] = true
		vt := ViewTheme{ID: t.ID, Title: t.Title, Description: t.Description, Features: count[t.ID]}
		if viewColor.MatchString(t.Color) {
			vt.Color = strings.ToLower(t.Color)
		}
		out = append(out, vt)
	}
	return out
}

// viewObjectives are the objectives the audience sees, in written order,
// with the count of visible features serving each.
func (r *Roadmap) viewObjectives(a *AudiencePolicy, features []*ViewFeature, objectives map[string]*Objective, today Date) []ViewObject {
	if len(objectives) == 0 {
		return nil
	}
	count := map[string]int{}
	for _, vf := range features {
		for _, id := range vf.Objectives {
			count[id]++
		}
	}
	var out []ViewObject
	done := map[string]bool{}
	for _, o := range r.Objectives {
		if objectives[o.ID] != o || done[o.ID] {
			continue
		}
		done[o.ID] = true
		vo := ViewObject{
			ID: o.ID, Title: o.Title, Metric: o.Metric, Baseline: o.Baseline, Target: o.Goal,
			Due: Coarsen(o.Due, a.Dates, today).String(), Features: count[o.ID],
		}
		if !a.External {
			vo.Kind = string(o.Kind)
		}
		if a.Shows("owners") && o.Owner != "" {
			ow := r.owner("", o.Owner)
			vo.Owner = &ow
		}
		out = append(out, vo)
	}
	return out
}

// viewPersonas are the personas that visible messaging speaks to, in
// written order.
func (r *Roadmap) viewPersonas(features []*ViewFeature) []ViewPerson {
	used := map[string]bool{}
	for _, vf := range features {
		if vf.Messaging != nil {
			for _, id := range vf.Messaging.Personas {
				used[id] = true
			}
		}
	}
	var out []ViewPerson
	for _, p := range r.Personas {
		if used[p.ID] {
			delete(used, p.ID)
			out = append(out, ViewPerson{ID: p.ID, Name: p.Name})
		}
	}
	return out
}

// periods lists the board columns of features, in time order, "" last.
func periods(features []*ViewFeature, periodOf map[*ViewFeature]Target) []Period {
	count := map[string]int{}
	var keys []Target
	for _, vf := range features {
		p := periodOf[vf]
		if count[p.String()] == 0 {
			keys = append(keys, p)
		}
		count[p.String()]++
	}
	slices.SortFunc(keys, Target.Compare)
	out := make([]Period, len(keys))
	for i, k := range keys {
		out[i] = Period{Key: k.String(), Title: PeriodTitle(k.String()), Features: count[k.String()]}
	}
	return out
}

// PeriodShipped is the column of the themes view that counts what has
// shipped, before now, next and later.
const PeriodShipped = "shipped"

// horizonPeriods counts features per column of the themes view: shipped
// (when the audience sees status), now, next, later, and no date. The
// horizon is that of the target the audience sees, so the column tells no
// more than its dates do.
func horizonPeriods(features []*ViewFeature, today Date) []Period {
	count := map[string]int{}
	for _, vf := range features {
		if vf.Status == string(StatusShipped) {
			count[PeriodShipped]++
		} else {
			count[Coarsen(mustTarget(vf.Target), DatesHorizon, today).String()]++
		}
	}
	var out []Period
	for _, k := range []string{PeriodShipped, HorizonNow, HorizonNext, HorizonLater, ""} {
		if count[k] > 0 {
			out = append(out, Period{Key: k, Title: PeriodTitle(k), Features: count[k]})
		}
	}
	return out
}

// PeriodTitle is how a board column is headed: the period, Now, Next or
// Later, or "No date".
func PeriodTitle(key string) string {
	switch key {
	case "":
		return "No date"
	case HorizonNow:
		return "Now"
	case HorizonNext:
		return "Next"
	case HorizonLater:
		return "Later"
	case PeriodShipped:
		return "Shipped"
	}
	return key
}

// group sorts features into groups by the audience's grouping. A grouping
// by a field the audience does not see would show that field, so it gives
// one group instead.
func group(a *AudiencePolicy, features []*ViewFeature, themes []ViewTheme, objectives []ViewObject, ps []Period) (GroupBy, []Group) {
	by := a.GroupBy
	field := string(by)
	if by == "objective" {
		field = "objectives"
	}
	if !a.Shows(field) {
		return "", []Group{{Key: "", Title: allFeatures, Features: orEmpty(features)}}
	}
	var groups []Group
	at := map[string]int{}
	add := func(key, title, desc, color string) {
		at[key] = len(groups)
		groups = append(groups, Group{Key: key, Title: title, Description: desc, Color: color})
	}
	switch by {
	case "theme":
		for _, t := range themes {
			add(t.ID, t.Title, t.Description, t.Color)
		}
		add("", otherFeatures, "", "")
	case "objective":
		for _, o := range objectives {
			add(o.ID, o.Title, "", "")
		}
		add("", otherFeatures, "", "")
	case "status":
		for _, s := range Statuses {
			add(string(s), StatusTitle(string(s)), "", "")
		}
		add("", otherFeatures, "", "")
	default:
		for _, p := range ps {
			add(p.Key, p.Title, "", "")
		}
	}
	for _, vf := range features {
		var key string
		switch by {
		case "theme":
			key = vf.Theme
		case "objective":
			if len(vf.Objectives) > 0 {
				key = vf.Objectives[0]
			}
		case "status":
			key = vf.Status
		default:
			key = vf.Period
		}
		i, ok := at[key]
		if !ok {
			i = at[""]
		}
		groups[i].Features = append(groups[i].Features, vf)
	}
	groups = slices.DeleteFunc(groups, func(g Group) bool { return len(g.Features) == 0 })
	if len(groups) == 1 && groups[0].Key == "" {
		groups[0].Title = allFeatures
	}
	return by, groups
}

// The titles of the group of features without a key: beside other groups,
// and alone.
const (
	otherFeatures = "Other features"
	allFeatures   = "All features"
)

func orEmpty(fs []*ViewFeature) []*ViewFeature {
	if fs == nil {
		return []*ViewFeature{}
	}
	return fs
}

// StatusTitle is a status as a heading: "In progress".
func StatusTitle(s string) string {
	if s == "" {
		return s
	}
	s = strings.ReplaceAll(s, "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Theme returns the view's theme with the given id, or nil; for renderers
// and templates.
func (v *View) Theme(id string) *ViewTheme {
	for i := range v.Themes {
		if v.Themes[i].ID == id {
			return &v.Themes[i]
		}
	}
	return nil
}

// Objective returns the view's objective with the given id, or nil.
func (v *View) Objective(id string) *ViewObject {
	for i := range v.Objectives {
		if v.Objectives[i].ID == id {
			return &v.Objectives[i]
		}
	}
	return nil
}

// Persona returns the view's persona with the given id, or nil.
func (v *View) Persona(id string) *ViewPerson {
	for i := range v.Personas {
		if v.Personas[i].ID == id {
			return &v.Personas[i]
		}
	}
	return nil
}

// AllFeatures lists the view's features in group order.
func (v *View) AllFeatures() []*ViewFeature {
	var out []*ViewFeature
	for _, g := range v.Groups {
		out = append(out, g.Features...)
	}
	return out
}
