package main

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/render/golden"
)

// TestNarrowTerminalsFit: on a terminal of any width from 30 columns up, no
// line of a command's tables runs past its edge, styled or not: a table too
// wide for its columns is written as a block a row.
func TestNarrowTerminalsFit(t *testing.T) {
	commands := [][]string{
		{"list", "--dir", exampleDir},
		{"list", "campaigns", "--dir", exampleDir},
		{"prioritize", "--dir", exampleDir, "--period", "2027-Q1"},
		{"prioritize", "--dir", exampleDir, "--compare", "rice,wsjf"},
		{"launches", "--dir", exampleDir, "--today", "2026-11-24"},
		{"rules"},
		{"report", "--dir", exampleDir, "--today", "2027-01-04"},
	}
	for width := 30; width <= 100; width++ {
		for _, args := range commands {
			for _, env := range []map[string]string{nil, {"NO_COLOR": "1"}} {
				r := session{terminal: true, width: width, env: env}.run(t, args...)
				r.expect(t, 0)
				for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
					if w := visibleWidth(line); w > width {
						t.Errorf("%v at %d columns (env %v): line of %d: %q", args, width, env, w, line)
					}
				}
			}
		}
	}
}

// TestNarrowRankingStacks: at 48 columns the ranking is a block a feature,
// every title whole, and the cut line a line of its own between the last
// feature that fits and the first that does not.
func TestNarrowRankingStacks(t *testing.T) {
	r := session{terminal: true, width: 48, env: map[string]string{"NO_COLOR": "1"}}.run(t, "prioritize", "--dir", exampleDir, "--period", "2027-Q1")
	r.expect(t, 0)
	golden.Assert(t, "prioritize/northwind-48-columns.table", []byte(r.stdout))
	ranked := pipe.run(t, "prioritize", "--dir", exampleDir, "--period", "2027-Q1", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(ranked.stdout)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatal(err, ranked.stdout)
	}
	cutAt := strings.Index(r.stdout, "\n─ cut line at 8 of 16 (2027-Q1) ")
	if cutAt < 0 {
		t.Fatalf("no cut line:\n%s", r.stdout)
	}
	// Every scored feature heads a block with its title whole, in rank
	// order, on the side of the cut line the CSV puts it.
	pos, above, below := 0, 0, 0
	for _, row := range rows[1:] {
		rank, id, title, cut := row[0], row[1], row[2], row[9]
		if rank == "" {
			continue // unscored
		}
		head := fmt.Sprintf("\n%2s  %s\n", rank, id)
		at := strings.Index(r.stdout[pos:], head)
		if at < 0 {
			t.Errorf("rank %s, %s, not found in order:\n%s", rank, id, r.stdout)
			continue
		}
		pos += at + 1
		// The title follows, wrapped at spaces, before the status.
		rest := r.stdout[pos+len(head)-1:]
		if got, _, _ := strings.Cut(rest, "    status "); strings.Join(strings.Fields(got), " ") != title {
			t.Errorf("rank %s: title %q, want %q", rank, got, title)
		}
		switch {
		case cut == "above" && pos < cutAt:
			above++
		case cut == "below" && pos > cutAt:
			below++
		default:
			t.Errorf("rank %s, %s (%s the cut) is on the wrong side of the cut line", rank, id, cut)
		}
	}
	if above == 0 || below == 0 {
		t.Errorf("%d above the cut line and %d below, want some of each", above, below)
	}
}
