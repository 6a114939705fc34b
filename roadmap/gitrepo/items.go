package gitrepo

import (
	"encoding/json"
	"fmt"
	"hash/maphash"
	"slices"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/northwind-labs/roadmap/roadmap"
)

// item is one item as one version of a file holds it.
type item struct {
	kind string // the list it is in: features, objectives, ...
	id   string // "" until known
	hash textHash
	// chunk is the item's text, for files that split; decoded is set once
	// the item is decoded (always, for files decoded whole).
	chunk   *roadmap.Chunk
	decoded any
	broken  bool // its text does not parse
	// keys is the chunk cut by its top-level keys, once asked for; split
	// says whether it was, and cut whether it could be.
	keys       []roadmap.ItemKey
	split, cut bool
}

// itemCache remembers, per blob, the file's items, and per item text, the
// decoded item: a typical commit edits one feature of a file of fifty, and
// only that feature is decoded again.
type itemCache struct {
	mu      sync.Mutex
	files   map[plumbing.Hash]func() (split, error)
	broken  map[plumbing.Hash]bool // blobs that do not parse as YAML
	decoded map[textHash]decoded
	// parses holds item texts known to parse: decoded without a syntax
	// error, in a file that parses whole, or an older version of one whose
	// changed keys parse.
	parses map[textHash]bool
	// whole holds the blobs a load found to parse.
	whole map[plumbing.Hash]bool
	// keyFields holds, per text of one key of an item, the fields it sets.
	keyFields  map[textHash]keyFields
	notes      []string
	decodes    int // items decoded, for tests
	keyDecodes int // keys of items decoded, for tests
	wholes     int // files decoded whole, for tests
	resplit    int // blobs split from a neighbour, for tests
}

type keyFields struct {
	fields []roadmap.Field
	ok     bool
}

func newItemCache() *itemCache {
	return &itemCache{
		files:     map[plumbing.Hash]func() (split, error){},
		broken:    map[plumbing.Hash]bool{},
		decoded:   map[textHash]decoded{},
		parses:    map[textHash]bool{},
		whole:     map[plumbing.Hash]bool{},
		keyFields: map[textHash]keyFields{},
	}
}

// parsesWhole records that a load found blob h to parse whole.
func (c *itemCache) parsesWhole(h plumbing.Hash) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.whole[h] = true
}

// Resplits tells how many blobs were split from a neighbouring version.
func (r *Repo) Resplits() int {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return r.items.resplit
}

// DecodeCounts tells how many items were decoded whole, how many keys of
// items were decoded alone, and how many files had to be decoded whole.
func (r *Repo) DecodeCounts() (items, keys, wholeFiles int) {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return r.items.decodes, r.items.keyDecodes, r.items.wholes
}

// fileItems lists the items of a blob of the file at p; nil for the zero
// hash. Each blob is split once, even when two goroutines ask at once.
func (r *Repo) fileItems(p string, h plumbing.Hash) ([]*item, error) {
	s, err := r.split(p, h, plumbing.ZeroHash)
	return s.items, err
}

// split is a blob cut into its items; chunks is nil for a blob decoded whole.
type split struct {
	chunks []roadmap.Chunk
	items  []*item
}

// split splits a blob of the file at p, by resplitting the blob near (a
// version of the same file next to it in history) when it can. Only a
// walk's prefetch passes near, one split at a time, so no two splits ever
// wait on each other.
func (r *Repo) split(p string, h, near plumbing.Hash) (split, error) {
	if h == plumbing.ZeroHash {
		return split{}, nil
	}
	c := r.items
	c.mu.Lock()
	once, ok := c.files[h]
	if !ok {
		once = sync.OnceValues(func() (split, error) { return r.splitBlob(p, h, near) })
		c.files[h] = once
	}
	c.mu.Unlock()
	return once()
}

// prefetchItems splits, ahead of a walk's visit, the files a step changed:
// the newer side first, which an earlier step has usually split already,
// then the older one from it. Errors are left for visit to meet.
func (r *Repo) prefetchItems(s Step) {
	for _, f := range s.Files {
		r.split(f.Path, f.New, f.Old)
		r.split(f.Path, f.Old, f.New)
	}
}

func (r *Repo) splitBlob(p string, h, near plumbing.Hash) (split, error) {
	text, err := r.blob(h)
	if err != nil {
		return split{}, err
	}
	if s, ok := r.resplit(p, text, near); ok {
		return s, nil
	}
	if chunks, ok := roadmap.SplitFile(text); ok {
		its := make([]*item, len(chunks))
		for i := range chunks {
			its[i] = newItem(&chunks[i])
		}
		// When the file parses whole, so does each of its items
		// (FuzzSplitParse holds SplitFile to that).
		c := r.items
		c.mu.Lock()
		if c.whole[h] {
			for _, it := range its {
				c.parses[it.hash] = true
			}
		}
		c.mu.Unlock()
		return split{chunks: chunks, items: its}, nil
	}
	doc, findings := roadmap.ParseDocument(p, text)
	c := r.items
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wholes++
	for _, f := range findings {
		if f.Rule == "syntax" {
			c.broken[h] = true
		}
	}
	return split{items: wholeItems(doc)}, nil
}

// resplit splits text from the split of near when near is split already and
// the two differ inside one item: the other items are near's, unhashed.
func (r *Repo) resplit(p string, text []byte, near plumbing.Hash) (split, bool) {
	if near == plumbing.ZeroHash {
		return split{}, false
	}
	c := r.items
	c.mu.Lock()
	once, ok := c.files[near]
	c.mu.Unlock()
	if !ok {
		return split{}, false
	}
	ns, err := once()
	if err != nil || ns.chunks == nil {
		return split{}, false
	}
	nearText, err := r.blob(near)
	if err != nil {
		return split{}, false
	}
	chunks, j, ok := roadmap.ResplitFile(text, nearText, ns.chunks)
	if !ok {
		return split{}, false
	}
	its := slices.Clone(ns.items)
	its[j] = newItem(&chunks[j])
	c.mu.Lock()
	c.resplit++
	c.mu.Unlock()
	return split{chunks: chunks, items: its}, true
}

func newItem(ch *roadmap.Chunk) *item {
	return &item{kind: ch.Key, id: ch.ID, hash: chunkHash(ch), chunk: ch}
}

// textHash identifies an item's text within one run: two 64-bit hashes
// with seeds chosen at random when the program starts, so no text can be
// made to collide with another on purpose, and by chance about once in 2^128.
type textHash [2]uint64

var textSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func hashText(kind string, text []byte) textHash {
	var out textHash
	for i, seed := range textSeeds {
		var h maphash.Hash
		h.SetSeed(seed)
		h.WriteString(kind)
		h.WriteByte(0)
		h.Write(text)
		out[i] = h.Sum64()
	}
	return out
}

func chunkHash(ch *roadmap.Chunk) textHash { return hashText(ch.Key, ch.Text) }

// wholeItems lists the items of a file decoded whole; each item's hash is
// that of its fields, so an unchanged item matches across versions.
func wholeItems(doc roadmap.Document) []*item {
	var out []*item
	add := func(kind, id string, v any) {
		b, _ := json.Marshal(v)
		out = append(out, &item{kind: kind, id: id, hash: hashText(kind, b), decoded: v})
	}
	for _, f := range doc.Features {
		add("features", f.ID, f)
	}
	for _, o := range doc.Objectives {
		add("objectives", o.ID, o)
	}
	for _, c := range doc.Campaigns {
		add("campaigns", c.ID, c)
	}
	return out
}

// decode returns the decoded item (a *roadmap.Feature, *roadmap.Objective or
// *roadmap.Campaign; nil for other kinds or an item that does not decode) and
// learns its id. Items decoded from chunks carry the position of a chunk
// starting at line 2: history and diff show no positions.
func (r *Repo) decode(it *item) any {
	if it.decoded != nil || it.chunk == nil {
		return it.decoded
	}
	c := r.items
	c.mu.Lock()
	d, ok := c.decoded[it.hash]
	c.mu.Unlock()
	if !ok {
		ch := *it.chunk
		ch.Start = 2
		doc, findings := roadmap.DecodeChunk("", ch)
		for _, f := range findings {
			if f.Rule == "syntax" {
				d.broken = true
			}
		}
		switch {
		case len(doc.Features) == 1:
			d.v = doc.Features[0]
		case len(doc.Objectives) == 1:
			d.v = doc.Objectives[0]
		case len(doc.Campaigns) == 1:
			d.v = doc.Campaigns[0]
		}
		c.mu.Lock()
		c.decoded[it.hash] = d
		if d.v != nil {
			c.parses[it.hash] = true
		}
		c.decodes++
		c.mu.Unlock()
	}
	it.decoded, it.broken = d.v, d.broken
	if it.id == "" {
		it.id = idOf(d.v)
	}
	return d.v
}

// decoded is an item text decoded: the item, and whether the text has a
// syntax error.
type decoded struct {
	v      any
	broken bool
}

func idOf(v any) string {
	switch x := v.(type) {
	case *roadmap.Feature:
		return x.ID
	case *roadmap.Objective:
		return x.ID
	case *roadmap.Campaign:
		return x.ID
	}
	return ""
}

// parses reports whether an item's text decodes into an item, decoding it
// whole unless that is known already.
func (r *Repo) parses(it *item) bool {
	c := r.items
	c.mu.Lock()
	ok := c.parses[it.hash]
	c.mu.Unlock()
	return ok || r.decode(it) != nil
}

// itemKeys cuts an item's chunk by its keys, once.
func (it *item) itemKeys() ([]roadmap.ItemKey, bool) {
	if !it.split {
		it.split = true
		if it.chunk != nil {
			it.keys, it.cut = roadmap.SplitItem(it.chunk.Text)
		}
	}
	return it.keys, it.cut
}

// keyFields is roadmap.KeyFields, each distinct key text decoded once: a
// value such as "status: planned" recurs across items and versions.
func (r *Repo) keyFields(kind string, k roadmap.ItemKey) ([]roadmap.Field, bool) {
	h := hashText(kind, k.Text())
	c := r.items
	c.mu.Lock()
	kf, ok := c.keyFields[h]
	c.mu.Unlock()
	if !ok {
		kf.fields, kf.ok = roadmap.KeyFields(kind, k)
		c.mu.Lock()
		c.keyFields[h] = kf
		c.keyDecodes++
		c.mu.Unlock()
	}
	return kf.fields, kf.ok
}

// diffItems lists the fields that differ between two versions of an item
// (either may be nil, for an item added or removed). Provided the newer
// version parses, only the keys written differently are decoded; otherwise
// both versions are decoded whole. ok is false when either version does not
// parse: what changed cannot be told.
func (r *Repo) diffItems(kind string, old, new *item, whole bool) (c ItemChange, ok bool) {
	c.Kind = kind
	if !whole && old != nil && new != nil && r.parses(new) {
		oldKeys, okOld := old.itemKeys()
		newKeys, okNew := new.itemKeys()
		if okOld && okNew {
			fields, answered := roadmap.DiffKeys(kind, oldKeys, newKeys, func(k roadmap.ItemKey) ([]roadmap.Field, bool) {
				return r.keyFields(kind, k)
			})
			if answered {
				r.items.mu.Lock()
				r.items.parses[old.hash] = true
				r.items.mu.Unlock()
				c.Fields = fields
				return c, true
			}
		}
	}
	for _, it := range []*item{old, new} {
		if it != nil && r.decode(it) == nil {
			return c, false
		}
	}
	if old != nil {
		c.Old = old.decoded
	}
	if new != nil {
		c.New = new.decoded
	}
	c.Fields = roadmap.DiffFields(roadmap.ItemFields(c.Old), roadmap.ItemFields(c.New))
	return c, true
}

// ItemChange is an item a commit added, removed or changed, with the fields
// that differ (all of them, for an item added or removed). Old and New are
// the decoded item on each side, nil when absent there; for an item changed,
// only when changes was asked to decode items whole.
type ItemChange struct {
	Kind     string // features, objectives, campaigns
	ID       string
	Old, New any
	Fields   []roadmap.FieldChange
}

// Added and Removed tell an item added or removed from one changed.
func (c ItemChange) Added() bool   { return c.Old == nil && c.New != nil }
func (c ItemChange) Removed() bool { return c.New == nil && c.Old != nil }

// changes lists the items step changed. Items whose text is the same on both
// sides cancel out, whatever file they are in, so a move is no change. want,
// if not nil, limits the result to some items before they are decoded. whole
// decodes changed items whole, for callers that need Old and New.
func (r *Repo) changes(step Step, want func(kind, id string) bool, whole bool) ([]ItemChange, error) {
	var olds, news []*item
	for _, f := range step.Files {
		o, err := r.fileItems(f.Path, f.Old)
		if err != nil {
			return nil, err
		}
		n, err := r.fileItems(f.Path, f.New)
		if err != nil {
			return nil, err
		}
		if r.isBroken(f.Old) || r.isBroken(f.New) {
			// A side that does not parse would read as every item gone (or
			// back): leave the file out of this commit, and say so.
			r.note(step, f.Path)
			continue
		}
		olds = append(olds, o...)
		news = append(news, n...)
	}
	count := map[textHash]int{}
	for _, it := range olds {
		count[it.hash]++
	}
	var added []*item
	for _, it := range news {
		if count[it.hash] > 0 {
			count[it.hash]--
			continue
		}
		added = append(added, it)
	}
	var removed []*item
	for _, it := range olds {
		if count[it.hash] > 0 {
			count[it.hash]--
			removed = append(removed, it)
		}
	}
	type key struct{ kind, id string }
	// relevant learns an item's id, decoding it if its chunk did not say.
	relevant := func(it *item) bool {
		if it.kind != "features" && it.kind != "objectives" && it.kind != "campaigns" {
			return false
		}
		if it.id == "" && r.decode(it) == nil {
			return false
		}
		return it.id != "" && (want == nil || want(it.kind, it.id))
	}
	type pair struct{ old, new *item }
	byKey := map[key]*pair{}
	var order []key
	for _, it := range removed {
		if relevant(it) {
			k := key{it.kind, it.id}
			if _, dup := byKey[k]; !dup {
				byKey[k] = &pair{old: it}
				order = append(order, k)
			}
		}
	}
	for _, it := range added {
		if relevant(it) {
			k := key{it.kind, it.id}
			if p, ok := byKey[k]; ok {
				if p.new == nil {
					p.new = it
				}
				continue
			}
			byKey[k] = &pair{new: it}
			order = append(order, k)
		}
	}
	out := make([]ItemChange, 0, len(order))
	for _, k := range order {
		p := byKey[k]
		c, ok := r.diffItems(k.kind, p.old, p.new, whole)
		if !ok {
			continue // a side does not parse: no telling what changed
		}
		c.ID = k.id
		out = append(out, c)
	}
	return out, nil
}

func (r *Repo) isBroken(h plumbing.Hash) bool {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return r.items.broken[h]
}

// note records a file left out of a commit because it does not parse there.
func (r *Repo) note(s Step, path string) {
	msg := fmt.Sprintf("%s does not parse on one side of commit %s; its changes there are not shown", path, s.Commit.Hash.String()[:7])
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	if !slices.Contains(r.items.notes, msg) {
		r.items.notes = append(r.items.notes, msg)
	}
}

// Notes are what walks left out, to tell the user: files that do not parse.
func (r *Repo) Notes() []string {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return slices.Clone(r.items.notes)
}
