package render

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/northwind-labs/roadmap/roadmap"
)

// TestDiffSummaryReadsAsAList: "1 feature, 2 objectives and 1 campaign".
func TestDiffSummaryReadsAsAList(t *testing.T) {
	cs := []roadmap.Change{{Item: "feature"}, {Item: "objective"}, {Item: "objective"}, {Item: "campaign"}}
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "no changes"},
		{1, "1 feature changed"},
		{3, "1 feature and 2 objectives changed"},
		{4, "1 feature, 2 objectives and 1 campaign changed"},
	} {
		if got := summary(cs[:tc.n]); got != tc.want {
			t.Errorf("%d changes: %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestALayoutChangeSaysSo: a value whose line breaks or spacing alone
// changed would read "X → X" on one line; text says what changed instead.
func TestALayoutChangeSaysSo(t *testing.T) {
	d := DiffReport{From: "v1", To: "v2", Changes: []roadmap.Change{{Kind: roadmap.Changed, Item: "feature", ID: "a", Title: "A",
		Fields: []roadmap.FieldChange{{Field: "description", Old: "one\n\ntwo\n", New: "one\ntwo\n"}}}}}
	var b strings.Builder
	if err := (Output{}).WriteDiffText(&b, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "description: line breaks or spacing changed") || strings.Contains(b.String(), "one two → one two") {
		t.Errorf("text:\n%s", b.String())
	}
}

// TestDiffAndHistoryTextCarryNoControls: titles, values and commit subjects
// are anyone's text; in diff and history they cannot colour the terminal or
// clear it, and a value of several lines reads on one.
func TestDiffAndHistoryTextCarryNoControls(t *testing.T) {
	commit := &roadmap.Commit{Short: "abc1234", Author: "Eve\x1b[2J", Date: "2026-11-24", Subject: "Plan\x1b]0;title\x07 it\r\nnow"}
	fields := []roadmap.FieldChange{
		{Field: "title", Old: "A \x1b[31mred", New: "A \x9b32mgreen", Commit: commit},
		{Field: "description", Old: "one\ntwo\n", New: "one\nthree\n", Commit: commit},
	}
	d := DiffReport{From: "v1", To: "v2", Changes: []roadmap.Change{
		{Kind: roadmap.Changed, Item: "feature", ID: "a", Title: "A \x1b[32mgreen", Fields: fields},
	}}
	h := HistoryReport{Item: "feature", ID: "a", Title: "A \x1b[32mgreen", Events: []roadmap.Event{
		{Commit: commit, Kind: roadmap.Added, Fields: []roadmap.FieldChange{{Field: "status", New: "idea"}, {Field: "target", New: "2027-Q1\x1b[31m"}}},
		{Commit: commit, Kind: roadmap.Changed, Fields: fields},
	}}
	for _, o := range []Output{{}, {Terminal: true, Styled: true, Width: 80}} {
		var b strings.Builder
		if err := o.WriteDiffText(&b, d); err != nil {
			t.Fatal(err)
		}
		if err := o.WriteHistoryText(&b, h); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !o.Styled && strings.ContainsFunc(out, func(r rune) bool { return r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0) }) {
			t.Errorf("control characters in %q", out)
		}
		for _, injected := range []string{"\x1b[2J", "\x1b[31m", "\x1b]0", "\x9b", "\x07", "\r"} {
			if strings.Contains(out, injected) {
				t.Errorf("styled %v: %q in %q", o.Styled, injected, out)
			}
		}
		out = ansi.Strip(out) // the styling's own codes
		if !strings.Contains(out, "description: one two → one three") {
			t.Errorf("styled %v: the description is not on one line:\n%s", o.Styled, out)
		}
	}
}

// TestDiffTextWrapsToTheTerminal: on a terminal a long value or commit
// subject wraps under its own indentation, four columns in (past the commit
// notes, two in); in a pipe each stays on one line, for grep.
func TestDiffTextWrapsToTheTerminal(t *testing.T) {
	long := "Customers can pay suppliers straight from their bank account without leaving the app"
	commit := &roadmap.Commit{Short: "abc1234", Author: "Ana", Date: "2026-11-24", Subject: "Describe pay-by-bank at length, so that the subject runs past the width"}
	d := DiffReport{From: "v1", To: "v2", Changes: []roadmap.Change{{Kind: roadmap.Changed, Item: "feature", ID: "a", Title: "A",
		Fields: []roadmap.FieldChange{{Field: "summary", Old: "short", New: long, Commit: commit}}}}}
	var piped strings.Builder
	if err := (Output{}).WriteDiffText(&piped, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(piped.String(), "    summary: short → "+long+"\n") {
		t.Errorf("piped, the value is not on one line:\n%s", piped.String())
	}
	var term strings.Builder
	if err := (Output{Terminal: true, Styled: true, Width: 60}).WriteDiffText(&term, d); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(ansi.Strip(term.String()), "\n"), "\n")
	var words []string
	for i, l := range lines {
		if ansi.StringWidth(l) > 60 {
			t.Errorf("line %d is %d wide: %q", i, ansi.StringWidth(l), l)
		}
		if strings.HasPrefix(l, "    summary:") {
			if next := lines[i+1]; !strings.HasPrefix(next, "        ") || strings.HasPrefix(next, "         ") {
				t.Errorf("the value goes on at %q, not four columns in, past the commit notes", next)
			}
		}
		words = append(words, strings.Fields(l)...)
	}
	if got := strings.Join(words, " "); !strings.Contains(got, long) || !strings.Contains(got, commit.Subject) {
		t.Errorf("wrapped text lost words:\n%s", term.String())
	}
}

// TestHistoryTextWrapsSubjects: on a terminal a long commit subject wraps
// under itself, past the date, hash and author; in a pipe it is one line.
func TestHistoryTextWrapsSubjects(t *testing.T) {
	subject := "Describe pay-by-bank at length, so that the subject runs well past the width"
	h := HistoryReport{Item: "feature", ID: "a", Title: "A", Events: []roadmap.Event{{
		Commit: &roadmap.Commit{Short: "abc1234", Author: "Ana", Date: "2026-11-24", Subject: subject},
		Kind:   roadmap.Changed, Fields: []roadmap.FieldChange{{Field: "status", Old: "idea", New: "planned"}},
	}}}
	var piped strings.Builder
	if err := (Output{}).WriteHistoryText(&piped, h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(piped.String(), "2026-11-24  abc1234  Ana  "+subject+"\n") {
		t.Errorf("piped, the subject is not on one line:\n%s", piped.String())
	}
	var term strings.Builder
	if err := (Output{Terminal: true, Styled: true, Width: 50}).WriteHistoryText(&term, h); err != nil {
		t.Fatal(err)
	}
	out := ansi.Strip(term.String())
	col := strings.Index(out, "Describe") - strings.LastIndex(out[:strings.Index(out, "Describe")], "\n") - 1
	var words []string
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 50 {
			t.Errorf("line %q is wider than 50", l)
		}
		switch {
		case strings.HasPrefix(l, "2026-11-24"):
			words = append(words, strings.Fields(l[col:])...)
		case len(l) > col && strings.TrimSpace(l[:col]) == "":
			if l[col] == ' ' {
				t.Errorf("the subject goes on past its column: %q", l)
			}
			words = append(words, strings.Fields(l)...)
		}
	}
	if got := strings.Join(words, " "); got != subject {
		t.Errorf("the subject reads %q under its column:\n%s", got, out)
	}
}

// TestLongHeadsFitTheTerminal: a long title beside an id is cut with an
// ellipsis to its line, keeping "(added)"; an id that leaves it no room puts
// it on the next line; an author too long to leave the subject room is cut.
// At any width no line is wider than the terminal, a title reads from its
// start, and no word of a subject is lost. In a pipe the title is whole.
func TestLongHeadsFitTheTerminal(t *testing.T) {
	title := "Customers pay suppliers straight from their bank account without leaving the app"
	longID := "pay-by-bank-for-every-supplier-in-every-market-we-sell-in"
	subject := "Plan pay-by-bank for the second half"
	commit := &roadmap.Commit{Short: "abc1234", Author: "Maximiliana Alexandra von Hohenzollern-Sigmaringen", Date: "2026-11-24", Subject: subject}
	d := DiffReport{From: "v1", To: "v2", Changes: []roadmap.Change{
		{Kind: roadmap.Added, Item: "feature", ID: "pay", Title: title, Commit: commit},
		{Kind: roadmap.Removed, Item: "feature", ID: longID, Title: title, Commit: commit},
	}}
	h := HistoryReport{Item: "objective", ID: longID, Title: title, Events: []roadmap.Event{{
		Commit: commit, Kind: roadmap.Changed, Fields: []roadmap.FieldChange{{Field: "status", Old: "idea", New: "planned"}},
	}}}
	for width := 30; width <= 100; width += 7 {
		o := Output{Terminal: true, Styled: true, Width: width}
		var diff, history strings.Builder
		if err := o.WriteDiffText(&diff, d); err != nil {
			t.Fatal(err)
		}
		if err := o.WriteHistoryText(&history, h); err != nil {
			t.Fatal(err)
		}
		for out, items := range map[string]int{diff.String(): 2, history.String(): 1} {
			text := ansi.Strip(out)
			for _, l := range strings.Split(text, "\n") {
				if ansi.StringWidth(l) > width {
					t.Errorf("width %d: line %q is %d wide", width, l, ansi.StringWidth(l))
				}
			}
			// Every title, cut or whole, reads from its start.
			titles := 0
			for _, l := range strings.Split(text, "\n") {
				at := strings.Index(l, title[:2])
				if at < 0 {
					continue
				}
				titles++
				if cut, _, ok := strings.Cut(l[at:], "…"); ok && !strings.HasPrefix(title, cut) || !ok && !strings.HasPrefix(l[at:], title) {
					t.Errorf("width %d: a title does not read from its start: %q", width, l)
				}
			}
			if titles != items {
				t.Errorf("width %d: %d titles for %d items:\n%s", width, titles, items, text)
			}
		}
		for _, kind := range []string{"(added)", "(removed)"} {
			if !strings.Contains(diff.String(), kind) {
				t.Errorf("width %d: the diff lost %s:\n%s", width, kind, diff.String())
			}
		}
		for _, l := range strings.Split(ansi.Strip(diff.String()), "\n") {
			if strings.HasPrefix(l, "+ feature pay ") && !strings.HasSuffix(l, "(added)") {
				t.Errorf("width %d: the title beside an id is not cut to its line: %q", width, l)
			}
		}
		if flat := strings.Join(strings.Fields(ansi.Strip(history.String())), " "); !strings.Contains(flat, subject) {
			t.Errorf("width %d: the subject lost words:\n%s", width, history.String())
		}
	}
	// In a pipe, titles are whole.
	var pipe strings.Builder
	if err := (Output{}).WriteDiffText(&pipe, d); err != nil {
		t.Fatal(err)
	}
	if err := (Output{}).WriteHistoryText(&pipe, h); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(pipe.String(), title); n != 3 {
		t.Errorf("in a pipe the title is whole %d times, want 3:\n%s", n, pipe.String())
	}
	// Where the author is cut, the subject keeps its room beside it.
	var history strings.Builder
	if err := (Output{Terminal: true, Width: 80}).WriteHistoryText(&history, h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(history.String(), "…  Plan pay-by-bank") {
		t.Errorf("a long author is not cut to leave the subject its line:\n%s", history.String())
	}
	// An author and subject that fit are not cut.
	h.Events[0].Commit = &roadmap.Commit{Short: "abc1234", Author: commit.Author, Date: "2026-11-24", Subject: "Fix"}
	history.Reset()
	if err := (Output{Terminal: true, Width: 80}).WriteHistoryText(&history, h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(history.String(), commit.Author+"  Fix\n") {
		t.Errorf("an author that fits beside a short subject is cut:\n%s", history.String())
	}
	// A longer one is cut only as far as the subject needs.
	author := "Maximiliana Alexandra von Hohenzollern-Sigmaringen-Wied"
	h.Events[0].Commit = &roadmap.Commit{Short: "abc1234", Author: author, Date: "2026-11-24", Subject: "Fix search"}
	history.Reset()
	if err := (Output{Terminal: true, Width: 80}).WriteHistoryText(&history, h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(history.String(), author[:46]+"…  Fix search\n") {
		t.Errorf("an author is cut further than the subject needs:\n%s", history.String())
	}
}

// TestHangingFirstLineUsesTheWidth: a wrapped value's first line may take
// the whole width; only the lines after it stand further in.
func TestHangingFirstLineUsesTheWidth(t *testing.T) {
	var b strings.Builder
	Output{Width: 20}.hanging(&b, "  ", "aaaa bbbb cccc dd eeee ffff gggg", nil)
	want := "  aaaa bbbb cccc dd\n      eeee ffff gggg\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	// A word that fits the first line's width but not the next lines' is cut
	// to theirs.
	b.Reset()
	Output{Width: 20}.hanging(&b, "  ", "aa bbbbbbbbbbbbbbbbb", nil)
	letters := ""
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if ansi.StringWidth(l) > 20 {
			t.Errorf("line %q is wider than 20", l)
		}
		letters += strings.TrimSpace(l)
	}
	if letters != "aabbbbbbbbbbbbbbbbb" {
		t.Errorf("the cut word lost letters: %q", b.String())
	}
}

// TestWrapEndsOnWideLettersInOneColumn: a terminal one column wide still
// gets every letter, two-column ones too, styled or not, and the wrapping
// ends.
func TestWrapEndsOnWideLettersInOneColumn(t *testing.T) {
	for in, want := range map[string]string{"检索 x": "检索x", "\x1b[1m世界世界\x1b[0m": "世界世界"} {
		done := make(chan []string, 1)
		go func() { done <- wrapWords(in, 1) }()
		select {
		case lines := <-done:
			if got := ansi.Strip(strings.Join(lines, "")); got != want {
				t.Errorf("%q: lines %q lost letters", in, lines)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%q: wrapping two-column letters into one column does not end", in)
		}
	}
}

// TestACommitThatMadeEveryChangeIsNamedOnce: under the heading when one
// commit (or the working tree) made every field's change of an item, under
// each field when commits differ or only one field changed; in text and md.
func TestACommitThatMadeEveryChangeIsNamedOnce(t *testing.T) {
	c1 := &roadmap.Commit{Hash: "1111111aaaa", Short: "1111111", Author: "Ana", Date: "2026-11-01", Subject: "Slip a"}
	c2 := &roadmap.Commit{Hash: "2222222bbbb", Short: "2222222", Author: "Raj", Date: "2026-11-02", Subject: "Start a"}
	status := roadmap.FieldChange{Field: "status", Old: "planned", New: "in-progress"}
	target := roadmap.FieldChange{Field: "target", Old: "2027-Q1", New: "2027-Q2"}
	with := func(f roadmap.FieldChange, c *roadmap.Commit, uncommitted bool) roadmap.FieldChange {
		f.Commit, f.Uncommitted = c, uncommitted
		return f
	}
	for _, tc := range []struct {
		name     string
		fields   []roadmap.FieldChange
		text, md string
	}{
		{"one commit made both", []roadmap.FieldChange{with(status, c1, false), with(target, c1, false)},
			"~ feature a  A\n    1111111 Ana, 2026-11-01: Slip a\n    status: planned → in-progress\n    target: 2027-Q1 → 2027-Q2\n",
			"- **changed** feature `a` A (1111111 Ana, 2026-11-01: Slip a)\n  - status: planned → in-progress\n  - target: 2027-Q1 → 2027-Q2\n"},
		{"two commits", []roadmap.FieldChange{with(status, c2, false), with(target, c1, false)},
			"~ feature a  A\n    status: planned → in-progress\n      2222222 Raj, 2026-11-02: Start a\n    target: 2027-Q1 → 2027-Q2\n      1111111 Ana, 2026-11-01: Slip a\n",
			"- **changed** feature `a` A\n  - status: planned → in-progress (2222222 Raj, 2026-11-02: Start a)\n  - target: 2027-Q1 → 2027-Q2 (1111111 Ana, 2026-11-01: Slip a)\n"},
		{"one field", []roadmap.FieldChange{with(target, c1, false)},
			"~ feature a  A\n    target: 2027-Q1 → 2027-Q2\n      1111111 Ana, 2026-11-01: Slip a\n",
			"- **changed** feature `a` A\n  - target: 2027-Q1 → 2027-Q2 (1111111 Ana, 2026-11-01: Slip a)\n"},
		{"a commit and the working tree", []roadmap.FieldChange{with(status, c1, true), with(target, c1, false)},
			"~ feature a  A\n    status: planned → in-progress\n      not committed yet\n    target: 2027-Q1 → 2027-Q2\n      1111111 Ana, 2026-11-01: Slip a\n",
			"- **changed** feature `a` A\n  - status: planned → in-progress (not committed yet)\n  - target: 2027-Q1 → 2027-Q2 (1111111 Ana, 2026-11-01: Slip a)\n"},
		{"the working tree made both", []roadmap.FieldChange{with(status, nil, true), with(target, nil, true)},
			"~ feature a  A\n    not committed yet\n    status: planned → in-progress\n    target: 2027-Q1 → 2027-Q2\n",
			"- **changed** feature `a` A (not committed yet)\n  - status: planned → in-progress\n  - target: 2027-Q1 → 2027-Q2\n"},
	} {
		d := DiffReport{From: "v1", To: "v2", Changes: []roadmap.Change{{Kind: roadmap.Changed, Item: "feature", ID: "a", Title: "A", Fields: tc.fields}}}
		var text, md strings.Builder
		if err := (Output{}).WriteDiffText(&text, d); err != nil {
			t.Fatal(err)
		}
		if err := WriteDiffMarkdown(&md, d); err != nil {
			t.Fatal(err)
		}
		if _, got, _ := strings.Cut(text.String(), "\n\n"); got != tc.text {
			t.Errorf("%s, text:\n%s\nwant:\n%s", tc.name, got, tc.text)
		}
		if _, got, _ := strings.Cut(md.String(), "v2.\n\n"); got != tc.md {
			t.Errorf("%s, md:\n%s\nwant:\n%s", tc.name, got, tc.md)
		}
	}
}

// TestDiffTextSaysWhatItCouldNotRead: with a side's file unread, no change
// found is not "No changes", and the text says which side and what that
// leaves out, as Markdown does.
func TestDiffTextSaysWhatItCouldNotRead(t *testing.T) {
	d := DiffReport{From: "HEAD~1", To: "HEAD", Unread: []UnreadSide{{Side: "HEAD~1", Files: []string{"a.yaml", "b.yaml", "c.yaml"}}}}
	var b strings.Builder
	if err := (Output{}).WriteDiffText(&b, d); err != nil {
		t.Fatal(err)
	}
	want := "No changes found from HEAD~1 to HEAD, in the files both sides could read\n" +
		"a.yaml, b.yaml and c.yaml at HEAD~1 were not read (they do not parse, or are links), so what the other side has in them is left out.\n"
	if b.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteDiffMarkdown(&b, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "### Roadmap: no changes found") || !strings.Contains(b.String(), "> **Warning:** a.yaml, b.yaml and c.yaml at HEAD\\~1 were not read") {
		t.Errorf("markdown:\n%s", b.String())
	}
}
