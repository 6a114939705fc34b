package render_test

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
)

// icsRoadmap has launches whose text needs escaping and folding: commas,
// semicolons, backslashes, line breaks, long titles and characters of two,
// three and four bytes.
const icsRoadmap = `product: "Acme; Analytics, Inc."
launch_tiers:
  big:
    playbook:
      - {id: brief, task: "Brief, with; every \\ special", owner: marketing, due: -8w}
      - {id: retro, task: Retrospective, owner: product, due: +1w}
people:
  - {id: zoe, name: "Zoë Ångström-Øberg", role: marketing}
features:
  - id: sso
    title: "Single sign-on: Okta, Azure AD; and Google \\ Workspace — for every plan, even the smallest ones"
    summary: "Line one.\nLine two, with a comma; and a semicolon.\r\nLine three 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀 日本語のテキストが続きます日本語のテキストが続きます"
    status: planned
    owners: {marketing: zoe}
    launch: {size: big, date: 2028-02-29, event: "Summit, 2028; Berlin"}
  - id: audit
    title: Audit
    status: shipped
    launch: {size: big, date: 2026-12-31, done: [brief, retro]}
  - id: later
    title: Later
    status: planned
    target: later
    launch: {size: big}
`

// icsHost is the UID host of icsRoadmap's product.
const icsHost = "acme-analytics-inc.roadmap"

func icsOf(t *testing.T, src string) []byte {
	t.Helper()
	r, err := roadmap.Load(fstest.MapFS{"roadmap.yaml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	if errs, _ := roadmap.Count(r.Findings); errs > 0 {
		t.Fatalf("fixture has errors: %v", r.Findings)
	}
	today, _ := roadmap.ParseDate("2026-11-23")
	cal, err := r.Launches(roadmap.LaunchOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := render.WriteICS(&b, render.Launches{Product: r.Product, Today: today, Calendar: cal}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// contentLine is one unfolded line: NAME;PARAMS:VALUE.
type contentLine struct{ name, params, value string }

var nameRE = regexp.MustCompile(`^[A-Z][A-Z0-9-]*$`)

// TestICSStructure checks the output against RFC 5545's structural rules:
// section 3.1 (CRLF line ends, folding at 75 octets with a space, UTF-8
// kept whole), 3.3.11 (TEXT escapes), 3.4 and 3.6 (BEGIN/END nesting and the
// properties each component requires), and all-day events as DATE values.
func TestICSStructure(t *testing.T) {
	out := icsOf(t, icsRoadmap)
	if !bytes.Equal(out, icsOf(t, icsRoadmap)) {
		t.Fatal("two runs give different bytes")
	}
	if !utf8.Valid(out) {
		t.Fatal("output is not UTF-8")
	}
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatal("output does not end in CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n")
	folded := 0
	var lines []string
	for i, ln := range physical {
		if strings.ContainsAny(ln, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, ln)
		}
		if len(ln) > 75 {
			t.Errorf("line %d is %d octets, more than 75: %q", i+1, len(ln), ln)
		}
		if !utf8.ValidString(ln) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, ln)
		}
		if strings.HasPrefix(ln, " ") || strings.HasPrefix(ln, "\t") {
			if i == 0 {
				t.Fatal("the first line is a continuation")
			}
			folded++
			lines[len(lines)-1] += ln[1:]
			continue
		}
		lines = append(lines, ln)
	}
	if folded == 0 {
		t.Error("no line was folded: the fixture should need folding")
	}

	var parsed []contentLine
	for _, ln := range lines {
		head, value, ok := strings.Cut(ln, ":")
		if !ok {
			t.Errorf("no colon in content line %q", ln)
			continue
		}
		name, params, _ := strings.Cut(head, ";")
		if !nameRE.MatchString(name) {
			t.Errorf("bad property name %q in %q", name, ln)
		}
		parsed = append(parsed, contentLine{name, params, value})
	}

	// BEGIN and END nest, and each component has what RFC 5545 requires.
	type component struct {
		name  string
		props map[string][]contentLine
	}
	var stack []*component
	var events []*component
	uids := map[string]bool{}
	for _, cl := range parsed {
		switch cl.name {
		case "BEGIN":
			stack = append(stack, &component{name: cl.value, props: map[string][]contentLine{}})
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].name != cl.value {
				t.Fatalf("END:%s does not close the open component", cl.value)
			}
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch c.name {
			case "VCALENDAR":
				if len(stack) != 0 {
					t.Error("VCALENDAR is nested")
				}
				for _, p := range []string{"VERSION", "PRODID"} {
					if len(c.props[p]) != 1 {
						t.Errorf("VCALENDAR has %d %s, want 1", len(c.props[p]), p)
					}
				}
				if v := c.props["VERSION"]; len(v) == 1 && v[0].value != "2.0" {
					t.Errorf("VERSION:%s", v[0].value)
				}
			case "VEVENT":
				events = append(events, c)
				for _, p := range []string{"UID", "DTSTAMP", "DTSTART"} {
					if len(c.props[p]) != 1 {
						t.Errorf("VEVENT has %d %s, want 1: %v", len(c.props[p]), p, c.props)
					}
				}
			default:
				t.Errorf("unexpected component %s", c.name)
			}
			continue
		}
		if len(stack) == 0 {
			t.Fatalf("property %s outside any component", cl.name)
		}
		top := stack[len(stack)-1]
		top.props[cl.name] = append(top.props[cl.name], cl)
	}
	if len(stack) != 0 {
		t.Fatalf("%d components left open", len(stack))
	}
	if parsed[0].name != "BEGIN" || parsed[0].value != "VCALENDAR" {
		t.Errorf("the file starts with %v", parsed[0])
	}

	// Two dated launches with two tasks each; the undated one is left out.
	if len(events) != 6 {
		t.Fatalf("%d events, want 6", len(events))
	}
	for _, e := range events {
		uid := e.props["UID"][0].value
		if uids[uid] {
			t.Errorf("UID %s is not unique", uid)
		}
		uids[uid] = true
		if got := e.props["DTSTAMP"][0].value; got != "20261123T000000Z" {
			t.Errorf("%s: DTSTAMP %s, want --today at midnight UTC", uid, got)
		}
		start, end := e.props["DTSTART"][0], e.props["DTEND"]
		if start.params != "VALUE=DATE" || len(end) != 1 || end[0].params != "VALUE=DATE" {
			t.Errorf("%s: not an all-day event: DTSTART;%s DTEND %v", uid, start.params, end)
			continue
		}
		d, err := roadmap.ParseDate(fmt.Sprintf("%s-%s-%s", start.value[:4], start.value[4:6], start.value[6:]))
		if err != nil {
			t.Errorf("%s: DTSTART %s: %v", uid, start.value, err)
			continue
		}
		if next := strings.ReplaceAll(d.AddDays(1).String(), "-", ""); end[0].value != next {
			t.Errorf("%s: DTEND %s, want the next day %s", uid, end[0].value, next)
		}
		for _, p := range []string{"SUMMARY", "DESCRIPTION"} {
			for _, cl := range e.props[p] {
				checkTextEscapes(t, uid+" "+p, cl.value)
			}
		}
	}
	for _, want := range []string{"sso@" + icsHost, "sso.brief@" + icsHost, "sso.retro@" + icsHost, "audit@" + icsHost, "audit.brief@" + icsHost, "audit.retro@" + icsHost} {
		if !uids[want] {
			t.Errorf("no event with UID %s", want)
		}
	}

	// Text comes back whole once unescaped.
	text := map[string]string{}
	for _, e := range events {
		text[e.props["UID"][0].value] = unescapeText(e.props["SUMMARY"][0].value) + "\n" + unescapeText(e.props["DESCRIPTION"][0].value)
	}
	for uid, want := range map[string]string{
		"sso@" + icsHost:       "Single sign-on: Okta, Azure AD; and Google \\ Workspace — for every plan",
		"sso.brief@" + icsHost: "Brief, with; every \\ special",
	} {
		if !strings.Contains(text[uid], want) {
			t.Errorf("%s: text %q lacks %q", uid, text[uid], want)
		}
	}
	if !strings.Contains(text["sso@"+icsHost], "Line one.\nLine two, with a comma; and a semicolon.\nLine three 🚀") {
		t.Errorf("line breaks are not kept: %q", text["sso@"+icsHost])
	}
	if !strings.Contains(text["sso.brief@"+icsHost], "Owner: Zoë Ångström-Øberg (zoe)") || !strings.Contains(text["sso.retro@"+icsHost], "Owner: product (unassigned)") {
		t.Errorf("owners: %q / %q", text["sso.brief@"+icsHost], text["sso.retro@"+icsHost])
	}
}

// checkTextEscapes fails when a TEXT value holds a comma or semicolon that is
// not escaped, or a backslash that starts no known escape.
func checkTextEscapes(t *testing.T, where, v string) {
	t.Helper()
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			if i+1 >= len(v) || !strings.ContainsRune(`\;,nN`, rune(v[i+1])) {
				t.Errorf("%s: bad escape at %d in %q", where, i, v)
				return
			}
			i++
		case ',', ';':
			t.Errorf("%s: unescaped %q at %d in %q", where, v[i], i, v)
			return
		}
	}
}

func unescapeText(v string) string {
	return strings.NewReplacer(`\\`, `\`, `\;`, `;`, `\,`, `,`, `\n`, "\n", `\N`, "\n").Replace(v)
}

// TestICSEmptyCalendar: with no events, the calendar still holds a
// component, as RFC 5545 requires: a UTC time zone definition with the
// properties section 3.6.5 asks for, and no event.
func TestICSEmptyCalendar(t *testing.T) {
	var b bytes.Buffer
	if err := render.WriteICS(&b, render.Launches{Product: "Acme"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Errorf("empty calendar:\n%q", out)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Components) == 0 || len(cal.Events()) != 0 {
		t.Fatalf("%d components, %d events; want a component and no event:\n%s", len(cal.Components), len(cal.Events()), out)
	}
	for _, want := range []string{"BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("empty calendar lacks %q:\n%s", want, out)
		}
	}
}

// TestICSUIDsPerProduct: the same launch in two products has two UIDs, and
// the same product gives the same UIDs whatever else changes.
func TestICSUIDsPerProduct(t *testing.T) {
	uids := func(product, title string) []string {
		t.Helper()
		src := "product: " + product + "\nfeatures:\n  - {id: sso, title: " + title + ", status: planned, launch: {size: small, date: 2027-03-01}}\n"
		parsed, err := ics.ParseCalendar(bytes.NewReader(icsOf(t, src)))
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range parsed.Events() {
			ids = append(ids, e.Id())
		}
		if len(ids) == 0 {
			t.Fatalf("%s: no events", product)
		}
		return ids
	}
	acme, globex := uids("Acme Analytics", "SSO"), uids("Globex", "SSO")
	if acme[0] != "sso@acme-analytics.roadmap" {
		t.Errorf("UID %s, want sso@acme-analytics.roadmap", acme[0])
	}
	for _, a := range acme {
		if slices.Contains(globex, a) {
			t.Errorf("UID %s is in both products' calendars", a)
		}
	}
	if again := uids("Acme Analytics", "Single sign-on"); !slices.Equal(again, acme) {
		t.Errorf("UIDs changed with the title: %v, then %v", acme, again)
	}
	// Names that differ only in letters outside ASCII stay apart.
	if a, b := uids("Zoë", "SSO"), uids("Zoé", "SSO"); a[0] == b[0] {
		t.Errorf("Zoë and Zoé share UID %s", a[0])
	}
}
