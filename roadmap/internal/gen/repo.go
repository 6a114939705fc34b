package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// RepoOptions size a generated history.
type RepoOptions struct {
	Features int // in files of 50
	Commits  int
	Seed     uint64
	// RefDeltas packs deltas that name their base by hash, not offset.
	RefDeltas bool
}

// RepoInfo tells what was generated.
type RepoInfo struct {
	// Dir is the roadmap folder's path in the repository.
	Dir string
	// Busiest is the id of the feature the most commits changed.
	Busiest string
}

// Repo writes a git repository to dir whose roadmap (in roadmap/) has
// opts.Features features and whose history has opts.Commits commits, each
// changing one to three features; one commit in ten changes only files
// outside the roadmap. Objects are written directly and packed, as a clone
// would hold them.
func Repo(dir string, opts RepoOptions) (RepoInfo, error) {
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		return RepoInfo{}, err
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 11))
	g := &repoGen{st: repo.Storer, rng: rng, files: map[string][]byte{}, blobs: map[string]plumbing.Hash{}}
	g.features = make([]genFeature, opts.Features)
	for i := range g.features {
		g.features[i] = genFeature{id: fmt.Sprintf("feature-%04d", i), status: "planned", target: 1 + rng.IntN(8), effort: 1 + rng.IntN(8), reach: 100 * (1 + rng.IntN(50))}
	}
	// A roadmap that validates, as one kept in CI does: every theme,
	// objective and person the features name is defined.
	g.set("roadmap/roadmap.yaml", []byte("product: Generated\nscoring:\n  model: rice\n"))
	g.set("roadmap/people.yaml", []byte(genPeople))
	g.set("roadmap/plan.yaml", []byte(genPlan))
	for f := 0; f*50 < len(g.features); f++ {
		g.renderFile(f)
	}
	g.set("src/main.go", []byte("package main\n"))
	changes := map[string]int{}
	when := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	var parent plumbing.Hash
	for c := range opts.Commits {
		msg := "Update the app"
		if c == 0 {
			msg = "Start the roadmap"
		} else if rng.IntN(10) == 0 {
			g.set("src/main.go", []byte(fmt.Sprintf("package main\n\n// build %d\n", c)))
		} else {
			touched := map[int]bool{}
			var names []string
			for range 1 + rng.IntN(3) {
				i := rng.IntN(len(g.features))
				g.features[i].edit(rng)
				touched[i/50] = true
				changes[g.features[i].id]++
				names = append(names, g.features[i].id)
			}
			for f := range touched {
				g.renderFile(f)
			}
			msg = "Update " + strings.Join(names, ", ")
		}
		root, err := g.tree("")
		if err != nil {
			return RepoInfo{}, err
		}
		when = when.Add(3 * time.Hour)
		sig := object.Signature{Name: "Pat Author", Email: "pat@example.com", When: when}
		commit := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: root}
		if c > 0 {
			commit.ParentHashes = []plumbing.Hash{parent}
		}
		if parent, err = g.store(commit); err != nil {
			return RepoInfo{}, err
		}
	}
	if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.Master, parent)); err != nil {
		return RepoInfo{}, err
	}
	if err := repo.RepackObjects(&git.RepackConfig{UseRefDeltas: opts.RefDeltas}); err != nil {
		return RepoInfo{}, err
	}
	// The pack holds everything now; drop the loose copies.
	loose, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "[0-9a-f][0-9a-f]"))
	for _, d := range loose {
		if err := os.RemoveAll(d); err != nil {
			return RepoInfo{}, err
		}
	}
	info := RepoInfo{Dir: "roadmap"}
	for id, n := range changes {
		if n > changes[info.Busiest] || n == changes[info.Busiest] && id < info.Busiest {
			info.Busiest = id
		}
	}
	return info, nil
}

const genPeople = `people:
  - id: ana
    name: Ana Silva
    role: product
  - id: raj
    name: Raj Patel
    role: marketing
`

const genPlan = `themes:
  - id: core
    title: The core product
objectives:
  - id: grow
    title: Grow paying teams
    owner: ana
    metric: Paying teams at the end of the period
    baseline: "1,000"
    target: "1,500"
    due: 2028-Q4
`

type genFeature struct {
	id, status            string
	target, effort, reach int
}

var genStatuses = []string{"idea", "planned", "in-progress", "shipped"}

func (f *genFeature) edit(rng *rand.Rand) {
	switch rng.IntN(3) {
	case 0:
		f.status = genStatuses[rng.IntN(len(genStatuses))]
	case 1:
		f.target = 1 + rng.IntN(8)
	default:
		f.effort = 1 + rng.IntN(8)
	}
}

func (f genFeature) write(b *strings.Builder) {
	fmt.Fprintf(b, "  - id: %s\n    title: Feature %s for teams\n    summary: Teams get %s without leaving the app.\n", f.id, f.id, f.id)
	fmt.Fprintf(b, "    status: %s\n", f.status)
	if f.status == "shipped" {
		b.WriteString("    shipped: 2026-11-02\n")
	}
	fmt.Fprintf(b, "    theme: core\n    objectives: [grow]\n    owners:\n      product: ana\n      marketing: raj\n")
	fmt.Fprintf(b, "    target: %d-Q%d\n    launch:\n      size: medium\n", 2027+(f.target-1)/4, 1+(f.target-1)%4)
	fmt.Fprintf(b, "    scores:\n      reach: %d\n      impact: 2\n      confidence: 80\n      effort: %d\n", f.reach, f.effort)
	fmt.Fprintf(b, "    messaging:\n      value: Save an hour a week.\n    visibility: public\n    tags: [generated]\n")
}

type repoGen struct {
	st       storer.EncodedObjectStorer
	rng      *rand.Rand
	features []genFeature
	files    map[string][]byte
	blobs    map[string]plumbing.Hash
}

func (g *repoGen) set(path string, text []byte) {
	g.files[path] = text
	delete(g.blobs, path)
}

func (g *repoGen) renderFile(f int) {
	var b strings.Builder
	b.WriteString("features:\n")
	for _, x := range g.features[f*50 : min(len(g.features), (f+1)*50)] {
		x.write(&b)
	}
	g.set(fmt.Sprintf("roadmap/features/%02d.yaml", f), []byte(b.String()))
}

// tree stores the tree of the folder dir ("" for the root) and its blobs.
func (g *repoGen) tree(dir string) (plumbing.Hash, error) {
	prefix := dir
	if prefix != "" {
		prefix += "/"
	}
	children := map[string]bool{}
	for p := range g.files {
		if rest, ok := strings.CutPrefix(p, prefix); ok {
			name, _, isDir := strings.Cut(rest, "/")
			children[name] = children[name] || isDir
		}
	}
	names := make([]string, 0, len(children))
	for n := range children {
		names = append(names, n)
	}
	sortGit(names, children)
	t := &object.Tree{}
	for _, name := range names {
		var h plumbing.Hash
		var err error
		mode := filemode.Regular
		if children[name] {
			mode = filemode.Dir
			h, err = g.tree(prefix + name)
		} else {
			h, err = g.blob(prefix + name)
		}
		if err != nil {
			return plumbing.ZeroHash, err
		}
		t.Entries = append(t.Entries, object.TreeEntry{Name: name, Mode: mode, Hash: h})
	}
	return g.store(t)
}

// sortGit orders names as git orders tree entries: folders as if named with
// a trailing slash.
func sortGit(names []string, isDir map[string]bool) {
	key := func(n string) string {
		if isDir[n] {
			return n + "/"
		}
		return n
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(key(a), key(b)) })
}

func (g *repoGen) blob(path string) (plumbing.Hash, error) {
	if h, ok := g.blobs[path]; ok {
		return h, nil
	}
	obj := g.st.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, err := obj.Writer()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := w.Write(g.files[path]); err != nil {
		return plumbing.ZeroHash, err
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, err
	}
	h, err := g.st.SetEncodedObject(obj)
	g.blobs[path] = h
	return h, err
}

type encoder interface {
	Encode(plumbing.EncodedObject) error
}

func (g *repoGen) store(o encoder) (plumbing.Hash, error) {
	obj := g.st.NewEncodedObject()
	if err := o.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	return g.st.SetEncodedObject(obj)
}
