package roadmap

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// Chunk is a piece of a roadmap file that decodes on its own: one item of a
// top-level list (features, objectives, ...), written in plain block style.
type Chunk struct {
	// Key is the list the item belongs to: features, objectives, ...
	Key string
	// ID is the item's id when written plainly (id: x), or "".
	ID string
	// Start is the item's first line (from 1); Text runs from there to the
	// line before the next item or top-level key.
	Start int
	Text  []byte
}

// listKeys are the top-level keys whose items SplitFile splits out.
var listKeys = map[string]bool{
	"features": true, "objectives": true, "campaigns": true,
	"people": true, "themes": true, "personas": true,
}

// SplitFile cuts a file into its items, so a changed file can be decoded item
// by item, each item once whatever file or line it moves to. Head is the file
// with every item's lines blanked: what remains (settings, empty lists) decodes
// on its own with the same line numbers. ok is false whenever the text is not
// plain block style (anchors, aliases, tags, flow lists, tabs, several
// documents, repeated keys...): then only decoding the whole file is right.
func SplitFile(text []byte) (head []byte, chunks []Chunk, ok bool) {
	if !utf8.Valid(text) || bytes.ContainsAny(text, "\t\r\x00\ufeff") {
		return nil, nil, false
	}
	lines := bytes.SplitAfter(text, []byte("\n"))
	if len(lines) > 0 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	head = make([]byte, 0, len(text))
	seen := map[string]bool{}
	var (
		section   string // current top-level key, when it is a splittable list
		itemInd   = -1   // indentation of "- " in the current list
		cur       *Chunk
		blockInd  = -1 // indentation of the key owning a block scalar
		itemLines [][]byte
	)
	flush := func() {
		if cur != nil {
			cur.Text = bytes.Join(itemLines, nil)
			chunks = append(chunks, *cur)
			cur, itemLines = nil, nil
		}
	}
	for i, raw := range lines {
		line := bytes.TrimRight(raw, "\n")
		ind := indent(line)
		rest := line[ind:]
		blank := len(rest) == 0
		comment := !blank && rest[0] == '#'
		if blockInd >= 0 && (blank || ind > blockInd) {
			// Inside a block scalar (| or >): the text is content.
			if cur != nil {
				itemLines = append(itemLines, raw)
				head = append(head, '\n')
			} else {
				head = append(head, raw...)
			}
			continue
		}
		blockInd = -1
		if !blank && !comment && !plainLine(rest) {
			return nil, nil, false
		}
		if isBlockScalarStart(rest) {
			blockInd = ind
		}
		switch {
		case blank || comment:
			// belongs to whatever is open
		case ind == 0 && !(section != "" && (itemInd <= 0) && bytes.HasPrefix(rest, []byte("- "))):
			flush()
			key, value, isKey := topLevelKey(rest)
			if !isKey || seen[key] || bytes.HasPrefix(rest, []byte("-")) {
				return nil, nil, false
			}
			seen[key] = true
			section, itemInd = "", -1
			if listKeys[key] && len(value) == 0 {
				section = key
			}
			head = append(head, raw...)
			continue
		case section == "":
			// a nested line of a setting: stays in the head
		case itemInd < 0 || ind == itemInd:
			if !bytes.HasPrefix(rest, []byte("- ")) || len(bytes.TrimSpace(rest[2:])) == 0 || rest[2] == ' ' || rest[2] == '#' || rest[2] == '-' {
				return nil, nil, false
			}
			if itemInd < 0 {
				itemInd = ind
			}
			flush()
			cur = &Chunk{Key: section, Start: i + 1, ID: plainID(rest[2:])}
			itemLines = append(itemLines, raw)
			head = append(head, '\n')
			continue
		case ind < itemInd || cur == nil:
			return nil, nil, false
		default:
			if cur.ID == "" && ind == itemInd+2 {
				cur.ID = plainID(rest)
			}
		}
		if cur != nil {
			itemLines = append(itemLines, raw)
			head = append(head, '\n')
		} else {
			head = append(head, raw...)
		}
	}
	flush()
	return head, chunks, true
}

func indent(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// plainLine reports whether a line (without its indentation) is free of the
// YAML that makes items depend on each other or on the document: anchors,
// aliases, tags, merge keys, directives and document markers.
func plainLine(rest []byte) bool {
	if bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) || rest[0] == '%' {
		return false
	}
	if bytes.Contains(rest, []byte("<<")) {
		return false
	}
	for i, c := range rest {
		if c != '&' && c != '*' && c != '!' && c != '|' && c != '>' && c != '?' && c != '{' && c != '[' {
			continue
		}
		if i == 0 || slices.Contains([]byte(" [{,"), rest[i-1]) {
			if c == '|' || c == '>' {
				continue // block scalar indicators, checked by isBlockScalarStart
			}
			if c == '{' || c == '[' {
				// Flow collections are fine when the line closes them.
				if !balancedFlow(rest[i:]) {
					return false
				}
				continue
			}
			return false
		}
	}
	return true
}

// balancedFlow reports whether a flow collection starting the text closes on
// the same line, outside of quotes.
func balancedFlow(s []byte) bool {
	depth := 0
	var quote byte
	for _, c := range s {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return true
			}
		case c == '#':
			return false
		}
	}
	return false
}

// isBlockScalarStart reports whether a line ends in a block scalar header
// (key: |, - >-, ...), whose content follows on more indented lines.
func isBlockScalarStart(rest []byte) bool {
	if c := bytes.IndexByte(rest, '#'); c > 0 && rest[c-1] == ' ' {
		rest = rest[:c]
	}
	rest = bytes.TrimRight(rest, " ")
	for len(rest) > 0 && (rest[len(rest)-1] == '-' || rest[len(rest)-1] == '+' || rest[len(rest)-1] >= '1' && rest[len(rest)-1] <= '9') {
		rest = rest[:len(rest)-1]
	}
	if len(rest) == 0 || (rest[len(rest)-1] != '|' && rest[len(rest)-1] != '>') {
		return false
	}
	rest = rest[:len(rest)-1]
	return len(rest) == 0 || bytes.HasSuffix(rest, []byte(": ")) || bytes.HasSuffix(rest, []byte("- ")) || bytes.Equal(rest, []byte("-"))
}

// topLevelKey splits a top-level line "key: value" into a plain key and its
// value (empty when the line opens a block, comments dropped).
func topLevelKey(rest []byte) (key string, value []byte, ok bool) {
	colon := bytes.IndexByte(rest, ':')
	if colon <= 0 {
		return "", nil, false
	}
	for _, c := range rest[:colon] {
		if !(c >= 'a' && c <= 'z' || c == '_') {
			return "", nil, false
		}
	}
	value = rest[colon+1:]
	if len(value) > 0 && value[0] != ' ' {
		return "", nil, false
	}
	value = bytes.TrimSpace(value)
	if len(value) > 0 && value[0] == '#' {
		value = nil
	}
	return string(rest[:colon]), value, true
}

// plainID reads "id: x" where x is a plain slug; "" otherwise.
func plainID(s []byte) string {
	v, ok := bytes.CutPrefix(s, []byte("id: "))
	if !ok {
		return ""
	}
	if c := bytes.Index(v, []byte(" #")); c >= 0 {
		v = v[:c]
	}
	v = bytes.TrimSpace(v)
	if !ValidID(string(v)) || string(v) == "null" {
		return ""
	}
	return string(v)
}

// DecodeChunk decodes one item of file p as if it stood at its line in the
// file: positions and findings are those a whole-file decode gives it.
func DecodeChunk(p string, c Chunk) (Document, []Finding) {
	text := make([]byte, 0, c.Start+len(c.Key)+2+len(c.Text))
	for range c.Start - 2 {
		text = append(text, '\n')
	}
	text = append(text, c.Key...)
	text = append(text, ":\n"...)
	text = append(text, c.Text...)
	return parseDocument(p, text, false)
}

// ParseSplit decodes a file item by item; ok is false when SplitFile cannot
// split it or an item does not parse (YAML rejects the whole file then). What
// it returns equals ParseDocument's, findings aside from their order.
func ParseSplit(p string, text []byte) (doc Document, findings []Finding, ok bool) {
	head, chunks, ok := SplitFile(text)
	if !ok {
		return Document{}, nil, false
	}
	doc, findings = parseDocument(p, head, true)
	for _, c := range chunks {
		d, fs := DecodeChunk(p, c)
		for _, f := range fs {
			if f.Rule == ruleSyntax.ID {
				// One broken item breaks the whole file, as YAML sees it.
				return Document{}, nil, false
			}
		}
		findings = append(findings, fs...)
		doc.Objectives = appendItems(doc.Objectives, d.Objectives)
		doc.Features = appendItems(doc.Features, d.Features)
		doc.Campaigns = appendItems(doc.Campaigns, d.Campaigns)
		doc.People = appendItems(doc.People, d.People)
		doc.Themes = appendItems(doc.Themes, d.Themes)
		doc.Personas = appendItems(doc.Personas, d.Personas)
		if _, ok := doc.Settings.At[c.Key]; !ok {
			// Where the list starts: its first item's dash.
			doc.Settings.At[c.Key] = Pos{Line: c.Start, Col: indent(c.Text) + 1}
		}
	}
	return doc, findings, true
}

// appendItems appends like append, but keeps an empty decoded list non-nil,
// as decoding the whole file does.
func appendItems[T any](dst, src []T) []T {
	if dst == nil && src != nil {
		dst = make([]T, 0, len(src))
	}
	return append(dst, src...)
}
