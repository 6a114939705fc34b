package roadmap

import (
	"fmt"
	"slices"
)

// The date granularities an audience may choose.
const (
	DatesExact   Granularity = "exact"
	DatesMonth   Granularity = "month"
	DatesQuarter Granularity = "quarter"
	DatesHalf    Granularity = "half"
	DatesHorizon Granularity = "horizon"
)

// coarser reports whether g is coarser than o.
func (g Granularity) coarser(o Granularity) bool {
	return slices.Index(Granularities, g) > slices.Index(Granularities, o)
}

// kind is the finest target form an audience of granularity g may see.
func (g Granularity) kind() TargetKind {
	switch g {
	case DatesExact:
		return TargetDate
	case DatesMonth:
		return TargetMonth
	case DatesQuarter:
		return TargetQuarter
	case DatesHalf:
		return TargetHalf
	}
	return TargetHorizon
}

// Coarsen shows t no finer than granularity g: 2027-03-15 is 2027-03 by
// month, 2027-Q1 by quarter and 2027-H1 by half; a target already as coarse
// stays as written. By horizon, a dated target becomes now (it ends in the
// quarter of today, or before), next (it ends within the two quarters after)
// or later; horizons stay.
func Coarsen(t Target, g Granularity, today Date) Target {
	if t.IsZero() || t.kind >= g.kind() {
		return t
	}
	start := t.Start()
	y, m := start.Year(), int(start.Month())
	var s string
	switch g.kind() {
	case TargetMonth:
		s = fmt.Sprintf("%04d-%02d", y, m)
	case TargetQuarter:
		s = fmt.Sprintf("%04d-Q%d", y, (m-1)/3+1)
	case TargetHalf:
		s = fmt.Sprintf("%04d-H%d", y, (m-1)/6+1)
	default:
		s = horizonOf(t.End(), today)
	}
	c, err := ParseTarget(s)
	if err != nil {
		// Years beyond 9999 cannot be written; show nothing rather than
		// the exact date.
		return Target{}
	}
	return c
}

// horizonOf places a day relative to today: now up to the end of today's
// quarter, next for the two quarters after, later beyond.
func horizonOf(day, today Date) string {
	q := Coarsen(Target{kind: TargetDate, start: today, end: today}, DatesQuarter, today)
	switch {
	case !day.After(q.End()):
		return HorizonNow
	case !day.After(NewDate(q.Start().Year(), q.Start().Month()+9, 1).AddDays(-1)):
		return HorizonNext
	}
	return HorizonLater
}

// CoarsenDate shows a day no finer than g, as a target's text: "" for a zero
// date, and for horizon granularity the horizon of the day.
func CoarsenDate(d Date, g Granularity, today Date) string {
	if d.IsZero() {
		return ""
	}
	return Coarsen(Target{raw: d.String(), kind: TargetDate, start: d, end: d}, g, today).String()
}

// period is the column of a board a target falls in: its quarter, or coarser
// when the audience sees dates coarser than quarters.
func period(t Target, g Granularity, today Date) Target {
	if !g.coarser(DatesQuarter) {
		g = DatesQuarter
	}
	return Coarsen(t, g, today)
}
