package roadmap

import (
	"fmt"
	"hash/crc32"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// decoder turns the YAML nodes of one file into model values, reporting every
// unknown key, missing key and bad value as a finding with its position. It
// checks keys on the node tree rather than by strict decoding, so each finding
// has a column and a suggestion.
type decoder struct {
	file     string
	findings []Finding
	ops      int // values decoded, aliases included
	budget   int // ops allowed before the file counts as an alias bomb
	bombed   bool
	bomb     Finding  // the finding that says so
	end      int      // last line of the list being decoded, for item ends
	cur      *Located // the item (or the settings) being decoded
	// seeing holds the findings, among those of the item being decoded, of
	// unknown keys that may be meant to say who sees it.
	seeing []int
	// writtenOf holds written of anchored values read already.
	writtenOf map[*yaml.Node]string
}

// scalarParser is implemented by the types written as one formatted scalar.
type scalarParser interface {
	parseScalar(string) error
}

var (
	scalarParserType = reflect.TypeFor[scalarParser]()
	enumType         = reflect.TypeFor[enum]()
	locatedType      = reflect.TypeFor[Located]()
)

func newDecoder(file string, size int) *decoder {
	return &decoder{file: file, budget: 2*size + 1000}
}

func (d *decoder) report(rule *Rule, n *yaml.Node, format string, args ...any) {
	d.findings = append(d.findings, Finding{
		Path: d.file, Line: n.Line, Column: n.Column,
		Rule: rule.ID, Severity: rule.Severity,
		Message: fmt.Sprintf(format, args...),
		// What the loader finds invalid, it could not read: the value
		// reads as unset, or the item or key is left out.
		unread: rule == ruleInvalidValue,
	})
}

// unreadable reports a value at path that could not be read, and records it
// in the item being decoded so that other rules take it as present but unknown.
func (d *decoder) unreadable(path string, n *yaml.Node, format string, args ...any) {
	d.report(ruleInvalidValue, n, format, args...)
	if d.cur == nil {
		return
	}
	if d.cur.Invalid == nil {
		d.cur.Invalid, d.cur.Written = map[string]string{}, map[string]string{}
	}
	r := resolve(n)
	d.cur.Invalid[path] = describe(r)
	w, ok := d.writtenOf[r]
	if !ok {
		w = written(r)
		if r.Anchor != "" { // aliases may name it again and again
			if d.writtenOf == nil {
				d.writtenOf = map[*yaml.Node]string{}
			}
			d.writtenOf[r] = w
		}
	}
	d.cur.Written[path] = w
}

// written is a value as written, on one line: a scalar's text, a list or
// mapping in flow style ([large, 2027-03-24]), without its comments. A diff
// shows it and compares it, so a long value is cut, with its length and a
// checksum of the whole that still tells two apart, and a huge list or
// mapping is not written out at all.
func written(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return bounded(n.Value)
	}
	nodes, sum := 0, crc32.NewIEEE()
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		nodes++
		fmt.Fprintf(sum, "%d:%d:%s;", n.Kind, len(n.Content), n.Value)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	if nodes > maxWrittenNodes {
		size := len(n.Content)
		if n.Kind == yaml.MappingNode {
			size /= 2 // keys and values
		}
		return fmt.Sprintf("%s of %d (#%08x)", describe(n), size, sum.Sum32())
	}
	var flow func(n *yaml.Node) *yaml.Node
	flow = func(n *yaml.Node) *yaml.Node {
		c := *n
		c.HeadComment, c.LineComment, c.FootComment = "", "", ""
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, k := range n.Content {
			c.Content[i] = flow(k)
		}
		if c.Kind == yaml.SequenceNode || c.Kind == yaml.MappingNode {
			c.Style = yaml.FlowStyle
		}
		return &c
	}
	out, err := yaml.Marshal(flow(n))
	if err != nil {
		return describe(n)
	}
	// Were the encoder to break a line, the value still shows on one;
	// spaces inside quoted text stay as written.
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i := range lines[1:] {
		lines[i+1] = strings.TrimLeft(lines[i+1], " ")
	}
	return bounded(strings.Join(lines, " "))
}

// maxWritten and maxWrittenNodes bound the value written gives.
const (
	maxWritten      = 200
	maxWrittenNodes = 200
)

// bounded is s, or when longer than maxWritten, its start with its length
// and a checksum of the whole.
func bounded(s string) string {
	if len(s) <= maxWritten {
		return s
	}
	return fmt.Sprintf("%s (%d bytes, #%08x)", clipTo(s, maxWritten), len(s), crc32.ChecksumIEEE([]byte(s)))
}

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// isEmpty tells a value that says nothing: null, or text of only spaces.
// In a map or a list it is left out, as a blank field is read as absent.
func isEmpty(n *yaml.Node) bool {
	return isNull(n) || n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == ""
}

// spend counts one decoded value and reports whether the file is still within
// its budget; YAML aliases can make a small file expand without bound.
func (d *decoder) spend(n *yaml.Node) bool {
	if d.bombed {
		return false
	}
	d.ops++
	if d.ops > d.budget {
		d.bombed = true
		d.bomb = Finding{Path: d.file, Line: n.Line, Column: n.Column, Rule: ruleSyntax.ID, Severity: ruleSyntax.Severity,
			Message: "the file expands through YAML aliases into far more data than it holds; write the values out"}
		return false
	}
	return true
}

// pair is one key and value of a mapping, merge keys (<<) expanded.
type pair struct {
	key, value *yaml.Node
	merged     bool
}

// pairs lists a mapping's keys and values; keys of merged mappings (<<: *base)
// come first and yield to keys written in the mapping itself.
func (d *decoder) pairs(n *yaml.Node) []pair {
	out := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Tag == "!!merge" {
			out = append(d.mergePairs(v, 0), out...)
			continue
		}
		out = append(out, pair{key: k, value: v})
	}
	return out
}

func (d *decoder) mergePairs(v *yaml.Node, depth int) []pair {
	v = resolve(v)
	if depth > 8 || !d.spend(v) {
		return nil
	}
	switch v.Kind {
	case yaml.MappingNode:
		var out []pair
		for _, p := range d.pairs(v) {
			p.merged = true
			out = append(out, p)
		}
		return out
	case yaml.SequenceNode:
		// A mapping earlier in the list wins over a later one, and the
		// last pair of a key is the one kept: the last goes first.
		var out []pair
		for _, m := range slices.Backward(v.Content) {
			out = append(out, d.mergePairs(m, depth+1)...)
		}
		return out
	}
	d.report(ruleInvalidValue, v, "a merge key (<<) takes a mapping or a list of mappings")
	return nil
}

// field is one key a struct accepts.
type field struct {
	name     string
	index    []int
	required bool
	id       bool
}

// shape is what the decoder knows of a struct type: its keys in order.
type shape struct {
	fields  []field
	byName  map[string]int
	names   []string
	located []int // index of the embedded Located, or nil
}

var shapes sync.Map // reflect.Type -> *shape

func shapeOf(t reflect.Type) *shape {
	if s, ok := shapes.Load(t); ok {
		return s.(*shape)
	}
	s := &shape{byName: map[string]int{}}
	addFields(s, t, nil)
	shapes.Store(t, s)
	return s
}

func addFields(s *shape, t reflect.Type, prefix []int) {
	for i := range t.NumField() {
		f := t.Field(i)
		index := append(append([]int{}, prefix...), i)
		if f.Type == locatedType {
			if s.located == nil {
				s.located = index
			}
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			addFields(s, f.Type, index)
			continue
		}
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		s.byName[name] = len(s.fields)
		s.names = append(s.names, name)
		s.fields = append(s.fields, field{
			name:     name,
			index:    index,
			required: strings.Contains(f.Tag.Get("jsonschema"), "required"),
			id:       f.Tag.Get("roadmap") == "id",
		})
	}
}

// itemKinds names each kind of item in messages.
var itemKinds = map[reflect.Type]string{
	reflect.TypeFor[Feature]():   "feature",
	reflect.TypeFor[Objective](): "objective",
	reflect.TypeFor[Person]():    "person",
	reflect.TypeFor[Theme]():     "theme",
	reflect.TypeFor[Persona]():   "persona",
	reflect.TypeFor[Campaign]():  "campaign",
}

// decodeStruct fills the struct v from mapping n. what names the value in
// messages ("feature sso-okta"); at collects field positions under prefix.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, prefix, what string, at *Positions) {
	s := shapeOf(v.Type())
	// Per field: whether it was written, whether with no value (key: or
	// key: ~), and the line it was first written on in the mapping itself
	// (not merged in). Other keys' first lines are in others.
	type fieldSeen struct {
		seen, blank bool
		line        int
	}
	fields := make([]fieldSeen, len(s.fields))
	var others map[string]int // made for the first unknown key
	for _, p := range d.pairs(n) {
		k := resolve(p.key)
		if k.Kind != yaml.ScalarNode {
			d.report(ruleInvalidValue, p.key, "a key of %s must be a plain word", what)
			continue
		}
		key := k.Value
		i, ok := s.byName[key]
		if !p.merged {
			first := others[key]
			if ok {
				first = fields[i].line
			}
			if first != 0 {
				d.report(ruleInvalidValue, k, "key %q appears twice in %s (first at line %d)", key, what, first)
				continue
			}
			if ok {
				fields[i].line = k.Line
			} else {
				if others == nil {
					others = map[string]int{}
				}
				others[key] = k.Line
			}
		}
		if !ok {
			d.report(ruleUnknownField, k, "unknown key %q in %s%s", key, what, suggestion(key, s.names))
			switch {
			case v.Type() == reflect.TypeFor[Audience]():
				keep(&d.findings[len(d.findings)-1], "fix the key")
			case saysWhoSees(key, p.value):
				d.seeing = append(d.seeing, len(d.findings)-1)
			}
			continue
		}
		f := s.fields[i]
		if fields[i].seen && !p.merged {
			// Written in the mapping after a merged-in value: it replaces
			// that value, even with none.
			v.FieldByIndex(f.index).SetZero()
		}
		fields[i].seen = true
		fields[i].blank = isEmpty(resolve(p.value))
		d.decodeValue(p.value, v.FieldByIndex(f.index), join(prefix, key), what, at, f.id)
	}
	for i, f := range s.fields {
		if d.cur != nil && d.cur.Unreadable(join(prefix, f.name)) {
			continue // reported as invalid, not again as empty
		}
		fv := v.FieldByIndex(f.index)
		// A number may be 0, but not blank.
		seen := fields[i].seen
		empty := fields[i].blank || fv.Kind() == reflect.String && fv.Len() == 0 || fv.Kind() != reflect.String && fv.Kind() != reflect.Float64 && fv.IsZero()
		if f.required && (!seen || empty) {
			if seen {
				d.report(ruleMissingField, n, "%s has an empty %s", what, f.name)
			} else {
				d.report(ruleMissingField, n, "%s lacks the required key %q", what, f.name)
			}
		}
	}
}

// name is how messages call the struct at path: an item's own name, or for
// settings (where what is the file) the path itself, such as scoring.criteria[0].
func (d *decoder) name(path, what string) string {
	if path != "" && (what == d.file || strings.HasPrefix(path, what)) {
		return path
	}
	return what
}

// subject names the value at path in messages: "status of feature sso", or
// just the path for settings ("scoring.model").
func (d *decoder) subject(path, what string) string {
	if what == d.file || strings.HasPrefix(path, what) {
		return path
	}
	return path + " of " + what
}

// KeyPath is the position key under which a map entry's key (rather than its
// value) is recorded: "scoring.capacity.2027-Q1" -> "scoring.capacity.2027-Q1:key".
func KeyPath(path string) string { return path + ":key" }

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// decodeValue fills v from n, recording n's position at path.
func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, path, what string, at *Positions, isID bool) {
	orig := n
	n = resolve(n)
	if n == nil || !d.spend(orig) {
		return
	}
	if isNull(n) {
		return // an empty value counts as absent
	}
	if n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "" {
		// Blank text says nothing: every check takes it as empty. A text
		// field keeps where it was written ("has an empty title"); any
		// other is absent, as null is (a blank weight is no weight of 0).
		if at != nil && v.Kind() == reflect.String {
			at.Set(path, posOf(orig))
		}
		return
	}
	if at != nil {
		at.Set(path, posOf(orig))
	}
	t := v.Type()
	if reflect.PointerTo(t).Implements(scalarParserType) {
		if n.Kind != yaml.ScalarNode {
			d.unreadable(path, orig, "%s must be a single value", d.subject(path, what))
			return
		}
		if err := v.Addr().Interface().(scalarParser).parseScalar(n.Value); err != nil {
			d.unreadable(path, orig, "%s: %v", d.subject(path, what), err)
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.unreadable(path, orig, "%s must be text, not a %s", d.subject(path, what), kindName(n))
			return
		}
		s := n.Value
		if t.Implements(enumType) {
			opts := reflect.Zero(t).Interface().(enum).options()
			if !slices.Contains(opts, s) {
				d.unreadable(path, orig, "%s is %q; it must be one of %s%s", d.subject(path, what), s, strings.Join(opts, ", "), suggestion(s, opts))
				return
			}
		}
		if isID && s != "" && !ValidID(s) {
			subject := d.subject(path, what)
			if path == "id" {
				subject = "the id"
			}
			d.report(ruleInvalidValue, orig, "%s %q is not valid: use lowercase letters, digits and dashes, starting with a letter or digit, at most 63 characters", subject, clip(s))
		}
		v.SetString(s)
	case reflect.Float64:
		f, ok := number(n)
		if !ok {
			hint := ""
			if _, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64); err == nil && n.Kind == yaml.ScalarNode && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
				hint = " (write it without quotes)"
			}
			d.unreadable(path, orig, "%s must be a number, not %s%s", d.subject(path, what), describe(n), hint)
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Value)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || err != nil {
			d.unreadable(path, orig, "%s must be true or false, not %s", d.subject(path, what), describe(n))
			return
		}
		v.SetBool(b)
	case reflect.Pointer:
		elem := reflect.New(t.Elem())
		if t.Elem().Kind() == reflect.Struct {
			if n.Kind != yaml.MappingNode {
				d.unreadable(path, orig, "%s must be a mapping of keys to values, not %s", d.subject(path, what), describe(n))
				return
			}
			d.decodeStruct(n, elem.Elem(), path, d.name(path, what), at)
		} else {
			d.decodeValue(n, elem.Elem(), path, what, at, isID)
		}
		v.Set(elem)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.unreadable(path, orig, "%s must be a mapping of keys to values, not %s", d.subject(path, what), describe(n))
			return
		}
		d.decodeStruct(n, v, path, d.name(path, what), at)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.unreadable(path, orig, "%s must be a list, not %s", d.subject(path, what), describe(n))
			return
		}
		d.decodeList(n, v, path, what, at, isID)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.unreadable(path, orig, "%s must be a mapping of keys to values, not %s", d.subject(path, what), describe(n))
			return
		}
		m := reflect.MakeMapWithSize(t, len(n.Content)/2)
		explicit := map[string]int{}
		for _, p := range d.pairs(n) {
			k := resolve(p.key)
			if k.Kind != yaml.ScalarNode || isNull(k) {
				d.report(ruleInvalidValue, p.key, "a key of %s in %s must be a plain word", path, what)
				continue
			}
			if !p.merged {
				if line, dup := explicit[k.Value]; dup {
					d.report(ruleInvalidValue, k, "key %q appears twice in %s (first at line %d)", k.Value, d.subject(path, what), line)
					continue
				}
				explicit[k.Value] = k.Line
			}
			if isEmpty(resolve(p.value)) {
				continue // an empty value counts as absent
			}
			if at != nil {
				at.Set(KeyPath(path+"."+k.Value), posOf(k))
			}
			elem := reflect.New(t.Elem()).Elem()
			d.decodeValue(p.value, elem, path+"."+k.Value, what, at, false)
			if d.bombed {
				return
			}
			if d.cur != nil && d.cur.Unreadable(path+"."+k.Value) {
				continue // left out rather than read as zero
			}
			key := reflect.ValueOf(k.Value)
			if t.Key() != key.Type() {
				key = key.Convert(t.Key())
			}
			m.SetMapIndex(key, elem)
		}
		v.Set(m)
	}
}

// decodeList fills the slice v from sequence n. Elements that are items
// (features, objectives, ...) get their own file position and field positions.
func (d *decoder) decodeList(n *yaml.Node, v reflect.Value, path, what string, at *Positions, isID bool) {
	et := v.Type().Elem()
	itemType := et
	if itemType.Kind() == reflect.Pointer {
		itemType = itemType.Elem()
	}
	kind, isItem := itemKinds[itemType]
	out := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	for i, c := range n.Content {
		if d.bombed {
			return
		}
		elemPath := path + "[" + strconv.Itoa(i) + "]"
		if !isItem {
			elem := reflect.New(et).Elem()
			d.decodeValue(c, elem, elemPath, what, at, isID)
			if !isEmpty(resolve(c)) {
				out = reflect.Append(out, elem)
			}
			continue
		}
		item := d.decodeItem(c, itemType, kind, n.Content, i)
		if item.IsValid() {
			out = reflect.Append(out, item)
		}
	}
	v.Set(out)
}

// decodeItem decodes element i of list; it returns a pointer to the item, or
// an invalid Value when the element is not a mapping.
func (d *decoder) decodeItem(c *yaml.Node, t reflect.Type, kind string, list []*yaml.Node, i int) reflect.Value {
	n := resolve(c)
	if !d.spend(c) {
		return reflect.Value{}
	}
	if n.Kind != yaml.MappingNode {
		d.report(ruleInvalidValue, c, "each %s must be a mapping of keys to values (id: ..., title: ...), not %s", kind, describe(n))
		return reflect.Value{}
	}
	ptr := reflect.New(t)
	loc := ptr.Elem().FieldByIndex(shapeOf(t).located).Addr().Interface().(*Located)
	loc.File = d.file
	loc.Pos = posOf(c)
	loc.End = d.end
	if i+1 < len(list) {
		loc.End = max(list[i+1].Line-1, c.Line)
	}
	// A key's value may hold more fields (owners.product): room for four
	// positions a key (Content holds keys and values), so few items grow
	// the list.
	loc.At.list = make([]fieldPos, 0, len(n.Content)*2)
	what := kind
	if id := idOf(n); id != "" {
		what = kind + " " + clip(id)
	} else {
		what = fmt.Sprintf("the %s at line %d", kind, c.Line)
	}
	outer, seeing := d.cur, d.seeing
	d.cur, d.seeing = loc, nil
	d.decodeStruct(n, ptr.Elem(), "", what, &loc.At)
	loc.At.index()
	// A key that may say who sees an item counts only while the item
	// gives no visibility of its own.
	if len(d.seeing) > 0 {
		if f := ptr.Elem().FieldByName("Visibility"); f.IsValid() && f.Kind() == reflect.String && f.String() == "" {
			for _, i := range d.seeing {
				keep(&d.findings[i], "give the "+kind+" a visibility, or fix the key")
			}
		}
	}
	d.cur, d.seeing = outer, seeing
	return ptr
}

// idOf returns the id a mapping declares, if it is a plain value.
func idOf(n *yaml.Node) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" {
			if v := resolve(n.Content[i+1]); v != nil && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
				return v.Value
			}
		}
	}
	return ""
}

// number reads an int or float scalar; NaN and infinities are refused.
func number(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, false
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil && n.Decode(&f) != nil { // YAML spellings such as 0x1F or 1_000
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

// describe names what n holds, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return strconv.Quote(clip(n.Value))
}

// clip shortens text quoted in a message so a hostile value cannot flood it.
func clip(s string) string { return clipTo(s, 60) }

// clipTo cuts s to at most most bytes, at a character's start, marking the
// cut with an ellipsis.
func clipTo(s string, most int) string {
	if len(s) <= most {
		return s
	}
	cut := most
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// ValidID reports whether s is a slug: ^[a-z0-9][a-z0-9-]{0,62}$.
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
