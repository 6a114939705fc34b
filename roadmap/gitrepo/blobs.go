package gitrepo

import (
	"fmt"
	"io"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/northwind-labs/roadmap/roadmap"
)

// blobCache holds the text of the blobs read last, by hash, so a blob that
// neighbouring commits share is read once, even when two goroutines ask for
// it at once. A walk needs each text only while it splits it (itemCache
// keeps the items), so the cache keeps the newest limit bytes: a walk's
// memory grows with the item versions it meets, not with the size of every
// file version it reads.
type blobCache struct {
	mu    sync.Mutex
	text  map[plumbing.Hash]*blobEntry
	order []*blobEntry // the blobs read, oldest first
	size  int          // bytes in order
	limit int
	reads int // blobs read from the object store, for tests
}

type blobEntry struct {
	hash plumbing.Hash
	read func() (blobText, error)
	// text is the cache's hold on the text once read, released when the
	// entry is gone from the cache; c.mu guards both.
	text blobText
	gone bool
}

// blobText is a blob's text, held until released; blob texts rebuilt from
// a pack are reused for other blobs once every holder has let go.
type blobText struct {
	b   []byte
	ref *sharedText // nil for a text the collector keeps
}

// release lets go of the text: it must not be read after.
func (t blobText) release() { t.ref.release() }

// blobCacheLimit is how many bytes of blob text the blob cache keeps (the
// packs' cache of rebuilt objects keeps more of the same texts).
const blobCacheLimit = 8 << 20

func newBlobCache(limit int) *blobCache {
	return &blobCache{text: map[plumbing.Hash]*blobEntry{}, limit: limit}
}

// blob returns a blob's text, held for the caller, who releases it; of a
// blob over roadmap.MaxFileSize it returns no more than one byte past that,
// so the loader reports it instead of holding it (a packed blob is rebuilt
// whole first: its deltas need the whole base).
func (r *Repo) blob(h plumbing.Hash) (blobText, error) {
	c := r.blobs
	c.mu.Lock()
	e, ok := c.text[h]
	if !ok {
		e = c.add(h, r.readBlob)
	}
	c.mu.Unlock()
	t, err := e.read()
	if err != nil {
		return blobText{}, err
	}
	c.mu.Lock()
	gone := e.gone
	if gone {
		c.reads++
	} else {
		t.ref.hold()
	}
	c.mu.Unlock()
	if gone {
		// Dropped by newer blobs read meanwhile, before it was held: its
		// text may be another's by now. Read it again, for this caller.
		return r.readBlob(h)
	}
	return t, nil
}

// add makes the entry of blob h, read once by read. c.mu is held.
func (c *blobCache) add(h plumbing.Hash, read func(plumbing.Hash) (blobText, error)) *blobEntry {
	e := &blobEntry{hash: h}
	e.read = sync.OnceValues(func() (blobText, error) {
		t, err := read(h)
		c.mu.Lock()
		defer c.mu.Unlock()
		c.reads++
		e.text = t
		c.order = append(c.order, e)
		c.size += len(t.b)
		for c.size > c.limit && len(c.order) > 1 {
			old := c.order[0]
			if c.text[old.hash] == old {
				delete(c.text, old.hash)
			}
			c.size -= len(old.text.b)
			c.order[0] = nil
			c.order = c.order[1:]
			old.gone = true
			old.text.release()
		}
		return t, err
	})
	c.text[h] = e
	return e
}

func (r *Repo) readBlob(h plumbing.Hash) (blobText, error) {
	typ, text, ref, ok := r.packs.read(h)
	if ok && typ == plumbing.BlobObject {
		return blobText{b: text[:min(len(text), roadmap.MaxFileSize+1)], ref: ref}, nil
	}
	ref.release()
	b, err := r.git.BlobObject(h)
	if err != nil {
		return blobText{}, fmt.Errorf("reading blob %s: %w", h.String()[:7], err)
	}
	rd, err := b.Reader()
	if err != nil {
		return blobText{}, fmt.Errorf("reading blob %s: %w", h.String()[:7], err)
	}
	defer rd.Close()
	// Read into a buffer of the blob's size: no growing, no copying.
	t := make([]byte, min(b.Size, roadmap.MaxFileSize+1))
	if _, err := io.ReadFull(rd, t); err != nil {
		return blobText{}, fmt.Errorf("reading blob %s: %w", h.String()[:7], err)
	}
	return blobText{b: t}, nil
}

// BlobReads is how many blobs were read from the object store so far.
func (r *Repo) BlobReads() int {
	r.blobs.mu.Lock()
	defer r.blobs.mu.Unlock()
	return r.blobs.reads
}
