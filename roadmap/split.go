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

	offset int // of Text in the file
}

// listKeys are the top-level keys whose items SplitFile splits out.
var listKeys = map[string]bool{
	"features": true, "objectives": true, "campaigns": true,
	"people": true, "themes": true, "personas": true,
}

// SplitFile cuts a file into its items, so a changed file can be decoded item
// by item, each item once whatever file or line it moves to. ok is false
// whenever the text is not plain block style (anchors, aliases, tags, flow
// collections across lines, tabs, several documents, repeated keys...): then
// only decoding the whole file is right. Chunks share text's bytes.
func SplitFile(text []byte) (chunks []Chunk, ok bool) {
	// YAML also breaks lines at U+0085, U+2028 and U+2029, which cutting by
	// "\n" would not see.
	if !utf8.Valid(text) || bytes.IndexByte(text, '\t') >= 0 || bytes.IndexByte(text, '\r') >= 0 ||
		bytes.IndexByte(text, 0) >= 0 || bytes.Contains(text, []byte("\ufeff")) ||
		bytes.Contains(text, []byte("\u0085")) || bytes.Contains(text, []byte("\u2028")) || bytes.Contains(text, []byte("\u2029")) {
		return nil, false
	}
	var (
		seen     []string // top-level keys so far
		section  string   // current top-level key, when it is a splittable list
		itemInd  = -1     // indentation of "- " in the current list
		cur      = -1     // index in chunks of the open item
		blockInd = -1     // indentation of the key owning a block scalar
		idOpen   bool     // the last line gave the open item its id
	)
	close := func(end int) {
		if cur >= 0 {
			c := &chunks[cur]
			c.Text = text[c.offset:end]
			cur = -1
		}
	}
	lineNo := 0
	for pos := 0; pos < len(text); {
		start := pos
		nl := bytes.IndexByte(text[pos:], '\n')
		var line []byte
		if nl < 0 {
			line, pos = text[pos:], len(text)
		} else {
			line, pos = text[pos:pos+nl], pos+nl+1
		}
		lineNo++
		ind := indent(line)
		rest := line[ind:]
		blank := len(rest) == 0
		if blockInd >= 0 && (blank || ind > blockInd) {
			continue // inside a block scalar (| or >): the text is content
		}
		blockInd = -1
		if blank {
			continue // belongs to whatever is open
		}
		if rest[0] == '#' {
			idOpen = false // a comment ends a plain scalar
			continue
		}
		if idOpen && ind > itemInd+2 {
			chunks[cur].ID = "" // the id runs on: decoding the item tells it
		}
		idOpen = false
		if ind == 0 && (bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) || rest[0] == '%') {
			return nil, false
		}
		if bytes.IndexAny(rest, `"'`) >= 0 && leavesQuoteOpen(rest) {
			return nil, false
		}
		if hasSpecial(rest) {
			if !plainLine(rest) {
				return nil, false
			}
			if isBlockScalarStart(rest) {
				blockInd = ind
			}
		}
		switch {
		case ind == 0 && !(section != "" && itemInd <= 0 && bytes.HasPrefix(rest, []byte("- "))):
			close(start)
			key, value, isKey := topLevelKey(rest)
			if !isKey || slices.Contains(seen, key) {
				return nil, false
			}
			seen = append(seen, key)
			section, itemInd = "", -1
			if listKeys[key] {
				switch string(value) {
				case "":
					section = key
				case "[]", "null", "~":
				default:
					// A list written on its key's line: its items would stay
					// in the head, where walks do not look for them.
					return nil, false
				}
			}
		case section == "":
			// a nested line of a setting: stays in the head
		case itemInd < 0 || ind == itemInd:
			if !bytes.HasPrefix(rest, []byte("- ")) || len(bytes.TrimSpace(rest[2:])) == 0 || rest[2] == ' ' || rest[2] == '#' || rest[2] == '-' {
				return nil, false
			}
			if itemInd < 0 {
				itemInd = ind
			}
			close(start)
			cur = len(chunks)
			chunks = append(chunks, Chunk{Key: section, Start: lineNo, ID: plainID(rest[2:]), offset: start})
			idOpen = chunks[cur].ID != ""
		case ind < itemInd || cur < 0:
			return nil, false
		default:
			if chunks[cur].ID == "" && ind == itemInd+2 {
				chunks[cur].ID = plainID(rest)
				idOpen = chunks[cur].ID != ""
			}
		}
	}
	close(len(text))
	return chunks, true
}

// head is text with the lines of every chunk emptied: what remains
// (settings, empty lists) decodes on its own with the same line numbers.
func head(text []byte, chunks []Chunk) []byte {
	out := make([]byte, 0, len(text))
	at := 0
	for _, c := range chunks {
		out = append(out, text[at:c.offset]...)
		for _, b := range c.Text {
			if b == '\n' {
				out = append(out, '\n')
			}
		}
		at = c.offset + len(c.Text)
	}
	return append(out, text[at:]...)
}

// HeadParses reports whether what of a file lies outside its chunks (its
// settings and list keys) parses. A file that splits parses whole exactly
// when its head and each chunk do (FuzzSplitParse checks both directions).
func HeadParses(text []byte, chunks []Chunk) bool {
	// Only list keys, blank lines and comments, in printable ASCII, parse;
	// anything else is parsed.
	plain := true
	at := 0
	for i := 0; i <= len(chunks) && plain; i++ {
		end := len(text)
		if i < len(chunks) {
			end = chunks[i].offset
		}
		plain = plainHead(text[at:end])
		if i < len(chunks) {
			at = chunks[i].offset + len(chunks[i].Text)
		}
	}
	if plain {
		return true
	}
	_, findings := parseDocument("", head(text, chunks), false)
	return !HasSyntaxError(findings)
}

// plainHead reports whether a piece of a file's head holds only list keys,
// blank lines and comments, in printable ASCII.
func plainHead(piece []byte) bool {
	if bytes.ContainsFunc(piece, func(r rune) bool { return r != '\n' && (r < ' ' || r > '~') }) {
		return false
	}
	for line := range bytes.Lines(piece) {
		rest := bytes.TrimRight(line, "\n")
		if ind := indent(rest); ind == len(rest) || rest[ind] == '#' {
			continue
		}
		if key, value, ok := topLevelKey(rest); !ok || len(value) != 0 || !listKeys[key] {
			return false
		}
	}
	return true
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

// HasSyntaxError reports whether findings say a file was not read: it does
// not parse, or is a link (and reads as empty).
func HasSyntaxError(fs []Finding) bool {
	for _, f := range fs {
		if f.Rule == ruleSyntax.ID {
			return true
		}
	}
	return false
}

// leavesQuoteOpen reports whether a line (without its indentation, outside a
// block scalar) starts a quoted scalar and does not close it. YAML lets such
// a scalar run on over lines of any indentation, even lines that look like
// keys or items, which cutting the text by lines cannot follow.
func leavesQuoteOpen(rest []byte) bool {
	s := rest
	for {
		for len(s) >= 2 && s[0] == '-' && s[1] == ' ' {
			s = bytes.TrimLeft(s[2:], " ")
		}
		if len(s) == 0 {
			return false
		}
		if s[0] == '"' || s[0] == '\'' {
			end := closeQuote(s)
			if end < 0 {
				return true
			}
			// A quoted key ("k": v) is followed by its value.
			s = bytes.TrimLeft(s[end:], " ")
			if len(s) > 0 && s[0] == ':' {
				s = bytes.TrimLeft(s[1:], " ")
				continue
			}
			return false
		}
		// A plain key: its value starts after the first ": ". A plain scalar
		// may hold quotes anywhere but at its start.
		i := bytes.Index(s, []byte(": "))
		if i < 0 || bytes.Contains(s[:i], []byte(" #")) {
			return false
		}
		s = bytes.TrimLeft(s[i+2:], " ")
	}
}

// closeQuote returns the index just past the quote closing the quoted scalar
// s starts, or -1 when the line does not close it.
func closeQuote(s []byte) int {
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++ // '' is a quote inside a single-quoted scalar
		case s[i] == q:
			return i + 1
		}
	}
	return -1
}

// special marks the bytes that may start YAML beyond plain block style.
var special = func() (t [256]bool) {
	for _, c := range []byte("&*!|>?{[<") {
		t[c] = true
	}
	return t
}()

func hasSpecial(line []byte) bool {
	for _, c := range line {
		if special[c] {
			return true
		}
	}
	return false
}
