package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/northwind-labs/roadmap/roadmap"
)

// HistoryReport is one item's life: the commits that changed it.
type HistoryReport struct {
	// Item is feature, objective or campaign.
	Item      string
	ID, Title string
	// Since is --since as given (a date or a revision), empty without it.
	Since  string
	Events []roadmap.Event
}

// count says how many commits changed the item, and since when.
func (h HistoryReport) count() string {
	n := plural(len(h.Events), "commit")
	if len(h.Events) == 0 {
		n = "no commits"
	}
	if h.Since != "" {
		n += " since " + revisionName(h.Since)
	}
	return n
}

// kindWord names the kind of item before its id, unless it is a feature,
// as most are: ids are unique within a kind only.
func (h HistoryReport) kindWord() string {
	if h.Item == "" || h.Item == "feature" {
		return ""
	}
	return h.Item + " "
}

// minSubject is the least room a commit's subject is given beside its
// author on a terminal.
const minSubject = 20

// WriteHistoryText writes each commit that changed the item, oldest first,
// with the fields it changed.
func (o Output) WriteHistoryText(w io.Writer, h HistoryReport) error {
	var b strings.Builder
	id := oneLine(h.ID)
	head := h.kindWord() + id + "  "
	o.underHead(&b, head, h.kindWord()+o.bold(id)+"  ",
		o.titleBeside(head, oneLine(h.Title), ": "+h.count()))
	for _, e := range h.Events {
		// A long subject wraps under itself, past the date, hash and author;
		// an author too long to leave it room is cut.
		author := oneLine(e.Commit.Author)
		lead := e.Commit.Date + "  " + e.Commit.Short + "  "
		subject := oneLine(e.Commit.Subject)
		if o.Width > 0 {
			room := o.Width - ansi.StringWidth(lead) - len("  ") - min(ansi.StringWidth(subject), minSubject)
			author = ansi.Truncate(author, max(room, minFlex), "…")
		}
		b.WriteString("\n")
		o.underHead(&b, lead+author+"  ", e.Commit.Date+"  "+o.paint(yellow, e.Commit.Short)+"  "+author+"  ", subject)
		if e.Kind != roadmap.Changed {
			o.hanging(&b, "    ", e.Kind+keyFields(e), nil)
			continue
		}
		for _, f := range e.Fields {
			o.hanging(&b, "    ", fieldText(f), nil)
		}
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

// WriteHistoryMarkdown writes the history as Markdown.
func WriteHistoryMarkdown(w io.Writer, h HistoryReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### History of %s`%s` %s\n", h.kindWord(), h.ID, MarkdownText(h.Title))
	if len(h.Events) == 0 || h.Since != "" {
		fmt.Fprintf(&b, "\n%s.\n", MarkdownText(capitalize(h.count())))
	}
	for _, e := range h.Events {
		fmt.Fprintf(&b, "\n- %s `%s` %s: %s (%s%s)\n", e.Commit.Date, e.Commit.Short, MarkdownText(e.Commit.Author), MarkdownText(e.Commit.Subject), e.Kind, MarkdownText(keyFields(e)))
		if e.Kind != roadmap.Changed {
			continue
		}
		for _, f := range e.Fields {
			fmt.Fprintf(&b, "  - %s\n", MarkdownText(fieldLine(f)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteHistoryJSON writes the history as a JSON document of kind "history".
func WriteHistoryJSON(w io.Writer, h HistoryReport) error {
	ev := h.Events
	if ev == nil {
		ev = []roadmap.Event{}
	}
	fields := []Field{{"item", h.Item}, {"id", h.ID}, {"title", h.Title}}
	if h.Since != "" {
		fields = append(fields, Field{"since", h.Since})
	}
	return WriteJSON(w, "history", "commits", ev, fields...)
}

// keyFields sums up an added or removed item by its status and target.
func keyFields(e roadmap.Event) string {
	if e.Kind == roadmap.Changed {
		return ""
	}
	var parts []string
	for _, f := range e.Fields {
		v := shownValue(f.New, f.NewInvalid)
		if e.Kind == roadmap.Removed {
			v = shownValue(f.Old, f.OldInvalid)
		}
		if f.Field == "status" || f.Field == "target" {
			parts = append(parts, f.Field+" "+oneLine(v))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " with " + strings.Join(parts, ", ")
}
