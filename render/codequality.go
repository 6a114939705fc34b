package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/northwind-labs/roadmap/roadmap"
)

// codeQualityIssue is one entry of a GitLab Code Quality report.
type codeQualityIssue struct {
	Description string              `json:"description"`
	CheckName   string              `json:"check_name"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	Path  string `json:"path"`
	Lines struct {
		Begin int `json:"begin"`
	} `json:"lines"`
}

// WriteFindingsCodeQuality writes findings as a GitLab Code Quality report (a
// JSON list; GitLab reads it from artifacts:reports:codequality and shows the
// findings in the merge request). Paths are the repository-relative ones the
// findings carry; errors are major, warnings minor.
func WriteFindingsCodeQuality(w io.Writer, r Findings) error {
	issues := make([]codeQualityIssue, len(r.Findings))
	for i, f := range r.Findings {
		sev := "minor"
		if f.Severity == roadmap.SeverityError {
			sev = "major"
		}
		issues[i] = codeQualityIssue{
			Description: f.Message + " [" + f.Rule + "]",
			CheckName:   f.Rule,
			Severity:    sev,
		}
		issues[i].Location.Path = f.Path
		issues[i].Location.Lines.Begin = f.Line
	}
	for i, fp := range fingerprints(r.Findings) {
		issues[i].Fingerprint = fp
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(issues); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// fingerprints identifies each finding by its rule, path and message (and how
// many alike came before it), not its line, so a finding keeps its identity
// when lines above it move: code scanning and GitLab then see the same
// finding, not a fixed one and a new one.
func fingerprints(fs []roadmap.Finding) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		key := f.Rule + "\x00" + f.Path + "\x00" + f.Message
		seen[key]++
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, seen[key])))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}
