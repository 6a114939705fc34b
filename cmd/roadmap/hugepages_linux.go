//go:build linux

package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugeRange is the address range a short run asked Linux to back with
// 2 MiB pages; zero when it asked for none. It is kept as numbers, not a
// slice, so that the block it was asked over is garbage.
type hugeRange struct{ start, size uintptr }

// askHugePages has the heap of a short run backed by 2 MiB pages where Linux
// gives them only to memory that asks (transparent_hugepage set to madvise,
// as on Debian and Ubuntu). A diff across 2,000 commits puts some 160 MB of
// memory to use for the first time: in 4 KiB pages, 42,000 page faults,
// during which the two cores wait on each other, a third of its time.
//
// It allocates a block as large as a short run's heap grows, never writing
// to it, and asks for huge pages over it; the caller has the block
// collected, and the heap's allocations then reuse that range, which keeps
// the request. It must run first thing, on a fresh heap: memory used before
// would have to be cleared. allocated tells whether there is a block to
// collect (even when asking for huge pages failed). It asks for nothing
// where hugePagesWanted says not to.
func askHugePages(lookupEnv func(string) (string, bool)) (r hugeRange, allocated bool) {
	if !hugePagesWanted(lookupEnv) {
		return hugeRange{}, false
	}
	b := make([]byte, shortRunHeap)
	if unix.Madvise(b, unix.MADV_HUGEPAGE) != nil {
		return hugeRange{}, true // a page size the block does not align to
	}
	return hugeRange{uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b))}, true
}

// hugePagesWanted reports whether asking for huge pages can gain anything
// and risks little: the system gives them on request only (set to always,
// it gives them unasked; to never, not at all), has enough of them free and
// does not overcommit strictly; GODEBUG does not turn the runtime's own use
// of them off (disablethp); no limit on the address space or the data
// segment (ulimit -v, ulimit -d) could be exhausted by the block; the build
// is 64-bit, and without the race detector, whose shadow memory grows with
// every page the block spans.
func hugePagesWanted(lookupEnv func(string) (string, bool)) bool {
	if raceDetector || strconv.IntSize < 64 || thpDisabled(lookupEnv) {
		return false
	}
	for _, limit := range []int{unix.RLIMIT_AS, unix.RLIMIT_DATA} {
		var rl unix.Rlimit
		if unix.Getrlimit(limit, &rl) != nil || rl.Cur != unix.RLIM_INFINITY {
			return false
		}
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		return false
	}
	// Under strict overcommit the block would be charged in full at once.
	if o, err := os.ReadFile("/proc/sys/vm/overcommit_memory"); err != nil || strings.TrimSpace(string(o)) == "2" {
		return false
	}
	// Where free memory is too scattered to give the range in 2 MiB pages,
	// the system would compact memory in the middle of page faults.
	buddy, err := os.ReadFile("/proc/buddyinfo")
	return err == nil && freeHugePages(string(buddy)) >= shortRunHeap/hugePage
}

// hugePage is the size of a transparent huge page on the systems that ask.
const hugePage = 2 << 20

// freeHugePages counts the 2 MiB pages the system could give at once, from
// /proc/buddyinfo: per zone, the free blocks of each order (4 KiB << order),
// order 9 and above holding one or more huge pages.
func freeHugePages(buddyinfo string) int {
	n := 0
	for line := range strings.Lines(buddyinfo) {
		_, counts, ok := strings.Cut(line, "zone")
		if !ok {
			continue
		}
		for order, field := range strings.Fields(counts)[1:] {
			if c, err := strconv.Atoi(field); err == nil && order >= 9 {
				n += c << (order - 9)
			}
		}
	}
	return n
}

// asked reports whether the heap asked for huge pages.
func (r hugeRange) asked() bool { return r.size != 0 }

// giveBack asks for 4 KiB pages again, for serve: a heap that lives on
// returns its free memory to the system 4 KiB at a time, which would split
// its huge pages, and the system would gather them again.
func (r hugeRange) giveBack() {
	if r.asked() {
		unix.Syscall(unix.SYS_MADVISE, r.start, r.size, unix.MADV_NOHUGEPAGE)
	}
}

// thpDisabled reports whether GODEBUG turns the runtime's own use of huge
// pages off, which this follows: the build's default settings, then the
// environment's, the last disablethp setting winning, any value but 0
// turning them off, as the runtime reads it.
func thpDisabled(lookupEnv func(string) (string, bool)) bool {
	var settings string
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "DefaultGODEBUG" {
				settings = s.Value
			}
		}
	}
	env, _ := lookupEnv("GODEBUG")
	disabled := false
	for setting := range strings.SplitSeq(settings+","+env, ",") {
		if v, ok := strings.CutPrefix(setting, "disablethp="); ok {
			disabled = v != "0"
		}
	}
	return disabled
}
