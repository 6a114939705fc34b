package gitrepo

import (
	"container/list"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
)

// baseCache keeps the objects packs rebuilt, by their place in the pack,
// dropping the least recently used once they hold more than limit bytes.
type baseCache struct {
	mu    sync.Mutex
	limit int
	size  int
	order *list.List // of *cached, most recently used first
	at    map[packOffset]*list.Element
}

type packOffset struct {
	pack *pack
	off  int64
}

type cached struct {
	key  packOffset
	t    plumbing.ObjectType
	data []byte
	ref  *sharedText // the cache's hold on a blob's text
}

func newBaseCache(limit int) *baseCache {
	return &baseCache{limit: limit, order: list.New(), at: map[packOffset]*list.Element{}}
}

// get returns the object kept at off, its text (if shared) held for the
// caller.
func (c *baseCache) get(pk *pack, off int64) (*cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.at[packOffset{pk, off}]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	e := el.Value.(*cached)
	e.ref.hold()
	return e, true
}

// put keeps an object, taking a hold of its own on ref, which it releases
// when it drops the object.
func (c *baseCache) put(pk *pack, off int64, t plumbing.ObjectType, data []byte, ref *sharedText) {
	if len(data) > c.limit {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	key := packOffset{pk, off}
	if _, ok := c.at[key]; ok {
		return
	}
	c.at[key] = c.order.PushFront(&cached{key: key, t: t, data: data, ref: ref.hold()})
	c.size += len(data)
	for c.size > c.limit {
		last := c.order.Back()
		e := last.Value.(*cached)
		c.order.Remove(last)
		delete(c.at, e.key)
		c.size -= len(e.data)
		e.ref.release()
	}
}
