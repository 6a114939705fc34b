//go:build linux

package main

import (
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugeRange is the address range a short run asked Linux to back with
// 2 MiB pages; zero when it asked for none.
type hugeRange struct{ start, size uintptr }

// askHugePages has the heap of a short run backed by 2 MiB pages where Linux
// gives them only to memory that asks (transparent_hugepage set to madvise,
// as on Debian and Ubuntu). A diff across 2,000 commits puts some 160 MB of
// memory to use for the first time: in 4 KiB pages, 42,000 page faults,
// during which the two cores wait on each other, a third of its time.
//
// It allocates a block as large as a short run's heap grows, never writing
// to it, and asks for huge pages over it: once a collection frees the block
// (shortRun has one run), the heap's allocations reuse that range, which
// keeps the request. GODEBUG's disablethp=1, a 32-bit address space or a
// limit on it, and the race detector leave the heap as it is.
func askHugePages(lookupEnv func(string) (string, bool)) hugeRange {
	if raceDetector || strconv.IntSize < 64 || thpDisabled(lookupEnv) || addressSpaceLimited() {
		return hugeRange{}
	}
	b := make([]byte, shortRunHeap)
	if unix.Madvise(b, unix.MADV_HUGEPAGE) != nil {
		return hugeRange{} // a kernel without transparent huge pages
	}
	return hugeRange{uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b))}
}

// asked reports whether the heap asked for huge pages.
func (r hugeRange) asked() bool { return r.size != 0 }

// giveBack asks for 4 KiB pages again, for serve: a heap that lives on
// returns its free memory to the system page by page.
func (r hugeRange) giveBack() {
	if r.asked() {
		unix.Syscall(unix.SYS_MADVISE, r.start, r.size, unix.MADV_NOHUGEPAGE)
	}
}

// thpDisabled reports whether GODEBUG turns the runtime's own use of huge
// pages off, which this follows.
func thpDisabled(lookupEnv func(string) (string, bool)) bool {
	v, _ := lookupEnv("GODEBUG")
	for setting := range strings.SplitSeq(v, ",") {
		if strings.TrimSpace(setting) == "disablethp=1" {
			return true
		}
	}
	return false
}

// addressSpaceLimited reports whether the process may map only so much
// memory (ulimit -v): the block askHugePages reserves could then exhaust it.
func addressSpaceLimited() bool {
	var rl unix.Rlimit
	return unix.Getrlimit(unix.RLIMIT_AS, &rl) != nil || rl.Cur != unix.RLIM_INFINITY
}
