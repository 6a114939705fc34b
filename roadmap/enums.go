package roadmap

import (
	"slices"

	"github.com/invopop/jsonschema"
)

// Status is where a feature stands.
type Status string

// The statuses of a feature.
const (
	StatusIdea       Status = "idea"
	StatusPlanned    Status = "planned"
	StatusInProgress Status = "in-progress"
	StatusShipped    Status = "shipped"
	StatusParked     Status = "parked"
	StatusDropped    Status = "dropped"
)

// Statuses lists every feature status in lifecycle order.
var Statuses = []Status{StatusIdea, StatusPlanned, StatusInProgress, StatusShipped, StatusParked, StatusDropped}

// Visibility says who may see an item.
type Visibility string

// The visibility levels, from the most open.
const (
	Public       Visibility = "public"
	NDA          Visibility = "nda"
	Internal     Visibility = "internal"
	Confidential Visibility = "confidential"
)

// Visibilities lists every level from the most open to the most closed.
var Visibilities = []Visibility{Public, NDA, Internal, Confidential}

// Role is a person's job.
type Role string

// Roles lists the roles a person may hold.
var Roles = []Role{"product", "marketing", "engineering", "design", "sales", "leadership", "analytics", "other"}

// ObjectiveKind says whose objective it is.
type ObjectiveKind string

// The kinds of objective.
const (
	KindProduct   ObjectiveKind = "product"
	KindMarketing ObjectiveKind = "marketing"
	KindShared    ObjectiveKind = "shared"
)

// ObjectiveKinds lists every objective kind.
var ObjectiveKinds = []ObjectiveKind{KindProduct, KindMarketing, KindShared}

// CampaignStatus is where a marketing campaign stands.
type CampaignStatus string

// The statuses of a campaign.
const (
	CampaignPlanned   CampaignStatus = "planned"
	CampaignRunning   CampaignStatus = "running"
	CampaignDone      CampaignStatus = "done"
	CampaignCancelled CampaignStatus = "cancelled"
)

// CampaignStatuses lists every campaign status.
var CampaignStatuses = []CampaignStatus{CampaignPlanned, CampaignRunning, CampaignDone, CampaignCancelled}

// Granularity is how precisely an audience sees dates.
type Granularity string

// Granularities lists the date granularities, from the finest.
var Granularities = []Granularity{"exact", "month", "quarter", "half", "horizon"}

// GroupBy is how an export groups its features.
type GroupBy string

// GroupBys lists the groupings an audience may choose.
var GroupBys = []GroupBy{"theme", "target", "objective", "status"}

// ModelName names a scoring model.
type ModelName string

// The scoring models.
const (
	ModelRICE     ModelName = "rice"
	ModelICE      ModelName = "ice"
	ModelWSJF     ModelName = "wsjf"
	ModelWeighted ModelName = "weighted"
	ModelFormula  ModelName = "formula"
)

// ModelNames lists every scoring model.
var ModelNames = []ModelName{ModelRICE, ModelICE, ModelWSJF, ModelWeighted, ModelFormula}

// Level is a rule's severity as configured: error, warning or off.
type Level string

// Levels lists the severities a rule may be set to.
var Levels = []Level{"error", "warning", "off"}

// enum is implemented by the string types whose values are a closed list; the
// loader checks them and suggests the nearest value.
type enum interface {
	options() []string
}

func stringsOf[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func (Status) options() []string         { return stringsOf(Statuses) }
func (Visibility) options() []string     { return stringsOf(Visibilities) }
func (Role) options() []string           { return stringsOf(Roles) }
func (ObjectiveKind) options() []string  { return stringsOf(ObjectiveKinds) }
func (CampaignStatus) options() []string { return stringsOf(CampaignStatuses) }
func (Granularity) options() []string    { return stringsOf(Granularities) }
func (GroupBy) options() []string        { return stringsOf(GroupBys) }
func (ModelName) options() []string      { return stringsOf(ModelNames) }
func (Level) options() []string          { return stringsOf(Levels) }

func enumSchema(e enum) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	for _, o := range e.options() {
		s.Enum = append(s.Enum, o)
	}
	return s
}

// JSONSchema methods describe each enum to editors.
func (v Status) JSONSchema() *jsonschema.Schema         { return enumSchema(v) }
func (v Visibility) JSONSchema() *jsonschema.Schema     { return enumSchema(v) }
func (v Role) JSONSchema() *jsonschema.Schema           { return enumSchema(v) }
func (v ObjectiveKind) JSONSchema() *jsonschema.Schema  { return enumSchema(v) }
func (v CampaignStatus) JSONSchema() *jsonschema.Schema { return enumSchema(v) }
func (v Granularity) JSONSchema() *jsonschema.Schema    { return enumSchema(v) }
func (v GroupBy) JSONSchema() *jsonschema.Schema        { return enumSchema(v) }
func (v ModelName) JSONSchema() *jsonschema.Schema      { return enumSchema(v) }
func (v Level) JSONSchema() *jsonschema.Schema          { return enumSchema(v) }

// Open reports whether the status is one a feature is still expected to ship from.
func (s Status) Open() bool {
	return s == StatusIdea || s == StatusPlanned || s == StatusInProgress
}

// Rank is the visibility's place from the most open (0) to the most closed.
func (v Visibility) Rank() int { return slices.Index(Visibilities, v) }

// Phrase is the status as it reads in a sentence: "is still an idea".
func (s Status) Phrase() string {
	switch s {
	case StatusIdea:
		return "an idea"
	case StatusInProgress:
		return "in progress"
	}
	return string(s)
}
