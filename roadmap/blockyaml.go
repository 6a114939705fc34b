package roadmap

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parseBlock reads the plain block style nearly every roadmap file is written
// in (mappings and sequences by indentation, one-line scalars, one-line flow
// sequences of scalars, literal blocks, comments) straight into the nodes the
// YAML library would build, two to three times faster. ok is false for
// anything else, or anything it is unsure of: then the library parses the
// file, and reports its errors. FuzzBlockYAML holds it to the library's
// nodes, but for comments, which it does not keep: nothing reads them from
// nodes (suppressions are read from the text).
func parseBlock(text []byte) (root *yaml.Node, ok bool) {
	if len(text) == 0 || text[len(text)-1] != '\n' || !blockText(text) {
		return nil, false
	}
	p := &blockParser{text: text, colLine: -1}
	p.splitLines()
	i := p.skip(0)
	if i == len(p.lines) || p.lines[i].indent != 0 {
		return nil, false
	}
	m, next, ok := p.mapping(i, 0, 0)
	if !ok || next != len(p.lines) {
		return nil, false
	}
	return m, true
}

// blockText reports whether text holds only characters YAML prints, no tab,
// carriage return or byte order mark, and no document markers or directives.
func blockText(text []byte) bool {
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if (b < ' ' && b != '\n') || b == 0x7f {
				return false
			}
			if (i == 0 || text[i-1] == '\n') && (b == '%' || bytes.HasPrefix(text[i:], []byte("---")) || bytes.HasPrefix(text[i:], []byte("..."))) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError || r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || (r >= 0xd800 && r < 0xe000) || r > 0x10ffff || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

// blockLine is one line of the text: where it starts and ends (before the
// newline), its indentation, and whether it holds nothing but a comment or
// spaces.
type blockLine struct {
	start, end, indent int
	empty              bool
}

type blockParser struct {
	text  []byte
	lines []blockLine
	nodes []yaml.Node // allocated a slab at a time
	// The column last counted, so a long line of many characters beyond
	// ASCII is counted once, not once per node on it.
	colLine, colOff, col int
}

// maxBlockIndent is the deepest indentation parseBlock reads, which bounds
// how deep it nests (a collection nests in another only further indented,
// or a list in the mapping that holds it); deeper files are the library's to
// refuse or read.
const maxBlockIndent = 64

func (p *blockParser) splitLines() {
	p.lines = make([]blockLine, 0, bytes.Count(p.text, []byte{'\n'}))
	for at := 0; at < len(p.text); {
		end := at + bytes.IndexByte(p.text[at:], '\n')
		ind := 0
		for at+ind < end && p.text[at+ind] == ' ' {
			ind++
		}
		empty := at+ind == end || p.text[at+ind] == '#'
		p.lines = append(p.lines, blockLine{start: at, end: end, indent: ind, empty: empty})
		at = end + 1
	}
}

// skip returns the first line from i on that holds more than a comment.
func (p *blockParser) skip(i int) int {
	for i < len(p.lines) && p.lines[i].empty {
		i++
	}
	return i
}

func (p *blockParser) node(kind yaml.Kind, style yaml.Style, value string, line, off int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		// Most lines hold a key and a value: a small text, such as one
		// key of an item, takes a small slab.
		p.nodes = make([]yaml.Node, 0, min(256, 2*len(p.lines)+4))
	}
	p.nodes = append(p.nodes, yaml.Node{Kind: kind, Style: style, Value: value, Line: line + 1, Column: p.column(line, off)})
	n := &p.nodes[len(p.nodes)-1]
	switch {
	case kind == yaml.MappingNode:
		n.Tag = "!!map"
	case kind == yaml.SequenceNode:
		n.Tag = "!!seq"
	case style == 0:
		n.Tag = plainTag(n)
	default:
		n.Tag = n.ShortTag() // the library's own resolution: !!str when quoted
	}
	return n
}

// plainTag is the tag the YAML library resolves a plain scalar to. The
// commonest values of a roadmap (words, whole numbers, quarters such as
// 2027-Q1) are told at a glance; the library, which allocates as it tries
// each reading, is asked about the rest.
func plainTag(n *yaml.Node) string {
	v := n.Value
	switch {
	case v == "":
	case !mayResolve[v[0]]:
		return "!!str"
	case len(v) <= 18 && (v[0] != '0' || len(v) == 1) && digits(v) == len(v):
		return "!!int"
	case len(v) > 5 && digits(v) == 4 && v[4] == '-' && (v[5] < '0' || v[5] > '9'):
		// No timestamp, and no number with a dash inside.
		return "!!str"
	}
	return n.ShortTag()
}

// digits counts the ASCII digits s starts with.
func digits(s string) int {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return i
		}
	}
	return len(s)
}

// mayResolve holds the bytes a plain scalar the YAML library reads as other
// than text can start with (null, true, a number, .inf, <<, ...): any other
// plain scalar is text.
var mayResolve = func() (t [256]bool) {
	for _, c := range []byte("+-0123456789.~<yYnNtTfFoO") {
		t[c] = true
	}
	return t
}()

// column is the column (from 1, in characters) of byte off of line i.
func (p *blockParser) column(i, off int) int {
	l := p.lines[i]
	from, col := 0, 1
	if p.colLine == i && p.colOff <= off {
		from, col = p.colOff, p.col
	}
	col += utf8.RuneCount(p.text[l.start+from : l.start+off])
	p.colLine, p.colOff, p.col = i, off, col
	return col
}

// mapping reads a block mapping whose keys stand at indentation ind, the
// first on line i at byte off of it (after "- " for a mapping that starts
// an item). It returns the line after it.
func (p *blockParser) mapping(i, ind, off int) (*yaml.Node, int, bool) {
	if ind > maxBlockIndent {
		return nil, 0, false
	}
	m := p.node(yaml.MappingNode, 0, "", i, off)
	for {
		l := p.lines[i]
		rest := p.text[l.start+off : l.end]
		colon := keyEnd(rest)
		if colon < 0 {
			return nil, 0, false
		}
		key := p.node(yaml.ScalarNode, 0, string(rest[:colon]), i, off)
		value, next, ok := p.value(i, off+colon+1, ind)
		if !ok {
			return nil, 0, false
		}
		m.Content = append(m.Content, key, value)
		i = p.skip(next)
		if i == len(p.lines) || p.lines[i].indent < ind {
			return m, i, true
		}
		if p.lines[i].indent > ind || isItem(p.text[p.lines[i].start+ind:p.lines[i].end]) {
			return nil, 0, false
		}
		off = ind
	}
}

// sequence reads a block sequence whose "- " stand at indentation ind,
// starting on line i.
func (p *blockParser) sequence(i, ind int) (*yaml.Node, int, bool) {
	if ind > maxBlockIndent {
		return nil, 0, false
	}
	s := p.node(yaml.SequenceNode, 0, "", i, ind)
	for {
		l := p.lines[i]
		off := ind + 1
		for l.start+off < l.end && p.text[l.start+off] == ' ' {
			off++
		}
		rest := p.text[l.start+off : l.end]
		var (
			item *yaml.Node
			next int
			ok   bool
		)
		if off == ind+1 || len(rest) == 0 || rest[0] == '#' || isItem(rest) {
			return nil, 0, false // "-" alone, or "- - x"
		}
		if keyEnd(rest) >= 0 {
			item, next, ok = p.mapping(i, off, off)
		} else {
			item, next, ok = p.scalarOrFlow(i, off)
			next = p.skip(next)
			ok = ok && (next == len(p.lines) || p.lines[next].indent <= ind)
		}
		if !ok {
			return nil, 0, false
		}
		s.Content = append(s.Content, item)
		i = next
		if i == len(p.lines) || p.lines[i].indent != ind || !isItem(p.text[p.lines[i].start+ind:p.lines[i].end]) {
			if i < len(p.lines) && p.lines[i].indent > ind {
				return nil, 0, false
			}
			return s, i, true
		}
	}
}

// value reads what follows a key's colon at byte off of line i, in a
// mapping at indentation ind: a scalar on the line, a literal block, or a
// block on the lines after.
func (p *blockParser) value(i, off, ind int) (*yaml.Node, int, bool) {
	l := p.lines[i]
	at := off
	for l.start+at < l.end && p.text[l.start+at] == ' ' {
		at++
	}
	rest := p.text[l.start+at : l.end]
	if len(rest) == 0 || rest[0] == '#' {
		j := p.skip(i + 1)
		switch {
		case j < len(p.lines) && p.lines[j].indent > ind:
			lj := p.lines[j]
			if isItem(p.text[lj.start+lj.indent : lj.end]) {
				return p.sequence(j, lj.indent)
			}
			return p.mapping(j, lj.indent, lj.indent)
		case j < len(p.lines) && p.lines[j].indent == ind && isItem(p.text[p.lines[j].start+ind:p.lines[j].end]):
			return p.sequence(j, ind)
		}
		return p.node(yaml.ScalarNode, 0, "", i, off), i + 1, true
	}
	if rest[0] == '|' {
		return p.literal(i, at, ind)
	}
	n, next, ok := p.scalarOrFlow(i, at)
	if !ok {
		return nil, 0, false
	}
	if j := p.skip(next); j < len(p.lines) && p.lines[j].indent > ind {
		return nil, 0, false // a scalar running on over lines, or a mistake
	}
	return n, next, true
}

// scalarOrFlow reads a one-line scalar or flow sequence at byte off of line
// i, and whatever comment ends the line.
func (p *blockParser) scalarOrFlow(i, off int) (*yaml.Node, int, bool) {
	l := p.lines[i]
	rest := p.text[l.start+off : l.end]
	var (
		n    *yaml.Node
		used int
		ok   bool
	)
	if rest[0] == '[' {
		n, used, ok = p.flow(i, off)
	} else {
		n, used, ok = p.scalar(i, off, false)
	}
	if !ok || !commentOnly(rest[used:]) {
		return nil, 0, false
	}
	return n, i + 1, true
}

// flow reads a flow sequence of scalars, all on line i from byte off.
func (p *blockParser) flow(i, off int) (*yaml.Node, int, bool) {
	l := p.lines[i]
	line := p.text[l.start:l.end]
	s := p.node(yaml.SequenceNode, yaml.FlowStyle, "", i, off)
	at := off + 1
	for {
		for at < len(line) && line[at] == ' ' {
			at++
		}
		if at == len(line) {
			return nil, 0, false
		}
		if line[at] == ']' && len(s.Content) == 0 {
			return s, at + 1 - off, true
		}
		item, used, ok := p.scalar(i, at, true)
		if !ok {
			return nil, 0, false
		}
		s.Content = append(s.Content, item)
		at += used
		for at < len(line) && line[at] == ' ' {
			at++
		}
		switch {
		case at < len(line) && line[at] == ',':
			at++
		case at < len(line) && line[at] == ']':
			return s, at + 1 - off, true
		default:
			return nil, 0, false
		}
	}
}

// scalar reads a one-line scalar at byte off of line i: plain, or quoted
// without escapes. It returns the bytes it read, trailing spaces of a plain
// scalar left out.
func (p *blockParser) scalar(i, off int, inFlow bool) (*yaml.Node, int, bool) {
	l := p.lines[i]
	rest := p.text[l.start+off : l.end]
	switch rest[0] {
	case '\'':
		var v []byte
		for j := 1; j < len(rest); j++ {
			if rest[j] != '\'' {
				v = append(v, rest[j])
				continue
			}
			if j+1 < len(rest) && rest[j+1] == '\'' {
				v = append(v, '\'')
				j++
				continue
			}
			return p.node(yaml.ScalarNode, yaml.SingleQuotedStyle, string(v), i, off), j + 1, true
		}
		return nil, 0, false
	case '"':
		end := bytes.IndexByte(rest[1:], '"')
		if end < 0 || bytes.IndexByte(rest[1:end+1], '\\') >= 0 {
			return nil, 0, false
		}
		return p.node(yaml.ScalarNode, yaml.DoubleQuotedStyle, string(rest[1:end+1]), i, off), end + 2, true
	}
	if !plainStart(rest) {
		return nil, 0, false
	}
	// Each item of a flow list is searched only to its own end, so a long
	// list costs its length, not its length squared.
	end := len(rest)
	if inFlow {
		if c := bytes.IndexAny(rest, ",]"); c >= 0 {
			end = c
		}
	}
	if c := bytes.Index(rest[:end], []byte(" #")); c >= 0 {
		end = c
	}
	v := bytes.TrimRight(rest[:end], " ")
	if len(v) == 0 || bytes.Contains(v, []byte(": ")) || v[len(v)-1] == ':' ||
		(inFlow && bytes.ContainsAny(v, "#?[]{}\"'")) {
		return nil, 0, false
	}
	return p.node(yaml.ScalarNode, 0, string(v), i, off), len(v), true
}

// literal reads a literal block scalar, | or |- (not |+, nor one with an
// indentation indicator), whose indicator is at byte off of line i, for a
// key at indentation ind.
func (p *blockParser) literal(i, off, ind int) (*yaml.Node, int, bool) {
	l := p.lines[i]
	head := p.text[l.start+off+1 : l.end]
	strip := false
	if len(head) > 0 && head[0] == '-' {
		strip, head = true, head[1:]
	}
	if len(head) > 0 && head[0] != ' ' || !commentOnly(head) {
		return nil, 0, false
	}
	// The block's indentation is that of its first line holding more than
	// spaces; space-only lines before it may not be longer.
	j, longest := i+1, 0
	for ; j < len(p.lines) && p.lines[j].blank(); j++ {
		longest = max(longest, p.lines[j].end-p.lines[j].start)
	}
	n := p.node(yaml.ScalarNode, yaml.LiteralStyle, "", i, off)
	if j == len(p.lines) || p.lines[j].indent <= ind {
		if longest > ind {
			return nil, 0, false
		}
		return n, j, true // empty
	}
	block := p.lines[j].indent
	if longest > block {
		return nil, 0, false
	}
	var v []byte
	for range j - (i + 1) {
		v = append(v, '\n')
	}
	last := j // the line after the last with content
	for ; j < len(p.lines); j++ {
		lj := p.lines[j]
		if lj.blank() && lj.end-lj.start <= block {
			continue
		}
		if lj.indent < block {
			break
		}
		for range j - last {
			v = append(v, '\n')
		}
		v = append(v, p.text[lj.start+block:lj.end]...)
		last = j
	}
	if !strip {
		v = append(v, '\n')
	}
	n.Value = string(v)
	return n, last + 1, true
}

// keyEnd is the index of the colon ending a plain key at the start of s, or
// -1 when s does not start with one. Keys are kept to the letters, digits
// and marks roadmap files use, and to YAML's 1,024 characters.
func keyEnd(s []byte) int {
	for i, b := range s[:min(len(s), 1024)] {
		switch {
		case b == ':':
			if i > 0 && (i+1 == len(s) || s[i+1] == ' ') {
				return i
			}
			return -1
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9', b == '_':
		case (b == '-' || b == '.' || b == '/') && i > 0:
		default:
			return -1
		}
	}
	return -1
}

// isItem reports whether s (a line after its indentation) starts a block
// sequence's item.
func isItem(s []byte) bool {
	return len(s) > 0 && s[0] == '-' && (len(s) == 1 || s[1] == ' ')
}

// plainStart reports whether a plain scalar may start s: not with an
// indicator, nor with "-", "?" or ":" before a space.
func plainStart(s []byte) bool {
	switch s[0] {
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', ':':
		return false
	case '-':
		return len(s) > 1 && s[1] != ' ' && s[1] != '-'
	}
	return true
}

// commentOnly reports whether s holds only spaces and perhaps a comment
// after at least one space.
func commentOnly(s []byte) bool {
	t := bytes.TrimLeft(s, " ")
	return len(t) == 0 || (t[0] == '#' && len(t) < len(s))
}

// blank reports whether a line holds only spaces.
func (l blockLine) blank() bool { return l.indent == l.end-l.start }
