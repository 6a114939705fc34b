package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

// Align is what `roadmap align` shows: where the product and marketing plans
// disagree on a day.
type Align struct {
	Product       string
	Today         roadmap.Date
	Disagreements []roadmap.Disagreement
	// Unread counts the values and files of the roadmap that could not be
	// read (syntax and invalid-value errors): align cannot vouch for them.
	Unread int
}

// groups splits the disagreements by kind, in report order, leaving out the
// kinds that have none. The disagreements come sorted from roadmap.Align.
func (a Align) groups() [][]roadmap.Disagreement {
	var out [][]roadmap.Disagreement
	for _, k := range roadmap.AlignKinds {
		var g []roadmap.Disagreement
		for _, d := range a.Disagreements {
			if d.Kind == k {
				g = append(g, d)
			}
		}
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// headline is one sentence on the whole report, and one more when some of
// the roadmap could not be read (the warning on stderr names it).
func (a Align) headline() string {
	var s string
	switch {
	case len(a.Disagreements) > 0:
		s = fmt.Sprintf("The product and marketing plans disagree in %s.", plural(len(a.Disagreements), "place"))
	case a.Unread > 0:
		s = "The product and marketing plans agree as far as they could be read."
	default:
		return "The product and marketing plans agree."
	}
	if a.Unread == 0 {
		return s
	}
	what, more := "One value or file", "so there may be more"
	if a.Unread > 1 {
		what = fmt.Sprintf("%d values or files", a.Unread)
	}
	if len(a.Disagreements) == 0 {
		more = "so there may be disagreements"
	}
	return fmt.Sprintf("%s %s of the roadmap could not be read, %s.", s, what, more)
}

// alignWidth is the width text output fits: the terminal's, or 80 columns
// in a pipe or a file.
const alignWidth = 80

// dateIndent is where the text of an entry starts, after its date.
const dateIndent = 14

// sentence makes a finding's message read as a sentence.
func sentence(msg string) string {
	msg = capitalize(oneLine(msg))
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

// owners says who owns a side: "product Ana Ruiz" for a feature, "marketing
// Raj Iyer" for a campaign. With marketer, a feature's marketing owner is
// named too: the marketing side when no campaign is.
func owners(s *roadmap.Side, role string, marketer bool) []string {
	var out []string
	if w := s.Who(); w != "" {
		out = append(out, role+" "+w)
	} else {
		out = append(out, "no "+role+" owner")
	}
	if marketer && s.WhoMarkets() != "" {
		out = append(out, "marketing "+s.WhoMarkets())
	}
	return out
}

// WriteAlign writes the report for people: a headline, then each kind of
// disagreement under a heading, most urgent first. An entry is its date, what
// disagrees and what to do, then each side with its status and owners. Lines
// fit the terminal, or 80 columns when piped; on a styled terminal dates
// already past are red and those within two weeks yellow.
func (o Output) WriteAlign(w io.Writer, a Align) error {
	width := o.Width
	if width <= 0 {
		width = alignWidth
	}
	width = max(width, dateIndent+20)
	var b strings.Builder
	pad := strings.Repeat(" ", dateIndent)
	b.WriteString(o.bold(fit(productName(a.Product)+": product and marketing plans on "+a.Today.String(), width)) + "\n")
	for _, l := range wrap(a.headline(), width) {
		b.WriteString(l + "\n")
	}
	for _, g := range a.groups() {
		fmt.Fprintf(&b, "\n%s\n", o.bold(fit(fmt.Sprintf("%s (%d)", g[0].Kind.Title(), len(g)), width)))
		for _, d := range g {
			date := "undated"
			if !d.Date.IsZero() {
				date = d.Date.String()
			}
			date = fmt.Sprintf("%-*s", dateIndent-4, date)
			if !d.Date.IsZero() {
				switch days := a.Today.DaysUntil(d.Date); {
				case days < 0:
					date = o.paint(red, date)
				case days <= roadmap.DueSoonDays:
					date = o.paint(yellow, date)
				}
			}
			b.WriteString("\n")
			for i, ln := range wrapWords(sentence(d.Message), width-dateIndent) {
				if i == 0 {
					b.WriteString("  " + date + "  " + ln + "\n")
				} else {
					b.WriteString(pad + ln + "\n")
				}
			}
			side := func(label string, s *roadmap.Side, details []string) {
				b.WriteString(pad + sideHead(o, label, s, width-dateIndent) + "\n")
				details = []string{fit(oneLine(strings.Join(details, " · ")), width-dateIndent-sideLabel)}
				b.WriteString(pad + strings.Repeat(" ", sideLabel) + o.faint(details[0]) + "\n")
			}
			if d.Feature != nil {
				side("feature", d.Feature, append([]string{d.Feature.Status}, owners(d.Feature, "product", d.Campaign == nil)...))
			}
			if d.Campaign != nil {
				side("campaign", d.Campaign, append([]string{d.Campaign.Status}, owners(d.Campaign, "marketing", false)...))
			}
			if d.Objective != nil {
				var details []string
				if who := d.Objective.Who(); who != "" {
					details = append(details, "owner "+who)
				}
				details = append(details, "served by "+strings.Join(d.ServedBy, ", "))
				side("objective", d.Objective, details)
			}
		}
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

// sideLabel is the width of the label before a side's id.
const sideLabel = 11

// sideHead is a side's heading, "feature   sso  Single sign-on", cut to
// width, its id bold.
func sideHead(o Output, label string, s *roadmap.Side, width int) string {
	head := fit(fmt.Sprintf("%-*s%s  %s", sideLabel, label, oneLine(s.ID), oneLine(s.Title)), width)
	rest := head[sideLabel:]
	id := oneLine(s.ID)
	if !strings.HasPrefix(rest, id) {
		return head[:sideLabel] + o.bold(rest)
	}
	return head[:sideLabel] + o.bold(id) + rest[len(id):]
}

func productName(p string) string {
	if p == "" {
		return "Roadmap"
	}
	return oneLine(p)
}

// WriteAlignMarkdown writes the report as Markdown, the agenda of the weekly
// product and marketing sync: a table for each kind of disagreement.
func WriteAlignMarkdown(w io.Writer, a Align) error {
	var b strings.Builder
	title := "Where product and marketing disagree"
	if a.Product != "" {
		title = a.Product + ": " + strings.ToLower(title[:1]) + title[1:]
	}
	fmt.Fprintf(&b, "# %s\n\nAs of %s. %s\n", MarkdownText(oneLine(title)), a.Today, a.headline())
	for _, g := range a.groups() {
		fmt.Fprintf(&b, "\n## %s (%d)\n\n", MarkdownText(g[0].Kind.Title()), len(g))
		t := alignTable(g)
		// Control characters would reach a terminal that shows the file.
		for _, row := range t.Rows {
			for i := range row {
				row[i] = noControls(row[i])
			}
		}
		if err := WriteMarkdownTable(&b, t); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// alignTable is one kind's disagreements as a table: the feature and campaign
// sides with their owners for launches, the objective and who serves it for
// objectives.
func alignTable(g []roadmap.Disagreement) Table {
	item := func(s *roadmap.Side) string {
		if s == nil {
			return "-"
		}
		t := s.ID + ": " + s.Title
		if s.Status != "" {
			t += " (" + s.Status + ")"
		}
		return t
	}
	person := func(s *roadmap.Side, who func(*roadmap.Side) string) string {
		if s == nil || who(s) == "" {
			return "-"
		}
		return who(s)
	}
	date := func(d roadmap.Disagreement) string {
		if d.Date.IsZero() {
			return "undated"
		}
		return d.Date.String()
	}
	if g[0].Objective != nil {
		t := Table{Columns: []Column{{Name: "due"}, {Name: "objective"}, {Name: "owner"}, {Name: "served by"}, {Name: "what to do"}}}
		for _, d := range g {
			t.Rows = append(t.Rows, []string{date(d), item(d.Objective), person(d.Objective, (*roadmap.Side).Who), strings.Join(d.ServedBy, ", "), sentence(d.Message)})
		}
		return t
	}
	t := Table{Columns: []Column{{Name: "date"}, {Name: "feature"}, {Name: "product"}, {Name: "campaign"}, {Name: "marketing"}, {Name: "what to do"}}}
	for _, d := range g {
		// Marketing's side is the campaign's owner, or the feature's
		// marketing owner when no campaign carries the launch.
		marketing := person(d.Campaign, (*roadmap.Side).Who)
		if d.Campaign == nil {
			marketing = person(d.Feature, (*roadmap.Side).WhoMarkets)
		}
		t.Rows = append(t.Rows, []string{date(d), item(d.Feature), person(d.Feature, (*roadmap.Side).Who), item(d.Campaign), marketing, sentence(d.Message)})
	}
	return t
}

// WriteAlignJSON writes the report as a JSON document of kind "align".
func WriteAlignJSON(w io.Writer, a Align) error {
	ds := a.Disagreements
	if ds == nil {
		ds = []roadmap.Disagreement{}
	}
	fields := []Field{{"today", a.Today.String()}}
	if a.Unread > 0 {
		fields = append(fields, Field{"unread", a.Unread})
	}
	return WriteJSON(w, "align", "disagreements", ds, fields...)
}
