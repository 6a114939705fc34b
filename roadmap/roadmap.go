package roadmap

// Roadmap is every file of a roadmap merged: the settings of roadmap.yaml and
// the items of all files, in file order then written order.
type Roadmap struct {
	Settings
	Features   []*Feature
	Objectives []*Objective
	Campaigns  []*Campaign
	People     []*Person
	Themes     []*Theme
	Personas   []*Persona

	// Files are the files read, in byte order of their paths.
	Files []File
	// Findings are what loading found: syntax errors, unknown keys, bad values.
	Findings []Finding

	suppressions []suppression
	index        index
}

// File is one roadmap file as read.
type File struct {
	Path string
	Text []byte
}

type index struct {
	features   map[string]*Feature
	objectives map[string]*Objective
	campaigns  map[string]*Campaign
	people     map[string]*Person
	themes     map[string]*Theme
	personas   map[string]*Persona
}

// OfFeatures is a roadmap that holds only the given features, with the
// defaults Load gives them: what history's reports read of a past revision.
// It changes the features it is given.
func OfFeatures(features []*Feature) *Roadmap {
	r := &Roadmap{Features: features}
	r.applyDefaults()
	r.buildIndex()
	return r
}

// buildIndex maps ids to items; with duplicates, the first written wins.
func (r *Roadmap) buildIndex() {
	r.index = index{
		features:   byID(r.Features, func(f *Feature) string { return f.ID }),
		objectives: byID(r.Objectives, func(o *Objective) string { return o.ID }),
		campaigns:  byID(r.Campaigns, func(c *Campaign) string { return c.ID }),
		people:     byID(r.People, func(p *Person) string { return p.ID }),
		themes:     byID(r.Themes, func(t *Theme) string { return t.ID }),
		personas:   byID(r.Personas, func(p *Persona) string { return p.ID }),
	}
}

func byID[T any](items []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		if k := id(it); k != "" {
			if _, dup := m[k]; !dup {
				m[k] = it
			}
		}
	}
	return m
}

// Feature returns the feature with the given id, or nil.
func (r *Roadmap) Feature(id string) *Feature { return r.index.features[id] }

// Objective returns the objective with the given id, or nil.
func (r *Roadmap) Objective(id string) *Objective { return r.index.objectives[id] }

// Campaign returns the campaign with the given id, or nil.
func (r *Roadmap) Campaign(id string) *Campaign { return r.index.campaigns[id] }

// Person returns the person with the given id, or nil.
func (r *Roadmap) Person(id string) *Person { return r.index.people[id] }

// Theme returns the theme with the given id, or nil.
func (r *Roadmap) Theme(id string) *Theme { return r.index.themes[id] }

// Persona returns the persona with the given id, or nil.
func (r *Roadmap) Persona(id string) *Persona { return r.index.personas[id] }
