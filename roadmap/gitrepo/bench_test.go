package gitrepo_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

var (
	benchRepoDir  = flag.String("benchrepo", "", "write the benchmark repository here and keep it (for comparing with the git CLI)")
	benchFeatures = flag.Int("benchfeatures", 1000, "features in the benchmark repository")
	benchCommits  = flag.Int("benchcommits", 2000, "commits in the benchmark repository")
)

// TestMain removes the generated repository after the run.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	benchCleanup()
	os.Exit(code)
}

var benchCleanup = func() {}

var (
	benchOnce sync.Once
	benchDir  string
	benchInfo gen.RepoInfo
	benchErr  error
)

// benchRepo generates, once per test binary, a repository of 1,000 features
// and 2,000 commits (or the sizes the flags ask for).
func benchRepo(tb testing.TB) (string, gen.RepoInfo) {
	benchOnce.Do(func() {
		benchDir = *benchRepoDir
		opts := gen.RepoOptions{Features: *benchFeatures, Commits: *benchCommits, Seed: 1}
		// The marker names the generator's version, and holds the busiest
		// feature and the sizes: a repository an older generator wrote, or
		// of other sizes, is written again, not measured.
		marker := filepath.Join(benchDir, ".git", "roadmap-bench-v2")
		sizes := fmt.Sprintf("%d %d", opts.Features, opts.Commits)
		if benchDir != "" {
			// Reuse a repository an earlier run wrote.
			if b, err := os.ReadFile(marker); err == nil {
				busiest, got, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
				if got == sizes {
					benchInfo = gen.RepoInfo{Dir: "roadmap", Busiest: busiest}
					return
				}
			}
			os.RemoveAll(benchDir)
		} else {
			benchDir, benchErr = os.MkdirTemp("", "roadmap-bench-repo-")
			marker = ""
		}
		if benchErr == nil {
			benchInfo, benchErr = gen.Repo(benchDir, opts)
		}
		if benchErr == nil && marker != "" {
			benchErr = os.WriteFile(marker, []byte(benchInfo.Busiest+"\n"+sizes+"\n"), 0o644)
		}
		if *benchRepoDir == "" && benchErr == nil {
			benchCleanup = func() { os.RemoveAll(benchDir) }
		}
	})
	if benchErr != nil {
		tb.Fatal(benchErr)
	}
	return benchDir, benchInfo
}

// openHead opens a fresh handle on the repository at dir, so no cache
// survives between iterations, and resolves HEAD.
func openHead(b *testing.B, dir string) (*gitrepo.Repo, *object.Commit) {
	r, err := gitrepo.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	head, err := r.Resolve("HEAD")
	if err != nil {
		b.Fatal(err)
	}
	return r, head
}

// BenchmarkHistory is `roadmap history ID` over the whole range: a fresh
// repository handle each time, so no cache survives between iterations.
func BenchmarkHistory(b *testing.B) {
	dir, info := benchRepo(b)
	b.ResetTimer()
	b.ReportAllocs()
	for b.Loop() {
		r, head := openHead(b, dir)
		events, err := r.History(head, gitrepo.HistoryOptions{Dir: info.Dir, Kind: "features", ID: info.Busiest})
		if err != nil || len(events) == 0 {
			b.Fatal(err, len(events))
		}
		r.Close()
	}
}

// BenchmarkWalkBlobs is the least a walk over the whole range does, the
// in-process counterpart of the git CLI baseline in docs/bench-git.sh: the
// commits and trees compared, every changed blob read, no YAML read.
func BenchmarkWalkBlobs(b *testing.B) {
	dir, info := benchRepo(b)
	b.ResetTimer()
	b.ReportAllocs()
	for b.Loop() {
		r, head := openHead(b, dir)
		steps := 0
		err := r.WalkReadingBlobs(head, plumbing.ZeroHash, info.Dir, func(gitrepo.Step) error {
			steps++
			return nil
		})
		if err != nil || steps < *benchCommits/2 {
			b.Fatal(err, steps)
		}
		b.ReportMetric(float64(r.BlobReads()), "blobs/op")
		r.Close()
	}
}

// BenchmarkDiffRange is `roadmap diff ROOT HEAD` over the whole range: both
// ends loaded, the changes computed, and each change attributed to its commit.
func BenchmarkDiffRange(b *testing.B) {
	dir, info := benchRepo(b)
	b.ResetTimer()
	b.ReportAllocs()
	for b.Loop() {
		r, head := openHead(b, dir)
		first, err := r.Resolve(fmt.Sprintf("HEAD~%d", *benchCommits-1))
		if err != nil {
			b.Fatal(err)
		}
		load := func(c *plumbing.Hash) *roadmap.Roadmap {
			cm, err := r.Resolve(c.String())
			if err != nil {
				b.Fatal(err)
			}
			rm, err := r.Load(cm, info.Dir)
			if err != nil {
				b.Fatal(err)
			}
			return rm
		}
		changes := roadmap.Diff(load(&first.Hash), load(&head.Hash))
		if err := r.Attribute(head, first.Hash, info.Dir, changes); err != nil || len(changes) == 0 {
			b.Fatal(err, len(changes))
		}
		r.Close()
	}
}
