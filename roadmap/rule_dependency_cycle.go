package roadmap

import (
	"fmt"
	"slices"
	"strings"
)

var ruleDependencyCycle = &Rule{
	ID:       "dependency-cycle",
	Severity: SeverityError,
	Summary:  "features depend on each other in a loop (the loop is printed)",
	check:    checkCycles,
	Doc: "Features whose `depends_on` lead back to themselves, directly or through other features. " +
		"In a loop no feature can be delivered first, so no order of work satisfies the plan. " +
		"Each loop is reported once, at its smallest id, and printed from it; remove the dependency that is not real.",
}

// checkCycles reports each loop of depends_on once, printed from the smallest
// id in it so the message is the same whatever order the files are in; a
// feature that depends on itself is reported as well as a loop it is in, so
// mending one does not reveal the other.
func checkCycles(c *checker) {
	r := c.r
	for _, scc := range stronglyConnected(r) {
		for _, id := range slices.Sorted(slices.Values(scc)) {
			f := r.Feature(id)
			if i := slices.Index(f.DependsOn, id); i >= 0 {
				c.report(&f.Located, fmt.Sprintf("depends_on[%d]", i), "feature %s depends on itself", id)
			}
		}
		if len(scc) == 1 {
			continue
		}
		start := slices.Min(scc)
		loop := shortestLoop(r, start, scc)
		f := r.Feature(start)
		path := "depends_on"
		if i := slices.Index(f.DependsOn, loop[1]); i >= 0 {
			path = fmt.Sprintf("depends_on[%d]", i)
		}
		c.report(&f.Located, path, "features depend on each other in a loop: %s", strings.Join(loop, " -> "))
	}
}

// stronglyConnected returns the groups of features that reach each other
// through depends_on (Tarjan's algorithm), each with a loop in it.
func stronglyConnected(r *Roadmap) [][]string {
	index := map[string]int{}
	low := map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var out [][]string
	next := 0
	var visit func(id string)
	visit = func(id string) {
		index[id], low[id] = next, next
		next++
		stack = append(stack, id)
		onStack[id] = true
		for _, dep := range r.Feature(id).DependsOn {
			if r.Feature(dep) == nil {
				continue
			}
			if _, seen := index[dep]; !seen {
				visit(dep)
				low[id] = min(low[id], low[dep])
			} else if onStack[dep] {
				low[id] = min(low[id], index[dep])
			}
		}
		if low[id] == index[id] {
			var group []string
			for {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[top] = false
				group = append(group, top)
				if top == id {
					break
				}
			}
			if len(group) > 1 || slices.Contains(r.Feature(id).DependsOn, id) {
				out = append(out, group)
			}
		}
	}
	for _, f := range r.Features {
		if _, seen := index[f.ID]; !seen && r.Feature(f.ID) == f {
			visit(f.ID)
		}
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(slices.Min(a), slices.Min(b)) })
	return out
}

// shortestLoop finds the shortest path from start back to itself through
// other features of group, breadth first, dependencies in written order:
// [start, ..., start].
func shortestLoop(r *Roadmap, start string, group []string) []string {
	prev := map[string]string{}
	queue := []string{start}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, dep := range r.Feature(id).DependsOn {
			if dep == id || !slices.Contains(group, dep) {
				continue // a feature's dependence on itself is reported alone
			}
			if dep == start {
				loop := []string{start}
				for at := id; at != start; at = prev[at] {
					loop = append(loop, at)
				}
				slices.Reverse(loop[1:])
				return append(loop, start)
			}
			if _, seen := prev[dep]; !seen {
				prev[dep] = id
				queue = append(queue, dep)
			}
		}
	}
	return []string{start, start}
}
