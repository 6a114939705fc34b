package gitrepo

import (
	"fmt"
	"io"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/northwind-labs/roadmap/roadmap"
)

// blobCache holds the text of each blob read, by hash, so a blob that many
// commits share is read once.
type blobCache struct {
	mu    sync.Mutex
	text  map[plumbing.Hash][]byte
	reads int // blobs read from the object store, for tests
}

func newBlobCache() *blobCache { return &blobCache{text: map[plumbing.Hash][]byte{}} }

// blob returns a blob's text; a blob over roadmap.MaxFileSize is read no
// further than that, so the loader reports it instead of holding it.
func (r *Repo) blob(h plumbing.Hash) ([]byte, error) {
	c := r.blobs
	c.mu.Lock()
	t, ok := c.text[h]
	c.mu.Unlock()
	if ok {
		return t, nil
	}
	if t, text, ok := r.packs.read(h); ok && t == plumbing.BlobObject {
		return c.keep(h, text[:min(len(text), roadmap.MaxFileSize+1)]), nil
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
	t = make([]byte, min(b.Size, roadmap.MaxFileSize+1))
	_, err = io.ReadFull(rd, t)
	if err != nil {
		return nil, fmt.Errorf("reading blob %s: %w", h.String()[:7], err)
	}
	return c.keep(h, t), nil
}

func (c *blobCache) keep(h plumbing.Hash, text []byte) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.text[h] = text
	c.reads++
	return text
}

// BlobReads is how many blobs were read from the object store so far.
func (r *Repo) BlobReads() int {
	r.blobs.mu.Lock()
	defer r.blobs.mu.Unlock()
	return r.blobs.reads
}
