package roadmap_test

import (
	"cmp"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

// sameParse checks that decoding text item by item gives what decoding it
// whole gives: the same items, fields, positions and findings.
func sameParse(t *testing.T, path string, text []byte) bool {
	t.Helper()
	split, splitFindings, ok := roadmap.ParseSplit(path, text)
	if !ok {
		return false
	}
	whole, wholeFindings := roadmap.ParseDocument(path, text)
	if !reflect.DeepEqual(split, whole) {
		t.Fatalf("split parse differs from whole parse for %s\nsplit: %+v\nwhole: %+v\ntext:\n%s", path, split, whole, text)
	}
	order := func(a, b roadmap.Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Message, b.Message))
	}
	slices.SortFunc(splitFindings, order)
	slices.SortFunc(wholeFindings, order)
	if !reflect.DeepEqual(splitFindings, wholeFindings) {
		t.Fatalf("split findings differ for %s\nsplit: %v\nwhole: %v\ntext:\n%s", path, splitFindings, wholeFindings, text)
	}
	return true
}

func TestSplitParseEqualsWholeParse(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../examples/*/*.yaml", "../examples/*/*/*.yaml", "../testdata/rules/*/*.yaml", "../testdata/rules/*/*/*.yaml", "../testdata/rules/*/*/*/*.yaml"} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	split := 0
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if sameParse(t, filepath.Base(p), text) {
			split++
		}
		if sameParse(t, "roadmap.yaml", text) {
			split++
		}
	}
	for p, f := range gen.Roadmap(gen.Options{Features: 300, Files: 6, Seed: 3}) {
		if !sameParse(t, p, f.Data) {
			t.Errorf("generated file %s is plain block style but was not split", p)
		}
	}
	// The examples are plain block style: nearly all of them split.
	if split < len(paths) {
		t.Errorf("only %d of %d parses split", split, 2*len(paths))
	}
}

func TestSplitFallsBack(t *testing.T) {
	for name, text := range map[string]string{
		"anchor":        "features:\n  - id: a\n    owners: &o {product: ana}\n  - id: b\n    owners: *o\n",
		"merge":         "features:\n  - <<: {title: T}\n    id: a\n",
		"tabs":          "features:\n\t- id: a\n",
		"two docs":      "features: []\n---\nfeatures: []\n",
		"repeated key":  "features:\n  - id: a\nfeatures:\n  - id: b\n",
		"dedent":        "features:\n  - id: a\n title: x\n",
		"tag":           "features:\n  - id: !!str a\n",
		"open flow":     "features:\n  - id: a\n    tags: [a,\n      b]\n",
		"dash only":     "features:\n  -\n    id: a\n",
		"crlf":          "features:\r\n  - id: a\r\n",
		"top-level seq": "- a\n",
		"open quote":    "features:\n  - id: a\n    title: \"x\n  - id: b\"\n",
		"open quote 2":  "features:\n  - id: a\n    title: 'it''s\n    status: x'\n",
		"quoted key":    "features:\n  - id: a\n    \"title\": \"x\n    status: y\"\n",
		"inline list":   "features: [{id: a, title: A}]\n",
		"line sep":      "features:\n  - id: a\n    notes: x\u2028objectives:\n  - id: b\n",
		"next line":     "features:\n  - id: a\n    notes: x\u0085  - id: c\n",
		"para sep":      "product: P\u2029features:\n  - id: r\n",
	} {
		if _, ok := roadmap.SplitFile([]byte(text)); ok {
			t.Errorf("%s: split, want a fallback to the whole file", name)
		}
	}
}

func TestSplitChunks(t *testing.T) {
	text := []byte("product: P\nfeatures:\n  - id: a\n    title: A\n    description: |\n      - not an item\n      id: nope\n\n  # a comment\n  - title: B\n    id: b\nthemes:\n- id: t\n  title: T\n")
	chunks, ok := roadmap.SplitFile(text)
	if !ok {
		t.Fatal("not split")
	}
	var got []string
	for _, c := range chunks {
		got = append(got, c.Key+"/"+c.ID)
	}
	if want := []string{"features/a", "features/b", "themes/t"}; !slices.Equal(got, want) {
		t.Errorf("chunks %v, want %v", got, want)
	}
	if chunks[1].Start != 10 {
		t.Errorf("b starts at %d", chunks[1].Start)
	}
	sameParse(t, "roadmap.yaml", text)
}

// FuzzSplitParse: whenever a file splits, item-by-item decoding equals
// whole-file decoding.
func FuzzSplitParse(f *testing.F) {
	seedExamples(f, func(text []byte) { f.Add(text) })
	f.Add([]byte("features:\n  - id: a\n    description: >-\n      x\n  - id: b\n"))
	f.Add([]byte("features: [{id: a, title: A}]\n"))
	f.Add([]byte("features:\n  - id: a\n    notes: x\u2028objectives:\n  - id: b\n"))
	f.Add([]byte("features:\n  - id: a\n    notes: x\u0085  - id: c\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		sameParse(t, "roadmap.yaml", text)
		sameParse(t, "features.yaml", text)
		chunksParse(t, text)
		headAndChunksParse(t, text)
	})
}

// headAndChunksParse checks the converse: when the head and every chunk of
// a file that splits parse, the file parses whole.
func headAndChunksParse(t *testing.T, text []byte) {
	t.Helper()
	chunks, ok := roadmap.SplitFile(text)
	if !ok || !roadmap.HeadParses(text, chunks) {
		return
	}
	for _, c := range chunks {
		_, findings := roadmap.DecodeChunk("features.yaml", c)
		for _, f := range findings {
			if f.Rule == "syntax" {
				return
			}
		}
	}
	_, findings := roadmap.ParseDocument("features.yaml", text)
	for _, f := range findings {
		if f.Rule == "syntax" {
			t.Fatalf("head and items parse, the file does not: %v\ntext:\n%s", f, text)
		}
	}
}

// chunksParse checks that when a file that splits parses whole, each of its
// items parses alone, and one written as keys decodes as one item: history
// walks rely on it to skip decoding the newest version of each item whole.
func chunksParse(t *testing.T, text []byte) {
	t.Helper()
	chunks, ok := roadmap.SplitFile(text)
	if !ok {
		return
	}
	_, findings := roadmap.ParseDocument("features.yaml", text)
	for _, f := range findings {
		if f.Rule == "syntax" {
			return
		}
	}
	if !roadmap.HeadParses(text, chunks) {
		t.Fatalf("the file parses, but what lies outside its items does not\ntext:\n%s", text)
	}
	// No item stays outside the chunks: walks read items from chunks only.
	if doc, _ := roadmap.ParseDocument("roadmap.yaml", roadmap.HeadOf(text, chunks)); len(doc.Features)+len(doc.Objectives)+len(doc.Campaigns)+len(doc.People)+len(doc.Themes)+len(doc.Personas) > 0 {
		t.Fatalf("items stay outside the chunks\ntext:\n%s", text)
	}
	for _, c := range chunks {
		doc, findings := roadmap.DecodeChunk("features.yaml", c)
		for _, f := range findings {
			if f.Rule == "syntax" {
				t.Fatalf("the file parses, but its item at line %d does not: %v\ntext:\n%s", c.Start, f, text)
			}
		}
		items := len(doc.Features) + len(doc.Objectives) + len(doc.Campaigns) + len(doc.People) + len(doc.Themes) + len(doc.Personas)
		if _, isMapping := roadmap.SplitItem(c.Text); isMapping && items != 1 {
			t.Fatalf("the item at line %d decodes as %d items\ntext:\n%s", c.Start, items, text)
		}
		// An id read from the text is the id decoding gives.
		if v, _ := roadmap.DecodeItem(c.Key, c.Text); c.ID != "" && v != nil {
			if id := reflect.ValueOf(v).Elem().FieldByName("ID").String(); id != c.ID {
				t.Fatalf("the item at line %d has id %q, read as %q\ntext:\n%s", c.Start, id, c.ID, text)
			}
		}
	}
}

// TestSplitLeavesRunOnIDs: an id whose plain scalar runs on to the next
// line is not the first line's word; the chunk leaves it for decoding.
func TestSplitLeavesRunOnIDs(t *testing.T) {
	text := []byte("features:\n  - id: y\n      z\n    title: T\n  - title: U\n    id: u\n\n      v\n  - id: w # plain\n    title: W\n")
	chunks, ok := roadmap.SplitFile(text)
	if !ok {
		t.Fatal("not split")
	}
	var ids []string
	for _, c := range chunks {
		ids = append(ids, c.ID)
	}
	if want := []string{"", "", "w"}; !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	chunksParse(t, text)
}

func TestHeadParses(t *testing.T) {
	for text, want := range map[string]bool{
		"features:\n  - id: x\n# a comment\nobjectives:\n  - id: o\n": true,
		"product: P\nscoring:\n  model: rice\nfeatures:\n  - id: x\n": true,
		"product: a: b\nfeatures:\n  - id: x\n":                       false,
		"features:\n  - id: x\nnotes: \"x\" y\n":                      false,
	} {
		chunks, ok := roadmap.SplitFile([]byte(text))
		if !ok {
			t.Fatalf("%q does not split", text)
		}
		if got := roadmap.HeadParses([]byte(text), chunks); got != want {
			t.Errorf("HeadParses(%q) = %v, want %v", text, got, want)
		}
	}
}
