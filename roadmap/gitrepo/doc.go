// Package gitrepo reads a roadmap's history through go-git: any revision's
// roadmap folder, or git's index (what the next commit holds), as an fs.FS,
// so loading a commit is the same code as loading a folder; and the
// first-parent walk that skips commits whose roadmap did not change, on
// which history, diff's attribution (Attribute) and report's timeline are
// built. Between compares two commits directly, for history's merge of a
// release tag against the tag.
//
// The walk splits each changed file into its items and decodes only the
// items and keys not seen before, each blob and item once. A file that
// stops parsing shows the changes made while it was broken at the commit
// that mended it (mend.go). Packed objects are read straight from the
// packfiles (pack.go, delta.go), with rebuilt delta bases kept by their
// offset; texts live in memory reused once nothing holds them (textpool.go);
// go-git reads everything else.
//
// It never runs the git command and never writes to the repository.
package gitrepo
