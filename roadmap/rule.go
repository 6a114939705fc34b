package roadmap

import (
	"fmt"
	"slices"

	"github.com/bmatcuk/doublestar/v4"
)

// Rule is one lint rule: an id, a default severity, a one-line summary, its
// documentation, and the check that finds its problems. Rules the loader
// reports (syntax, unknown keys, missing keys, bad values) check while
// decoding as well.
type Rule struct {
	ID       string
	Severity Severity
	Summary  string
	check    func(*checker)
	// Doc explains the rule in a few sentences of Markdown: what it checks,
	// why it matters, how to fix it. docs/rules/<id>.md is generated from it.
	Doc string
	// Always marks a rule about what the files hold, not how they are
	// written: a file that does not parse reads as empty, a value that
	// cannot be read as unset. lint.rules, lint.ignore and roadmap:ignore
	// cannot change or silence it, so every command that refuses a roadmap
	// with errors refuses one that is not read as written.
	Always bool
}

// Rules is every lint rule, in the order `roadmap rules` lists them.
var Rules []*Rule

// init builds the list here rather than in its declaration because some
// checks look rules up by id (lint.rules, roadmap:ignore).
func init() {
	Rules = []*Rule{
		ruleSyntax,
		ruleUnknownField,
		ruleMissingField,
		ruleInvalidValue,
		ruleDuplicateID,
		ruleUnknownReference,
		ruleDependencyCycle,
		ruleDependencyOrder,
		ruleObjectiveNotSMART,
		ruleFeatureWithoutObjective,
		ruleObjectiveWithoutFeatures,
		ruleLaunchNeedsMarketingOwner,
		ruleLaunchNeedsMessaging,
		rulePublicNeedsSummary,
		ruleMissingScores,
		ruleScoreOutOfScale,
		ruleOverCapacity,
		ruleStaleTarget,
		ruleShippedNeedsDate,
		ruleOwnerRole,
		ruleLaunchLeadTime,
		ruleLaunchWithoutCampaign,
		ruleCampaignMisaligned,
		ruleLaunchUnsized,
		ruleAudienceNeverSees,
	}
}

// RuleByID returns the rule with the given id, or nil.
func RuleByID(id string) *Rule {
	for _, r := range Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func ruleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}

// Options are what checks need from outside the files.
type Options struct {
	// Today is the date stale targets and lead times are measured against.
	Today Date
}

// checker is what a rule's check sees: the roadmap, today, and a way to report.
type checker struct {
	r      *Roadmap
	today  Date
	scorer *Scorer
	rule   *Rule // the rule whose check runs
	out    []Finding
	// unreadWords are the words of the files that do not parse, read once
	// by unreadMentions.
	unreadWords map[string]bool
}

// report adds a finding of the running rule at the field path of item l.
func (c *checker) report(l *Located, path string, format string, args ...any) {
	c.reportAt(l.File, l.PosOf(path), format, args...)
}

func (c *checker) reportAt(file string, p Pos, format string, args ...any) {
	c.out = append(c.out, Finding{
		Path: file, Line: p.Line, Column: p.Col,
		Rule: c.rule.ID, Severity: c.rule.Severity,
		Message: fmt.Sprintf(format, args...),
	})
}

// unread marks the last finding as one of a value the commands cannot use
// as written, as the loader's are: it reads as unset.
func (c *checker) unread() { c.out[len(c.out)-1].unread = true }

// Check runs every rule over r and returns the findings of loading and of the
// rules, with the severities of roadmap.yaml applied, suppressed findings and
// ignored paths removed, sorted by path, line and column.
func Check(r *Roadmap, opts Options) []Finding {
	c := &checker{r: r, today: opts.Today}
	c.scorer, _ = r.Scorer(r.Scoring.Model)
	for _, rule := range Rules {
		if rule.check != nil {
			c.rule = rule
			rule.check(c)
		}
	}
	all := append(slices.Clip(r.Findings), c.out...)
	return r.finish(all)
}

// finish applies configured severities, suppressions and ignore globs, and sorts.
func (r *Roadmap) finish(fs []Finding) []Finding {
	items := r.itemSpans()
	out := fs[:0:0]
	for _, f := range fs {
		if r.silenced(f, items) {
			continue
		}
		if level, ok := r.Lint.Rules[f.Rule]; ok && !always(f.Rule) && !f.kept {
			f.Severity = Severity(level)
		}
		f.Message = clipMessage(f.Message)
		out = append(out, f)
	}
	SortFindings(out)
	return out
}

// silenced reports whether the settings of roadmap.yaml or an ignore comment
// keep finding f from being reported. A rule marked Always, or a finding
// marked kept, is never silenced.
func (r *Roadmap) silenced(f Finding, items []span) bool {
	if always(f.Rule) || f.kept {
		return false
	}
	return r.Lint.Rules[f.Rule] == "off" || r.ignored(f.Path) || r.suppressed(f, items)
}

func always(id string) bool {
	rule := RuleByID(id)
	return rule != nil && rule.Always
}

func (r *Roadmap) ignored(p string) bool {
	for _, g := range r.Lint.Ignore {
		if ok, _ := doublestar.Match(g, p); ok {
			return true
		}
	}
	return false
}

// maxMessage bounds a finding's message, so a hostile value quoted in it (a
// 100 kB id) cannot flood a terminal or a CI log.
const maxMessage = 400

func clipMessage(m string) string { return clipTo(m, maxMessage) }
