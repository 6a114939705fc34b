package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// pasted is what a POSIX shell makes of a suggested command, pasted as it
// was printed (after the last ": " of line, if any): its words after
// "roadmap".
func pasted(t *testing.T, line string) []string {
	t.Helper()
	cmd := line
	if i := strings.LastIndex(line, ": "); i >= 0 {
		cmd = line[i+2:]
	}
	cmd = strings.TrimSpace(cmd)
	rest, ok := strings.CutPrefix(cmd, "roadmap ")
	if !ok {
		t.Fatalf("no roadmap command to paste in %q", line)
	}
	out, err := exec.Command("sh", "-c", `printf '%s\0' `+rest).Output()
	if err != nil {
		t.Fatalf("sh reads %q: %v", rest, err)
	}
	return strings.Split(string(bytes.TrimSuffix(out, []byte{0})), "\x00")
}

// TestShellWordReadsBack: a suggested command's words read back, through a
// POSIX shell, as they were: nothing expands, nothing splits.
func TestShellWordReadsBack(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatal("no sh to read the words back:", err)
	}
	for _, w := range []string{"plan", "my plan", "my $HOME/`x`", "it's", "tab\there", "a\nb", "*"} {
		out, err := exec.Command(sh, "-c", "printf %s "+shellWord(w)).Output()
		if err != nil || string(out) != w {
			t.Errorf("%q quoted as %s reads back as %q (%v)", w, shellWord(w), out, err)
		}
	}
	if got := shellWord("plan/v1.2_a-b"); got != "plan/v1.2_a-b" {
		t.Errorf("a plain word is quoted: %s", got)
	}
	a := &app{dir: "my plan"}
	if got := a.validateAt("v1"); got != `"roadmap validate --at v1 --dir 'my plan'"` {
		t.Errorf("validateAt: %s", got)
	}
}
