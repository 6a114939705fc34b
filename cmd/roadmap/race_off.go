//go:build !race

package main

// raceDetector tells a build with the race detector (see race_on.go).
const raceDetector = false
