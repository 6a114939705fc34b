package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/northwind-labs/roadmap/roadmap"
)

// icsProductID names roadmap as the calendar's producer (RFC 5545 PRODID).
const icsProductID = "-//Northwind Labs//roadmap//EN"

// WriteICS writes the dated launches as an iCalendar file (RFC 5545) for
// calendar apps: each launch and each of its tasks an all-day event, tasks
// with their owner and state in the description and related to their launch.
// Undated launches are left out: a calendar has no place for them.
//
// The output depends on nothing but l: UIDs are <feature>@<product>.roadmap
// for a launch and <feature>.<task>@<product>.roadmap for a task, <product>
// being a slug of l.Product, so that re-importing updates events instead of
// duplicating them while two products' calendars in one app stay apart; and
// DTSTAMP is l.Today. With no events, the calendar holds a UTC time zone
// definition instead, since RFC 5545 asks for at least one component. Lines
// end in CRLF and are folded at 75 octets, never inside a UTF-8 character;
// TEXT values escape backslash, semicolon, comma and newline.
//
// Tasks are events rather than to-dos (VTODO) because Google Calendar and
// Outlook ignore to-dos on import; an event shows in every calendar app.
func WriteICS(w io.Writer, l Launches) error {
	cal := ics.NewCalendar()
	cal.SetProductId(icsProductID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	name := "Launches"
	if l.Product != "" {
		name = l.Product + " launches"
	}
	cal.SetXWRCalName(icsText(name))

	stamp := l.Today.Time()
	host := "roadmap"
	if slug := icsSlug(l.Product); slug != "" {
		host = slug + ".roadmap"
	}
	seen := map[string]int{}
	uid := func(id string) string {
		// Duplicate task ids in a playbook are a lint error; numbering the
		// repeats keeps UIDs unique all the same.
		seen[id]++
		if n := seen[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		return id + "@" + host
	}
	allDay := func(e *ics.VEvent, day roadmap.Date) {
		e.SetDtStampTime(stamp)
		e.SetAllDayStartAt(day.Time())
		e.SetAllDayEndAt(day.AddDays(1).Time())
	}
	for _, p := range l.Launches {
		f := p.Feature
		launchUID := uid(f.ID)
		e := cal.AddEvent(launchUID)
		allDay(e, p.Day)
		e.SetSummary(icsText(fmt.Sprintf("Launch: %s (%s)", f.Title, p.Size)))
		desc := []string{
			fmt.Sprintf("%s of %s%s; the feature is %s.", capitalize(p.Size)+" launch", f.ID, atEvent(p.Event), f.Status.Phrase()),
			fmt.Sprintf("Tasks: %d of %d done, %d overdue, %d due soon.",
				p.Count(roadmap.TaskDone), len(p.Tasks), p.Count(roadmap.TaskOverdue), p.Count(roadmap.TaskDueSoon)),
		}
		if f.Summary != "" {
			desc = append(desc, f.Summary)
		}
		e.SetDescription(icsText(strings.Join(desc, "\n")))
		e.SetProperty(ics.ComponentPropertyCategories, "Launch")
		e.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")

		for _, t := range p.Tasks {
			te := cal.AddEvent(uid(f.ID + "." + t.ID))
			allDay(te, t.Due)
			summary := f.Title + ": " + t.Task.Task
			if t.State == roadmap.TaskDone {
				summary += " (done)"
			}
			te.SetSummary(icsText(summary))
			owner := ownerText(t)
			if t.Assigned {
				owner += " (" + t.Owner + ")"
			}
			te.SetDescription(icsText(strings.Join([]string{
				"Owner: " + owner,
				"State: " + t.State.Label(),
				fmt.Sprintf("Task %s of the %s launch of %s on %s, due %s.", t.ID, p.Size, f.ID, p.Day, t.PlaybookTask.Due),
			}, "\n")))
			te.SetProperty(ics.ComponentPropertyCategories, "Launch task")
			te.SetProperty(ics.ComponentPropertyRelatedTo, launchUID)
			te.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
		}
	}
	if len(cal.Components) == 0 {
		utc := cal.AddTimezone("UTC").AddStandard()
		utc.SetProperty(ics.ComponentPropertyDtStart, "19700101T000000")
		utc.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0000")
		utc.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0000")
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// icsSlug is product as a UID host label: lower-case ASCII letters and
// digits, other runs as one hyphen. A name with other letters or digits gets
// a hash of itself too, so that names differing only in those stay apart.
func icsSlug(product string) string {
	var b strings.Builder
	hyphen, other := false, false
	for _, r := range strings.ToLower(product) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		default:
			hyphen = true
			other = other || unicode.IsLetter(r) || unicode.IsDigit(r)
		}
	}
	if other {
		sum := sha256.Sum256([]byte(product))
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(hex.EncodeToString(sum[:4]))
	}
	return b.String()
}

// icsText prepares text for a TEXT value, which the library escapes: line
// breaks become plain newlines (escaped as \n) and other control characters,
// which TEXT may not hold, are dropped.
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func atEvent(event string) string {
	if event == "" {
		return ""
	}
	return " at " + event
}
