package gitrepo

import (
	"fmt"
	"path"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// ReportHistory walks head's first-parent line once and returns every commit
// that changed the roadmap folder at dir, oldest first, with the features it
// changed; Load reads the roadmap's features as of any of them, from what
// the walk decoded, one call at a time and never during another walk of r.
// A file that does not parse at a commit is read as it last parsed. atHead,
// if not nil, is the roadmap at head, which Load gives again for the commits
// whose folder is head's when it has no syntax error; none may change it.
func (r *Repo) ReportHistory(head *object.Commit, dir string, atHead *roadmap.Roadmap) (roadmap.ReportHistory, error) {
	headTree, err := r.subtree(head, dir)
	if err != nil {
		return roadmap.ReportHistory{}, err
	}
	var commits []roadmap.ReportCommit
	var walked []*object.Commit
	var dirs []string // the roadmap folder in each commit
	var changed [][]FileChange
	err = r.walk(head, plumbing.ZeroHash, dir, func(s Step) error {
		changes, _, err := r.changes(s, func(kind, _ string) bool { return kind == "features" }, true)
		if err != nil {
			return err
		}
		rc := roadmap.ReportCommit{Commit: CommitInfo(s.Commit), When: roadmap.DateOf(s.Commit.Committer.When)}
		for _, c := range changes {
			fc := roadmap.FeatureChange{ID: c.ID}
			fc.Old, _ = c.Old.(*roadmap.Feature)
			fc.New, _ = c.New.(*roadmap.Feature)
			rc.Features = append(rc.Features, fc)
		}
		commits = append(commits, rc)
		walked = append(walked, s.Commit)
		dirs = append(dirs, s.Dir)
		changed = append(changed, s.Files)
		return nil
	}, r.readBlobs, r.prefetchItems)
	if err != nil {
		return roadmap.ReportHistory{}, err
	}
	slices.Reverse(commits)
	slices.Reverse(walked)
	slices.Reverse(dirs)
	slices.Reverse(changed)
	// A commit lands on the line no earlier than the one before it, whatever
	// its clock said: keep the days in order for the report's lookups.
	for i := 1; i < len(commits); i++ {
		if commits[i].When.Before(commits[i-1].When) {
			commits[i].When = commits[i-1].When
		}
	}
	// The roadmap began at the first commit whose folder holds a
	// roadmap.yaml: what the folder held before (drafts, other tools'
	// files) was no plan, and that commit adds every feature it has.
	// (A roadmap.yaml missing for a while later is a gap: the features
	// stay.)
	first := 0
	for ; first < len(commits); first++ {
		c := walked[first]
		if ok, err := r.HasRoadmap(c, dirs[first]); err != nil {
			return roadmap.ReportHistory{}, err
		} else if ok {
			if first > 0 {
				began, err := r.features(c, dirs[first])
				if err != nil {
					return roadmap.ReportHistory{}, err
				}
				commits[first].Features = nil
				for _, f := range began.Features {
					commits[first].Features = append(commits[first].Features, roadmap.FeatureChange{ID: f.ID, New: f})
				}
			}
			break
		}
	}
	if first < len(commits) {
		commits, walked, dirs, changed = commits[first:], walked[first:], dirs[first:], changed[first:]
	}
	return roadmap.ReportHistory{
		Commits: commits,
		// A file that does not parse at a commit (a broken edit, fixed
		// later) would read as every feature in it gone: it is read as it
		// last parsed, the older side of the newest commit that changed
		// it from a version that parses.
		Load: func(i int) (*roadmap.Roadmap, error) {
			if atHead != nil && !roadmap.HasSyntaxError(atHead.Findings) {
				if tree, err := r.subtree(walked[i], dirs[i]); err == nil && tree == headTree {
					return atHead, nil
				}
			}
			instead := func(p string) plumbing.Hash {
				for j := i; j >= 0; j-- {
					for _, f := range changed[j] {
						if f.Path != p {
							continue
						}
						if f.Old == plumbing.ZeroHash {
							return plumbing.ZeroHash // new in commit j: nothing before it
						}
						if s, err := r.split(p, f.Old, plumbing.ZeroHash); err == nil && r.fileParses(f.Old, s) {
							r.addNote(fmt.Sprintf("%s does not parse at commit %s; the report reads it as it was before commit %s",
								path.Join(dirs[i], p), walked[i].Hash.String()[:7], walked[j].Hash.String()[:7]))
							return f.Old
						}
					}
				}
				return plumbing.ZeroHash
			}
			return r.featuresOr(walked[i], dirs[i], instead)
		},
	}, nil
}
