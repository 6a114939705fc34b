package gitrepo

import (
	"errors"
	"fmt"
)

// errDelta is a delta that does not apply to its base.
var errDelta = errors.New("pack: invalid delta")

// applyDelta rebuilds an object from its base and a git delta (a size
// check of the base, the target's size, then instructions that copy a range
// of the base or insert bytes), as go-git's packfile.PatchDelta does, but
// into memory the caller gives: alloc returns room for the target's size.
// A walk rebuilds thousands of file versions, and memory handed back by the
// versions it is done with costs nothing, where new memory costs the system
// a fault for every 4 KiB.
func applyDelta(base, delta []byte, alloc func(n int) []byte) ([]byte, error) {
	if len(delta) < 2 {
		return nil, fmt.Errorf("%w: it is too short to hold its sizes", errDelta)
	}
	baseSize, delta, ok := deltaSize(delta)
	if !ok || baseSize != uint64(len(base)) {
		return nil, fmt.Errorf("%w: it is for a base of another size", errDelta)
	}
	size, delta, ok := deltaSize(delta)
	// git writes no copy of more than 64 KiB, so each byte left builds at
	// most that: a larger claim is refused before memory is given to it,
	// and the object is read by go-git instead (packs.read reports !ok),
	// which builds whatever the format allows.
	if !ok || size > maxObjectSize || size > uint64(len(delta))<<16 {
		return nil, fmt.Errorf("%w: no size it can build", errDelta)
	}
	out := alloc(int(size))[:0]
	for len(delta) > 0 {
		op := delta[0]
		delta = delta[1:]
		switch {
		case op&0x80 != 0: // copy from the base: which bytes of offset and size follow
			off, rest, ok := copyField(op, delta, 4)
			var n uint64
			if ok {
				n, rest, ok = copyField(op>>4, rest, 3)
			}
			if !ok {
				return nil, fmt.Errorf("%w: a copy runs past its end", errDelta)
			}
			delta = rest
			if n == 0 {
				n = 0x10000
			}
			if off+n > uint64(len(base)) || uint64(len(out))+n > size {
				return nil, fmt.Errorf("%w: a copy reaches outside the base or the object", errDelta)
			}
			out = append(out, base[off:off+n]...)
		case op != 0: // insert the next op bytes
			n := int(op)
			if n > len(delta) || uint64(len(out)+n) > size {
				return nil, fmt.Errorf("%w: an insert runs past its end", errDelta)
			}
			out = append(out, delta[:n]...)
			delta = delta[n:]
		default:
			return nil, fmt.Errorf("%w: instruction 0 is reserved", errDelta)
		}
	}
	if uint64(len(out)) != size {
		return nil, fmt.Errorf("%w: it builds %d bytes of %d", errDelta, len(out), size)
	}
	return out, nil
}

// copyField reads a copy's offset or size: the bytes of it that the low
// count bits of flags say follow, lowest first.
func copyField(flags byte, delta []byte, count int) (v uint64, rest []byte, ok bool) {
	for i := range count {
		if flags&(1<<i) != 0 {
			if len(delta) == 0 {
				return 0, nil, false
			}
			v |= uint64(delta[0]) << (8 * i)
			delta = delta[1:]
		}
	}
	return v, delta, true
}

// deltaSize reads one of the little-endian base-128 sizes a delta starts
// with. As in git, a size cut short by the end of the delta is what was
// read of it.
func deltaSize(delta []byte) (n uint64, rest []byte, ok bool) {
	for shift := 0; len(delta) > 0; shift += 7 {
		if shift > 57 {
			return 0, nil, false
		}
		b := delta[0]
		delta = delta[1:]
		n |= uint64(b&0x7f) << shift
		if b&0x80 == 0 {
			break
		}
	}
	return n, delta, true
}
