// Package roadmap is the domain of the roadmap tool: the model of a roadmap
// (features, objectives, people, themes, personas and settings), loading it from
// any fs.FS with the file, line and column of every item and field, and the lint
// rules that check it.
//
// Data flows one way: Load turns files into a *Roadmap and the findings of
// loading; Check runs the rules over it. This package never prints and never
// imports a terminal or command-line library; package render turns its results
// into output.
package roadmap
