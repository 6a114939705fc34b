package roadmap

import "slices"

// MarkUncommitted marks, of the changes from a commit to the working tree,
// those the commits up to HEAD did not make. committed lists the changes
// from the same commit to HEAD, compared alike (for the same audience): an
// item added or removed was committed when HEAD added or removed it too, a
// field when HEAD changed it to the same value. With committed nil, every
// change is the working tree's.
func MarkUncommitted(changes, committed []Change) {
	type key struct{ item, id string }
	atHead := make(map[key]*Change, len(committed))
	for i := range committed {
		atHead[key{committed[i].Item, committed[i].ID}] = &committed[i]
	}
	for i := range changes {
		c := &changes[i]
		h := atHead[key{c.Item, c.ID}]
		if c.Kind != Changed {
			c.Uncommitted = h == nil || h.Kind != c.Kind
			continue
		}
		for j := range c.Fields {
			f := &c.Fields[j]
			f.Uncommitted = h == nil || h.Kind != Changed || !slices.ContainsFunc(h.Fields, func(g FieldChange) bool {
				return g.Field == f.Field && g.New == f.New
			})
		}
	}
}
