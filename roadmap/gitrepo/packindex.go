package gitrepo

import (
	"bytes"
	"encoding/binary"

	"github.com/go-git/go-git/v5/plumbing"
)

// offset finds where h is stored in the pack, from its index, as
// idxfile.MemoryIndex.FindOffset does, without the map of offsets back to
// hashes FindOffset grows on every call: a walk looks up thousands of
// objects and never asks the other way.
func (pk *pack) offset(h plumbing.Hash) (int64, bool) {
	idx := pk.idx
	k := idx.FanoutMapping[h[0]]
	if k < 0 || k >= len(idx.Names) || k >= len(idx.Offset32) {
		return 0, false
	}
	names, offsets := idx.Names[k], idx.Offset32[k]
	n := min(len(names)/len(h), len(offsets)/4)
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch bytes.Compare(names[mid*len(h):(mid+1)*len(h)], h[:]) {
		case 0:
			return pk.offsetAt(offsets[mid*4:])
		case -1:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false
}

// offsetAt reads an index's 4-byte offset, or the 8-byte one it points to
// when its top bit is set (packs over 2 GiB).
func (pk *pack) offsetAt(b []byte) (int64, bool) {
	o := binary.BigEndian.Uint32(b)
	if o&(1<<31) == 0 {
		return int64(o), true
	}
	i := int(o&^(1<<31)) * 8
	if i < 0 || i+8 > len(pk.idx.Offset64) {
		return 0, false
	}
	o64 := binary.BigEndian.Uint64(pk.idx.Offset64[i:])
	if o64 > 1<<62 {
		return 0, false
	}
	return int64(o64), true
}
