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
// rewritten, the same text) and holds the result to the target and to
// go-git's own patching.
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

// TestApplyDeltaCopiesSixtyFourKiBWhenNoSizeIsGiven: git writes a copy of
// 64 KiB with no size bytes at all (go-git's DiffDelta writes them).
func TestApplyDeltaCopiesSixtyFourKiBWhenNoSizeIsGiven(t *testing.T) {
	base := bytes.Repeat([]byte("0123456789abcdef"), 5000) // 80,000 bytes
	// Sizes 80,000 -> 65,538; copy from offset 16 with no size byte; insert "!\n".
	delta := []byte{0x80 | 80000&0x7f, 0x80 | 80000>>7&0x7f, 80000 >> 14, 0x80 | 65538&0x7f, 0x80 | 65538>>7&0x7f, 65538 >> 14, 0x81, 16, 2, '!', '\n'}
	got, err := applyDelta(base, delta, allocate)
	want := append(bytes.Clone(base[16:16+0x10000]), "!\n"...)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("%d bytes, %v; want 64 KiB of the base and an insert", len(got), err)
	}
}

// TestApplyDeltaRefusesAClaimItCannotBuild: a delta of a few bytes that
// claims 200 MB is refused before any memory is asked for it.
func TestApplyDeltaRefusesAClaimItCannotBuild(t *testing.T) {
	asked := 0
	_, err := applyDelta([]byte("x"), []byte{1, 0x80, 0x80, 0x80, 0x60, 0x81, 0, 0x10}, func(n int) []byte {
		asked = n
		return make([]byte, n)
	})
	if err == nil || asked != 0 {
		t.Errorf("a 200 MB claim in 8 bytes: %v, %d bytes asked for", err, asked)
	}
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
// delta: both refuse, or both build the same bytes; never a panic. An
// object over maxObjectSize, which a delta needs 4 KiB to claim, is left
// to go-git.
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
		case len(base) == 0 && wantErr != nil:
			// go-git refuses every delta on an empty base; git does not.
		case err != nil && wantErr == nil && len(want) > maxObjectSize:
			// An object larger than a roadmap holds is left to go-git.
		case (err == nil) != (wantErr == nil):
			t.Fatalf("applyDelta: %v; go-git: %v", err, wantErr)
		case err == nil && !bytes.Equal(got, want):
			t.Fatalf("applyDelta built %q; go-git %q", got, want)
		}
	})
}
