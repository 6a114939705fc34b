package roadmap

import (
	"fmt"
	"strings"
)

// suggestion returns `; did you mean "x"?` for the candidate nearest to s by
// edit distance, or "" when none is near enough to be a likely typo.
func suggestion(s string, candidates []string) string {
	if best := nearest(s, candidates); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// nearest returns the candidate closest to s, if it is within a third of s's
// length (at least 1, at most 3 edits), preferring the first of equals.
func nearest(s string, candidates []string) string {
	if len(s) > 100 {
		return ""
	}
	// A short form of a candidate ("warn" for "warning") is a likely slip too.
	if len(s) >= 3 {
		for _, c := range candidates {
			if c != s && strings.HasPrefix(strings.ToLower(c), strings.ToLower(s)) {
				return c
			}
		}
	}
	limit := min(max(len(s)/3, 1), 3)
	best, bestDist := "", limit+1
	lower := strings.ToLower(s)
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := editDistance(lower, strings.ToLower(c), bestDist)
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours ("modle" for
// "model") each cost 1. It returns limit once the distance is known to be at
// least limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	before := make([]int, len(rb)+1) // row i-2
	prev := make([]int, len(rb)+1)   // row i-1
	cur := make([]int, len(rb)+1)    // row i
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		before, prev, cur = prev, cur, before
	}
	return min(prev[len(rb)], limit)
}

// Suggestion returns `; did you mean "x"?` for the candidate nearest to s, or
// "" when none is near; for commands that check names given on the command line.
func Suggestion(s string, candidates []string) string { return suggestion(s, candidates) }
