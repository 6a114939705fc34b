//go:build race

package main

// raceDetector tells a build with the race detector, whose shadow memory
// grows with every page the heap touches: askHugePages asks for nothing in
// it, as the block it reserves would cost more than huge pages save.
const raceDetector = true
