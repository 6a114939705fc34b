package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	addr     string
	audience string
	poll     time.Duration
}

func (a *app) newServeCmd() *cobra.Command {
	o := serveOptions{poll: 2 * time.Second}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the roadmap page of an audience, refreshed as the files change",
		Long: `Serve shows the HTML export of an audience at a local address, for the office
screen or a planning meeting. The page reloads itself when a roadmap file changes
or HEAD moves (a commit, a checkout, a pull).

It listens on 127.0.0.1:8080 unless --addr says otherwise; give --addr :8080 or
0.0.0.0:8080 to let other machines see it. It is read-only: it serves its own page
and nothing else, never the files of the folder.

While the roadmap has errors the page says so instead of showing the roadmap, and
it comes back once they are fixed. The errors themselves are printed here, and on
the page only for an audience that sees everything (internal, unless roadmap.yaml
narrows it): they quote ids, titles and paths that others may not see.`,
		Example: `  roadmap serve
  roadmap serve --audience sales --addr 127.0.0.1:9000`,
		Args: a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runServe(cmd.Context(), o, nil)
		},
	}
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8080", "the address to listen on")
	cmd.Flags().StringVar(&o.audience, "audience", "internal", "whose page to show (see roadmap export)")
	return cmd
}

// runServe serves until ctx ends or the process is interrupted. ready, if not
// nil, receives the address once the server listens (for tests).
func (a *app) runServe(ctx context.Context, o serveOptions, ready chan<- string) error {
	if a.at != "" {
		return usageError("serve shows the working tree as it changes; use roadmap export --at for a revision")
	}
	if a.memory != nil {
		a.memory.longRun() // serve runs until stopped
	}
	root, err := a.roadmapRoot()
	if err != nil {
		return err
	}
	if _, _, err := a.exportPage(o.audience); isUsage(err) {
		return err // a bad audience or flag: nothing to serve
	}
	// Outside a repository the page follows the files alone.
	repo, _ := gitrepo.Open(root)
	if repo != nil {
		defer repo.Close()
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return usageError("cannot listen on %s: %v", o.addr, err)
	}
	srv := &http.Server{
		Handler:           a.pageServer(root, repo, o),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(a.stderr, "roadmap: serving the %s roadmap at %s (Ctrl-C to stop)\n", o.audience, url)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// pageServer serves the audience's page of the roadmap at root.
func (a *app) pageServer(root string, repo *gitrepo.Repo, o serveOptions) *pageServer {
	return &pageServer{
		page:    func() ([]byte, bool, error) { return a.exportPage(o.audience) },
		version: func() string { return roadmapVersion(root, repo) },
		poll:    o.poll,
		log:     a.stderr,
	}
}

// pageServer serves one page and the version it polls; nothing else.
type pageServer struct {
	// page renders the page, or says why not and whether the audience may
	// read the findings: they quote ids, titles and paths only an audience
	// that sees everything may see. They always go to log.
	page    func() (body []byte, details bool, err error)
	version func() string
	poll    time.Duration
	log     io.Writer

	mu        sync.Mutex
	cached    []byte
	cachedFor string
}

func (s *pageServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "read-only", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'; connect-src 'self'")
	switch r.URL.Path {
	case "/":
		version := s.version()
		body := s.render(version)
		h.Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	case "/version":
		h.Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, s.version())
	default:
		http.NotFound(w, r)
	}
}

// render returns the page for a version, rendering it again only when the
// files or HEAD changed.
func (s *pageServer) render(version string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cachedFor == version && s.cached != nil {
		return s.cached
	}
	body, details, err := s.page()
	if err != nil {
		page := errorText{Title: "The roadmap has errors", Detail: "Run roadmap validate to see them."}
		switch {
		case isUsage(err):
			// An unknown audience quotes nothing from the files.
			page = errorText{Title: "This page cannot be shown", Detail: err.Error()}
		case details:
			page.Detail = err.Error()
		}
		fmt.Fprintf(s.log, "roadmap: the page shows: %s: %v\n", strings.ToLower(page.Title[:1])+page.Title[1:], err)
		var b bytes.Buffer
		errorPage.Execute(&b, page)
		body = b.Bytes()
	}
	s.cached, s.cachedFor = withReload(body, version, s.poll), version
	return s.cached
}

// errorText is what the error page says.
type errorText struct{ Title, Detail string }

var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>roadmap: {{.Title}}</title>
<style>body{font:18px/1.5 system-ui,sans-serif;margin:2rem;color:#1c2024}pre{white-space:pre-wrap;background:#fdf2f2;padding:1rem;border-radius:.5rem}</style>
</head><body><h1>{{.Title}}</h1><p>This page comes back once that is fixed.</p><pre>{{.Detail}}</pre></body></html>`))

// withReload adds to a page a script that asks for /version every poll and
// reloads the page when it changes: the office screen follows the files.
func withReload(page []byte, version string, poll time.Duration) []byte {
	script := fmt.Sprintf(`<script>(function(){var v=%q;setInterval(function(){fetch("/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(t&&t!==v){location.reload()}}).catch(function(){})},%d)})();</script>`,
		version, poll.Milliseconds())
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		return append(append(append([]byte{}, page[:i]...), script...), page[i:]...)
	}
	return append(append([]byte{}, page...), script...)
}

// roadmapVersion fingerprints what the page shows: every roadmap file's
// path, size and time, and the commit HEAD points at.
func roadmapVersion(root string, repo *gitrepo.Repo) string {
	h := sha256.New()
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() && p != root && strings.HasPrefix(e.Name(), ".") {
			return filepath.SkipDir
		}
		if !e.IsDir() && roadmap.IsRoadmapFile(p) {
			if info, err := e.Info(); err == nil {
				fmt.Fprintf(h, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
			}
		}
		return nil
	})
	if repo != nil {
		fmt.Fprintf(h, "HEAD\x00%s\n", repo.HeadHash())
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// exportPage renders the HTML export of an audience from the working tree.
// A roadmap with errors gives an error listing them, one a line; a bad
// audience name gives a usage error.
func (a *app) exportPage(audience string) (page []byte, details bool, err error) {
	today, err := a.todayDate()
	if err != nil {
		return nil, false, err
	}
	l, err := a.load()
	if err != nil {
		return nil, false, err
	}
	var lines []string
	rootBroken := false // roadmap.yaml, which defines the audiences, has an error
	findings := roadmap.Check(l.Roadmap, roadmap.Options{Today: today})
	for _, f := range findings {
		rootBroken = rootBroken || f.Severity == roadmap.SeverityError && f.Path == "roadmap.yaml"
	}
	showPaths(l.Roadmap, findings, func(p string) string { return a.displayPath(l, p) })
	for _, f := range findings {
		if f.Severity == roadmap.SeverityError {
			lines = append(lines, f.String())
		}
	}
	// A mistyped --audience stops serve whatever the files, unless
	// roadmap.yaml has an error: it may define the audience and no longer
	// parse, and then the audience is not what is wrong.
	policy, audienceErr := l.Audience(audience)
	if audienceErr != nil && !rootBroken {
		return nil, false, usageError("--audience: %v", audienceErr)
	}
	if len(lines) > 0 {
		// Findings may be shown to an audience that sees everything as
		// roadmap.yaml defines it, and only while roadmap.yaml itself has
		// no error: a typo there could be what narrows the audience.
		details = audienceErr == nil && policy.SeesAll() && !rootBroken
		return nil, details, &exitError{code: exitFindings, err: errors.New(strings.Join(lines, "\n"))}
	}
	var b bytes.Buffer
	err = render.WriteExportHTML(&b, l.View(policy, roadmap.ViewOptions{Today: today, Revision: l.rev}))
	return b.Bytes(), false, err
}

// isUsage tells whether err is a usage error (exit 2).
func isUsage(err error) bool {
	var ee *exitError
	return errors.As(err, &ee) && ee.code == exitUsage
}
