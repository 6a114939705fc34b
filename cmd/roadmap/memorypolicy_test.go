package main

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// gcSettings reads GOGC and GOMEMLIMIT as the runtime has them.
func gcSettings() (percent int, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// smallPages is an environment that sets nothing but GODEBUG=disablethp=1:
// the policy's tests leave the heap's pages alone, as asking for huge pages
// takes a fresh heap (hugepages_linux_test.go tests them).
func smallPages(name string) (string, bool) {
	if name == "GODEBUG" {
		return "disablethp=1", true
	}
	return "", false
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
	var p memoryPolicy
	p.shortRun(smallPages)
	<-p.ready
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
		var p memoryPolicy
		p.shortRun(func(n string) (string, bool) { return "50", n == name })
		<-p.ready
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
	var p memoryPolicy
	p.shortRun(func(n string) (string, bool) { v, _ := smallPages(n); return v, true })
	<-p.ready
	defer p.restore()
	if got, _ := gcSettings(); got != -1 {
		t.Errorf("with GOGC= (empty), GOGC = %d; want off, as when unset", got)
	}
}

// TestRestoreBeforeThePolicyIsInPlace: serve may hand memory back before
// shortRun's goroutine sets the heap's limit, which it then leaves unset.
func TestRestoreBeforeThePolicyIsInPlace(t *testing.T) {
	keepGC(t)
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	var p memoryPolicy
	p.shortRun(smallPages)
	p.restore()
	<-p.ready
	if got, limit := gcSettings(); got != 100 || limit != math.MaxInt64 {
		t.Fatalf("restored before the limit was set: GOGC = %d, GOMEMLIMIT = %d; want 100 and no limit", got, limit)
	}
}

func TestServeRestoresThePacing(t *testing.T) {
	keepGC(t)
	debug.SetGCPercent(100)
	var p memoryPolicy
	p.shortRun(smallPages)
	<-p.ready
	p.restore()
	if got, limit := gcSettings(); got != 100 || limit == shortRunHeap {
		t.Fatalf("after restore GOGC = %d, GOMEMLIMIT = %d; want 100 and no short-run limit", got, limit)
	}
}

// TestTheCommandDefersCollection runs the command as a user does (this test
// binary stands in for it) on a roadmap that allocates enough to collect
// with the runtime's default pacing, and counts the collections gctrace
// reports: none, unless GOGC is set, but the one shortRun forces to free the
// block that asks for huge pages.
func TestTheCommandDefersCollection(t *testing.T) {
	dir := largeRoadmap(t)
	collections := func(env ...string) int {
		stderr, _ := validateAsCommand(t, dir, append(env, "GODEBUG=gctrace=1")...)
		n := 0
		for _, line := range regexp.MustCompile(`(?m)^gc \d+ @.*$`).FindAllString(stderr, -1) {
			if !strings.HasSuffix(line, "(forced)") {
				n++
			}
		}
		return n
	}
	if n := collections("GOGC=100"); n == 0 {
		t.Fatal("with GOGC=100 the run collected nothing: the roadmap is too small to tell")
	}
	if n := collections(); n != 0 {
		t.Errorf("the command collected %d times; want none before the heap reaches %d MiB", n, shortRunHeap>>20)
	}
}

// largeRoadmap writes a roadmap of 3,000 features: enough for validate to
// collect with the runtime's default pacing.
func largeRoadmap(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\n")
	var b strings.Builder
	b.WriteString("features:\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "  - id: f%d\n    title: Feature %d\n    status: idea\n    scores: {reach: 10, impact: 2, confidence: 80, effort: 3}\n", i, i)
	}
	write(t, dir, "features.yaml", b.String())
	return dir
}

// validateAsCommand runs `roadmap validate --dir dir` as a user does (this
// test binary stands in for the command), with GOGC, GOMEMLIMIT and GODEBUG
// taken from env only, and returns its stderr and how it ended.
func validateAsCommand(t *testing.T, dir string, env ...string) (string, *os.ProcessState) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "validate", "--dir", dir)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") && !strings.HasPrefix(kv, "GODEBUG=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, append(env, roadmapAsMain+"=1")...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatal(err)
		}
	}
	return stderr.String(), cmd.ProcessState
}
