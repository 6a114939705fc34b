package render

import (
	"io"

	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/owenrumney/go-sarif/v2/sarif"
)

// InformationURI is where the SARIF report says roadmap lives.
const InformationURI = "https://github.com/northwind-labs/roadmap"

// WriteFindingsSARIF writes a SARIF 2.1.0 log: one run, every rule's metadata,
// one result per finding with a repository-relative uri and a fingerprint that
// survives lines moving.
func WriteFindingsSARIF(w io.Writer, r Findings, rules []*roadmap.Rule, version string) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("roadmap", InformationURI)
	run.Tool.Driver.Version = &version
	index := map[string]int{}
	for i, rule := range rules {
		index[rule.ID] = i
		run.AddRule(rule.ID).
			WithName(rule.ID).
			WithShortDescription(sarif.NewMultiformatMessageString(rule.Summary)).
			WithHelpURI(InformationURI + "/blob/main/" + RuleDocPath(rule.ID)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(rule.Severity)))
	}
	fps := fingerprints(r.Findings)
	for i, f := range r.Findings {
		res := run.CreateResultForRule(f.Rule).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message))
		if i, ok := index[f.Rule]; ok {
			res.WithRuleIndex(i)
		}
		res.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewSimpleArtifactLocation(f.Path)).
			WithRegion(sarif.NewRegion().WithStartLine(f.Line).WithStartColumn(f.Column))))
		res.WithPartialFingerPrints(map[string]any{"roadmapFinding/v1": fps[i]})
	}
	run.Results = sarifResults(run.Results)
	report.AddRun(run)
	return report.PrettyWrite(w)
}

func sarifResults(rs []*sarif.Result) []*sarif.Result {
	if rs == nil {
		return []*sarif.Result{}
	}
	return rs
}

func sarifLevel(s roadmap.Severity) string {
	if s == roadmap.SeverityError {
		return "error"
	}
	return "warning"
}
