package render

import (
	"strings"
	"testing"
)

func TestRevisionName(t *testing.T) {
	sha1 := "3f2a9c1e7b5d4a60918273645546372819a0b1c2"
	for rev, want := range map[string]string{
		sha1:                              "3f2a9c1",
		strings.ToUpper(sha1):             "3F2A9C1",
		sha1 + sha1[:24]:                  "3f2a9c1", // SHA-256
		sha1[:39]:                         sha1[:39], // an abbreviation is given as is
		"release/" + sha1[:32]:            "release/" + sha1[:32],
		strings.Repeat("feature", 6)[:40]: strings.Repeat("feature", 6)[:40],
		"HEAD~3":                          "HEAD~3",
		"":                                "",
	} {
		if got := revisionName(rev); got != want {
			t.Errorf("revisionName(%q) = %q, want %q", rev, got, want)
		}
	}
}

// TestDiffMarkdownCutsHashes: a pull request's summary names its sides,
// and the side that was not read, by short hash.
func TestDiffMarkdownCutsHashes(t *testing.T) {
	from, to := "3f2a9c1e7b5d4a60918273645546372819a0b1c2", "9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c"
	var b strings.Builder
	if err := WriteDiffMarkdown(&b, DiffReport{From: from, To: to, Unread: []UnreadSide{{Side: to, Files: []string{"features.yaml"}}}}); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, from) || strings.Contains(out, to) || !strings.Contains(out, "From 3f2a9c1 to 9b8c7d6.") || !strings.Contains(out, "features.yaml at 9b8c7d6 was not read") {
		t.Errorf("markdown diff:\n%s", out)
	}
}
