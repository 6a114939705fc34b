package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	format   string
	exitCode bool
	audience string
}

func (a *app) newDiffCmd() *cobra.Command {
	var o diffOptions
	cmd := &cobra.Command{
		Use:   "diff [REV1 [REV2]]",
		Short: "Show what changed in the roadmap between two revisions",
		Long: `Diff shows what changed between two versions of the roadmap: features and
objectives added and removed, and each field that changed (status, target,
launch size and date, scores, owners, ...). A target that moved says whether it
slipped or was pulled in, and by how many days. A value that does not read (a
typo such as status: shiped) shows as written, marked "(not valid)"; 'roadmap
validate' says why. A file that does not parse (or is a link) on one side is
not read there, so what the other side has in it is left out, not shown as
added or removed, and a warning says so.

Items are matched by id, never by file: moving a feature to another file is no
change. With no revision, diff compares HEAD with the working tree (uncommitted
edits included); with one, that revision with the working tree; with two, the
first with the second. Each change names the newest commit that made it, walking
the first-parent history between them: a change made on a branch names the merge
that brought it in. From a revision on such a branch (a release tag), the walk
goes on from the merge to where the branch left the line, so a change the
line made before the merge names its own commit. A change made while its file
did not parse names the commit that mended the file. From a revision to the
working tree, a change not committed yet says so (with no revision, every
change is one, and none says so). A revision from before the roadmap began (no
YAML file in its folder, or HEAD before its first commit) reads as an empty
roadmap, and a note says so: the pull request that adds the roadmap shows every
item as added.

With --exit-code, diff exits 1 when there are changes, 0 when there are none and
2 when it cannot tell (a revision that does not resolve, a side with a file that
does not parse, or --audience refusing a side with errors), like diff(1): a gate
for pull requests.

With --audience NAME (see 'roadmap export --help'), diff reports only what that
audience could see on either side, in its date granularity: an item it sees on
one side only is added or removed, with nothing of its hidden side; no field
outside its fields, no score for an external audience. Both sides are filtered
by the audience as the newer side's roadmap.yaml defines it (the older side's
when the newer has no roadmap), and diff refuses (exit 1) when either side has
errors. Commits are named only for an audience that sees every visibility,
status and field (internal): a commit's subject and author could say what others
may not see.`,
		Example: `  roadmap diff                     # uncommitted changes
  roadmap diff v2026-Q4            # since the Q4 planning tag
  roadmap diff v2026-Q4 HEAD --format md >> "$GITHUB_STEP_SUMMARY"
  roadmap diff origin/main HEAD --exit-code`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 2 {
				return usageError("diff takes at most two revisions, the older first: roadmap diff [REV1 [REV2]]")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			report, err := a.makeDiff(o, args)
			var ee *exitError
			if o.exitCode && errors.As(err, &ee) && ee.code == exitFindings {
				// With --exit-code, 1 means changes: a diff that could not
				// be made is trouble (2), as for diff(1).
				ee.code = exitUsage
			}
			if err != nil {
				return err
			}
			if err := a.writeDiff(o.format, report); err != nil {
				return err
			}
			switch {
			case !o.exitCode:
			case len(report.Unread) > 0:
				// A file not read reads as its items missing: no telling.
				return &exitError{code: exitUsage}
			case len(report.Changes) > 0:
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text, md or json")
	cmd.Flags().BoolVar(&o.exitCode, "exit-code", false, "exit 1 when there are changes, 0 when there are none, 2 when it cannot tell")
	cmd.Flags().StringVar(&o.audience, "audience", "", "only what this audience sees (internal, sales, customers, analysts, or one of roadmap.yaml)")
	return cmd
}

// makeDiff compares the two sides args name and names the commit of each
// change; Unread lists the sides with a file that was not read.
func (a *app) makeDiff(o diffOptions, args []string) (render.DiffReport, error) {
	var report render.DiffReport
	if err := checkFormat(o.format, "text", "md", "json"); err != nil {
		return report, err
	}
	if a.at != "" {
		if len(args) == 2 {
			return report, usageError("diff takes at most two revisions, as arguments, not --at")
		}
		words := []string{"diff", shellWord(a.at)}
		for _, rev := range args {
			words = append(words, shellWord(rev))
		}
		return report, usageError("diff takes its revisions as arguments, not --at: %s", a.command(append(words, a.flagWords("at")...)...))
	}
	g, err := a.openGit()
	if err != nil {
		return report, err
	}
	defer g.Close()
	report = render.DiffReport{From: "HEAD", Audience: o.audience}
	if len(args) > 0 {
		report.From = args[0]
	}
	if len(args) == 2 {
		report.To = args[1]
	}
	s, err := a.loadDiffSides(g, report.From, args)
	if err != nil {
		return report, err
	}
	// Both resolved as they loaded (a branch with no commit yet did not).
	if c, err := g.resolve(report.From); err == nil {
		report.FromCommit = c.Hash.String()
	}
	if report.To != "" {
		if c, err := g.resolve(report.To); err == nil {
			report.ToCommit = c.Hash.String()
		}
	}
	// A plain diff shows what it can, but warns of errors on either side
	// (a file that does not parse is not read, and what the other side has
	// in it is left out); --audience
	// refuses a side with errors. The checks run while the commits are
	// walked.
	var counts chan [2]sideErrors
	if o.audience == "" {
		today, err := a.todayDate()
		if err != nil {
			return report, err
		}
		counts = make(chan [2]sideErrors, 1)
		go func() {
			var c [2]sideErrors
			if s.oldMissing == nil {
				c[0] = errorsOf(s.old, today)
			}
			if s.newMissing == nil {
				c[1] = errorsOf(s.new, today)
			}
			counts <- c
		}()
	}
	diff, attribute := roadmap.Diff, true
	if o.audience != "" {
		missing := [2]bool{s.oldMissing != nil, s.newMissing != nil}
		if diff, attribute, err = a.audienceDiff(s.roots, s.old, s.new, missing, args, o.audience); err != nil {
			return report, err
		}
	}
	report.Changes = diff(s.old, s.new)
	if attribute && len(report.Changes) > 0 {
		if err := a.nameCommits(g, s, args, report.Changes, diff); err != nil {
			return report, err
		}
	}
	if counts != nil {
		c := <-counts
		for i, side := range []string{report.From, report.To} {
			a.warnSide(c[i], side)
			if len(c[i].unread) > 0 {
				// Named from the working folder, as validate names them.
				side := render.UnreadSide{Side: side}
				for _, f := range c[i].unread {
					side.Files = append(side.Files, a.displayPath(&loaded{root: s.roots[i]}, f))
				}
				report.Unread = append(report.Unread, side)
			}
		}
	}
	return report, nil
}

// diffSides are the two roadmaps diff compares, where each side's folder is
// (for the paths of its errors), and why a side reads as empty, if it does.
type diffSides struct {
	old, new               *roadmap.Roadmap
	roots                  [2]string
	oldMissing, newMissing error
}

// loadDiffSides loads the revision from and the newer side args name (the
// working tree when they name none), and says on stderr when one side has
// no roadmap; with neither having one there is nothing to compare.
func (a *app) loadDiffSides(g *gitRoadmap, from string, args []string) (diffSides, error) {
	// The two sides are read at once: resolving an old revision walks
	// its commits on one core while the other reads the newer side.
	s := diffSides{roots: [2]string{"", g.root}}
	var (
		newErr error
		wg     sync.WaitGroup
	)
	wg.Go(func() {
		if len(args) == 2 {
			s.new, s.roots[1], s.newMissing, newErr = g.loadSide(args[1])
		} else if s.new, newErr = roadmap.Load(os.DirFS(g.root)); newErr != nil {
			newErr = &exitError{code: exitUsage, err: newErr}
		}
	})
	var err error
	s.old, s.roots[0], s.oldMissing, err = g.loadSide(from)
	wg.Wait()
	if err != nil {
		return s, err
	}
	if newErr != nil {
		return s, newErr
	}
	switch {
	case s.oldMissing == errUnborn && s.newMissing != nil:
		return s, &exitError{code: exitUsage, err: fmt.Errorf("%w; commit the roadmap first", s.oldMissing)}
	case s.oldMissing != nil && s.newMissing != nil:
		return s, &exitError{code: exitUsage, err: s.oldMissing}
	case s.oldMissing != nil:
		fmt.Fprintf(a.stderr, "roadmap: %v, so every item reads as added\n", s.oldMissing)
	case s.newMissing != nil:
		fmt.Fprintf(a.stderr, "roadmap: %v, so every item reads as removed\n", s.newMissing)
	}
	return s, nil
}

// nameCommits names the commit that made each change, or marks it not
// committed yet; diff is how the changes were found, for attributeCommitted
// to find them again between the older revision and HEAD.
func (a *app) nameCommits(g *gitRoadmap, s diffSides, args []string, changes []roadmap.Change, diff func(old, new *roadmap.Roadmap) []roadmap.Change) error {
	switch {
	case s.oldMissing == errUnborn && len(args) == 1:
		roadmap.MarkUncommitted(changes, nil) // nothing is committed
	case s.newMissing != nil:
		// Every item reads as removed, and the newer side has no roadmap
		// to follow back: no commit is named.
	case len(args) == 2:
		head, err := g.resolve(args[1])
		if err != nil {
			return err
		}
		base, err := g.resolve(args[0])
		if err != nil {
			return err
		}
		if err := a.attribute(g, head, base, args, args[1], changes); err != nil {
			return err
		}
		a.warnNotes(g)
	case len(args) == 1:
		return a.attributeCommitted(g, args[0], s.old, changes, diff)
	}
	return nil
}

// writeDiff writes a diff in the format asked for.
func (a *app) writeDiff(format string, report render.DiffReport) error {
	switch format {
	case "json":
		return render.WriteDiffJSON(a.stdout, report)
	case "md":
		return render.WriteDiffMarkdown(a.stdout, report)
	}
	return a.output().WriteDiffText(a.stdout, report)
}

// attribute names the commit that made each change between base and head,
// the two revisions args name. base off head's first-parent line but merged
// into it (a release branch) has the changes since the merge named. to is
// the diff's newer side as given ("" for the working tree), for a hint.
func (a *app) attribute(g *gitRoadmap, head, base *object.Commit, args []string, to string, changes []roadmap.Change) error {
	dir, err := g.dir(head)
	if err != nil {
		return err
	}
	err = g.repo.Attribute(head, base.Hash, dir, changes)
	if !errors.Is(err, gitrepo.ErrNotAncestor) {
		if err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		return nil
	}
	// Only an ancestor of head can have joined its line in a merge: for
	// any other base (a branch head is behind), the merge base says so
	// without searching every merged branch. A commit off the line that
	// cannot be read (beyond a shallow clone's edge) leaves the merge
	// unknown, as if base were on no branch of head.
	bases, err := base.MergeBase(head)
	var merge *object.Commit
	if err != nil || len(bases) == 1 && bases[0].Hash == base.Hash {
		merge, _ = g.repo.MergedAt(head, base.Hash)
	}
	if merge == nil {
		fmt.Fprintf(a.stderr, "roadmap: %s\n", a.offLineNote(bases, head, args, to))
		return nil
	}
	if err := g.repo.Attribute(head, merge.ParentHashes[0], dir, changes); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	followed := true
	if slices.ContainsFunc(changes, unnamed) {
		// The rest were made on the line the merge joined: back from its
		// first parent to where base's branch left it (a pull request that
		// merged its base branch in, then diffed from the merge base).
		if followed, err = a.attributeBefore(g, base, merge.ParentHashes[0], changes); err != nil {
			return err
		}
	}
	switch {
	case !slices.ContainsFunc(changes, unnamed):
	case followed:
		fmt.Fprintf(a.stderr, "roadmap: %s joined the first-parent line of %s in merge %s; no commit on either line it joined made some changes (the merge chose them), so they name no commit\n", args[0], args[1], merge.Hash.String()[:7])
	default:
		fmt.Fprintf(a.stderr, "roadmap: %s joined the first-parent line of %s in merge %s; the line it joined cannot be followed back to where %s left it (the history ends first, or they part at more than one commit), so some changes name no commit\n", args[0], args[1], merge.Hash.String()[:7], args[0])
	}
	return nil
}

// attributeBefore names changes still unnamed from the commits on the
// first-parent line of parent (a merge's first parent) back to its merge
// base with base. followed is false when there is no single merge base to
// walk to (beyond a shallow clone's edge, or more than one fork point).
func (a *app) attributeBefore(g *gitRoadmap, base *object.Commit, parent plumbing.Hash, changes []roadmap.Change) (followed bool, err error) {
	p, err := g.resolve(parent.String())
	if err != nil {
		return false, err
	}
	bases, err := base.MergeBase(p)
	if err != nil || len(bases) != 1 {
		return false, nil
	}
	dir, err := g.dir(p)
	if err != nil {
		return false, err
	}
	err = g.repo.Attribute(p, bases[0].Hash, dir, changes)
	if errors.Is(err, gitrepo.ErrNotAncestor) {
		return false, nil
	}
	if err != nil {
		return false, &exitError{code: exitUsage, err: err}
	}
	return true, nil
}

// offLineNote says why no change names its commit when base, args[0], is
// not on the first-parent line of head, args[1], and which diff would name
// them: from their merge base (bases, when there is one) to to (the newer
// side as given, "" for the working tree), or, when base comes after head,
// the other way round.
func (a *app) offLineNote(bases []*object.Commit, head *object.Commit, args []string, to string) string {
	switch {
	case len(bases) == 1 && bases[0].Hash == head.Hash && to != "":
		return fmt.Sprintf("%s comes after %s, so no change names its commit; give the older revision first: %s", args[0], args[1],
			a.command(append([]string{"diff", shellWord(args[1]), shellWord(args[0])}, a.flagWords()...)...))
	case len(bases) == 1 && bases[0].Hash == head.Hash:
		return fmt.Sprintf("%s comes after %s, so no change names its commit", args[0], args[1])
	case len(bases) == 1:
		return fmt.Sprintf("%s is not on the first-parent line of %s, so no change names its commit; diff from their merge base to name them: %s",
			args[0], args[1], a.command(append(append([]string{"diff", bases[0].Hash.String()[:7]}, shellWords(to)...), a.flagWords()...)...))
	}
	return fmt.Sprintf("%s is not on the first-parent line of %s, so no change names its commit; diff from their merge base to name them", args[0], args[1])
}

// attributeCommitted names, for a diff from rev (whose roadmap is old) to
// the working tree, the commit that made each change HEAD made too, and marks
// the rest as the working tree's alone. diff compares two versions as the
// report does (for its audience). From HEAD itself, every change is the
// working tree's.
func (a *app) attributeCommitted(g *gitRoadmap, rev string, old *roadmap.Roadmap, changes []roadmap.Change, diff func(old, new *roadmap.Roadmap) []roadmap.Change) error {
	head, err := g.resolve("HEAD")
	if err != nil {
		return err
	}
	base, err := g.resolve(rev)
	if err != nil {
		return err
	}
	if head.Hash == base.Hash {
		roadmap.MarkUncommitted(changes, nil)
		return nil
	}
	atHead := &roadmap.Roadmap{} // when a commit deleted the roadmap
	dir, err := g.dir(head)
	if err != nil {
		return err
	}
	if ok, err := g.repo.HasRoadmap(head, dir); err != nil {
		return &exitError{code: exitUsage, err: err}
	} else if ok {
		if atHead, err = g.load("HEAD"); err != nil {
			return err
		}
	}
	if roadmap.HasSyntaxError(atHead.Findings) {
		// Its items would read as removed by the commit that broke it.
		fmt.Fprintf(a.stderr, "roadmap: warning: a file of the roadmap at HEAD does not parse, so no change says whether a commit made it; run %s\n", a.validateAt("HEAD"))
		return nil
	}
	roadmap.MarkUncommitted(changes, diff(old, atHead))
	committed := func(c roadmap.Change) bool {
		return anyPart(c, func(_ *roadmap.Commit, uncommitted bool) bool { return !uncommitted })
	}
	if !slices.ContainsFunc(changes, committed) {
		return nil
	}
	err = a.attribute(g, head, base, []string{rev, "HEAD"}, "", changes)
	if errors.Is(err, gitrepo.ErrShallow) {
		// The diff itself needs no history: show it, unnamed.
		fmt.Fprintf(a.stderr, "roadmap: warning: this shallow clone lacks the commits between %s and HEAD, so no change names its commit; run `git fetch --unshallow` (in CI, check out the full history, e.g. actions/checkout with fetch-depth: 0)\n", rev)
		return nil
	}
	if err != nil {
		return err
	}
	a.warnNotes(g)
	return nil
}

// anyPart reports whether made holds for what made a change (added or
// removed) or one of its fields (changed): its commit, or the working tree.
func anyPart(c roadmap.Change, made func(commit *roadmap.Commit, uncommitted bool) bool) bool {
	if c.Kind != roadmap.Changed {
		return made(c.Commit, c.Uncommitted)
	}
	return slices.ContainsFunc(c.Fields, func(f roadmap.FieldChange) bool { return made(f.Commit, f.Uncommitted) })
}

// unnamed reports whether a change, or one of its fields, names no commit
// though a commit made it.
func unnamed(c roadmap.Change) bool {
	return anyPart(c, func(commit *roadmap.Commit, uncommitted bool) bool { return commit == nil && !uncommitted })
}

// audienceDiff is the diff as audience sees it: both sides filtered by the
// audience, compared view to view. It says whether commits may be named.
func (a *app) audienceDiff(roots [2]string, old, new *roadmap.Roadmap, missing [2]bool, args []string, audience string) (func(old, new *roadmap.Roadmap) []roadmap.Change, bool, error) {
	today, err := a.todayDate()
	if err != nil {
		return nil, false, err
	}
	revs := []string{"HEAD", ""}
	copy(revs, args)
	sides := [2]*roadmap.Roadmap{old, new}
	for i := range sides {
		if missing[i] {
			continue // empty: nothing to refuse
		}
		if err := a.refuseErrors(&loaded{root: roots[i]}, sides[i], today, revs[i]); err != nil {
			return nil, false, err
		}
	}
	// The audiences are the newer side's, or the older one's when the
	// newer has no roadmap.
	policies := new
	if missing[1] {
		policies = old
	}
	pol, err := policies.Audience(audience)
	if err != nil {
		return nil, false, usageError("--audience: %v", err)
	}
	opts := roadmap.ViewOptions{Today: today}
	diff := func(old, new *roadmap.Roadmap) []roadmap.Change {
		return roadmap.DiffViews(old.View(pol, opts), new.View(pol, opts))
	}
	return diff, pol.SeesAll(), nil
}

// errUnborn is why HEAD reads as an empty roadmap before its first commit.
var errUnborn = errors.New("HEAD has no commit yet")

// loadSide reads the roadmap at rev for diff. A revision from before the
// roadmap was begun (no roadmap file in its folder, or HEAD before its first
// commit) reads as an empty roadmap, and missing says why: the pull request
// that adds the roadmap shows every item as added, not an error. A folder
// that holds roadmap files but no roadmap.yaml (drafts, or a link) is not
// read as empty: the history a diff names commits from reads its files.
func (g *gitRoadmap) loadSide(rev string) (rm *roadmap.Roadmap, root string, missing, err error) {
	c, err := g.resolve(rev)
	if rev == "HEAD" && errors.Is(err, gitrepo.ErrNoCommits) {
		return &roadmap.Roadmap{}, g.root, errUnborn, nil
	}
	if err != nil {
		return nil, "", nil, err
	}
	dir, err := g.dir(c)
	if err != nil {
		return nil, "", nil, err
	}
	// Most revisions hold a roadmap.yaml: only one that does not is
	// searched for any roadmap file.
	has, err := g.repo.HasRoadmap(c, dir)
	if err != nil {
		return nil, "", nil, &exitError{code: exitUsage, err: err}
	}
	if !has {
		if none, err := g.repo.HoldsNoRoadmapFile(c, dir); err != nil {
			return nil, "", nil, &exitError{code: exitUsage, err: err}
		} else if none {
			return &roadmap.Roadmap{}, g.root, fmt.Errorf("%s has no roadmap in %s", rev, displayPrefix(dir)), nil
		}
	}
	rm, root, err = g.loadWhere(rev)
	return rm, root, nil, err
}
