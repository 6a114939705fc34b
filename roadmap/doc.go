// Package roadmap is the domain of the roadmap tool: the model of a roadmap
// (features, objectives, campaigns, people, themes, personas and settings),
// loading it from any fs.FS with the file, line and column of every item and
// field, the lint rules that check it, scoring and prioritizing, audiences
// and their views, launch playbooks, alignment, and comparing two versions
// (diff, history and the report of how the roadmap kept its word).
//
// Data flows one way: Load turns files into a *Roadmap and the findings of
// loading; Check runs the rules over it; the rest read it. This package never
// prints and never imports a terminal or command-line library; package render
// turns its results into output, and package roadmap/gitrepo reads it from
// git.
package roadmap
