package roadmap

import (
	"cmp"
	"slices"
)

// Notes are release notes: the features that became shipped between two
// revisions, as one audience may see them, grouped by theme.
type Notes struct {
	Product    string `json:"product"`
	Audience   string `json:"audience"`
	Title      string `json:"title"`
	Disclaimer string `json:"disclaimer,omitempty"`
	From       string `json:"from"`
	To         string `json:"to"`
	Generated  string `json:"generated"`
	// Themes hold the shipped features, themes in the view's order, then
	// those without a theme the audience sees.
	Themes []NotesTheme `json:"themes"`
	Count  int          `json:"count"`
}

// NotesTheme is one theme of the notes.
type NotesTheme struct {
	ID    string     `json:"id,omitempty"`
	Title string     `json:"title"`
	Color string     `json:"color,omitempty"`
	Items []NoteItem `json:"items"`
}

// NoteItem is one shipped feature: what it is and what it is worth to the
// reader, in the audience's fields only.
type NoteItem struct {
	ID      string `json:"id"`
	Title   string `json:"title,omitempty"`
	Summary string `json:"summary,omitempty"`
	// Value is messaging.value, the customer benefit.
	Value   string `json:"value,omitempty"`
	Shipped string `json:"shipped,omitempty"`
}

// ShippedBetween lists the ids of features shipped in new that were not
// shipped (or did not exist) in old, in id order.
func ShippedBetween(old, new *Roadmap) []string {
	var ids []string
	for _, f := range new.Features {
		if f.Status != StatusShipped || new.Feature(f.ID) != f {
			continue
		}
		if before := old.Feature(f.ID); before == nil || before.Status != StatusShipped {
			ids = append(ids, f.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// ReleaseNotes builds the notes of the features in shipped from view, the
// newer roadmap as the audience sees it: a feature the audience does not see
// is not in the view, so it is not in the notes.
func ReleaseNotes(view *View, shipped []string, from, to string) *Notes {
	n := &Notes{
		Product: view.Product, Audience: view.Audience, Title: view.Title, Disclaimer: view.Disclaimer,
		From: from, To: to, Generated: view.Generated, Themes: []NotesTheme{},
	}
	byTheme := map[string]*NotesTheme{}
	var order []string
	for _, f := range view.AllFeatures() {
		if !slices.Contains(shipped, f.ID) {
			continue
		}
		item := NoteItem{ID: f.ID, Title: f.Title, Summary: f.Summary, Shipped: f.Shipped}
		if f.Messaging != nil {
			item.Value = f.Messaging.Value
		}
		key := f.Theme
		if view.Theme(key) == nil {
			key = ""
		}
		t, ok := byTheme[key]
		if !ok {
			t = &NotesTheme{ID: key, Title: "More improvements"}
			if vt := view.Theme(key); vt != nil {
				t.Title, t.Color = vt.Title, vt.Color
			}
			byTheme[key] = t
			order = append(order, key)
		}
		t.Items = append(t.Items, item)
		n.Count++
	}
	// Themes in the view's order; the features without one last.
	slices.SortStableFunc(order, func(a, b string) int {
		return cmp.Compare(themeRank(view, a), themeRank(view, b))
	})
	for _, key := range order {
		t := byTheme[key]
		slices.SortStableFunc(t.Items, func(a, b NoteItem) int {
			return cmp.Or(cmp.Compare(a.Shipped, b.Shipped), cmp.Compare(a.ID, b.ID))
		})
		n.Themes = append(n.Themes, *t)
	}
	return n
}

func themeRank(v *View, id string) int {
	for i, t := range v.Themes {
		if t.ID == id {
			return i
		}
	}
	return len(v.Themes)
}
