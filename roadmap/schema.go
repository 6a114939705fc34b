package roadmap

import "github.com/invopop/jsonschema"

// SchemaID is the $id of the JSON Schema of roadmap files.
const SchemaID = "https://github.com/northwind-labs/roadmap/schema/roadmap.schema.json"

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
	return s
}
