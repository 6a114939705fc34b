package main

import (
	"bufio"
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
	dir := largeRoadmap(t)
	faults := func(godebug string) int64 {
		_, state := validateAsCommand(t, dir, "GODEBUG="+godebug)
		return int64(state.SysUsage().(*syscall.Rusage).Minflt)
	}
	small, huge := faults("disablethp=1"), faults("")
	t.Logf("page faults: %d, and %d with GODEBUG=disablethp=1", huge, small)
	if huge*4 > small*3 {
		t.Errorf("the command took %d page faults, and %d with GODEBUG=disablethp=1; want under three quarters as many", huge, small)
	}
}

// thpOrSkip skips a test where the command asks for no huge pages: a system
// that gives them unasked or not at all, a limited address space, and a
// build with the race detector (make test runs these tests again without it).
func thpOrSkip(t *testing.T) {
	if !hugePagesWanted(func(string) (string, bool) { return "", false }) {
		t.Skip("the command asks for no huge pages here (hugePagesWanted)")
	}
}

func TestGODEBUGDisablethpAsksForNoHugePages(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                          false,
		"gctrace=1":                 false,
		"disablethp=1":              true,
		"gctrace=1,disablethp=1":    true,
		"disablethp=2":              true,
		"disablethp=0":              false,
		"disablethp=1,disablethp=0": false,
		"disablethp=0,disablethp=1": true,
	} {
		if got := thpDisabled(func(n string) (string, bool) { return godebug, n == "GODEBUG" }); got != want {
			t.Errorf("with GODEBUG=%q thpDisabled = %v; want %v", godebug, got, want)
		}
	}
}

// TestHugePagesUnderADataLimit: under ulimit -d lower than the block, the
// command asks for no huge pages, and runs.
func TestHugePagesUnderADataLimit(t *testing.T) {
	thpOrSkip(t)
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\nfeatures:\n  - id: a\n    title: A\n    status: idea\n")
	cmd := exec.Command("/bin/sh", "-c", `ulimit -d 200000 && exec "$0" validate --dir "$1"`, os.Args[0], dir)
	cmd.Env = append(os.Environ(), roadmapAsMain+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("under ulimit -d 200000 validate failed: %v\n%s", err, out)
	}
}

func TestFreeHugePages(t *testing.T) {
	buddyinfo := `Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3
Node 0, zone    DMA32      1      1      4      2      5      4      3      3      4      2    752
Node 0, zone   Normal   9280   3155   2283   1004   1132    467    255    229    317    237    477
`
	// Order 9 blocks hold one 2 MiB page, order 10 blocks two.
	if got, want := freeHugePages(buddyinfo), (1+2*3)+(2+2*752)+(237+2*477); got != want {
		t.Errorf("freeHugePages = %d; want %d", got, want)
	}
	if got := freeHugePages("Node 0, zone Normal 9280 3155 2283 1004 1132 467 255 229 317 0 0\n"); got != 0 {
		t.Errorf("scattered memory: freeHugePages = %d; want 0", got)
	}
}
