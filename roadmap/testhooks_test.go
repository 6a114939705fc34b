package roadmap

import (
	"cmp"
	"slices"
)

// HeadOf lets the external tests see what a file keeps outside its chunks.
var HeadOf = head

// What follows serves the tests as oracles; the tool itself does not use it.

// ParseSplit decodes a file item by item; ok is false when SplitFile cannot
// split it or an item does not parse (YAML rejects the whole file then). What
// it returns equals ParseDocument's, findings aside from their order.
func ParseSplit(p string, text []byte) (doc Document, findings []Finding, ok bool) {
	chunks, ok := SplitFile(text)
	if !ok {
		return Document{}, nil, false
	}
	doc, findings = parseDocument(p, head(text, chunks), true)
	if HasSyntaxError(findings) {
		return Document{}, nil, false
	}
	for _, c := range chunks {
		d, fs := DecodeChunk(p, c)
		if HasSyntaxError(fs) {
			// One broken item breaks the whole file, as YAML sees it.
			return Document{}, nil, false
		}
		findings = append(findings, fs...)
		doc.Objectives = appendItems(doc.Objectives, d.Objectives)
		doc.Features = appendItems(doc.Features, d.Features)
		doc.Campaigns = appendItems(doc.Campaigns, d.Campaigns)
		doc.People = appendItems(doc.People, d.People)
		doc.Themes = appendItems(doc.Themes, d.Themes)
		doc.Personas = appendItems(doc.Personas, d.Personas)
		if _, ok := doc.Settings.At.Get(c.Key); !ok {
			// Where the list starts: its first item's dash.
			doc.Settings.At.Set(c.Key, Pos{Line: c.Start, Col: indent(c.Text) + 1})
		}
	}
	// A whole parse records positions in the order of the file.
	slices.SortStableFunc(doc.Settings.At.list, func(a, b fieldPos) int {
		return cmp.Or(cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Col, b.pos.Col))
	})
	doc.Settings.At.at = nil
	doc.Settings.At.index()
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

// KeyFields lists the fields one key of an item of kind sets, as the item's
// Fields lists them. ok is false when the key's text does not parse alone.
func KeyFields(kind string, k ItemKey) (fields []Field, ok bool) {
	item, ok := KeyItem(kind, k)
	return ItemFields(item), ok
}
