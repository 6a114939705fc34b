package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// treeCache keeps the entries of the trees read last: a walk compares each
// commit's folder with its parent's, then the parent's with the
// grandparent's, so every tree it reads it reads twice in a row.
type treeCache struct {
	mu      sync.Mutex
	entries map[plumbing.Hash][]object.TreeEntry
}

// maxCachedTrees bounds treeCache; when full it starts again empty.
const maxCachedTrees = 4096

// entries lists a tree's entries in git's order (by name, folders as if
// their name ended in a slash), which the merge in diffTrees relies on being
// the same on both sides; nil for the zero hash. Packed trees are parsed
// straight from the pack, the others read through go-git.
func (r *Repo) entries(h plumbing.Hash) ([]object.TreeEntry, error) {
	if h == plumbing.ZeroHash {
		return nil, nil
	}
	c := r.trees
	c.mu.Lock()
	es, ok := c.entries[h]
	c.mu.Unlock()
	if ok {
		return es, nil
	}
	var err error
	if t, data, ref, ok := r.packs.read(h); ok && t == plumbing.TreeObject {
		es, err = parseTree(data)
	} else {
		ref.release() // a blob where a tree should be
		var t *object.Tree
		if t, err = r.git.TreeObject(h); err == nil {
			es = t.Entries
		}
	}
	if err != nil {
		return nil, fmt.Errorf("reading tree %s: %w", h.String()[:7], err)
	}
	c.mu.Lock()
	if len(c.entries) >= maxCachedTrees {
		clear(c.entries)
	}
	c.entries[h] = es
	c.mu.Unlock()
	return es, nil
}

var errBadTree = errors.New("malformed tree object")

// parseTree reads the entries of a tree object's content: for each, its
// mode in octal, a space, its name, a zero byte and its 20-byte hash.
func parseTree(data []byte) ([]object.TreeEntry, error) {
	var out []object.TreeEntry
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		nul := bytes.IndexByte(data, 0)
		if sp <= 0 || nul < sp+2 || len(data) < nul+1+len(plumbing.ZeroHash) {
			return nil, errBadTree
		}
		mode, err := strconv.ParseUint(string(data[:sp]), 8, 32)
		if err != nil {
			return nil, errBadTree
		}
		e := object.TreeEntry{Name: string(data[sp+1 : nul]), Mode: filemode.FileMode(mode)}
		data = data[nul+1:]
		data = data[copy(e.Hash[:], data):]
		out = append(out, e)
	}
	return out, nil
}

// subtree is the hash of the tree at dir in c, or zero when c has none.
func (r *Repo) subtree(c *object.Commit, dir string) (plumbing.Hash, error) {
	if dir == "" || dir == "." {
		return c.TreeHash, nil
	}
	h, err := r.lookup(c.TreeHash, dir, isDir)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("reading the tree of %s: %w", c.Hash.String()[:7], err)
	}
	return h, nil
}

// lookup follows the slash path p down from tree h, through folders, to
// an entry whose mode last accepts: its hash, or zero when there is none.
func (r *Repo) lookup(h plumbing.Hash, p string, last func(filemode.FileMode) bool) (plumbing.Hash, error) {
	// Every commit of a walk looks up its folder: no allocation per call.
	for rest, more := p, true; more; {
		var name string
		name, rest, more = strings.Cut(rest, "/")
		es, err := r.entries(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		accepts := isDir
		if !more {
			accepts = last
		}
		h = plumbing.ZeroHash
		for _, e := range es {
			if e.Name == name && accepts(e.Mode) {
				h = e.Hash
				break
			}
		}
		if h == plumbing.ZeroHash {
			break
		}
	}
	return h, nil
}

func isDir(m filemode.FileMode) bool { return m == filemode.Dir }

// isFile tells a file (plain or executable) from a folder, a link or a
// submodule, as loads do.
func isFile(m filemode.FileMode) bool { return m.IsRegular() || m == filemode.Executable }

// fileAt is the blob of the file at p in the folder dir of commit c: found
// is false when c has no such folder, and the hash zero when the folder has
// no such file (or a link, or a folder, there).
func (r *Repo) fileAt(c *object.Commit, dir, p string) (h plumbing.Hash, found bool, err error) {
	tree, err := r.subtree(c, dir)
	if err != nil || tree == plumbing.ZeroHash {
		return plumbing.ZeroHash, false, err
	}
	h, err = r.lookup(tree, p, isFile)
	return h, err == nil, err
}
