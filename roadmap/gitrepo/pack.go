package gitrepo

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
	"github.com/klauspost/compress/zlib"
)

// packs reads objects straight from a repository's packfiles. A history walk
// reads thousands of versions of the same files, each stored as a delta on
// another; packs keeps the versions it rebuilt by their place in the pack,
// as git does, so a chain is rebuilt once and nothing is hashed to be cached.
// Anything it cannot read (loose objects, other object formats, damage) it
// leaves to go-git, which stays the authority on errors. Blob texts are
// built in memory from the text pool, and given back to it once nothing
// reads them.
//
// packs is safe for concurrent use.
type packs struct {
	list  []*pack
	cache *baseCache
	texts *textPool
	bufs  sync.Pool // *bufio.Reader
	zlibs sync.Pool // io.ReadCloser that is a zlib.Resetter
}

type pack struct {
	idx  *idxfile.MemoryIndex
	file billy.File
	size int64
}

// maxObjectSize bounds what one object may claim to be; larger ones, which
// a roadmap never holds, are left to go-git.
const maxObjectSize = 256 << 20

// maxChain bounds a delta chain; git writes them no deeper than 4095.
const maxChain = 10000

// baseCacheLimit is how many bytes of rebuilt objects packs keeps, git's
// own default: with less, a long history rebuilds its delta chains again
// (diff across 20,000 commits took twice as long with 16 MiB). textPoolLimit
// is how many bytes of texts no longer read it keeps to reuse.
const (
	baseCacheLimit = 96 << 20
	textPoolLimit  = 16 << 20
)

// openPacks opens the packfiles of the git folder dot. A pack whose index
// does not read is skipped (go-git reads its objects, or reports it).
func openPacks(dot *dotgit.DotGit) *packs {
	p := &packs{cache: newBaseCache(baseCacheLimit), texts: newTextPool(textPoolLimit)}
	hashes, err := dot.ObjectPacks()
	if err != nil {
		return p
	}
	for _, h := range hashes {
		if pk, err := openPack(dot, h); err == nil {
			p.list = append(p.list, pk)
		}
	}
	return p
}

func openPack(dot *dotgit.DotGit, h plumbing.Hash) (*pack, error) {
	idxFile, err := dot.ObjectPackIdx(h)
	if err != nil {
		return nil, err
	}
	defer idxFile.Close()
	idx := idxfile.NewMemoryIndex()
	if err := idxfile.NewDecoder(bufio.NewReader(idxFile)).Decode(idx); err != nil {
		return nil, err
	}
	f, err := dot.ObjectPack(h)
	if err != nil {
		return nil, err
	}
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &pack{idx: idx, file: f, size: size}, nil
}

func (p *packs) Close() error {
	var errs []error
	for _, pk := range p.list {
		errs = append(errs, pk.file.Close())
	}
	return errors.Join(errs...)
}

// read returns an object's type and content; ok is false when the object is
// in none of the packs or does not read, and go-git should be asked.
// The content is shared: callers must not change it. A blob's text is held
// for the caller by ref, which it releases once it no longer reads it;
// other objects have no ref and are kept by the collector.
func (p *packs) read(h plumbing.Hash) (t plumbing.ObjectType, data []byte, ref *sharedText, ok bool) {
	for _, pk := range p.list {
		off, found := pk.offset(h)
		if !found {
			continue
		}
		t, data, ref, err := p.readAt(pk, off)
		return t, data, ref, err == nil
	}
	return plumbing.InvalidObject, nil, nil, false
}

// link is one object of a delta chain still to be rebuilt.
type link struct {
	off   int64
	delta []byte
}

// readAt rebuilds the object at off: it follows the chain of deltas down to
// a whole object or one already rebuilt, then applies the deltas back up,
// keeping each result for the chains that share it. A blob's text comes
// held for the caller by ref, as read says.
func (p *packs) readAt(pk *pack, off int64) (t plumbing.ObjectType, data []byte, ref *sharedText, err error) {
	var chain []link
	for {
		if e, ok := p.cache.get(pk, off); ok {
			t, data, ref = e.t, e.data, e.ref
			break
		}
		if len(chain) == maxChain {
			return 0, nil, nil, fmt.Errorf("pack: delta chain deeper than %d", maxChain)
		}
		h, err := p.entry(pk, off)
		if err != nil {
			return 0, nil, nil, err
		}
		if !h.isDelta() {
			t, data, ref = h.t, h.data, h.ref
			p.cache.put(pk, off, t, data, ref)
			break
		}
		chain = append(chain, link{off, h.data})
		off = h.base
	}
	alloc := func(n int) []byte { return make([]byte, n) }
	if t == plumbing.BlobObject {
		alloc = p.texts.get // a delta builds an object of its base's type
	}
	for i := len(chain) - 1; i >= 0; i-- {
		out, err := applyDelta(data, chain[i].delta, alloc)
		if err != nil {
			ref.release()
			return 0, nil, nil, fmt.Errorf("%w at %d", err, chain[i].off)
		}
		ref.release() // the base, rebuilt
		data, ref = out, nil
		if t == plumbing.BlobObject {
			ref = newSharedText(p.texts, out)
		}
		p.cache.put(pk, chain[i].off, t, data, ref)
	}
	return t, data, ref, nil
}

// entry is an object as a pack stores it: whole, or a delta on a base.
type entry struct {
	t    plumbing.ObjectType
	base int64 // the base's offset, for deltas
	data []byte
	ref  *sharedText // holding data, for a whole blob
}

func (e entry) isDelta() bool {
	return e.t == plumbing.OFSDeltaObject || e.t == plumbing.REFDeltaObject
}

// entry reads and inflates the pack entry at off.
func (p *packs) entry(pk *pack, off int64) (entry, error) {
	if off < 12 || off >= pk.size {
		return entry{}, fmt.Errorf("pack: offset %d outside the pack", off)
	}
	br, _ := p.bufs.Get().(*bufio.Reader)
	if br == nil {
		br = bufio.NewReaderSize(nil, 4096)
	}
	defer p.bufs.Put(br)
	br.Reset(io.NewSectionReader(pk.file, off, pk.size-off))

	b, err := br.ReadByte()
	if err != nil {
		return entry{}, err
	}
	e := entry{t: plumbing.ObjectType((b >> 4) & 7)}
	size := int64(b & 15)
	for shift := 4; b&0x80 != 0; shift += 7 {
		if b, err = br.ReadByte(); err != nil {
			return entry{}, err
		}
		if shift > 56 {
			return entry{}, fmt.Errorf("pack: object size too large at %d", off)
		}
		size |= int64(b&0x7f) << shift
	}
	// Deflate shrinks text at most about 1032 times: a larger claim is a lie.
	if size > maxObjectSize || size > (pk.size-off)*1032+64 {
		return entry{}, fmt.Errorf("pack: object at %d claims %d bytes", off, size)
	}
	switch e.t {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
	case plumbing.OFSDeltaObject:
		if b, err = br.ReadByte(); err != nil {
			return entry{}, err
		}
		rel := int64(b & 0x7f)
		for b&0x80 != 0 {
			if b, err = br.ReadByte(); err != nil {
				return entry{}, err
			}
			if rel > (1<<55)-1 {
				return entry{}, fmt.Errorf("pack: delta offset too large at %d", off)
			}
			rel = (rel+1)<<7 | int64(b&0x7f)
		}
		e.base = off - rel
		if rel <= 0 || e.base < 12 {
			return entry{}, fmt.Errorf("pack: delta at %d has its base outside the pack", off)
		}
	case plumbing.REFDeltaObject:
		var h plumbing.Hash
		if _, err := io.ReadFull(br, h[:]); err != nil {
			return entry{}, err
		}
		base, found := pk.offset(h)
		if !found {
			return entry{}, fmt.Errorf("pack: the base of the delta at %d is not in the pack", off) // a thin pack: go-git
		}
		if base == off {
			return entry{}, fmt.Errorf("pack: delta at %d is its own base", off)
		}
		e.base = base
	default:
		return entry{}, fmt.Errorf("pack: unknown object type %d at %d", e.t, off)
	}
	zr, err := p.inflate(br)
	if err != nil {
		return entry{}, err
	}
	defer p.zlibs.Put(zr)
	if e.t == plumbing.BlobObject {
		e.data = p.texts.get(int(size))
	} else {
		e.data = make([]byte, size)
	}
	if _, err := io.ReadFull(zr, e.data); err != nil {
		return entry{}, fmt.Errorf("pack: inflating the object at %d: %w", off, err)
	}
	if e.t == plumbing.BlobObject {
		e.ref = newSharedText(p.texts, e.data)
	}
	return e, nil
}

func (p *packs) inflate(r io.Reader) (io.ReadCloser, error) {
	if zr, ok := p.zlibs.Get().(io.ReadCloser); ok {
		if err := zr.(zlib.Resetter).Reset(r, nil); err != nil {
			return nil, err
		}
		return zr, nil
	}
	return zlib.NewReader(r)
}
