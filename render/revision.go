package render

// revisionName is a revision as a reader sees it: a full commit hash, as CI
// passes one (from git merge-base, or a pull request's head), cut to the
// seven characters git and GitHub show; any other revision as given.
func revisionName(rev string) string {
	if len(rev) != 40 && len(rev) != 64 {
		return rev
	}
	for _, c := range rev {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return rev
		}
	}
	return rev[:7]
}

// revisionText is revisionName with the working tree in words.
func revisionText(rev string) string {
	if rev == "working tree" {
		return "the working tree"
	}
	return revisionName(rev)
}
