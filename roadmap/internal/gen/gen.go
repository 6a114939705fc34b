// Package gen generates large, valid roadmaps for benchmarks and property
// tests: deterministic for a seed, shaped like real ones (every field, several
// files, dependencies, launches), so no megabytes of test data are committed.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

// Options size a generated roadmap.
type Options struct {
	Features int
	Files    int
	Seed     uint64
}

var (
	statuses = []string{"idea", "planned", "planned", "in-progress", "shipped", "parked", "dropped"}
	targets  = []string{"2027-Q1", "2027-Q2", "2027-02", "2027-05-15", "2027-H2", "next", "later"}
	sizes    = []string{"none", "small", "medium", "large"}
	visible  = []string{"public", "nda", "internal", "confidential"}
	impacts  = []string{"0.25", "0.5", "1", "2", "3"}
	roles    = []string{"product", "marketing", "engineering"}
	words    = strings.Fields("fast secure simple smart bulk shared offline mobile audit export import sync realtime custom automatic scheduled")
	nouns    = strings.Fields("invoices reports payments dashboards reminders budgets receipts approvals exports connectors alerts forecasts")
)

// doneTasks lists every built-in playbook task of a size as done, so that
// generated launches do not trip launch-lead-time.
var doneTasks = map[string]string{
	"large":  "positioning, analyst-briefing, enablement, press-release, launch-content, docs, launch-review",
	"medium": "positioning, enablement, blog-post, docs",
	"small":  "release-notes, in-app-mention",
}

// Roadmap returns the files of a roadmap: roadmap.yaml, people, objectives and
// themes, and the features spread evenly over features/NNN.yaml.
func Roadmap(o Options) fstest.MapFS {
	rng := rand.New(rand.NewPCG(o.Seed, 7))
	fs := fstest.MapFS{}
	fs["roadmap.yaml"] = &fstest.MapFile{Data: []byte(`product: Generated
vision: A generated roadmap for benchmarks.
scoring:
  model: rice
  capacity:
    2027-Q1: 100000
    2027-Q2: 100000
  park_below: 1
`)}
	var people strings.Builder
	people.WriteString("people:\n")
	for i := range 30 {
		fmt.Fprintf(&people, "  - id: person-%d\n    name: Person %d\n    role: %s\n", i, i, roles[i%3])
	}
	fs["people.yaml"] = &fstest.MapFile{Data: []byte(people.String())}
	var misc strings.Builder
	misc.WriteString("objectives:\n")
	for i := range 20 {
		fmt.Fprintf(&misc, "  - id: objective-%d\n    title: Objective %d\n    kind: shared\n    owner: person-0\n    metric: Metric %d\n    target: \"%d\"\n    due: 2027-H2\n", i, i, i, 100*i)
	}
	misc.WriteString("themes:\n")
	for i := range 10 {
		fmt.Fprintf(&misc, "  - id: theme-%d\n    title: Theme %d\n", i, i)
	}
	misc.WriteString("personas:\n  - id: admin\n    name: Admin\n")
	fs["objectives.yaml"] = &fstest.MapFile{Data: []byte(misc.String())}

	files := max(o.Files, 1)
	per := (o.Features + files - 1) / files
	for fi := range files {
		var b strings.Builder
		b.WriteString("features:\n")
		for j := range per {
			n := fi*per + j
			if n >= o.Features {
				break
			}
			writeFeature(&b, rng, n)
		}
		fs[fmt.Sprintf("features/%03d.yaml", fi)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fs
}

func writeFeature(b *strings.Builder, rng *rand.Rand, n int) {
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	status := pick(statuses)
	fmt.Fprintf(b, "  - id: feature-%d\n", n)
	fmt.Fprintf(b, "    title: %s %s for teams %d\n", strings.ToUpper(pick(words)[:1])+pick(words)[1:], pick(nouns), n)
	fmt.Fprintf(b, "    summary: Teams get %s %s without leaving the app.\n", pick(words), pick(nouns))
	fmt.Fprintf(b, "    status: %s\n", status)
	fmt.Fprintf(b, "    theme: theme-%d\n", rng.IntN(10))
	fmt.Fprintf(b, "    objectives: [objective-%d]\n", rng.IntN(20))
	fmt.Fprintf(b, "    owners:\n      product: person-%d\n      marketing: person-%d\n      engineering: person-%d\n", 3*rng.IntN(10), 3*rng.IntN(10)+1, 3*rng.IntN(10)+2)
	fmt.Fprintf(b, "    target: %s\n", pick(targets))
	if status == "shipped" {
		b.WriteString("    shipped: 2026-10-01\n")
	}
	size := pick(sizes)
	fmt.Fprintf(b, "    launch:\n      size: %s\n", size)
	if done := doneTasks[size]; done != "" {
		fmt.Fprintf(b, "      done: [%s]\n", done)
	}
	fmt.Fprintf(b, "    scores:\n      reach: %d\n      impact: %s\n      confidence: %d\n      effort: %d\n", 100+rng.IntN(5000), pick(impacts), 10*(1+rng.IntN(10)), 1+rng.IntN(8))
	fmt.Fprintf(b, "    messaging:\n      value: Save an hour a week on %s.\n      personas: [admin]\n", pick(nouns))
	fmt.Fprintf(b, "    visibility: %s\n", pick(visible))
	if n > 0 && rng.IntN(3) == 0 {
		// Depend on an earlier feature: the generator's statuses and targets
		// are random, so some dependencies are out of order, as in real plans.
		fmt.Fprintf(b, "    depends_on: [feature-%d]\n", rng.IntN(n))
	}
	fmt.Fprintf(b, "    customers: [Globex, Initech]\n    notes: Asked for by %d accounts.\n    tags: [%s, %s]\n", rng.IntN(50), pick(words), pick(nouns))
}
