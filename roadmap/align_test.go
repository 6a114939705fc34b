package roadmap_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/northwind-labs/roadmap/roadmap"
)

func loadDir(t *testing.T, dir string) *roadmap.Roadmap {
	t.Helper()
	r, err := roadmap.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func loadText(t *testing.T, text string) *roadmap.Roadmap {
	t.Helper()
	r, err := roadmap.Load(fstest.MapFS{"roadmap.yaml": {Data: []byte(text)}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// alignRules are the rules whose findings align reports too.
var alignRules = []string{"launch-without-campaign", "campaign-misaligned", "launch-unsized"}

// sameAsRules checks that the disagreements align reports for rules are the
// findings of those rules, one for one: the two never disagree.
func sameAsRules(t *testing.T, r *roadmap.Roadmap, today roadmap.Date) {
	t.Helper()
	var fromRules, fromAlign []string
	for _, f := range roadmap.Check(r, roadmap.Options{Today: today}) {
		if slices.Contains(alignRules, f.Rule) {
			fromRules = append(fromRules, f.Rule+": "+f.Message)
		}
	}
	for _, d := range r.Align(today) {
		if d.Rule != "" {
			fromAlign = append(fromAlign, d.Rule+": "+d.Message)
		}
	}
	slices.Sort(fromRules)
	slices.Sort(fromAlign)
	if !slices.Equal(fromRules, fromAlign) {
		t.Errorf("align and the rules disagree\n--- rules\n%s\n--- align\n%s", strings.Join(fromRules, "\n"), strings.Join(fromAlign, "\n"))
	}
}

func TestAlignFixtureHasEachKindOnce(t *testing.T) {
	r := loadDir(t, "../testdata/align")
	ds := r.Align(fixtureToday)
	var kinds []roadmap.AlignKind
	for _, d := range ds {
		kinds = append(kinds, d.Kind)
	}
	if !slices.Equal(kinds, roadmap.AlignKinds) {
		t.Fatalf("kinds %v, want each of %v once, in that order", kinds, roadmap.AlignKinds)
	}
	sameAsRules(t, r, fixtureToday)

	type want struct {
		date                      string
		feature, featureOwner     string
		campaign, campaignOwner   string
		objective, objectiveOwner string
		servedBy                  string
		rule                      string
	}
	wants := map[roadmap.AlignKind]want{
		roadmap.AlignWithoutCampaign: {date: "2027-02-28", feature: "sso", featureOwner: "Devon Price", rule: "launch-without-campaign"},
		roadmap.AlignNotReady:        {date: "2027-04-01", feature: "forecast", featureOwner: "Ana Ruiz", campaign: "spring-push", campaignOwner: "Raj Iyer", rule: "campaign-misaligned"},
		roadmap.AlignSlipped:         {date: "2026-11-10", feature: "receipts", featureOwner: "Devon Price", campaign: "autumn-push", campaignOwner: "Raj Iyer", rule: "campaign-misaligned"},
		roadmap.AlignOutsideWindow:   {date: "2027-02-28", feature: "bank-feeds", featureOwner: "Ana Ruiz", campaign: "winter-push", campaignOwner: "Tomás Herrera", rule: "campaign-misaligned"},
		roadmap.AlignProductOnly:     {date: "2027-06-30", objective: "retain", objectiveOwner: "Mia Lindqvist", servedBy: "audit,invoices"},
		roadmap.AlignMarketingOnly:   {date: "2027-03-31", objective: "awareness", objectiveOwner: "Tomás Herrera", servedBy: "spring-push"},
		roadmap.AlignUnsized:         {date: "2027-01-31", feature: "audit", featureOwner: "Ana Ruiz", rule: "launch-unsized"},
	}
	side := func(s *roadmap.Side) (string, string) {
		if s == nil {
			return "", ""
		}
		return s.ID, s.OwnerName
	}
	for _, d := range ds {
		var got want
		got.date = d.Date.String()
		got.feature, got.featureOwner = side(d.Feature)
		got.campaign, got.campaignOwner = side(d.Campaign)
		got.objective, got.objectiveOwner = side(d.Objective)
		got.servedBy = strings.Join(d.ServedBy, ",")
		got.rule = d.Rule
		if got != wants[d.Kind] {
			t.Errorf("%s:\n got %+v\nwant %+v", d.Kind, got, wants[d.Kind])
		}
		if d.Message == "" {
			t.Errorf("%s has no message", d.Kind)
		}
	}
}

// TestAlignAgreesWithRuleFixtures runs align over every fixture of the rules
// it shares code with.
func TestAlignAgreesWithRuleFixtures(t *testing.T) {
	for _, rule := range alignRules {
		files, err := filepath.Glob(filepath.Join("../testdata/rules", rule, "*.yaml"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no fixtures for %s: %v", rule, err)
		}
		for _, file := range files {
			t.Run(rule+"/"+filepath.Base(file), func(t *testing.T) {
				text, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				sameAsRules(t, loadText(t, string(text)), fixtureToday)
			})
		}
	}
}

func TestAlignOrdersByUrgency(t *testing.T) {
	r := loadText(t, `product: Acme
features:
  - {id: zeta, title: Zeta, status: planned, target: 2027-03, launch: {size: large}}
  - {id: beta, title: Beta, status: planned, target: next, launch: {size: large}}
  - {id: alpha, title: Alpha, status: planned, target: next, launch: {size: medium}}
  - {id: gamma, title: Gamma, status: in-progress, target: 2027-Q1, launch: {size: large, date: 2027-01-15}}
  - {id: delta, title: Delta, status: planned, target: 2027-03-31, launch: {size: large}}
  - {id: sso, title: SSO, status: planned, target: 2026-12}
campaigns:
  - {id: other, title: Other, status: planned}
`)
	var got []string
	for _, d := range r.Align(fixtureToday) {
		got = append(got, string(d.Kind)+" "+d.Feature.ID)
	}
	want := []string{
		// Launches first, by launch day (ties by id), undated last.
		"launch-without-campaign gamma",
		"launch-without-campaign delta",
		"launch-without-campaign zeta",
		"launch-without-campaign alpha",
		"launch-without-campaign beta",
		"launch-unsized sso",
	}
	if !slices.Equal(got, want) {
		t.Errorf("order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAlignObeysLintSettings(t *testing.T) {
	text := `product: Acme
lint:
  rules:
    launch-unsized: off
features:
  # roadmap:ignore launch-without-campaign the Live keynote carries it
  - {id: sso, title: SSO, status: planned, target: 2027-02, launch: {size: large}}
  - {id: export, title: Export, status: planned, target: 2027-02, launch: {size: large}}
  - {id: audit, title: Audit, status: planned, target: 2026-12}
  - {id: legacy, title: Legacy, status: dropped}
campaigns:
  - id: winter
    title: Winter
    status: running
    features:
      - legacy # roadmap:ignore campaign-misaligned being taken out this week
objectives:
  - {id: grow, title: Grow, kind: shared}
`
	r := loadText(t, text)
	var got []string
	for _, d := range r.Align(fixtureToday) {
		got = append(got, string(d.Kind))
	}
	if want := []string{"launch-without-campaign"}; !slices.Equal(got, want) {
		t.Errorf("kinds %v, want %v (export alone: the rest is silenced)", got, want)
	}
	sameAsRules(t, r, fixtureToday)
}

func TestAlignWithoutCampaigns(t *testing.T) {
	// No campaigns: no marketing roadmap to disagree with, only the launches
	// to classify.
	r := loadText(t, `product: Acme
objectives:
  - {id: grow, title: Grow, kind: shared}
features:
  - {id: sso, title: SSO, status: planned, target: 2027-01, objectives: [grow], launch: {size: large}}
  - {id: audit, title: Audit, status: planned, target: 2026-12, objectives: [grow]}
`)
	ds := r.Align(fixtureToday)
	if len(ds) != 1 || ds[0].Kind != roadmap.AlignUnsized || ds[0].Feature.ID != "audit" {
		t.Errorf("got %+v, want audit's launch to classify alone", ds)
	}
	// Without a today, nothing is due.
	if ds := r.Align(roadmap.Date{}); len(ds) != 0 {
		t.Errorf("without today: %+v", ds)
	}
}

func TestAlignNorthwindAgrees(t *testing.T) {
	r := loadDir(t, "../examples/northwind")
	if ds := r.Align(fixtureToday); len(ds) != 0 {
		for _, d := range ds {
			t.Errorf("%s: %s", d.Kind, d.Message)
		}
	}
	sameAsRules(t, r, fixtureToday)
}
