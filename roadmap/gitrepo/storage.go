package gitrepo

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// storage is go-git's storage of a repository's git folder, with objects
// read from the packfiles by packs first (see packs for why). Its objects
// are read whole, so walks and loads may use it from several goroutines.
type storage struct {
	*filesystem.Storage
	packs *packs
	mu    sync.Mutex // go-git's storage is read by one goroutine at a time
}

var _ storer.EncodedObjectStorer = (*storage)(nil)

// EncodedObject reads an object from the packs, or else through go-git.
func (s *storage) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	if typ, data, ref, ok := s.packs.read(h); ok {
		if t == plumbing.AnyObject || t == typ {
			// go-git's objects live as long as their readers keep them.
			if ref != nil {
				data = slices.Clone(data)
			}
			ref.release()
			return &packedObject{hash: h, t: typ, data: data}, nil
		}
		ref.release()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o, err := s.Storage.EncodedObject(t, h)
	if err != nil || o.Size() > maxObjectSize {
		return o, err
	}
	if _, ok := o.(*plumbing.MemoryObject); ok {
		return o, nil
	}
	// go-git reads a packed object through the pack's shared file when asked
	// for its content: read it now, under the lock.
	rd, err := o.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, err
	}
	return &packedObject{hash: h, t: o.Type(), data: data}, nil
}

// HashesWithPrefix expands a short hash (Resolve of "6d9c8cf"), under the
// lock: go-git loads the pack indexes it reads on first use.
func (s *storage) HashesWithPrefix(prefix []byte) ([]plumbing.Hash, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Storage.HashesWithPrefix(prefix)
}

// EncodedObjectSize is go-git's, under the lock, for the same reason.
func (s *storage) EncodedObjectSize(h plumbing.Hash) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Storage.EncodedObjectSize(h)
}

func (s *storage) Close() error {
	return errors.Join(s.packs.Close(), s.Storage.Close())
}

// packedObject is an object read by packs: its hash is the one it was
// asked for, so nothing hashes it again.
type packedObject struct {
	hash plumbing.Hash
	t    plumbing.ObjectType
	data []byte
}

func (o *packedObject) Hash() plumbing.Hash           { return o.hash }
func (o *packedObject) Type() plumbing.ObjectType     { return o.t }
func (o *packedObject) SetType(t plumbing.ObjectType) { o.t = t }
func (o *packedObject) Size() int64                   { return int64(len(o.data)) }
func (o *packedObject) SetSize(int64)                 {}
func (o *packedObject) Reader() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(o.data)), nil
}
func (o *packedObject) Writer() (io.WriteCloser, error) {
	return nil, errors.New("objects read from a pack cannot be written")
}
