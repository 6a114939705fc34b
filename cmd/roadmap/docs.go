package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// docFolders are the folders under docs/ that gen-docs writes, and rewrites
// whole: a command or rule that is gone loses its page.
var docFolders = []string{"commands", "man", "completions", "rules"}

// fixtureToday is the date the rule fixtures are checked on (fixtureToday in
// roadmap/rules_test.go), so the examples' findings are reproducible.
const fixtureToday = "2026-11-23"

// newGenDocsCmd is `roadmap gen-docs DIR`, hidden: `make docs` runs it to write
// the reference docs from the code, and a test checks the committed ones are
// what it writes.
func (a *app) newGenDocsCmd() *cobra.Command {
	var fixtures string
	cmd := &cobra.Command{
		Use:    "gen-docs DIR",
		Short:  "Write the reference docs (commands, man pages, completions, rules) into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := generateDocs(os.DirFS(a.abs(fixtures)))
			if err != nil {
				return err
			}
			return writeDocs(a.abs(args[0]), files)
		},
	}
	cmd.Flags().StringVar(&fixtures, "fixtures", filepath.Join("testdata", "rules"), "the rule fixtures the examples are taken from")
	return cmd
}

func (a *app) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(a.wd, p)
}

// generateDocs returns every generated file by its slash path under docs/:
// a Markdown page and a man page per command, the shell completions, and a
// page per lint rule with an example from fixtures (testdata/rules). The
// output depends only on the code and the fixtures: no dates, no versions.
func generateDocs(fixtures fs.FS) (map[string][]byte, error) {
	root := docsRoot()
	files := map[string][]byte{}

	var cmds []*cobra.Command
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		cmds = append(cmds, c)
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
				walk(sub)
			}
		}
	}
	walk(root)
	for _, c := range cmds {
		var md bytes.Buffer
		md.WriteString(render.GeneratedNote)
		if err := doc.GenMarkdownCustom(c, &md, func(s string) string { return s }); err != nil {
			return nil, err
		}
		files["commands/"+strings.ReplaceAll(c.CommandPath(), " ", "_")+".md"] = md.Bytes()

		man, err := manPage(c)
		if err != nil {
			return nil, err
		}
		files["man/"+strings.ReplaceAll(c.CommandPath(), " ", "-")+".1"] = man
	}

	for name, gen := range map[string]func(io.Writer) error{
		"completions/roadmap.bash": func(w io.Writer) error { return root.GenBashCompletionV2(w, true) },
		"completions/_roadmap":     root.GenZshCompletion,
		"completions/roadmap.fish": func(w io.Writer) error { return root.GenFishCompletion(w, true) },
	} {
		var b bytes.Buffer
		if err := gen(&b); err != nil {
			return nil, err
		}
		files[name] = b.Bytes()
	}
	files["completions/README.md"] = []byte(render.GeneratedNote + completionsReadme)

	for _, r := range roadmap.Rules {
		ex, err := ruleExample(fixtures, r.ID)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := render.WriteRuleDoc(&b, r, ex); err != nil {
			return nil, err
		}
		files["rules/"+r.ID+".md"] = b.Bytes()
	}
	var index bytes.Buffer
	if err := render.WriteRulesIndex(&index, roadmap.Rules); err != nil {
		return nil, err
	}
	files["rules/README.md"] = index.Bytes()
	return files, nil
}

// docsRoot is the command tree as a user meets it, with the --version flag
// the root adds when it runs.
func docsRoot() *cobra.Command {
	a := &app{
		stdout: io.Discard, stderr: io.Discard,
		lookupEnv:  func(string) (string, bool) { return "", false },
		now:        time.Now,
		isTerminal: func(io.Writer) bool { return false },
		termWidth:  func(io.Writer) int { return 0 },
	}
	root := a.newRootCmd()
	root.InitDefaultVersionFlag()
	return root
}

// manDate is only a placeholder: manPage takes the date out of the header,
// so the pages do not change with the day they are generated on.
var manDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

var manDateField = regexp.MustCompile(`(?m)^(\.TH "[^"]*" "[^"]*" )"` + regexp.QuoteMeta(manDate.Format("Jan 2006")) + `"`)

func manPage(c *cobra.Command) ([]byte, error) {
	header := &doc.GenManHeader{Section: "1", Date: &manDate, Source: "roadmap", Manual: "roadmap manual"}
	var b bytes.Buffer
	if err := doc.GenMan(c, header, &b); err != nil {
		return nil, err
	}
	out := manDateField.ReplaceAll(b.Bytes(), []byte(`$1""`))
	if bytes.Equal(out, b.Bytes()) {
		return nil, fmt.Errorf("man page of %s: no date in its .TH header to take out", c.CommandPath())
	}
	return out, nil
}

// ruleExample reads the first fixture of testdata/rules/<id>/ that makes the
// rule fire (a file case.yaml is a one-file roadmap's roadmap.yaml; a folder
// case/ is a whole roadmap), with its expected findings case.out. It returns
// nil when the rule has none.
func ruleExample(fixtures fs.FS, id string) (*render.RuleExample, error) {
	entries, err := fs.ReadDir(fixtures, id)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("reading the fixtures of rule %s: %w", id, err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() && !strings.HasSuffix(name, ".yaml") {
			continue
		}
		caseName := strings.TrimSuffix(name, ".yaml")
		out, err := fs.ReadFile(fixtures, path.Join(id, caseName+".out"))
		if err != nil {
			return nil, fmt.Errorf("reading the findings of fixture %s/%s: %w", id, name, err)
		}
		if len(bytes.TrimSpace(out)) == 0 {
			continue
		}
		ex := &render.RuleExample{Today: fixtureToday, Findings: string(out)}
		if !e.IsDir() {
			text, err := fs.ReadFile(fixtures, path.Join(id, name))
			if err != nil {
				return nil, err
			}
			// The fixture test reads case.yaml as roadmap.yaml and names it
			// case.yaml in the findings; name it as validate would.
			ex.Findings = strings.ReplaceAll(ex.Findings, name+":", "roadmap.yaml:")
			ex.Files = []render.ExampleFile{{Path: "roadmap.yaml", Text: text}}
			return ex, nil
		}
		sub, err := fs.Sub(fixtures, path.Join(id, name))
		if err != nil {
			return nil, err
		}
		err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			text, err := fs.ReadFile(sub, p)
			ex.Files = append(ex.Files, render.ExampleFile{Path: p, Text: text})
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("reading fixture %s/%s: %w", id, name, err)
		}
		// roadmap.yaml first, as a reader meets the folder.
		slices.SortStableFunc(ex.Files, func(x, y render.ExampleFile) int {
			return boolRank(x.Path != "roadmap.yaml") - boolRank(y.Path != "roadmap.yaml")
		})
		return ex, nil
	}
	return nil, nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// writeDocs replaces the generated folders under dir with files.
func writeDocs(dir string, files map[string][]byte) error {
	for _, f := range docFolders {
		if err := os.RemoveAll(filepath.Join(dir, f)); err != nil {
			return err
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// completionsReadme says how to install what docs/completions and docs/man
// hold; a pair of single quotes in it stands for a backquote.
var completionsReadme = strings.ReplaceAll(`# Shell completions

Generated from the command tree: they complete commands, flags and flag values by
asking ''roadmap'' itself, so they keep up with the binary they run.

| shell | install |
| --- | --- |
| bash | ''cp roadmap.bash ~/.local/share/bash-completion/completions/roadmap'' (needs the bash-completion package) |
| zsh | ''cp _roadmap ~/.zsh/completions/'', with that folder in ''fpath'' before ''compinit'' runs |
| fish | ''cp roadmap.fish ~/.config/fish/completions/'' |

The binary writes the same scripts: ''roadmap completion bash'' (or zsh, fish), so
''source <(roadmap completion bash)'' in ''~/.bashrc'' keeps them in step with the
installed version.

The man pages are in [../man](../man): from the top of the repository,
''man ./docs/man/roadmap-validate.1'' reads one in place; copy them into a ''man1'' folder
of your ''MANPATH'' (for example ''/usr/local/share/man/man1'') to install them.
`, "''", "`")
