package gitrepo

import (
	"bytes"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// Find tells which list of the roadmap at dir in commit c holds the item
// id, looking in features, then objectives, then campaigns, and the item's
// title; kind is "" when none holds it. It answers as loading the roadmap
// would (the first item of that id, in path order, of a file that parses),
// but reads the files as a walk from c does, split into items, each decoded
// only if its id is not written plainly: history need not load the whole
// roadmap to start.
func (r *Repo) Find(c *object.Commit, dir, id string) (kind, title string, err error) {
	tree, err := r.subtree(c, dir)
	if err != nil {
		return "", "", err
	}
	var files []FileChange
	if err := r.diffTrees(plumbing.ZeroHash, tree, "", &files); err != nil {
		return "", "", err
	}
	type found struct {
		file  FileChange
		split split
		it    *item
	}
	var candidates [3][]found // features, objectives, campaigns, in path order
	for _, f := range files {
		// Only a file whose text holds the id can hold the item: split no other.
		text, err := r.blob(f.New)
		if err != nil {
			return "", "", err
		}
		if !bytes.Contains(text, []byte(id)) {
			continue
		}
		sp, err := r.split(f.Path, f.New, plumbing.ZeroHash)
		if err != nil {
			return "", "", err
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
				candidates[k] = append(candidates[k], found{f, sp, it})
			}
		}
	}
	for _, list := range candidates {
		for _, cand := range list {
			if !r.fileParses(cand.file.New, cand.split) {
				continue // a load reads the file as empty
			}
			switch v := r.decode(cand.it).(type) {
			case *roadmap.Feature:
				return cand.it.kind, v.Title, nil
			case *roadmap.Objective:
				return cand.it.kind, v.Title, nil
			case *roadmap.Campaign:
				return cand.it.kind, v.Title, nil
			}
		}
	}
	return "", "", nil
}

func hasSyntax(findings []roadmap.Finding) bool {
	for _, f := range findings {
		if f.Rule == "syntax" {
			return true
		}
	}
	return false
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
