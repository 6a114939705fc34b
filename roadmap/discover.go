package roadmap

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNoRoadmap is returned when no roadmap.yaml can be found.
var ErrNoRoadmap = errors.New("no roadmap found")

// Discover finds the roadmap root for a command run in dir: the first folder
// holding roadmap.yaml, trying dir/roadmap.yaml and dir/roadmap/roadmap.yaml in
// dir and then each parent, stopping at the top of the git work tree.
func Discover(dir string) (string, error) {
	start, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := start; ; {
		for _, cand := range []string{d, filepath.Join(d, "roadmap")} {
			if isFile(filepath.Join(cand, "roadmap.yaml")) {
				return cand, nil
			}
		}
		parent := filepath.Dir(d)
		if parent == d || exists(filepath.Join(d, ".git")) {
			break
		}
		d = parent
	}
	return "", fmt.Errorf("%w: no roadmap.yaml in %s or roadmap/ below it, nor in a parent folder up to the repository root; pass --dir, or start one with `roadmap init`", ErrNoRoadmap, start)
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
