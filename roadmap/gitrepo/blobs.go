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
	read func() ([]byte, error)
	size int
}

// blobCacheLimit is how many bytes of blob text a Repo keeps.
const blobCacheLimit = 16 << 20

func newBlobCache(limit int) *blobCache {
	return &blobCache{text: map[plumbing.Hash]*blobEntry{}, limit: limit}
}

// blob returns a blob's text; a blob over roadmap.MaxFileSize is read no
// further than that, so the loader reports it instead of holding it.
func (r *Repo) blob(h plumbing.Hash) ([]byte, error) {
	c := r.blobs
	c.mu.Lock()
	e, ok := c.text[h]
	if !ok {
		e = &blobEntry{hash: h}
		e.read = sync.OnceValues(func() ([]byte, error) {
			text, err := r.readBlob(h)
			c.mu.Lock()
			defer c.mu.Unlock()
			c.reads++
			e.size = len(text)
			c.order = append(c.order, e)
			c.size += e.size
			for c.size > c.limit && len(c.order) > 1 {
				old := c.order[0]
				if c.text[old.hash] == old {
					delete(c.text, old.hash)
				}
				c.size -= old.size
				c.order[0] = nil // let the text go
				c.order = c.order[1:]
			}
			return text, err
		})
		c.text[h] = e
	}
	c.mu.Unlock()
	return e.read()
}

func (r *Repo) readBlob(h plumbing.Hash) ([]byte, error) {
	if t, text, ok := r.packs.read(h); ok && t == plumbing.BlobObject {
		return text[:min(len(text), roadmap.MaxFileSize+1)], nil
	}
	b, err := r.git.BlobObject(h)
	if err != nil {
		return nil, fmt.Errorf("reading blob %s: %w", h.String()[:7], err)
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, fmt.Errorf("reading blob %s: %w", h.String()[:7], err)
	}
	defer rd.Close()
	// Read into a buffer of the blob's size: no growing, no copying.
	t := make([]byte, min(b.Size, roadmap.MaxFileSize+1))
	if _, err := io.ReadFull(rd, t); err != nil {
		return nil, fmt.Errorf("reading blob %s: %w", h.String()[:7], err)
	}
	return t, nil
}

// BlobReads is how many blobs were read from the object store so far.
func (r *Repo) BlobReads() int {
	r.blobs.mu.Lock()
	defer r.blobs.mu.Unlock()
	return r.blobs.reads
}
