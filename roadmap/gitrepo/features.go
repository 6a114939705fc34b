package gitrepo

import (
	"path"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
)

// features is the roadmap at dir in commit c with its features only, as
// Load gives them: in path order, none from a file that does not parse,
// with Load's defaults. It reads them from the items the walk split and
// decoded rather than decoding every file again: report reads the plan at
// each quarter's start and end. Positions are not the files'. A folder
// without its roadmap.yaml (deleted for a while, or not yet written) still
// has the features its files hold; no folder, none.
func (r *Repo) features(c *object.Commit, dir string) (*roadmap.Roadmap, error) {
	return r.featuresOr(c, dir, nil)
}

// featuresOr is features, but a file that does not parse is read as the
// blob instead gives for its path, when instead is not nil and gives one;
// a file too large to read is not read, as a load reads none of it.
func (r *Repo) featuresOr(c *object.Commit, dir string, instead func(path string) plumbing.Hash) (*roadmap.Roadmap, error) {
	tree, err := r.subtree(c, dir)
	if err != nil {
		return nil, err
	}
	var files []FileChange
	if tree != plumbing.ZeroHash {
		if err := r.loadFiles(tree, "", &files); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(files, func(a, b FileChange) int { return strings.Compare(a.Path, b.Path) })
	var out []*roadmap.Feature
	for _, f := range files {
		s, err := r.split(f.Path, f.New, plumbing.ZeroHash)
		if err != nil {
			return nil, err
		}
		if !r.fileParses(f.New, s) {
			// A load reads it as empty (or, too large, not at all).
			if instead == nil || r.isHuge(f.New) {
				continue
			}
			h := instead(f.Path)
			if h == plumbing.ZeroHash {
				continue
			}
			if s, err = r.split(f.Path, h, plumbing.ZeroHash); err != nil {
				return nil, err
			}
		}
		for _, it := range s.items {
			if v, ok := r.decode(it).(*roadmap.Feature); ok && it.kind == "features" {
				f := *v // Load's defaults go on a copy: the walk shares v
				out = append(out, &f)
			}
		}
	}
	return roadmap.OfFeatures(out), nil
}

// loadFiles lists the files Load reads in a tree: *.yaml and *.yml files,
// not links, not under a folder whose name starts with a dot.
func (r *Repo) loadFiles(tree plumbing.Hash, prefix string, out *[]FileChange) error {
	entries, err := r.entries(tree)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := path.Join(prefix, e.Name)
		switch {
		case e.Mode == filemode.Dir:
			if !strings.HasPrefix(e.Name, ".") {
				if err := r.loadFiles(e.Hash, name, out); err != nil {
					return err
				}
			}
		case isFile(e.Mode) && roadmap.IsRoadmapFile(e.Name):
			*out = append(*out, FileChange{Path: name, New: e.Hash})
		}
	}
	return nil
}

// fileParses reports whether a blob, split as s, parses whole: its head and
// every item, each decoded (once) if not known already.
func (r *Repo) fileParses(h plumbing.Hash, s split) bool {
	c := r.items
	c.mu.Lock()
	whole, known := c.whole[h]
	broken := c.broken[h]
	c.mu.Unlock()
	switch {
	case known:
		return whole
	case broken:
		return false
	}
	if s.whole {
		return true // decoded whole, without a syntax error
	}
	if !s.head {
		return false
	}
	for _, it := range s.items {
		if !r.itemParses(it) {
			return false
		}
	}
	return true
}

// itemParses reports whether an item's text parses alone. A feature,
// objective or campaign it decodes is kept, as decode keeps it.
func (r *Repo) itemParses(it *item) bool {
	c := r.items
	c.mu.Lock()
	ok, known := c.parses[it.hash]
	c.mu.Unlock()
	if known {
		return ok
	}
	var v any
	switch it.kind {
	case "features", "objectives", "campaigns":
		v, ok = roadmap.DecodeItem(it.kind, it.text)
	default:
		_, findings := roadmap.DecodeChunk("", roadmap.Chunk{Key: it.kind, Start: 2, Text: it.text})
		ok = !roadmap.HasSyntaxError(findings)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.parses[it.hash] = ok
	if _, done := c.decoded[it.hash]; !done && v != nil {
		c.decoded[it.hash] = v
		c.decodes++
	}
	return ok
}
