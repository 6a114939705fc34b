package roadmap

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// libraryRoot is the YAML library's parse of text, as parseYAML made it
// before parseBlock: the root node, or nil and the error.
func libraryRoot(text []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(text)).Decode(&doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// nodeDiff describes the first difference between two node trees, comments
// aside, or returns "".
func nodeDiff(a, b *yaml.Node, at string) string {
	if (a == nil) != (b == nil) {
		return fmt.Sprintf("%s: %v against %v", at, a, b)
	}
	if a == nil {
		return ""
	}
	type shape struct {
		Kind                 yaml.Kind
		Style                yaml.Style
		Tag, Value, Anchor   string
		Line, Column, Length int
	}
	sa := shape{a.Kind, a.Style, a.Tag, a.Value, a.Anchor, a.Line, a.Column, len(a.Content)}
	sb := shape{b.Kind, b.Style, b.Tag, b.Value, b.Anchor, b.Line, b.Column, len(b.Content)}
	if sa != sb {
		return fmt.Sprintf("%s: %+v against the library's %+v", at, sa, sb)
	}
	for i := range a.Content {
		if d := nodeDiff(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// sameAsLibrary fails when parseBlock reads text and the library reads it
// otherwise, or not at all. It reports whether parseBlock read it.
func sameAsLibrary(t *testing.T, text []byte) bool {
	t.Helper()
	got, ok := parseBlock(text)
	if !ok {
		return false
	}
	want, err := libraryRoot(text)
	if err != nil {
		t.Fatalf("parseBlock read text the library refuses (%v):\n%s", err, text)
	}
	if d := nodeDiff(got, want, ""); d != "" {
		t.Fatalf("parseBlock and the library differ at %s in:\n%s", d, text)
	}
	return true
}

// TestBlockYAMLReadsTheExamples: every bundled file and rule fixture written
// in block style takes the quick path, and reads as the library reads it.
func TestBlockYAMLReadsTheExamples(t *testing.T) {
	read := 0
	for _, root := range []string{"../examples", "../testdata"} {
		err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || (!strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml")) {
				return err
			}
			text, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if sameAsLibrary(t, text) {
				read++
			} else if strings.HasPrefix(p, filepath.Join("..", "examples")) {
				t.Errorf("%s: the quick path declined a bundled example", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if read < 30 {
		t.Errorf("the quick path read only %d files", read)
	}
}

// TestBlockYAMLCases: what the quick path reads, it reads as the library
// does; what it declines, the library is left to read (or refuse).
func TestBlockYAMLCases(t *testing.T) {
	for _, c := range []struct {
		text  string
		reads bool
	}{
		{"a: 1\n", true},
		{"features:\n- id: x\n  title: \"é\" # c\n  tags: [a, 'b', 3]\n  e:\n  d: |\n    hi\n\n     there\n\n  z: 2026-05-01\n", true},
		{"a:\n  b: ~\n  c: true\n  d: 1.5\n  e: 0x1f\n  f: null\n", true},
		{"a: 'it''s'\nb: \"x\"   # c\n", true},
		{"a: |-\n  one\n  two\n\nb: x\n", true},
		{"a: |\n\n  after a blank line\n", true},
		{"a: |\nb: x\n", true},
		{"a:\n  - x\n  -   y: 1\n      z: 2\n", true},
		{"a: []\nb: [ x , y ]\n", true},
		{"a:   # c\n  b: c\n", true},
		{"a:    # c\nb: 1\n", true},
		{"é: x\n", false},
		{"a: x\n  y\n", false},       // a plain scalar over two lines
		{"a: b: c\n", false},         // the library refuses it
		{"a: x:\n", false},           // and this
		{"a: >\n  folded\n", false},  // folded blocks are left to the library
		{"a: \"\\t\"\n", false},      // escapes too
		{"a: &x 1\nb: *x\n", false},  // anchors and aliases
		{"a: [x, [y]]\n", false},     // nested flow
		{"a: 1\n---\nb: 2\n", false}, // documents
		{"- a\n", false},             // not a mapping
		{"a: 1", false},              // no final newline
		{"a:\n\tb: 1\n", false},      // a tab
		{"a: |+\n  x\n\n", false},
		{"a: |2\n   x\n", false},
		{"a:\n  b: 1\n c: 2\n", false},
		{"a: 1\n  # more indented comment\nb: 2\n", true},
		{"a:\n  - x\n  y: 1\n", false},
		{"a: [x?y]\n", false},                                   // ? ends a plain item in a flow list
		{"a: [x, y?z, w]\n", false},                             // and starts a key there
		{strings.Repeat("k", 1023) + ": 1\n", true},             // a key of at most 1,024 characters
		{strings.Repeat("k", 1025) + ": 1\n", false},            // the library refuses a longer one
		{"a:\n- " + strings.Repeat("k", 1025) + ": 1\n", false}, // in an item too
	} {
		if got := sameAsLibrary(t, []byte(c.text)); got != c.reads {
			t.Errorf("parseBlock read %q: %v, want %v", c.text, got, c.reads)
		}
	}
}

// FuzzBlockYAML: whatever the quick path reads, the library reads alike.
func FuzzBlockYAML(f *testing.F) {
	for _, root := range []string{"../examples/northwind", "../testdata/rules"} {
		filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".yaml") {
				if text, err := os.ReadFile(p); err == nil {
					f.Add(text)
				}
			}
			return nil
		})
	}
	f.Add([]byte("a:\n  - [é, b]\n  - 'x' # c\nb: |\n  x\n    y\n  \n\n"))
	f.Add([]byte("a: |\n   \n  x\n"))
	f.Add([]byte("k:\n- a: 1\n  b:\n  - c\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		sameAsLibrary(t, text)
	})
}

// longFlowLine is a list of n items on one line of letters beyond ASCII.
func longFlowLine(n int) []byte {
	return []byte("a: [" + strings.Repeat("é, ", n-1) + "é]\n")
}

// TestBlockYAMLLongLineColumns: each item of a long list on one line of
// letters beyond ASCII has its column in characters, as the library counts.
// BenchmarkBlockYAMLLongLine holds the time to the line's length.
func TestBlockYAMLLongLineColumns(t *testing.T) {
	const items = 2000
	text := longFlowLine(items)
	if !sameAsLibrary(t, text) {
		t.Fatal("the quick path declined a plain flow list")
	}
	root, _ := parseBlock(text)
	list := root.Content[1]
	if len(list.Content) != items {
		t.Fatalf("read %d items, want %d", len(list.Content), items)
	}
	if last := list.Content[items-1]; last.Column != 5+3*(items-1) {
		t.Errorf("last item at column %d, want %d", last.Column, 5+3*(items-1))
	}
}

// BenchmarkBlockYAMLLongLine: ten times the items takes ten times the time,
// not a hundred (columns counted once per line, each item searched to its
// own end).
func BenchmarkBlockYAMLLongLine(b *testing.B) {
	for _, n := range []int{20000, 200000} {
		text := longFlowLine(n)
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, ok := parseBlock(text); !ok {
					b.Fatal("declined")
				}
			}
		})
	}
}

// TestBlockYAMLDeepNesting: nesting indented past maxBlockIndent is left to
// the library, which bounds it itself; up to it, the quick path reads it.
func TestBlockYAMLDeepNesting(t *testing.T) {
	nested := map[string]func(deepest int) string{
		"mappings": func(deepest int) string {
			var b strings.Builder
			for i := 0; i < deepest; i++ {
				b.WriteString(strings.Repeat(" ", i) + "k:\n")
			}
			return b.String() + strings.Repeat(" ", deepest) + "k: v\n"
		},
		"a list at the end": func(deepest int) string {
			var b strings.Builder
			for i := 0; i < deepest-1; i++ {
				b.WriteString(strings.Repeat(" ", i) + "k:\n")
			}
			return b.String() + strings.Repeat(" ", deepest) + "- v\n"
		},
		"lists": func(deepest int) string {
			b := strings.Builder{}
			b.WriteString("k:\n")
			for i := 0; i < deepest; i += 2 {
				b.WriteString(strings.Repeat(" ", i) + "- k:\n")
			}
			return b.String() + strings.Repeat(" ", deepest) + "- v\n"
		},
	}
	for name, text := range nested {
		if !sameAsLibrary(t, []byte(text(maxBlockIndent))) {
			t.Errorf("%s: the quick path declined nesting indented %d", name, maxBlockIndent)
		}
		if _, ok := parseBlock([]byte(text(maxBlockIndent + 2))); ok {
			t.Errorf("%s: the quick path read nesting indented past maxBlockIndent", name)
		}
	}
}

// plainTagCases are plain scalars near each shortcut plainTag takes.
var plainTagCases = []string{
	"", "a", "feature-0001", "yes", "Yes", "on", "no", "null", "Null", "~", "true", "False", "<<", "<a",
	"0", "00", "07", "0123", "089", "0x1F", "0o17", "0b101", "1", "42", "1_000", "-5", "+5", "1e5", "1.5", ".5", ".inf",
	"123456789012345678", "1234567890123456789", "99999999999999999999",
	"2027-Q1", "2027-H2", "2027-_1", "2027-e5", "2027-", "2027-1", "2026-11-02", "2026-13-45", "2026-1-2", "20271-Q1", "202-Q1",
}

// TestPlainTagAgreesWithTheLibrary: each shortcut gives the tag the YAML
// library resolves.
func TestPlainTagAgreesWithTheLibrary(t *testing.T) {
	for _, v := range plainTagCases {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: v}
		if got, want := plainTag(n), n.ShortTag(); got != want {
			t.Errorf("plainTag(%q) = %s, the library says %s", v, got, want)
		}
	}
}

func FuzzPlainTag(f *testing.F) {
	for _, v := range plainTagCases {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: v}
		if got, want := plainTag(n), n.ShortTag(); got != want {
			t.Errorf("plainTag(%q) = %s, the library says %s", v, got, want)
		}
	})
}
