package roadmap

import (
	"slices"
	"strings"
	"unicode"

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
		"A key that may be meant to say who sees an item that gives no `visibility` of its own, anywhere in the item (a misspelt `visiblity: confidential`, which leaves the item internal, which sales sees; `visible: false`; `confidential: true`; `internal_only: true`; a key led by a word that hides, such as `restricted_to: sales`; a key naming an audience or holding a word that hides whose value reads as a setting, such as `share_with: [sales]` or `time_sensitive: true` (keys are read word by word: `confidence` or `mobile_only` say nothing); `visibility` under `messaging`; an empty `visibility` counts as none), a file-level `visibility`, a misplaced or misspelt `audiences`, and any unknown key of an audience's definition cannot be silenced or lowered to a warning: `export` refuses until the key is fixed or the item given a visibility, as what an audience sees is never left to a default.",
}

// saysWhoSees reports whether an unknown key, with its value, may be meant
// to say who sees the item it is in. Keys are read word by word
// (internal_only, visibleTo), so a word inside another (confidence,
// mobile_only) says nothing:
//   - nearest to visibility, or a word for it (visible, confidential,
//     internal_only), whatever its value;
//   - a key led by a word that hides (restricted, sensitive,
//     embargoed_until, hidden_from), whatever its value;
//   - any other key holding a word that hides or that names a side
//     (external, customer_visible, share_with), when its value reads as a
//     setting: time_sensitive: true may be one, time_sensitive: high is not.
func saysWhoSees(key string, value *yaml.Node) bool {
	if len(key) > 100 {
		return false
	}
	words := keyWords(key)
	switch {
	case nearest(key, []string{"visibility"}) != "" || visibilityWords[strings.Join(words, "")]:
		return true
	case len(words) > 0 && hides(words[0]) && (len(words) == 1 || relations[words[1]]):
		return true
	}
	for _, w := range words {
		if hides(w) || slices.ContainsFunc(audienceWords, func(a string) bool { return strings.HasPrefix(w, a) }) {
			return readsAsSetting(value)
		}
	}
	return false
}

// keyWords are the words of a key in lower case: split at _, -, spaces,
// dots and where a lower-case letter meets a capital.
func keyWords(key string) []string {
	var words []string
	var w strings.Builder
	prev := rune(0)
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range key {
		switch {
		case r == '_' || r == '-' || r == ' ' || r == '.':
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			w.WriteRune(unicode.ToLower(r))
		default:
			w.WriteRune(unicode.ToLower(r))
		}
		prev = r
	}
	flush()
	return words
}

// visibilityWords are keys, their words joined, that read as settings of
// who sees an item.
var visibilityWords = map[string]bool{
	"visibility": true, "visible": true, "hidden": true, "hide": true, "private": true, "public": true,
	"confidential": true, "internal": true, "nda": true, "secret": true, "audience": true, "audiences": true,
	"visibleto": true, "internalonly": true,
}

// hidingStems begin the words that hide or restrict an item; confidenti,
// not confid, so that confidence (a score out of place) is not one.
var hidingStems = []string{"visib", "hidd", "hide", "privat", "confidenti", "restrict", "sensitiv", "secret", "embargo", "audien"}

func hides(word string) bool {
	return word == "nda" || slices.ContainsFunc(hidingStems, func(s string) bool { return strings.HasPrefix(word, s) })
}

// relations are the words after a hiding one that make the key a setting
// of who sees the item: restricted_to, hidden_from, embargoed_until.
var relations = map[string]bool{"to": true, "from": true, "until": true, "till": true, "for": true, "by": true, "only": true}

// audienceWords begin the words that name who may see an item; a key
// holding one says who sees it when its value reads as a setting.
var audienceWords = []string{"intern", "extern", "public", "customer", "sales", "analyst", "share", "partner"}

// readsAsSetting reports whether a value reads as a setting of who sees an
// item: true or false, a visibility, or an audience, or a list of them. A
// list inside the list is no setting and is not looked into: through
// aliases it could hold itself.
func readsAsSetting(n *yaml.Node) bool {
	if n = resolve(n); n != nil && n.Kind == yaml.SequenceNode {
		return slices.ContainsFunc(n.Content, func(c *yaml.Node) bool { return settingWord(resolve(c)) })
	}
	return settingWord(n)
}

// settingWord reports whether a scalar reads as true or false, a
// visibility or an audience.
func settingWord(n *yaml.Node) bool {
	if n == nil || n.Kind != yaml.ScalarNode {
		return false
	}
	if n.ShortTag() == "!!bool" {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "yes", "no", "on", "off", "public", "internal", "confidential", "private", "hidden",
		"sales", "customers", "customer", "analysts", "analyst", "partners", "everyone", "nobody", "none", "all":
		return true
	}
	return false
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
