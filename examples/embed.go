package examples

import (
	"embed"
	"io/fs"
)

//go:embed starter
var starter embed.FS

// Starter is the roadmap `roadmap init` writes, rooted at its roadmap.yaml.
func Starter() fs.FS {
	sub, err := fs.Sub(starter, "starter")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}
