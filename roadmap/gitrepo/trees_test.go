package gitrepo

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

// TestTreesReadAsGoGitReadsThem: every tree of a packed repository lists
// the entries go-git decodes, read once from the pack and once more from
// the cache.
func TestTreesReadAsGoGitReadsThem(t *testing.T) {
	r := openGenerated(t, gen.RepoOptions{Features: 40, Commits: 60, Seed: 5})
	trees := 0
	for h, o := range everyObject(t, r) {
		if o.Type() != plumbing.TreeObject {
			continue
		}
		trees++
		want, err := object.DecodeTree(r.git.Storer, o)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			got, err := r.entries(h)
			if err != nil || !reflect.DeepEqual(got, want.Entries) {
				t.Fatalf("tree %s: %v\n got %v\nwant %v", h, err, got, want.Entries)
			}
		}
	}
	if trees < 60 {
		t.Errorf("only %d trees", trees)
	}
}

// encodeTree writes entries as a tree object's content.
func encodeTree(entries []object.TreeEntry) []byte {
	var b bytes.Buffer
	for _, e := range entries {
		fmt.Fprintf(&b, "%o %s\x00", uint32(e.Mode), e.Name)
		b.Write(e.Hash[:])
	}
	return b.Bytes()
}

func TestParseTreeRefusesDamage(t *testing.T) {
	good := encodeTree([]object.TreeEntry{{Name: "roadmap", Mode: 0o40000, Hash: plumbing.NewHash("0123456789abcdef0123456789abcdef01234567")}})
	for name, data := range map[string][]byte{
		"cut hash":    good[:len(good)-1],
		"no mode":     append([]byte(" x\x00"), bytes.Repeat([]byte{1}, 20)...),
		"no name":     append([]byte("100644 \x00"), bytes.Repeat([]byte{1}, 20)...),
		"not octal":   append([]byte("100944 x\x00"), bytes.Repeat([]byte{1}, 20)...),
		"no nul":      []byte("100644 x"),
		"huge mode":   append([]byte("77777777777 x\x00"), bytes.Repeat([]byte{1}, 20)...),
		"trailing":    append(good, '1'),
		"nul in mode": append([]byte("10\x00644 x\x00"), bytes.Repeat([]byte{1}, 20)...),
	} {
		if es, err := parseTree(data); err == nil {
			t.Errorf("%s: parsed as %v", name, es)
		}
	}
	if es, err := parseTree(good); err != nil || len(es) != 1 || es[0].Name != "roadmap" {
		t.Errorf("good tree: %v %v", es, err)
	}
}

// FuzzParseTree: any bytes parse or fail without a panic, and what parses
// writes back to the same bytes.
func FuzzParseTree(f *testing.F) {
	f.Add(encodeTree([]object.TreeEntry{
		{Name: "features", Mode: 0o40000, Hash: plumbing.NewHash("0123456789abcdef0123456789abcdef01234567")},
		{Name: "roadmap.yaml", Mode: 0o100644, Hash: plumbing.NewHash("89abcdef0123456789abcdef0123456789abcdef")},
	}))
	f.Add([]byte("100644 a\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := parseTree(data)
		if err != nil {
			return
		}
		if back := encodeTree(es); !bytes.Equal(back, data) {
			// Modes written with leading zeros parse to the same number.
			if again, err := parseTree(back); err != nil || !reflect.DeepEqual(again, es) {
				t.Fatalf("%q parses as %v, which writes back as %q", data, es, back)
			}
		}
	})
}
