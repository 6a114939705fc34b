package roadmap_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
	"go.yaml.in/yaml/v3"
)

// schemaChecker validates YAML against the schema `roadmap schema` prints,
// reading values as an editor's YAML 1.2 does (2027-03-01 is text, 1200 a
// number). It knows the keywords the schema uses and fails on any other, so
// the schema cannot outgrow it unnoticed.
type schemaChecker struct {
	root map[string]any
}

func newSchemaChecker(t *testing.T) *schemaChecker {
	t.Helper()
	raw, err := json.Marshal(roadmap.Schema())
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(raw, &root); err != nil {
		t.Fatal(err)
	}
	return &schemaChecker{root: root}
}

var knownKeywords = []string{"$schema", "$id", "$ref", "$defs", "title", "description", "default",
	"type", "oneOf", "anyOf", "properties", "additionalProperties", "required", "items",
	"enum", "const", "pattern", "format", "minimum"}

// jsonType is the JSON type an editor reads a YAML node as.
func jsonType(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.Tag {
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	case "!!bool":
		return "boolean"
	case "!!null":
		return "null"
	}
	return "string" // !!str, and !!timestamp, which YAML 1.2 reads as text
}

// check returns what is wrong with n under schema s, each problem at its path.
func (c *schemaChecker) check(n *yaml.Node, s map[string]any, path string) []string {
	for k := range s {
		if !slices.Contains(knownKeywords, k) {
			return []string{fmt.Sprintf("%s: the test does not know the keyword %q", path, k)}
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		def, ok := c.root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: no definition %s", path, ref)}
		}
		return c.check(n, def, path)
	}
	for _, k := range []string{"oneOf", "anyOf"} {
		alts, ok := s[k].([]any)
		if !ok {
			continue
		}
		matched := 0
		for _, a := range alts {
			if len(c.check(n, a.(map[string]any), path)) == 0 {
				matched++
			}
		}
		if matched == 0 || k == "oneOf" && matched > 1 {
			return []string{fmt.Sprintf("%s: %q matches %d of the %s", path, n.Value, matched, k)}
		}
	}
	got := jsonType(n)
	if want, ok := s["type"].(string); ok && got != want && !(want == "number" && got == "integer") {
		return []string{fmt.Sprintf("%s: %s where the schema wants %s", path, got, want)}
	}
	var out []string
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(v any) bool { return fmt.Sprint(v) == n.Value }) {
		out = append(out, fmt.Sprintf("%s: %q is not one of %v", path, n.Value, enum))
	}
	if v, ok := s["const"]; ok && fmt.Sprint(v) != n.Value {
		out = append(out, fmt.Sprintf("%s: %q is not %v", path, n.Value, v))
	}
	if p, ok := s["pattern"].(string); ok && got == "string" && !regexp.MustCompile(p).MatchString(n.Value) {
		out = append(out, fmt.Sprintf("%s: %q does not match %s", path, n.Value, p))
	}
	if min, ok := s["minimum"].(float64); ok && (got == "integer" || got == "number") {
		if v, err := strconv.ParseFloat(n.Value, 64); err != nil || math.IsNaN(v) || v < min {
			out = append(out, fmt.Sprintf("%s: %s is below %v", path, n.Value, min))
		}
	}
	if items, ok := s["items"].(map[string]any); ok && n.Kind == yaml.SequenceNode {
		for i, e := range n.Content {
			out = append(out, c.check(e, items, fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	if n.Kind == yaml.MappingNode {
		props, _ := s["properties"].(map[string]any)
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i].Value, n.Content[i+1]
			seen[key] = true
			at := strings.TrimPrefix(path+"."+key, ".")
			if p, ok := props[key].(map[string]any); ok {
				out = append(out, c.check(value, p, at)...)
				continue
			}
			switch more := s["additionalProperties"].(type) {
			case bool:
				if !more {
					out = append(out, at+": a key the schema does not allow")
				}
			case map[string]any:
				out = append(out, c.check(value, more, at)...)
			}
		}
		req, _ := s["required"].([]any)
		for _, r := range req {
			if !seen[r.(string)] {
				out = append(out, fmt.Sprintf("%s: lacks %s", path, r))
			}
		}
	}
	return out
}

func (c *schemaChecker) checkText(t *testing.T, text string) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	return c.check(doc.Content[0], c.root, "")
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
