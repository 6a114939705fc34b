package gitrepo

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-git/go-billy/v5/memfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
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
		r := openGenerated(t, gen.RepoOptions{Features: 40, Commits: 120, Seed: 3, RefDeltas: refDeltas})
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
				typ, data, ref, ok := r.packs.read(h)
				if !ok {
					t.Fatalf("refDeltas %v: packs did not read %s", refDeltas, h)
				}
				if typ != want.Type() || !bytes.Equal(data, content(t, want)) {
					t.Fatalf("refDeltas %v: %s reads as %s of %d bytes, go-git reads %s", refDeltas, h, typ, len(data), want.Type())
				}
				if got := plumbing.ComputeHash(typ, data); got != h {
					t.Fatalf("refDeltas %v: %s hashes to %s", refDeltas, h, got)
				}
				ref.release()
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
		c.put(pk, int64(i), plumbing.BlobObject, make([]byte, 30), nil)
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
	c.put(pk, 99, plumbing.BlobObject, make([]byte, 101), nil)
	if _, ok := c.get(pk, 99); ok {
		t.Error("an object larger than the whole cache was kept")
	}
}

// packEntry encodes an object as a pack stores it; rel is a delta's
// distance back to its base.
func packEntry(t plumbing.ObjectType, data []byte, rel int64) []byte {
	size := len(data)
	out := []byte{byte(t)<<4 | byte(size&15)}
	for size >>= 4; size > 0; size >>= 7 {
		out[len(out)-1] |= 0x80
		out = append(out, byte(size&0x7f))
	}
	if t == plumbing.OFSDeltaObject {
		enc := []byte{byte(rel & 0x7f)}
		for rel >>= 7; rel > 0; rel >>= 7 {
			rel--
			enc = append([]byte{0x80 | byte(rel&0x7f)}, enc...)
		}
		out = append(out, enc...)
	}
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(data)
	w.Close()
	return append(out, z.Bytes()...)
}

// helloPack is a blob "hello\n" and a delta on it that reads "hello, world\n".
func helloPack() (body []byte, deltaAt int64) {
	blob := packEntry(plumbing.BlobObject, []byte("hello\n"), 0)
	// Sizes 6 -> 13; copy 5 bytes from offset 0; insert ", world\n".
	delta := append([]byte{6, 13, 0x90, 5, 8}, ", world\n"...)
	return append(blob, packEntry(plumbing.OFSDeltaObject, delta, int64(len(blob)))...), 12 + int64(len(blob))
}

func memPack(t testing.TB, body []byte) (*packs, *pack) {
	t.Helper()
	file, err := memfs.New().Create("p.pack")
	if err != nil {
		t.Fatal(err)
	}
	file.Write(append([]byte("PACK\x00\x00\x00\x02\x00\x00\x00\x02"), body...))
	pk := &pack{idx: idxfile.NewMemoryIndex(), file: file, size: int64(12 + len(body))}
	return &packs{list: []*pack{pk}, cache: newBaseCache(1 << 20), texts: newTextPool(1 << 20)}, pk
}

func TestPackReadsAWholeObjectAndADelta(t *testing.T) {
	body, deltaAt := helloPack()
	p, pk := memPack(t, body)
	for _, c := range []struct {
		off  int64
		want string
	}{{12, "hello\n"}, {deltaAt, "hello, world\n"}} {
		typ, data, _, err := p.readAt(pk, c.off)
		if err != nil || typ != plumbing.BlobObject || string(data) != c.want {
			t.Errorf("at %d: %v %q %v, want a blob %q", c.off, typ, data, err, c.want)
		}
	}
	// A claim of more than the pack could inflate to is refused unread.
	huge := append([]byte{0xbf, 0xff, 0xff, 0x7f}, packEntry(plumbing.BlobObject, []byte("x"), 0)[1:]...)
	p, pk = memPack(t, huge)
	if _, _, _, err := p.readAt(pk, 12); err == nil || !strings.Contains(err.Error(), "claims") {
		t.Errorf("an object claiming 33 MB in a 16-byte pack: %v", err)
	}
}

// FuzzPackEntry reads hostile pack bytes: any object of any claimed size,
// type, delta base or chain must give an object or an error, never a panic,
// and never more than maxObjectSize.
func FuzzPackEntry(f *testing.F) {
	body, deltaAt := helloPack()
	f.Add(body, uint16(0))
	f.Add(body, uint16(deltaAt-12))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, uint16(0))
	f.Add([]byte{0x70, 0x00}, uint16(0))
	f.Fuzz(func(t *testing.T, body []byte, at uint16) {
		p, pk := memPack(t, body)
		off := 12 + int64(at)%max(int64(len(body)), 1)
		typ, data, _, err := p.readAt(pk, off)
		if err == nil && (typ < plumbing.CommitObject || typ > plumbing.TagObject) {
			t.Fatalf("read an object of type %v", typ)
		}
		if len(data) > maxObjectSize {
			t.Fatalf("%d bytes of pack read as %d", len(body), len(data))
		}
	})
}
