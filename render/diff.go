package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// DiffReport is what `roadmap diff` shows: the changes between two versions.
type DiffReport struct {
	// From and To are the revisions compared, as given; To is empty for
	// the working tree.
	From, To string
	// FromCommit and ToCommit are the commits From and To resolved to (full
	// hashes), empty for the working tree and a branch with no commit yet.
	FromCommit, ToCommit string
	// Audience, when set, is whose view both sides were filtered to.
	Audience string
	Changes  []roadmap.Change
	// Unread names the sides with a file that was not read, as it does not
	// parse or is a link: the items the other side has in it are left out.
	Unread []UnreadSide
}

// UnreadSide is a side of a diff with files that were not read.
type UnreadSide struct {
	// Side is named as From and To are, "" for the working tree.
	Side string
	// Files are their paths in the roadmap folder.
	Files []string
}

// to names the newer side in prose.
func (d DiffReport) to() string {
	if d.To == "" {
		return "the working tree"
	}
	return revisionName(d.To)
}

// headline is the report's first line: what changed, between what, for whom.
func (d DiffReport) headline() string {
	s := fmt.Sprintf("%s from %s to %s", capitalize(d.summary()), revisionName(d.From), d.to())
	if d.Audience != "" {
		s += ", as the " + d.Audience + " audience sees it"
	}
	if len(d.Changes) == 0 && len(d.Unread) > 0 {
		s += ", in the files both sides could read"
	}
	return s
}

// summary is summary of the changes, but claims no more than was read: with
// a file left unread, "no changes" is only none found.
func (d DiffReport) summary() string {
	if len(d.Changes) == 0 && len(d.Unread) > 0 {
		return "no changes found"
	}
	return summary(d.Changes)
}

// unreadWarnings say, for each side with a file not read, which files, and
// that what the other side has in them is left out; name writes a file or a
// revision's name for the format.
func (d DiffReport) unreadWarnings(name func(string) string) []string {
	var out []string
	for _, u := range d.Unread {
		where := "in the working tree"
		if u.Side != "" {
			where = "at " + name(revisionName(u.Side))
		}
		files := make([]string, len(u.Files))
		for i, f := range u.Files {
			files[i] = name(f)
		}
		if len(files) == 1 {
			out = append(out, fmt.Sprintf("%s %s was not read (it does not parse, or is a link), so what the other side has in it is left out.", files[0], where))
			continue
		}
		what := strings.Join(files[:len(files)-1], ", ") + " and " + files[len(files)-1]
		out = append(out, fmt.Sprintf("%s %s were not read (they do not parse, or are links), so what the other side has in them is left out.", what, where))
	}
	return out
}

func summary(cs []roadmap.Change) string {
	n := map[string]int{}
	for _, c := range cs {
		n[c.Item]++
	}
	var parts []string
	for _, kind := range []string{"feature", "objective", "campaign"} {
		if n[kind] > 0 {
			parts = append(parts, plural(n[kind], kind))
		}
	}
	if len(parts) == 0 {
		return "no changes"
	}
	if len(parts) > 1 {
		parts = append(parts[:len(parts)-2], parts[len(parts)-2]+" and "+parts[len(parts)-1])
	}
	return strings.Join(parts, ", ") + " changed"
}

// commitNote names a commit on one line; its author and subject are
// anyone's text, so they carry no control characters.
func commitNote(c *roadmap.Commit) string {
	if c == nil {
		return ""
	}
	return fmt.Sprintf("%s %s, %s: %s", c.Short, oneLine(c.Author), c.Date, oneLine(c.Subject))
}

// uncommittedNote stands where a commit would for a change the working tree
// alone holds.
const uncommittedNote = "not committed yet"

// changeNote is what made a change: its commit, or the working tree.
func changeNote(c *roadmap.Commit, uncommitted bool) string {
	if uncommitted {
		return uncommittedNote
	}
	return commitNote(c)
}

// fieldText is fieldLine for a terminal: on one line, a value written over
// several lines (a description) with spaces for its line breaks, and no
// control characters to move the cursor or colour the terminal.
func fieldText(f roadmap.FieldChange) string {
	flat := func(v string) string { return strings.Join(strings.Fields(oneLine(v)), " ") }
	old, new := flat(f.Old), flat(f.New)
	if old == new && f.Old != f.New {
		// On one line the two read the same: say what differs.
		return f.Field + ": line breaks or spacing changed"
	}
	f.Old, f.New = old, new
	return fieldLine(f)
}

// fieldLine is a field's change: its old and new value, and how far a
// target moved.
func fieldLine(f roadmap.FieldChange) string {
	s := fmt.Sprintf("%s: %s → %s", f.Field, shownValue(f.Old, f.OldInvalid), shownValue(f.New, f.NewInvalid))
	if f.Move != nil {
		s += " (" + f.Move.String() + ")"
	}
	return s
}

// sharedNote is what to say under a change's heading: what made it (an
// added or removed item), or, when one commit made every field's change
// (or none is committed yet), that, said once rather than under each field
// (once is then true).
func sharedNote(c roadmap.Change) (note string, once bool) {
	if note := changeNote(c.Commit, c.Uncommitted); note != "" || len(c.Fields) == 0 {
		return note, false
	}
	first := c.Fields[0]
	for _, f := range c.Fields[1:] {
		if f.Uncommitted != first.Uncommitted || !sameCommit(f.Commit, first.Commit) {
			return "", false
		}
	}
	if len(c.Fields) == 1 {
		return "", false // said under the field, as ever
	}
	note = changeNote(first.Commit, first.Uncommitted)
	return note, note != ""
}

func sameCommit(a, b *roadmap.Commit) bool {
	return a == b || a != nil && b != nil && a.Hash == b.Hash
}

// shownValue is a field's value in a change: "(none)" when it is not set,
// marked when it is written as it could not be read.
func shownValue(v string, invalid bool) string {
	v = strings.TrimSpace(v)
	switch {
	case invalid:
		return v + " (not valid)"
	case v == "":
		return "(none)"
	}
	return v
}

// WriteDiffText writes changes for a terminal or a log: one line an item,
// an indented line a field, and the commit that made each change.
func (o Output) WriteDiffText(w io.Writer, d DiffReport) error {
	var b strings.Builder
	for _, l := range wrap(d.headline(), o.Width) {
		b.WriteString(o.bold(l) + "\n")
	}
	for _, warning := range d.unreadWarnings(func(s string) string { return s }) {
		for _, l := range wrap(warning, o.Width) {
			b.WriteString(o.paint(yellow, l) + "\n")
		}
	}
	for _, c := range d.Changes {
		mark, col := "~", yellow
		switch c.Kind {
		case roadmap.Added:
			mark, col = "+", green
		case roadmap.Removed:
			mark, col = "-", red
		}
		suffix := ""
		if c.Kind != roadmap.Changed {
			suffix = " (" + c.Kind + ")"
		}
		id := oneLine(c.ID)
		head := mark + " " + c.Item + " " + id + "  "
		b.WriteString("\n")
		o.underHead(&b, head, o.paint(col, mark)+" "+c.Item+" "+o.bold(id)+"  ", o.titleBeside(head, oneLine(c.Title), suffix))
		note, once := sharedNote(c)
		if note != "" {
			o.hanging(&b, "    ", note, o.faint)
		}
		for _, f := range c.Fields {
			var style func(string) string
			if f.Move != nil && f.Move.Direction == "slip" {
				style = func(s string) string { return o.paint(red, s) }
			}
			o.hanging(&b, "    ", fieldText(f), style)
			if note := changeNote(f.Commit, f.Uncommitted); note != "" && !once {
				o.hanging(&b, "      ", note, o.faint)
			}
		}
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

// WriteDiffMarkdown writes changes as Markdown, for a pull-request comment or
// a job summary.
func WriteDiffMarkdown(w io.Writer, d DiffReport) error {
	var b strings.Builder
	title := "Roadmap"
	if d.Audience != "" {
		title = "Roadmap for " + d.Audience
	}
	fmt.Fprintf(&b, "### %s: %s\n\nFrom %s to %s.\n", MarkdownText(title), d.summary(), MarkdownText(revisionName(d.From)), MarkdownText(d.to()))
	for _, warning := range d.unreadWarnings(MarkdownText) {
		fmt.Fprintf(&b, "\n> **Warning:** %s\n", warning)
	}
	for _, c := range d.Changes {
		fmt.Fprintf(&b, "\n- **%s** %s `%s` %s", c.Kind, c.Item, c.ID, MarkdownText(c.Title))
		note, once := sharedNote(c)
		if note != "" {
			fmt.Fprintf(&b, " (%s)", MarkdownText(note))
		}
		b.WriteString("\n")
		for _, f := range c.Fields {
			fmt.Fprintf(&b, "  - %s", MarkdownText(fieldLine(f)))
			if note := changeNote(f.Commit, f.Uncommitted); note != "" && !once {
				fmt.Fprintf(&b, " (%s)", MarkdownText(note))
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// orNull is s, or JSON's null when it is empty.
func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// WriteDiffJSON writes changes as a JSON document of kind "diff".
func WriteDiffJSON(w io.Writer, d DiffReport) error {
	cs := d.Changes
	if cs == nil {
		cs = []roadmap.Change{}
	}
	// A machine reads the working tree as no revision: null.
	fields := []Field{{"from", d.From}, {"to", orNull(d.To)}, {"from_commit", orNull(d.FromCommit)}, {"to_commit", orNull(d.ToCommit)}}
	if d.Audience != "" {
		fields = append(fields, Field{"audience", d.Audience})
	}
	// The sides with a file not read, as md warns of them: what the other
	// side has in their files is left out. The working tree is null, as in
	// "to".
	if len(d.Unread) > 0 {
		// unread lists the sides, as it did before the files were named:
		// unread_files names them, side by side.
		sides := make([]any, len(d.Unread))
		files := make([]any, len(d.Unread))
		for i, u := range d.Unread {
			sides[i] = orNull(u.Side)
			files[i] = struct {
				Side  any      `json:"side"`
				Files []string `json:"files"`
			}{orNull(u.Side), u.Files}
		}
		fields = append(fields, Field{"unread", sides}, Field{"unread_files", files})
	}
	return WriteJSON(w, "diff", "changes", cs, fields...)
}
