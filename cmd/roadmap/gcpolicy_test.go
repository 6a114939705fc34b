package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcSettings reads GOGC and GOMEMLIMIT as the runtime has them.
func gcSettings() (percent int, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// keepGC puts the test binary's collector settings back after a test.
func keepGC(t *testing.T) {
	percent, limit := gcSettings()
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
}

func TestShortRunDefersCollectionUntilTheFirst(t *testing.T) {
	keepGC(t)
	debug.SetGCPercent(100)
	percent, limit := gcSettings()
	var p gcPolicy
	p.shortRun(func(string) (string, bool) { return "", false })
	if got, gotLimit := gcSettings(); got != -1 || gotLimit != shortRunHeap {
		t.Fatalf("during a short run GOGC = %d, GOMEMLIMIT = %d; want off, %d", got, gotLimit, shortRunHeap)
	}
	runtime.GC()
	// The sentinel's cleanup runs on its own goroutine after the collection.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if got, _ := gcSettings(); got != -1 {
			break
		}
	}
	if got, gotLimit := gcSettings(); got != percent || gotLimit != limit {
		t.Fatalf("after the first collection GOGC = %d, GOMEMLIMIT = %d; want the runtime's %d, %d", got, gotLimit, percent, limit)
	}
}

func TestShortRunKeepsTheEnvironmentsSettings(t *testing.T) {
	keepGC(t)
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		debug.SetGCPercent(150)
		var p gcPolicy
		p.shortRun(func(n string) (string, bool) { return "50", n == name })
		if got, _ := gcSettings(); got != 150 {
			t.Errorf("with %s set, GOGC = %d; want it left at 150", name, got)
		}
		debug.SetGCPercent(120)
		p.restore() // as serve does: nothing to put back
		if got, _ := gcSettings(); got != 120 {
			t.Errorf("with %s set, restore changed GOGC to %d", name, got)
		}
	}
}

func TestShortRunTakesAnEmptySettingAsUnset(t *testing.T) {
	keepGC(t)
	var p gcPolicy
	p.shortRun(func(string) (string, bool) { return "", true })
	defer p.restore()
	if got, _ := gcSettings(); got != -1 {
		t.Errorf("with GOGC= (empty), GOGC = %d; want off, as when unset", got)
	}
}

func TestServeRestoresThePacing(t *testing.T) {
	keepGC(t)
	debug.SetGCPercent(100)
	var p gcPolicy
	p.shortRun(func(string) (string, bool) { return "", false })
	p.restore()
	if got, limit := gcSettings(); got != 100 || limit == shortRunHeap {
		t.Fatalf("after restore GOGC = %d, GOMEMLIMIT = %d; want 100 and no short-run limit", got, limit)
	}
}
