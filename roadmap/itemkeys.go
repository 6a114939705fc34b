package roadmap

import (
	"bytes"
	"reflect"
	"slices"
)

// ItemKey is one top-level key of an item and its value, as the lines of
// an item's text hold them: a commit that edits one field of a feature
// changes one key, and only that key needs decoding to say what changed.
type ItemKey struct {
	Name string
	// Indent is the column of the item's dash; Body runs from the key's
	// name to the end of its value, with the comments and blank lines that
	// follow it.
	Indent int
	Body   []byte
}

// Same reports whether two keys are written alike, so decode alike.
func (k ItemKey) Same(o ItemKey) bool {
	return k.Name == o.Name && k.Indent == o.Indent && bytes.Equal(k.Body, o.Body)
}

// Text is the key written as an item of its own ("- key: value" at the
// item's column), which DecodeChunk decodes alone.
func (k ItemKey) Text() []byte {
	out := make([]byte, 0, k.Indent+2+len(k.Body))
	for range k.Indent {
		out = append(out, ' ')
	}
	out = append(out, "- "...)
	return append(out, k.Body...)
}

// SplitItem cuts the text of a chunk (as SplitFile cuts it) by the item's
// top-level keys. ok is false when the item is not a mapping written one key
// a line at one column, or names a key twice: decode it whole then.
func SplitItem(text []byte) (keys []ItemKey, ok bool) {
	ind := indent(text)
	if !bytes.HasPrefix(text[ind:], []byte("- ")) {
		return nil, false
	}
	col := ind + 2 // the column of the item's keys
	var start int  // of the open key's body
	var seen keyIndex
	open := func(at int, line []byte) bool {
		name, ok := itemKeyName(line[col:])
		if !ok || seen.find(keys, name) >= 0 {
			return false
		}
		seen.add(keys, name, len(keys))
		if len(keys) > 0 {
			keys[len(keys)-1].Body = text[start:at]
		}
		keys = append(keys, ItemKey{Name: name, Indent: ind})
		start = at + col
		return true
	}
	blockInd := -1 // column of the line opening a block scalar
	for pos := 0; pos < len(text); {
		at := pos
		line := text[pos:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line, pos = line[:nl], pos+nl+1
		} else {
			pos = len(text)
		}
		lineInd := indent(line)
		rest := line[lineInd:]
		if at == 0 {
			lineInd, rest = col, line[col:] // the dash line opens the first key
		}
		if len(rest) == 0 || blockInd >= 0 && lineInd > blockInd {
			continue
		}
		blockInd = -1
		if rest[0] == '#' {
			continue // a comment belongs to the key before it
		}
		if isBlockScalarStart(rest) {
			blockInd = lineInd
		}
		switch {
		case lineInd > col:
			// more of the open key's value
		case lineInd == col && (rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ')):
			// an item of a list written at its key's column
		case lineInd == col:
			if !open(at, line) {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if len(keys) == 0 {
		return nil, false
	}
	keys[len(keys)-1].Body = text[start:]
	return keys, true
}

// keyIndex finds keys by name: by looking through a few, by a map once
// there are many, so that an item of thousands of keys costs no more than
// decoding it.
type keyIndex struct {
	at map[string]int
}

// manyKeys is how many keys make looking through them slower than a map.
const manyKeys = 32

func indexKeys(keys []ItemKey) keyIndex {
	var x keyIndex
	if len(keys) > manyKeys {
		x.at = make(map[string]int, len(keys))
		for i := len(keys) - 1; i >= 0; i-- {
			x.at[keys[i].Name] = i
		}
	}
	return x
}

// find returns the index of the first key of keys named name, or -1.
func (x *keyIndex) find(keys []ItemKey, name string) int {
	if x.at != nil {
		if i, ok := x.at[name]; ok {
			return i
		}
		return -1
	}
	return slices.IndexFunc(keys, func(k ItemKey) bool { return k.Name == name })
}

// add records that keys[i] is named name, for a keyIndex built up one key
// at a time.
func (x *keyIndex) add(keys []ItemKey, name string, i int) {
	if x.at == nil && i >= manyKeys {
		*x = indexKeys(keys[:i])
	}
	if x.at != nil {
		if _, ok := x.at[name]; !ok {
			x.at[name] = i
		}
	}
}

// itemKeyName reads the plain key that starts a line of an item.
func itemKeyName(s []byte) (string, bool) {
	colon := bytes.IndexByte(s, ':')
	if colon <= 0 || colon+1 < len(s) && s[colon+1] != ' ' {
		return "", false
	}
	for _, c := range s[:colon] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return "", false
		}
	}
	return string(s[:colon]), true
}

// DecodeItem decodes the text of one item of kind (features, objectives or
// campaigns) alone, as DecodeChunk decodes a chunk at line 2: a *Feature,
// *Objective or *Campaign, or nil when the text holds no such item. parses
// is false when the text has a syntax error.
func DecodeItem(kind string, text []byte) (item any, parses bool) {
	doc, findings := DecodeChunk("", Chunk{Key: kind, Start: 2, Text: text})
	if HasSyntaxError(findings) {
		return nil, false
	}
	switch {
	case len(doc.Features) == 1:
		return doc.Features[0], true
	case len(doc.Objectives) == 1:
		return doc.Objectives[0], true
	case len(doc.Campaigns) == 1:
		return doc.Campaigns[0], true
	}
	return nil, true
}

// KeyItem decodes one key of an item of kind alone: an item with only that
// key set. ok is false when the key's text does not parse alone.
func KeyItem(kind string, k ItemKey) (item any, ok bool) { return DecodeItem(kind, k.Text()) }

// OlderItem is the older of two versions of an item of kind, each cut by
// SplitItem, made from the newer one, newItem (as decoded, or made so): the
// keys written alike are the newer's values, and only the others are
// decoded alone, by decode (KeyItem, or a cache of it). Provided newItem
// parses, what it returns is what decoding the older version whole gives,
// in its values and in the fields that could not be read; its positions are
// newItem's. It shares values with newItem and the decoded keys:
// none may be changed. ok is false when a key does not parse alone.
func OlderItem(kind string, newItem any, old, new []ItemKey, decode func(ItemKey) (any, bool)) (item any, ok bool) {
	t, known := itemTypes[kind]
	nv := reflect.ValueOf(newItem)
	if !known || !nv.IsValid() || nv.Type() != reflect.PointerTo(t) || nv.IsNil() {
		return nil, false
	}
	oldAt, newAt := indexKeys(old), indexKeys(new)
	s := shapeOf(t)
	out := reflect.New(t)
	out.Elem().Set(nv.Elem())
	set := func(name string, part any) {
		if i, known := s.byName[name]; known {
			f := out.Elem().FieldByIndex(s.fields[i].index)
			if part == nil {
				f.SetZero()
			} else {
				f.Set(reflect.ValueOf(part).Elem().FieldByIndex(s.fields[i].index))
			}
		}
	}
	for _, k := range new {
		if oldAt.find(old, k.Name) < 0 {
			set(k.Name, nil) // a key the older version lacks
		}
	}
	var parts []any
	for _, k := range old {
		j := newAt.find(new, k.Name)
		if j >= 0 && k.Same(new[j]) {
			continue
		}
		part, ok := decode(k)
		if !ok {
			return nil, false
		}
		if part == nil {
			part = reflect.New(t).Interface() // the key sets nothing
		}
		set(k.Name, part)
		parts = append(parts, part)
	}
	// The values that could not be read are the newer's under the keys
	// written alike, and each decoded key's own.
	located := func(v reflect.Value) *Located {
		return v.Elem().FieldByIndex(s.located).Addr().Interface().(*Located)
	}
	loc := located(out)
	alike := func(path string) bool {
		name := path[:rootEnd(path)]
		i, j := oldAt.find(old, name), newAt.find(new, name)
		return i >= 0 && j >= 0 && old[i].Same(new[j])
	}
	var invalid, written map[string]string
	carry := func(from *Located, path string) {
		if invalid == nil {
			invalid, written = map[string]string{}, map[string]string{}
		}
		invalid[path], written[path] = from.Invalid[path], from.Written[path]
	}
	for path := range loc.Invalid {
		if alike(path) {
			carry(loc, path)
		}
	}
	for _, part := range parts {
		p := located(reflect.ValueOf(part))
		for path := range p.Invalid {
			carry(p, path)
		}
	}
	loc.Invalid, loc.Written = invalid, written
	return out.Interface(), true
}

// itemTypes are the item kinds whose fields diffs show.
var itemTypes = map[string]reflect.Type{
	"features":   reflect.TypeFor[Feature](),
	"objectives": reflect.TypeFor[Objective](),
	"campaigns":  reflect.TypeFor[Campaign](),
}

// DiffKeys compares two versions of an item of kind, each cut by SplitItem,
// key by key: only the keys written differently are decoded, by fields (the
// fields of KeyItem's item, or a cache of them). Provided the newer item parses, the result
// equals DiffFields of the two items' Fields, and the older item parses too.
// ok is false when a changed key does not parse alone: compare the whole
// items then.
func DiffKeys(kind string, old, new []ItemKey, fields func(ItemKey) ([]Field, bool)) (changes []FieldChange, ok bool) {
	t, known := itemTypes[kind]
	if !known {
		return nil, false
	}
	s := shapeOf(t)
	type side struct {
		rank     int
		old, new *ItemKey
	}
	var changed []side
	rank := func(name string) int {
		if i, ok := s.byName[name]; ok {
			return i
		}
		return len(s.fields) // unknown keys set no fields
	}
	oldAt, newAt := indexKeys(old), indexKeys(new)
	for i := range old {
		j := newAt.find(new, old[i].Name)
		switch {
		case j < 0:
			changed = append(changed, side{rank: rank(old[i].Name), old: &old[i]})
		case !old[i].Same(new[j]):
			changed = append(changed, side{rank: rank(old[i].Name), old: &old[i], new: &new[j]})
		}
	}
	for j := range new {
		if oldAt.find(old, new[j].Name) < 0 {
			changed = append(changed, side{rank: rank(new[j].Name), new: &new[j]})
		}
	}
	// Fields lists fields in the order of the struct's keys; the keys of an
	// item may be written in any order.
	slices.SortStableFunc(changed, func(a, b side) int { return a.rank - b.rank })
	var before, after []Field
	for _, c := range changed {
		for _, k := range []struct {
			key *ItemKey
			out *[]Field
		}{{c.old, &before}, {c.new, &after}} {
			if k.key == nil {
				continue
			}
			fs, ok := fields(*k.key)
			if !ok {
				return nil, false
			}
			*k.out = append(*k.out, fs...)
		}
	}
	return DiffFields(before, after), true
}
