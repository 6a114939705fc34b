package roadmap

import "strings"

// Pos is a line and column (both from 1) in a roadmap file.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Located is where an item was written: its file, its first line, its last line,
// and the position of each of its fields by path ("status", "owners.product",
// "objectives[1]", "launch.size").
type Located struct {
	File string
	Pos  Pos
	End  int
	At   Positions
	// Invalid holds the fields written with a value that could not be read,
	// by path, each with the value as written ("\"2027-02-30\"", "a list").
	// invalid-value reports them; other rules take them as present but
	// unknown, never as missing or zero.
	Invalid map[string]string
	// Written holds, for each field in Invalid, its value as written: the
	// text of a scalar, a list or mapping in YAML's flow style. Diffs show it.
	Written map[string]string
}

// PosOf returns the position of the field at path, or the item's own position
// when the field was not written.
func (l *Located) PosOf(path string) Pos {
	if p, ok := l.At.Get(path); ok {
		return p
	}
	return l.Pos
}

// Has reports whether the field at path was written.
func (l *Located) Has(path string) bool {
	_, ok := l.At.Get(path)
	return ok
}

// Positions holds where each field of an item was written, by path. An item
// has a few dozen: a list, searched from its end so the latest position set
// wins, costs a load far less than a map per item. A long one (a list of
// thousands of ids) gets a map as well once decoded, so rules that look up
// each of its entries do not search it each time.
type Positions struct {
	list []fieldPos
	at   map[string]int // the index in list of each path's latest position
}

type fieldPos struct {
	path string
	pos  Pos
}

// indexAbove is how long a list of positions grows before it gets a map.
const indexAbove = 64

// Set records the position of the field at path.
func (p *Positions) Set(path string, at Pos) {
	p.list = append(p.list, fieldPos{path, at})
	if p.at != nil {
		p.at[path] = len(p.list) - 1
	}
}

// index makes the map of a long list; positions are set while a file is
// decoded and only read after, by rules that may run at once.
func (p *Positions) index() {
	if len(p.list) <= indexAbove || p.at != nil {
		return
	}
	p.at = make(map[string]int, len(p.list))
	for i, fp := range p.list {
		p.at[fp.path] = i
	}
}

// Get returns the position of the field at path, if it was written.
func (p *Positions) Get(path string) (Pos, bool) {
	if p.at != nil {
		i, ok := p.at[path]
		if !ok {
			return Pos{}, false
		}
		return p.list[i].pos, true
	}
	for i := len(p.list) - 1; i >= 0; i-- {
		if p.list[i].path == path {
			return p.list[i].pos, true
		}
	}
	return Pos{}, false
}

// Unreadable reports whether the field at path, or a field holding it
// ("launch" for "launch.date"), was written with a value that could not be
// read.
func (l *Located) Unreadable(path string) bool {
	if len(l.Invalid) == 0 {
		return false
	}
	for {
		if _, ok := l.Invalid[path]; ok {
			return true
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return false
		}
		path = path[:i]
	}
}

// Feature is one thing the product will do.
type Feature struct {
	Located     `json:"-"`
	ID          string             `json:"id" jsonschema:"required" roadmap:"id"`
	Title       string             `json:"title" jsonschema:"required"`
	Summary     string             `json:"summary,omitempty"`
	Description string             `json:"description,omitempty"`
	Status      Status             `json:"status" jsonschema:"required"`
	Theme       string             `json:"theme,omitempty" roadmap:"ref"`
	Objectives  []string           `json:"objectives,omitempty" roadmap:"ref"`
	Owners      map[string]string  `json:"owners,omitempty" jsonschema:"description=role -> person id" roadmap:"ref"`
	Target      Target             `json:"target,omitzero"`
	Shipped     Date               `json:"shipped,omitzero"`
	Launch      *Launch            `json:"launch,omitempty"`
	Scores      map[string]float64 `json:"scores,omitempty"`
	Messaging   *Messaging         `json:"messaging,omitempty"`
	Visibility  Visibility         `json:"visibility,omitempty" jsonschema:"default=internal"`
	DependsOn   []string           `json:"depends_on,omitempty" roadmap:"ref"`
	Customers   []string           `json:"customers,omitempty"`
	Links       []string           `json:"links,omitempty"`
	Notes       string             `json:"notes,omitempty"`
	Tags        []string           `json:"tags,omitempty"`
}

// Launch is how a feature is brought to market.
type Launch struct {
	Size  string   `json:"size,omitempty" jsonschema:"description=a launch tier: none, small, medium, large or one of launch_tiers"`
	Date  Date     `json:"date,omitzero"`
	Event string   `json:"event,omitempty"`
	Done  []string `json:"done,omitempty" roadmap:"ref"`
}

// Messaging is what marketing says about a feature.
type Messaging struct {
	Value          string   `json:"value,omitempty"`
	Personas       []string `json:"personas,omitempty" roadmap:"ref"`
	Differentiator string   `json:"differentiator,omitempty"`
}

// Objective is a goal that features and campaigns serve.
type Objective struct {
	Located    `json:"-"`
	ID         string        `json:"id" jsonschema:"required" roadmap:"id"`
	Title      string        `json:"title" jsonschema:"required"`
	Kind       ObjectiveKind `json:"kind,omitempty" jsonschema:"default=product"`
	Owner      string        `json:"owner,omitempty" roadmap:"ref"`
	Metric     string        `json:"metric,omitempty"`
	Baseline   string        `json:"baseline,omitempty" jsonschema:"oneof_type=string;number,description=the metric's value today"`
	Goal       string        `json:"target,omitempty" jsonschema:"oneof_type=string;number,description=the metric's target value"`
	Due        Target        `json:"due,omitzero"`
	Visibility Visibility    `json:"visibility,omitempty" jsonschema:"default=internal"`
}

// Person is someone who owns features, objectives or campaigns.
type Person struct {
	Located `json:"-"`
	ID      string `json:"id" jsonschema:"required" roadmap:"id"`
	Name    string `json:"name" jsonschema:"required"`
	Role    Role   `json:"role,omitempty"`
	Team    string `json:"team,omitempty"`
	Email   string `json:"email,omitempty"`
}

// Theme is a strategic area that groups features.
type Theme struct {
	Located     `json:"-"`
	ID          string `json:"id" jsonschema:"required" roadmap:"id"`
	Title       string `json:"title" jsonschema:"required"`
	Description string `json:"description,omitempty"`
	Color       string `json:"color,omitempty" jsonschema:"description=a #rrggbb colour for exports"`
}

// Persona is a kind of user that messaging speaks to.
type Persona struct {
	Located     `json:"-"`
	ID          string `json:"id" jsonschema:"required" roadmap:"id"`
	Name        string `json:"name" jsonschema:"required"`
	Description string `json:"description,omitempty"`
}

// Campaign is an item of the marketing roadmap.
type Campaign struct {
	Located    `json:"-"`
	ID         string         `json:"id" jsonschema:"required" roadmap:"id"`
	Title      string         `json:"title" jsonschema:"required"`
	Status     CampaignStatus `json:"status" jsonschema:"required"`
	Owner      string         `json:"owner,omitempty" roadmap:"ref"`
	Objectives []string       `json:"objectives,omitempty" roadmap:"ref"`
	Features   []string       `json:"features,omitempty" roadmap:"ref"`
	Channels   []string       `json:"channels,omitempty"`
	Start      Date           `json:"start,omitzero"`
	End        Date           `json:"end,omitzero"`
	Metric     string         `json:"metric,omitempty"`
	Goal       string         `json:"target,omitempty" jsonschema:"oneof_type=string;number,description=the metric's target value"`
	Visibility Visibility     `json:"visibility,omitempty" jsonschema:"default=internal"`
}

// Settings are the keys only roadmap.yaml may hold.
type Settings struct {
	Located     `json:"-"`
	Product     string               `json:"product,omitempty" jsonschema:"description=the product's name (required in roadmap.yaml)"`
	Vision      string               `json:"vision,omitempty"`
	Scoring     Scoring              `json:"scoring,omitzero"`
	LaunchTiers map[string]*Tier     `json:"launch_tiers,omitempty"`
	Audiences   map[string]*Audience `json:"audiences,omitempty"`
	Lint        Lint                 `json:"lint,omitzero"`
}

// Scoring chooses how features are scored and how much capacity each period has.
type Scoring struct {
	Model     ModelName          `json:"model,omitempty" jsonschema:"default=rice"`
	Formula   string             `json:"formula,omitempty"`
	Criteria  []Criterion        `json:"criteria,omitempty"`
	Capacity  map[string]float64 `json:"capacity,omitempty" jsonschema:"description=target period -> effort available"`
	ParkBelow *float64           `json:"park_below,omitempty"`
}

// Criterion is one weighted-model criterion.
type Criterion struct {
	ID     string  `json:"id" jsonschema:"required" roadmap:"id"`
	Weight float64 `json:"weight" jsonschema:"required"`
	Cost   bool    `json:"cost,omitempty"`
}

// Tier is a launch size and its playbook.
type Tier struct {
	Description string         `json:"description,omitempty"`
	Playbook    []PlaybookTask `json:"playbook,omitempty"`
}

// PlaybookTask is one task of a launch tier, due relative to launch day.
type PlaybookTask struct {
	ID    string `json:"id" jsonschema:"required" roadmap:"id"`
	Task  string `json:"task" jsonschema:"required"`
	Owner string `json:"owner,omitempty" jsonschema:"description=the owner role (a key of a feature's owners)"`
	Due   Offset `json:"due" jsonschema:"required"`
}

// Audience is who an export is for and what it may show.
type Audience struct {
	Title      string       `json:"title,omitempty"`
	Visibility []Visibility `json:"visibility,omitempty"`
	Statuses   []Status     `json:"statuses,omitempty"`
	Fields     []string     `json:"fields,omitempty"`
	Dates      Granularity  `json:"dates,omitempty"`
	GroupBy    GroupBy      `json:"group_by,omitempty"`
	Disclaimer string       `json:"disclaimer,omitempty"`
}

// Lint configures the rules.
type Lint struct {
	Rules  map[string]Level `json:"rules,omitempty" jsonschema:"description=rule id -> error, warning or off"`
	Ignore []string         `json:"ignore,omitempty" jsonschema:"description=path globs whose findings are not reported"`
}

// Document is one roadmap file. Any file may hold the lists; only roadmap.yaml
// may hold the settings.
type Document struct {
	Settings
	Objectives []*Objective `json:"objectives,omitempty"`
	Features   []*Feature   `json:"features,omitempty"`
	Campaigns  []*Campaign  `json:"campaigns,omitempty"`
	People     []*Person    `json:"people,omitempty"`
	Themes     []*Theme     `json:"themes,omitempty"`
	Personas   []*Persona   `json:"personas,omitempty"`
}

// settingsKeys are the top-level keys that only roadmap.yaml may hold.
var settingsKeys = map[string]bool{
	"product": true, "vision": true, "scoring": true,
	"launch_tiers": true, "audiences": true, "lint": true,
}
