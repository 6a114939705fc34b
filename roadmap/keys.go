package roadmap

import (
	"maps"
	"slices"
)

// sortedKeys returns the keys of m in order, so that checks report
// deterministically.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
