package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// vmFlags reads, from /proc/self/smaps, the flags of the mapping holding
// address a.
func vmFlags(t *testing.T, a uintptr) []string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inside := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			inside = lo <= a && a < hi
			continue
		}
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok && inside {
			return strings.Fields(flags)
		}
	}
	t.Fatalf("no mapping in /proc/self/smaps holds %#x", a)
	return nil
}

// TestShortRunsHeapAsksForHugePages: the range shortRun frees for the heap
// asks for huge pages, and serve's asks no more.
func TestShortRunsHeapAsksForHugePages(t *testing.T) {
	thpOrSkip(t)
	keepGC(t)
	var p memoryPolicy
	p.shortRun(func(string) (string, bool) { return "", false })
	<-p.ready
	defer p.restore()
	if p.pages.size != shortRunHeap {
		t.Fatalf("shortRun asked for huge pages over %d bytes; want %d", p.pages.size, shortRunHeap)
	}
	for _, a := range []uintptr{p.pages.start, p.pages.start + p.pages.size - 1} {
		if flags := vmFlags(t, a); !slices.Contains(flags, "hg") {
			t.Errorf("the heap's memory at %#x has flags %v; want hg (asks for huge pages)", a, flags)
		}
	}
	p.pages.giveBack()
	if flags := vmFlags(t, p.pages.start); slices.Contains(flags, "hg") || !slices.Contains(flags, "nh") {
		t.Errorf("after giveBack the heap's memory has flags %v; want nh, not hg", flags)
	}
}

// TestTheCommandFaultsInHugePages runs the command as a user does (this
// test binary stands in for it) on a roadmap of 3,000 features, and counts
// the page faults it took to put its memory to use: with huge pages, a
// fraction of those it takes with GODEBUG=disablethp=1.
func TestTheCommandFaultsInHugePages(t *testing.T) {
	thpOrSkip(t)
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\n")
	var b strings.Builder
	b.WriteString("features:\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "  - id: f%d\n    title: Feature %d\n    status: idea\n    scores: {reach: 10, impact: 2, confidence: 80, effort: 3}\n", i, i)
	}
	write(t, dir, "features.yaml", b.String())
	faults := func(godebug string) int64 {
		cmd := exec.Command(os.Args[0], "validate", "--dir", dir)
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") && !strings.HasPrefix(kv, "GODEBUG=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Env = append(cmd.Env, roadmapAsMain+"=1", "GODEBUG="+godebug)
		if err := cmd.Run(); err != nil {
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				t.Fatal(err)
			}
		}
		return cmd.ProcessState.SysUsage().(*syscall.Rusage).Minflt
	}
	small, huge := faults("disablethp=1"), faults("")
	t.Logf("page faults: %d, and %d with GODEBUG=disablethp=1", huge, small)
	if huge*2 > small {
		t.Errorf("the command took %d page faults, and %d with GODEBUG=disablethp=1; want under half as many", huge, small)
	}
}

// thpOrSkip skips a test on a kernel that gives no transparent huge pages,
// and in a build with the race detector, which asks for none (make test
// runs these tests again without it).
func thpOrSkip(t *testing.T) {
	if raceDetector {
		t.Skip("a build with the race detector asks for no huge pages")
	}
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(b), "[never]") {
		t.Skip("this kernel gives no transparent huge pages")
	}
}

func TestGODEBUGDisablethpAsksForNoHugePages(t *testing.T) {
	thpOrSkip(t)
	for _, godebug := range []string{"disablethp=1", "gctrace=1,disablethp=1"} {
		if r := askHugePages(func(n string) (string, bool) { return godebug, n == "GODEBUG" }); r.size != 0 {
			t.Errorf("with GODEBUG=%s askHugePages asked for huge pages over %d bytes", godebug, r.size)
		}
	}
	r := askHugePages(func(n string) (string, bool) { return "gctrace=1", n == "GODEBUG" })
	if r.size == 0 {
		t.Error("with GODEBUG=gctrace=1 askHugePages asked for nothing")
	}
}
