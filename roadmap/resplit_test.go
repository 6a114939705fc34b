package roadmap

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sameChunks fails unless a and b are the same chunks, field by field.
func sameChunks(t *testing.T, got, want []Chunk) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d chunks, SplitFile gives %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Key != w.Key || g.ID != w.ID || g.Start != w.Start || g.offset != w.offset || !bytes.Equal(g.Text, w.Text) {
			t.Fatalf("chunk %d:\n got %s %q line %d at %d: %q\nwant %s %q line %d at %d: %q", i,
				g.Key, g.ID, g.Start, g.offset, g.Text, w.Key, w.ID, w.Start, w.offset, w.Text)
		}
	}
}

// checkResplit holds ResplitFile(text, near) to SplitFile(text), and says
// whether the fast path was taken.
func checkResplit(t *testing.T, near, text []byte) bool {
	t.Helper()
	nearChunks, ok := SplitFile(near)
	if !ok {
		return false
	}
	got, j, ok := ResplitFile(text, near, nearChunks)
	if !ok {
		return false
	}
	want, ok := SplitFile(text)
	if !ok {
		t.Fatalf("ResplitFile split a text SplitFile refuses:\n%s", text)
	}
	sameChunks(t, got, want)
	if j < 0 || j >= len(got) {
		t.Fatalf("changed chunk %d of %d", j, len(got))
	}
	return true
}

func TestResplitFollowsOneItemEdits(t *testing.T) {
	const file = `product: Acme # the head is not an item
features:
  - id: a
    title: A
    status: planned
    description: |
      Two lines
      of text.
  - id: b
    title: B
    status: idea
    tags:
    - x
    - y
  - id: c
    title: C
objectives:
  - id: o
    title: O
`
	edit := func(old, new string) []byte {
		if !strings.Contains(file, old) {
			t.Fatalf("no %q in the file", old)
		}
		return []byte(strings.Replace(file, old, new, 1))
	}
	fast := map[string][]byte{
		"a field":             edit("status: idea", "status: planned"),
		"a first line":        edit("- id: b", "- id: bb"),
		"a block scalar":      edit("of text.", "of more text,\n      and a third."),
		"a list in an item":   edit("    - y\n", "    - y\n    - z\n"),
		"the last item":       edit("    title: O\n", "    title: O2\n    metric: m\n"),
		"the end of the file": append([]byte(file), "    owner: pat\n"...),
		"a line removed":      edit("    title: B\n", ""),
	}
	for name, text := range fast {
		if !checkResplit(t, []byte(file), text) {
			t.Errorf("%s: not resplit; one item changed", name)
		}
	}
	slow := map[string][]byte{
		"an item added":      edit("  - id: c\n", "  - id: new\n  - id: c\n"),
		"an item removed":    edit("  - id: c\n    title: C\n", ""),
		"the head":           edit("product: Acme", "product: Acme Corp"),
		"two items":          edit("title: A\n    status: planned\n    description: |\n      Two lines\n      of text.\n  - id: b\n    title: B", "title: A2\n    status: planned\n    description: |\n      Two lines\n      of text.\n  - id: b\n    title: B2"),
		"an anchor":          edit("status: idea", "status: &s idea"),
		"a new list":         append([]byte(file), "campaigns:\n  - id: k\n"...),
		"an item dedented":   edit("    title: C\n", "  title: C\n"),
		"a top-level key in": edit("    title: C\n", "themes:\n"),
		"a newline removed":  edit("    title: B\n    status: idea\n    tags:\n    - x\n    - y\n  - id: c", "    title: B\n    status: idea\n    tags:\n    - x\n    - y  - id: c"),
		"the last newline":   edit("    title: C\nobjectives:", "    title: Cobjectives:"),
		"an item outdented":  edit("  - id: c\n", "- id: c\n"),
	}
	for name, text := range slow {
		if checkResplit(t, []byte(file), text) {
			t.Errorf("%s: resplit, but more than one item changed or the text is not plain", name)
		}
	}
}

func TestResplitExamples(t *testing.T) {
	paths, _ := filepath.Glob("../examples/northwind/*/*.yaml")
	if len(paths) == 0 {
		t.Fatal("no example files")
	}
	resplit := 0
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// Change each "status:" line in turn: one item each time.
		for at := 0; ; {
			i := bytes.Index(text[at:], []byte("status: "))
			if i < 0 {
				break
			}
			at += i + len("status: ")
			edited := append(append(append([]byte{}, text[:at]...), "dropped"...), text[at:]...)
			if checkResplit(t, text, edited) {
				resplit++
			}
		}
	}
	if resplit < 10 {
		t.Errorf("only %d edits were resplit", resplit)
	}
}

// FuzzResplit edits a text and holds ResplitFile to SplitFile on the result.
func FuzzResplit(f *testing.F) {
	paths, _ := filepath.Glob("../examples/northwind/*/*.yaml")
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(text, uint16(len(text)/2), uint8(3), []byte("x: y\n    - "))
	}
	f.Add([]byte("features:\n  - id: a\n    d: |\n      x\n  - id: b\n"), uint16(30), uint8(0), []byte("\n  - id: c"))
	f.Fuzz(func(t *testing.T, near []byte, at uint16, cut uint8, insert []byte) {
		if len(near) == 0 {
			return
		}
		i := int(at) % len(near)
		j := min(len(near), i+int(cut))
		text := append(append(append([]byte{}, near[:i]...), insert...), near[j:]...)
		checkResplit(t, near, text)
		checkResplit(t, text, near)
	})
}
