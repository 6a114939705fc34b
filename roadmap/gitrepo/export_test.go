package gitrepo

import (
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// WalkReadingBlobs is Walk with every changed blob read ahead of visit, as
// history and diff read them, for the benchmark of what a walk costs before
// any YAML is read.
func (r *Repo) WalkReadingBlobs(head *object.Commit, stop plumbing.Hash, dir string, visit func(Step) error) error {
	return r.walk(head, stop, dir, visit, r.readBlobs)
}

// FeaturesAt is the roadmap's features as a walk reads them at commit c.
func (r *Repo) FeaturesAt(c *object.Commit, dir string) (*roadmap.Roadmap, error) {
	return r.features(c, dir)
}

// In tests a released text is overwritten, so a read after release shows.
func init() { poisonReleased = true }
