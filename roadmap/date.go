package roadmap

import (
	"fmt"
	"strconv"
	"strings"
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
	if len(s) != len(dateLayout) || !LooksLikeDate(s) {
		return ""
	}
	year, _ := strconv.Atoi(s[:4])
	month, _ := strconv.Atoi(s[5:7])
	day, _ := strconv.Atoi(s[8:])
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

// LooksLikeDate reports whether s is written as a date, a year of four
// digits, a month and a day, whether or not it names a day (2026-02-30,
// 2026-2-3).
func LooksLikeDate(s string) bool {
	parts := strings.Split(s, "-")
	return len(parts) == 3 && len(parts[0]) == 4 && digits(parts[0]) == 4 &&
		len(parts[1]) >= 1 && len(parts[1]) <= 2 && digits(parts[1]) == len(parts[1]) &&
		len(parts[2]) >= 1 && len(parts[2]) <= 2 && digits(parts[2]) == len(parts[2])
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
