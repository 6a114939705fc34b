package main

import (
	"io"
	"os"
	"testing"
)

func BenchmarkZZDiffCLI(b *testing.B) {
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir("/tmp/roadmap-bench-repo-git")
	for b.Loop() {
		if code := Execute([]string{"diff", "HEAD~1999", "HEAD", "--dir", "roadmap"}, io.Discard, io.Discard); code != 0 {
			b.Fatal(code)
		}
	}
}
