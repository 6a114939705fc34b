package roadmap

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest roadmap file read; a bigger one is a finding, so a
// stray data dump cannot exhaust memory (YAML nodes take some 15 times the text).
const MaxFileSize = 8 << 20

// Load reads the roadmap whose root (the folder holding roadmap.yaml) is the
// root of fsys: every *.yaml and *.yml file below it (.YAML too), skipping
// folders whose name starts with a dot, in byte order of their paths. Problems in the files
// are findings in the result; the error is for a roadmap that cannot be read
// at all.
func Load(fsys fs.FS) (*Roadmap, error) {
	// A roadmap.yaml that links elsewhere would be read without the
	// settings it holds in git, where the link is kept, not the file:
	// refused, whether the file it points to is there or not.
	if info, err := fs.Lstat(fsys, "roadmap.yaml"); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return nil, errors.New("roadmap.yaml is a symbolic link; " + linkAdvice)
	}
	if _, err := fs.Stat(fsys, "roadmap.yaml"); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("reading roadmap.yaml: %w", err)
		}
		return nil, fmt.Errorf("%w: roadmap.yaml is missing", ErrNoRoadmap)
	}
	paths, links, err := roadmapFiles(fsys)
	if err != nil {
		return nil, err
	}
	results := make([]fileResult, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := range next {
				results[i] = loadFile(fsys, paths[i])
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()

	r := &Roadmap{Findings: links}
	for i, res := range results {
		if res.err != nil {
			return nil, res.err
		}
		r.Files = append(r.Files, File{Path: paths[i], Text: res.text})
		r.Findings = append(r.Findings, res.findings...)
		r.suppressions = append(r.suppressions, res.suppressions...)
		doc := &res.doc
		if paths[i] == "roadmap.yaml" {
			r.Settings = doc.Settings
		}
		r.Objectives = append(r.Objectives, doc.Objectives...)
		r.Features = append(r.Features, doc.Features...)
		r.Campaigns = append(r.Campaigns, doc.Campaigns...)
		r.People = append(r.People, doc.People...)
		r.Themes = append(r.Themes, doc.Themes...)
		r.Personas = append(r.Personas, doc.Personas...)
	}
	r.applyDefaults()
	r.buildIndex()
	return r, nil
}

// linkAdvice says why a linked roadmap file is not read, and what to do.
const linkAdvice = "roadmap reads only files kept in the roadmap folder itself (git keeps a link, not the file it points to), so copy the file here"

// roadmapFiles lists the YAML files of fsys in byte order of their paths.
// A YAML file that is a symbolic link is not read, but is a finding: read
// through the link, it would read differently in the working tree and in
// git, which keeps the link, not the file.
func roadmapFiles(fsys fs.FS) (paths []string, links []Finding, err error) {
	err = fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
		if e.IsDir() {
			if p != "." && strings.HasPrefix(e.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case !IsRoadmapFile(p):
		case e.Type()&fs.ModeSymlink != 0:
			links = append(links, Finding{Path: p, Line: 1, Column: 1, Rule: ruleSyntax.ID, Severity: ruleSyntax.Severity,
				Message: "the file is a symbolic link, so it is not read; " + linkAdvice})
		case e.Type().IsRegular():
			paths = append(paths, p)
		}
		return nil
	})
	slices.Sort(paths)
	slices.SortFunc(links, func(a, b Finding) int { return strings.Compare(a.Path, b.Path) })
	return paths, links, err
}

func (r *Roadmap) applyDefaults() {
	for _, f := range r.Features {
		if f.Visibility == "" {
			f.Visibility = Internal
		}
	}
	for _, o := range r.Objectives {
		if o.Kind == "" {
			o.Kind = KindProduct
		}
		if o.Visibility == "" {
			o.Visibility = Internal
		}
	}
	for _, c := range r.Campaigns {
		if c.Visibility == "" {
			c.Visibility = Internal
		}
	}
	if r.Scoring.Model == "" {
		r.Scoring.Model = ModelRICE
	}
}

type fileResult struct {
	doc          Document
	text         []byte
	findings     []Finding
	suppressions []suppression
	err          error
}

func loadFile(fsys fs.FS, p string) (res fileResult) {
	text, finding, err := readBounded(fsys, p)
	if err != nil {
		res.err = err
		return res
	}
	res.text = text
	if finding != nil {
		res.findings = []Finding{*finding}
		return res
	}
	res.suppressions = scanSuppressions(p, text)
	res.doc, res.findings = parseDocument(p, text, true)
	placeMisindented(text, res.findings)
	return res
}

func readBounded(fsys fs.FS, p string) ([]byte, *Finding, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", p, err)
	}
	defer f.Close()
	// Read into a buffer of the file's size, as os.ReadFile does, rather
	// than one grown and copied as the text comes.
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() <= MaxFileSize {
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	text := buf.Bytes()
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", p, err)
	}
	if len(text) > MaxFileSize {
		return nil, &Finding{Path: p, Line: 1, Column: 1, Rule: ruleSyntax.ID, Severity: ruleSyntax.Severity,
			Message: fmt.Sprintf("the file is larger than %d MiB, the most a roadmap file may hold; split it into several files", MaxFileSize>>20)}, nil
	}
	return text, nil, nil
}

// ParseDocument decodes one roadmap file. It never fails: what is wrong with the
// file comes back as findings, and the document holds what could be read.
func ParseDocument(p string, text []byte) (Document, []Finding) {
	return parseDocument(p, text, true)
}

// parseDocument decodes a file; whole is false for a piece of a file (see
// DecodeChunk), which need not name the product.
func parseDocument(p string, text []byte, whole bool) (doc Document, findings []Finding) {
	syntax := func(line, col int, format string, args ...any) {
		findings = append(findings, Finding{Path: p, Line: line, Column: col,
			Rule: ruleSyntax.ID, Severity: ruleSyntax.Severity, Message: fmt.Sprintf(format, args...)})
	}
	defer func() {
		// The YAML library is not known to panic, but a roadmap must never
		// crash the tool: whatever it does becomes a finding.
		if v := recover(); v != nil {
			doc = Document{}
			syntax(1, 1, "the file could not be parsed: %v", v)
		}
	}()
	if !utf8.Valid(text) {
		line, col, b := firstInvalidUTF8(text)
		syntax(line, col, "the file is not valid UTF-8 text (byte 0x%02x); save it as UTF-8", b)
		return doc, findings
	}
	root, err := parseYAML(text)
	if err != nil {
		line, msg := yamlError(err)
		line = min(line, lineCount(text))
		syntax(line, 1, "%s", lineHint(text, line, msg))
		return doc, findings
	}
	if root == nil {
		return doc, findings // an empty file, or only comments
	}
	if root.Kind != yaml.MappingNode {
		syntax(root.Line, root.Column, "a roadmap file must be a mapping of top-level keys (features:, objectives:, ...), not %s", describe(root))
		return doc, findings
	}
	d := newDecoder(p, len(text))
	d.decodeDocument(root, &doc, lineCount(text), whole)
	doc.Settings.At.index()
	return doc, d.findings
}

// parseYAML decodes text into its root node; nil for an empty document. A
// second document in the file is an error.
func parseYAML(text []byte) (*yaml.Node, error) {
	if root, ok := parseBlock(text); ok {
		return root, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, nil
		}
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		if err != nil {
			return nil, err
		}
		line := extra.Line
		if len(extra.Content) > 0 {
			line = extra.Content[0].Line
		}
		return nil, fmt.Errorf("yaml: line %d: a roadmap file holds one YAML document; split the documents after --- into files of their own", max(line, 1))
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil, nil
	}
	return doc.Content[0], nil
}

// yamlError splits the YAML library's "yaml: line N: message" into its parts
// and adds a hint for the common mistakes. The library numbers the lines of
// parser errors (and of tab errors) from 0; those get 1 added, which points at
// the start of the construct left open.
func yamlError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, text, found := strings.Cut(rest, ": ")
		if n, err := strconv.Atoi(num); found && err == nil {
			line, msg = max(n, 1), text
			if strings.HasPrefix(msg, "did not find expected") || strings.HasPrefix(msg, "found a tab character") {
				line = n + 1
			}
		}
	}
	for problem, hint := range yamlHints {
		if strings.HasPrefix(msg, problem) {
			msg += " (" + hint + ")"
			break
		}
	}
	return line, msg
}

var yamlHints = map[string]string{
	"did not find expected ',' or ']'":                "a list opened with [ is not closed",
	"did not find expected ',' or '}'":                "a mapping opened with { is not closed",
	"did not find expected key":                       "check the indentation of this line and the next",
	"did not find expected '-' indicator":             "a list item and a key are mixed at one indentation",
	"found a tab character that violates indentation": "indent with spaces, not tabs",
	"mapping values are not allowed in this context":  "quote a value that contains \": \"",
	"found character that cannot start any token":     "quote a value that starts with @ or `",
	"found unexpected end of stream":                  "a quote is not closed",
}

// lineHint replaces the YAML library's hint when the line itself shows the
// mistake: a tab in its indentation, or a line indented deeper than the key
// above it, which YAML reads as that key's value going on.
func lineHint(text []byte, line int, msg string) string {
	lines := bytes.Split(text, []byte("\n"))
	if line < 1 || line > len(lines) {
		return msg
	}
	problem, _, _ := strings.Cut(msg, " (")
	cur := lines[line-1]
	indent := cur[:len(cur)-len(bytes.TrimLeft(cur, " \t"))]
	if bytes.ContainsRune(indent, '\t') {
		return problem + " (line " + strconv.Itoa(line) + " is indented with a tab; indent with spaces)"
	}
	if !strings.HasPrefix(problem, "mapping values are not allowed") {
		return msg
	}
	for i := line - 2; i >= 0; i-- {
		prev := bytes.TrimRight(lines[i], " \r")
		body := bytes.TrimLeft(prev, " ")
		if len(body) == 0 || body[0] == '#' {
			continue
		}
		for bytes.HasPrefix(body, []byte("- ")) { // a list item's key sits after its dash
			body = bytes.TrimLeft(body[2:], " ")
		}
		if len(indent) > len(prev)-len(body) && !bytes.HasSuffix(body, []byte(":")) {
			return problem + " (line " + strconv.Itoa(line) + " is indented deeper than the line above it; line up its key with the others)"
		}
		break
	}
	return msg
}

// lineCount is the number of lines of text, a final newline ending the last.
func lineCount(text []byte) int {
	n := bytes.Count(text, []byte("\n"))
	if len(text) > 0 && text[len(text)-1] != '\n' {
		n++
	}
	return max(n, 1)
}

func firstInvalidUTF8(text []byte) (line, col int, b byte) {
	line, col = 1, 1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, text[i]
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col, 0
}

var documentFields = shapeOf(reflect.TypeFor[Document]())

// decodeDocument fills doc from a file's root mapping.
func (d *decoder) decodeDocument(root *yaml.Node, doc *Document, lastLine int, whole bool) {
	doc.Settings.File = d.file
	doc.Settings.Pos = Pos{Line: 1, Col: 1}
	d.cur = &doc.Settings.Located
	v := reflect.ValueOf(doc).Elem()
	ps := d.pairs(root)
	seen := map[string]int{}
	for i, p := range ps {
		k := resolve(p.key)
		if k.Kind != yaml.ScalarNode {
			d.report(ruleInvalidValue, p.key, "a top-level key must be a plain word")
			continue
		}
		key := k.Value
		if line, dup := seen[key]; dup && !p.merged {
			d.report(ruleInvalidValue, k, "key %q appears twice in the file (first at line %d); write each list once", key, line)
			continue
		}
		seen[key] = k.Line
		if settingsKeys[key] && d.file != "roadmap.yaml" {
			d.report(ruleUnknownField, k, "%q is a setting, and only the roadmap.yaml at the top of the roadmap folder may hold settings", key)
			if key == "audiences" {
				keep(&d.findings[len(d.findings)-1], "move the audiences to roadmap.yaml")
			}
			continue
		}
		fi, ok := documentFields.byName[key]
		if !ok {
			d.report(ruleUnknownField, k, "unknown top-level key %q%s", key, suggestion(key, documentFields.names))
			// A file's visibility, or misspelt audiences, would leave its
			// items, or the audiences, to the defaults.
			if saysWhoSees(key, p.value) || nearest(key, []string{"audiences"}) != "" {
				keep(&d.findings[len(d.findings)-1], "fix the key, or give each item its visibility")
			}
			continue
		}
		d.end = lastLine
		if i+1 < len(ps) && ps[i+1].key.Line > k.Line {
			d.end = ps[i+1].key.Line - 1
		}
		d.decodeValue(p.value, v.FieldByIndex(documentFields.fields[fi].index), key, d.file, &doc.Settings.At, false)
		if d.bombed {
			// What was decoded before the budget ran out is partial; keep
			// only the finding that says why.
			*doc = Document{}
			d.findings = []Finding{d.bomb}
			return
		}
	}
	if whole && d.file == "roadmap.yaml" && doc.Product == "" && !doc.Settings.Unreadable("product") {
		if doc.Settings.Has("product") {
			d.report(ruleMissingField, root, "roadmap.yaml has an empty product (the product's name)")
		} else {
			d.report(ruleMissingField, root, "roadmap.yaml lacks the required key \"product\" (the product's name)")
		}
	}
}

// IsRoadmapFile says whether a file of this name is part of a roadmap: a
// .yaml or .yml file, in any case (an editor on Windows may write .YAML).
func IsRoadmapFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}
