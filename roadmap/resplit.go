package roadmap

import "bytes"

// ResplitFile splits text knowing near, another version of the same file,
// and near's chunks (from SplitFile). A history walk meets each version of a
// file next to the one before it, and a commit usually edits one item: when
// the two texts differ inside one chunk only, that chunk alone is split
// again and the others are near's, moved. changed is the index of that chunk.
// ok is false when the difference reaches past one chunk; SplitFile must
// split text then. What it returns equals SplitFile(text).
func ResplitFile(text, near []byte, nearChunks []Chunk) (chunks []Chunk, changed int, ok bool) {
	if len(nearChunks) == 0 {
		return nil, 0, false
	}
	// An insertion or deletion next to repeated text can be placed at more
	// than one point: try it pushed right (longest prefix), then pushed left
	// (longest suffix), as it may fit in one chunk only one way.
	p := commonPrefix(text, near)
	s := commonSuffix(text[p:], near[p:])
	if chunks, changed, ok = resplitAt(text, near, nearChunks, p, s); ok {
		return chunks, changed, ok
	}
	s = commonSuffix(text, near)
	p = commonPrefix(text[:len(text)-s], near[:len(near)-s])
	return resplitAt(text, near, nearChunks, p, s)
}

// resplitAt is ResplitFile for texts that share their first p and last s
// bytes.
func resplitAt(text, near []byte, nearChunks []Chunk, p, s int) (chunks []Chunk, changed int, ok bool) {
	j := -1
	for i := range nearChunks {
		if nearChunks[i].offset <= p {
			j = i
		}
	}
	if j < 0 {
		return nil, 0, false // the change starts before the first item
	}
	c := nearChunks[j]
	if len(near)-s > c.offset+len(c.Text) {
		return nil, 0, false // it runs past the chunk
	}
	delta := len(text) - len(near)
	region := text[c.offset : c.offset+len(c.Text)+delta]
	if end := c.offset + len(region); end < len(text) && (len(region) == 0 || region[len(region)-1] != '\n') {
		return nil, 0, false // the change joins the chunk to the line after it
	}
	if indent(region) != indent(c.Text) {
		return nil, 0, false // the item moved to another column than its list's
	}
	// Split the region alone, under its list's key: the state SplitFile is
	// in at an item's first line is the list and the item's indentation,
	// which the region's first line gives again.
	probe := make([]byte, 0, len(c.Key)+2+len(region))
	probe = append(append(append(probe, c.Key...), ":\n"...), region...)
	one, ok := SplitFile(probe)
	if !ok || len(one) != 1 || one[0].Key != c.Key || len(one[0].Text) != len(region) {
		return nil, 0, false
	}
	lines := bytes.Count(region, []byte("\n")) - bytes.Count(c.Text, []byte("\n"))
	chunks = make([]Chunk, len(nearChunks))
	for i, nc := range nearChunks {
		switch {
		case i < j:
			chunks[i] = Chunk{Key: nc.Key, ID: nc.ID, Start: nc.Start, Text: text[nc.offset : nc.offset+len(nc.Text)], offset: nc.offset}
		case i == j:
			chunks[i] = Chunk{Key: nc.Key, ID: one[0].ID, Start: nc.Start, Text: region, offset: nc.offset}
		default:
			off := nc.offset + delta
			chunks[i] = Chunk{Key: nc.Key, ID: nc.ID, Start: nc.Start + lines, Text: text[off : off+len(nc.Text)], offset: off}
		}
	}
	return chunks, j, true
}

// blocks are how many bytes commonPrefix and commonSuffix compare at once,
// largest first: bytes.Equal is vectorised, and a call per 64 bytes of a
// file's 24 KB cost the walk more than the comparing.
var blocks = [...]int{4096, 64}

func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for _, block := range blocks {
		for ; i+block <= n && bytes.Equal(a[i:i+block], b[i:i+block]); i += block {
		}
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for _, block := range blocks {
		for ; i+block <= n && bytes.Equal(a[len(a)-i-block:len(a)-i], b[len(b)-i-block:len(b)-i]); i += block {
		}
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
