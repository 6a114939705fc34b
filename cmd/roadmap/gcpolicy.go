package main

import (
	"runtime"
	"runtime/debug"
	"sync"
)

// shortRunHeap is how large the heap of a command grows before the garbage
// collector first runs. Nearly every command allocates less and exits before
// a collection would have freed anything it needs: diff across 2,000
// commits allocates about 180 MB, and collecting it as it goes costs that
// command a sixth of its time.
const shortRunHeap = 256 << 20

// gcPolicy sets the collector up for a command that ends soon: none runs
// until the heap reaches shortRunHeap, and from the first collection on the
// runtime's own pacing (GOGC) takes over again, so a long history still
// runs in bounded memory. GOGC or GOMEMLIMIT set (not empty) in the
// environment keep the runtime's settings untouched.
type gcPolicy struct {
	once    sync.Once
	percent int   // GOGC before shortRun
	limit   int64 // GOMEMLIMIT before shortRun
}

var gc gcPolicy

// shortRun defers collection; lookupEnv reads the environment.
func (p *gcPolicy) shortRun(lookupEnv func(string) (string, bool)) {
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		if v, _ := lookupEnv(name); v != "" {
			return
		}
	}
	p.percent = debug.SetGCPercent(-1)
	p.limit = debug.SetMemoryLimit(shortRunHeap)
	// The first collection, once the limit is reached, finds this
	// sentinel unreachable and restores the pacing.
	runtime.AddCleanup(&gcSentinel{}, func(p *gcPolicy) { p.restore() }, p)
}

// restore gives the runtime back its own pacing: after the first
// collection, and for serve, which runs until stopped.
func (p *gcPolicy) restore() {
	p.once.Do(func() {
		if p.limit == 0 {
			return // shortRun left the settings alone
		}
		debug.SetGCPercent(p.percent)
		debug.SetMemoryLimit(p.limit)
	})
}

// gcSentinel holds a pointer so it is never placed in a tiny allocation,
// whose cleanups may not run.
type gcSentinel struct{ _ *byte }
