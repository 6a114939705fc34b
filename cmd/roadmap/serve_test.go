package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/northwind-labs/roadmap/render/browser"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
)

// copyExample copies the Northwind roadmap into a temporary folder.
// rewrite saves a roadmap file while serve runs, as an editor would.
func rewrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir(exampleDir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(exampleDir, p)
		text, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		write(t, dir, filepath.ToSlash(rel), string(text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func get(t *testing.T, url, method string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	return resp.StatusCode, string(body)
}

// serveApp is the app serve runs in for a test, in folder dir.
func serveApp(dir string, stderr io.Writer) *app {
	return &app{stdout: io.Discard, stderr: stderr, lookupEnv: func(string) (string, bool) { return "", false }, wd: dir,
		now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }, isTerminal: func(io.Writer) bool { return false },
		termWidth: func(io.Writer) int { return 0 }, today: "2026-11-23"}
}

// startServe runs roadmap serve on a free loopback port until the test ends.
func startServe(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return startServeApp(t, serveApp(dir, io.Discard), args...)
}

// startServeApp is startServe in app a.
func startServeApp(t *testing.T, a *app, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	o := serveOptions{addr: "127.0.0.1:0", audience: "internal", poll: 200 * time.Millisecond}
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == "--audience" {
			o.audience = args[i+1]
		}
	}
	go func() { done <- a.runServe(ctx, o, ready) }()
	select {
	case addr := <-ready:
		t.Cleanup(func() {
			cancel()
			<-done
		})
		return "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v", err)
	}
	return ""
}

func TestServeIsBoundedAndReadOnly(t *testing.T) {
	dir := copyExample(t)
	base := startServe(t, dir)
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("serve listens on %s, want the loopback address", base)
	}
	code, body := get(t, base+"/", http.MethodGet)
	if code != 200 || !strings.Contains(body, "Northwind Books") || !strings.Contains(body, `fetch("/version"`) {
		t.Errorf("GET /: %d %.200q", code, body)
	}
	for _, path := range []string{"/roadmap.yaml", "/features/", "/../../etc/passwd", "/index.html", "/.git/HEAD"} {
		if code, _ := get(t, base+path, http.MethodGet); code != 404 {
			t.Errorf("GET %s: %d, want 404", path, code)
		}
	}
	if code, _ := get(t, base+"/", http.MethodPost); code != 405 {
		t.Errorf("POST /: %d, want 405", code)
	}
	// A broken file shows on the page, and the page comes back once fixed.
	features := filepath.Join(dir, "features", "banking.yaml")
	good := mustRead(t, features)
	rewrite(t, features, "features: [\n")
	if _, body := get(t, base+"/", http.MethodGet); !strings.Contains(body, "The roadmap has errors") || !strings.Contains(body, "banking.yaml") {
		t.Errorf("broken roadmap page: %.300q", body)
	}
	rewrite(t, features, good)
	if _, body := get(t, base+"/", http.MethodGet); !strings.Contains(body, "Northwind Books") {
		t.Errorf("fixed roadmap page: %.300q", body)
	}
}

func TestServeUsageErrors(t *testing.T) {
	dir := copyExample(t)
	s := session{wd: dir}
	if r := s.run(t, "serve", "--audience", "investors"); r.code != 2 || !strings.Contains(r.stderr, "investors") {
		t.Errorf("unknown audience: %d %q", r.code, r.stderr)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if r := s.run(t, "serve", "--addr", ln.Addr().String()); r.code != 2 || !strings.Contains(r.stderr, "cannot listen") {
		t.Errorf("address in use: %d %q", r.code, r.stderr)
	}
}

// TestServeRefreshesInChromium opens the page in headless Chromium, changes
// a roadmap file once the page has asked for the version, and checks that
// the page Chromium ends with shows the change.
func TestServeRefreshesInChromium(t *testing.T) {
	browser.Find(t)
	dir := copyExample(t)
	a := &app{stdout: io.Discard, stderr: io.Discard, lookupEnv: func(string) (string, bool) { return "", false }, wd: dir,
		now: time.Now, isTerminal: func(io.Writer) bool { return false }, termWidth: func(io.Writer) int { return 0 }, today: "2026-11-23"}
	ps := a.pageServer(dir, nil, serveOptions{audience: "internal", poll: 100 * time.Millisecond})
	var once sync.Once
	roadmapFile := filepath.Join(dir, "roadmap.yaml")
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/version" {
			once.Do(func() {
				text, err := os.ReadFile(roadmapFile)
				if err == nil {
					err = os.WriteFile(roadmapFile, []byte(strings.Replace(string(text), "product: Northwind Books", "product: Northwind Ledger", 1)), 0o644)
				}
				if err != nil {
					t.Error(err)
				}
			})
		}
		ps.ServeHTTP(w, r)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: handler}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/"
	if _, body := get(t, url, http.MethodGet); !strings.Contains(body, "Northwind Books") {
		t.Fatal("the first page does not show the roadmap")
	}
	dom := browser.DOMAfter(t, url, 5*time.Second)
	if !strings.Contains(dom, "Northwind Ledger") {
		t.Errorf("after the file changed the page still reads:\n%.500s", browser.Text(dom))
	}
}

func TestServeVersionFollowsFilesAndHEAD(t *testing.T) {
	b := gittest.New(t)
	b.Write("roadmap/roadmap.yaml", "product: Acme\n")
	b.Commit("Ana", "Start")
	root := filepath.Join(b.Dir, "roadmap")
	repo, err := gitrepo.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	v1 := roadmapVersion(root, repo)
	if v2 := roadmapVersion(root, repo); v2 != v1 {
		t.Fatal("the version changes with nothing changed")
	}
	b.Commit("Ana", "An empty commit moves HEAD")
	v3 := roadmapVersion(root, repo)
	if v3 == v1 {
		t.Error("the version did not follow HEAD")
	}
	b.Write("roadmap/more.yaml", "features: []\n")
	if roadmapVersion(root, repo) == v3 {
		t.Error("the version did not follow a new file")
	}
}

// TestServeErrorPageShowsAnAudienceNothingHidden: the findings name internal
// ids, paths and text, so only the internal page shows them.
func TestServeErrorPageShowsAnAudienceNothingHidden(t *testing.T) {
	dir := copyExample(t)
	features := filepath.Join(dir, "features", "banking.yaml")
	text := mustRead(t, features)
	broken := strings.Replace(text, "target: 2027-01\n", "target: 2027-01 until CANARY-Globex signs\n", 1)
	if broken == text {
		t.Fatal("the example has no target: 2027-01 to break")
	}
	rewrite(t, features, broken)
	_, body := get(t, startServe(t, dir, "--audience", "customers")+"/", http.MethodGet)
	if !strings.Contains(body, "The roadmap has errors") || !strings.Contains(body, "roadmap validate") {
		t.Errorf("customers' error page: %.300q", body)
	}
	for _, hidden := range []string{"CANARY", "banking.yaml", "bank-connector-platform"} {
		if strings.Contains(body, hidden) {
			t.Errorf("customers' error page shows %q: %.400q", hidden, body)
		}
	}
	if _, body := get(t, startServe(t, dir)+"/", http.MethodGet); !strings.Contains(body, "CANARY") {
		t.Errorf("the internal error page does not say what is wrong: %.300q", body)
	}
}

// TestServeErrorPageFollowsTheAudienceDefinition: an internal audience that
// roadmap.yaml narrows to public features gets no details either.
func TestServeErrorPageFollowsTheAudienceDefinition(t *testing.T) {
	dir := copyExample(t)
	settings := filepath.Join(dir, "roadmap.yaml")
	text := mustRead(t, settings)
	narrowed := text + "audiences:\n  internal:\n    visibility: [public]\n"
	features := filepath.Join(dir, "features", "banking.yaml")
	ftext := mustRead(t, features)
	broken := strings.Replace(ftext, "target: 2027-01\n", "target: 2027-01 until CANARY-Globex signs\n", 1)
	rewrite(t, features, broken)
	rewrite(t, settings, narrowed)
	if _, body := get(t, startServe(t, dir)+"/", http.MethodGet); strings.Contains(body, "CANARY") || !strings.Contains(body, "The roadmap has errors") {
		t.Errorf("a narrowed internal audience's error page: %.400q", body)
	}
	// A typo in the block that narrows it (an unknown-field error in
	// roadmap.yaml) must not widen it back.
	misspelt := text + "audiences:\n  internal:\n    visiblity: [public]\n"
	rewrite(t, settings, misspelt)
	if _, body := get(t, startServe(t, dir)+"/", http.MethodGet); strings.Contains(body, "CANARY") || !strings.Contains(body, "The roadmap has errors") {
		t.Errorf("an internal audience misspelt in roadmap.yaml: %.400q", body)
	}
}

// TestServeRefusesAnUnknownAudienceWhateverTheFiles: a mistyped --audience
// stops serve at once, even while the roadmap has errors, instead of
// serving a page that blames the files.
func TestServeRefusesAnUnknownAudienceWhateverTheFiles(t *testing.T) {
	dir := copyExample(t)
	features := filepath.Join(dir, "features", "banking.yaml")
	rewrite(t, features, "features:\n  - {id: x, title: X, status: plannd}\n")
	// As a user runs it; were it to serve, the test fails rather than wait
	// for ever.
	done := make(chan result, 1)
	go func() {
		done <- session{wd: dir}.run(t, "serve", "--addr", "127.0.0.1:0", "--audience", "custmers")
	}()
	select {
	case r := <-done:
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, `unknown audience "custmers"`) {
			t.Errorf("serve --audience custmers: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve --audience custmers started serving")
	}
}

// TestServeBlamesABrokenRoadmapYAMLNotItsAudience: an audience roadmap.yaml
// defines is unknown while roadmap.yaml does not parse; serve shows that
// the roadmap has errors, not that the audience is unknown.
func TestServeBlamesABrokenRoadmapYAMLNotItsAudience(t *testing.T) {
	dir := copyExample(t)
	settings := filepath.Join(dir, "roadmap.yaml")
	text := mustRead(t, settings)
	broken := text + "audiences:\n  partners:\n    visibility: [public]\nbad: [\n"
	rewrite(t, settings, broken)
	_, body := get(t, startServe(t, dir, "--audience", "partners")+"/", http.MethodGet)
	if !strings.Contains(body, "The roadmap has errors") || strings.Contains(body, "unknown audience") {
		t.Errorf("partners' page while roadmap.yaml is broken: %.400q", body)
	}
}

// TestServeSaysWhenItsAudienceGoes: an audience roadmap.yaml stops defining
// while serve runs leaves a page that says why it cannot be shown, quoting
// nothing from the files; the page comes back with the audience.
func TestServeSaysWhenItsAudienceGoes(t *testing.T) {
	dir := copyExample(t)
	settings := filepath.Join(dir, "roadmap.yaml")
	text := mustRead(t, settings)
	with := text + "audiences:\n  partners:\n    visibility: [public]\n"
	rewrite(t, settings, with)
	base := startServe(t, dir, "--audience", "partners")
	if _, body := get(t, base+"/", http.MethodGet); !strings.Contains(body, "Northwind Books") {
		t.Fatalf("partners' page: %.300q", body)
	}
	rewrite(t, settings, text)
	_, body := get(t, base+"/", http.MethodGet)
	if !strings.Contains(body, "This page cannot be shown") || !strings.Contains(body, "partners") || strings.Contains(body, "Northwind Books") {
		t.Errorf("partners' page once roadmap.yaml no longer defines them: %.400q", body)
	}
	rewrite(t, settings, with)
	if _, body := get(t, base+"/", http.MethodGet); !strings.Contains(body, "Northwind Books") {
		t.Errorf("partners' page once defined again: %.300q", body)
	}
}

// TestServeCollectsAsUsual: serve runs until stopped, so it gives the
// collector back the runtime's pacing that a short command defers.
func TestServeCollectsAsUsual(t *testing.T) {
	keepGC(t)
	debug.SetGCPercent(100)
	// A policy of the test's own: the runtime may restore it from a
	// cleanup goroutine at any collection.
	a := serveApp(copyExample(t), io.Discard)
	a.memory = &memoryPolicy{}
	a.memory.shortRun(smallPages)
	<-a.memory.ready
	if percent, _ := gcSettings(); percent != -1 {
		t.Fatalf("before serve GOGC = %d, want off", percent)
	}
	startServeApp(t, a)
	if percent, limit := gcSettings(); percent != 100 || limit == shortRunHeap {
		t.Errorf("while serving GOGC = %d, GOMEMLIMIT = %d; want the runtime's 100 and no %d limit", percent, limit, shortRunHeap)
	}
}
