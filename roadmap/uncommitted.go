package roadmap

// MarkUncommitted marks, of the changes from a commit to the working tree,
// those the working tree alone holds, given the roadmap at HEAD: an item
// added or removed that HEAD still has or lacks, a field whose value at HEAD
// is not the working tree's. The rest were made by commits up to HEAD.
func MarkUncommitted(changes []Change, head *Roadmap) {
	fields := map[[2]string]map[string]string{}
	index := func(kind, id string, fs []Field) {
		m := make(map[string]string, len(fs))
		for _, f := range fs {
			m[f.Path] = f.Value
		}
		fields[[2]string{kind, id}] = m
	}
	for _, f := range head.Features {
		index("feature", f.ID, f.Fields())
	}
	for _, o := range head.Objectives {
		index("objective", o.ID, o.Fields())
	}
	for _, c := range head.Campaigns {
		index("campaign", c.ID, c.Fields())
	}
	for i := range changes {
		c := &changes[i]
		at, inHead := fields[[2]string{c.Item, c.ID}]
		switch c.Kind {
		case Added:
			c.Uncommitted = !inHead
		case Removed:
			c.Uncommitted = inHead
		default:
			for j := range c.Fields {
				f := &c.Fields[j]
				f.Uncommitted = !inHead || at[f.Field] != f.New
			}
		}
	}
}
