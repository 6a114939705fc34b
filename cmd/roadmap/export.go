package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
)

type exportOptions struct {
	audience string
	format   string
	since    string
	template string
	level    string
	output   string
}

func (a *app) newExportCmd() *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Render the roadmap for an audience (internal, sales, customers, analysts, ...) without leaking",
		Long: `Export renders the roadmap as one audience may see it, from the working tree or
from any revision (--at), optionally with what changed since an earlier one
(--since).

Audiences: internal, sales, customers and analysts are built in (see format.md);
roadmap.yaml may add more under audiences:, or override a built-in one. An
override replaces only the keys it gives (title, visibility, statuses, fields,
dates, group_by, disclaimer) and inherits the others; an audience with a new name
starts from customers, the most closed built-in. The default audience is
customers: a document made to be handed out should show the least by default.

An audience whose visibility lacks internal is external (customers, analysts).
Whatever its settings say, an external audience never sees confidential items,
dropped features, notes, customers, links, scores or people (owners), and its
export always carries a disclaimer. Every audience sees an objective only if its
visibility allows, a theme only through a visible feature (its id, title,
description and colour), a dependency or persona only if that item is visible,
and counts of visible items only. Campaigns (the marketing roadmap) show, in md,
html, json and templates, to audiences that see their visibility: never a
cancelled one unless the audience sees everything, never the metric's target or
the owner to an external audience, promoting only features it sees.

One filter makes one redacted view; every format renders that view and nothing
else. Dates are shown no finer than the audience's granularity: 2027-03-15 is
2027-03 by month, 2027-Q1 by quarter, 2027-H1 by half; by horizon it is now (the
quarter of --today or before), next (the two quarters after) or later. Coarser
targets stay as written; shipped dates are left out by horizon. Features are
grouped by the audience's group_by (theme, target, objective or status), in a
stable order; a grouping by a field the audience does not see gives one group.

Formats:
  md    a document: disclaimer, what changed, a table per group, details
  html  one self-contained page (inline CSS, no scripts, no external requests):
        a board of columns by period, or lanes by group across the periods
        (quarters, or now/next/later), with theme colours and status badges;
        prints on landscape pages
  json  {"schemaVersion", "kind": "export", "roadmap": {...}}: the view itself
  csv   a row per feature: its group, id, a column per visible field and the
        disclaimer; cells a spreadsheet would run as a formula are neutralised

--template FILE renders a Go template over the same view that json shows under
"roadmap" (Go field names: {{.Title}}, {{range .Groups}}{{range .Features}}...).
A FILE named *.html, *.htm or *.gohtml, with or without .tmpl after it
(board.html.tmpl), or written with -o to an .html or .htm file, is an
html/template: every value escaped for where it lands. Any other is a
text/template, which prints values as they are. Helpers: join, md, csv, upper,
lower, status.

--since REV adds what changed since REV as the audience sees it: an item it sees
on only one side is new or no longer on the roadmap, with nothing of its hidden
side; values are in the audience's granularity. Both revisions are filtered by
the audience as roadmap.yaml defines it now.

--level themes gives the level-1 view: the themes (through visible features),
each with a count of visible features per horizon: now (ending this quarter),
next (the two quarters after), later and no date, and before them shipped, for
an audience that sees status. The horizon is taken from the date the audience
sees; an audience that does not see targets gets the themes alone.
--level features (the default) gives the full view.

Export refuses a roadmap with errors (exit 1), whether the one rendered or the
one of --since, and prints them on stderr: a broken file must not turn into a
wrong or leaking document. -o FILE writes atomically; on any error an existing
file is left untouched. The same roadmap, revision and --today give the same
bytes.`,
		Example: `  roadmap export --audience customers --format html -o roadmap.html
  roadmap export --audience sales --at v2027-Q1 --since v2026-Q4 --format md
  roadmap export --audience analysts --format json | jq '.roadmap.groups[].title'
  roadmap export --audience internal --template board.html.tmpl -o board.html
  roadmap export --level themes --format html -o themes.html`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.template != "" && cmd.Flags().Changed("format") {
				return usageError("--template and --format exclude each other: the template decides the format")
			}
			if o.template == "" {
				var err error
				if o.format, err = formatFor(cmd, o.format, o.output, "md", "html", "json", "csv"); err != nil {
					return err
				}
			}
			return a.runExport(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.audience, "audience", roadmap.AudienceCustomers, "who the export is for: internal, sales, customers, analysts, or an audience of roadmap.yaml")
	f.StringVar(&o.format, "format", "md", "output format: md, html, json or csv")
	f.StringVar(&o.since, "since", "", "add what changed since this git revision, as the audience sees it")
	f.StringVar(&o.template, "template", "", "render this Go template file over the audience's view (HTML ones escape every value)")
	f.StringVar(&o.level, "level", roadmap.LevelFeatures, "features (level 2, the default) or themes (level 1: themes and their periods)")
	f.StringVarP(&o.output, "output", "o", "", outputHelp+formatByExtension)
	return cmd
}

func (a *app) runExport(o exportOptions) error {
	if err := checkFormat(o.format, "md", "html", "json", "csv"); err != nil {
		return err
	}
	if o.level != roadmap.LevelFeatures && o.level != roadmap.LevelThemes {
		return usageError("unknown --level %q; choose features or themes", o.level)
	}
	if o.level == roadmap.LevelThemes && o.since != "" {
		return usageError("--since lists features, which --level themes leaves out; use --level features")
	}
	today, err := a.todayDate()
	if err != nil {
		return err
	}
	var tmpl *render.ExportTemplate
	if o.template != "" {
		path := o.template
		if !filepath.IsAbs(path) {
			path = filepath.Join(a.wd, path)
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return usageError("--template: %v", err)
		}
		// An HTML page gets escaped values, whatever the template is called.
		html := o.output != "" && render.IsHTMLTemplate(o.output)
		if tmpl, err = render.ParseExportTemplate(path, text, html); err != nil {
			return usageError("--template: %v", err)
		}
	}
	// With --since, one repository reads both revisions.
	var g *gitRoadmap
	if o.since != "" {
		if g, err = a.openGit(); err != nil {
			return err
		}
		defer g.Close()
	}
	var l *loaded
	if g != nil && a.at != "" {
		l, err = g.loaded(a.at)
	} else {
		l, err = a.load()
	}
	if err != nil {
		return err
	}
	if err := a.refuseErrors(l, l.Roadmap, today, l.rev); err != nil {
		return err
	}
	audience, err := l.Audience(o.audience)
	if err != nil {
		return usageError("--audience: %v", err)
	}
	view := l.View(audience, roadmap.ViewOptions{Today: today, Revision: l.rev, Themes: o.level == roadmap.LevelThemes})
	if o.since != "" {
		old, err := g.loaded(o.since)
		if err != nil {
			return err
		}
		if err := a.refuseErrors(old, old.Roadmap, today, o.since); err != nil {
			return err
		}
		opts := roadmap.ViewOptions{Today: today, Revision: o.since}
		view.Since = &roadmap.Since{Revision: o.since, Changes: roadmap.DiffViews(old.View(audience, opts), view)}
		a.warnIfSinceIsLater(g, o.since)
	}

	var buf bytes.Buffer
	switch {
	case tmpl != nil:
		err = tmpl.Execute(&buf, view)
		if err != nil {
			return usageError("--template: %v", err)
		}
	case o.format == "html":
		err = render.WriteExportHTML(&buf, view)
	case o.format == "json":
		err = render.WriteExportJSON(&buf, view)
	case o.format == "csv":
		err = render.WriteExportCSV(&buf, view)
	default:
		err = render.WriteExportMarkdown(&buf, view)
	}
	if err != nil {
		return err
	}
	return a.emit(o.output, buf.Bytes())
}

// warnIfSinceIsLater says, as notes does for its revisions, when --since
// names a revision after the one --at exports: every change then reads
// backwards (a slip as a pull-in).
func (a *app) warnIfSinceIsLater(g *gitRoadmap, since string) {
	// Asked the way round that ends soon when they are in order: the walk
	// from --at back reaches --since. The same commit is before itself.
	if a.at != "" && !g.before(since, a.at) && g.before(a.at, since) {
		words := append([]string{"export", "--at", shellWord(since), "--since", shellWord(a.at)}, a.flagWords("at", "since")...)
		fmt.Fprintf(a.stderr, "roadmap: warning: --since %s comes after --at %s, so every change reads backwards; the older revision goes in --since: %s\n", since, a.at, a.command(words...))
	}
}

// refuseErrors fails with exit 1 when r has errors, listing them on stderr
// as path:line:col lines; rev names the revision they are in ("" for the
// working tree). Commands that hand documents out must not render a broken
// roadmap: what they show could be wrong, or leak.
func (a *app) refuseErrors(l *loaded, r *roadmap.Roadmap, today roadmap.Date, rev string) error {
	findings := roadmap.Check(r, roadmap.Options{Today: today})
	showPaths(r, findings, func(p string) string {
		if rev != "" {
			return rev + ":" + a.displayPath(l, p)
		}
		return a.displayPath(l, p)
	})
	var b strings.Builder
	n := 0
	for _, f := range findings {
		if f.Severity != roadmap.SeverityError {
			continue
		}
		n++
		b.WriteString(f.String() + "\n")
	}
	if n == 0 {
		return nil
	}
	io.WriteString(a.stderr, b.String())
	where := "the roadmap has"
	if rev != "" {
		where = fmt.Sprintf("the roadmap at %s has", rev)
	}
	errs, them := "1 error", "it"
	if n > 1 {
		errs, them = fmt.Sprintf("%d errors", n), "them"
	}
	return &exitError{code: exitFindings, err: fmt.Errorf("%s %s; fix %s (see %s) before rendering it for an audience", where, errs, them, a.validateAt(rev))}
}
