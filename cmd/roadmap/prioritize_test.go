package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/northwind-labs/roadmap/render/golden"
)

// modelsDir is a roadmap scored under every model (testdata/prioritize/models).
var modelsDir = filepath.Join("..", "..", "testdata", "prioritize", "models")

func TestPrioritizeGolden(t *testing.T) {
	tests := []struct {
		name string
		dir  string
		args []string
	}{
		{"northwind.table", exampleDir, nil},
		{"northwind-period.table", exampleDir, []string{"--period", "2027-Q1"}},
		{"northwind-explain.table", exampleDir, []string{"--period", "2027-Q1", "--explain"}},
		{"northwind-period.md", exampleDir, []string{"--period", "2027-Q1", "--explain", "--format", "md"}},
		{"northwind-period.csv", exampleDir, []string{"--period", "2027-Q1", "--format", "csv"}},
		{"northwind-period.json", exampleDir, []string{"--period", "2027-Q1", "--format", "json"}},
		{"northwind-ideas.table", exampleDir, []string{"--status", "idea", "--capacity", "3"}},
		{"northwind-compare.table", exampleDir, []string{"--compare", "rice,wsjf", "--period", "2027-Q1"}},
		{"models.table", modelsDir, []string{"--period", "2027-Q1", "--explain"}},
		{"models-weighted.table", modelsDir, []string{"--model", "weighted", "--explain"}},
		{"models-formula.md", modelsDir, []string{"--model", "formula", "--explain", "--format", "md"}},
		{"models.csv", modelsDir, []string{"--period", "2027-Q1", "--format", "csv"}},
		{"models.json", modelsDir, []string{"--period", "2027-Q1", "--format", "json"}},
		{"models-compare.table", modelsDir, []string{"--compare", "rice,ice,wsjf,weighted,formula", "--period", "2027-Q1"}},
		{"models-compare.md", modelsDir, []string{"--compare", "rice,ice,wsjf,weighted,formula", "--format", "md"}},
		{"models-compare.csv", modelsDir, []string{"--compare", "rice,wsjf", "--period", "2027-Q1", "--format", "csv"}},
		{"models-compare.json", modelsDir, []string{"--compare", "rice,wsjf", "--period", "2027-Q1", "--format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"prioritize", "--dir", tt.dir, "--today", "2026-11-23"}, tt.args...)
			r := pipe.run(t, args...)
			r.expect(t, 0)
			if again := pipe.run(t, args...); again.stdout != r.stdout {
				t.Errorf("output is not deterministic")
			}
			if strings.Contains(r.stdout, "\x1b[") {
				t.Errorf("piped output has escape codes")
			}
			for _, bad := range []string{"NaN", "Inf"} {
				if strings.Contains(r.stdout, bad) {
					t.Errorf("output holds %s:\n%s", bad, r.stdout)
				}
			}
			golden.Assert(t, "prioritize/"+tt.name, []byte(r.stdout+stderrSection(r.stderr)))
		})
	}
}

// stderrSection appends what a command said on stderr to its golden file, so
// that warnings are reviewed with the output they come with.
func stderrSection(stderr string) string {
	if stderr == "" {
		return ""
	}
	return "--- stderr\n" + stderr
}

// TestPrioritizeTerminal: on an 80-column terminal no line is wider than 80,
// styled or not, and the cut line is drawn.
func TestPrioritizeTerminal(t *testing.T) {
	for _, args := range [][]string{
		{"--period", "2027-Q1"},
		{"--period", "2027-Q1", "--explain"},
		{"--compare", "rice,wsjf,ice", "--period", "2027-Q1"},
	} {
		for _, s := range []session{
			{terminal: true, width: 80},
			{terminal: true, width: 80, env: map[string]string{"NO_COLOR": "1"}},
		} {
			r := s.run(t, append([]string{"prioritize", "--dir", exampleDir}, args...)...)
			r.expect(t, 0)
			for _, line := range strings.Split(strings.TrimRight(r.stdout, "\n"), "\n") {
				if w := visibleWidth(line); w > 80 {
					t.Errorf("%v: line of %d columns on an 80-column terminal: %q", args, w, line)
				}
			}
			if styled := strings.Contains(r.stdout, "\x1b["); styled != (s.env == nil) {
				t.Errorf("%v: styled %v with env %v", args, styled, s.env)
			}
			if args[0] == "--period" && !strings.Contains(r.stdout, "cut line") {
				t.Errorf("%v: no cut line:\n%s", args, r.stdout)
			}
		}
	}
	r := session{terminal: true, width: 80, env: map[string]string{"NO_COLOR": "1"}}.run(t, "prioritize", "--dir", exampleDir, "--period", "2027-Q1")
	golden.Assert(t, "prioritize/northwind-80-columns.table", []byte(r.stdout))
}

func TestPrioritizeJSONIsValid(t *testing.T) {
	for _, args := range [][]string{
		{"--period", "2027-Q1"},
		{"--model", "formula"},
		{"--compare", "rice,ice,wsjf,weighted,formula", "--period", "2027-Q1"},
	} {
		r := pipe.run(t, append([]string{"prioritize", "--dir", modelsDir, "--format", "json"}, args...)...)
		r.expect(t, 0)
		var doc map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if doc["schemaVersion"] != 2.0 || (doc["kind"] != "ranking" && doc["kind"] != "comparison") {
			t.Errorf("%v: envelope %v %v", args, doc["schemaVersion"], doc["kind"])
		}
	}
}

// TestPrioritizeCSVIsSafe: a title that a spreadsheet would run as a formula
// is neutralised.
func TestPrioritizeCSVIsSafe(t *testing.T) {
	r := pipe.run(t, "prioritize", "--dir", modelsDir, "--format", "csv")
	r.expect(t, 0)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		for _, cell := range row {
			if len(cell) > 0 && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
			if strings.HasPrefix(cell, "'=HYPERLINK") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the trap title is missing:\n%s", r.stdout)
	}
}

func TestPrioritizeErrors(t *testing.T) {
	badFormula := t.TempDir()
	write(t, badFormula, "roadmap.yaml", "product: Acme\nscoring:\n  model: formula\n  formula: reach * / effort\n")
	write(t, badFormula, "features.yaml", "features:\n  - {id: a, title: A, status: idea, scores: {reach: 1, effort: 1}}\n")
	noCriteria := t.TempDir()
	write(t, noCriteria, "roadmap.yaml", "product: Acme\n")
	weightedNoCriteria := t.TempDir()
	write(t, weightedNoCriteria, "roadmap.yaml", "product: Acme\nscoring:\n  model: weighted\n")
	// A criterion without a weight, or with one that is no number, would
	// weigh nothing and rank as if it were not there.
	noWeight := t.TempDir()
	write(t, noWeight, "roadmap.yaml", "product: Acme\nscoring:\n  criteria:\n    - {id: value, weight: 2}\n    - id: cost\n")
	write(t, noWeight, "features.yaml", "features:\n  - {id: a, title: A, status: idea, scores: {value: 1, cost: 9}}\n")
	blankWeight := t.TempDir()
	write(t, blankWeight, "roadmap.yaml", "product: Acme\nscoring:\n  model: weighted\n  criteria:\n    - {id: value, weight: \"\"}\n")
	write(t, blankWeight, "features.yaml", "features:\n  - {id: a, title: A, status: idea, scores: {value: 1}}\n")
	noID := t.TempDir()
	write(t, noID, "roadmap.yaml", "product: Acme\nscoring:\n  model: weighted\n  criteria:\n    - {id: value, weight: 2}\n    - {name: revenue, weight: 3}\n")
	write(t, noID, "features.yaml", "features:\n  - {id: a, title: A, status: idea, scores: {value: 1}}\n")
	twice := t.TempDir()
	write(t, twice, "roadmap.yaml", "product: Acme\nscoring:\n  model: weighted\n  criteria:\n    - {id: effort, weight: 3}\n    - {id: effort, weight: 2, cost: true}\n")
	write(t, twice, "features.yaml", "features:\n  - {id: a, title: A, status: idea, scores: {effort: 1}}\n")
	badWeight := t.TempDir()
	write(t, badWeight, "roadmap.yaml", "product: Acme\nscoring:\n  model: weighted\n  criteria:\n    - {id: value, weight: lots}\n")
	write(t, badWeight, "features.yaml", "features:\n  - {id: a, title: A, status: idea, scores: {value: 1}}\n")

	tests := []struct {
		name string
		dir  string
		args []string
		code int
		want []string
	}{
		{"unknown model", exampleDir, []string{"--model", "rcie"}, 2,
			[]string{`--model: unknown scoring model "rcie"; choose one of rice, ice, wsjf, weighted, formula; did you mean "rice"?`}},
		{"unknown model in compare", exampleDir, []string{"--compare", "rice,wjsf"}, 2, []string{`did you mean "wsjf"?`}},
		{"unknown period", exampleDir, []string{"--period", "2027-Q3"}, 2,
			[]string{`--period: no capacity for "2027-Q3" in scoring.capacity; periods with a capacity: 2026-Q4, 2027-Q1, 2027-Q2`}},
		{"no capacities", noCriteria, []string{"--period", "2027-Q1"}, 2, []string{"roadmap.yaml sets no scoring.capacity"}},
		{"capacity and period", exampleDir, []string{"--capacity", "10", "--period", "2027-Q1"}, 2, []string{"--capacity and --period both draw the cut line"}},
		{"negative capacity", exampleDir, []string{"--capacity", "-1"}, 2, []string{"--capacity must be a number of 0 or more"}},
		{"nan capacity", exampleDir, []string{"--capacity", "NaN"}, 2, []string{"--capacity must be a number of 0 or more"}},
		{"model and compare", exampleDir, []string{"--model", "ice", "--compare", "rice,wsjf"}, 2, []string{"--model and --compare"}},
		{"explain and compare", exampleDir, []string{"--explain", "--compare", "rice,wsjf"}, 2, []string{"--explain shows one model's arithmetic"}},
		{"unknown status", exampleDir, []string{"--status", "parkd"}, 2, []string{`did you mean "parked"?`}},
		{"bad format", exampleDir, []string{"--format", "html"}, 2, []string{`unknown --format "html"`}},
		{"extra argument", exampleDir, []string{"rice"}, 2, []string{`prioritize takes no arguments (got "rice")`}},
		{"model without settings", noCriteria, []string{"--model", "weighted"}, 2, []string{"the weighted model needs scoring.criteria in roadmap.yaml"}},
		// The same settings chosen by roadmap.yaml are the roadmap's error.
		{"roadmap.yaml model without settings", weightedNoCriteria, nil, 1, []string{"roadmap.yaml:3:10: the weighted model needs scoring.criteria"}},
		// Even when the flag chose the model, the criterion is roadmap.yaml's.
		{"criterion without a weight", noWeight, []string{"--model", "weighted"}, 1, []string{`roadmap.yaml:5:7: criterion "cost" has no weight`}},
		{"criterion without a weight in compare", noWeight, []string{"--compare", "rice,weighted"}, 1, []string{`criterion "cost" has no weight`}},
		{"criterion without an id", noID, nil, 1, []string{`roadmap.yaml:6:7: scoring.criteria[1] has no id`}},
		{"criterion named twice", twice, nil, 1, []string{`roadmap.yaml:6:12: criterion "effort" is named twice (scoring.criteria[0] and scoring.criteria[1])`}},
		{"weight written blank", blankWeight, nil, 1, []string{`roadmap.yaml:5:7: criterion "value" has no weight`}},
		{"weight that is no number", badWeight, nil, 1, []string{`roadmap.yaml:5:27: criterion "value" has the weight "lots", which is not a number`}},
		// The formula is an error in roadmap.yaml that validate reports too:
		// exit 1, pointing at the formula's line and at the place in it.
		{"bad formula", badFormula, nil, 1, []string{
			`roadmap.yaml:4:12: scoring.formula does not compile: unexpected token Operator("/") (line 1, column 9 of the formula)`}},
		{"bad formula in compare", badFormula, []string{"--compare", "rice,formula"}, 1, []string{"column 9 of the formula"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := session{wd: tt.dir}.run(t, append([]string{"prioritize", "--dir", "."}, tt.args...)...)
			r.expect(t, tt.code)
			if r.stdout != "" {
				t.Errorf("stdout is not empty: %q", r.stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if !strings.HasPrefix(r.stderr, "roadmap: ") {
				t.Errorf("stderr: %q", r.stderr)
			}
			// A setting that cannot score is said once, not again among
			// the roadmap's errors.
			if tt.code == 1 && strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr is not the one error:\n%s", r.stderr)
			}
		})
	}
	// The bad formula does not stop another model.
	r := session{wd: badFormula}.run(t, "prioritize", "--model", "rice")
	r.expect(t, 0)
	if !strings.Contains(r.stderr, "the roadmap has 1 error(s)") {
		t.Errorf("no warning: %q", r.stderr)
	}
}

// TestPrioritizeBrokenRoadmap: a roadmap with errors still ranks, with a
// warning on stderr.
func TestPrioritizeBrokenRoadmap(t *testing.T) {
	dir := brokenRoadmap(t)
	r := session{wd: dir}.run(t, "prioritize", "--status", "planned")
	r.expect(t, 0)
	if !strings.Contains(r.stderr, "roadmap: warning: the roadmap has 1 error(s) in its files; run 'roadmap validate'") {
		t.Errorf("stderr: %q", r.stderr)
	}
	if !strings.Contains(r.stdout, "search  lacks reach, impact, confidence, effort") {
		t.Errorf("stdout: %q", r.stdout)
	}
}

func TestPrioritizeNoCandidates(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\nfeatures:\n  - {id: a, title: A, status: shipped, shipped: 2026-01-05}\n")
	s := session{wd: dir}
	r := s.run(t, "prioritize")
	r.expect(t, 0)
	if r.stdout != "" || r.stderr != "No candidates: no feature has status idea, planned or parked.\n" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	j := s.run(t, "prioritize", "--format", "json")
	j.expect(t, 0)
	if !strings.Contains(j.stdout, `"features": []`) {
		t.Errorf("json: %s", j.stdout)
	}
}

// TestPrioritizeTitlesStayOnOneLine: a title with a line break or an escape
// sequence neither breaks the table nor reaches the terminal as a command.
func TestPrioritizeTitlesStayOnOneLine(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: Acme\nfeatures:\n"+
		"  - id: evil\n    title: \"Evil\\e]0;pwned\\aone\\nsecond line\"\n    status: idea\n"+
		"    scores: {reach: 1, impact: 1, confidence: 100, effort: 1}\n")
	for _, s := range []session{{wd: dir}, {wd: dir, terminal: true, width: 80}} {
		r := s.run(t, "prioritize")
		r.expect(t, 0)
		if strings.Contains(r.stdout, "\x07") || strings.Contains(r.stdout, "\x1b]") {
			t.Errorf("an escape sequence reaches the terminal: %q", r.stdout)
		}
		if !strings.Contains(r.stdout, "one second line") {
			t.Errorf("the title is not on one line:\n%s", r.stdout)
		}
	}
}

// TestSettingsThatDoNotReadAreNamed: a capacity that does not read leaves
// prioritize without it; the warning names each, where it is, as it names a
// feature's value. A model that does not read stops it, with one error.
func TestSettingsThatDoNotReadAreNamed(t *testing.T) {
	for _, tc := range []struct{ scoring, names string }{
		{"  model: rice\n  capacity: {2027-Q5: 10}\n", `roadmap.yaml:4:14: error: scoring.capacity: "2027-Q5" is not a target`},
		{"  model: rice\n  capacity: {2027-Q1: lots}\n", `roadmap.yaml:4:23: error: scoring.capacity.2027-Q1 must be a number, not "lots"`},
		{"  model: rice\n  capacity: {2027-Q1: -4}\n", "roadmap.yaml:4:23: error: scoring.capacity.2027-Q1 is -4; a capacity is the effort available, 0 or more"},
		// A model that cannot rank is the command's one error.
		{"  model: formula\n  formula: reach *\n", "roadmap: roadmap.yaml:4:12: scoring.formula does not compile"},
		{"  model: weighted\n  criteria:\n    - {id: fit, weight: heavy}\n", `roadmap: roadmap.yaml:5:25: criterion "fit" has the weight "heavy", which is not a number`},
	} {
		dir := t.TempDir()
		write(t, dir, "roadmap.yaml", "product: Acme\nscoring:\n"+tc.scoring)
		write(t, dir, "features.yaml", "features:\n  - {id: feeds, title: Feeds, status: idea, target: 2027-Q1}\n")
		r := session{wd: dir}.run(t, "prioritize", "--today", "2026-11-24")
		if strings.HasPrefix(tc.names, "roadmap: ") {
			r.expect(t, 1)
			if !strings.HasPrefix(r.stderr, tc.names) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("scoring:\n%sstderr is not the one error %q:\n%s", tc.scoring, tc.names, r.stderr)
			}
			continue
		}
		if !strings.Contains(r.stderr, "these read as unset") || !strings.Contains(r.stderr, "\n  "+tc.names) {
			t.Errorf("scoring:\n%sstderr does not name %q:\n%s", tc.scoring, tc.names, r.stderr)
		}
	}
}

// TestExplainWrapsOnANarrowTerminal: the arithmetic --explain asks for is
// wrapped under its feature, never cut, however narrow the terminal.
func TestExplainWrapsOnANarrowTerminal(t *testing.T) {
	r := session{terminal: true, width: 40, env: map[string]string{"NO_COLOR": "1"}}.run(t, "prioritize", "--dir", exampleDir, "--explain")
	r.expect(t, 0)
	if !strings.Contains(r.stdout, "  20  crypto-wallet-sync\n      150 × 0.5 × 30% ÷ 4 = 5.63\n") {
		t.Errorf("the arithmetic is not whole under its feature:\n%s", r.stdout)
	}
	for _, l := range strings.Split(r.stdout, "\n") {
		if utf8.RuneCountInString(l) > 40 {
			t.Errorf("line of %d columns: %q", utf8.RuneCountInString(l), l)
		}
	}
	// Where some features' arithmetic fits beside them and some does not,
	// all of it goes under its feature, so the list reads one way.
	r = session{terminal: true, width: 56, env: map[string]string{"NO_COLOR": "1"}}.run(t, "prioritize", "--dir", exampleDir, "--explain")
	_, arithmetic, _ := strings.Cut(r.stdout, "Arithmetic:\n")
	ranked := regexp.MustCompile(`(?m)^ +\d+  \S+.*$`)
	if lines := ranked.FindAllString(arithmetic, -1); len(lines) == 0 {
		t.Errorf("no ranked feature in the arithmetic:\n%s", r.stdout)
	} else {
		for _, l := range lines {
			if strings.Contains(l, " = ") {
				t.Errorf("at 56 columns a feature keeps its arithmetic beside it, and others under them: %q\n%s", l, r.stdout)
				break
			}
		}
	}
}

// TestCutLineKeepsItsLabel: in a pipe, and on a terminal with room, the cut
// line names its capacity and period whole, however short the titles.
func TestCutLineKeepsItsLabel(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "roadmap.yaml", "product: P\nscoring:\n  capacity: {2027-Q1: 5}\n")
	write(t, dir, "features.yaml", "features:\n"+
		"  - {id: a, title: A, status: planned, scores: {reach: 2, impact: 1, confidence: 100, effort: 4}}\n"+
		"  - {id: b, title: B, status: planned, scores: {reach: 1, impact: 1, confidence: 100, effort: 4}}\n")
	for _, s := range []session{pipe, {terminal: true, width: 100}, {terminal: true, width: 100, env: map[string]string{"NO_COLOR": "1"}}} {
		r := s.run(t, "prioritize", "--dir", dir, "--period", "2027-Q1")
		r.expect(t, 0)
		if !strings.Contains(ansi.Strip(r.stdout), "cut line at 5 (2027-Q1) ─") {
			t.Errorf("the cut line lost its label (terminal %v, env %v):\n%s", s.terminal, s.env, r.stdout)
		}
	}
}
