package roadmap_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

func TestSplitItem(t *testing.T) {
	text := "  - id: a\n" +
		"    title: A # the name\n" +
		"    description: |\n" +
		"      title: not a key\n" +
		"\n" +
		"      - not an item\n" +
		"  # a comment at the dash's column\n" +
		"    objectives:\n" +
		"    - grow\n" +
		"    - keep\n" +
		"    owners:\n" +
		"      product: ana\n"
	keys, ok := roadmap.SplitItem([]byte(text))
	if !ok {
		t.Fatal("not split")
	}
	var got []string
	for _, k := range keys {
		got = append(got, k.Name+"="+string(k.Text()))
	}
	want := []string{
		"id=  - id: a\n",
		"title=  - title: A # the name\n",
		"description=  - description: |\n      title: not a key\n\n      - not an item\n  # a comment at the dash's column\n",
		"objectives=  - objectives:\n    - grow\n    - keep\n",
		"owners=  - owners:\n      product: ana\n",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keys:\n%q\nwant:\n%q", got, want)
	}
}

func TestSplitItemFallsBack(t *testing.T) {
	for name, text := range map[string]string{
		"repeated key": "- id: a\n  title: A\n  title: B\n",
		"flow item":    "- {id: a, title: A}\n",
		"scalar item":  "- a\n",
		"dedent":       "  - id: a\n   title: A\n",
		"odd key":      "- id: a\n  title.en: A\n",
		"not a key":    "- id: a\n  title:A\n",
	} {
		if keys, ok := roadmap.SplitItem([]byte(text)); ok {
			t.Errorf("%s: split into %v, want a fallback", name, keys)
		}
	}
}

func TestSplitFileKeepsClosedQuotes(t *testing.T) {
	text := "features:\n  - id: a\n    title: \"a: \\\"b\\\"\" # quoted\n    summary: It's 'plain'\n    notes: 'it''s'\n    \"tags\": [\"x\"]\n"
	if _, ok := roadmap.SplitFile([]byte(text)); !ok {
		t.Error("quotes that close on their line fell back to the whole file")
	}
}

// diffWhole is what DiffKeys must equal: both items decoded whole.
func diffWhole(kind string, old, new []byte) (changes []roadmap.FieldChange, oldOK, newOK bool) {
	o, oldOK := roadmap.DecodeItem(kind, old)
	n, newOK := roadmap.DecodeItem(kind, new)
	return roadmap.DiffFields(roadmap.ItemFields(o), roadmap.ItemFields(n)), oldOK, newOK
}

// sameDiff checks DiffKeys against decoding both items whole, and reports
// whether DiffKeys answered.
func sameDiff(t *testing.T, kind string, old, new []byte) bool {
	t.Helper()
	oldKeys, oldCut := roadmap.SplitItem(old)
	newKeys, newCut := roadmap.SplitItem(new)
	if !oldCut || !newCut {
		return false
	}
	got, answered := roadmap.DiffKeys(kind, oldKeys, newKeys, func(k roadmap.ItemKey) ([]roadmap.Field, bool) {
		return roadmap.KeyFields(kind, k)
	})
	want, oldOK, newOK := diffWhole(kind, old, new)
	if !answered || !newOK {
		return false
	}
	if !oldOK {
		t.Fatalf("DiffKeys answered, but the older item does not parse\nold:\n%s\nnew:\n%s", old, new)
	}
	// Made from the newer one, the older version has the fields and id
	// decoding it whole gives.
	newer, _ := roadmap.DecodeItem(kind, new)
	older, _ := roadmap.DecodeItem(kind, old)
	if newer != nil {
		made, ok := roadmap.OlderItem(kind, newer, oldKeys, newKeys, func(k roadmap.ItemKey) (any, bool) { return roadmap.KeyItem(kind, k) })
		if ok && (!reflect.DeepEqual(roadmap.ItemFields(made), roadmap.ItemFields(older)) || roadmap.ItemID(made) != roadmap.ItemID(older)) {
			t.Fatalf("made from the newer: %s %v\nwhole: %s %v\nold:\n%s\nnew:\n%s", roadmap.ItemID(made), roadmap.ItemFields(made), roadmap.ItemID(older), roadmap.ItemFields(older), old, new)
		}
	}
	if len(got) == 0 && len(want) == 0 {
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("DiffKeys differs from the whole items' diff\nkeys:  %+v\nwhole: %+v\nold:\n%s\nnew:\n%s", got, want, old, new)
	}
	return true
}

func TestDiffKeysEqualsDiffFields(t *testing.T) {
	var chunks []roadmap.Chunk
	paths, _ := filepath.Glob("../examples/*/*.yaml")
	more, _ := filepath.Glob("../examples/*/*/*.yaml")
	for _, p := range append(paths, more...) {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if cs, ok := roadmap.SplitFile(text); ok {
			chunks = append(chunks, cs...)
		}
	}
	pairs, answered := 0, 0
	for i := range chunks {
		for j := range chunks {
			a, b := chunks[i], chunks[j]
			if a.Key != b.Key || a.Key != "features" && a.Key != "objectives" && a.Key != "campaigns" {
				continue
			}
			pairs++
			if sameDiff(t, a.Key, a.Text, b.Text) {
				answered++
			}
		}
	}
	// Every item of the examples is plain: the keys answer for all of them.
	if pairs < 100 || answered != pairs {
		t.Errorf("DiffKeys answered %d of %d pairs", answered, pairs)
	}
}

func TestDiffKeysDecodesOnlyChangedKeys(t *testing.T) {
	old := []byte("  - id: a\n    title: A\n    status: planned\n    target: 2027-Q1\n    owners:\n      product: ana\n")
	new := []byte("  - id: a\n    owners:\n      product: raj\n    title: A\n    target: 2027-Q2 # slipped\n    status: planned\n")
	ok, _ := roadmap.SplitItem(old)
	nk, _ := roadmap.SplitItem(new)
	var decoded []string
	got, answered := roadmap.DiffKeys("features", ok, nk, func(k roadmap.ItemKey) ([]roadmap.Field, bool) {
		decoded = append(decoded, k.Name)
		return roadmap.KeyFields("features", k)
	})
	if !answered {
		t.Fatal("DiffKeys did not answer")
	}
	// owners and target changed (target in its comment too); title and status
	// moved, unchanged. Fields come in Fields' order: owners before target.
	if want := "owners owners target target"; strings.Join(decoded, " ") != want {
		t.Errorf("decoded %v, want %s", decoded, want)
	}
	if s := fmt.Sprint(got); !strings.Contains(s, "owners.product ana raj") || !strings.Contains(s, "target 2027-Q1 2027-Q2") || strings.Index(s, "owners") > strings.Index(s, "target") {
		t.Errorf("changes %s", s)
	}
	sameDiff(t, "features", old, new)
}

func TestDiffKeysFallsBackOnBrokenKeys(t *testing.T) {
	old := []byte("- id: a\n  title: A\n")
	new := []byte("- id: a\n  title: [A\n")
	ok, _ := roadmap.SplitItem(old)
	nk, _ := roadmap.SplitItem(new)
	if _, answered := roadmap.DiffKeys("features", ok, nk, func(k roadmap.ItemKey) ([]roadmap.Field, bool) {
		return roadmap.KeyFields("features", k)
	}); answered {
		t.Error("a key that does not parse gave an answer")
	}
}

// FuzzDiffKeys: whenever DiffKeys answers for two versions of an item whose
// newer version parses, the older one parses and the answer is what
// decoding both whole gives.
func FuzzDiffKeys(f *testing.F) {
	seedExamples(f, func(text []byte) {
		cs, _ := roadmap.SplitFile(text)
		for i := 1; i < len(cs); i++ {
			f.Add(uint8(0), cs[i-1].Text, cs[i].Text)
		}
	})
	f.Add(uint8(0), []byte("  - id: a\n    title: A\n    status: planned\n"), []byte("  - id: a\n    status: shipped\n    title: A\n"))
	f.Add(uint8(1), []byte("- id: o\n  title: O\n  target: 10%\n"), []byte("- id: o\n  title: O\n  due: 2027-Q1\n"))
	f.Add(uint8(2), []byte("- id: c\n  start: 2027-01-01\n"), []byte("- id: c\n  start: 2027-01-02\n  channels:\n  - blog\n"))
	// Values that do not read: written alike on both sides, and changed.
	f.Add(uint8(0), []byte("  - id: a\n    status: shiped\n    target: 2027-Q1\n    launch: [large]\n"), []byte("  - id: a\n    status: shiped\n    target: 2027-Q2\n    launch: [small]\n"))
	f.Add(uint8(0), []byte("  - id: a\n    status: planned\n    scores: {reach: lots}\n"), []byte("  - id: a\n    status: plannd\n    scores: {reach: lots}\n"))
	kinds := []string{"features", "objectives", "campaigns"}
	f.Fuzz(func(t *testing.T, kind uint8, old, new []byte) {
		k := kinds[int(kind)%len(kinds)]
		// Only texts SplitFile cuts as one item reach DiffKeys.
		item := func(text []byte) ([]byte, bool) {
			cs, ok := roadmap.SplitFile(append([]byte(k+":\n"), text...))
			if !ok || len(cs) != 1 || cs[0].Key != k {
				return nil, false
			}
			return cs[0].Text, true
		}
		o, ok1 := item(old)
		n, ok2 := item(new)
		if ok1 && ok2 {
			sameDiff(t, k, o, n)
		}
	})
}

// manyKeyed is a feature with n unknown keys besides its id and title.
func manyKeyed(n int, title string, reverse bool) []byte {
	lines := make([]string, n)
	for i := range n {
		lines[i] = fmt.Sprintf("    k%d: %d\n", i, i)
	}
	if reverse {
		slices.Reverse(lines)
	}
	return []byte("  - id: a\n    title: " + title + "\n" + strings.Join(lines, ""))
}

// TestItemsOfManyKeys: past a few dozen keys SplitItem, DiffKeys and
// OlderItem find keys by a map; the answers are the same.
func TestItemsOfManyKeys(t *testing.T) {
	old, new := manyKeyed(100, "A", false), manyKeyed(100, "B", true)
	if !sameDiff(t, "features", old, new) {
		t.Fatal("DiffKeys did not answer for items of 100 keys")
	}
	dup := append(manyKeyed(100, "A", false), "    k90: again\n"...)
	if _, ok := roadmap.SplitItem(dup); ok {
		t.Error("a key repeated after 100 others was not noticed")
	}
}

// BenchmarkDiffKeysManyKeys: an item of 20,000 keys costs time in
// proportion to its size, as decoding it whole does.
func BenchmarkDiffKeysManyKeys(b *testing.B) {
	old, new := manyKeyed(20000, "A", false), manyKeyed(20000, "B", true)
	decode := func(k roadmap.ItemKey) ([]roadmap.Field, bool) { return roadmap.KeyFields("features", k) }
	for b.Loop() {
		ok, _ := roadmap.SplitItem(old)
		nk, _ := roadmap.SplitItem(new)
		if _, answered := roadmap.DiffKeys("features", ok, nk, decode); !answered {
			b.Fatal("no answer")
		}
	}
}

// TestOlderItemAnswersForAKeyEdit: an edit of one key is what OlderItem is
// for; it must answer, not leave the caller to decode the older item whole.
func TestOlderItemAnswersForAKeyEdit(t *testing.T) {
	old := []byte("  - id: a\n    title: A\n    status: idea\n    target: later\n")
	new := []byte("  - id: a\n    title: A\n    status: planned\n    target: later\n")
	oldKeys, ok1 := roadmap.SplitItem(old)
	newKeys, ok2 := roadmap.SplitItem(new)
	newer, _ := roadmap.DecodeItem("features", new)
	if !ok1 || !ok2 || newer == nil {
		t.Fatalf("the fixture does not split or decode: %v %v %v", ok1, ok2, newer)
	}
	made, ok := roadmap.OlderItem("features", newer, oldKeys, newKeys, func(k roadmap.ItemKey) (any, bool) { return roadmap.KeyItem("features", k) })
	f, isFeature := made.(*roadmap.Feature)
	if !ok || !isFeature || f.Status != roadmap.StatusIdea || f.Title != "A" || newer.(*roadmap.Feature).Status != roadmap.StatusPlanned {
		t.Errorf("OlderItem: %v %+v; the newer item: %+v", ok, made, newer)
	}
}
