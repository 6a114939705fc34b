package gitrepo

import (
	"bytes"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// Found is an item Find found: the list that holds it (features,
// objectives or campaigns), its title, and the file it is in (its path in
// the roadmap folder, and its blob).
type Found struct {
	Kind, Title string
	Path        string
	Blob        plumbing.Hash
}

// Find tells which lists of the roadmap at dir in commit c hold an item of
// the id, in the order features, objectives, campaigns (ids are unique
// within a kind only), with each item's title; none when no list holds it.
// It answers as loading the roadmap would (the first item of that id, in
// path order, of a file that parses), but reads the files as a walk from c
// does, split into items, each decoded only if its id is not written
// plainly: history need not load the whole roadmap to start.
func (r *Repo) Find(c *object.Commit, dir, id string) ([]Found, error) {
	tree, err := r.subtree(c, dir)
	if err != nil {
		return nil, err
	}
	var files []FileChange
	if err := r.loadFiles(tree, "", &files); err != nil {
		return nil, err
	}
	type candidate struct {
		file  FileChange
		split split
		it    *item
	}
	var candidates [3][]candidate // features, objectives, campaigns, in path order
	for _, f := range files {
		// Only a file whose text holds the id can hold the item: split no other.
		mentions, err := r.mentions(f.New, id)
		if err != nil {
			return nil, err
		}
		if !mentions {
			continue
		}
		sp, err := r.split(f.Path, f.New, plumbing.ZeroHash)
		if err != nil {
			return nil, err
		}
		for _, it := range sp.items {
			k := kindRank(it.kind)
			if k < 0 {
				continue
			}
			if it.id == "" {
				r.decode(it) // learns the id
			}
			if it.id == id {
				candidates[k] = append(candidates[k], candidate{f, sp, it})
			}
		}
	}
	var out []Found
	for _, list := range candidates {
		for _, cand := range list {
			if !r.fileParses(cand.file.New, cand.split) {
				continue // a load reads the file as empty
			}
			title, ok := "", true
			switch v := r.decode(cand.it).(type) {
			case *roadmap.Feature:
				title = v.Title
			case *roadmap.Objective:
				title = v.Title
			case *roadmap.Campaign:
				title = v.Title
			default:
				ok = false
			}
			if ok {
				out = append(out, Found{cand.it.kind, title, cand.file.Path, cand.file.New})
				break // the first of its kind, as a load reads it
			}
		}
	}
	return out, nil
}

// mentions reports whether the text of blob h holds id anywhere, a cheap
// test before the blob is split.
func (r *Repo) mentions(h plumbing.Hash, id string) (bool, error) {
	text, err := r.blob(h)
	if err != nil {
		return false, err
	}
	defer text.release()
	return bytes.Contains(text.b, []byte(id)), nil
}

func kindRank(kind string) int {
	switch kind {
	case "features":
		return 0
	case "objectives":
		return 1
	case "campaigns":
		return 2
	}
	return -1
}
