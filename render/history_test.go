package render

import (
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/roadmap"
)

// TestHistorySaysSince: a history cut by --since says since when in every
// format, and one with no commits says so rather than counting zero.
func TestHistorySaysSince(t *testing.T) {
	rev := "3f2a9c1e7b5d4a60918273645546372819a0b1c2"
	none := HistoryReport{Item: "feature", ID: "sso", Title: "Single sign-on", Since: rev}
	some := HistoryReport{Item: "feature", ID: "sso", Title: "Single sign-on", Since: "2026-10-01",
		Events: []roadmap.Event{{Kind: roadmap.Added, Commit: &roadmap.Commit{Short: "3f2a9c1", Date: "2026-10-02", Author: "Ana", Subject: "Plan SSO"}}}}
	tests := []struct {
		report HistoryReport
		write  func(*strings.Builder, HistoryReport) error
		want   string
	}{
		{none, func(b *strings.Builder, h HistoryReport) error { return Output{}.WriteHistoryText(b, h) }, "sso  Single sign-on: no commits since 3f2a9c1\n"},
		{some, func(b *strings.Builder, h HistoryReport) error { return Output{}.WriteHistoryText(b, h) }, "sso  Single sign-on: 1 commit since 2026-10-01\n"},
		{none, func(b *strings.Builder, h HistoryReport) error { return WriteHistoryMarkdown(b, h) }, "### History of `sso` Single sign-on\n\nNo commits since 3f2a9c1.\n"},
		{HistoryReport{ID: "sso", Title: "Single sign-on"}, func(b *strings.Builder, h HistoryReport) error { return WriteHistoryMarkdown(b, h) }, "### History of `sso` Single sign-on\n\nNo commits.\n"},
		{none, func(b *strings.Builder, h HistoryReport) error { return WriteHistoryJSON(b, h) }, `"since": "` + rev + `"`},
	}
	for i, tt := range tests {
		var b strings.Builder
		if err := tt.write(&b, tt.report); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("%d: got\n%s\nwant %q", i, b.String(), tt.want)
		}
	}
	var b strings.Builder
	if err := WriteHistoryJSON(&b, HistoryReport{ID: "sso"}); err != nil || strings.Contains(b.String(), "since") {
		t.Errorf("json without --since names one (%v):\n%s", err, b.String())
	}
}
