// Package examples holds the roadmaps bundled with the tool: northwind, a
// realistic roadmap that the README and the tests use, and starter, the small
// roadmap `roadmap init` writes.
package examples
