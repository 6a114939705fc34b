//go:build unix

package gitrepo

import (
	"math"
	"os"
	"syscall"
)

// mapPack maps the packfile at path into memory, read only, as git does: a
// walk reads thousands of small objects from it, each otherwise a system
// call. ok is false when it cannot be mapped, or no longer has the size the
// pack was opened with; the pack is then read through its file.
func mapPack(path string, size int64) (data []byte, unmap func() error, ok bool) {
	if size <= 0 || size > math.MaxInt {
		return nil, nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, false
	}
	defer f.Close() // the mapping outlives the descriptor
	if st, err := f.Stat(); err != nil || st.Size() != size {
		return nil, nil, false
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, false
	}
	return data, func() error { return syscall.Munmap(data) }, true
}
