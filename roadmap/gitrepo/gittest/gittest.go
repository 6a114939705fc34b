// Package gittest builds git repositories for tests, commit by commit, with
// go-git: known authors, one day between commits, tags and merges.
package gittest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Repo is a repository being built in a temporary folder.
type Repo struct {
	t        testing.TB
	Dir      string
	Git      *git.Repository
	Worktree *git.Worktree
	When     time.Time
	// Authored, when set, dates the next commit's author apart from its
	// committer, as a rebase leaves a commit; Commit clears it.
	Authored time.Time
}

// New starts an empty repository; the first commit is dated 2026-07-02.
func New(t testing.TB) *Repo {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &Repo{t: t, Dir: dir, Git: repo, Worktree: wt, When: time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)}
}

// Write writes a file of the work tree (slash path).
func (b *Repo) Write(name, text string) {
	b.t.Helper()
	p := filepath.Join(b.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// Remove deletes a file from the work tree and the index.
func (b *Repo) Remove(name string) {
	b.t.Helper()
	if _, err := b.Worktree.Remove(name); err != nil {
		b.t.Fatal(err)
	}
}

// Move renames a file in the work tree and the index.
func (b *Repo) Move(from, to string) {
	b.t.Helper()
	if _, err := b.Worktree.Move(from, to); err != nil {
		b.t.Fatal(err)
	}
}

// Commit stages everything and commits as author, a day after the last
// commit; extra parents make a merge commit.
func (b *Repo) Commit(author, msg string, parents ...plumbing.Hash) plumbing.Hash {
	b.t.Helper()
	if err := b.Worktree.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		b.t.Fatal(err)
	}
	b.When = b.When.Add(24 * time.Hour)
	sig := &object.Signature{Name: author, Email: strings.ToLower(author) + "@example.com", When: b.When}
	authored := *sig
	if !b.Authored.IsZero() {
		authored.When, b.Authored = b.Authored, time.Time{}
	}
	opts := &git.CommitOptions{Author: &authored, Committer: sig, AllowEmptyCommits: true}
	if len(parents) > 0 {
		head, err := b.Git.Head()
		if err != nil {
			b.t.Fatal(err)
		}
		opts.Parents = append([]plumbing.Hash{head.Hash()}, parents...)
	}
	h, err := b.Worktree.Commit(msg, opts)
	if err != nil {
		b.t.Fatal(err)
	}
	return h
}

// CommitOn commits as Commit does, dated day (at 10:00 UTC).
func (b *Repo) CommitOn(day, author, msg string) plumbing.Hash {
	b.t.Helper()
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		b.t.Fatal(err)
	}
	b.When = t.Add(10*time.Hour - 24*time.Hour)
	return b.Commit(author, msg)
}

// OnBranch runs commit on a new branch name made from HEAD, then checks out
// master again, and returns what commit returned.
func (b *Repo) OnBranch(name string, commit func() plumbing.Hash) plumbing.Hash {
	b.t.Helper()
	return b.OnBranchFrom(name, plumbing.ZeroHash, commit)
}

// OnBranchFrom is OnBranch for a branch made from commit from.
func (b *Repo) OnBranchFrom(name string, from plumbing.Hash, commit func() plumbing.Hash) plumbing.Hash {
	b.t.Helper()
	if err := b.Worktree.Checkout(&git.CheckoutOptions{Branch: plumbing.NewBranchReferenceName(name), Hash: from, Create: true}); err != nil {
		b.t.Fatal(err)
	}
	h := commit()
	if err := b.Worktree.Checkout(&git.CheckoutOptions{Branch: plumbing.Master}); err != nil {
		b.t.Fatal(err)
	}
	return h
}

// Tag creates a lightweight tag.
func (b *Repo) Tag(name string, h plumbing.Hash) {
	b.t.Helper()
	if _, err := b.Git.CreateTag(name, h, nil); err != nil {
		b.t.Fatal(err)
	}
}

// MakeShallow turns the repository into what `git clone --depth` leaves:
// the shallow file names boundary, and the commits before it are gone.
func (b *Repo) MakeShallow(boundary plumbing.Hash, gone ...plumbing.Hash) {
	b.t.Helper()
	if err := os.WriteFile(filepath.Join(b.Dir, ".git", "shallow"), []byte(boundary.String()+"\n"), 0o644); err != nil {
		b.t.Fatal(err)
	}
	for _, h := range gone {
		s := h.String()
		if err := os.Remove(filepath.Join(b.Dir, ".git", "objects", s[:2], s[2:])); err != nil {
			b.t.Fatal(err)
		}
	}
}

// Pack moves every object into a packfile, as a clone holds them; with
// refDeltas its deltas name their bases by hash instead of by offset.
func (b *Repo) Pack(refDeltas bool) {
	b.t.Helper()
	if err := b.Git.RepackObjects(&git.RepackConfig{UseRefDeltas: refDeltas}); err != nil {
		b.t.Fatal(err)
	}
}
