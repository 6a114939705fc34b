package roadmap

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// placeMisindented moves a file's syntax finding of a mapping or list out
// of line to the line to mend (see misindented). Only loads do: what they
// find is shown, while a history walk asks only whether a version parses,
// and need not parse it again.
func placeMisindented(text []byte, findings []Finding) {
	for i, f := range findings {
		if f.Rule != ruleSyntax.ID {
			continue
		}
		if line, col, msg := misindented(text, f.Line, f.Message); line != f.Line {
			findings[i].Line, findings[i].Column, findings[i].Message = line, col, lineHint(text, line, msg)
		}
	}
}

// misindented finds the line a mapping or list that does not line up goes
// wrong on. The YAML library reports such a mistake ("did not find expected
// key", "... '-' indicator") at the line where the mapping or list began,
// which may be a screen above the line to mend. No prefix of the file that
// ends before the mistake fails with that problem, and every prefix that
// holds it does, so the first prefix that fails with it, found by halving,
// ends on the mistake. (A prefix that ends inside a list opened with [ fails
// too, with another problem.) It returns the line, column and message to
// report; the column is 1 when the line is the library's.
func misindented(text []byte, line int, msg string) (int, int, string) {
	problem, _, _ := strings.Cut(msg, " (")
	if problem != "did not find expected key" && problem != "did not find expected '-' indicator" {
		return line, 1, msg
	}
	if len(text) > maxHalvedBytes {
		return line, 1, msg
	}
	ends := lineEnds(text)
	if line < 1 || line >= len(ends) {
		return line, 1, msg
	}
	lo, hi := line, len(ends) // the whole file fails with problem
	for lo < hi {
		mid := lo + (hi-lo)/2
		if failsWith(text[:ends[mid-1]], problem) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	// A prefix the halving lowered hi to failed already; the whole file's
	// last line, it did not test.
	if hi == line || hi == len(ends) && !failsWith(text[:ends[hi-1]], problem) {
		return line, 1, msg
	}
	col, hint := alignmentHint(text, ends, line, hi)
	return hi, col, problem + " (" + hint + ")"
}

// failsWith reports whether text does not parse, for the reason problem.
// Like parseDocument, it turns whatever the YAML library does on a prefix
// it never saw into an answer, never a crash.
func failsWith(text []byte, problem string) (fails bool) {
	defer func() {
		if recover() != nil {
			fails = false
		}
	}()
	var n yaml.Node
	err := yaml.Unmarshal(text, &n)
	if err == nil {
		return false
	}
	_, msg := yamlError(err)
	return strings.HasPrefix(msg, problem)
}

// maxHalvedBytes bounds the files misindented reads again: halving parses
// some twenty prefixes of a file, each up to its whole length, and a
// roadmap file is rarely over 100 KiB.
const maxHalvedBytes = 256 << 10

// lineEnds holds, for each line, the offset just past its newline (or the
// end of the text, for a last line without one).
func lineEnds(text []byte) []int {
	var ends []int
	for at := 0; at < len(text); {
		i := bytes.IndexByte(text[at:], '\n')
		if i < 0 {
			ends = append(ends, len(text))
			break
		}
		at += i + 1
		ends = append(ends, at)
	}
	return ends
}

// alignmentHint says where line n starts against the lines of the mapping
// or list that began on line from: the columns its keys (or, for a list
// item, its dashes) start at. It returns the column line n's key or dash
// starts at (1 when it holds neither), and the hint.
func alignmentHint(text []byte, ends []int, from, n int) (int, string) {
	lineText := func(k int) []byte {
		start := 0
		if k > 1 {
			start = ends[k-2]
		}
		return bytes.TrimRight(text[start:ends[k-1]], "\r\n")
	}
	column, what := keyColumn, "key"
	if dashColumn(lineText(n)) > 0 {
		column, what = dashColumn, "list item"
	}
	col := column(lineText(n))
	var cols []int
	for k := from; k < n; k++ {
		if c := column(lineText(k)); c > 0 && !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	if col == 0 || len(cols) == 0 || slices.Contains(cols, col) {
		return max(col, 1), fmt.Sprintf("check the indentation of line %d", n)
	}
	// The columns nearest the line's are the ones it was meant to line up with.
	slices.SortFunc(cols, func(a, b int) int { return cmp.Or(cmp.Compare(abs(a-col), abs(b-col)), cmp.Compare(a, b)) })
	cols = cols[:min(len(cols), 2)]
	slices.Sort(cols)
	at := "column " + strconv.Itoa(cols[0])
	if len(cols) == 2 {
		at = "columns " + strconv.Itoa(cols[0]) + " and " + strconv.Itoa(cols[1])
	}
	return col, fmt.Sprintf("line %d starts a %s at column %d, but the %ss above it start at %s; line them up", n, what, col, what, at)
}

// keyColumn is the column (from 1) a line's key starts at, after its
// indentation and any list dashes, or 0 for a line that holds no key (a
// comment, a line of text in a block).
func keyColumn(line []byte) int {
	body := bytes.TrimLeft(line, " ")
	for bytes.HasPrefix(body, []byte("- ")) {
		body = bytes.TrimLeft(body[2:], " ")
	}
	key := 0
	for key < len(body) && (isWordByte(body[key]) || body[key] == '.') {
		key++
	}
	if key == 0 || key == len(body) || body[key] != ':' || (key+1 < len(body) && body[key+1] != ' ') {
		return 0
	}
	return len(line) - len(body) + 1
}

// dashColumn is the column (from 1) of the dash that starts a list item on
// the line, or 0.
func dashColumn(line []byte) int {
	body := bytes.TrimLeft(line, " ")
	if body := string(body); body == "-" || strings.HasPrefix(body, "- ") {
		return len(line) - len(body) + 1
	}
	return 0
}
