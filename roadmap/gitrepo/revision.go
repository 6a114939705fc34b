package gitrepo

import (
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// ErrUnknownRevision is returned for a revision that names no commit.
var ErrUnknownRevision = errors.New("unknown revision")

// ErrNoCommits is returned, with ErrUnknownRevision, when the repository has
// no commits yet, so no revision names one.
var ErrNoCommits = errors.New("the repository has no commits yet")

// ErrShallow is returned when history is needed past a shallow clone's edge.
var ErrShallow = errors.New("the repository is a shallow clone and lacks the history asked for; run `git fetch --unshallow` (in CI, check out the full history, e.g. actions/checkout with fetch-depth: 0)")

// Resolve finds the commit a revision names: a branch, a tag, a hash (short
// or full), HEAD, or any of them with ~N and ^N.
func (r *Repo) Resolve(rev string) (*object.Commit, error) {
	if err := readable(rev); err != nil {
		return nil, err
	}
	if base := revBase(rev); len(base) < 4 && isHex(base) && !r.names(rev) {
		// go-git expands a hash of any length; git asks for four
		// characters at least, so a stray one is not taken for a commit.
		return nil, fmt.Errorf("%w %q: no branch or tag has that name, and a hash needs at least 4 characters%s", ErrUnknownRevision, rev, r.nearRef(rev))
	}
	if c, ok := r.resolveFirstParents(rev); ok {
		return c, nil
	}
	h, err := r.git.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		shallow := len(r.shallow) > 0
		if shallow && r.names(rev) {
			return nil, fmt.Errorf("resolving %q: %w", rev, ErrShallow)
		}
		base := r.pastRoot(rev) // the base that resolves, when the steps after it do not
		switch {
		case r.HeadHash() == "":
			return nil, fmt.Errorf("%w %q: %w; commit the roadmap first", ErrUnknownRevision, rev, ErrNoCommits)
		case strings.Contains(rev, ".."):
			return nil, fmt.Errorf("%w %q: give a range as two revisions, as in roadmap diff %s", ErrUnknownRevision, rev, r.rangeAsTwo(rev))
		case base != "" && asksParent(rev):
			return nil, fmt.Errorf("%w %q: it asks for a parent a commit of %s does not have (^2 is a merge's second parent)", ErrUnknownRevision, rev, base)
		case base != "":
			return nil, fmt.Errorf("%w %q: it goes back past the first commit of %s", ErrUnknownRevision, rev, base)
		}
		msg := "no branch, tag or commit has that name" + r.nearRef(rev)
		if shallow {
			// A shallow clone often lacks tags and older commits: a name it
			// does not know may be one of them, or a typo.
			msg += " (if this shallow clone lacks it, run `git fetch --unshallow --tags`; in CI, check out the full history, e.g. actions/checkout with fetch-depth: 0)"
		}
		return nil, fmt.Errorf("%w %q: %s", ErrUnknownRevision, rev, msg)
	}
	c, err := r.git.CommitObject(*h)
	if err != nil {
		if len(r.shallow) > 0 {
			return nil, fmt.Errorf("reading %q: %w", rev, ErrShallow)
		}
		return nil, fmt.Errorf("%w %q: %v", ErrUnknownRevision, rev, err)
	}
	return c, nil
}

// resolveFirstParents resolves a revision whose steps all follow first
// parents (HEAD~1999, main^^) by stepping through parent, which keeps the
// commits it reads for the walk that usually follows: go-git would read and
// decode each of them once more. ok is false for any other revision, or when
// a step fails, for Resolve to resolve, and word the error, as before.
func (r *Repo) resolveFirstParents(rev string) (*object.Commit, bool) {
	base, n, ok := firstParentSteps(rev)
	if !ok || n == 0 {
		return nil, false
	}
	h, err := r.git.ResolveRevision(plumbing.Revision(base))
	if err != nil {
		return nil, false
	}
	c, err := r.git.CommitObject(*h)
	for ; err == nil && c != nil && n > 0; n-- {
		c, err = r.parent(c)
	}
	if err != nil || c == nil {
		return nil, false
	}
	return c, true
}

// maxSteps bounds the first parents firstParentSteps counts, far beyond any
// history, so the count cannot overflow.
const maxSteps = 1 << 30

// firstParentSteps splits a revision into its base and the number of first
// parents its ~N, ^ and ^1 steps go back (^0 goes back none); ok is false
// when it has no steps or a step it does not count: ^2 and beyond, ^{...}.
func firstParentSteps(rev string) (base string, n int, ok bool) {
	i := strings.IndexAny(rev, "~^")
	if i <= 0 {
		return "", 0, false
	}
	base, rest := rev[:i], rev[i:]
	if strings.ContainsFunc(base, notInName) {
		return "", 0, false // no ref's name: go-git's to refuse
	}
	for rest != "" {
		op := rest[0]
		rest = rest[1:]
		if op != '~' && op != '^' {
			return "", 0, false
		}
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		steps := 1
		if j > 0 {
			if j > 9 {
				return "", 0, false
			}
			steps, _ = strconv.Atoi(rest[:j])
		}
		rest = rest[j:]
		if op == '^' && steps > 1 {
			return "", 0, false // a merge's other parents: go-git's
		}
		if n += steps; n > maxSteps {
			return "", 0, false
		}
	}
	return base, n, true
}

// notInName reports whether git forbids r in the name of a ref.
func notInName(r rune) bool {
	return r <= ' ' || r == 0x7f || strings.ContainsRune(`?*[\:`, r)
}

// rangeAsTwo words git's range a..b, or a...b, as roadmap diff's two
// revisions: a...b runs from where the two fork, which it names when both
// resolve. An empty side is HEAD, as in git.
func (r *Repo) rangeAsTwo(rev string) string {
	a, b, three := strings.Cut(rev, "...")
	if !three {
		a, b, _ = strings.Cut(rev, "..")
	}
	if a == "" {
		a = "HEAD"
	}
	if b == "" {
		b = "HEAD"
	}
	if three && !strings.Contains(a+b, "..") {
		ca, errA := r.Resolve(a)
		cb, errB := r.Resolve(b)
		if errA == nil && errB == nil {
			if bases, err := ca.MergeBase(cb); err == nil && len(bases) == 1 {
				a = bases[0].Hash.String()[:7]
			}
		}
	}
	return a + " " + b
}

func isHex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789abcdefABCDEF") == ""
}

// readable refuses a revision using syntax go-git parses but does not
// resolve: HEAD@{1}, main@{upstream} and HEAD:path would read another commit
// than the one asked for, often HEAD, without a word; v1^{tree} is no commit.
func readable(rev string) error {
	for _, peel := range []string{"^{tree}", "^{blob}"} {
		if strings.Contains(rev, peel) {
			return fmt.Errorf("revision %q names a %s; give a commit: a branch, a tag or a hash, with ~N or ^N", rev, strings.Trim(peel, "^{}"))
		}
	}
	if strings.Contains(rev, "@{") || strings.Contains(rev, ":") {
		return fmt.Errorf("revision %q uses syntax roadmap does not read (@{...}, :path); give a branch, a tag or a hash, with ~N or ^N", rev)
	}
	return nil
}

// names reports whether the base of a revision (before any ~ or ^) is a
// ref, HEAD or a full hash: something a shallow clone may lack the history
// of, rather than a name mistyped.
func (r *Repo) names(rev string) bool {
	base := revBase(rev)
	if base == "HEAD" || plumbing.IsHash(base) {
		return true
	}
	for _, full := range []string{base, "refs/" + base, "refs/tags/" + base, "refs/heads/" + base, "refs/remotes/" + base} {
		if _, err := r.git.Reference(plumbing.ReferenceName(full), false); err == nil {
			return true
		}
	}
	return false
}

// nearRef is a suggestion of the branch or tag nearest to rev's base, as
// roadmap.Suggestion words it, or "".
func (r *Repo) nearRef(rev string) string {
	base := revBase(rev)
	refs, err := r.git.References()
	if err != nil {
		return ""
	}
	var names []string
	refs.ForEach(func(ref *plumbing.Reference) error {
		if n := ref.Name(); n.IsBranch() || n.IsTag() {
			names = append(names, n.Short())
		}
		return nil
	})
	return roadmap.Suggestion(base, names)
}

// asksParent reports whether a revision names a parent past the first
// (^2, ^3, ...).
func asksParent(rev string) bool {
	for i := 0; i < len(rev); i++ {
		if rev[i] != '^' {
			continue
		}
		j := i + 1
		for j < len(rev) && rev[j] >= '0' && rev[j] <= '9' {
			j++
		}
		if n, err := strconv.Atoi(rev[i+1 : j]); j > i+1 && (err != nil || n >= 2) {
			return true // ^2 and up: a merge's other parents
		}
	}
	return false
}

// pastRoot is the base of a revision such as HEAD~40 when the base names a
// commit and only the ~N or ^N is too many; "" otherwise.
func (r *Repo) pastRoot(rev string) string {
	base := revBase(rev)
	if base == rev {
		return ""
	}
	if _, err := r.git.ResolveRevision(plumbing.Revision(base)); err != nil {
		return ""
	}
	return base
}

// revBase is a revision without its ~N and ^N steps: HEAD of HEAD~3^2.
func revBase(rev string) string {
	base, _, _ := strings.Cut(rev, "~")
	base, _, _ = strings.Cut(base, "^")
	return base
}

// parentsLimit bounds the bytes of the commits parent keeps (by
// commitSize): a longer line, or one of huge messages, is read twice rather
// than held.
const parentsLimit = 64 << 20

// parent is c's first parent, nil for a root commit, or ErrShallow at the
// edge of a shallow clone.
func (r *Repo) parent(c *object.Commit) (*object.Commit, error) {
	if len(c.ParentHashes) == 0 {
		return nil, nil
	}
	if r.shallow[c.Hash] {
		return nil, ErrShallow
	}
	h := c.ParentHashes[0]
	r.parentsMu.Lock()
	p, ok := r.parents[h]
	r.parentsMu.Unlock()
	if ok {
		return p, nil
	}
	p, err := r.git.CommitObject(h)
	if err != nil {
		if len(r.shallow) > 0 {
			return nil, ErrShallow
		}
		return nil, fmt.Errorf("reading the parent of %s: %w", c.Hash.String()[:7], err)
	}
	r.parentsMu.Lock()
	// Two walks may have read the commit at once: it is counted once.
	if _, dup := r.parents[h]; dup {
		r.parentsMu.Unlock()
		return p, nil
	}
	if size := commitSize(p); r.parentsSize+size <= r.parentsLimit {
		r.parents[h] = p
		r.parentsSize += size
	}
	r.parentsMu.Unlock()
	return p, nil
}

// commitSize is about how many bytes a decoded commit holds.
func commitSize(c *object.Commit) int {
	return 256 + len(c.Message) + len(c.PGPSignature) + len(c.Encoding) +
		len(c.Author.Name) + len(c.Author.Email) + len(c.Committer.Name) + len(c.Committer.Email) +
		len(c.ParentHashes)*len(plumbing.Hash{})
}

// firstParents yields head and then each first parent, newest first, to the
// root; an error reading a parent (ErrShallow at a shallow clone's edge) is
// yielded last, with a nil commit.
func (r *Repo) firstParents(head *object.Commit) iter.Seq2[*object.Commit, error] {
	return func(yield func(*object.Commit, error) bool) {
		for c := head; c != nil; {
			if !yield(c, nil) {
				return
			}
			var err error
			if c, err = r.parent(c); err != nil {
				yield(nil, err)
				return
			}
		}
	}
}

// reaches follows c's first parents to stop: ErrNotAncestor when it is not
// among them. It reads commits only, not their trees.
func (r *Repo) reaches(c *object.Commit, stop plumbing.Hash) error {
	for c, err := range r.firstParents(c) {
		if err != nil {
			return err
		}
		if c.Hash == stop {
			return nil
		}
	}
	if stop != plumbing.ZeroHash {
		return ErrNotAncestor
	}
	return nil
}

// HeadHash is the commit HEAD points at, or "" when it points at none (an
// empty repository). It reads the refs anew on every call.
func (r *Repo) HeadHash() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	ref, err := r.git.Head()
	if err != nil {
		return ""
	}
	return ref.Hash().String()
}
