package roadmap

import (
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"
)

// SchemaID is the $id of the JSON Schema of roadmap files.
const SchemaID = "https://github.com/northwind-labs/roadmap/schema/roadmap.schema.json"

// idPattern is an id as docs/format.md defines it: a slug.
const idPattern = `^[a-z0-9][a-z0-9-]{0,62}$`

// Schema is the JSON Schema of one roadmap file, generated from the model
// types, for editors (yaml-language-server and the like). Unknown keys are
// refused, as validate refuses them.
func Schema() *jsonschema.Schema {
	r := &jsonschema.Reflector{
		ExpandedStruct: true,
		DoNotReference: false,
	}
	s := r.Reflect(&Document{})
	s.ID = SchemaID
	s.Title = "roadmap file"
	s.Description = "A file of a roadmap kept in git. Any file may hold the lists; only roadmap.yaml may hold the settings (product, vision, scoring, launch_tiers, audiences, lint)."
	// YAML reads an id of digits alone (id: 2027) as a number, and roadmap
	// takes it as written, so an id may be either.
	s.Definitions["ID"] = &jsonschema.Schema{
		Description: "an id: lowercase letters, digits and dashes, starting with a letter or digit, at most 63 characters",
		OneOf:       []*jsonschema.Schema{{Type: "string", Pattern: idPattern}, {Type: "integer", Minimum: "0"}},
	}
	for _, t := range []reflect.Type{
		reflect.TypeFor[Feature](), reflect.TypeFor[Launch](), reflect.TypeFor[Messaging](),
		reflect.TypeFor[Objective](), reflect.TypeFor[Person](), reflect.TypeFor[Theme](),
		reflect.TypeFor[Persona](), reflect.TypeFor[Campaign](), reflect.TypeFor[Criterion](),
		reflect.TypeFor[PlaybookTask](),
	} {
		refIDs(s.Definitions[t.Name()], t)
	}
	if capacity, ok := s.Definitions["Scoring"].Properties.Get("capacity"); ok {
		capacity.AdditionalProperties.Minimum = "0"
	}
	return s
}

// refIDs points the properties of def that hold ids (roadmap:"id") or name
// them (roadmap:"ref") at the ID definition: the property itself, a list's
// items or a mapping's values.
func refIDs(def *jsonschema.Schema, t reflect.Type) {
	id := func() *jsonschema.Schema { return &jsonschema.Schema{Ref: "#/$defs/ID"} }
	for i := range t.NumField() {
		f := t.Field(i)
		if tag := f.Tag.Get("roadmap"); tag != "id" && tag != "ref" {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		p, ok := def.Properties.Get(name)
		if !ok {
			panic("the schema of " + t.Name() + " has no property " + name)
		}
		switch p.Type {
		case "array":
			p.Items = id()
		case "object":
			p.AdditionalProperties = id()
		default:
			p.Type, p.Ref = "", "#/$defs/ID"
		}
	}
}
