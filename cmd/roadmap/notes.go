package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

type notesOptions struct {
	audience string
	format   string
	output   string
}

func (a *app) newNotesCmd() *cobra.Command {
	var o notesOptions
	cmd := &cobra.Command{
		Use:   "notes REV1 [REV2]",
		Short: "Release notes for the features shipped between two revisions",
		Long: `Notes writes release notes for the features that became shipped between REV1
and REV2 (default: the working tree), grouped by theme, from each feature's title,
messaging.value (the benefit) and summary.

They are written for an audience (default customers) with the same filter as
roadmap export: a feature the audience may not see is not in the notes, and of
the others only the fields it sees. A roadmap with errors is refused (exit 1).`,
		Example: `  roadmap notes v2026.10 v2026.11
  roadmap notes v2026.10 --format html -o whats-new.html
  roadmap notes v2026.10 HEAD --audience sales --format md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || len(args) > 2 {
				return usageError("notes takes the revision the notes start after, and the one they end at (default: the working tree): roadmap notes REV1 [REV2], such as roadmap notes v2026.10")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if o.format, err = formatFor(cmd, o.format, o.output, "md", "html", "json"); err != nil {
				return err
			}
			return a.runNotes(o, args)
		},
	}
	cmd.Flags().StringVar(&o.audience, "audience", roadmap.AudienceCustomers, "who the notes are for: internal, sales, customers, analysts, or an audience of roadmap.yaml")
	cmd.Flags().StringVar(&o.format, "format", "md", "output format: md, html or json")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", outputHelp+formatByExtension)
	return cmd
}

func (a *app) runNotes(o notesOptions, args []string) error {
	if err := checkFormat(o.format, "md", "html", "json"); err != nil {
		return err
	}
	if a.at != "" {
		return usageError("notes takes its revisions as arguments, not --at")
	}
	today, err := a.todayDate()
	if err != nil {
		return err
	}
	g, err := a.openGit()
	if err != nil {
		return err
	}
	defer g.Close()
	old, err := g.load(args[0])
	if err != nil {
		return err
	}
	to := "the working tree"
	var new *roadmap.Roadmap
	if len(args) == 2 {
		to = args[1]
		if new, err = g.load(args[1]); err != nil {
			return err
		}
	} else if new, err = roadmap.Load(os.DirFS(g.root)); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	l := &loaded{Roadmap: new, root: g.root}
	rev := ""
	if len(args) == 2 {
		rev = args[1]
	}
	if err := a.refuseErrors(l, new, today, rev); err != nil {
		return err
	}
	policy, err := new.Audience(o.audience)
	if err != nil {
		return usageError("--audience: %v", err)
	}
	view := new.View(policy, roadmap.ViewOptions{Today: today, Revision: rev})
	shipped := roadmap.ShippedBetween(old, new)
	// Revisions given newest first ship nothing: say which order would.
	if len(args) == 2 && len(shipped) == 0 && len(roadmap.ShippedBetween(new, old)) > 0 && g.before(args[1], args[0]) {
		fmt.Fprintf(a.stderr, "roadmap: warning: nothing shipped from %s to %s, but %s comes before %s; the older revision comes first: %s\n", args[0], args[1], args[1], args[0], a.command(append([]string{"notes", shellWord(args[1]), shellWord(args[0])}, a.flagWords()...)...))
	}
	notes := roadmap.ReleaseNotes(view, shipped, args[0], to)

	var buf bytes.Buffer
	switch o.format {
	case "html":
		err = render.WriteNotesHTML(&buf, notes)
	case "json":
		err = render.WriteNotesJSON(&buf, notes)
	default:
		err = render.WriteNotesMarkdown(&buf, notes)
	}
	if err != nil {
		return err
	}
	return a.emit(o.output, buf.Bytes())
}
