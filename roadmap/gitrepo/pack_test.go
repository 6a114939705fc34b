package gitrepo

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/go-git/go-billy/v5/memfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

// everyObject reads every object of r through go-git's own storage.
func everyObject(t *testing.T, r *Repo) map[plumbing.Hash]plumbing.EncodedObject {
	t.Helper()
	st := r.git.Storer.(*storage)
	iter, err := st.Storage.IterEncodedObjects(plumbing.AnyObject)
	if err != nil {
		t.Fatal(err)
	}
	all := map[plumbing.Hash]plumbing.EncodedObject{}
	err = iter.ForEach(func(o plumbing.EncodedObject) error {
		all[o.Hash()] = o
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func content(t *testing.T, o plumbing.EncodedObject) []byte {
	t.Helper()
	rd, err := o.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPacksReadWhatGoGitReads reads every object of packed repositories
// (deltas by offset and by hash) through packs, in a random order, with a
// cache large enough to keep everything and with one that keeps nothing, and
// holds each to go-git's reading and to its hash.
func TestPacksReadWhatGoGitReads(t *testing.T) {
	for _, refDeltas := range []bool{false, true} {
		dir := t.TempDir()
		if _, err := gen.Repo(dir, gen.RepoOptions{Features: 40, Commits: 120, Seed: 3, RefDeltas: refDeltas}); err != nil {
			t.Fatal(err)
		}
		r, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		all := everyObject(t, r)
		if len(all) < 300 {
			t.Fatalf("only %d objects", len(all))
		}
		hashes := make([]plumbing.Hash, 0, len(all))
		for h := range all {
			hashes = append(hashes, h)
		}
		for _, limit := range []int{96 << 20, 0} {
			r.packs.cache = newBaseCache(limit)
			rand.New(rand.NewPCG(1, uint64(limit))).Shuffle(len(hashes), func(i, j int) { hashes[i], hashes[j] = hashes[j], hashes[i] })
			deltas := 0
			kind := plumbing.OFSDeltaObject
			if refDeltas {
				kind = plumbing.REFDeltaObject
			}
			for _, h := range hashes {
				want := all[h]
				typ, data, ok := r.packs.read(h)
				if !ok {
					t.Fatalf("refDeltas %v: packs did not read %s", refDeltas, h)
				}
				if typ != want.Type() || !bytes.Equal(data, content(t, want)) {
					t.Fatalf("refDeltas %v: %s reads as %s of %d bytes, go-git reads %s", refDeltas, h, typ, len(data), want.Type())
				}
				if got := plumbing.ComputeHash(typ, data); got != h {
					t.Fatalf("refDeltas %v: %s hashes to %s", refDeltas, h, got)
				}
				if e, err := r.packs.entry(r.packs.list[0], mustOffset(t, r, h)); err == nil && e.t == kind {
					deltas++
				}
			}
			if deltas < len(hashes)/8 {
				t.Errorf("only %d of %d objects are %s; the test does not test them", deltas, len(hashes), kind)
			}
			if limit == 0 && len(r.packs.cache.at) != 0 {
				t.Errorf("a cache limited to nothing holds %d objects", len(r.packs.cache.at))
			}
		}
	}
}

func mustOffset(t *testing.T, r *Repo, h plumbing.Hash) int64 {
	t.Helper()
	off, err := r.packs.list[0].idx.FindOffset(h)
	if err != nil {
		t.Fatal(err)
	}
	return off
}

// TestBaseCacheKeepsItsLimit fills the cache past its limit.
func TestBaseCacheKeepsItsLimit(t *testing.T) {
	c := newBaseCache(100)
	pk := &pack{}
	for i := range 50 {
		c.put(pk, int64(i), plumbing.BlobObject, make([]byte, 30))
		if c.size > 100 {
			t.Fatalf("after %d puts the cache holds %d bytes", i+1, c.size)
		}
	}
	if _, ok := c.get(pk, 49); !ok {
		t.Error("the newest object was dropped")
	}
	if _, ok := c.get(pk, 0); ok {
		t.Error("the oldest object is still kept")
	}
	c.put(pk, 99, plumbing.BlobObject, make([]byte, 101))
	if _, ok := c.get(pk, 99); ok {
		t.Error("an object larger than the whole cache was kept")
	}
}

// FuzzPackEntry reads hostile pack bytes: any object of any claimed size,
// type, delta base or chain must give an object or an error, never a panic,
// and never more memory than the pack could inflate to.
func FuzzPackEntry(f *testing.F) {
	// A blob "hello\n" at 12, then a delta on it at the next offset.
	blob := []byte{0x36, 0x78, 0x9c, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xe7, 0x02, 0x00, 0x08, 0x4b, 0x02, 0x1f}
	f.Add(blob, uint16(0))
	f.Add(append(append([]byte{}, blob...), 0x6b, 0x0f, 0x78, 0x9c, 0x63, 0x63, 0x60, 0x60, 0x04, 0x00, 0x00, 0x11, 0x00, 0x07), uint16(len(blob)))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, uint16(0))
	f.Add([]byte{0x70, 0x00}, uint16(0))
	f.Fuzz(func(t *testing.T, body []byte, at uint16) {
		fsys := memfs.New()
		file, err := fsys.Create("p.pack")
		if err != nil {
			t.Fatal(err)
		}
		file.Write(append([]byte("PACK\x00\x00\x00\x02\x00\x00\x00\x02"), body...))
		pk := &pack{idx: idxfile.NewMemoryIndex(), file: file, size: int64(12 + len(body))}
		p := &packs{list: []*pack{pk}, cache: newBaseCache(1 << 20)}
		off := 12 + int64(at)%max(int64(len(body)), 1)
		t0, data, err := p.readAt(pk, off)
		if err == nil && (t0 < plumbing.CommitObject || t0 > plumbing.TagObject) {
			t.Fatalf("read an object of type %v", t0)
		}
		if len(data) > 1032*len(body)+64 {
			t.Fatalf("%d bytes of pack read as %d", len(body), len(data))
		}
	})
}

var _ storer.EncodedObjectStorer = (*storage)(nil)
