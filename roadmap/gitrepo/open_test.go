package gitrepo

import (
	"testing"

	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

// openGenerated writes a generated repository and opens it.
func openGenerated(t *testing.T, opts gen.RepoOptions) *Repo {
	t.Helper()
	dir := t.TempDir()
	if _, err := gen.Repo(dir, opts); err != nil {
		t.Fatal(err)
	}
	return openDir(t, dir)
}

// openDir opens the repository at dir for the test's length.
func openDir(t *testing.T, dir string) *Repo {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// resolveRev resolves rev in r, or ends the test.
func resolveRev(t *testing.T, r *Repo, rev string) *object.Commit {
	t.Helper()
	c, err := r.Resolve(rev)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
