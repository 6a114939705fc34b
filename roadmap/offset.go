package roadmap

import (
	"fmt"
	"strconv"

	"github.com/invopop/jsonschema"
)

// Offset is a number of days before (negative) or after launch day, written
// -8w, -3d, +1w or +0d.
type Offset struct {
	raw  string
	days int
}

// maxOffsetDays bounds offsets to a few years either way, so date arithmetic
// cannot overflow on hostile input.
const maxOffsetDays = 3660

// ParseOffset reads an offset such as -8w, -3d, +1w or 0d.
func ParseOffset(s string) (Offset, error) {
	bad := fmt.Errorf("%q is not an offset from launch day (such as -8w, -3d, +1w, +0d)", s)
	if len(s) < 2 {
		if s == "0" {
			return Offset{raw: s}, nil
		}
		return Offset{}, bad
	}
	unit := s[len(s)-1]
	num := s[:len(s)-1]
	if num[0] == '+' {
		num = num[1:]
	}
	if num == "" || num[0] == '+' {
		return Offset{}, bad
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return Offset{}, bad
	}
	switch unit {
	case 'd':
	case 'w':
		n *= 7
	default:
		return Offset{}, bad
	}
	if n > maxOffsetDays || n < -maxOffsetDays {
		return Offset{}, fmt.Errorf("%q is more than ten years from launch day", s)
	}
	return Offset{raw: s, days: n}, nil
}

// MustOffset parses s and panics if it is not an offset; for built-in tables.
func MustOffset(s string) Offset {
	o, err := ParseOffset(s)
	if err != nil {
		panic(err)
	}
	return o
}

// Days is the offset in days.
func (o Offset) Days() int { return o.days }

// String is the offset as written.
func (o Offset) String() string { return o.raw }

// MarshalText writes the offset as written.
func (o Offset) MarshalText() ([]byte, error) { return []byte(o.raw), nil }

func (o *Offset) parseScalar(s string) error {
	v, err := ParseOffset(s)
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// JSONSchema describes an offset to editors.
func (Offset) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Description: "days (d) or weeks (w) before (-) or after (+) launch day",
		// YAML reads a bare 0 as a number.
		OneOf: []*jsonschema.Schema{{Type: "string", Pattern: `^([+-]?[0-9]+[dw]|0)$`}, {Type: "integer", Const: 0}},
	}
}

// JSONSchema describes a target to editors.
func (Target) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string",
		Pattern:     `^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{2}|[0-9]{4}-Q[1-4]|[0-9]{4}-H[12]|now|next|later)$`,
		Description: "a date, month (YYYY-MM), quarter (YYYY-Qn), half (YYYY-Hn) or horizon (now, next, later)"}
}

// JSONSchema describes a date to editors.
func (Date) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Format: "date"}
}
