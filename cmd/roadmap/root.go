package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/northwind-labs/roadmap/render"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes, as every command uses them.
const (
	exitOK       = 0
	exitFindings = 1 // the roadmap has errors
	exitUsage    = 2 // bad usage or environment
)

// app is what every command needs from outside: where output goes, the
// environment, the working folder and the global flags.
type app struct {
	stdout, stderr io.Writer
	lookupEnv      func(string) (string, bool)
	wd             string
	now            func() time.Time
	isTerminal     func(io.Writer) bool
	termWidth      func(io.Writer) int
	// memory is the short-run memory policy, which serve hands back to the
	// runtime.
	memory *memoryPolicy

	dir     string
	today   string
	noColor bool
	at      string
	// cmd is the command running, whose flags a suggested command keeps.
	cmd *cobra.Command
}

// exitError carries the exit code of a failed command. A nil err means the
// command has already said everything (validate's findings).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError is a bad flag, argument or environment: exit 2.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// Execute runs the roadmap command with args and returns the exit code.
func Execute(args []string, stdout, stderr io.Writer) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "roadmap: %v\n", err)
		return exitUsage
	}
	a := &app{
		stdout: stdout, stderr: stderr,
		lookupEnv: os.LookupEnv,
		wd:        wd,
		now:       time.Now,
		isTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
		termWidth: func(w io.Writer) int {
			if f, ok := w.(*os.File); ok {
				if width, _, err := term.GetSize(int(f.Fd())); err == nil {
					return width
				}
			}
			return 0
		},
		memory: &memory,
	}
	return a.run(args)
}

// run executes args and maps the outcome to an exit code: the one place where
// errors become exit codes and are printed, once, on stderr.
func (a *app) run(args []string) int {
	root := a.newRootCmd()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	code := exitUsage
	if errors.As(err, &ee) {
		code = ee.code
		if ee.err == nil {
			return code
		}
	}
	fmt.Fprintf(a.stderr, "roadmap: %s\n", err)
	if code == exitUsage && isFlagError(err) {
		help := "roadmap --help"
		if cmd, _, ferr := root.Find(args); ferr == nil && cmd != root {
			help = cmd.CommandPath() + " --help"
		}
		fmt.Fprintf(a.stderr, "Run '%s' for usage.\n", help)
	}
	return code
}

func isFlagError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "flag") || strings.Contains(msg, "unknown command") || strings.Contains(msg, "arg(s)")
}

func (a *app) newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "roadmap",
		Short: "Keep a product roadmap as plain-text YAML files in git",
		Long: `roadmap keeps a product roadmap as plain-text YAML files in git.

Product managers write features and objectives; roadmap validate checks them in CI
and points at the exact line; prioritize ranks features and draws the capacity cut
line; launches turns launch sizes into dated tasks; align shows where the product and
marketing plans disagree; export renders a version for each audience that never
leaks what that audience must not see. diff, history, report and notes read the git
history: what changed, who changed it, and how well the roadmap kept its word.

The roadmap is the folder holding roadmap.yaml: found from the current folder (or
its roadmap/ subfolder) upwards to the top of the git work tree, or given with --dir.
A revision (--at, diff, history) is read at the same path in the repository; when
a commit moved the folder there (roadmap/ to plan/), or the working tree did and
the move is not committed yet, older revisions are read where it was, and history
goes on across the move.

On a terminal, tables fit its width (COLUMNS when the terminal does not tell it)
and are coloured, unless --no-color is given or NO_COLOR is set (not empty). In a
pipe, output is plain text with no colour codes, and tables are never cut. Every
command that prints takes -o FILE: the same output, plain, written to FILE
atomically, its format picked by the extension when --format is not given.`,
		Version: version(),
		// Every command takes --today; a malformed one is refused before any
		// command runs, whether or not it looks at the date.
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			a.cmd = cmd
			// An empty --at (an unset variable in CI) would read the working
			// tree instead.
			if f := cmd.Flags().Lookup("at"); f != nil && f.Changed && strings.TrimSpace(a.at) == "" {
				return usageError("--at needs a revision: a branch, a tag or a hash")
			}
			_, err := a.todayDate()
			return err
		},
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: err}
	})
	pf := root.PersistentFlags()
	pf.StringVar(&a.dir, "dir", "", "the roadmap folder (default: found from the current folder upwards)")
	pf.StringVar(&a.today, "today", "", "the date to take as today, YYYY-MM-DD (default: the current date)")
	pf.BoolVar(&a.noColor, "no-color", false, "plain output without colours (also: NO_COLOR set to anything but empty)")
	pf.StringVar(&a.at, "at", "", "read the roadmap as it was at a git revision (branch, tag, hash, HEAD~3)")

	root.AddCommand(
		a.withOutput(a.newValidateCmd(), "json", "sarif"),
		a.withOutput(a.newListCmd(), "md", "csv", "json"),
		a.withOutput(a.newPrioritizeCmd(), "md", "csv", "json"),
		a.withOutput(a.newRulesCmd(), "md", "json"),
		a.withOutput(a.newSchemaCmd(), "json"),
		a.newInitCmd(),
		a.withOutput(a.newDiffCmd(), "md", "json"),
		a.withOutput(a.newHistoryCmd(), "md", "json"),
		a.newReportCmd(),
		a.newServeCmd(),
		a.newNotesCmd(),
		a.newLaunchesCmd(),
		a.withOutput(a.newAlignCmd(), "md", "json"),
		a.newGenDocsCmd(),
		a.newExportCmd(),
	)
	for _, c := range root.Commands() {
		if slices.Contains(noRevision, c.Name()) {
			a.hideAt(c)
		}
	}
	return root
}

// noRevision are the commands that refuse --at: diff and notes take their
// revisions as arguments, serve and init work on the working tree, rules
// and schema read no roadmap.
var noRevision = []string{"diff", "notes", "serve", "init", "rules", "schema"}

// readsNoRoadmap are the commands that read no roadmap: what they print is
// the same for every roadmap, whatever --dir says.
var readsNoRoadmap = []string{"rules", "schema"}

// hideAt leaves --at out of c's help and docs: a flag of c's own, hidden,
// takes the place of the global one. c still reads it, to say what to type
// instead.
func (a *app) hideAt(c *cobra.Command) {
	c.Flags().StringVar(&a.at, "at", "", "")
	c.Flags().MarkHidden("at")
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// todayDate is --today, or the current date.
func (a *app) todayDate() (roadmap.Date, error) {
	if a.today == "" {
		return roadmap.DateOf(a.now()), nil
	}
	d, err := roadmap.ParseDate(a.today)
	if err != nil {
		return roadmap.Date{}, usageError("--today: %v", err)
	}
	return d, nil
}

// output says how the command's stdout may look.
func (a *app) output() render.Output {
	tty := a.isTerminal(a.stdout)
	// NO_COLOR counts when set and not empty, as no-color.org says.
	noColorEnv, _ := a.lookupEnv("NO_COLOR")
	o := render.Output{Terminal: tty, Styled: tty && noColorEnv == "" && !a.noColor}
	if tty {
		o.Width = a.termWidth(a.stdout)
		if o.Width <= 0 {
			o.Width = a.columnsEnv()
		}
		o.Profile = a.colorProfile()
	}
	return o
}

// columnsEnv is the width COLUMNS gives, for a terminal that does not say
// its size (a serial console, some CI log viewers); 0 when it gives none.
func (a *app) columnsEnv() int {
	v, _ := a.lookupEnv("COLUMNS")
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 {
		return 0
	}
	return min(n, 1000)
}

// colorProfile is the colour depth the terminal announces through TERM and
// COLORTERM (true colour when it says nothing).
func (a *app) colorProfile() colorprofile.Profile {
	var env []string
	for _, k := range []string{"TERM", "COLORTERM", "CLICOLOR", "CLICOLOR_FORCE", "TERM_PROGRAM"} {
		if v, ok := a.lookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	if len(env) == 0 {
		return colorprofile.TrueColor
	}
	return colorprofile.Env(env)
}

// checkFormat refuses a --format value the command does not write.
func checkFormat(format string, allowed ...string) error {
	for _, f := range allowed {
		if f == format {
			return nil
		}
	}
	return usageError("unknown --format %q; choose %s", format, strings.Join(allowed, ", "))
}

// refuseAt is the usage error for --at given to a command that reads no
// roadmap (what says what it does instead); nil without --at.
func (a *app) refuseAt(what string) error {
	if a.at == "" {
		return nil
	}
	return usageError("%s; --at reads a revision and does not apply", what)
}
