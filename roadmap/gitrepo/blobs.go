package gitrepo

import (
	"fmt"
	"io"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/northwind-labs/roadmap/roadmap"
)

// blobCache holds the text of each blob read, by hash, so a blob that many
// commits share is read once, even when two goroutines ask for it at once.
type blobCache struct {
	mu    sync.Mutex
	text  map[plumbing.Hash]func() ([]byte, error)
	reads int // blobs read from the object store, for tests
}

func newBlobCache() *blobCache {
	return &blobCache{text: map[plumbing.Hash]func() ([]byte, error){}}
}

// blob returns a blob's text; a blob over roadmap.MaxFileSize is read no
// further than that, so the loader reports it instead of holding it.
func (r *Repo) blob(h plumbing.Hash) ([]byte, error) {
	c := r.blobs
	c.mu.Lock()
	read, ok := c.text[h]
	if !ok {
		read = sync.OnceValues(func() ([]byte, error) {
			c.mu.Lock()
			c.reads++
			c.mu.Unlock()
			return r.readBlob(h)
		})
		c.text[h] = read
	}
	c.mu.Unlock()
	return read()
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
