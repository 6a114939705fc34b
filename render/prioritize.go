package render

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/northwind-labs/roadmap/roadmap"
)

// The ranking of `roadmap prioritize` in every format. A terminal gets the
// ranking as a table with the cut line drawn across it, then what a meeting
// asks next: where the line fell, what could be parked, what has no score and
// why, and with --explain each score's arithmetic. Markdown carries the same
// in one table; CSV and JSON carry every field, the arithmetic included.

const (
	cutLabel = "cut line"
	dash     = "─"
	none     = "–"
)

// statuses joins statuses for a heading: "idea, planned, parked".
func statuses(ss []roadmap.Status) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return strings.Join(out, ", ")
}

func rankingHeading(r *roadmap.Ranking) string {
	return fmt.Sprintf("Ranked by %s: %s", r.Model, r.Method)
}

// candidatesSentence says what was ranked: "Candidates: 20 features with
// status idea, planned or parked; 18 scored."
func candidatesSentence(ss []roadmap.Status, n, scored int) string {
	st := statuses(ss)
	if i := strings.LastIndex(st, ", "); i >= 0 {
		st = st[:i] + " or " + st[i+2:]
	}
	s := fmt.Sprintf("Candidates: %s with status %s", plural(n, "feature"), st)
	if scored < n {
		s += fmt.Sprintf("; %d scored", scored)
	}
	return s + "."
}

// committedSentence says what of a period's capacity the work already
// committed to it takes, or "" when it takes none.
func committedSentence(c *roadmap.CutLine) string {
	if len(c.Committed) == 0 {
		return ""
	}
	var planned, inProgress bool
	for _, m := range c.Committed {
		planned = planned || m.Feature.Status == roadmap.StatusPlanned
		inProgress = inProgress || m.Feature.Status == roadmap.StatusInProgress
	}
	work := "in-progress"
	switch {
	case planned && inProgress:
		work = "planned and in-progress"
	case planned:
		work = "planned"
	}
	capacity := roadmap.Num(c.Capacity) + " for " + c.Period
	takes := roadmap.Num(c.CommittedEffort) + " (" + roadmap.ListEfforts(c.Committed) + ")"
	switch left := c.Left(); {
	case left < 0:
		return fmt.Sprintf("Capacity: %s, which %s work targeted there already overruns: it takes %s; none is left for the ranking.", capacity, work, takes)
	case left == 0:
		return fmt.Sprintf("Capacity: %s, of which %s work targeted there takes %s; none is left for the ranking.", capacity, work, takes)
	default:
		return fmt.Sprintf("Capacity: %s, of which %s work targeted there takes %s; the ranking fills the %s left.", capacity, work, takes, roadmap.Num(left))
	}
}

// cutSentence says where the cut line fell.
func cutSentence(r *roadmap.Ranking) string {
	c := r.Cut
	avail := "the capacity of " + roadmap.Num(c.Capacity)
	if c.Period != "" {
		avail += " for " + c.Period
	}
	if len(c.Committed) > 0 {
		avail = "the " + roadmap.Num(max(c.Left(), 0)) + " left for " + c.Period
	}
	switch {
	case c.Above == 0 && c.Left() <= 0 && len(c.Committed) > 0:
		return fmt.Sprintf("Cut line: above every feature, as work already targeted at %s takes all its capacity.", c.Period)
	case r.Scored == 0:
		return fmt.Sprintf("Cut line: no feature is scored to fill %s.", avail)
	case c.Above == 0:
		return fmt.Sprintf("Cut line: above every feature; %s at rank 1 alone needs %s of %s.",
			r.Entries[0].Feature.ID, roadmap.Num(r.Entries[0].Cumulative), avail)
	case c.Above == 1 && r.Scored == 1:
		return fmt.Sprintf("Cut line: the one scored feature fits, using %s of %s.", roadmap.Num(c.Used), avail)
	case c.Above == r.Scored:
		return fmt.Sprintf("Cut line: all %d scored features fit, using %s of %s.", c.Above, roadmap.Num(c.Used), avail)
	}
	top := fmt.Sprintf("the top %d features use", c.Above)
	if c.Above == 1 {
		top = "the top feature uses"
	}
	return fmt.Sprintf("Cut line: %s %s of %s; %s at rank %d would take it to %s.",
		top, roadmap.Num(c.Used), avail,
		r.Entries[c.Above].Feature.ID, c.Above+1, roadmap.Num(r.Entries[c.Above].Cumulative))
}

// parkSentence lists the parking candidates, or "" when there are none.
func parkSentence(r *roadmap.Ranking) string {
	if r.ParkBelow == nil {
		return ""
	}
	var ids []string
	for _, e := range r.Entries[:r.Scored] {
		if e.Park {
			ids = append(ids, e.Feature.ID)
		}
	}
	if len(ids) == 0 {
		return fmt.Sprintf("Parking candidates (score under %s): none.", roadmap.Num(*r.ParkBelow))
	}
	return fmt.Sprintf("Parking candidates (score under %s): %s.", roadmap.Num(*r.ParkBelow), strings.Join(ids, ", "))
}

// rankingTable is the ranking people read: one scored feature a row, and the
// cut line as a row of its own (its label in the title column, so a title
// column with room keeps it whole; drawn once the table is fitted). It
// returns the index of that row, or -1.
func rankingTable(r *roadmap.Ranking) (Table, int) {
	cutColor := func(v string) color.Color {
		if strings.HasPrefix(v, dash) || strings.HasPrefix(v, cutLabel) {
			return red
		}
		return nil
	}
	// The columns before the title are never hidden: it stays rankingTitle.
	cols := []Column{
		{Name: "#", Right: true, Color: cutColor},
		{Name: "id", Color: cutColor},
		{Name: "title", Flex: true, Color: cutColor},
		{Name: "status", Optional: true, Color: func(v string) color.Color {
			if c := cutColor(v); c != nil {
				return c
			}
			return statusColor(v)
		}},
		{Name: "score", Right: true, Color: cutColor},
		{Name: r.EffortKey, Right: true, Color: cutColor},
	}
	if r.Cut != nil {
		cols = append(cols, Column{Name: "Σ " + r.EffortKey, Short: "Σ", Right: true, Color: cutColor})
	}
	notes := slices.ContainsFunc(r.Entries[:r.Scored], func(e roadmap.Entry) bool { return noteCell(e) != "" })
	if notes {
		cols = append(cols, Column{Name: "note", Optional: true, Color: func(v string) color.Color {
			if c := cutColor(v); c != nil {
				return c
			}
			if strings.HasPrefix(v, "park") {
				return yellow
			}
			return nil
		}})
	}
	t := Table{Columns: cols}
	cutRow := -1
	addCut := func() {
		cutRow = len(t.Rows)
		row := make([]string, len(cols))
		row[rankingTitle] = cutRowLabel(r) + " " + dash
		t.Rows = append(t.Rows, row)
	}
	for i, e := range r.Entries[:r.Scored] {
		if r.Cut != nil && i == r.Cut.Above {
			addCut()
		}
		row := []string{strconv.Itoa(e.Rank), e.Feature.ID, oneLine(e.Feature.Title), string(e.Feature.Status), roadmap.Num(e.Score.Value), effortCell(e)}
		if r.Cut != nil {
			row = append(row, roadmap.Num(e.Cumulative))
		}
		if notes {
			row = append(row, noteCell(e))
		}
		t.Rows = append(t.Rows, row)
	}
	if r.Cut != nil && r.Cut.Above == r.Scored && r.Scored > 0 {
		addCut()
	}
	return t, cutRow
}

func effortCell(e roadmap.Entry) string {
	if !e.HasEffort {
		return none
	}
	return roadmap.Num(e.Effort)
}

// noteCell is the short note of a table row; Markdown, CSV and JSON spell it out.
func noteCell(e roadmap.Entry) string {
	var parts []string
	if e.Park {
		parts = append(parts, "park?")
	}
	if e.Note != "" {
		parts = append(parts, "not counted")
	}
	return strings.Join(parts, ", ")
}

// rankingTitle is the title column of a ranking's table, where the cut line
// names itself.
const rankingTitle = 2

// drawCut fills row cut of a fitted table with a line across every column,
// labelled in the title column.
func drawCut(t Table, cut int, label string) {
	if cut < 0 {
		return
	}
	for i, c := range t.Columns {
		w := cellWidth(c.Name)
		for _, r := range t.Rows {
			w = max(w, cellWidth(r[i]))
		}
		cell := strings.Repeat(dash, w)
		if i == rankingTitle {
			// The longest label that leaves a dash in a column this
			// wide; none in a column cut narrower than "cut ─".
			for _, l := range []string{label, cutLabel, "cut"} {
				if n := ansi.StringWidth(l); n+2 <= w {
					cell = l + " " + strings.Repeat(dash, w-n-1)
					break
				}
			}
		}
		t.Rows[cut][i] = cell
	}
}

// cellWidth is the width of a cell on a terminal; ASCII text, most cells,
// skips the grapheme segmentation that costs a 10,000-row table milliseconds.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

func cutRowLabel(r *roadmap.Ranking) string {
	return cutLabel + " at " + cutAt(r.Cut)
}

// cutAt is where a cut line falls: "16 (2027-Q1)", or "11 of 16 (2027-Q1)"
// when committed work takes some of the period's capacity.
func cutAt(c *roadmap.CutLine) string {
	l := roadmap.Num(c.Capacity)
	if len(c.Committed) > 0 {
		l = roadmap.Num(max(c.Left(), 0)) + " of " + l
	}
	if c.Period != "" {
		l += " (" + c.Period + ")"
	}
	return l
}

// lineWriters returns how text around a table is written: line writes a row
// of a list, cut with an ellipsis at the terminal's width like a table cell;
// prose wraps a sentence at spaces (ids have hyphens: no breaking there),
// in bold for a heading.
func (o Output) lineWriters(b *strings.Builder) (line func(string), prose func(string, bool)) {
	line = func(s string) { b.WriteString(fit(s, o.Width) + "\n") }
	prose = func(s string, heading bool) {
		for _, l := range wrap(s, o.Width) {
			if heading {
				l = o.bold(l)
			}
			b.WriteString(l + "\n")
		}
	}
	return line, prose
}

// writeTableTo writes t as WriteTable does; plain text loses the spaces that
// pad an empty last cell, so that no line ends in blanks.
func (o Output) writeTableTo(b *strings.Builder, t Table) error {
	if o.Styled {
		return o.WriteTable(b, t)
	}
	var tb strings.Builder
	if err := o.WriteTable(&tb, t); err != nil {
		return err
	}
	for _, l := range strings.SplitAfter(tb.String(), "\n") {
		if l != "" {
			b.WriteString(strings.TrimRight(l, " \n") + "\n")
		}
	}
	return nil
}

// WriteRanking writes a ranking for people: a heading, the table with the cut
// line, where the line fell, the parking candidates, the unscored features
// with what each lacks and, with explain, the arithmetic of every score.
func (o Output) WriteRanking(w io.Writer, r *roadmap.Ranking, explain bool) error {
	var b strings.Builder
	line, prose := o.lineWriters(&b)
	prose(rankingHeading(r), true)
	prose(candidatesSentence(r.Statuses, len(r.Entries), r.Scored), false)
	if r.Scored > 0 {
		t, cut := rankingTable(r)
		t = o.layout(t) // the cut line is drawn to the widths WriteTable keeps
		switch {
		case r.Cut != nil && t.stacked:
			t.dividers = map[int]string{cut: cutRowLabel(r)}
		case r.Cut != nil:
			drawCut(t, cut, cutRowLabel(r))
		}
		if err := o.writeTableTo(&b, t); err != nil {
			return err
		}
	}
	if r.Cut != nil {
		if s := committedSentence(r.Cut); s != "" {
			prose(s, false)
		}
		prose(cutSentence(r), false)
	}
	if s := parkSentence(r); s != "" {
		prose(s, false)
	}
	if n := len(r.Entries) - r.Scored; n > 0 {
		line("")
		prose(fmt.Sprintf("Unscored: %s, listed after the ranking:", plural(n, "feature")), true)
		unscored := r.Entries[r.Scored:]
		width := 0
		for _, e := range unscored {
			width = max(width, ansi.StringWidth(e.Feature.ID))
		}
		for _, e := range unscored {
			line(fmt.Sprintf("  %-*s  %s", width, e.Feature.ID, oneLine(e.Score.Reason())))
		}
	}
	if explain && r.Scored > 0 {
		line("")
		prose("Arithmetic:", true)
		width, rw := 0, len(strconv.Itoa(r.Scored))
		for _, e := range r.Entries[:r.Scored] {
			width = max(width, ansi.StringWidth(e.Feature.ID))
		}
		lines := make([]string, r.Scored)
		fits := true
		for i, e := range r.Entries[:r.Scored] {
			lines[i] = fmt.Sprintf("  %*d  %-*s  %s", rw, e.Rank, width, e.Feature.ID, e.Score.Explain)
			fits = fits && (o.Width <= 0 || ansi.StringWidth(lines[i]) <= o.Width)
		}
		for i, e := range r.Entries[:r.Scored] {
			if fits {
				line(lines[i])
				continue
			}
			// Too narrow for one line each: the arithmetic, which --explain
			// is asked for, wraps under every feature, so the list reads
			// one way, rather than being cut.
			line(fmt.Sprintf("  %*d  %s", rw, e.Rank, e.Feature.ID))
			for _, w := range wrap(e.Score.Explain, o.Width-6) {
				b.WriteString("      " + w + "\n")
			}
		}
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

// WriteRankingMarkdown writes a ranking as a Markdown paragraph and table,
// the cut line a bold row, the unscored features last with their reasons.
func WriteRankingMarkdown(w io.Writer, r *roadmap.Ranking, explain bool) error {
	var b strings.Builder
	b.WriteString("**" + MarkdownText(rankingHeading(r)) + "**  \n" + MarkdownText(candidatesSentence(r.Statuses, len(r.Entries), r.Scored)) + "\n\n")
	header := []string{"rank", "id", "title", "status", "score", r.EffortKey}
	right := []bool{true, false, false, false, true, true}
	if r.Cut != nil {
		header, right = append(header, "Σ "+r.EffortKey), append(right, true)
	}
	header, right = append(header, "note"), append(right, false)
	if explain {
		header, right = append(header, "arithmetic"), append(right, false)
	}
	mdRow := func(cells []string, raw bool) {
		b.WriteString("|")
		for _, c := range cells {
			if !raw {
				c = mdCell(c)
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	mdRow(header, false)
	b.WriteString("|")
	for _, r := range right {
		if r {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	cutRow := func() {
		cells := make([]string, len(header))
		cells[2] = "**" + mdCell(cutRowLabel(r)) + "**"
		mdRow(cells, true)
	}
	for i, e := range r.Entries {
		if r.Cut != nil && i == r.Cut.Above && r.Scored > 0 {
			cutRow() // before the first feature below the line, or the first unscored
		}
		rank, score := none, none
		if e.Rank > 0 {
			rank, score = strconv.Itoa(e.Rank), roadmap.Num(e.Score.Value)
		}
		cells := []string{rank, e.Feature.ID, e.Feature.Title, string(e.Feature.Status), score, effortCell(e)}
		if r.Cut != nil {
			cum := ""
			if e.Score.Scored() {
				cum = roadmap.Num(e.Cumulative)
			}
			cells = append(cells, cum)
		}
		cells = append(cells, longNote(e))
		if explain {
			cells = append(cells, e.Score.Explain)
		}
		mdRow(cells, false)
	}
	if r.Cut != nil && r.Cut.Above == len(r.Entries) && r.Scored > 0 {
		cutRow() // everything fits: the line ends the table
	}
	var foot []string
	if r.Cut != nil {
		if s := committedSentence(r.Cut); s != "" {
			foot = append(foot, s)
		}
		foot = append(foot, cutSentence(r))
	}
	if s := parkSentence(r); s != "" {
		foot = append(foot, s)
	}
	if len(foot) > 0 {
		b.WriteString("\n" + MarkdownText(strings.Join(foot, " ")) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// longNote is everything a row has to say: parking, an effort the cut line
// did not count, why a feature is unscored.
func longNote(e roadmap.Entry) string {
	var parts []string
	if e.Park {
		parts = append(parts, "parking candidate")
	}
	if e.Note != "" {
		parts = append(parts, e.Note)
	}
	if !e.Score.Scored() {
		parts = append(parts, "unscored: "+e.Score.Reason())
	}
	return strings.Join(parts, "; ")
}

// side names the side of the cut line a feature falls on.
func side(above bool) string {
	if above {
		return "above"
	}
	return "below"
}

// machineNum writes a number for CSV: rounded to a millionth, so that sums
// of fractions read 16, not 16.000000000000004.
func machineNum(v float64) string {
	return strconv.FormatFloat(round6(v), 'f', -1, 64)
}

func round6(v float64) float64 {
	if math.Abs(v) > 1e12 {
		return v
	}
	return math.Round(v*1e6) / 1e6
}

// WriteRankingCSV writes a ranking for spreadsheets: every entry with every
// field, the arithmetic included, each cell safe from formula injection.
func WriteRankingCSV(w io.Writer, r *roadmap.Ranking) error {
	t := Table{}
	for _, c := range []string{"rank", "id", "title", "status", "target", "score", "explain", "effort", "cumulative_effort", "cut", "park_candidate", "missing", "problem", "note"} {
		t.Columns = append(t.Columns, Column{Name: c})
	}
	for _, e := range r.Entries {
		var rank, score, effort, cum, cut string
		if e.Score.Scored() {
			rank, score, cum = strconv.Itoa(e.Rank), machineNum(e.Score.Value), machineNum(e.Cumulative)
			if r.Cut != nil {
				cut = side(e.AboveCut)
			}
		}
		if e.HasEffort {
			effort = machineNum(e.Effort)
		}
		t.Rows = append(t.Rows, []string{
			rank, e.Feature.ID, e.Feature.Title, string(e.Feature.Status), e.Feature.Target.String(),
			score, e.Score.Explain, effort, cum, cut, strconv.FormatBool(e.Park),
			strings.Join(e.Score.Missing, ";"), e.Score.Problem, e.Note,
		})
	}
	return WriteCSV(w, t)
}

type jsonCut struct {
	Period   string  `json:"period,omitempty"`
	Capacity float64 `json:"capacity"`
	// Committed is the work outside the ranking already taking the period's
	// capacity; Left what it leaves for the ranking.
	Committed       []jsonCommitment `json:"committed,omitempty"`
	CommittedEffort float64          `json:"committed_effort"`
	Left            float64          `json:"left"`
	Used            float64          `json:"used"`
	Above           int              `json:"above"`
}

type jsonCommitment struct {
	ID     string  `json:"id"`
	Status string  `json:"status"`
	Target string  `json:"target"`
	Effort float64 `json:"effort"`
}

type jsonEntry struct {
	Rank             *int     `json:"rank"`
	ID               string   `json:"id"`
	Title            string   `json:"title"`
	Status           string   `json:"status"`
	Target           string   `json:"target,omitempty"`
	Score            *float64 `json:"score"`
	Explain          string   `json:"explain,omitempty"`
	Effort           *float64 `json:"effort"`
	CumulativeEffort *float64 `json:"cumulative_effort,omitempty"`
	AboveCut         *bool    `json:"above_cut,omitempty"`
	ParkCandidate    bool     `json:"park_candidate"`
	Missing          []string `json:"missing,omitempty"`
	Problem          string   `json:"problem,omitempty"`
	Note             string   `json:"note,omitempty"`
}

func ptr[T any](v T) *T { return &v }

// finite guards JSON, which has no NaN or infinity: the domain never scores
// one, and a number that slipped through reads null rather than breaking
// the document.
func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return ptr(round6(v))
}

func jsonEntryOf(r *roadmap.Ranking, e roadmap.Entry) jsonEntry {
	j := jsonEntry{
		ID: e.Feature.ID, Title: e.Feature.Title, Status: string(e.Feature.Status), Target: e.Feature.Target.String(),
		Explain: e.Score.Explain, ParkCandidate: e.Park, Missing: e.Score.Missing, Problem: e.Score.Problem, Note: e.Note,
	}
	if e.HasEffort {
		j.Effort = finite(e.Effort)
	}
	if e.Score.Scored() {
		j.Rank, j.Score, j.CumulativeEffort = ptr(e.Rank), finite(e.Score.Value), finite(e.Cumulative)
		if r.Cut != nil {
			j.AboveCut = ptr(e.AboveCut)
		}
	}
	return j
}

func jsonCutOf(r *roadmap.Ranking) *jsonCut {
	if r.Cut == nil {
		return nil
	}
	c := r.Cut
	j := &jsonCut{Period: c.Period, Capacity: round6(c.Capacity), CommittedEffort: round6(c.CommittedEffort),
		Left: round6(max(c.Left(), 0)), Used: round6(c.Used), Above: c.Above}
	for _, m := range c.Committed {
		j.Committed = append(j.Committed, jsonCommitment{ID: m.Feature.ID, Status: string(m.Feature.Status), Target: m.Feature.Target.String(), Effort: round6(m.Effort)})
	}
	return j
}

func orEmpty(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// WriteRankingJSON writes a ranking as a JSON document of kind "ranking".
func WriteRankingJSON(w io.Writer, r *roadmap.Ranking) error {
	entries := make([]jsonEntry, 0, len(r.Entries))
	for _, e := range r.Entries {
		entries = append(entries, jsonEntryOf(r, e))
	}
	var park *float64
	if r.ParkBelow != nil {
		park = finite(*r.ParkBelow)
	}
	st := make([]string, len(r.Statuses))
	for i, s := range r.Statuses {
		st[i] = string(s)
	}
	return WriteJSON(w, "ranking", "features", entries,
		Field{"model", r.Model},
		Field{"method", r.Method},
		Field{"effort_key", r.EffortKey},
		Field{"statuses", st},
		Field{"cut_line", jsonCutOf(r)},
		Field{"park_below", park},
		Field{"warnings", orEmpty(r.Warnings)},
	)
}

// compareCell is a feature's rank under one model: "3", "(7)" below the cut
// line, "–" unscored.
func compareCell(r *roadmap.Ranking, e *roadmap.Entry) string {
	switch {
	case e.Rank == 0:
		return none
	case r.Cut != nil && !e.AboveCut:
		return "(" + strconv.Itoa(e.Rank) + ")"
	}
	return strconv.Itoa(e.Rank)
}

func spreadCell(row roadmap.ComparisonRow) string {
	if row.Spread < 0 {
		return none
	}
	return strconv.Itoa(row.Spread)
}

func comparisonTable(c *roadmap.Comparison) Table {
	t := Table{Columns: []Column{{Name: "id"}, {Name: "title", Flex: true}, {Name: "status", Optional: true, Color: statusColor}}}
	for _, m := range c.Models {
		t.Columns = append(t.Columns, Column{Name: string(m), Right: true})
	}
	t.Columns = append(t.Columns, Column{Name: "spread", Right: true})
	for _, row := range c.Rows {
		cells := []string{row.Feature.ID, oneLine(row.Feature.Title), string(row.Feature.Status)}
		for i, p := range row.Places {
			cells = append(cells, compareCell(c.Rankings[i], p))
		}
		t.Rows = append(t.Rows, append(cells, spreadCell(row)))
	}
	return t
}

func comparisonHeading(c *roadmap.Comparison) string {
	models := make([]string, len(c.Models))
	for i, m := range c.Models {
		models[i] = string(m)
	}
	return "Ranks under " + strings.Join(models, ", ")
}

// comparisonLegend says what was ranked and how to read the brackets.
func comparisonLegend(c *roadmap.Comparison) string {
	r := c.Rankings[0]
	s := candidatesSentence(r.Statuses, len(r.Entries), len(r.Entries))
	if r.Cut == nil {
		return s
	}
	// Models that add up different efforts (wsjf: job_size) can find a
	// different amount of the period already committed.
	var at, committed []string
	same := true
	for _, rk := range c.Rankings {
		at = append(at, cutAt(rk.Cut)+" under "+string(rk.Model))
		committed = append(committed, committedSentence(rk.Cut))
		same = same && cutAt(rk.Cut) == cutAt(r.Cut) && committed[len(committed)-1] == committed[0]
	}
	if same {
		s += " A rank in brackets falls below the cut line at " + cutAt(r.Cut) + "."
		if committed[0] != "" {
			s += " " + committed[0]
		}
		return s
	}
	s += " A rank in brackets falls below the cut line: at " + strings.Join(at, ", at ") + "."
	for i, cs := range committed {
		if cs != "" {
			s += " Under " + string(c.Rankings[i].Model) + ", " + strings.ToLower(cs[:1]) + cs[1:]
		}
	}
	return s
}

// comparisonFoot is each model's arithmetic and how many it leaves unscored.
func comparisonFoot(c *roadmap.Comparison) []string {
	var out []string
	for _, r := range c.Rankings {
		s := fmt.Sprintf("%s: %s", r.Model, r.Method)
		if n := len(r.Entries) - r.Scored; n > 0 {
			s += fmt.Sprintf(" (%d unscored: see roadmap prioritize --model %s)", n, r.Model)
		}
		out = append(out, s)
	}
	out = append(out, "spread: the highest rank less the lowest, over the models that score the feature.")
	return out
}

// WriteComparison writes the ranks of several models side by side for people.
func (o Output) WriteComparison(w io.Writer, c *roadmap.Comparison) error {
	var b strings.Builder
	_, prose := o.lineWriters(&b)
	prose(comparisonHeading(c), true)
	prose(comparisonLegend(c), false)
	if err := o.writeTableTo(&b, comparisonTable(c)); err != nil {
		return err
	}
	for _, s := range comparisonFoot(c) {
		prose(s, false)
	}
	_, err := io.WriteString(o.writer(w), b.String())
	return err
}

// WriteComparisonMarkdown writes the comparison as a Markdown table.
func WriteComparisonMarkdown(w io.Writer, c *roadmap.Comparison) error {
	var b strings.Builder
	b.WriteString("**" + MarkdownText(comparisonHeading(c)) + "**  \n" + MarkdownText(comparisonLegend(c)) + "\n\n")
	if err := WriteMarkdownTable(&b, comparisonTable(c)); err != nil {
		return err
	}
	b.WriteString("\n")
	for _, s := range comparisonFoot(c) {
		b.WriteString("- " + MarkdownText(s) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteComparisonCSV writes the comparison for spreadsheets: per model the
// rank, the score and, with a capacity, the side of the cut line.
func WriteComparisonCSV(w io.Writer, c *roadmap.Comparison) error {
	t := Table{Columns: []Column{{Name: "id"}, {Name: "title"}, {Name: "status"}}}
	cut := c.Rankings[0].Cut != nil
	for _, m := range c.Models {
		t.Columns = append(t.Columns, Column{Name: string(m) + "_rank"}, Column{Name: string(m) + "_score"})
		if cut {
			t.Columns = append(t.Columns, Column{Name: string(m) + "_cut"})
		}
	}
	t.Columns = append(t.Columns, Column{Name: "spread"})
	for _, row := range c.Rows {
		cells := []string{row.Feature.ID, row.Feature.Title, string(row.Feature.Status)}
		for _, p := range row.Places {
			var rank, score, where string
			if p.Rank > 0 {
				rank, score = strconv.Itoa(p.Rank), machineNum(p.Score.Value)
				where = side(p.AboveCut)
			}
			cells = append(cells, rank, score)
			if cut {
				cells = append(cells, where)
			}
		}
		spread := ""
		if row.Spread >= 0 {
			spread = strconv.Itoa(row.Spread)
		}
		t.Rows = append(t.Rows, append(cells, spread))
	}
	return WriteCSV(w, t)
}

type jsonPlace struct {
	Model    roadmap.ModelName `json:"model"`
	Rank     *int              `json:"rank"`
	Score    *float64          `json:"score"`
	AboveCut *bool             `json:"above_cut,omitempty"`
	Missing  []string          `json:"missing,omitempty"`
	Problem  string            `json:"problem,omitempty"`
}

type jsonRow struct {
	ID     string      `json:"id"`
	Title  string      `json:"title"`
	Status string      `json:"status"`
	Ranks  []jsonPlace `json:"ranks"`
	Spread *int        `json:"spread"`
}

type jsonModel struct {
	Model     roadmap.ModelName `json:"model"`
	Method    string            `json:"method"`
	EffortKey string            `json:"effort_key"`
	CutLine   *jsonCut          `json:"cut_line"`
}

// WriteComparisonJSON writes the comparison as a JSON document of kind
// "comparison".
func WriteComparisonJSON(w io.Writer, c *roadmap.Comparison) error {
	models := make([]jsonModel, len(c.Rankings))
	for i, r := range c.Rankings {
		models[i] = jsonModel{r.Model, r.Method, r.EffortKey, jsonCutOf(r)}
	}
	rows := make([]jsonRow, 0, len(c.Rows))
	for _, row := range c.Rows {
		j := jsonRow{ID: row.Feature.ID, Title: row.Feature.Title, Status: string(row.Feature.Status), Ranks: []jsonPlace{}}
		if row.Spread >= 0 {
			j.Spread = ptr(row.Spread)
		}
		for i, p := range row.Places {
			jp := jsonPlace{Model: c.Models[i], Missing: p.Score.Missing, Problem: p.Score.Problem}
			if p.Rank > 0 {
				jp.Rank, jp.Score = ptr(p.Rank), finite(p.Score.Value)
				if c.Rankings[i].Cut != nil {
					jp.AboveCut = ptr(p.AboveCut)
				}
			}
			j.Ranks = append(j.Ranks, jp)
		}
		rows = append(rows, j)
	}
	return WriteJSON(w, "comparison", "features", rows,
		Field{"models", models},
		Field{"warnings", orEmpty(c.Warnings)},
	)
}
