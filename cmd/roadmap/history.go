package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo"
	"github.com/spf13/cobra"
)

type historyOptions struct {
	format string
	since  string
	kind   string
}

func (a *app) newHistoryCmd() *cobra.Command {
	var o historyOptions
	cmd := &cobra.Command{
		Use:   "history ID",
		Short: "Show one feature's life: every commit that changed it",
		Long: `History lists, oldest first, each commit that changed a feature (or an
objective, or a campaign), with the fields it changed (old → new), its author
and date. Commits that did not touch it are left out, and moving it to another
file or renaming the file does not break the trail: an item is followed by its
id.

Ids are unique within a kind: when a feature and an objective share one, history
shows the feature (then the objective, then the campaign) and says so; --kind
chooses.

History follows the first-parent line of HEAD (or --at REV), so a merged branch
shows as its merge commit; --since a revision on such a branch (a release tag)
lists the commits from the merge that brought it in, the merge with what it
changed since that revision. An item removed before --since shows no commits,
and a note says when it was removed.

What changed while the item's file did not parse shows at the commit that
mended the file, where readers first saw it, and a note says so. Edits not
committed yet are no commit: a note says which fields the working tree
changes, for 'roadmap diff' to show.`,
		Example: `  roadmap history bank-feeds
  roadmap history bank-feeds --since 2026-07-01
  roadmap history grow-smbs --since v2026-Q3 --format md
  roadmap history launch --kind campaign`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("history takes the id of one feature, objective or campaign: roadmap history ID")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return a.runHistory(o, args[0]) },
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text, md or json")
	cmd.Flags().StringVar(&o.since, "since", "", "only commits made on or after a date (YYYY-MM-DD), or after a revision")
	cmd.Flags().StringVar(&o.kind, "kind", "", "the kind of item: feature, objective or campaign (when ids are shared)")
	return cmd
}

func (a *app) runHistory(o historyOptions, id string) error {
	if err := checkFormat(o.format, "text", "md", "json"); err != nil {
		return err
	}
	kind := "features"
	if o.kind != "" {
		if !slices.Contains(itemKinds, o.kind) {
			return usageError("--kind %q is not a kind of item; choose feature, objective or campaign%s", o.kind, roadmap.Suggestion(o.kind, itemKinds))
		}
		kind = o.kind + "s"
	}
	g, err := a.openGit()
	if err != nil {
		return err
	}
	defer g.Close()
	head, err := g.resolve(g.rev)
	if err != nil {
		return err
	}
	dir, err := g.dir(head)
	if err != nil {
		return err
	}
	hopts := gitrepo.HistoryOptions{Dir: dir, Kind: kind, ID: id}
	var base *object.Commit // --since a revision
	if o.since != "" {
		d, dateErr := roadmap.ParseDate(o.since)
		switch {
		case dateErr == nil:
			hopts.Since = d
		case roadmap.LooksLikeDate(o.since):
			// 2026-02-30 is a slip in a date, not a revision's name.
			return usageError("--since: %v", dateErr)
		default:
			if base, err = g.resolve(o.since); err != nil {
				return usageError("--since takes a date (YYYY-MM-DD) or a revision: %v", err)
			}
			hopts.Stop = base.Hash
		}
	}
	// The item as it stands at the revision (or, if gone, as it last was)
	// names the report and, without --kind, tells whether it is a feature,
	// an objective or a campaign.
	if err := g.hasRoadmap(g.rev, head); err != nil {
		return err
	}
	report := render.HistoryReport{ID: id}
	found, err := g.repo.Find(head, hopts.Dir, id)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if o.kind == "" && len(found) > 0 {
		hopts.Kind = found[0].Kind
		for _, f := range found[1:] {
			a.noteSharedID(id, "is", f.Kind)
		}
	}
	for _, f := range found {
		if f.Kind == hopts.Kind {
			report.Title = f.Title
		}
	}
	kinds := []string{hopts.Kind}
	if o.kind == "" && len(found) == 0 {
		// Gone from the revision, the item may have been of any kind:
		// one walk follows the id in all of them.
		kinds = []string{"features", "objectives", "campaigns"}
	}
	events, err := g.repo.Histories(head, hopts, kinds...)
	if errors.Is(err, gitrepo.ErrNotAncestor) {
		// A revision merged in from a branch (a release tag): its changes
		// reached the line in the merge, so history starts there.
		if merge, merr := g.repo.MergedAt(head, hopts.Stop); merr == nil && merge != nil {
			fmt.Fprintf(a.stderr, "roadmap: note: %s joined the first-parent line of %s in merge %s; history lists the commits from that merge on\n", o.since, g.rev, merge.Hash.String()[:7])
			hopts.Stop = merge.ParentHashes[0]
			events, err = g.repo.Histories(head, hopts, kinds...)
			if err == nil {
				err = sinceMerged(g.repo, head, base, merge, hopts, kinds, events)
			}
		}
	}
	var others []string
	for _, k := range kinds {
		switch {
		case len(events[k]) == 0:
		case report.Events == nil:
			hopts.Kind, report.Events = k, events[k]
		default:
			others = append(others, k)
		}
	}
	if err == nil {
		for _, k := range others {
			a.noteSharedID(id, "was", k)
		}
	}
	report.Item = strings.TrimSuffix(hopts.Kind, "s")
	if errors.Is(err, gitrepo.ErrNotAncestor) {
		if g.before(g.rev, o.since) {
			return usageError("--since %s comes after %s, where history ends; give an older revision, or a date", o.since, g.rev)
		}
		return usageError("--since %s is not on the first-parent line of %s, nor merged into it; give a date instead", o.since, g.rev)
	}
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	a.warnNotes(g)
	if len(report.Events) == 0 && report.Title == "" {
		current, err := g.load(g.rev)
		if err != nil {
			return err
		}
		what, hint := "feature, objective or campaign", suggestIDs(current, id)
		if o.kind != "" {
			what = o.kind
			if len(found) > 0 {
				// The id is another kind's: say which, rather than a near id.
				k := strings.TrimSuffix(found[0].Kind, "s")
				hint = fmt.Sprintf("; it is the id of %s %s (--kind %s)", article(k), k, k)
			}
		}
		if a.at == "" {
			// Not committed yet: say so, rather than that it is nowhere.
			if work, err := roadmap.Load(os.DirFS(g.root)); err == nil {
				asked := []string{kind}
				if o.kind == "" {
					asked = []string{"features", "objectives", "campaigns"}
				}
				if slices.ContainsFunc(asked, func(k string) bool { return itemOf(work, k, id) != nil }) {
					return usageError("%q is in the working tree but in no commit yet: its history starts when it is committed", id)
				}
			}
		}
		if o.since != "" {
			gone, ok, err := a.goneBefore(g, head, hopts, kinds, o.since)
			if err != nil {
				return err
			}
			if ok {
				report = gone
			} else {
				return usageError("no %s %q in the roadmap, nor changed since %s%s", what, id, o.since, hint)
			}
		} else {
			return usageError("no %s %q in the roadmap or its history%s", what, id, hint)
		}
	}
	if report.Title == "" {
		report.Title = lastTitle(report.Events)
	}
	report.Since = o.since
	if a.at == "" {
		for _, f := range found {
			if f.Kind == hopts.Kind {
				a.noteUncommitted(g, f, id)
			}
		}
	}
	switch o.format {
	case "json":
		return render.WriteHistoryJSON(a.stdout, report)
	case "md":
		return render.WriteHistoryMarkdown(a.stdout, report)
	}
	return a.output().WriteHistoryText(a.stdout, report)
}

// noteSharedID tells that id is (or was) also the id of an item of another
// kind (a list: features, objectives, campaigns), and how to see its history.
func (a *app) noteSharedID(id, is, kind string) {
	k := strings.TrimSuffix(kind, "s")
	fmt.Fprintf(a.stderr, "roadmap: note: %q %s also the id of %s %s; its history: %s\n", id, is, article(k), k,
		a.command(append([]string{"history", shellWord(id), "--kind", k}, a.flagWords("kind")...)...))
}

// goneBefore is the report, with no commits, on an item that left the
// roadmap before --since (given as since): its whole history says so, and
// a note says when it left. ok is false when the item never was in it.
func (a *app) goneBefore(g *gitRoadmap, head *object.Commit, hopts gitrepo.HistoryOptions, kinds []string, since string) (report render.HistoryReport, ok bool, err error) {
	hopts.Since, hopts.Stop = roadmap.Date{}, plumbing.ZeroHash
	all, err := g.repo.Histories(head, hopts, kinds...)
	if err != nil {
		return report, false, &exitError{code: exitUsage, err: err}
	}
	a.warnNotes(g)
	for _, k := range kinds {
		events := all[k]
		switch {
		case len(events) == 0:
			continue
		case ok:
			a.noteSharedID(hopts.ID, "was", k)
			continue
		}
		last := events[len(events)-1]
		how := "last changed"
		if last.Kind == roadmap.Removed {
			how = "removed"
		}
		fmt.Fprintf(a.stderr, "roadmap: note: %s %s was %s on %s in %s %q, and not changed since %s; without --since, history shows its whole life\n",
			strings.TrimSuffix(k, "s"), hopts.ID, how, last.Commit.Date, last.Commit.Short, last.Commit.Subject, since)
		report, ok = render.HistoryReport{Item: strings.TrimSuffix(k, "s"), ID: hopts.ID, Title: lastTitle(events)}, true
	}
	return report, ok, nil
}

// noteUncommitted tells, on stderr, of changes to item id (found at HEAD)
// that the working tree has and no commit yet: history lists commits only.
// The working tree is loaded only when the item's file differs from HEAD's.
func (a *app) noteUncommitted(g *gitRoadmap, f gitrepo.Found, id string) {
	if text, err := os.ReadFile(filepath.Join(g.root, filepath.FromSlash(f.Path))); err == nil &&
		plumbing.ComputeHash(plumbing.BlobObject, text) == f.Blob {
		return
	}
	work, err := roadmap.Load(os.DirFS(g.root))
	if err != nil {
		return // no roadmap in the working tree: nothing to compare
	}
	committed, err := g.load(g.rev)
	if err != nil {
		return
	}
	k := strings.TrimSuffix(f.Kind, "s")
	name := k + " " + id
	if k == "feature" {
		name = id
	}
	old, now := itemOf(committed, f.Kind, id), itemOf(work, f.Kind, id)
	if now == nil && roadmap.HasSyntaxError(work.Findings) {
		return // not removed, perhaps, but unread: validate tells why
	}
	if now == nil {
		fmt.Fprintf(a.stderr, "roadmap: note: the working tree removes %s, not committed yet; %s shows it\n", name, a.command("diff"))
		return
	}
	var fields []string
	for _, c := range roadmap.DiffFields(roadmap.ItemFields(old), roadmap.ItemFields(now)) {
		fields = append(fields, c.Field)
	}
	if len(fields) > 0 {
		fmt.Fprintf(a.stderr, "roadmap: note: the working tree changes %s (%s), not committed yet; %s shows how\n", name, strings.Join(fields, ", "), a.command("diff"))
	}
}

// itemOf is r's item of a kind (a list: features, objectives, campaigns)
// and id, or nil.
func itemOf(r *roadmap.Roadmap, kind, id string) any {
	switch kind {
	case "features":
		if f := r.Feature(id); f != nil {
			return f
		}
	case "objectives":
		if o := r.Objective(id); o != nil {
			return o
		}
	case "campaigns":
		if c := r.Campaign(id); c != nil {
			return c
		}
	}
	return nil
}

// lastTitle is the title an item had when it was last seen in its history.
func lastTitle(events []roadmap.Event) string {
	for i := len(events) - 1; i >= 0; i-- {
		for _, f := range events[i].Fields {
			if f.Field == "title" {
				if f.New != "" {
					return f.New
				}
				return f.Old
			}
		}
	}
	return ""
}

// itemKinds are the kinds of item history follows, as --kind names them.
var itemKinds = []string{"feature", "objective", "campaign"}

// article is "a" or "an" for a kind of item.
func article(kind string) string {
	if kind == "objective" {
		return "an"
	}
	return "a"
}

// suggestIDs offers the nearest feature, objective or campaign id.
func suggestIDs(r *roadmap.Roadmap, id string) string {
	var ids []string
	for _, f := range r.Features {
		ids = append(ids, f.ID)
	}
	for _, o := range r.Objectives {
		ids = append(ids, o.ID)
	}
	for _, c := range r.Campaigns {
		ids = append(ids, c.ID)
	}
	return roadmap.Suggestion(id, ids)
}

// sinceMerged shows the merge that brought base (a release tag) into the
// line as what it changed since base, not since the line's parent: a change
// the tag already had is not listed again, and one the line made before the
// merge shows as the merge's. A tag without the roadmap folder where the
// merge has it, or with a file that does not parse, keeps the merge as the
// walk saw it.
func sinceMerged(repo *gitrepo.Repo, head, base, merge *object.Commit, o gitrepo.HistoryOptions, kinds []string, events map[string][]roadmap.Event) error {
	dir, err := repo.FolderAt(head, merge, o.Dir)
	if err != nil {
		return err
	}
	if ok, err := repo.HasRoadmap(base, dir); err != nil || !ok {
		return err
	}
	between, known, err := repo.Between(base, merge, dir, kinds, o.ID)
	if err != nil || !known {
		return err // not known: the walk's view of the merge stands, and a note says why
	}
	for _, k := range kinds {
		es := events[k]
		e, changed := between[k]
		atMerge := len(es) > 0 && es[0].Commit.Hash == merge.Hash.String()
		switch {
		case atMerge && changed:
			es[0] = e
		case atMerge:
			es = es[1:]
		case changed:
			es = append([]roadmap.Event{e}, es...)
		}
		if len(es) > 0 {
			events[k] = es
		} else {
			delete(events, k)
		}
	}
	return nil
}
