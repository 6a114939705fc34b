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
}

// itemCache remembers, per blob, the file's items, and per item text, the
// decoded item: a typical commit edits one feature of a file of fifty, and
// only that feature is decoded again.
type itemCache struct {
	mu      sync.Mutex
	files   map[plumbing.Hash]func() (split, error)
	broken  map[plumbing.Hash]bool // blobs that do not parse as YAML
	decoded map[textHash]any
	notes   []string
	decodes int // items decoded, for tests
	wholes  int // files decoded whole, for tests
	resplit int // blobs split from a neighbour, for tests
}

func newItemCache() *itemCache {
	return &itemCache{files: map[plumbing.Hash]func() (split, error){}, broken: map[plumbing.Hash]bool{}, decoded: map[textHash]any{}}
}

// Resplits tells how many blobs were split from a neighbouring version.
func (r *Repo) Resplits() int {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return r.items.resplit
}

// DecodeCounts tells how many items were decoded one by one and how many
// files had to be decoded whole.
func (r *Repo) DecodeCounts() (items, wholeFiles int) {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return r.items.decodes, r.items.wholes
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
	v, ok := c.decoded[it.hash]
	c.mu.Unlock()
	if !ok {
		ch := *it.chunk
		ch.Start = 2
		doc, findings := roadmap.DecodeChunk("", ch)
		for _, f := range findings {
			if f.Rule == "syntax" {
				it.broken = true
			}
		}
		switch {
		case len(doc.Features) == 1:
			v = doc.Features[0]
		case len(doc.Objectives) == 1:
			v = doc.Objectives[0]
		case len(doc.Campaigns) == 1:
			v = doc.Campaigns[0]
		}
		c.mu.Lock()
		c.decoded[it.hash] = v
		c.decodes++
		c.mu.Unlock()
	}
	it.decoded = v
	if it.id == "" {
		it.id = idOf(v)
	}
	return v
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

// ItemChange is an item a commit added, removed or changed: Old or New is
// nil when the item is absent on that side.
type ItemChange struct {
	Kind     string // features, objectives, campaigns
	ID       string
	Old, New any
}

// changes lists the items step changed. Items whose text is the same on both
// sides cancel out, whatever file they are in, so a move is no change. want,
// if not nil, limits the result to some items before they are decoded.
func (r *Repo) changes(step Step, want func(kind, id string) bool) ([]ItemChange, error) {
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
	unknown := map[key]bool{} // items whose text in this commit does not parse
	relevant := func(it *item) bool {
		if it.kind != "features" && it.kind != "objectives" && it.kind != "campaigns" {
			return false
		}
		if want != nil && it.id != "" && !want(it.kind, it.id) {
			return false
		}
		if r.decode(it) == nil || it.id == "" {
			if it.broken && it.id != "" {
				unknown[key{it.kind, it.id}] = true
			}
			return false
		}
		return want == nil || want(it.kind, it.id)
	}
	byKey := map[key]*ItemChange{}
	var order []key
	for _, it := range removed {
		if relevant(it) {
			k := key{it.kind, it.id}
			if _, dup := byKey[k]; !dup {
				byKey[k] = &ItemChange{Kind: it.kind, ID: it.id, Old: it.decoded}
				order = append(order, k)
			}
		}
	}
	for _, it := range added {
		if relevant(it) {
			k := key{it.kind, it.id}
			if c, ok := byKey[k]; ok {
				if c.New == nil {
					c.New = it.decoded
				}
				continue
			}
			byKey[k] = &ItemChange{Kind: it.kind, ID: it.id, New: it.decoded}
			order = append(order, k)
		}
	}
	out := make([]ItemChange, 0, len(order))
	for _, k := range order {
		if unknown[k] {
			continue // one side does not parse: no telling what changed
		}
		out = append(out, *byKey[k])
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
