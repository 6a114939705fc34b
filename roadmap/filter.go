package roadmap

import (
	"fmt"
	"slices"
	"strings"
)

// Filter selects features: every set criterion must hold (AND), and within one
// criterion any of its values may match (OR).
type Filter struct {
	Statuses   []Status
	Owners     []string // a person in any owner role
	Themes     []string
	Objectives []string
	Targets    []Target // the feature's target lies within one of them
	Tags       []string
	// Today places dated targets in the horizons: --target now matches a
	// feature due this quarter.
	Today Date
}

// ParseFilter builds a Filter from command-line values, refusing unknown
// statuses and malformed targets.
func ParseFilter(statuses, owners, themes, objectives, targets, tags []string) (Filter, error) {
	f := Filter{Owners: owners, Themes: themes, Objectives: objectives, Tags: tags}
	opts := stringsOf(Statuses)
	for _, s := range statuses {
		if !slices.Contains(opts, s) {
			return Filter{}, fmt.Errorf("unknown status %q; statuses are %s%s", s, strings.Join(opts, ", "), suggestion(s, opts))
		}
		f.Statuses = append(f.Statuses, Status(s))
	}
	for _, t := range targets {
		p, err := ParseTarget(t)
		if err != nil {
			return Filter{}, err
		}
		f.Targets = append(f.Targets, p)
	}
	return f, nil
}

// Match reports whether feature x passes the filter.
func (f Filter) Match(x *Feature) bool {
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, x.Status) {
		return false
	}
	if len(f.Owners) > 0 && !slices.ContainsFunc(f.Owners, func(o string) bool {
		for _, p := range x.Owners {
			if p == o {
				return true
			}
		}
		return false
	}) {
		return false
	}
	if len(f.Themes) > 0 && !slices.Contains(f.Themes, x.Theme) {
		return false
	}
	if len(f.Objectives) > 0 && !slices.ContainsFunc(f.Objectives, func(o string) bool { return slices.Contains(x.Objectives, o) }) {
		return false
	}
	if len(f.Targets) > 0 && !slices.ContainsFunc(f.Targets, func(t Target) bool {
		if x.Target.IsZero() {
			return false
		}
		if t.IsHorizon() && !f.Today.IsZero() {
			return Coarsen(x.Target, DatesHorizon, f.Today).Within(t)
		}
		return x.Target.Within(t)
	}) {
		return false
	}
	if len(f.Tags) > 0 && !slices.ContainsFunc(f.Tags, func(t string) bool { return slices.Contains(x.Tags, t) }) {
		return false
	}
	return true
}

// Select returns the features that pass the filter, ordered by target (dated
// targets first, then now, next, later, then none) and id.
func (r *Roadmap) Select(f Filter) []*Feature {
	var out []*Feature
	for _, x := range r.Features {
		if f.Match(x) {
			out = append(out, x)
		}
	}
	slices.SortStableFunc(out, func(a, b *Feature) int {
		if c := a.Target.Compare(b.Target); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// Unknown lists the values of the filter that name no theme, objective or
// person of r, each with the nearest one as a suggestion: a typo should not
// quietly match nothing.
func (f Filter) Unknown(r *Roadmap) []string {
	var out []string
	check := func(flag string, values []string, exists func(string) bool, all []string) {
		for _, v := range values {
			if !exists(v) {
				out = append(out, fmt.Sprintf("%s %q names nothing in the roadmap%s", flag, v, suggestion(v, all)))
			}
		}
	}
	check("--theme", f.Themes, func(id string) bool { return r.Theme(id) != nil }, sortedKeys(r.index.themes))
	check("--objective", f.Objectives, func(id string) bool { return r.Objective(id) != nil }, sortedKeys(r.index.objectives))
	owners := map[string]bool{}
	for _, x := range r.Features {
		for _, p := range x.Owners {
			owners[p] = true
		}
	}
	check("--owner", f.Owners, func(id string) bool { return owners[id] || r.Person(id) != nil }, sortedKeys(owners))
	return out
}

// UnknownTags names the tags of f that no feature has, with the nearest one
// they do: not an error, as tags are free words, but a likely typo.
func (f Filter) UnknownTags(r *Roadmap) []string {
	tags := map[string]bool{}
	for _, x := range r.Features {
		for _, t := range x.Tags {
			tags[t] = true
		}
	}
	known := sortedKeys(tags)
	var out []string
	for _, t := range f.Tags {
		if !tags[t] {
			out = append(out, fmt.Sprintf("no feature has the tag %q%s", t, suggestion(t, known)))
		}
	}
	return out
}
