package gitrepo

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// CommitInfo names a commit the way diff and history show it.
func CommitInfo(c *object.Commit) *roadmap.Commit {
	subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
	return &roadmap.Commit{
		Hash:    c.Hash.String(),
		Short:   c.Hash.String()[:7],
		Subject: strings.TrimSpace(subject),
		Author:  c.Author.Name,
		Email:   c.Author.Email,
		// The day the change reached the line: a commit rebased or
		// cherry-picked onto it keeps the older day it was written.
		Date: c.Committer.When.Format("2006-01-02"),
	}
}

// HistoryOptions limit a history walk.
type HistoryOptions struct {
	// Dir is the roadmap folder, relative to the repository root.
	Dir string
	// Kind is the list the item is in (features, objectives, campaigns).
	Kind, ID string
	// Stop ends the walk at this commit (not included); zero walks to the root.
	Stop plumbing.Hash
	// Since, a day, ends the walk at the first commit committed before it,
	// on its committer's calendar: a commit rebased onto the line reached
	// it the day it was committed, whatever day it was written. Since is
	// read only when Stop is zero.
	Since roadmap.Date
}

// History lists, oldest first, the commits on head's first-parent line that
// changed one item, each with the fields it changed. An item moved to
// another file is the same item: only its content counts.
func (r *Repo) History(head *object.Commit, o HistoryOptions) ([]roadmap.Event, error) {
	events, err := r.Histories(head, o, o.Kind)
	return events[o.Kind], err
}

// Histories is History of the items with id o.ID in each of several kinds
// (o.Kind is not read), in one walk: ids are unique within a kind only, and
// an item gone from head may have been of any kind. Kinds no item with the
// id had have no events.
func (r *Repo) Histories(head *object.Commit, o HistoryOptions, kinds ...string) (map[string][]roadmap.Event, error) {
	// Where the walk ends is found from the commits alone: off the line,
	// before any tree is read; before a date, without reading the parent
	// of the first commit too old, which a shallow clone may lack.
	if o.Stop != plumbing.ZeroHash {
		if err := r.reaches(head, o.Stop); err != nil {
			return nil, err
		}
	} else if !o.Since.IsZero() {
		stop, err := r.committedBefore(head, o.Since)
		if err != nil {
			return nil, err
		}
		o.Stop = stop
	}
	events := map[string][]roadmap.Event{}
	// where holds, per kind, the files that hold the item of that kind:
	// each kind is followed on its own, as items of two kinds sharing the
	// id may live in different files.
	where := map[string]map[string]bool{}
	for _, k := range kinds {
		w, err := r.filesHolding(head, o.Dir, k, o.ID)
		if err != nil {
			return nil, err
		}
		where[k] = w
	}
	// The walk reads ahead the blobs follow is likely to ask for: the files
	// that held an item when last seen, or every changed file while one is
	// absent. A stale hint costs time, never correctness.
	var hint struct {
		sync.Mutex
		where  map[string]bool
		absent bool
	}
	setHint := func() {
		hint.Lock()
		defer hint.Unlock()
		hint.where, hint.absent = map[string]bool{}, false
		for _, w := range where {
			maps.Copy(hint.where, w)
			hint.absent = hint.absent || len(w) == 0
		}
	}
	setHint()
	prefetch := func(s Step) {
		hint.Lock()
		var read []plumbing.Hash
		for _, f := range s.Files {
			if f.Old != plumbing.ZeroHash && (hint.absent || hint.where[f.Path]) {
				read = append(read, f.Old)
			}
		}
		hint.Unlock()
		for _, h := range read {
			if t, err := r.blob(h); err == nil {
				t.release()
			}
		}
	}
	err := r.walk(head, o.Stop, o.Dir, func(s Step) error {
		// Each kind is compared in the files that hold its item only: a
		// file holding the objective says nothing of the feature.
		held := map[string][]FileChange{}
		for _, k := range kinds {
			known := len(where[k]) > 0
			files, err := r.follow(s, where[k], k, o.ID)
			if err != nil {
				return err
			}
			if known && len(where[k]) == 0 {
				// Gone from every file the walk knew of: added here, or
				// copied here from a file this commit left alone, the
				// first half of a move over two commits.
				from, err := r.copiedFrom(s, k, o.ID)
				if err != nil {
					return err
				}
				for _, f := range from {
					where[k][f.Path] = true
					files = append(files, f)
				}
			}
			held[k] = files
		}
		setHint()
		for _, k := range kinds {
			if len(held[k]) == 0 {
				continue
			}
			want := func(kind, id string) bool { return id == o.ID && kind == k }
			changes, _, err := r.changes(Step{Commit: s.Commit, Dir: s.Dir, Files: held[k], mends: s.mends}, want, false)
			if err != nil {
				return err
			}
			for _, c := range changes {
				if e, ok := eventOf(c, s.Commit); ok {
					events[k] = append(events[k], e)
				}
			}
		}
		return nil
	}, prefetch)
	for _, es := range events {
		slices.Reverse(es)
	}
	return events, err
}

// eventOf is an item's change in commit c as history shows it; false when
// only comments or layout changed.
func eventOf(ch ItemChange, c *object.Commit) (roadmap.Event, bool) {
	e := roadmap.Event{Commit: CommitInfo(c), Kind: roadmap.Changed, Fields: ch.Fields}
	switch {
	case ch.Added():
		e.Kind = roadmap.Added
	case ch.Removed():
		e.Kind = roadmap.Removed
	}
	return e, e.Kind != roadmap.Changed || len(e.Fields) > 0
}

// Between is the change to the item with an id, of each of kinds (an id
// two kinds share), from commit old to commit new, in the roadmap folder at
// dir in both, named as new's: history since a release tag merged in shows
// the merge against the tag, not against the line it joined, so what the
// tag already had is not listed again. events holds the kinds whose item
// changed; known is false when a file that differs does not parse on a
// side, so that no one can tell (a note says so).
func (r *Repo) Between(old, new *object.Commit, dir string, kinds []string, id string) (events map[string]roadmap.Event, known bool, err error) {
	oldTree, err := r.subtree(old, dir)
	if err != nil {
		return nil, false, err
	}
	newTree, err := r.subtree(new, dir)
	if err != nil {
		return nil, false, err
	}
	var files []FileChange
	if err := r.diffTrees(oldTree, newTree, "", &files); err != nil {
		return nil, false, err
	}
	want := func(k, i string) bool { return i == id && slices.Contains(kinds, k) }
	changes, known, err := r.changes(Step{Commit: new, Dir: dir, Files: files}, want, false)
	if err != nil {
		return nil, false, err
	}
	events = map[string]roadmap.Event{}
	for _, c := range changes { // one at most for each of want's items
		if e, changed := eventOf(c, new); changed {
			events[c.Kind] = e
		}
	}
	return events, known, nil
}

// filesHolding lists the roadmap files of c that hold the item kind/id.
func (r *Repo) filesHolding(c *object.Commit, dir, kind, id string) (map[string]bool, error) {
	tree, err := r.subtree(c, dir)
	if err != nil {
		return nil, err
	}
	files, err := r.holding(tree, nil, kind, id)
	where := map[string]bool{}
	for _, f := range files {
		where[f.Path] = true
	}
	return where, err
}

// holding lists the roadmap files of a folder's tree, but those of skip,
// that hold the item kind/id, each with its blob as New.
func (r *Repo) holding(tree plumbing.Hash, skip map[string]bool, kind, id string) ([]FileChange, error) {
	var all, out []FileChange
	if err := r.loadFiles(tree, "", &all); err != nil {
		return nil, err
	}
	for _, f := range all {
		if skip[f.Path] {
			continue
		}
		has, err := r.holds(f.Path, f.New, plumbing.ZeroHash, kind, id)
		if err != nil {
			return nil, err
		}
		if has {
			out = append(out, f)
		}
	}
	return out, nil
}

// holds reports whether a blob of the file at p holds the item kind/id;
// near is a version of the file split lately, to split the blob from.
// Only a blob whose text mentions the id is split to look: a campaign that
// lists a feature, or a longer id that contains it, mentions it without
// holding it. A blob that does not parse holds what it mentions, as far as
// can be told.
func (r *Repo) holds(p string, h, near plumbing.Hash, kind, id string) (bool, error) {
	if h == plumbing.ZeroHash {
		return false, nil
	}
	if ok, err := r.mentions(h, id); err != nil || !ok {
		return false, err
	}
	sp, err := r.split(p, h, near)
	if err != nil {
		return false, err
	}
	if r.isBroken(h) {
		return true, nil
	}
	for _, it := range sp.items {
		if it.kind != kind {
			continue
		}
		if it.id == "" {
			r.decode(it)
		}
		if it.id == id {
			return true, nil
		}
	}
	return false, nil
}

// follow keeps track, walking back one commit, of which files hold an item,
// reading as few blobs as it can: where holds the files of the commit that
// hold it and becomes those of its parent. It returns the changed files
// that hold the item on either side.
//
// While a file the commit did not change holds the item, or a changed one
// still does on its older side, the item stays where it was. When it is
// found in none of them (it was added, or is absent from the commit), or a
// changed file lost it (it moved in from elsewhere), the older sides of the
// other changed files are read too. A duplicate id (a lint error) that a
// commit removes from a second file goes unnoticed here; copiedFrom finds
// the second file where the copy was made.
func (r *Repo) follow(s Step, where map[string]bool, kind, id string) ([]FileChange, error) {
	var out []FileChange
	changed := map[string]bool{}
	for _, f := range s.Files {
		changed[f.Path] = true
	}
	stays := false
	for p := range where {
		stays = stays || !changed[p]
	}
	checked := map[string]bool{}
	lost := false
	for _, f := range s.Files {
		if !where[f.Path] {
			continue
		}
		has, err := r.holds(f.Path, f.Old, f.New, kind, id)
		if err != nil {
			return nil, err
		}
		checked[f.Path] = true
		out = append(out, f)
		where[f.Path] = has
		stays = stays || has
		lost = lost || !has
	}
	for _, f := range s.Files {
		if checked[f.Path] {
			continue
		}
		has := false
		if !stays || lost {
			var err error
			if has, err = r.holds(f.Path, f.Old, f.New, kind, id); err != nil {
				return nil, err
			}
		}
		if has {
			out = append(out, f)
		}
		where[f.Path] = has
	}
	for p, in := range where {
		if !in {
			delete(where, p)
		}
	}
	return out, nil
}

// copiedFrom lists the files of s's parent that hold the item kind/id and
// that s did not change, each as if s had removed it: s added the item as a
// copy of theirs, and a later commit removed it from them (which follow,
// reading only the files that hold the item, does not see). The copy is
// then a change of the item, not its addition.
func (r *Repo) copiedFrom(s Step, kind, id string) ([]FileChange, error) {
	if s.Parent == plumbing.ZeroHash {
		return nil, nil
	}
	// follow has read the older side of each file s changed.
	changed := map[string]bool{}
	for _, f := range s.Files {
		changed[f.Path] = true
	}
	held, err := r.holding(s.Parent, changed, kind, id)
	if err != nil {
		return nil, err
	}
	var out []FileChange
	for _, f := range held {
		// A file that does not parse holds whatever it names (holds says
		// so, to keep a trail through it); only one that parses tells a
		// copy from a mention.
		if !r.isBroken(f.New) {
			out = append(out, FileChange{Path: f.Path, Old: f.New})
		}
	}
	return out, nil
}

// committedBefore is the first commit on head's first-parent line committed
// (on its committer's calendar) before day, or the zero hash when none is.
func (r *Repo) committedBefore(head *object.Commit, day roadmap.Date) (plumbing.Hash, error) {
	for c, err := range r.firstParents(head) {
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if roadmap.DateOf(c.Committer.When).Before(day) {
			return c.Hash, nil
		}
	}
	return plumbing.ZeroHash, nil
}
