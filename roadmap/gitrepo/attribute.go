package gitrepo

import (
	"errors"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// kindOf maps a Change's item (feature) to the list it is in (features).
func kindOf(item string) string { return item + "s" }

// Attribute names, for each change between stop and head, the newest commit
// on head's first-parent line that made it: added or removed the item, or set
// the field to its new value. Changes marked uncommitted name none, and
// changes that name a commit already keep it, so a second walk over another
// range names only what the first could not. When stop is not on that line
// it names none and returns ErrNotAncestor.
func (r *Repo) Attribute(head *object.Commit, stop plumbing.Hash, dir string, changes []roadmap.Change) error {
	type key struct{ kind, id, field string }
	pending := map[key]bool{}
	// left counts each item's changes still to attribute: once it has none,
	// the walk neither decodes nor compares it again.
	left := map[[2]string]int{}
	for _, c := range changes {
		kind := kindOf(c.Item)
		if c.Kind == roadmap.Changed {
			for _, f := range c.Fields {
				if !f.Uncommitted && f.Commit == nil {
					pending[key{kind, c.ID, f.Field}] = true
					left[[2]string{kind, c.ID}]++
				}
			}
		} else if !c.Uncommitted && c.Commit == nil {
			pending[key{kind, c.ID, ""}] = true
			left[[2]string{kind, c.ID}]++
		}
	}
	found := map[key]*roadmap.Commit{}
	want := func(kind, id string) bool { return left[[2]string{kind, id}] > 0 }
	claim := func(k key, info *roadmap.Commit) {
		if pending[k] {
			found[k] = info
			delete(pending, k)
			left[[2]string{k.kind, k.id}]--
		}
	}
	// An item on both sides that a commit between them added back (its
	// file moved in two steps, or it was deleted by mistake) was set by
	// that commit only where it differs from the item the removal took:
	// readded holds the newest such commit until the walk meets the removal.
	type readd struct {
		info *roadmap.Commit
		item any
	}
	readded := map[[2]string]readd{}
	// settle gives an item added back, whose removal the walk cannot see (a
	// file that stopped parsing hid it), to the commit that added it back.
	settle := func(item [2]string) {
		back, ok := readded[item]
		if !ok {
			return
		}
		delete(readded, item)
		for k := range pending {
			if k.kind == item[0] && k.id == item[1] {
				claim(k, back.info)
			}
		}
	}
	// Off the line, the walk would read every commit's trees and files
	// down to the root before it knew; reading the commits alone tells at
	// a fraction of the cost, and the walk reads them again from memory.
	if err := r.reaches(head, stop); err != nil {
		return err
	}
	err := r.walk(head, stop, dir, func(s Step) error {
		if len(pending) == 0 {
			return ErrStop
		}
		changes, _, err := r.changes(s, want, false)
		if err != nil {
			return err
		}
		for _, c := range changes {
			info := CommitInfo(s.Commit)
			item := [2]string{c.Kind, c.ID}
			both := !pending[key{c.Kind, c.ID, ""}] // changed, not added or removed
			switch {
			case both && c.Added():
				if _, newer := readded[item]; !newer {
					readded[item] = readd{info, c.New}
				}
				continue
			case both && c.Removed():
				if back, ok := readded[item]; ok {
					delete(readded, item)
					for _, f := range roadmap.DiffFields(roadmap.ItemFields(c.Old), roadmap.ItemFields(back.item)) {
						claim(key{c.Kind, c.ID, f.Field}, back.info)
					}
				}
				continue
			case c.Added() || c.Removed():
				claim(key{c.Kind, c.ID, ""}, info)
			default:
				settle(item) // changed before it was added back
			}
			for _, f := range c.Fields {
				claim(key{c.Kind, c.ID, f.Field}, info)
			}
		}
		return nil
	}, r.readBlobs, r.prefetchItems)
	for item := range readded {
		settle(item)
	}
	if errors.Is(err, ErrNotAncestor) {
		// The older revision is not behind the newer one (diverged branches,
		// or the revisions given the other way round): which commit made a
		// change cannot be told, so none is named.
		return err
	}
	for i := range changes {
		c := &changes[i]
		if info := found[key{kindOf(c.Item), c.ID, ""}]; info != nil {
			c.Commit = info
		}
		for j := range c.Fields {
			if info := found[key{kindOf(c.Item), c.ID, c.Fields[j].Field}]; info != nil {
				c.Fields[j].Commit = info
			}
		}
	}
	return err
}
