package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap/gitrepo/gittest"
	"go.yaml.in/yaml/v3"
)

// The recipes of docs/ci.md run as shell commands that call `roadmap`. The
// test binary stands in for it: run with roadmapAsMain=1 it is the command.
const roadmapAsMain = "ROADMAP_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(roadmapAsMain) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// recipes reads the code blocks of docs/ci.md marked <!-- recipe: NAME -->.
func recipes(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(docsDir, "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	marker := regexp.MustCompile(`^<!-- recipe: ([a-z-]+) -->$`)
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := marker.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		if !sc.Scan() || !strings.HasPrefix(sc.Text(), "```") {
			t.Fatalf("docs/ci.md: recipe %s is not followed by a code block", m[1])
		}
		var b strings.Builder
		for sc.Scan() && sc.Text() != "```" {
			b.WriteString(sc.Text() + "\n")
		}
		out[m[1]] = b.String()
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"github-workflow", "github-customers-workflow", "gitlab-ci", "pre-commit-config", "git-hook"} {
		if out[name] == "" {
			t.Fatalf("docs/ci.md has no recipe %s", name)
		}
	}
	return out
}

// sandbox is where recipes run: a repository holding the example roadmap in
// roadmap/, as a pull request's CI checkout has it, and a PATH whose roadmap
// is the test binary and whose gh stands in for the GitHub CLI.
type sandbox struct {
	t   *testing.T
	dir string // the repository
	bin string
	env []string
	// base is where the pull request branched from (origin/main), head its
	// last commit, merge the merge of head into base that CI checks out.
	base, head, merge plumbing.Hash
}

// change is a pull request: a commit message and edits to the example's
// files (slash paths under roadmap/), each replacing one string once; or,
// with adds, the pull request that adds the whole roadmap to a repository
// without one.
type change struct {
	subject string
	edits   map[string][2]string
	adds    bool
}

func newSandbox(t *testing.T, pr change) *sandbox {
	t.Helper()
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("the recipes need %s: %v", tool, err)
		}
	}
	b := gittest.New(t)
	s := &sandbox{t: t, dir: b.Dir, bin: t.TempDir()}
	b.Write("README.md", "# Northwind Books\n")
	if pr.adds {
		s.base = b.Commit("Mia Chen", "Start Northwind Books")
	}
	example := os.DirFS(exampleDir)
	files := map[string]string{}
	err := fs.WalkDir(example, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := fs.ReadFile(example, p)
		files[p] = string(text)
		b.Write("roadmap/"+p, string(text))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !pr.adds {
		s.base = b.Commit("Mia Chen", "Northwind roadmap for 2027")
	}
	for name, e := range pr.edits {
		if !strings.Contains(files[name], e[0]) {
			t.Fatalf("roadmap/%s has no %q to change", name, e[0])
		}
		b.Write("roadmap/"+name, strings.Replace(files[name], e[0], e[1], 1))
	}
	s.head = b.Commit("Raj Iyer", pr.subject)

	// What actions/checkout leaves for a pull request: the merge of its head
	// into the base branch, and origin/<base> from the full-depth fetch.
	sig := &object.Signature{Name: "GitHub", Email: "noreply@github.com", When: b.When.Add(time.Hour)}
	s.merge, err = b.Worktree.Commit("Merge "+s.head.String()+" into "+s.base.String(), &git.CommitOptions{
		Author: sig, Committer: sig, Parents: []plumbing.Hash{s.base, s.head}, AllowEmptyCommits: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Git.Storer.SetReference(plumbing.NewHashReference("refs/remotes/origin/main", s.base)); err != nil {
		t.Fatal(err)
	}

	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// Under -race, the race runtime waits a second before it exits, for
	// reports from other goroutines: not here, where it runs once per command.
	s.script("roadmap", fmt.Sprintf("#!/bin/sh\nGORACE=\"atexit_sleep_ms=0 $GORACE\" %s=1 exec '%s' \"$@\"\n", roadmapAsMain, exe))
	s.script("gh", `#!/bin/sh
# Stands in for the GitHub CLI: answers the reviews query of the customers
# recipe with the logins in FAKE_APPROVALS, and logs its calls.
echo "gh $*" >> "$GH_CALLS"
if [ "$1 $2 $4 $5 $6" != "pr view --json latestReviews --jq" ] || [ "$3" != "$FAKE_PR" ]; then
	echo "gh stub: unexpected call: gh $*" >&2
	exit 3
fi
for login in $FAKE_APPROVALS; do echo "$login"; done
`)
	s.env = append(os.Environ(),
		"PATH="+s.bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GH_CALLS="+filepath.Join(s.bin, "gh-calls"), "FAKE_PR=7",
	)
	return s
}

// checkoutHead leaves HEAD at the pull request's last commit, as GitLab's
// merge request pipelines check it out, instead of the merge GitHub's do.
func (s *sandbox) checkoutHead() {
	s.t.Helper()
	repo, err := git.PlainOpen(s.dir)
	if err != nil {
		s.t.Fatal(err)
	}
	if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.HEAD, s.head)); err != nil {
		s.t.Fatal(err)
	}
}

func (s *sandbox) script(name, text string) {
	s.t.Helper()
	if err := os.WriteFile(filepath.Join(s.bin, name), []byte(text), 0o755); err != nil {
		s.t.Fatal(err)
	}
}

// sh runs a shell script in the repository, as a CI runner does (bash -e),
// and returns its exit code and output.
func (s *sandbox) sh(script string, env ...string) (int, string) {
	s.t.Helper()
	cmd := exec.Command("bash", "-e", "-c", script)
	cmd.Dir = s.dir
	cmd.Env = append(append([]string{}, s.env...), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		}
		s.t.Fatalf("running %q: %v", script, err)
	}
	return 0, string(out)
}

func (s *sandbox) read(name string) string {
	s.t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(name)))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(b)
}

// The pull requests the recipes are run against.
var (
	internalChange = change{
		subject: "Re-estimate the reach of pay-by-bank",
		edits:   map[string][2]string{"features/invoicing.yaml": {"reach: 6500", "reach: 7200"}},
	}
	customerChange = change{
		subject: "Say what pay-by-bank saves",
		edits: map[string][2]string{"features/invoicing.yaml": {
			"with lower fees than cards.", "with half the fees of cards."}},
	}
	addsRoadmap  = change{subject: "Northwind roadmap for 2027", adds: true}
	brokenChange = change{
		subject: "Plan pay-by-bank (with a typo)",
		edits: map[string][2]string{"features/invoicing.yaml": {
			"    status: in-progress\n", "    status: in-progress\n    stauts: planned\n"}},
	}
)

type ghStep struct {
	Name string            `yaml:"name"`
	Uses string            `yaml:"uses"`
	With map[string]string `yaml:"with"`
	Run  string            `yaml:"run"`
	If   string            `yaml:"if"`
	Env  map[string]string `yaml:"env"`
}

type ghWorkflow struct {
	Jobs map[string]struct {
		Steps []ghStep `yaml:"steps"`
	} `yaml:"jobs"`
}

func ghJob(t *testing.T, recipe, job string) []ghStep {
	t.Helper()
	var w ghWorkflow
	if err := yaml.Unmarshal([]byte(recipe), &w); err != nil {
		t.Fatalf("the workflow does not parse: %v", err)
	}
	j, ok := w.Jobs[job]
	if !ok {
		t.Fatalf("the workflow has no job %s", job)
	}
	return j.Steps
}

// stepResult is what became of a step: its exit code, or skipped.
type stepResult struct {
	skipped bool
	code    int
	out     string
}

var ghExpr = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// runGitHubJob runs a job's steps as GitHub Actions would: a failed step skips
// the ones after it unless their if says otherwise. Actions are stood in for;
// `go install` of roadmap is skipped (the test binary is on the PATH).
func (s *sandbox) runGitHubJob(steps []ghStep, vars map[string]string, extraEnv ...string) map[string]stepResult {
	t := s.t
	t.Helper()
	expand := func(text string) string {
		return ghExpr.ReplaceAllStringFunc(text, func(m string) string {
			key := ghExpr.FindStringSubmatch(m)[1]
			v, ok := vars[key]
			if !ok {
				t.Fatalf("the test does not know the expression %s: add it", m)
			}
			return v
		})
	}
	summary := filepath.Join(t.TempDir(), "summary.md")
	results := map[string]stepResult{}
	failed := false
	for i, st := range steps {
		name := st.Name
		if name == "" {
			name = st.Uses
		}
		if name == "" {
			t.Fatalf("step %d has neither a name nor uses", i+1)
		}
		switch cond := strings.TrimSpace(ghExpr.ReplaceAllString(st.If, "$1")); cond {
		case "":
			if failed {
				results[name] = stepResult{skipped: true}
				continue
			}
		case "always()", "!cancelled()":
		default:
			t.Fatalf("step %q: the test does not know the condition %q", name, st.If)
		}
		var r stepResult
		switch {
		case st.Uses != "":
			r.code = s.action(st)
		case strings.Contains(st.Run, "go install github.com/northwind-labs/roadmap/cmd/roadmap@"):
		default:
			env := []string{"GITHUB_STEP_SUMMARY=" + summary}
			for k, v := range st.Env {
				env = append(env, k+"="+expand(v))
			}
			r.code, r.out = s.sh(expand(st.Run), append(env, extraEnv...)...)
		}
		if r.code != 0 {
			failed = true
		}
		results[name] = r
	}
	if b, err := os.ReadFile(summary); err == nil {
		results["summary"] = stepResult{out: string(b)}
	}
	return results
}

// action stands in for the actions the recipes use, checking their inputs.
func (s *sandbox) action(st ghStep) int {
	t := s.t
	switch action, _, _ := strings.Cut(st.Uses, "@"); action {
	case "actions/checkout":
		if st.With["fetch-depth"] != "0" {
			t.Errorf("%s without fetch-depth: 0: roadmap diff needs the history", st.Uses)
		}
	case "actions/setup-go":
		if st.With["go-version"] == "" {
			t.Errorf("%s without go-version", st.Uses)
		}
	case "github/codeql-action/upload-sarif":
		var report struct {
			Version string `json:"version"`
			Runs    []struct {
				Tool struct {
					Driver struct {
						Name string `json:"name"`
					} `json:"driver"`
				} `json:"tool"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(s.read(st.With["sarif_file"])), &report); err != nil {
			t.Errorf("%s: %s is not JSON: %v", st.Uses, st.With["sarif_file"], err)
			return 1
		}
		if report.Version != "2.1.0" || len(report.Runs) != 1 || report.Runs[0].Tool.Driver.Name != "roadmap" {
			t.Errorf("%s: %s is not a SARIF 2.1.0 report of roadmap", st.Uses, st.With["sarif_file"])
			return 1
		}
	default:
		t.Fatalf("the test cannot stand in for %s", st.Uses)
	}
	return 0
}

func (s *sandbox) githubVars() map[string]string {
	return map[string]string{
		"github.event.pull_request.base.ref": "main",
		"github.event.pull_request.head.sha": s.head.String(),
		"github.event.pull_request.number":   "7",
		"github.token":                       "test-token",
		"vars.ROADMAP_MARKETING_APPROVERS":   "tomas raj",
	}
}

func expectStep(t *testing.T, rs map[string]stepResult, name string, code int, wants ...string) {
	t.Helper()
	r, ok := rs[name]
	switch {
	case !ok:
		t.Errorf("no step %q", name)
	case r.skipped:
		t.Logf("step %q was skipped", name)
	case r.code != code:
		t.Errorf("step %q exited %d, want %d; output:\n%s", name, r.code, code, r.out)
	default:
		for _, w := range wants {
			if !strings.Contains(r.out, w) {
				t.Errorf("step %q: output lacks %q:\n%s", name, w, r.out)
			}
		}
	}
}

func TestCIRecipes(t *testing.T) {
	rs := recipes(t)

	t.Run("github/validate-and-summary", func(t *testing.T) {
		steps := ghJob(t, rs["github-workflow"], "roadmap")

		s := newSandbox(t, internalChange)
		got := s.runGitHubJob(steps, s.githubVars())
		for _, name := range []string{"Validate for code scanning (SARIF)", "github/codeql-action/upload-sarif@v3",
			"Validate", "What this pull request changes", "What each audience will see change"} {
			expectStep(t, got, name, 0)
		}
		// The summary names the pull request's own commit, not the merge.
		sum := got["summary"].out
		for _, want := range []string{"pay-by-bank", "6500", "7200", "Re-estimate the reach of pay-by-bank"} {
			if !strings.Contains(sum, want) {
				t.Errorf("job summary lacks %q:\n%s", want, sum)
			}
		}
		if strings.Contains(sum, "Merge ") {
			t.Errorf("job summary names the merge commit:\n%s", sum)
		}

		// A pull request that breaks the roadmap: annotations, a failed
		// job, and the SARIF report and the summary all the same.
		s = newSandbox(t, brokenChange)
		got = s.runGitHubJob(steps, s.githubVars())
		expectStep(t, got, "Validate for code scanning (SARIF)", 0)
		expectStep(t, got, "github/codeql-action/upload-sarif@v3", 0)
		expectStep(t, got, "Validate", 1, `::error file=roadmap/features/invoicing.yaml,line=7,col=5,title=roadmap unknown-field::`)
		expectStep(t, got, "What this pull request changes", 0)
		if sarif := s.read("roadmap.sarif"); !strings.Contains(sarif, `"ruleId": "unknown-field"`) {
			t.Errorf("the SARIF report lacks the finding:\n%s", sarif)
		}
	})

	t.Run("github/customer-visible-change", func(t *testing.T) {
		steps := ghJob(t, rs["github-customers-workflow"], "customer-visible-change")
		const gate = "Product marketing approves what customers will see"

		s := newSandbox(t, internalChange)
		got := s.runGitHubJob(steps, s.githubVars())
		expectStep(t, got, gate, 0)
		if !strings.Contains(got["summary"].out, "Customers will see no change.") {
			t.Errorf("summary: %q", got["summary"].out)
		}
		if _, err := os.Stat(filepath.Join(s.bin, "gh-calls")); err == nil {
			t.Errorf("the gate asked GitHub for reviews of a change customers do not see")
		}

		s = newSandbox(t, customerChange)
		got = s.runGitHubJob(steps, s.githubVars())
		expectStep(t, got, gate, 1, "::error title=Needs product marketing::", "tomas raj")
		if !strings.Contains(got["summary"].out, "What customers will see change") || !strings.Contains(got["summary"].out, "pay-by-bank") {
			t.Errorf("summary:\n%s", got["summary"].out)
		}
		got = s.runGitHubJob(steps, s.githubVars(), "FAKE_APPROVALS=mia")
		expectStep(t, got, gate, 1, "Needs product marketing")
		got = s.runGitHubJob(steps, s.githubVars(), "FAKE_APPROVALS=mia raj")
		expectStep(t, got, gate, 0, "raj approved it for product marketing")

		// The pull request that adds the roadmap: all customers will see
		// is new, so it too waits for product marketing.
		s = newSandbox(t, addsRoadmap)
		got = s.runGitHubJob(steps, s.githubVars())
		expectStep(t, got, gate, 1, "Needs product marketing")
		if sum := got["summary"].out; !strings.Contains(sum, "What customers will see change") || !strings.Contains(sum, "pay-by-bank") || strings.Contains(sum, "scores") {
			t.Errorf("summary of the pull request that adds the roadmap:\n%s", sum)
		}
	})

	t.Run("gitlab", func(t *testing.T) {
		type gitlabJob struct {
			Variables map[string]string `yaml:"variables"`
			Script    []string          `yaml:"script"`
			Artifacts struct {
				Paths   []string `yaml:"paths"`
				Reports struct {
					CodeQuality string `yaml:"codequality"`
				} `yaml:"reports"`
			} `yaml:"artifacts"`
		}
		var ci map[string]gitlabJob
		if err := yaml.Unmarshal([]byte(rs["gitlab-ci"]), &ci); err != nil {
			t.Fatal(err)
		}
		validate, changes := ci["roadmap-validate"], ci["roadmap-changes"]
		if validate.Artifacts.Reports.CodeQuality == "" || len(changes.Artifacts.Paths) != 1 {
			t.Fatalf("want jobs roadmap-validate with a codequality report and roadmap-changes with one artifact: %+v", ci)
		}
		if changes.Variables["GIT_DEPTH"] != "0" {
			t.Errorf("GIT_DEPTH is %q, want 0: roadmap diff needs the history", changes.Variables["GIT_DEPTH"])
		}
		// A merge request pipeline checks out the branch's last commit.
		run := func(s *sandbox, job gitlabJob) (int, string) {
			var lines []string
			for _, l := range job.Script {
				if !strings.HasPrefix(l, "go install ") {
					lines = append(lines, l)
				}
			}
			return s.sh(strings.Join(lines, "\n"), "CI_PIPELINE_SOURCE=merge_request_event",
				"CI_MERGE_REQUEST_DIFF_BASE_SHA="+s.base.String())
		}

		s := newSandbox(t, internalChange)
		s.checkoutHead()
		if code, out := run(s, validate); code != 0 {
			t.Errorf("roadmap-validate: exit %d\n%s", code, out)
		}
		var issues []map[string]any
		if err := json.Unmarshal([]byte(s.read(validate.Artifacts.Reports.CodeQuality)), &issues); err != nil {
			t.Errorf("the code quality report is not a JSON list: %v", err)
		}
		code, out := run(s, changes)
		if code != 0 || !strings.Contains(out, "pay-by-bank") || !strings.Contains(out, "Re-estimate the reach") || strings.Contains(out, "Merge ") {
			t.Errorf("roadmap-changes: exit %d\n%s", code, out)
		}
		if md := s.read(changes.Artifacts.Paths[0]); !strings.Contains(md, "pay-by-bank") {
			t.Errorf("%s:\n%s", changes.Artifacts.Paths[0], md)
		}

		s = newSandbox(t, brokenChange)
		s.checkoutHead()
		code, out = run(s, validate)
		if code != 1 || !strings.Contains(out, "roadmap/features/invoicing.yaml:7:5: error:") {
			t.Errorf("a broken roadmap: exit %d, want 1, with its findings in the log:\n%s", code, out)
		}
		report := s.read(validate.Artifacts.Reports.CodeQuality)
		if !strings.Contains(report, `"check_name": "unknown-field"`) || !strings.Contains(report, `"path": "roadmap/features/invoicing.yaml"`) {
			t.Errorf("the code quality report lacks the finding:\n%s", report)
		}
	})

	t.Run("pre-commit", func(t *testing.T) {
		// The framework is not run here: the test checks that the hook the
		// config names exists, and runs its entry as the framework would.
		var config struct {
			Repos []struct {
				Repo  string `yaml:"repo"`
				Hooks []struct {
					ID string `yaml:"id"`
				} `yaml:"hooks"`
			} `yaml:"repos"`
		}
		if err := yaml.Unmarshal([]byte(rs["pre-commit-config"]), &config); err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var hooks []struct {
			ID            string `yaml:"id"`
			Entry         string `yaml:"entry"`
			Language      string `yaml:"language"`
			PassFilenames *bool  `yaml:"pass_filenames"`
			Files         string `yaml:"files"`
		}
		if err := yaml.Unmarshal(text, &hooks); err != nil {
			t.Fatal(err)
		}
		if len(config.Repos) != 1 || len(config.Repos[0].Hooks) != 1 || len(hooks) != 1 || hooks[0].ID != config.Repos[0].Hooks[0].ID {
			t.Fatalf("the config's hooks %+v do not match .pre-commit-hooks.yaml %+v", config.Repos, hooks)
		}
		h := hooks[0]
		if h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames {
			t.Errorf("hook %+v: want language golang, pass_filenames false", h)
		}
		files := regexp.MustCompile(h.Files)
		for name, want := range map[string]bool{"roadmap/features/banking.yaml": true, "plan.yml": true, "UP.YAML": true, "main.go": false, "yaml.md": false} {
			if files.MatchString(name) != want {
				t.Errorf("files %q matches %s: %v, want %v", h.Files, name, !want, want)
			}
		}
		if code, out := newSandbox(t, internalChange).sh(h.Entry); code != 0 {
			t.Errorf("%s on a valid roadmap: exit %d\n%s", h.Entry, code, out)
		}
		if code, out := newSandbox(t, brokenChange).sh(h.Entry); code != 1 {
			t.Errorf("%s on a broken roadmap: exit %d, want 1\n%s", h.Entry, code, out)
		}
	})

	t.Run("git-hook", func(t *testing.T) {
		hook := rs["git-hook"]
		if !strings.HasPrefix(hook, "#!/bin/sh\n") {
			t.Errorf("the hook does not start with #!/bin/sh")
		}
		// README.md shows the same hook, so it is tested here too.
		if readme, err := os.ReadFile(filepath.Join(docsDir, "..", "README.md")); err != nil || !strings.Contains(string(readme), "```sh\n"+hook+"```\n") {
			t.Errorf("README.md does not show the hook docs/ci.md tests (%v)", err)
		}
		run := func(s *sandbox) (int, string) {
			p := filepath.Join(s.dir, ".git", "hooks", "pre-commit")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(hook), 0o755); err != nil {
				t.Fatal(err)
			}
			// git runs the hook from the top of the work tree.
			return s.sh("sh .git/hooks/pre-commit")
		}
		stage := func(s *sandbox, name string) {
			if code, out := s.sh(fmt.Sprintf("echo '# edited' >> %q && git add %q", name, name)); code != 0 {
				t.Fatalf("staging %s: %s", name, out)
			}
		}

		s := newSandbox(t, brokenChange)
		if code, out := run(s); code != 0 {
			t.Errorf("no YAML staged: exit %d, want 0\n%s", code, out)
		}
		stage(s, "README.md")
		if code, out := run(s); code != 0 {
			t.Errorf("only README.md staged: exit %d, want 0\n%s", code, out)
		}
		stage(s, "roadmap/people.yaml")
		if code, out := run(s); code != 1 || !strings.Contains(out, "[unknown-field]") {
			t.Errorf("a YAML file staged, the roadmap broken: exit %d, want 1\n%s", code, out)
		}

		s = newSandbox(t, internalChange)
		stage(s, "roadmap/people.yaml")
		if code, out := run(s); code != 0 {
			t.Errorf("a YAML file staged, the roadmap valid: exit %d, want 0\n%s", code, out)
		}

		// What the commit holds is checked, not the working tree: a
		// mistake staged and then mended without staging stops it.
		if code, out := s.sh("cp roadmap/people.yaml people.keep && echo 'bogus: 1' >> roadmap/people.yaml && git add roadmap/people.yaml && mv people.keep roadmap/people.yaml"); code != 0 {
			t.Fatalf("staging a mistake: %s", out)
		}
		if code, out := run(s); code != 1 || !strings.Contains(out, "[unknown-field]") {
			t.Errorf("a mistake staged, mended only in the working tree: exit %d, want 1\n%s", code, out)
		}

		// git commit -a and git commit PATH commit an index of git's own
		// making (GIT_INDEX_FILE), which the hook checks, as git runs it.
		s = newSandbox(t, internalChange)
		run(s) // installs the hook
		commit := func(args string) (int, string) {
			return s.sh("git -c user.name=Mia -c user.email=mia@example.com commit -q " + args)
		}
		if code, out := s.sh("echo 'bogus: 1' >> roadmap/people.yaml"); code != 0 {
			t.Fatal(out)
		}
		if code, out := commit("-am 'Edit people'"); code == 0 || !strings.Contains(out, "[unknown-field]") {
			t.Errorf("git commit -a of a mistake not staged before: exit %d, want it stopped\n%s", code, out)
		}
		if code, out := s.sh("git add roadmap/people.yaml && echo '# edited' >> roadmap/themes.yaml"); code != 0 {
			t.Fatal(out)
		}
		if code, out := commit("-m 'Edit themes' roadmap/themes.yaml"); code != 0 {
			t.Errorf("git commit of one valid file, a mistake staged in another: exit %d, want the commit made\n%s", code, out)
		}
	})
}
