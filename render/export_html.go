package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/northwind-labs/roadmap/roadmap"
)

//go:embed export.css
var exportCSS string

//go:embed export.html.tmpl
var exportHTML string

var exportPage = template.Must(template.New("export").Parse(exportHTML))

var cssColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// accent is the style attribute giving an element a theme's colour; empty
// unless the colour is a plain #rrggbb.
func accent(color string) template.CSS {
	if !cssColor.MatchString(color) {
		return ""
	}
	return template.CSS("--accent: " + color)
}

// htmlPage is the view laid out for the page template. It is built from
// the view alone; html/template escapes every value it prints.
type htmlPage struct {
	V               *roadmap.View
	Revision        string // V.Revision, a full hash cut short
	CSS             template.CSS
	DatesBy         string
	FeatureCount    string
	Since           *htmlSince
	Legend          []htmlLane
	Empty           bool
	Columns         []roadmap.Period
	Lanes           []htmlLane
	Board           []htmlLane
	Objectives      []roadmap.ViewObject
	ObjectiveOwners bool
	Campaigns       Table
}

type htmlLane struct {
	Title, Description string
	Count              string
	Style              template.CSS
	Cells              []htmlCell
	Cards              []htmlCard
}

type htmlCell struct {
	Cards []htmlCard
	// Tally and Unit count the lane's features in the period (level themes).
	Tally, Unit string
}

type htmlCard struct {
	Name, Status, StatusClass, When, Theme, Summary, Value string
	// Visibility is set for items that are not public, so that a page
	// shown internally says which cards must not leave the room.
	Visibility string
	Style      template.CSS
	// Details are the card's labelled values as <dt>/<dd> pairs, escaped
	// here with html/template's own HTMLEscapeString: one template action
	// instead of two a value keeps the 10,000-card page fast.
	Details template.HTML
	Links   []string
}

type htmlSince struct {
	Revision, Summary string
	Changes           []htmlChange
}

type htmlChange struct {
	Verb, Class, Title string
	Objective          bool
	Fields             []htmlField
}

type htmlField struct {
	Text string
	Slip bool
}

// WriteExportHTML writes the view as one self-contained HTML page: inline
// CSS, no script, no external request. Features are laid out as a board:
// with grouping by target, a column per period; with any other grouping, a
// lane per group across the periods (quarters, or now/next/later). Cards
// carry the theme's colour and a status badge. Every value goes through
// html/template, which escapes it for where it lands.
func WriteExportHTML(w io.Writer, v *roadmap.View) error {
	x := newExportText(v)
	p := &htmlPage{V: v, Revision: revisionName(v.Revision), CSS: template.CSS(exportCSS), Objectives: v.Objectives, Campaigns: campaignTable(v)}
	if v.CoarseDates() {
		p.DatesBy = string(v.Dates)
	}
	p.FeatureCount = plural(v.Features, "feature")
	for _, o := range v.Objectives {
		p.ObjectiveOwners = p.ObjectiveOwners || o.Owner != nil
	}
	if v.Since != nil {
		p.Since = htmlSinceOf(v.Since)
	}
	switch {
	case v.Level == roadmap.LevelThemes:
		p.Columns = v.Periods
		if len(p.Columns) == 0 {
			p.Columns = []roadmap.Period{{Title: "Features"}}
		}
		for _, th := range v.Themes {
			lane := htmlLane{Title: th.Title, Description: th.Description, Count: plural(th.Features, "feature"), Style: accent(th.Color)}
			for _, col := range p.Columns {
				n := countIn(th.Periods, col.Key)
				if len(v.Periods) == 0 {
					n = fmt.Sprint(th.Features)
				}
				unit := "features"
				if n == "1" {
					unit = "feature"
				}
				lane.Cells = append(lane.Cells, htmlCell{Tally: n, Unit: unit})
			}
			p.Lanes = append(p.Lanes, lane)
		}
		p.Empty = len(p.Lanes) == 0
	case v.Features == 0:
		p.Empty = true
	case len(v.Groups) == 1 && v.Groups[0].Key == "" && len(v.Periods) > 0:
		// One group: the board's columns are the periods themselves.
		at := map[string]int{}
		for i, col := range v.Periods {
			at[col.Key] = i
			p.Board = append(p.Board, htmlLane{Title: col.Title, Count: fmt.Sprint(col.Features)})
		}
		for _, f := range v.Groups[0].Features {
			i := at[f.Period]
			p.Board[i].Cards = append(p.Board[i].Cards, x.card(f))
		}
	case v.GroupBy == "target" || len(v.Periods) == 0:
		for _, g := range v.Groups {
			lane := htmlLane{Title: g.Title, Count: fmt.Sprint(len(g.Features)), Style: accent(g.Color)}
			for _, f := range g.Features {
				lane.Cards = append(lane.Cards, x.card(f))
			}
			p.Board = append(p.Board, lane)
		}
	default:
		p.Columns = v.Periods
		for _, g := range v.Groups {
			lane := htmlLane{Title: g.Title, Description: g.Description, Count: plural(len(g.Features), "feature"), Style: accent(g.Color)}
			at := map[string]int{}
			for i, col := range p.Columns {
				at[col.Key] = i
			}
			lane.Cells = make([]htmlCell, len(p.Columns))
			for _, f := range g.Features {
				i := at[f.Period]
				lane.Cells[i].Cards = append(lane.Cells[i].Cards, x.card(f))
			}
			p.Lanes = append(p.Lanes, lane)
		}
	}
	if v.Level != roadmap.LevelThemes && v.GroupBy != "theme" {
		for _, th := range v.Themes {
			p.Legend = append(p.Legend, htmlLane{Title: th.Title, Description: th.Description, Count: fmt.Sprint(th.Features), Style: accent(th.Color)})
		}
	}
	return exportPage.Execute(w, p)
}

var statusClasses = map[string]bool{"idea": true, "planned": true, "in-progress": true, "shipped": true, "parked": true, "dropped": true}

func (x exportText) card(f *roadmap.ViewFeature) htmlCard {
	c := htmlCard{Name: featureName(f), Summary: f.Summary, Links: f.Links}
	if f.Status != "" {
		c.Status = roadmap.StatusTitle(f.Status)
		c.StatusClass = "other"
		if statusClasses[f.Status] {
			c.StatusClass = f.Status
		}
	}
	c.When = f.Target
	if f.Shipped != "" {
		if c.When != "" {
			c.When += " · "
		}
		c.When += "shipped " + f.Shipped
	}
	if f.Theme != "" {
		th := x.v.Theme(f.Theme)
		if th != nil {
			c.Style = accent(th.Color)
			if x.v.GroupBy != "theme" {
				c.Theme = th.Title
			}
		}
	}
	if f.Messaging != nil {
		c.Value = f.Messaging.Value
	}
	if f.Visibility != "" && f.Visibility != "public" {
		c.Visibility = strings.ToUpper(f.Visibility[:1]) + f.Visibility[1:]
		if f.Visibility == "nda" {
			c.Visibility = "NDA"
		}
	}
	var b strings.Builder
	for _, d := range x.details(f) {
		if d.label == "Links" || d.label == "Visibility" {
			continue
		}
		b.WriteString("\n<dt>" + template.HTMLEscapeString(d.label) + "</dt><dd>" + template.HTMLEscapeString(d.value) + "</dd>")
	}
	c.Details = template.HTML(b.String())
	return c
}

func htmlSinceOf(s *roadmap.Since) *htmlSince {
	hs := &htmlSince{Revision: revisionName(s.Revision), Summary: sinceSummary(s)}
	for _, c := range s.Changes {
		hc := htmlChange{Verb: changeVerb(c.Kind), Class: c.Kind, Title: c.Title, Objective: c.Item == "objective"}
		for _, f := range c.Fields {
			hc.Fields = append(hc.Fields, htmlField{Text: fieldLine(f), Slip: f.Move != nil && f.Move.Direction == "slip"})
		}
		hs.Changes = append(hs.Changes, hc)
	}
	return hs
}
