package roadmap

import (
	"fmt"
	"time"
)

// Date is a calendar day. The zero Date means "not set".
type Date struct{ t time.Time }

const dateLayout = "2006-01-02"

// minYear is the first year a date or target may name: the zero Date is
// year 1, and no roadmap plans for the nineteenth century.
const minYear = 1900

// ParseDate reads a YYYY-MM-DD date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil || len(s) != len(dateLayout) {
		return Date{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)%s", s, whyNotADate(s))
	}
	if t.Year() < minYear {
		return Date{}, fmt.Errorf("%q is before %d, too early for a roadmap", s, minYear)
	}
	return Date{t}, nil
}

// whyNotADate says what is wrong with a text written as YYYY-MM-DD that
// names no day: "2027-02-30" is a slip a reader should not have to puzzle
// over. It is "" for any other text.
func whyNotADate(s string) string {
	if !LooksLikeDate(s) {
		return ""
	}
	year, month, day := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	switch last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day(); {
	case month < 1 || month > 12:
		return fmt.Sprintf(": there is no month %d", month)
	case day < 1:
		return ": there is no day 0"
	case day > last:
		return fmt.Sprintf(": %s %d has %d days", time.Month(month), year, last)
	}
	return ""
}

// LooksLikeDate reports whether s is written as a date, YYYY-MM-DD in
// digits, whether or not it names a day.
func LooksLikeDate(s string) bool {
	return len(s) == len(dateLayout) && s[4] == '-' && s[7] == '-' && digits(s[:4]) == 4 && digits(s[5:7]) == 2 && digits(s[8:]) == 2
}

// atoi reads a run of ASCII digits.
func atoi(s string) int {
	n := 0
	for _, c := range []byte(s) {
		n = n*10 + int(c-'0')
	}
	return n
}

// NewDate returns the given calendar day; out-of-range days normalise as time.Date does.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time is midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// Year, Month and Day are the parts of the date.
func (d Date) Year() int             { return d.t.Year() }
func (d Date) Month() time.Month     { return d.t.Month() }
func (d Date) Day() int              { return d.t.Day() }
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// AddDays moves the date by n days (negative moves back).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// Before, After and Equal compare two dates.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }
func (d Date) After(o Date) bool  { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool  { return d.t.Equal(o.t) }

// DaysUntil is the number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int { return d.t.Compare(o.t) }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) parseScalar(s string) error {
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
