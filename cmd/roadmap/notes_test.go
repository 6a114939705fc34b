package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/northwind-labs/roadmap/render/browser"
	"github.com/northwind-labs/roadmap/render/golden"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

// notesRepo ships four features between v1 and v2: one public, one internal,
// one confidential, and one public feature with no theme; a fifth was shipped
// before v1. Hidden fields carry canaries.
func notesRepo(t *testing.T) *gittest.Repo {
	b := gittest.New(t)
	b.Write("roadmap.yaml", `product: Acme Books
themes:
  - {id: paid, title: Get paid faster, color: "#30a46c"}
  - {id: trust, title: "Trust & <safety>"}
`)
	feature := func(id, vis, status, theme, extra string) string {
		s := "  - id: " + id + "\n    title: Title " + id + "\n    summary: Summary of " + id + ".\n    status: " + status + "\n    visibility: " + vis + "\n"
		if theme != "" {
			s += "    theme: " + theme + "\n"
		}
		if status == "shipped" {
			s += "    shipped: 2026-10-0" + string(id[len(id)-1]) + "\n"
		}
		return s + extra
	}
	secret := "    notes: CANARY-NOTES\n    customers: [CANARY-CUSTOMER]\n    owners: {product: ana}\n    messaging: {value: Value of it., differentiator: CANARY-DIFF}\n"
	write := func(status string) {
		b.Write("features.yaml", "people:\n  - {id: ana, name: CANARY-PERSON, role: product}\nfeatures:\n"+
			feature("pub1", "public", status, "paid", secret)+
			feature("pub2", "public", status, "", "")+
			feature("int3", "internal", status, "paid", "")+
			feature("conf4", "confidential", status, "trust", "")+
			feature("old5", "public", "shipped", "paid", ""))
	}
	write("planned")
	b.Tag("v1", b.Commit("Ana", "Plan"))
	write("shipped")
	b.Tag("v2", b.Commit("Ana", "Ship"))
	return b
}

func TestNotes(t *testing.T) {
	b := notesRepo(t)
	s := session{wd: b.Dir}
	for _, format := range []string{"md", "html", "json"} {
		r := s.run(t, "notes", "v1", "v2", "--format", format)
		r.expect(t, 0)
		golden.Assert(t, "notes/customers."+format, []byte(r.stdout))
		for _, leak := range []string{"CANARY", "int3", "conf4", "Title old5", "Trust"} {
			if strings.Contains(r.stdout, leak) {
				t.Errorf("customers' %s notes show %q", format, leak)
			}
		}
		if !strings.Contains(r.stdout, "Title pub1") || !strings.Contains(r.stdout, "Value of it.") || !strings.Contains(r.stdout, "Title pub2") {
			t.Errorf("customers' %s notes lack the public features:\n%s", format, r.stdout)
		}
	}
	internal := s.run(t, "notes", "v1", "v2", "--audience", "internal", "--format", "json")
	internal.expect(t, 0)
	for _, want := range []string{"int3", "conf4", `"count": 4`} {
		if !strings.Contains(internal.stdout, want) {
			t.Errorf("internal notes lack %q", want)
		}
	}
	// Against the working tree, and written to a file.
	out := filepath.Join(t.TempDir(), "notes.md")
	s.run(t, "notes", "v1", "-o", out).expect(t, 0)
	if text, _ := os.ReadFile(out); !strings.Contains(string(text), "Title pub1") {
		t.Errorf("notes -o wrote %q", text)
	}
	// Newest first ships nothing, and says which order would.
	back := s.run(t, "notes", "v2", "v1", "--format", "json")
	back.expect(t, 0)
	if !strings.Contains(back.stdout, `"count": 0`) || !strings.Contains(back.stderr, "the older revision comes first: roadmap notes v1 v2 --format json\n") {
		t.Errorf("notes v2 v1: %s%s", back.stdout, back.stderr)
	}
	// From elsewhere, the order it suggests keeps --dir.
	if r := pipe.run(t, "notes", "v2", "v1", "--dir", b.Dir); !strings.HasSuffix(r.stderr, "roadmap notes v1 v2 --dir "+shellWord(b.Dir)+"\n") {
		t.Errorf("notes v2 v1 --dir: %s", r.stderr)
	}
	if r := s.run(t, "notes", "v1", "v2"); strings.Contains(r.stderr, "older revision") {
		t.Errorf("notes v1 v2 warns: %s", r.stderr)
	}
	// A feature taken back from shipped ships nothing in order, and the
	// order is not the one to blame.
	text := mustRead(t, b.Dir+"/features.yaml")
	reopened := strings.Replace(text, "status: shipped\n    visibility: public\n    theme: paid\n    shipped: 2026-10-01\n", "status: in-progress\n    visibility: public\n    theme: paid\n", 1)
	if reopened == text {
		t.Fatal("pub1 was not reopened")
	}
	b.Write("features.yaml", reopened)
	b.Tag("v3", b.Commit("Ana", "Reopen pub1"))
	if r := s.run(t, "notes", "v2", "v3"); strings.Contains(r.stderr, "older revision") {
		t.Errorf("notes v2 v3 blames the order: %s", r.stderr)
	}
	for _, args := range [][]string{{"notes"}, {"notes", "v9"}, {"notes", "v1", "--audience", "press"}, {"notes", "v1", "--format", "pdf"}} {
		if r := s.run(t, args...); r.code != 2 || r.stdout != "" {
			t.Errorf("%v: %d %q %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestNotesPageInChromium(t *testing.T) {
	browser.Find(t)
	b := notesRepo(t)
	r := session{wd: b.Dir}.run(t, "notes", "v1", "v2", "--format", "html")
	r.expect(t, 0)
	page := filepath.Join(t.TempDir(), "notes.html")
	if err := os.WriteFile(page, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	text := browser.Text(browser.DOM(t, browser.URL(page)))
	for _, want := range []string{"Acme Books roadmap: what's new", "2 features shipped between v1 and v2", "Get paid faster", "Title pub1 Value of it. Summary of pub1.", "More improvements"} {
		if !strings.Contains(text, want) {
			t.Errorf("the notes page lacks %q; it reads:\n%s", want, text)
		}
	}
	browser.Screenshot(t, browser.URL(page), "notes.png", 1000, 900)
}
