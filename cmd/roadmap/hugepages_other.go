//go:build !linux

package main

// hugeRange is empty where askHugePages asks for nothing: elsewhere the
// heap keeps the pages the system gives it.
type hugeRange struct{}

func askHugePages(func(string) (string, bool)) (hugeRange, bool) { return hugeRange{}, false }

func (hugeRange) asked() bool { return false }

func (hugeRange) giveBack() {}
