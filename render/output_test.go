package render

import (
	"image/color"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// TestColoursStayApartOnEveryTerminal: converted to a 16- or 256-colour
// terminal's palette, no two of the colours that tell things apart (errors
// from warnings, statuses from each other) become the same.
func TestColoursStayApartOnEveryTerminal(t *testing.T) {
	named := map[string]color.Color{"red": red, "yellow": yellow, "green": green, "blue": blue, "grey": grey, "purple": purple}
	for _, p := range []colorprofile.Profile{colorprofile.ANSI, colorprofile.ANSI256} {
		seen := map[color.Color]string{}
		for name, c := range named {
			got := p.Convert(c)
			if other, dup := seen[got]; dup {
				t.Errorf("profile %v: %s and %s both become %v", p, name, other, got)
			}
			seen[got] = name
		}
	}
}
