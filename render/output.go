package render

import (
	"image/color"
	"io"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Output is where text output goes and how it may look.
type Output struct {
	// Styled allows colour and bold: a terminal, NO_COLOR unset or empty, no
	// --no-color.
	Styled bool
	// Terminal is true when a person reads the output directly; it adds
	// source snippets to findings and fits tables to Width.
	Terminal bool
	// Width is the terminal's width in columns; 0 means unlimited (a pipe).
	Width int
	// Profile is the terminal's colour depth; styled output is converted to it.
	Profile colorprofile.Profile
}

// writer is where styled text goes: converted to the terminal's colours, or
// passed through when output is plain (and holds no escape codes).
func (o Output) writer(w io.Writer) io.Writer {
	if !o.Styled {
		return w
	}
	return &colorprofile.Writer{Forward: w, Profile: o.Profile}
}

var (
	red    = lipgloss.Color("#E5484D")
	yellow = lipgloss.Color("#BFB000") // still yellow, not red, on 16-colour terminals
	green  = lipgloss.Color("#30A46C")
	blue   = lipgloss.Color("#3E8EDE")
	grey   = lipgloss.Color("#8B8D98")
	purple = lipgloss.Color("#A040B0") // magenta, not blue, on 16-colour terminals
)

// style returns s when output is styled and a plain style otherwise, so that
// piped output never carries escape codes.
func (o Output) style(s lipgloss.Style) lipgloss.Style {
	if !o.Styled {
		return lipgloss.NewStyle()
	}
	return s
}

func (o Output) paint(c color.Color, text string) string {
	if !o.Styled {
		return text
	}
	return lipgloss.NewStyle().Foreground(c).Render(text)
}

func (o Output) bold(text string) string {
	if !o.Styled {
		return text
	}
	return lipgloss.NewStyle().Bold(true).Render(text)
}

func (o Output) faint(text string) string { return o.paint(grey, text) }

// statusColor is the colour of a feature status in tables and badges.
func statusColor(status string) color.Color {
	switch status {
	case "shipped":
		return green
	case "in-progress":
		return blue
	case "planned":
		return purple
	case "parked", "dropped":
		return grey
	}
	return nil
}

// fit cuts s to width columns with an ellipsis, as tables cut cells; a width
// of 0 (a pipe) leaves it whole.
func fit(s string, width int) string {
	if width <= 0 {
		return s
	}
	return ansi.Truncate(s, width, "…")
}
