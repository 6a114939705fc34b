package gitrepo

import (
	"sync"
	"sync/atomic"
)

// textPool keeps the memory of blob texts no longer read, for the next blob
// rebuilt: a walk rebuilds every version of the files it compares, and
// memory the program has not used before costs the system a page fault
// for every 4 KiB it gives.
// It is safe for concurrent use.
type textPool struct {
	mu     sync.Mutex
	free   [maxPooled/poolStep + 1][][]byte // by capacity, in steps
	size   int                              // bytes in free
	limit  int
	reused int // buffers handed out again, for tests
}

const (
	poolStep  = 4 << 10 // pooled capacities are multiples of this
	maxPooled = 1 << 20 // larger texts are left to the collector
)

func newTextPool(limit int) *textPool { return &textPool{limit: limit} }

// get returns n bytes whose content is undefined.
func (p *textPool) get(n int) []byte {
	class := (n + poolStep - 1) / poolStep
	if n <= 0 || class >= len(p.free) {
		return make([]byte, n)
	}
	p.mu.Lock()
	// A buffer one step larger serves as well: file versions differ by a
	// few bytes, and may cross a step.
	for c := class; c <= class+1 && c < len(p.free); c++ {
		if free := p.free[c]; len(free) > 0 {
			b := free[len(free)-1]
			free[len(free)-1] = nil
			p.free[c] = free[:len(free)-1]
			p.size -= cap(b)
			p.reused++
			p.mu.Unlock()
			return b[:n]
		}
	}
	p.mu.Unlock()
	return make([]byte, n, class*poolStep)
}

// put takes back a buffer from get that nothing reads any more.
func (p *textPool) put(b []byte) {
	class := cap(b) / poolStep
	if cap(b)%poolStep != 0 || class == 0 || class >= len(p.free) {
		return
	}
	if poisonReleased {
		b = b[:cap(b)]
		for i := range b {
			b[i] = 0xff // not UTF-8: read by mistake, it shows
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.size+cap(b) > p.limit {
		return
	}
	p.free[class] = append(p.free[class], b[:0])
	p.size += cap(b)
}

// poisonReleased fills memory given back with bytes no roadmap holds, so a
// text read after it was let go cannot pass for the text; the tests set it.
var poisonReleased bool

// sharedText is a text several holders read at once (the packs' cache of
// rebuilt objects, the blob cache, the texts kept for resplitting, a walk
// splitting it, a load's open file), counted so that the last to let go
// gives its memory back to the pool. A holder must not read the text after
// its release.
type sharedText struct {
	b    []byte
	refs atomic.Int32
	pool *textPool
}

// newSharedText holds b, from pool, for its first holder.
func newSharedText(pool *textPool, b []byte) *sharedText {
	t := &sharedText{b: b, pool: pool}
	t.refs.Store(1)
	return t
}

// hold takes another hold on t; nil holds nothing.
func (t *sharedText) hold() *sharedText {
	if t != nil {
		t.refs.Add(1)
	}
	return t
}

// release lets go of one hold on t; nil holds nothing.
func (t *sharedText) release() {
	if t == nil {
		return
	}
	switch n := t.refs.Add(-1); {
	case n == 0:
		t.pool.put(t.b)
	case n < 0:
		panic("gitrepo: a blob text released more often than held")
	}
}
