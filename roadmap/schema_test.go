package roadmap_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// schemaChecker validates YAML against the schema `roadmap schema` prints,
// reading values as an editor's YAML 1.2 does (2027-03-01 is text, 1200 a
// number).
type schemaChecker struct {
	schema *jsonschema.Schema
}

func newSchemaChecker(t *testing.T) *schemaChecker {
	t.Helper()
	raw, err := json.Marshal(roadmap.Schema())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("roadmap.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("roadmap.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return &schemaChecker{schema: schema}
}

// editorValue is the JSON value an editor reads a YAML node as.
func editorValue(t *testing.T, n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = editorValue(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, e := range n.Content {
			l = append(l, editorValue(t, e))
		}
		return l
	}
	switch n.Tag {
	case "!!int", "!!float":
		if _, err := strconv.ParseFloat(n.Value, 64); err != nil {
			t.Fatalf("%q: %v", n.Value, err)
		}
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value // !!str, and !!timestamp, which YAML 1.2 reads as text
}

func (c *schemaChecker) checkText(t *testing.T, text string) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	if err := c.schema.Validate(editorValue(t, doc.Content[0])); err != nil {
		return []string{err.Error()}
	}
	return nil
}

// TestSchemaAcceptsExamples: every file of the bundled examples and every
// example of docs/format.md is valid under the schema, as validate finds
// them valid, so an editor does not flag a correct roadmap.
func TestSchemaAcceptsExamples(t *testing.T) {
	c := newSchemaChecker(t)
	texts := map[string]string{}
	err := filepath.WalkDir("../examples", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || (filepath.Ext(p) != ".yaml" && filepath.Ext(p) != ".yml") {
			return err
		}
		text, err := os.ReadFile(p)
		texts[p] = string(text)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	format, err := os.ReadFile("../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	for i, block := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(format), -1) {
		texts[fmt.Sprintf("docs/format.md example %d", i+1)] = block[1]
	}
	if len(texts) < 15 {
		t.Fatalf("only %d files and examples found", len(texts))
	}
	for name, text := range texts {
		for _, p := range c.checkText(t, text) {
			t.Errorf("%s: %s", name, p)
		}
	}
}

// TestSchemaTypes: the values the decoder takes are valid under the schema,
// and the ones it refuses are not.
func TestSchemaTypes(t *testing.T) {
	c := newSchemaChecker(t)
	tests := []struct {
		yaml  string
		valid bool
	}{
		{"campaigns:\n  - {id: push, title: P, status: planned, target: 1200}", true},
		{"campaigns:\n  - {id: push, title: P, status: planned, target: 12.5%}", true},
		{"objectives:\n  - {id: grow, title: G, baseline: 1.2, target: 2.5M}", true},
		{"objectives:\n  - {id: grow, title: G, target: [1, 2]}", false},
		{"features:\n  - {id: 2027, title: T, status: idea, depends_on: [404], owners: {product: ana}}", true},
		{"features:\n  - {id: Search, title: T, status: idea}", false},
		{"features:\n  - {id: search, title: T, status: idea, scores: {effort: \"2\"}}", false},
		{"launch_tiers:\n  big: {playbook: [{id: brief, task: B, due: 0}, {id: review, task: R, due: +1w}]}", true},
		{"launch_tiers:\n  big: {playbook: [{id: brief, task: B, due: 3}]}", false},
		{"scoring: {capacity: {2027-Q1: 0, 2027-Q2: 4.5}}", true},
		{"scoring: {capacity: {2027-Q1: -3}}", false},
	}
	for _, tt := range tests {
		problems := c.checkText(t, tt.yaml)
		if (len(problems) == 0) != tt.valid {
			t.Errorf("%s: problems %v, want valid %v", tt.yaml, problems, tt.valid)
		}
		r := load(t, map[string]string{"roadmap.yaml": minimal + tt.yaml + "\n"})
		invalid := slices.ContainsFunc(findingsOf(r), func(f roadmap.Finding) bool { return f.Rule == "invalid-value" })
		if invalid == tt.valid {
			t.Errorf("%s: validate finds it invalid %v, the schema valid %v", tt.yaml, invalid, tt.valid)
		}
	}
}
