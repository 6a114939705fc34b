package roadmap

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
)

// suppression is a `# roadmap:ignore RULE[,RULE] reason` comment.
type suppression struct {
	file  string
	line  int
	col   int
	rules []string
	// alone is true for a comment on a line of its own; only such a comment
	// reaches the next line or item, a trailing one covers its own line.
	alone bool
}

const ignoreMarker = "roadmap:ignore"

// scanSuppressions finds the ignore comments of a file.
func scanSuppressions(file string, text []byte) []suppression {
	if !bytes.Contains(text, []byte(ignoreMarker)) {
		return nil
	}
	var out []suppression
	for i, line := range bytes.Split(text, []byte("\n")) {
		hash := bytes.IndexByte(line, '#')
		if hash < 0 {
			continue
		}
		at := bytes.Index(line[hash:], []byte(ignoreMarker))
		if at < 0 || len(bytes.TrimSpace(line[hash+1:hash+at])) != 0 {
			continue
		}
		rest := strings.Fields(string(line[hash+at+len(ignoreMarker):]))
		s := suppression{file: file, line: i + 1, col: hash + at + 1, alone: len(bytes.TrimSpace(line[:hash])) == 0}
		if len(rest) > 0 {
			s.rules = strings.Split(rest[0], ",")
		}
		out = append(out, s)
	}
	return out
}

// span is the lines of one item in a file.
type span struct {
	file       string
	start, end int
}

// itemSpans lists every item's lines, sorted by file and first line.
func (r *Roadmap) itemSpans() []span {
	if len(r.suppressions) == 0 {
		return nil
	}
	var out []span
	add := func(l *Located) { out = append(out, span{l.File, l.Pos.Line, l.End}) }
	for _, x := range r.Features {
		add(&x.Located)
	}
	for _, x := range r.Objectives {
		add(&x.Located)
	}
	for _, x := range r.Campaigns {
		add(&x.Located)
	}
	for _, x := range r.People {
		add(&x.Located)
	}
	for _, x := range r.Themes {
		add(&x.Located)
	}
	for _, x := range r.Personas {
		add(&x.Located)
	}
	slices.SortFunc(out, func(a, b span) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.start, b.start))
	})
	return out
}

// suppressed reports whether an ignore comment silences f: one on f's line or
// the line above, or one on an item's first line or the line above it, for
// every finding inside that item.
func (r *Roadmap) suppressed(f Finding, items []span) bool {
	if len(r.suppressions) == 0 {
		return false
	}
	itemStart := -1
	i, _ := slices.BinarySearchFunc(items, span{file: f.Path, start: f.Line + 1}, func(a, b span) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.start, b.start))
	})
	if i > 0 && items[i-1].file == f.Path && items[i-1].end >= f.Line {
		itemStart = items[i-1].start
	}
	for _, s := range r.suppressions {
		if s.file != f.Path || !slices.Contains(s.rules, f.Rule) && !slices.Contains(s.rules, "all") {
			continue
		}
		if s.line == f.Line || s.alone && s.line+1 == f.Line {
			return true
		}
		if itemStart > 0 && (s.line == itemStart || s.alone && s.line+1 == itemStart) {
			return true
		}
	}
	return false
}
