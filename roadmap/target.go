package roadmap

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// TargetKind says which form a target was written in.
type TargetKind uint8

// The forms of a target, from the finest to the horizons.
const (
	TargetNone TargetKind = iota
	TargetDate
	TargetMonth
	TargetQuarter
	TargetHalf
	TargetHorizon
)

// The horizons, in their order.
const (
	HorizonNow   = "now"
	HorizonNext  = "next"
	HorizonLater = "later"
)

var horizons = []string{HorizonNow, HorizonNext, HorizonLater}

// Target is when something is expected: a date, a month, a quarter, a half or a
// horizon. A dated target knows its first and last day; horizons sort after every
// dated target, now < next < later.
type Target struct {
	raw     string
	kind    TargetKind
	start   Date
	end     Date
	horizon int // 1..3 for horizons
}

// ParseTarget reads a target: YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, now, next or later.
func ParseTarget(s string) (Target, error) {
	for i, h := range horizons {
		if s == h {
			return Target{raw: s, kind: TargetHorizon, horizon: i + 1}, nil
		}
	}
	// Made only for a text that is no target: every feature's target is
	// parsed on each load.
	bad := func() error {
		return fmt.Errorf("%q is not a target (YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn, now, next or later)%s", s, nearTarget(s))
	}
	if len(s) < 7 || s[4] != '-' {
		return Target{}, bad()
	}
	year, err := strconv.Atoi(s[:4])
	if err != nil || year < minYear || s[0] == '+' || s[0] == '-' {
		return Target{}, bad()
	}
	rest := s[5:]
	switch {
	case len(s) == 10:
		d, err := ParseDate(s)
		if err != nil {
			if why := whyNotADate(s); why != "" {
				return Target{}, fmt.Errorf("%q is not a target date%s", s, why)
			}
			return Target{}, bad()
		}
		return Target{raw: s, kind: TargetDate, start: d, end: d}, nil
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'H'):
		n := int(rest[1] - '0')
		if rest[0] == 'Q' && n >= 1 && n <= 4 {
			first := time.Month(3*(n-1) + 1)
			return spanTarget(s, TargetQuarter, NewDate(year, first, 1), 3), nil
		}
		if rest[0] == 'H' && n >= 1 && n <= 2 {
			first := time.Month(6*(n-1) + 1)
			return spanTarget(s, TargetHalf, NewDate(year, first, 1), 6), nil
		}
	case len(rest) == 2:
		m, err := strconv.Atoi(rest)
		if err == nil && m >= 1 && m <= 12 && rest[0] >= '0' && rest[0] <= '1' {
			return spanTarget(s, TargetMonth, NewDate(year, time.Month(m), 1), 1), nil
		}
	}
	return Target{}, bad()
}

// nearTarget suggests the target a text that is none was likely meant to
// be ("2027-q1", "2027-3", "2027-Q5"), as "; did you mean ...?" or a
// reason, or "". A suggestion is always a target itself: a year out of
// range is the reason, whatever follows it.
func nearTarget(s string) string {
	year, rest, ok := strings.Cut(s, "-")
	if !ok || len(year) != 4 || digits(year) != 4 {
		return ""
	}
	if y, _ := strconv.Atoi(year); y < minYear {
		return fmt.Sprintf("; %s is before %d, too early for a roadmap", year, minYear)
	}
	switch {
	case rest == "q1" || rest == "q2" || rest == "q3" || rest == "q4" || rest == "h1" || rest == "h2":
		return fmt.Sprintf("; did you mean %q?", year+"-"+strings.ToUpper(rest))
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'q') && digits(rest[1:]) == 1:
		return fmt.Sprintf("; there is no quarter %c (Q1 to Q4)", rest[1])
	case len(rest) == 2 && (rest[0] == 'H' || rest[0] == 'h') && digits(rest[1:]) == 1:
		return fmt.Sprintf("; there is no half %c (H1 or H2)", rest[1])
	case len(rest) == 1 && digits(rest) == 1 && rest != "0":
		return fmt.Sprintf("; did you mean %q?", year+"-0"+rest)
	case len(rest) == 2 && digits(rest) == 2:
		return fmt.Sprintf("; there is no month %s", strings.TrimPrefix(rest, "0"))
	}
	return ""
}

func spanTarget(raw string, kind TargetKind, start Date, months int) Target {
	end := NewDate(start.Year(), start.Month()+time.Month(months), 1).AddDays(-1)
	return Target{raw: raw, kind: kind, start: start, end: end}
}

// MustTarget parses s and panics if it is not a target; for tests and constants.
func MustTarget(s string) Target {
	t, err := ParseTarget(s)
	if err != nil {
		panic(err)
	}
	return t
}

// IsZero reports whether no target is set.
func (t Target) IsZero() bool { return t.kind == TargetNone }

// Kind is the form the target was written in.
func (t Target) Kind() TargetKind { return t.kind }

// IsHorizon reports whether the target is now, next or later.
func (t Target) IsHorizon() bool { return t.kind == TargetHorizon }

// Dated reports whether the target has a first and a last day.
func (t Target) Dated() bool { return t.kind >= TargetDate && t.kind <= TargetHalf }

// Start is the first day of a dated target; zero for horizons.
func (t Target) Start() Date { return t.start }

// End is the last day of a dated target; zero for horizons.
func (t Target) End() Date { return t.end }

// String is the target as written.
func (t Target) String() string { return t.raw }

// Compare orders targets by their end; horizons come after every dated target
// (now < next < later) and an unset target after everything. Targets with the
// same end order from the finest to the coarsest form, then by text.
func (t Target) Compare(o Target) int {
	if c := cmp.Compare(t.rank(), o.rank()); c != 0 {
		return c
	}
	if t.Dated() {
		if c := t.end.Compare(o.end); c != 0 {
			return c
		}
		if c := cmp.Compare(int(t.kind), int(o.kind)); c != 0 {
			return c
		}
	}
	return cmp.Compare(t.raw, o.raw)
}

// EndsBefore reports whether t is over before o ends, in the target ordering.
func (t Target) EndsBefore(o Target) bool {
	if t.Dated() && o.Dated() {
		return t.end.Before(o.end)
	}
	return t.rank() < o.rank()
}

// rank places dated targets first, then the horizons, then unset targets.
func (t Target) rank() int {
	switch t.kind {
	case TargetNone:
		return 5
	case TargetHorizon:
		return t.horizon
	default:
		return 0
	}
}

// Within reports whether t lies inside period p: a dated target whose days all
// fall in p's days, or the same horizon.
func (t Target) Within(p Target) bool {
	if t.IsHorizon() || p.IsHorizon() {
		return t.kind == p.kind && t.horizon == p.horizon
	}
	if !t.Dated() || !p.Dated() {
		return false
	}
	return !t.start.Before(p.start) && !t.end.After(p.end)
}

// Contains reports whether day d falls inside the dated target t.
func (t Target) Contains(d Date) bool {
	return t.Dated() && !d.Before(t.start) && !d.After(t.end)
}

// MarshalText writes the target as written.
func (t Target) MarshalText() ([]byte, error) { return []byte(t.raw), nil }

func (t *Target) parseScalar(s string) error {
	v, err := ParseTarget(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}
