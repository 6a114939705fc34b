package roadmap_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// scoringSettings holds every model's settings, so that one roadmap can be
// scored under each.
const scoringSettings = `product: Acme
scoring:
  model: rice
  formula: reach * impact / effort
  criteria:
    - {id: revenue, weight: 3}
    - {id: strategic-fit, weight: 2}
    - {id: effort, weight: 2, cost: true}
  capacity:
    2027-Q1: 6
    2027-Q2: 10
  park_below: 100
`

// feature writes one feature with the given scores, in flow style.
func scoredFeature(id, status, scores string) string {
	return fmt.Sprintf("  - {id: %s, title: %s, status: %s, scores: {%s}}\n", id, strings.ToUpper(id[:1])+id[1:], status, scores)
}

func scoringRoadmap(t *testing.T, settings string, features ...string) *roadmap.Roadmap {
	t.Helper()
	return load(t, map[string]string{
		"roadmap.yaml":  settings,
		"features.yaml": "features:\n" + strings.Join(features, ""),
	})
}

func rank(t *testing.T, r *roadmap.Roadmap, opts roadmap.PrioritizeOptions) *roadmap.Ranking {
	t.Helper()
	rk, err := r.Prioritize(opts)
	if err != nil {
		t.Fatal(err)
	}
	return rk
}

// TestScoreArithmetic checks every model against values computed by hand.
func TestScoreArithmetic(t *testing.T) {
	tests := []struct {
		name, model, scores string
		value               float64
		explain             string
	}{
		{"rice", "rice", "reach: 2000, impact: 2, confidence: 80, effort: 4", 800, "2000 × 2 × 80% ÷ 4 = 800"},
		// 1000 × 0.25 × 1.0 ÷ 0.5 = 500
		{"rice impact 0.25", "rice", "reach: 1000, impact: 0.25, confidence: 100, effort: 0.5", 500, "1000 × 0.25 × 100% ÷ 0.5 = 500"},
		// 3000 × 0.5 × 0.5 ÷ 1.5 = 500
		{"rice impact 0.5", "rice", "reach: 3000, impact: 0.5, confidence: 50, effort: 1.5", 500, "3000 × 0.5 × 50% ÷ 1.5 = 500"},
		// 150 × 0.5 × 0.3 ÷ 4 = 5.625, shown with two decimals
		{"rice fraction", "rice", "reach: 150, impact: 0.5, confidence: 30, effort: 4", 5.625, "150 × 0.5 × 30% ÷ 4 = 5.63"},
		{"ice", "ice", "impact: 8, confidence: 7, ease: 6", 336, "8 × 7 × 6 = 336"},
		// (8 + 5 + 3) ÷ 5 = 3.2
		{"wsjf", "wsjf", "value: 8, time_criticality: 5, risk_reduction: 3, job_size: 5", 3.2, "(8 + 5 + 3) ÷ 5 = 3.2"},
		// 3×5 + 2×3 − 2×4 = 13
		{"weighted", "weighted", "revenue: 5, strategic-fit: 3, effort: 4", 13, "3×5 + 2×3 − 2×4 = 13"},
		// costs can take a score below zero: 3×0 + 2×1 − 2×3 = −4
		{"weighted negative", "weighted", "revenue: 0, strategic-fit: 1, effort: 3", -4, "3×0 + 2×1 − 2×3 = -4"},
		{"formula", "formula", "reach: 2000, impact: 2, effort: 4", 1000, "2000 * 2 / 4 = 1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scoringRoadmap(t, scoringSettings, scoredFeature("search", "idea", tt.scores))
			s, err := r.Scorer(roadmap.ModelName(tt.model))
			if err != nil {
				t.Fatal(err)
			}
			got := s.Score(r.Features[0])
			if !got.Scored() || math.Abs(got.Value-tt.value) > 1e-9 || got.Explain != tt.explain {
				t.Errorf("got %v %q (missing %v, problem %q), want %v %q", got.Value, got.Explain, got.Missing, got.Problem, tt.value, tt.explain)
			}
		})
	}
}

// TestScoreUnscored checks the features that get no score say why, and that no
// division by zero leaks a NaN or an infinity.
func TestScoreUnscored(t *testing.T) {
	tests := []struct {
		name, model, scores string
		missing             []string
		problem             string
	}{
		{"rice zero effort", "rice", "reach: 2000, impact: 2, confidence: 80, effort: 0", nil, "effort must be more than 0 to divide by"},
		{"rice negative effort", "rice", "reach: 2000, impact: 2, confidence: 80, effort: -1", nil, "effort must be more than 0 to divide by"},
		{"rice missing", "rice", "reach: 2000, impact: 2", []string{"confidence", "effort"}, ""},
		{"rice none", "rice", "", []string{"reach", "impact", "confidence", "effort"}, ""},
		{"wsjf zero job size", "wsjf", "value: 8, time_criticality: 5, risk_reduction: 3, job_size: 0", nil, "job_size must be more than 0 to divide by"},
		{"weighted missing", "weighted", "revenue: 5", []string{"strategic-fit", "effort"}, ""},
		{"formula zero effort", "formula", "reach: 2000, impact: 2, effort: 0", nil, "the score is not a finite number (a division by zero, or a result too large?)"},
		// 0 ÷ 0 is NaN, not infinity: caught too
		{"formula nan", "formula", "reach: 0, impact: 2, effort: 0", nil, "the score is not a finite number (a division by zero, or a result too large?)"},
		{"formula unknown key", "formula", "reach: 2000, impact: 2", []string{"effort"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := scoringRoadmap(t, scoringSettings, scoredFeature("search", "idea", tt.scores))
			rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelName(tt.model), Period: "2027-Q1"})
			e := rk.Entries[0]
			if e.Score.Scored() || rk.Scored != 0 || e.Rank != 0 || e.AboveCut || e.Park {
				t.Fatalf("scored: %+v", e)
			}
			if !slices.Equal(e.Score.Missing, tt.missing) || e.Score.Problem != tt.problem {
				t.Errorf("missing %v problem %q, want %v %q", e.Score.Missing, e.Score.Problem, tt.missing, tt.problem)
			}
			if e.Score.Value != 0 || e.Score.Explain != "" {
				t.Errorf("an unscored feature carries a value: %v %q", e.Score.Value, e.Score.Explain)
			}
			want := tt.problem
			if tt.missing != nil {
				want = "lacks " + strings.Join(tt.missing, ", ")
			}
			if e.Score.Reason() != want {
				t.Errorf("reason %q, want %q", e.Score.Reason(), want)
			}
		})
	}
}

// TestFormulaUnknownKey: a formula naming a key that no feature scores leaves
// every feature unscored, and the ranking says which key, with the likely one.
func TestFormulaUnknownKey(t *testing.T) {
	settings := strings.Replace(scoringSettings, "formula: reach * impact / effort", "formula: reach * impakt / effort", 1)
	r := scoringRoadmap(t, settings,
		scoredFeature("search", "idea", "reach: 2000, impact: 2, effort: 4"),
		scoredFeature("export", "planned", "reach: 100, impact: 1, effort: 1"))
	rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelFormula})
	if rk.Scored != 0 {
		t.Fatalf("%d scored", rk.Scored)
	}
	for _, e := range rk.Entries {
		if e.Score.Reason() != "lacks impakt" {
			t.Errorf("%s: %q", e.Feature.ID, e.Score.Reason())
		}
	}
	want := `the formula model needs "impakt" (did you mean "impact"?), which no feature scores`
	if !slices.Contains(rk.Warnings, want) {
		t.Errorf("warnings %q, want %q", rk.Warnings, want)
	}
}

// TestFormulaDashedKey: a formula that writes a score with a dash reads it as
// a subtraction; the ranking and validate say how a formula names it, and
// strategic_fit then scores. A subtraction of two keys the features score is
// left alone.
func TestFormulaDashedKey(t *testing.T) {
	settings := func(formula string) string {
		s := strings.Replace(scoringSettings, "formula: reach * impact / effort", "formula: "+formula, 1)
		return strings.Replace(s, "model: rice", "model: formula", 1)
	}
	want := "scoring.formula reads strategic-fit as strategic minus fit; a formula names the score strategic-fit as strategic_fit"
	for _, formula := range []string{"reach * strategic-fit", "(strategic-fit)*reach", "reach*strategic-fit + reach"} {
		r := scoringRoadmap(t, settings(formula), scoredFeature("search", "idea", "reach: 20, strategic-fit: 3"))
		rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelFormula})
		if !slices.Equal(rk.Warnings, []string{want}) {
			t.Errorf("%s: warnings %q, want %q alone", formula, rk.Warnings, want)
		}
		var msgs []string
		for _, f := range roadmap.Check(r, roadmap.Options{}) {
			if f.Rule == "unknown-reference" {
				msgs = append(msgs, f.Message)
			}
		}
		if !slices.Equal(msgs, []string{want}) {
			t.Errorf("%s: validate says %q", formula, msgs)
		}
	}
	r := scoringRoadmap(t, settings("reach * strategic_fit"), scoredFeature("search", "idea", "reach: 20, strategic-fit: 3"))
	if rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelFormula}); rk.Scored != 1 || rk.Entries[0].Score.Value != 60 || len(rk.Warnings) != 0 {
		t.Errorf("strategic_fit: scored %d, %v, warnings %q", rk.Scored, rk.Entries[0].Score.Value, rk.Warnings)
	}
	// value-cost with value scored may be a subtraction whose cost is not
	// scored yet; strategic-fits is another word.
	for _, tc := range []struct{ formula, scores string }{
		{"value-cost", "value: 5, value-cost: 1"},
		{"reach * strategic-fits", "reach: 20, strategic-fit: 3"},
	} {
		r := scoringRoadmap(t, settings(tc.formula), scoredFeature("search", "idea", tc.scores))
		rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelFormula})
		if slices.ContainsFunc(rk.Warnings, func(w string) bool { return strings.Contains(w, "a formula names the score") }) {
			t.Errorf("%s: %q", tc.formula, rk.Warnings)
		}
	}
}

// TestOffScaleUnderAnotherModel: scores written for scoring.model are often
// off the scale of a model chosen for one ranking; validate checks only
// scoring.model's, so the ranking warns.
func TestOffScaleUnderAnotherModel(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("search", "idea", "impact: 2, confidence: 80, ease: 3, reach: 10, effort: 1"),
		scoredFeature("export", "idea", "impact: 3, confidence: 90, ease: 12, reach: 10, effort: 1"))
	rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelICE})
	want := "3 scores are off the ice model's scale, so its ranking may mislead; the first, feature search: confidence is 80; the ice model wants confidence from 1 to 10"
	if !slices.Contains(rk.Warnings, want) {
		t.Errorf("warnings %q, want %q", rk.Warnings, want)
	}
	if rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelRICE}); len(rk.Warnings) != 0 {
		t.Errorf("under scoring.model: %q", rk.Warnings)
	}
	// With nothing scored under the model there is no ranking to mislead.
	r = scoringRoadmap(t, scoringSettings,
		scoredFeature("search", "idea", "impact: 2, confidence: 80, reach: 10, effort: 1"))
	rk = rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelICE})
	for _, w := range rk.Warnings {
		if strings.Contains(w, "off the ice model's scale") {
			t.Errorf("no feature scored under ice, and yet: %q", w)
		}
	}
}

// TestUnreadableScoreIsNoUnknownKey: a key every feature writes with a value
// that cannot be read is a key the features do score: the ranking says the
// value is unreadable, not that nobody scores the key (which would suggest a
// typo in the model's key).
func TestUnreadableScoreIsNoUnknownKey(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("search", "idea", "reach: lots, impact: 2, confidence: 80, effort: 4"),
		scoredFeature("export", "planned", "reach: many, impact: 1, confidence: 50, effort: 1"))
	rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelRICE})
	if rk.Scored != 0 || len(rk.Entries) != 2 {
		t.Fatalf("%d scored of %d ranked, want 0 of 2", rk.Scored, len(rk.Entries))
	}
	// A key the features do not write at all is still named as such.
	ice := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelICE})
	if !slices.ContainsFunc(ice.Warnings, func(w string) bool {
		return strings.Contains(w, `"ease"`) && strings.Contains(w, "which no feature scores")
	}) {
		t.Errorf("ICE warnings %q name no unscored ease", ice.Warnings)
	}
	for _, w := range rk.Warnings {
		if strings.Contains(w, "which no feature scores") {
			t.Errorf("warning %q for a key every feature writes", w)
		}
	}
	for _, e := range rk.Entries {
		if !strings.Contains(e.Score.Reason(), "reach") {
			t.Errorf("%s: reason %q does not name reach", e.Feature.ID, e.Score.Reason())
		}
	}
}

func TestFormulaErrors(t *testing.T) {
	tests := []struct {
		formula   string
		line, col int
		msg       string
	}{
		{"reach * / effort", 1, 9, "unexpected token"},
		{"reach +", 1, 7, "unexpected token EOF"},
		{"reach * foo(effort)", 1, 9, "unknown name foo"},
		{"reach > 2", 1, 1, "expected float64, but got bool"},
		// The first part would be computed and thrown away.
		{"reach * effort; impact", 1, 17, "one expression, and ';' starts another"},
		{"reach ;effort", 1, 8, "one expression"},
		{"|\n    reach\n    ; effort", 2, 3, "one expression"},
		{"let x = reach; let y = impact; x; y", 1, 35, "one expression"},
		{"let x = (reach; effort); x * impact", 1, 17, "one expression"},
	}
	for _, tt := range tests {
		t.Run(tt.formula, func(t *testing.T) {
			settings := strings.Replace(scoringSettings, "reach * impact / effort", tt.formula, 1)
			r := scoringRoadmap(t, settings, scoredFeature("search", "idea", "reach: 1, effort: 1"))
			_, err := r.Prioritize(roadmap.PrioritizeOptions{Model: roadmap.ModelFormula})
			var fe *roadmap.FormulaError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a FormulaError", err)
			}
			if fe.Line != tt.line || fe.Column != tt.col || !strings.Contains(fe.Msg, tt.msg) {
				t.Errorf("got %d:%d %q, want %d:%d %q", fe.Line, fe.Column, fe.Msg, tt.line, tt.col, tt.msg)
			}
		})
	}
}

// TestFormulaKeysWithDashes: a formula cannot name strategic-fit, so
// strategic_fit matches it; functions and let-bound names are not keys.
func TestFormulaKeys(t *testing.T) {
	settings := strings.Replace(scoringSettings, "reach * impact / effort", "let v = revenue * strategic_fit; v / max(effort, 0.5)", 1)
	r := scoringRoadmap(t, settings, scoredFeature("search", "idea", "revenue: 6, strategic-fit: 2, effort: 0"))
	s, err := r.Scorer(roadmap.ModelFormula)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Keys, []string{"revenue", "strategic_fit", "effort"}) {
		t.Errorf("keys %v", s.Keys)
	}
	// 6 × 2 ÷ max(0, 0.5) = 24
	got := s.Score(r.Features[0])
	if got.Value != 24 || got.Explain != "let v = 6 * 2; v / max(0, 0.5) = 24" {
		t.Errorf("got %v %q", got.Value, got.Explain)
	}
}

// TestFormulaTrailingSemicolons: a ';' that ends the formula, or stands in
// a comment, starts nothing: the formula scores its expression.
func TestFormulaTrailingSemicolons(t *testing.T) {
	for _, formula := range []string{"impact / effort;", "impact / effort // per month;", "impact / effort; /* c */"} {
		settings := strings.Replace(scoringSettings, "reach * impact / effort", formula, 1)
		r := scoringRoadmap(t, settings, scoredFeature("search", "idea", "impact: 6, effort: 2"))
		s, err := r.Scorer(roadmap.ModelFormula)
		if err != nil {
			t.Errorf("%s: %v", formula, err)
			continue
		}
		if got := s.Score(r.Features[0]); got.Value != 3 {
			t.Errorf("%s scores %v, want 3", formula, got.Value)
		}
	}
}

func entryIDs(es []roadmap.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Feature.ID)
	}
	return out
}

// TestRankingOrder: by score, ties by id, unscored last by id; only the
// candidates' statuses.
func TestRankingOrder(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("zeta", "idea", "reach: 100, impact: 1, confidence: 100, effort: 1"),           // 100
		scoredFeature("sharing", "planned", "reach: 3000, impact: 0.5, confidence: 50, effort: 1.5"), // 500
		scoredFeature("export", "parked", "reach: 1000, impact: 0.25, confidence: 100, effort: 0.5"), // 500
		scoredFeature("search", "idea", "reach: 2000, impact: 2, confidence: 80, effort: 4"),         // 800
		scoredFeature("alerts", "idea", "reach: 500, impact: 1, confidence: 50, effort: 0"),          // unscored
		scoredFeature("billing", "in-progress", "reach: 9000, impact: 3, confidence: 100, effort: 1"),
		scoredFeature("audit", "planned", "reach: 500"), // unscored
		// 1 × 1 × 30% ÷ 0.1 is 2.9999999999999996 in floating point, and
		// 3 in arithmetic: it ties with 3 and goes first by id.
		scoredFeature("fp-b", "idea", "reach: 3, impact: 1, confidence: 100, effort: 1"),
		scoredFeature("fp-a", "idea", "reach: 1, impact: 1, confidence: 30, effort: 0.1"),
	)
	rk := rank(t, r, roadmap.PrioritizeOptions{})
	want := []string{"search", "export", "sharing", "zeta", "fp-a", "fp-b", "alerts", "audit"}
	if got := entryIDs(rk.Entries); !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	if rk.Scored != 6 {
		t.Errorf("scored %d", rk.Scored)
	}
	for i, e := range rk.Entries {
		wantRank := i + 1
		if i >= rk.Scored {
			wantRank = 0
		}
		if e.Rank != wantRank {
			t.Errorf("%s rank %d, want %d", e.Feature.ID, e.Rank, wantRank)
		}
	}
	if got := rk.Entries[6].Score.Reason(); got != "effort must be more than 0 to divide by" {
		t.Errorf("alerts: %q", got)
	}
	if got := rk.Entries[7].Score.Reason(); got != "lacks impact, confidence, effort" {
		t.Errorf("audit: %q", got)
	}

	ideas := rank(t, r, roadmap.PrioritizeOptions{Statuses: []roadmap.Status{roadmap.StatusIdea, roadmap.StatusInProgress}})
	if got := entryIDs(ideas.Entries); !slices.Equal(got, []string{"billing", "search", "zeta", "fp-a", "fp-b", "alerts"}) {
		t.Errorf("--status idea,in-progress: %v", got)
	}
}

// TestUnreadableScoreIsUnscored: a needed score that is not a number leaves
// the feature unscored, and the reason names the value, not a zero.
func TestUnreadableScoreIsUnscored(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("search", "planned", `reach: 100, impact: true, confidence: 80, effort: "2"`),
		scoredFeature("export", "planned", `reach: 100, impact: 1, effort: [2]`),
		scoredFeature("sharing", "planned", `reach: 100, impact: 1, confidence: 80, effort: 2`),
	)
	rk := rank(t, r, roadmap.PrioritizeOptions{})
	want := map[string]string{
		"search": `impact is "true", not a number; effort is "2", not a number`,
		"export": `lacks confidence; effort is a list, not a number`,
	}
	for _, e := range rk.Entries {
		if w, ok := want[e.Feature.ID]; ok && (e.Score.Scored() || e.Score.Reason() != w) {
			t.Errorf("%s: scored %v, reason %q; want unscored, %q", e.Feature.ID, e.Score.Scored(), e.Score.Reason(), w)
		}
	}
	if rk.Scored != 1 {
		t.Errorf("scored %d, want 1", rk.Scored)
	}
}

// TestCutLine: effort adds up down the ranking; a feature that brings the sum
// exactly to the capacity is above the line, the next one is below, and so is
// everything after it, even a feature small enough to fit.
func TestCutLine(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("search", "idea", "reach: 2000, impact: 2, confidence: 80, effort: 4"),       // 800
		scoredFeature("export", "idea", "reach: 1000, impact: 0.25, confidence: 100, effort: 0.5"), // 500
		scoredFeature("sharing", "idea", "reach: 3000, impact: 0.5, confidence: 50, effort: 1.5"),  // 500
		scoredFeature("reports", "idea", "reach: 1200, impact: 1, confidence: 100, effort: 3"),     // 400
		scoredFeature("tiny", "idea", "reach: 100, impact: 1, confidence: 100, effort: 0.5"),       // 200
		scoredFeature("unscored", "idea", "reach: 100"),
	)
	rk := rank(t, r, roadmap.PrioritizeOptions{Period: "2027-Q1"}) // capacity 6
	type row struct {
		id         string
		cumulative float64
		above      bool
	}
	want := []row{{"search", 4, true}, {"export", 4.5, true}, {"sharing", 6, true}, {"reports", 9, false}, {"tiny", 9.5, false}}
	for i, w := range want {
		e := rk.Entries[i]
		if e.Feature.ID != w.id || e.Cumulative != w.cumulative || e.AboveCut != w.above {
			t.Errorf("entry %d: %s %v %v, want %+v", i, e.Feature.ID, e.Cumulative, e.AboveCut, w)
		}
	}
	if c := rk.Cut; c == nil || c.Above != 3 || c.Used != 6 || c.Capacity != 6 || c.Period != "2027-Q1" {
		t.Errorf("cut %+v", rk.Cut)
	}
	if rk.Entries[5].AboveCut {
		t.Errorf("an unscored feature is above the cut line")
	}

	capacity := 3.0
	rk = rank(t, r, roadmap.PrioritizeOptions{Capacity: &capacity})
	if rk.Cut.Above != 0 || rk.Cut.Used != 0 || rk.Cut.Period != "" {
		t.Errorf("capacity 3: cut %+v", rk.Cut)
	}
	capacity = 100
	rk = rank(t, r, roadmap.PrioritizeOptions{Capacity: &capacity})
	if rk.Cut.Above != 5 || rk.Cut.Used != 9.5 {
		t.Errorf("capacity 100: cut %+v", rk.Cut)
	}
	if rk := rank(t, r, roadmap.PrioritizeOptions{}); rk.Cut != nil {
		t.Errorf("a cut line without a capacity")
	}
}

// TestCutLineCommitted: with --period, work already targeted within the
// period and not ranked takes its effort off the capacity first, as
// over-capacity counts it; a capacity given as a number is the ranking's.
func TestCutLineCommitted(t *testing.T) {
	target := func(f, tg string) string { return strings.Replace(f, "}}", "}, target: "+tg+"}", 1) }
	r := scoringRoadmap(t, scoringSettings,
		target(scoredFeature("building", "in-progress", "reach: 1, impact: 1, confidence: 100, effort: 2"), "2027-02"),
		target(scoredFeature("big", "in-progress", "reach: 1, impact: 1, confidence: 100, effort: 3"), "2027-Q1"),
		target(scoredFeature("later", "in-progress", "reach: 1, impact: 1, confidence: 100, effort: 4"), "2027-Q2"),
		target(scoredFeature("unsized", "in-progress", "reach: 1"), "2027-Q1"),
		target(scoredFeature("booked", "planned", "reach: 100, impact: 1, confidence: 100, effort: 1"), "2027-Q1"), // 100
		scoredFeature("search", "idea", "reach: 2000, impact: 2, confidence: 80, effort: 1"),                       // 3200
	)
	rk := rank(t, r, roadmap.PrioritizeOptions{Period: "2027-Q1"}) // capacity 6, 5 taken
	c := rk.Cut
	if c.CommittedEffort != 5 || c.Left() != 1 || len(c.Committed) != 2 || c.Committed[0].Feature.ID != "big" || c.Committed[1].Feature.ID != "building" {
		t.Fatalf("committed %v of %+v", c.CommittedEffort, c.Committed)
	}
	if c.Above != 1 || c.Used != 1 || !rk.Entries[0].AboveCut || rk.Entries[1].AboveCut {
		t.Errorf("cut %+v; want search alone above the 1 left", c)
	}
	want := "unsized is committed to 2027-Q1 with no usable effort score, so rice takes nothing off 2027-Q1's capacity for it; score its effort to count it"
	if !slices.Contains(rk.Warnings, want) {
		t.Errorf("warnings %q, want %q", rk.Warnings, want)
	}

	// Ranking only ideas, the planned work targeted there is committed too.
	rk = rank(t, r, roadmap.PrioritizeOptions{Period: "2027-Q1", Statuses: []roadmap.Status{roadmap.StatusIdea}})
	if c := rk.Cut; c.CommittedEffort != 6 || len(c.Committed) != 3 || c.Left() != 0 || c.Above != 0 {
		t.Errorf("ideas alone: committed %v of %+v, above %d", c.CommittedEffort, c.Committed, c.Above)
	}
	// Ranking the in-progress work, it is not also committed.
	rk = rank(t, r, roadmap.PrioritizeOptions{Period: "2027-Q1", Statuses: []roadmap.Status{roadmap.StatusInProgress, roadmap.StatusPlanned}})
	if c := rk.Cut; c.CommittedEffort != 0 || len(c.Committed) != 0 {
		t.Errorf("ranking in-progress: committed %v of %+v", c.CommittedEffort, c.Committed)
	}
	capacity := 6.0
	rk = rank(t, r, roadmap.PrioritizeOptions{Capacity: &capacity})
	if c := rk.Cut; c.CommittedEffort != 0 || c.Left() != 6 || c.Above != 2 {
		t.Errorf("--capacity 6: %+v", c)
	}
}

// TestCutLineFractions: 0.1 + 0.2 is more than 0.3 in floating point, not in
// a planning meeting.
func TestCutLineFractions(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("a", "idea", "reach: 200, impact: 1, confidence: 100, effort: 0.1"),
		scoredFeature("b", "idea", "reach: 100, impact: 1, confidence: 100, effort: 0.2"),
		scoredFeature("c", "idea", "reach: 1, impact: 1, confidence: 100, effort: 0.1"))
	capacity := 0.3
	rk := rank(t, r, roadmap.PrioritizeOptions{Capacity: &capacity})
	if rk.Cut.Above != 2 {
		t.Errorf("above %d, want 2 (a and b)", rk.Cut.Above)
	}
}

// TestCutLineWithoutEffort: under a model that does not need effort, a
// feature without one is ranked, not counted, and said so.
func TestCutLineWithoutEffort(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("a", "idea", "impact: 8, confidence: 8, ease: 8, effort: 5"),
		scoredFeature("b", "idea", "impact: 7, confidence: 7, ease: 7"),
		scoredFeature("c", "idea", "impact: 2, confidence: 2, ease: 2, effort: 2"))
	capacity := 6.0
	rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelICE, Capacity: &capacity})
	b := rk.Entries[1]
	if b.Feature.ID != "b" || b.HasEffort || !b.AboveCut || b.Cumulative != 5 || b.Note != "no effort score: not counted" {
		t.Errorf("b: %+v", b)
	}
	if c := rk.Entries[2]; c.AboveCut || c.Cumulative != 7 {
		t.Errorf("c: %+v", c)
	}
	want := "the cut line under ice does not count b: no effort score of 0 or more"
	if !slices.Contains(rk.Warnings, want) {
		t.Errorf("warnings %q", rk.Warnings)
	}
}

// TestCutLineWSJF: wsjf adds up job_size.
func TestCutLineWSJF(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("a", "idea", "value: 8, time_criticality: 8, risk_reduction: 8, job_size: 3, effort: 100"), // 8
		scoredFeature("b", "idea", "value: 5, time_criticality: 5, risk_reduction: 5, job_size: 5"),              // 3
		scoredFeature("c", "idea", "value: 1, time_criticality: 1, risk_reduction: 1, job_size: 1"))              // 3
	// a 24 ÷ 3 = 8; b and c tie at 3 and go by id. Capacity 6: a's job size
	// of 3 fits (its effort of 100 does not count), b's 5 would make 8.
	rk := rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelWSJF, Period: "2027-Q1"})
	if rk.EffortKey != "job_size" || rk.Cut.Above != 1 || rk.Cut.Used != 3 || !slices.Equal(entryIDs(rk.Entries), []string{"a", "b", "c"}) {
		t.Errorf("key %s cut %+v order %v", rk.EffortKey, rk.Cut, entryIDs(rk.Entries))
	}
}

func TestPeriodCapacity(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings)
	if c, err := r.PeriodCapacity("2027-Q2"); c != 10 || err != nil {
		t.Errorf("2027-Q2: %v %v", c, err)
	}
	_, err := r.Prioritize(roadmap.PrioritizeOptions{Period: "2027-Q3"})
	want := `no capacity for "2027-Q3" in scoring.capacity; periods with a capacity: 2027-Q1, 2027-Q2; did you mean "2027-Q1"?`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	_, err = scoringRoadmap(t, minimal).PeriodCapacity("2027-Q1")
	if err == nil || !strings.Contains(err.Error(), "sets no scoring.capacity") {
		t.Errorf("no capacities: %v", err)
	}
	bad := -1.0
	if _, err := r.Prioritize(roadmap.PrioritizeOptions{Capacity: &bad}); err == nil {
		t.Errorf("a negative capacity is accepted")
	}
}

// TestPeriodCapacityNotACapacity: a period whose capacity is below 0 or not
// a number says so, rather than "no capacity" or a cut line at -3.
func TestPeriodCapacityNotACapacity(t *testing.T) {
	r := scoringRoadmap(t, "product: Acme\nscoring:\n  capacity: {2027-Q1: -3, 2027-Q2: lots}\n")
	for period, want := range map[string]string{
		"2027-Q1": "scoring.capacity.2027-Q1 is -3; a capacity is the effort available, 0 or more",
		"2027-Q2": `scoring.capacity.2027-Q2 is "lots", not a number`,
	} {
		if _, err := r.PeriodCapacity(period); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %s", period, err, want)
		}
	}
}

// TestParking marks the features scoring under park_below, under the model
// park_below was set for only.
func TestParkingCandidates(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		scoredFeature("search", "idea", "reach: 2000, impact: 2, confidence: 80, effort: 4"),    // 800
		scoredFeature("edge", "idea", "reach: 100, impact: 1, confidence: 100, effort: 1"),      // 100: not under 100
		scoredFeature("crypto", "parked", "reach: 150, impact: 0.5, confidence: 30, effort: 4"), // 5.625
		scoredFeature("none", "idea", ""))
	rk := rank(t, r, roadmap.PrioritizeOptions{})
	var parked []string
	for _, e := range rk.Entries {
		if e.Park {
			parked = append(parked, e.Feature.ID)
		}
	}
	if !slices.Equal(parked, []string{"crypto"}) || *rk.ParkBelow != 100 {
		t.Errorf("park candidates %v", parked)
	}
	rk = rank(t, r, roadmap.PrioritizeOptions{Model: roadmap.ModelWSJF})
	if rk.ParkBelow != nil || !slices.Contains(rk.Warnings, "scoring.park_below (100) is a rice score; no parking candidates are marked under wsjf") {
		t.Errorf("park_below under wsjf: %v %q", rk.ParkBelow, rk.Warnings)
	}
}

func TestCompareModels(t *testing.T) {
	r := scoringRoadmap(t, scoringSettings,
		// rice 20000 × 2 × 8% ÷ 4 = 800, wsjf 16 ÷ 5 = 3.2, ice 2 × 8 × 5 = 80
		scoredFeature("search", "idea", "reach: 20000, impact: 2, confidence: 8, effort: 4, value: 8, time_criticality: 5, risk_reduction: 3, job_size: 5, ease: 5"),
		// rice 1000 × 3 × 9% ÷ 1 = 270, wsjf 3 ÷ 1 = 3, ice 3 × 9 × 9 = 243
		scoredFeature("export", "idea", "reach: 1000, impact: 3, confidence: 9, effort: 1, value: 1, time_criticality: 1, risk_reduction: 1, job_size: 1, ease: 9"),
		// rice 3000 × 0.5 × 10% ÷ 2 = 75, wsjf 39 ÷ 3 = 13, ice unscored
		scoredFeature("sharing", "idea", "reach: 3000, impact: 0.5, confidence: 10, effort: 2, value: 13, time_criticality: 13, risk_reduction: 13, job_size: 3"),
		// rice unscored (effort 0), wsjf 6 ÷ 2 = 3, ice 1 × 1 × 1 = 1
		scoredFeature("alerts", "idea", "reach: 10, impact: 1, confidence: 1, effort: 0, value: 2, time_criticality: 2, risk_reduction: 2, job_size: 2, ease: 1"),
	)
	c, err := r.Compare([]roadmap.ModelName{"rice", "wsjf", "ice", "rice"}, roadmap.PrioritizeOptions{Period: "2027-Q1"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Models, []roadmap.ModelName{"rice", "wsjf", "ice"}) {
		t.Errorf("models %v", c.Models)
	}
	type row struct {
		id     string
		ranks  []int
		spread int
	}
	// wsjf: sharing 13, search 3.2, then alerts and export tie at 3 and go by id.
	want := []row{
		{"search", []int{1, 2, 2}, 1},
		{"export", []int{2, 4, 1}, 3},
		{"sharing", []int{3, 1, 0}, 2},
		{"alerts", []int{0, 3, 3}, 0},
	}
	if len(c.Rows) != len(want) {
		t.Fatalf("%d rows", len(c.Rows))
	}
	for i, w := range want {
		got := c.Rows[i]
		var ranks []int
		for _, p := range got.Places {
			ranks = append(ranks, p.Rank)
		}
		if got.Feature.ID != w.id || !slices.Equal(ranks, w.ranks) || got.Spread != w.spread {
			t.Errorf("row %d: %s %v spread %d, want %+v", i, got.Feature.ID, ranks, got.Spread, w)
		}
	}
	// With capacity 6 under wsjf (job_size): sharing 3, search 8 > 6: only sharing is above.
	if p := c.Rows[2].Places[1]; !p.AboveCut || c.Rows[0].Places[1].AboveCut {
		t.Errorf("wsjf cut line: sharing %v, search %v", p.AboveCut, c.Rows[0].Places[1].AboveCut)
	}
	if _, err := r.Compare([]roadmap.ModelName{"rice", "nope"}, roadmap.PrioritizeOptions{}); err == nil {
		t.Errorf("an unknown model is compared")
	}
}

// TestValidateAgrees: the features missing-scores reports are the idea and
// planned features prioritize leaves unscored for lack of keys, under every
// model: both read the same Scorer.
func TestValidateAgreesWithPrioritize(t *testing.T) {
	features := []string{
		scoredFeature("a", "idea", "reach: 2000, impact: 2, confidence: 80, effort: 4"),
		scoredFeature("b", "planned", "impact: 8, confidence: 8, ease: 8, revenue: 3"),
		scoredFeature("c", "idea", "value: 1, time_criticality: 1, risk_reduction: 1, job_size: 1, strategic-fit: 2, effort: 1"),
		scoredFeature("d", "parked", "reach: 1"),
		scoredFeature("e", "planned", ""),
	}
	for _, m := range roadmap.ModelNames {
		t.Run(string(m), func(t *testing.T) {
			settings := strings.Replace(scoringSettings, "model: rice", "model: "+string(m), 1)
			r := scoringRoadmap(t, settings, features...)
			var reported []string
			for _, f := range findingsOf(r) {
				if f.Rule == "missing-scores" {
					reported = append(reported, strings.Fields(f.Message)[1])
				}
			}
			rk := rank(t, r, roadmap.PrioritizeOptions{Statuses: []roadmap.Status{roadmap.StatusIdea, roadmap.StatusPlanned}})
			var unscored []string
			for _, e := range rk.Entries {
				if len(e.Score.Missing) > 0 {
					unscored = append(unscored, e.Feature.ID)
				}
			}
			slices.Sort(reported)
			slices.Sort(unscored)
			if !slices.Equal(reported, unscored) || len(reported) == 0 {
				t.Errorf("missing-scores reports %v, prioritize leaves unscored %v", reported, unscored)
			}
		})
	}
}
