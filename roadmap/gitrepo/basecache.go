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
}

func newBaseCache(limit int) *baseCache {
	return &baseCache{limit: limit, order: list.New(), at: map[packOffset]*list.Element{}}
}

func (c *baseCache) get(pk *pack, off int64) (*cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.at[packOffset{pk, off}]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cached), true
}

func (c *baseCache) put(pk *pack, off int64, t plumbing.ObjectType, data []byte) {
	if len(data) > c.limit {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	key := packOffset{pk, off}
	if _, ok := c.at[key]; ok {
		return
	}
	c.at[key] = c.order.PushFront(&cached{key: key, t: t, data: data})
	c.size += len(data)
	for c.size > c.limit {
		last := c.order.Back()
		e := last.Value.(*cached)
		c.order.Remove(last)
		delete(c.at, e.key)
		c.size -= len(e.data)
	}
}
