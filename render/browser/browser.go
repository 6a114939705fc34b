// Package browser loads pages in headless Chromium for tests: the text of the
// rendered DOM to assert on, and a screenshot to look at. CI installs
// Debian's chromium package (.ci/run); elsewhere a test without Chromium is
// skipped with a message saying how to install it.
package browser

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Find returns the path of Chromium, failing the test in CI when it is
// missing (CI must have it) and skipping it elsewhere.
func Find(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("headless Chromium is needed for this test and CI must install it: apt-get install chromium")
	}
	t.Skip("headless Chromium not found; install it (apt-get install chromium) to run this test")
	return ""
}

// flags start Chromium headless, alone, and quiet on a machine without a
// network: no sandbox (tests may run as root), no background connections.
func flags(t testing.TB) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
	}
}

func run(t testing.TB, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, Find(t), append(flags(t), args...)...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v", strings.Join(args, " "), err)
	}
	return out
}

// URL is a file URL for a local path.
func URL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return "file://" + filepath.ToSlash(abs)
}

// DOM loads a URL and returns the serialised DOM after the page rendered.
func DOM(t testing.TB, url string) string {
	t.Helper()
	return string(run(t, "--dump-dom", url))
}

// DOMAfter loads a URL, lets the page run for budget of virtual time (timers,
// requests, reloads), and returns the DOM it ends with.
func DOMAfter(t testing.TB, url string, budget time.Duration) string {
	t.Helper()
	return string(run(t, "--virtual-time-budget="+strconv.Itoa(int(budget.Milliseconds())), "--dump-dom", url))
}

var tags = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]*>`)

// Text is the visible text of a DOM, tags and styles dropped, spaces squeezed.
func Text(dom string) string {
	text := tags.ReplaceAllString(dom, " ")
	for _, e := range [][2]string{{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", `"`}, {"&#39;", "'"}, {"&nbsp;", " "}} {
		text = strings.ReplaceAll(text, e[0], e[1])
	}
	return strings.Join(strings.Fields(text), " ")
}

// Screenshot saves a PNG of the page at the given window size into the
// folder named by $ROADMAP_ARTIFACTS (or the test's temporary folder) and
// returns its path.
func Screenshot(t testing.TB, url, name string, width, height int) string {
	t.Helper()
	dir := os.Getenv("ROADMAP_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, name)
	run(t, "--screenshot="+out, "--window-size="+strconv.Itoa(width)+","+strconv.Itoa(height), url)
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("no screenshot at %s: %v", out, err)
	}
	t.Logf("screenshot: %s", out)
	return out
}
