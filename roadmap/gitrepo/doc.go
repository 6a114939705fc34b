// Package gitrepo reads a roadmap's history through go-git: any revision's
// roadmap folder as an fs.FS (so loading a commit is the same code as loading
// a folder), the first-parent walk that skips commits whose roadmap did not
// change, and caches that parse each blob and each item once. Packed objects
// are read straight from the packfiles (pack.go), with rebuilt delta bases
// kept by their offset; go-git reads everything else.
//
// It never runs the git command and never writes to the repository.
package gitrepo
