package roadmap

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ruleUnknownField is reported by the loader for a key the format does not
// define, with the nearest known key as a suggestion.
var ruleUnknownField = &Rule{
	ID:       "unknown-field",
	Severity: SeverityError,
	Summary:  "a key the format does not define",
	Doc: "Reported while loading, for a key the format does not define at that place (docs/format.md lists them all), with the nearest known key as a suggestion. " +
		"A misspelt key would otherwise be ignored without a word: `stauts: shipped` leaves the feature's status as it was, and every view of the roadmap is quietly wrong. " +
		"Fix the spelling, or move the key where it belongs: settings such as `scoring` and `lint` go only in roadmap.yaml. " +
		"A key that may be meant to say who sees an item that gives no `visibility` of its own, anywhere in the item (a misspelt `visiblity: confidential`, which leaves the item internal, which sales sees; `visible: false`; `confidential: true`; `internal_only: true`; a key naming an audience whose value reads as a setting, such as `share_with: [sales]`; `visibility` under `messaging`; an empty `visibility` counts as none), a file-level `visibility`, a misplaced or misspelt `audiences`, and any unknown key of an audience's definition cannot be silenced or lowered to a warning: `export` refuses until the key is fixed or the item given a visibility, as what an audience sees is never left to a default.",
}

// saysWhoSees reports whether an unknown key, with its value, may be meant
// to say who sees the item it is in: nearest to visibility, a word for it
// (visible: false, confidential: true, internal_only: true), or a key naming
// a side of it whose value reads as a setting (external: false,
// share_with: [sales]).
func saysWhoSees(key string, value *yaml.Node) bool {
	if len(key) > 100 {
		return false
	}
	word := strings.NewReplacer("_", "", "-", "", " ", "").Replace(strings.ToLower(key))
	switch {
	case nearest(key, []string{"visibility"}) != "" || visibilityWords[word]:
		return true
	case containsAny(word, hidingFragments):
		return true
	case containsAny(word, audienceFragments):
		return readsAsSetting(value)
	}
	return false
}

// visibilityWords are keys that read as settings of who sees an item.
var visibilityWords = map[string]bool{
	"visibility": true, "visible": true, "hidden": true, "hide": true, "private": true, "public": true,
	"confidential": true, "internal": true, "nda": true, "secret": true, "audience": true, "audiences": true, "visibleto": true,
}

// hidingFragments, anywhere in a key, say it hides or shows an item
// (internalonly is not among them, but restricted, sensitive and
// confidentialuntil are).
var hidingFragments = []string{"visib", "hidd", "hide", "privat", "confid", "restrict", "sensitiv", "secret", "embargo", "audien", "internalonly"}

// audienceFragments, in a key, name who may see an item; such a key says
// who sees it when its value reads as a setting.
var audienceFragments = []string{"intern", "extern", "public", "customer", "sales", "analyst", "share", "partner", "only"}

// readsAsSetting reports whether a value reads as a setting of who sees an
// item: true or false, a visibility, or an audience (or a list of them).
func readsAsSetting(n *yaml.Node) bool {
	if n == nil {
		return false
	}
	n = resolve(n)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.ShortTag() == "!!bool" {
			return true
		}
		switch strings.ToLower(strings.TrimSpace(n.Value)) {
		case "yes", "no", "on", "off", "public", "internal", "confidential", "private", "hidden",
			"sales", "customers", "customer", "analysts", "analyst", "partners", "everyone", "nobody", "none", "all":
			return true
		}
	case yaml.SequenceNode:
		return slices.ContainsFunc(n.Content, readsAsSetting)
	}
	return false
}

func containsAny(s string, parts []string) bool {
	return slices.ContainsFunc(parts, func(p string) bool { return strings.Contains(s, p) })
}

// keep marks f as a finding no setting may silence or lower: a key that
// may be meant to decide what an audience sees, which the default would
// decide instead (a misspelt visibility leaves the item internal, which
// sales sees). fix says how to settle it.
func keep(f *Finding, fix string) {
	f.kept = true
	if !strings.HasSuffix(f.Message, "?") {
		f.Message += "."
	}
	f.Message += " What an audience sees is never left to a default: " + fix + "; until then this finding cannot be silenced."
}
