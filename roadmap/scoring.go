package roadmap

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// Scorer scores features under one model. Validate's rules and prioritize use
// the same Scorer, so they never disagree about what a score is.
type Scorer struct {
	Model ModelName
	// Keys are the score keys the model needs, in the order the model reads them.
	Keys     []string
	criteria []Criterion
	formula  string
	program  *vm.Program
	uses     []formulaUse
}

// FormulaError is a scoring.formula that does not compile, with where in the
// formula the problem is (line and column within the formula text, from 1).
type FormulaError struct {
	Line, Column int
	Msg          string
}

func (e *FormulaError) Error() string {
	return fmt.Sprintf("scoring.formula does not compile: %s (line %d, column %d of the formula)", e.Msg, e.Line, e.Column)
}

// CriterionError is a weighted-model criterion a ranking cannot use as
// written: without an id, named twice, or with no weight that can be read.
// The ranking would leave it out, count it twice or weigh it as nothing.
type CriterionError struct {
	// Path is where to point in roadmap.yaml.
	Path string
	Msg  string
}

func (e *CriterionError) Error() string { return e.Msg }

// unusableCriterion finds the first criterion a weighted ranking cannot use;
// validate reports each of them as an error.
func (r *Roadmap) unusableCriterion() error {
	s := &r.Settings.Located
	seen := map[string]string{}
	for i, c := range r.Scoring.Criteria {
		item := fmt.Sprintf("scoring.criteria[%d]", i)
		weight := item + ".weight"
		switch first, dup := seen[c.ID]; {
		case c.ID == "":
			return &CriterionError{item, fmt.Sprintf("%s has no id; give it one, the score key it weighs", item)}
		case dup:
			return &CriterionError{item + ".id", fmt.Sprintf("criterion %q is named twice (%s and %s); the weighted model would count it twice", c.ID, first, item)}
		case s.Unreadable(weight):
			return &CriterionError{weight, fmt.Sprintf("criterion %q has the weight %s, which is not a number; the weighted model cannot rank by it", c.ID, s.Invalid[weight])}
		case !s.Has(weight):
			return &CriterionError{item, fmt.Sprintf("criterion %q has no weight; give it one (weight: 1) for the weighted model to rank by it", c.ID)}
		}
		seen[c.ID] = item
	}
	return nil
}

var (
	riceKeys = []string{"reach", "impact", "confidence", "effort"}
	iceKeys  = []string{"impact", "confidence", "ease"}
	wsjfKeys = []string{"value", "time_criticality", "risk_reduction", "job_size"}
)

// Scorer returns the scorer for model with the settings of the roadmap. It
// fails when the model is unknown or its settings cannot score anything: a
// weighted model without criteria, a formula model without a formula that
// compiles.
func (r *Roadmap) Scorer(model ModelName) (*Scorer, error) {
	s := &Scorer{Model: model}
	switch model {
	case ModelRICE:
		s.Keys = riceKeys
	case ModelICE:
		s.Keys = iceKeys
	case ModelWSJF:
		s.Keys = wsjfKeys
	case ModelWeighted:
		// A criterion without an id is a missing-field error; it scores
		// nothing rather than a key named "".
		for _, c := range r.Scoring.Criteria {
			if c.ID != "" {
				s.criteria = append(s.criteria, c)
				s.Keys = append(s.Keys, c.ID)
			}
		}
		if len(s.criteria) == 0 {
			return nil, fmt.Errorf("the weighted model needs scoring.criteria in roadmap.yaml, each with an id")
		}
	case ModelFormula:
		if strings.TrimSpace(r.Scoring.Formula) == "" {
			return nil, fmt.Errorf("the formula model needs scoring.formula in roadmap.yaml")
		}
		if err := s.compile(r.Scoring.Formula); err != nil {
			return nil, err
		}
	default:
		_, err := ParseModel(string(model))
		return nil, err
	}
	return s, nil
}

// ParseModel returns the model named name, or an error that lists the models
// and suggests the nearest.
func ParseModel(name string) (ModelName, error) {
	if slices.Contains(ModelNames, ModelName(name)) {
		return ModelName(name), nil
	}
	return "", fmt.Errorf("unknown scoring model %q; choose one of %s%s", name,
		strings.Join(stringsOf(ModelNames), ", "), suggestion(name, stringsOf(ModelNames)))
}

// collector gathers the variables a formula names, with where each is written
// so that Explain can put the feature's numbers in their place. ast.Walk visits
// children before their parent, so the names that are not variables (called
// functions, let-bound names) are found by a first walk (callees) and skipped
// by the second.
type collector struct {
	names []string
	uses  []formulaUse
	skip  map[ast.Node]bool
	bound map[string]bool
}

// formulaUse is one occurrence of a score key in the formula, in runes.
type formulaUse struct {
	from, to int
	key      string
}

// sequenceFinder finds where the first "a; b" sequence's second part
// starts; it is -1 when there is none.
type sequenceFinder int

func (f *sequenceFinder) Visit(n *ast.Node) {
	if seq, ok := (*n).(*ast.SequenceNode); ok && len(seq.Nodes) > 1 {
		if at := seq.Nodes[1].Location().From; *f < 0 || at < int(*f) {
			*f = sequenceFinder(at)
		}
	}
}

type calleeFinder struct{ c *collector }

func (f calleeFinder) Visit(n *ast.Node) {
	switch x := (*n).(type) {
	case *ast.CallNode:
		f.c.skip[x.Callee] = true
	case *ast.VariableDeclaratorNode:
		f.c.bound[x.Name] = true
	}
}

func (c *collector) Visit(n *ast.Node) {
	x, ok := (*n).(*ast.IdentifierNode)
	if !ok || c.skip[*n] || c.bound[x.Value] {
		return
	}
	loc := x.Location()
	c.uses = append(c.uses, formulaUse{loc.From, loc.To, x.Value})
	if !slices.Contains(c.names, x.Value) {
		c.names = append(c.names, x.Value)
	}
}

func (s *Scorer) compile(formula string) error {
	tree, err := parser.Parse(formula)
	if err != nil {
		return formulaError(err)
	}
	// "a; b" scores b alone: a is computed and thrown away, wherever the
	// sequence stands (after a let, in parentheses).
	seq := sequenceFinder(-1)
	ast.Walk(&tree.Node, &seq)
	if seq >= 0 {
		line, col := lineColumn(formula, int(seq))
		return &FormulaError{Line: line, Column: col, Msg: "a formula is one expression, and ';' starts another (use let x = ...; to name a part)"}
	}
	c := &collector{skip: map[ast.Node]bool{}, bound: map[string]bool{}}
	ast.Walk(&tree.Node, calleeFinder{c})
	ast.Walk(&tree.Node, c)
	env := map[string]any{}
	for _, n := range c.names {
		env[n] = 0.0
	}
	prog, err := expr.Compile(formula, expr.Env(env), expr.AsFloat64())
	if err != nil {
		return formulaError(err)
	}
	s.formula, s.program, s.Keys, s.uses = formula, prog, c.names, c.uses
	slices.SortFunc(s.uses, func(a, b formulaUse) int { return a.from - b.from })
	return nil
}

// explainFormula is the formula with each score key replaced by the feature's
// number, on one line: "reach * impact / effort" reads "2000 * 2 / 4".
func (s *Scorer) explainFormula(v func(string) float64) string {
	runes := []rune(s.formula)
	var b strings.Builder
	at := 0
	for _, u := range s.uses {
		if u.from < at || u.to > len(runes) {
			continue // a location the parser did not give as expected: keep the text
		}
		b.WriteString(string(runes[at:u.from]))
		x := Num(v(u.key))
		if v(u.key) < 0 {
			x = "(" + x + ")"
		}
		b.WriteString(x)
		at = u.to
	}
	b.WriteString(string(runes[at:]))
	return strings.Join(strings.Fields(b.String()), " ")
}

// lineColumn is where the rune at offset off of text is: line and column,
// from 1.
func lineColumn(text string, off int) (line, col int) {
	line, col = 1, 1
	for i, r := range []rune(text) {
		if i == off {
			break
		}
		if col++; r == '\n' {
			line, col = line+1, 1
		}
	}
	return line, col
}

func formulaError(err error) error {
	if fe, ok := err.(*file.Error); ok {
		return &FormulaError{Line: max(fe.Line, 1), Column: fe.Column + 1, Msg: fe.Message}
	}
	return &FormulaError{Line: 1, Column: 1, Msg: err.Error()}
}

// EffortKey is the score key the cut line adds up: job_size for wsjf, effort
// for every other model.
func (s *Scorer) EffortKey() string {
	if s.Model == ModelWSJF {
		return "job_size"
	}
	return "effort"
}

// Effort is f's effort as the cut line counts it (the EffortKey score), read
// the way the over-capacity rule reads it, so both count the same effort.
func (s *Scorer) Effort(f *Feature) (float64, bool) {
	v, ok := f.Scores[s.EffortKey()]
	return v, ok
}

// Method is the model's arithmetic in words, for the heading of a ranking:
// "reach × impact × confidence% ÷ effort".
func (s *Scorer) Method() string {
	switch s.Model {
	case ModelRICE:
		return "reach × impact × confidence% ÷ effort"
	case ModelICE:
		return "impact × confidence × ease"
	case ModelWSJF:
		return "(value + time_criticality + risk_reduction) ÷ job_size"
	case ModelWeighted:
		var b strings.Builder
		for i, c := range s.criteria {
			term := Num(c.Weight) + "×" + c.ID
			switch {
			case i == 0 && c.Cost:
				term = "−" + term
			case c.Cost:
				term = " − " + term
			case i > 0:
				term = " + " + term
			}
			b.WriteString(term)
		}
		return b.String()
	case ModelFormula:
		return strings.Join(strings.Fields(s.formula), " ")
	}
	return string(s.Model)
}

// Score is one feature's score under a model.
type Score struct {
	Value float64
	// Missing lists the keys the feature lacks; the feature is unscored.
	Missing []string
	// Problem says why a feature has no score besides missing keys (a key
	// that is not a number, a zero effort, a formula that divides by zero).
	Problem string
	// Explain is the arithmetic with the feature's own numbers.
	Explain string
}

// Scored reports whether the score has a value.
func (s Score) Scored() bool { return len(s.Missing) == 0 && s.Problem == "" }

// Reason says why a score has no value: the keys it lacks, and its problem.
func (s Score) Reason() string {
	if len(s.Missing) == 0 {
		return s.Problem
	}
	lacks := "lacks " + strings.Join(s.Missing, ", ")
	if s.Problem != "" {
		return lacks + "; " + s.Problem
	}
	return lacks
}

// scoreValue looks up a key; formula keys written with _ also match scores
// written with -, since a formula cannot name strategic-fit.
func scoreValue(f *Feature, key string) (float64, bool) {
	if v, ok := f.Scores[key]; ok {
		return v, true
	}
	if strings.Contains(key, "_") {
		v, ok := f.Scores[strings.ReplaceAll(key, "_", "-")]
		return v, ok
	}
	return 0, false
}

// unreadableScore returns the key and the value as written of f's score for
// key when it was written but is not a number.
func unreadableScore(f *Feature, key string) (string, string, bool) {
	for _, k := range []string{key, strings.ReplaceAll(key, "_", "-")} {
		if v, ok := f.Invalid["scores."+k]; ok {
			return k, v, true
		}
	}
	return "", "", false
}

// MissingKeys lists the keys the model needs that f does not score. A key
// written with a value that is not a number is not missing: invalid-value
// reports it.
func (s *Scorer) MissingKeys(f *Feature) []string {
	if f.Unreadable("scores") {
		return nil
	}
	var out []string
	for _, k := range s.Keys {
		if _, ok := scoreValue(f, k); !ok {
			if _, _, bad := unreadableScore(f, k); !bad {
				out = append(out, k)
			}
		}
	}
	return out
}

// unreadable says which of the keys the model needs f wrote with a value
// that is not a number, or "" when none.
func (s *Scorer) unreadable(f *Feature) string {
	if v, ok := f.Invalid["scores"]; ok {
		return "scores is " + v + ", not a mapping of keys to numbers"
	}
	var parts []string
	for _, k := range s.Keys {
		if _, ok := scoreValue(f, k); ok {
			continue
		}
		if key, v, bad := unreadableScore(f, k); bad {
			part := fmt.Sprintf("%s is %s, not a number", key, v)
			if !slices.Contains(parts, part) {
				parts = append(parts, part)
			}
		}
	}
	return strings.Join(parts, "; ")
}

// Score scores f.
func (s *Scorer) Score(f *Feature) Score {
	miss, bad := s.MissingKeys(f), s.unreadable(f)
	if len(miss) > 0 || bad != "" {
		return Score{Missing: miss, Problem: bad}
	}
	v := func(k string) float64 { x, _ := scoreValue(f, k); return x }
	var sc Score
	switch s.Model {
	case ModelRICE:
		reach, impact, conf, effort := v("reach"), v("impact"), v("confidence"), v("effort")
		if effort <= 0 {
			return Score{Problem: "effort must be more than 0 to divide by"}
		}
		sc.Value = reach * impact * conf / 100 / effort
		sc.Explain = fmt.Sprintf("%s × %s × %s%% ÷ %s", Num(reach), Num(impact), Num(conf), Num(effort))
	case ModelICE:
		sc.Value = v("impact") * v("confidence") * v("ease")
		sc.Explain = fmt.Sprintf("%s × %s × %s", Num(v("impact")), Num(v("confidence")), Num(v("ease")))
	case ModelWSJF:
		size := v("job_size")
		if size <= 0 {
			return Score{Problem: "job_size must be more than 0 to divide by"}
		}
		sc.Value = (v("value") + v("time_criticality") + v("risk_reduction")) / size
		sc.Explain = fmt.Sprintf("(%s + %s + %s) ÷ %s", Num(v("value")), Num(v("time_criticality")), Num(v("risk_reduction")), Num(size))
	case ModelWeighted:
		var parts []string
		for i, c := range s.criteria {
			term := c.Weight * v(c.ID)
			op := "+"
			if c.Cost {
				term, op = -term, "−"
			}
			sc.Value += term
			t := Num(c.Weight) + "×" + Num(v(c.ID))
			switch {
			case i == 0 && op == "+":
				parts = append(parts, t)
			case i == 0:
				parts = append(parts, "−"+t)
			default:
				parts = append(parts, op+" "+t)
			}
		}
		sc.Explain = strings.Join(parts, " ")
	case ModelFormula:
		env := make(map[string]any, len(s.Keys))
		for _, k := range s.Keys {
			env[k] = v(k)
		}
		out, err := expr.Run(s.program, env)
		if err != nil {
			msg, _, _ := strings.Cut(err.Error(), "\n") // drop expr's source excerpt
			return Score{Problem: "the formula failed: " + msg}
		}
		sc.Value, _ = out.(float64)
		sc.Explain = s.explainFormula(v)
	}
	if math.IsNaN(sc.Value) || math.IsInf(sc.Value, 0) {
		return Score{Problem: "the score is not a finite number (a division by zero, or a result too large?)"}
	}
	sc.Explain += " = " + Num(sc.Value)
	return sc
}

// ScaleProblem is a score outside its model's scale.
type ScaleProblem struct {
	Key     string
	Message string
}

var (
	riceImpacts = []float64{0.25, 0.5, 1, 2, 3}
	fibonacci   = []float64{1, 2, 3, 5, 8, 13, 20}
)

// OutOfScale lists f's scores that lie outside the model's scales.
func (s *Scorer) OutOfScale(f *Feature) []ScaleProblem {
	var out []ScaleProblem
	check := func(key string, ok func(float64) bool, want string) {
		if v, has := f.Scores[key]; has && !ok(v) {
			out = append(out, ScaleProblem{key, fmt.Sprintf("%s is %s; the %s model wants %s", key, Num(v), s.Model, want)})
		}
	}
	in := func(set []float64) func(float64) bool {
		return func(v float64) bool { return slices.Contains(set, v) }
	}
	between := func(lo, hi float64) func(float64) bool {
		return func(v float64) bool { return v >= lo && v <= hi }
	}
	switch s.Model {
	case ModelRICE:
		check("reach", func(v float64) bool { return v >= 0 }, "a reach of 0 or more")
		check("impact", in(riceImpacts), "an impact of 0.25, 0.5, 1, 2 or 3")
		check("confidence", between(0, 100), "a confidence from 0 to 100 (%)")
		// 0.8 is 0.8%: most likely 80% written as a fraction.
		check("confidence", func(v float64) bool { return v <= 0 || v >= 1 }, "a percentage, 80 for 80% (this reads as under 1%)")
		check("effort", func(v float64) bool { return v > 0 }, "an effort above 0 (person-months)")
	case ModelICE:
		for _, k := range iceKeys {
			check(k, between(1, 10), k+" from 1 to 10")
		}
	case ModelWSJF:
		for _, k := range wsjfKeys {
			check(k, in(fibonacci), k+" of 1, 2, 3, 5, 8, 13 or 20")
		}
	}
	return out
}

// Num formats a number for people: integers plainly, fractions with at most
// two decimals.
func Num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	// Round half away from zero, as people do (5.625 is 5.63), before
	// printing two decimals.
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}
