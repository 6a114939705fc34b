package roadmap

import "slices"

// unreadMentions reports whether a file the loader could not read (it does
// not parse) holds id as a word. Such a file may define the id, or name it,
// so a check that finds nothing by that id says nothing until the file
// parses: one stray bracket in people.yaml would otherwise make every owner
// in the roadmap an unknown person, and bury the one error that matters.
func (c *checker) unreadMentions(id string) bool {
	if c.unreadWords == nil {
		c.unreadWords = map[string]bool{}
		broken := UnreadFiles(c.r.Findings)
		for _, f := range c.r.Files {
			if slices.Contains(broken, f.Path) {
				addWords(c.unreadWords, f.Text)
			}
		}
	}
	return c.unreadWords[id]
}

// addWords adds to set each run of the characters an id is written with
// (and any beyond ASCII, so an id a typo made invalid still counts).
func addWords(set map[string]bool, text []byte) {
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && isWordByte(text[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			set[string(text[start:i])] = true
			start = -1
		}
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_' || b >= 0x80
}
