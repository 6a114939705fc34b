package roadmap

import (
	"fmt"
	"slices"
	"strings"
)

// The built-in audiences' names.
const (
	AudienceInternal  = "internal"
	AudienceSales     = "sales"
	AudienceCustomers = "customers"
	AudienceAnalysts  = "analysts"
)

// BuiltinAudienceNames lists the built-in audiences in the order help and
// errors show them.
var BuiltinAudienceNames = []string{AudienceInternal, AudienceSales, AudienceCustomers, AudienceAnalysts}

// builtinAudiences are format.md's table. Titles are filled in with the
// product's name when the audience is resolved.
var builtinAudiences = map[string]Audience{
	AudienceInternal: {
		Title:      "%s roadmap (internal)",
		Visibility: Visibilities,
		Statuses:   Statuses,
		Fields:     AudienceFields,
		Dates:      "exact",
		GroupBy:    "target",
		Disclaimer: "Internal: do not share outside the company.",
	},
	AudienceSales: {
		Title:      "%s roadmap for sales",
		Visibility: []Visibility{Public, NDA, Internal},
		Statuses:   []Status{StatusPlanned, StatusInProgress, StatusShipped},
		Fields:     []string{"title", "summary", "theme", "target", "status", "owners", "launch", "messaging", "customers"},
		Dates:      "month",
		GroupBy:    "target",
		Disclaimer: "For the sales team: do not forward to customers. Share what the customer roadmap shows; plans and dates may change.",
	},
	AudienceCustomers: {
		Title:      "%s roadmap",
		Visibility: []Visibility{Public},
		Statuses:   []Status{StatusPlanned, StatusInProgress, StatusShipped},
		Fields:     []string{"title", "summary", "theme", "target", "status", "messaging.value"},
		Dates:      "quarter",
		GroupBy:    "theme",
		Disclaimer: DefaultDisclaimer,
	},
	AudienceAnalysts: {
		Title:      "%s roadmap for industry analysts",
		Visibility: []Visibility{Public, NDA},
		Statuses:   []Status{StatusPlanned, StatusInProgress, StatusShipped},
		Fields:     []string{"title", "summary", "theme", "target", "status", "messaging.value", "messaging.differentiator"},
		Dates:      "quarter",
		GroupBy:    "theme",
		Disclaimer: "Shared under NDA where marked. " + DefaultDisclaimer,
	},
}

// DefaultDisclaimer is what an external audience's export says when its
// definition sets no disclaimer.
const DefaultDisclaimer = "This roadmap shows our current plans. Plans and dates may change without notice; do not base purchase decisions on them."

// externalNeverVisibility and externalNeverStatus are the items an external
// audience never sees, whatever its settings say: confidential is more
// closed than internal, and dropped features are kept for history.
const (
	externalNeverVisibility = Confidential
	externalNeverStatus     = StatusDropped
)

// externalNever are the feature fields an external audience never sees,
// whatever its settings say: owners because they are people.
var externalNever = []string{"notes", "customers", "links", "scores", "owners"}

// fieldParts are the fields a parent field stands for in an audience's list.
var fieldParts = map[string][]string{
	"messaging": {"messaging.value", "messaging.personas", "messaging.differentiator"},
}

// AudiencePolicy is an audience resolved for the filter: its roadmap.yaml
// definition merged over the built-in (or the customers audience, for a new
// name), field lists expanded, and for an external audience the hard floor
// of format.md applied. It is the only thing the filter consults.
type AudiencePolicy struct {
	Name       string
	Title      string
	Disclaimer string
	// External audiences do not see internal items; they get the hard floor.
	External bool
	// Defined is true when roadmap.yaml defines (or overrides) the audience.
	Defined    bool
	Visibility []Visibility
	Statuses   []Status
	// Fields are the feature fields shown, parents expanded into their parts,
	// in AudienceFields order.
	Fields  []string
	Dates   Granularity
	GroupBy GroupBy
}

// Sees reports whether the audience sees items of visibility v.
func (p *AudiencePolicy) Sees(v Visibility) bool { return slices.Contains(p.Visibility, v) }

// Shows reports whether the audience sees the feature field (a part such as
// messaging.value, or a whole field such as launch).
func (p *AudiencePolicy) Shows(field string) bool { return slices.Contains(p.Fields, field) }

// SeesFeature reports whether the audience sees the feature at all.
func (p *AudiencePolicy) SeesFeature(f *Feature) bool {
	return f != nil && p.Sees(f.Visibility) && slices.Contains(p.Statuses, f.Status)
}

// SeesAll reports whether the audience sees every visibility level, status
// and field: nothing is hidden from it.
func (p *AudiencePolicy) SeesAll() bool {
	if len(p.Visibility) != len(Visibilities) || len(p.Statuses) != len(Statuses) {
		return false
	}
	for _, f := range AudienceFields {
		if _, parent := fieldParts[f]; !parent && !p.Shows(f) {
			return false
		}
	}
	return true
}

// AudienceNames lists the audiences a roadmap offers: the built-in ones, then
// those roadmap.yaml adds, in name order.
func (r *Roadmap) AudienceNames() []string {
	names := slices.Clone(BuiltinAudienceNames)
	for _, n := range sortedKeys(r.Audiences) {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

// Audience resolves the audience called name. A definition in roadmap.yaml
// overrides the built-in audience of the same name key by key: the keys it
// gives replace the built-in's, the others are inherited (an empty list
// counts as not given). An audience with a new name starts from customers,
// the most closed built-in, so that forgetting a key never opens anything.
//
// An audience whose visibility lacks internal is external: whatever its
// settings say, it never sees confidential items, dropped features, notes,
// customers, links, scores or people (owners), and it always carries a
// disclaimer.
func (r *Roadmap) Audience(name string) (*AudiencePolicy, error) {
	base, builtin := builtinAudiences[name]
	def := r.Audiences[name]
	if !builtin && def == nil {
		names := r.AudienceNames()
		return nil, fmt.Errorf("unknown audience %q; audiences are %s%s", name, strings.Join(names, ", "), suggestion(name, names))
	}
	if !builtin {
		base = builtinAudiences[AudienceCustomers]
		base.Disclaimer = ""
	}
	if base.Title != "" {
		base.Title = fmt.Sprintf(base.Title, r.productName())
	} else {
		base.Title = r.productName() + " roadmap"
	}
	if def != nil {
		if def.Title != "" {
			base.Title = def.Title
		}
		if len(def.Visibility) > 0 {
			base.Visibility = def.Visibility
		}
		if len(def.Statuses) > 0 {
			base.Statuses = def.Statuses
		}
		if len(def.Fields) > 0 {
			base.Fields = def.Fields
		}
		if def.Dates != "" {
			base.Dates = def.Dates
		}
		if def.GroupBy != "" {
			base.GroupBy = def.GroupBy
		}
		if def.Disclaimer != "" {
			base.Disclaimer = def.Disclaimer
		}
	}
	p := &AudiencePolicy{
		Name: name, Title: base.Title, Disclaimer: base.Disclaimer, Defined: def != nil,
		Dates: base.Dates, GroupBy: base.GroupBy,
	}
	// Only known values pass: a misspelt level, status or field (which
	// validate reports) opens nothing.
	for _, v := range Visibilities {
		if slices.Contains(base.Visibility, v) {
			p.Visibility = append(p.Visibility, v)
		}
	}
	p.External = !p.Sees(Internal)
	for _, s := range Statuses {
		if slices.Contains(base.Statuses, s) {
			p.Statuses = append(p.Statuses, s)
		}
	}
	for _, f := range AudienceFields {
		if _, parent := fieldParts[f]; parent {
			continue
		}
		if slices.Contains(base.Fields, f) || slices.Contains(base.Fields, parentOf(f)) {
			p.Fields = append(p.Fields, f)
		}
	}
	if !slices.Contains(Granularities, p.Dates) {
		p.Dates = "horizon"
	}
	if !slices.Contains(GroupBys, p.GroupBy) {
		p.GroupBy = "theme"
	}
	if p.External {
		// The hard floor: confidential is more closed than internal, so an
		// audience that may not see internal items may not see it either.
		p.Visibility = slices.DeleteFunc(p.Visibility, func(v Visibility) bool { return v == externalNeverVisibility })
		p.Statuses = slices.DeleteFunc(p.Statuses, func(s Status) bool { return s == externalNeverStatus })
		p.Fields = slices.DeleteFunc(p.Fields, func(f string) bool { return slices.Contains(externalNever, f) })
		if strings.TrimSpace(p.Disclaimer) == "" {
			p.Disclaimer = DefaultDisclaimer
		}
	}
	return p, nil
}

func (r *Roadmap) productName() string {
	if r.Product == "" {
		return "Product"
	}
	return r.Product
}

// parentOf is the field a part belongs to: messaging for messaging.value.
func parentOf(field string) string {
	if i := strings.IndexByte(field, '.'); i > 0 {
		return field[:i]
	}
	return ""
}
