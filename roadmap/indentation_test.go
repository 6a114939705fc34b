package roadmap

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"
)

// loadFindings loads text as the one file of a roadmap, as every command
// does, and returns what loading found.
func loadFindings(t *testing.T, text string) []Finding {
	t.Helper()
	r, err := Load(fstest.MapFS{"roadmap.yaml": {Data: []byte(text)}})
	if err != nil {
		t.Fatal(err)
	}
	return r.Findings
}

// TestMisindentedPointsAtTheLine: a key or list item out of line is
// reported on its own line, not where its mapping or list began, with the
// columns it should line up with.
func TestMisindentedPointsAtTheLine(t *testing.T) {
	for _, c := range []struct {
		name, text string
		line, col  int
		hint       string
	}{
		{"a key deeper than its mapping, after a literal block",
			"features:\n  - id: a\n    description: |\n      x\n\n      y\n     status: idea\n    title: A\n",
			7, 6, "line 7 starts a key at column 6, but the keys above it start at column 5"},
		{"a key shallower than its mapping",
			"features:\n  - id: a\n    title: A\n   status: idea\n",
			4, 4, "line 4 starts a key at column 4, but the keys above it start at column 5"},
		{"a list item out of line",
			"features:\n  - id: a\n    title: A\n  - id: b\n   - id: c\n",
			5, 4, "line 5 starts a list item at column 4, but the list items above it start at column 3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			findings := loadFindings(t, c.text)
			if len(findings) != 1 {
				t.Fatalf("findings %v, want one", findings)
			}
			if f := findings[0]; f.Line != c.line || f.Column != c.col || !strings.Contains(f.Message, c.hint) {
				t.Errorf("got %d:%d: %s\nwant %d:%d: ...%s...", f.Line, f.Column, f.Message, c.line, c.col, c.hint)
			}
		})
	}
}

// TestMisindentedLooksPastFlowLists: a prefix that ends inside a list
// opened with [ does not parse either, for another reason, and is passed
// over; a file too large to read again keeps the library's line.
func TestMisindentedLooksPastFlowLists(t *testing.T) {
	text := "a:\n  b:\n    c: [x,\n" + strings.Repeat("       y,\n", 30) + "       z]\n    e: 1\n   d: 2\n"
	findings := loadFindings(t, text)
	if len(findings) != 1 || findings[0].Line != 36 {
		t.Errorf("got %v, want one finding on line 36", findings)
	}
	big := append(bytes.Repeat([]byte("# padding\n"), maxHalvedBytes/10+1), "a:\n  b: 1\n   c: 2\n  d: 3\n"...)
	if got, _, _ := misindented(big, 3, "did not find expected key"); got != 3 {
		t.Errorf("a file over %d bytes was read again: line %d", maxHalvedBytes, got)
	}
}

// FuzzMisindented: whatever line misindented names, the lines before it do
// not fail with the library's problem, and the lines up to it do.
func FuzzMisindented(f *testing.F) {
	text, err := os.ReadFile("../examples/northwind/features/banking.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(text, 19, 5)
	f.Add(text, 6, 3)
	f.Add(text, 74, 3)
	f.Fuzz(func(t *testing.T, text []byte, at, indent int) {
		// Indent line at (of the text) by indent spaces, and parse.
		lines := bytes.SplitAfter(text, []byte("\n"))
		if len(text) > 64<<10 || at < 0 || at >= len(lines) || indent < 0 || indent > 12 {
			return
		}
		lines[at] = append(bytes.Repeat([]byte(" "), indent), bytes.TrimLeft(lines[at], " ")...)
		text = bytes.Join(lines, nil)
		var n yaml.Node
		err := yaml.Unmarshal(text, &n)
		if err == nil {
			return
		}
		line, msg := yamlError(err)
		line = min(line, lineCount(text))
		got, col, gotMsg := misindented(text, line, msg)
		if got < 1 || got > lineCount(text) || col < 1 || gotMsg == "" {
			t.Fatalf("line %d, column %d, message %q", got, col, gotMsg)
		}
		if got == line {
			return
		}
		problem, _, _ := strings.Cut(msg, " (")
		ends := lineEnds(text)
		if failsWith(text[:ends[got-2]], problem) {
			t.Fatalf("moved to line %d, but the lines before it fail with %q", got, problem)
		}
		if !failsWith(text[:ends[got-1]], problem) {
			t.Fatalf("moved to line %d, but the lines up to it do not fail with %q", got, problem)
		}
	})
}
