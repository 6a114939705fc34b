package main

import (
	"runtime"
	"runtime/debug"
	"sync"
)

// shortRunHeap is how large the heap of a command grows before the garbage
// collector first runs on its own. Nearly every command allocates less and
// exits before a collection would have freed anything it needs: diff across
// 2,000 commits allocates about 180 MB, and collecting it as it goes costs
// that command a sixth of its time.
const shortRunHeap = 256 << 20

// memoryPolicy sets memory up for a command that ends soon. The collector
// does not run on its own until the heap reaches shortRunHeap, and from that
// first collection on the runtime's own pacing (GOGC) takes over again, so a
// long history still runs in bounded memory. On Linux the heap asks for huge
// pages (askHugePages), which takes one collection at the start, forced on a
// goroutine of its own. GOGC or GOMEMLIMIT set (not empty) in the
// environment keep the runtime's settings untouched, and the heap's pages.
type memoryPolicy struct {
	pages hugeRange
	ready chan struct{} // closed once the policy is in place

	mu       sync.Mutex
	deferred bool  // shortRun turned collection off
	percent  int   // GOGC before that
	limited  bool  // and set the heap's limit
	limit    int64 // GOMEMLIMIT before that
	restored bool
}

var memory memoryPolicy

// shortRun sets the policy up, once, first thing in the process;
// lookupEnv reads the environment.
func (p *memoryPolicy) shortRun(lookupEnv func(string) (string, bool)) {
	p.ready = make(chan struct{})
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		if v, _ := lookupEnv(name); v != "" {
			close(p.ready)
			return
		}
	}
	// Off before askHugePages allocates its block, whose size would start
	// a collection.
	p.mu.Lock()
	p.percent, p.deferred = debug.SetGCPercent(-1), true
	p.mu.Unlock()
	var block bool
	p.pages, block = askHugePages(lookupEnv)
	go func() {
		defer close(p.ready)
		if block {
			// Frees the block, for the heap to reuse its range, before a
			// limit would count it. A command that ends sooner does not
			// wait for it.
			runtime.GC()
		}
		p.limitHeap()
	}()
}

// limitHeap sets the heap's limit, at which the collector first runs on its
// own, and the sentinel that collection finds unreachable, which restores
// the pacing.
func (p *memoryPolicy) limitHeap() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.restored {
		return
	}
	p.limit, p.limited = debug.SetMemoryLimit(shortRunHeap), true
	runtime.AddCleanup(&gcSentinel{}, func(p *memoryPolicy) { p.restore() }, p)
}

// restore gives the runtime back its own pacing: after the first
// collection, and for serve (longRun).
func (p *memoryPolicy) restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.restored {
		return
	}
	p.restored = true
	if p.deferred {
		debug.SetGCPercent(p.percent)
	}
	if p.limited {
		debug.SetMemoryLimit(p.limit)
	}
}

// longRun hands memory back to the runtime's ways for serve, which runs
// until stopped.
func (p *memoryPolicy) longRun() {
	p.restore()
	p.pages.giveBack()
}

// gcSentinel holds a pointer so it is never placed in a tiny allocation,
// whose cleanups may not run.
type gcSentinel struct{ _ *byte }
