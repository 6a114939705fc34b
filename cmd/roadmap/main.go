// Command roadmap keeps a product roadmap as plain-text YAML files in git:
// it validates them, ranks features, plans launches and renders a version of
// the roadmap for every audience.
package main

import "os"

func main() {
	memory.shortRun(os.LookupEnv)
	os.Exit(Execute(os.Args[1:], os.Stdout, os.Stderr))
}
