package gitrepo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/northwind-labs/roadmap/roadmap"
)

// item is one item as one version of a file holds it.
type item struct {
	kind string // the list it is in: features, objectives, ...
	id   string // "" until known
	hash textHash
	// text is the item's text, for files that split; decoded is set once
	// the item is decoded (always, for files decoded whole).
	text    []byte
	decoded any
	// keys is the chunk cut by its top-level keys, once asked for; split
	// says whether it was, and cut whether it could be.
	keys       []roadmap.ItemKey
	split, cut bool
}

// itemCache remembers, per blob, the file's items, and per item text, the
// decoded item: a typical commit edits one feature of a file of fifty, and
// only that feature is decoded again.
type itemCache struct {
	mu    sync.Mutex
	files map[plumbing.Hash]func() (split, error)
	// items holds each item text once, whatever versions and files share
	// it; near holds the chunks of the blobs split last, for resplitting
	// their neighbours.
	items    map[textHash]*item
	near     map[plumbing.Hash]nearSplit
	recent   []plumbing.Hash        // the keys of near, oldest first
	nearSize int                    // bytes of text in near
	broken   map[plumbing.Hash]bool // blobs that do not parse as YAML, or are too large
	huge     map[plumbing.Hash]bool // blobs over roadmap.MaxFileSize
	decoded  map[textHash]any       // nil for a text that is no item or does not parse
	// parses holds item texts known to parse: decoded without a syntax
	// error, in a file that parses whole, or an older version of one whose
	// changed keys parse.
	parses map[textHash]bool
	// whole tells, of the blobs a load or Find decoded whole, which parse.
	whole map[plumbing.Hash]bool
	// keys holds, per text of one key of an item, the key decoded alone.
	keys       map[textHash]decodedKey
	notes      []string
	decodes    int // items decoded, for tests
	keyDecodes int // keys of items decoded, for tests
	wholes     int // files decoded whole, for tests
	resplit    int // blobs split from a neighbour, for tests
}

// nearSplit is a blob's text, its chunks (from SplitFile or ResplitFile),
// the hash of each chunk's item, and whether the rest of the text parses.
type nearSplit struct {
	text   blobText // held while near keeps it
	chunks []roadmap.Chunk
	hashes []textHash
	head   bool
}

// maxNear and maxNearBytes bound the blobs whose text and chunks itemCache
// keeps for resplitting: a walk resplits a version of a file from the one it
// met just before.
const (
	maxNear      = 256
	maxNearBytes = 16 << 20
)

// decodedKey is one key of an item decoded alone (roadmap.KeyItem): an item
// with that key set, the fields it sets, and whether it parses.
type decodedKey struct {
	item   any
	fields []roadmap.Field
	ok     bool
}

func newItemCache() *itemCache {
	return &itemCache{
		files:   map[plumbing.Hash]func() (split, error){},
		items:   map[textHash]*item{},
		near:    map[plumbing.Hash]nearSplit{},
		broken:  map[plumbing.Hash]bool{},
		huge:    map[plumbing.Hash]bool{},
		decoded: map[textHash]any{},
		parses:  map[textHash]bool{},
		whole:   map[plumbing.Hash]bool{},
		keys:    map[textHash]decodedKey{},
	}
}

// setWhole records whether blob h parses whole, as a load reads it.
func (c *itemCache) setWhole(h plumbing.Hash, parses bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.whole[h] = parses
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

// split is a blob cut into its items. head tells, for a blob that split,
// whether what lies outside its items parses (roadmap.HeadParses); whole
// that it was decoded whole instead.
type split struct {
	items       []*item
	head, whole bool
}

// split splits a blob of the file at p, by resplitting the blob near (a
// version of the same file next to it in history) when near was split
// lately. Each blob is split once, even when two goroutines ask at once.
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

// readBlobs reads, ahead of a walk's splitting, the blobs a step changed.
// Errors are left for visit to meet.
func (r *Repo) readBlobs(s Step) {
	for _, f := range s.Files {
		for _, h := range []plumbing.Hash{f.New, f.Old} {
			if h == plumbing.ZeroHash {
				continue
			}
			if t, err := r.blob(h); err == nil {
				t.release()
			}
		}
	}
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
	t, err := r.blob(h)
	if err != nil {
		return split{}, err
	}
	defer t.release()
	text := t.b
	if len(text) > roadmap.MaxFileSize {
		// A load reports such a file and reads nothing of it; so does a walk.
		c := r.items
		c.mu.Lock()
		defer c.mu.Unlock()
		c.broken[h], c.huge[h] = true, true
		return split{whole: true}, nil
	}
	chunks, j, ns, ok := r.resplit(text, near)
	headOK := ns.head // a resplit text differs from near's in one item only
	if !ok {
		chunks, ok = roadmap.SplitFile(text)
		j = -1
		headOK = ok && roadmap.HeadParses(text, chunks)
	}
	if ok {
		its := make([]*item, len(chunks))
		c := r.items
		c.mu.Lock()
		defer c.mu.Unlock()
		for i := range chunks {
			if j >= 0 && i != j {
				// Resplit: the same text as near's item.
				its[i] = c.items[ns.hashes[i]]
				continue
			}
			its[i] = c.intern(&chunks[i])
		}
		// When the file parses whole, so does each of its items
		// (FuzzSplitParse holds SplitFile to that).
		if c.whole[h] {
			for _, it := range its {
				c.parses[it.hash] = true
			}
		}
		c.remember(h, nearSplit{text: t, chunks: chunks, hashes: hashesOf(its), head: headOK})
		return split{items: its, head: headOK}, nil
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
	return split{items: wholeItems(doc), whole: true}, nil
}

// resplit splits text from near's chunks when near was split lately and
// the two differ inside one item, the chunk j returned: the others hold the
// items near's do (ns.hashes), unhashed again.
func (r *Repo) resplit(text []byte, near plumbing.Hash) (chunks []roadmap.Chunk, j int, ns nearSplit, ok bool) {
	if near == plumbing.ZeroHash {
		return nil, 0, ns, false
	}
	c := r.items
	c.mu.Lock()
	ns, ok = c.near[near]
	ns.text.ref.hold() // near may drop it meanwhile
	c.mu.Unlock()
	if !ok {
		return nil, 0, ns, false
	}
	defer ns.text.release()
	if chunks, j, ok = roadmap.ResplitFile(text, ns.text.b, ns.chunks); !ok {
		return nil, 0, ns, false
	}
	c.mu.Lock()
	c.resplit++
	c.mu.Unlock()
	return chunks, j, ns, true
}

// intern returns the item of a chunk's text, made once per distinct text
// with a copy of it: the blob the chunk is cut from need not stay in memory.
// c.mu is held.
func (c *itemCache) intern(ch *roadmap.Chunk) *item {
	h := hashText(ch.Key, ch.Text)
	if it, ok := c.items[h]; ok {
		return it
	}
	it := &item{kind: ch.Key, id: ch.ID, hash: h, text: slices.Clone(ch.Text)}
	c.items[h] = it
	return it
}

// remember keeps a blob's chunks for resplitting its neighbours, dropping
// the oldest beyond maxNear. c.mu is held.
func (c *itemCache) remember(h plumbing.Hash, ns nearSplit) {
	if _, ok := c.near[h]; ok {
		return
	}
	ns.text.ref.hold()
	c.near[h] = ns
	c.nearSize += len(ns.text.b)
	c.recent = append(c.recent, h)
	for len(c.recent) > maxNear || c.nearSize > maxNearBytes && len(c.recent) > 1 {
		old := c.near[c.recent[0]]
		c.nearSize -= len(old.text.b)
		old.text.release()
		delete(c.near, c.recent[0])
		c.recent = slices.Delete(c.recent, 0, 1)
	}
}

func hashesOf(its []*item) []textHash {
	out := make([]textHash, len(its))
	for i, it := range its {
		out[i] = it.hash
	}
	return out
}

// textHash identifies an item's text within one run: two 64-bit hashes
// with seeds chosen at random when the program starts, so no text can be
// made to collide with another on purpose, and by chance about once in 2^128.
type textHash [2]uint64

var textSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func hashText(kind string, text ...[]byte) textHash {
	var out textHash
	for i, seed := range textSeeds {
		var h maphash.Hash
		h.SetSeed(seed)
		h.WriteString(kind)
		h.WriteByte(0)
		for _, t := range text {
			h.Write(t)
		}
		out[i] = h.Sum64()
	}
	return out
}

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
	if it.decoded != nil || it.text == nil {
		return it.decoded
	}
	c := r.items
	c.mu.Lock()
	v, ok := c.decoded[it.hash]
	c.mu.Unlock()
	if !ok {
		v, _ = roadmap.DecodeItem(it.kind, it.text)
		c.mu.Lock()
		c.decoded[it.hash] = v
		if v != nil {
			c.parses[it.hash] = true
		}
		c.decodes++
		c.mu.Unlock()
	}
	// Under the lock: itemIDs reads the id from the tree walk's goroutine.
	c.mu.Lock()
	it.decoded = v
	if it.id == "" {
		it.id = roadmap.ItemID(v)
	}
	c.mu.Unlock()
	return v
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
		if it.text != nil {
			it.keys, it.cut = roadmap.SplitItem(it.text)
		}
	}
	return it.keys, it.cut
}

// key is roadmap.KeyItem, each distinct key text decoded once: a value such
// as "status: planned" recurs across items and versions.
func (r *Repo) key(kind string, k roadmap.ItemKey) decodedKey {
	h := keyHash(kind, k)
	c := r.items
	c.mu.Lock()
	dk, ok := c.keys[h]
	c.mu.Unlock()
	if !ok {
		dk.item, dk.ok = roadmap.KeyItem(kind, k)
		dk.fields = roadmap.ItemFields(dk.item)
		c.mu.Lock()
		c.keys[h] = dk
		c.keyDecodes++
		c.mu.Unlock()
	}
	return dk
}

// keyHash is the textHash of k.Text(), without writing it out.
func keyHash(kind string, k roadmap.ItemKey) textHash {
	indent := spaces[:min(k.Indent, len(spaces))]
	if k.Indent > len(spaces) {
		indent = bytes.Repeat([]byte{' '}, k.Indent)
	}
	return hashText(kind, indent, []byte("- "), k.Body)
}

var spaces = bytes.Repeat([]byte{' '}, 64)

// diffItems lists the fields that differ between two versions of an item
// (either may be nil, for an item added or removed). Provided the newer
// version parses, only the keys written differently are decoded; otherwise
// both versions are decoded whole. ok is false when either version does not
// parse: what changed cannot be told.
func (r *Repo) diffItems(kind string, old, new *item, whole bool) (c ItemChange, ok bool) {
	c.Kind = kind
	if old != nil && new != nil && r.parses(new) {
		oldKeys, okOld := old.itemKeys()
		newKeys, okNew := new.itemKeys()
		if okOld && okNew {
			fields, answered := roadmap.DiffKeys(kind, oldKeys, newKeys, func(k roadmap.ItemKey) ([]roadmap.Field, bool) {
				dk := r.key(kind, k)
				return dk.fields, dk.ok
			})
			if answered {
				r.items.mu.Lock()
				r.items.parses[old.hash] = true
				r.items.mu.Unlock()
				c.Fields = fields
				if !whole {
					return c, true
				}
				// The older item made from the newer and the keys that
				// differ; kept as decoded, for the step before, whose newer
				// side it is.
				if n := r.decode(new); n != nil {
					o, ok := roadmap.OlderItem(kind, n, oldKeys, newKeys, func(k roadmap.ItemKey) (any, bool) {
						dk := r.key(kind, k)
						return dk.item, dk.ok
					})
					if ok {
						r.made(old, o)
						c.Old, c.New = o, n
						return c, true
					}
				}
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

// made records v as the decoded item of its text, made from another
// version rather than decoded.
func (r *Repo) made(it *item, v any) {
	it.decoded = v
	c := r.items
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.decoded[it.hash]; !ok {
		c.decoded[it.hash] = v
	}
}

// ItemChange is an item a commit added, removed or changed, with the fields
// that differ (all of them, for an item added or removed). Old and New are
// the item on each side, nil when absent there; for an item changed, only
// when changes was asked for whole items. They may share values with other
// changes' items: read them, do not change them.
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
// asks for Old and New of changed items too (the older made from the newer
// where it can), for callers that need whole items. complete is false when
// a file, or an item want asks for, does not parse on a side and was left
// out (a note says so).
func (r *Repo) changes(step Step, want func(kind, id string) bool, whole bool) (out []ItemChange, complete bool, err error) {
	complete = true
	var olds, news []*item
	for _, f := range step.Files {
		o, err := r.fileItems(f.Path, f.Old)
		if err != nil {
			return nil, false, err
		}
		n, err := r.fileItems(f.Path, f.New)
		if err != nil {
			return nil, false, err
		}
		switch {
		case step.mends.has(step, f.Path):
			// Broken here, mended in a newer commit, which showed the
			// changes made meanwhile.
			continue
		case r.isBroken(f.New) || (r.isBroken(f.Old) && step.mends == nil):
			// A side that does not parse would read as every item gone (or
			// back): leave the file out of this commit, and say so.
			r.note(step, f)
			complete = false
			continue
		case r.isBroken(f.Old):
			// This commit mends the file (or removes it): compare it with
			// the version that parsed last, so the changes made while it did
			// not are shown here, where readers first saw them. Removed
			// while another file is left broken, it may have moved there:
			// no telling.
			last, ok := plumbing.ZeroHash, false
			if f.New != plumbing.ZeroHash || !r.leavesBroken(step) {
				if last, ok, err = r.lastParsed(step, f); err != nil {
					return nil, false, err
				}
			}
			if !ok {
				r.note(step, f)
				complete = false
				continue
			}
			if o, err = r.fileItems(f.Path, last); err != nil {
				return nil, false, err
			}
		}
		// Items alike at the start and the end of both versions cancel
		// out: only the middle, usually one item, needs counting.
		for len(o) > 0 && len(n) > 0 && o[0].hash == n[0].hash {
			o, n = o[1:], n[1:]
		}
		for len(o) > 0 && len(n) > 0 && o[len(o)-1].hash == n[len(n)-1].hash {
			o, n = o[:len(o)-1], n[:len(n)-1]
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
	out = make([]ItemChange, 0, len(order))
	for _, k := range order {
		p := byKey[k]
		c, ok := r.diffItems(k.kind, p.old, p.new, whole)
		if !ok {
			// A side does not parse: no telling what changed.
			r.addNote(fmt.Sprintf("%s %s does not parse on one side of commit %s; its changes there are not shown", strings.TrimSuffix(k.kind, "s"), k.id, step.Commit.Hash.String()[:7]))
			complete = false
			continue
		}
		c.ID = k.id
		out = append(out, c)
	}
	return out, complete, nil
}

func (r *Repo) isBroken(h plumbing.Hash) bool {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return r.items.broken[h]
}

// isHuge reports whether blob h is over roadmap.MaxFileSize.
func (r *Repo) isHuge(h plumbing.Hash) bool {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return r.items.huge[h]
}

// note records a file left out of a commit because it does not parse there.
func (r *Repo) note(s Step, f FileChange) {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	why := "does not parse"
	if r.items.huge[f.Old] || r.items.huge[f.New] {
		why = fmt.Sprintf("is larger than %d MiB", roadmap.MaxFileSize>>20)
	}
	// The path from the repository's root: the folder may have moved since.
	r.items.addNote(fmt.Sprintf("%s %s on one side of commit %s; its changes there are not shown", path.Join(s.Dir, f.Path), why, s.Commit.Hash.String()[:7]))
}

// addNote keeps a note for Notes, once. c.mu is held.
func (c *itemCache) addNote(msg string) {
	if !slices.Contains(c.notes, msg) {
		c.notes = append(c.notes, msg)
	}
}

// addNote is itemCache.addNote for callers that do not hold its lock.
func (r *Repo) addNote(msg string) {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	r.items.addNote(msg)
}

// Notes are what walks left out, to tell the user: files that do not parse
// or are too large.
func (r *Repo) Notes() []string {
	r.items.mu.Lock()
	defer r.items.mu.Unlock()
	return slices.Clone(r.items.notes)
}
