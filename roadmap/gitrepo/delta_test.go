package gitrepo

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

func allocate(n int) []byte { return make([]byte, n) }

// TestApplyDeltaBuildsWhatGoGitBuilds applies deltas go-git computes
// between versions of a text (an edit, an insertion, a deletion, a text
// rewritten, one over 64 KiB copied in one piece) and holds the result to
// the target and to go-git's own patching.
func TestApplyDeltaBuildsWhatGoGitBuilds(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	line := func(i int) string { return fmt.Sprintf("  - id: feature-%04d\n    title: Feature %d\n", i, i) }
	var base bytes.Buffer
	for i := range 3000 {
		base.WriteString(line(i))
	}
	src := base.Bytes()
	targets := map[string][]byte{
		"an edit":        bytes.Replace(src, []byte("Feature 1500"), []byte("Feature fifteen hundred"), 1),
		"an insertion":   append(append(bytes.Clone(src[:40000]), "  - id: new\n"...), src[40000:]...),
		"a deletion":     append(bytes.Clone(src[:1000]), src[90000:]...),
		"a rewrite":      bytes.ToUpper(src[:5000]),
		"the same text":  bytes.Clone(src),
		"an empty text":  {},
		"random changes": randomEdits(rng, src),
	}
	for name, target := range targets {
		delta := packfile.DiffDelta(src, target)
		got, err := applyDelta(src, delta, allocate)
		if err != nil || !bytes.Equal(got, target) {
			t.Errorf("%s: %d bytes, %v; want the %d-byte target", name, len(got), err, len(target))
		}
		if want, err := packfile.PatchDelta(src, delta); err == nil && !bytes.Equal(got, want) {
			t.Errorf("%s: go-git patches a different text", name)
		}
	}
}

func randomEdits(rng *rand.Rand, src []byte) []byte {
	out := bytes.Clone(src)
	for range 20 {
		at := rng.IntN(len(out))
		out = append(out[:at], append([]byte("edited\n"), out[min(len(out), at+rng.IntN(500)):]...)...)
	}
	return out
}

// TestApplyDeltaWritesWhereItIsTold: the object is built in the memory
// alloc returns, of the size the delta gives.
func TestApplyDeltaWritesWhereItIsTold(t *testing.T) {
	room := make([]byte, 64)
	var asked int
	got, err := applyDelta([]byte("hello\n"), append([]byte{6, 13, 0x90, 5, 8}, ", world\n"...), func(n int) []byte {
		asked = n
		return room[:n]
	})
	if err != nil || string(got) != "hello, world\n" || asked != 13 || &got[0] != &room[0] {
		t.Errorf("got %q (asked for %d bytes), %v; want hello, world in the room given", got, asked, err)
	}
}

// FuzzApplyDelta holds applyDelta to go-git's PatchDelta on any base and
// delta: both refuse, or both build the same bytes; never a panic.
func FuzzApplyDelta(f *testing.F) {
	f.Add([]byte("hello\n"), append([]byte{6, 13, 0x90, 5, 8}, ", world\n"...))
	f.Add([]byte("hello\n"), []byte{6, 0})
	f.Add([]byte("hello\n"), []byte{6, 5, 0x91, 1, 4})
	f.Add([]byte("x"), []byte{1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01})
	f.Add(bytes.Repeat([]byte("ab"), 40000), []byte{0x80, 0xf1, 0x04, 0x80, 0x80, 0x04, 0x80})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		got, err := applyDelta(base, delta, allocate)
		want, wantErr := packfile.PatchDelta(base, delta)
		switch {
		case err == nil && len(got) > maxObjectSize:
			t.Fatalf("built %d bytes", len(got))
		case len(base) == 0 && wantErr != nil:
			// go-git refuses every delta on an empty base; git does not.
		case (err == nil) != (wantErr == nil):
			t.Fatalf("applyDelta: %v; go-git: %v", err, wantErr)
		case err == nil && !bytes.Equal(got, want):
			t.Fatalf("applyDelta built %q; go-git %q", got, want)
		}
	})
}
