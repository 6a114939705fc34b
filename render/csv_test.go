package render

import "testing"

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "",
		"plain":                  "plain",
		"12":                     "12",
		"-5":                     "-5",
		"-0.25":                  "-0.25",
		"-5-1":                   "'-5-1",
		"-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
		"-":                      "'-",
		"-1e5":                   "'-1e5",
		"=HYPERLINK(\"x\")":      "'=HYPERLINK(\"x\")",
		"+1":                     "'+1",
		"@SUM(A1)":               "'@SUM(A1)",
		"\tTAB":                  "'\tTAB",
		"-5\n=1":                 "'-5\n=1",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}
