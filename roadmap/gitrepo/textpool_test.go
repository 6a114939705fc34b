package gitrepo

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/northwind-labs/roadmap/roadmap"
	"github.com/northwind-labs/roadmap/roadmap/internal/gen"
)

// TestTextPoolReusesWhatIsReleased: a text released by its last holder is
// handed out again, and not before.
func TestTextPoolReusesWhatIsReleased(t *testing.T) {
	p := newTextPool(1 << 20)
	a := newSharedText(p, p.get(5000))
	copy(a.b, "kept")
	a.hold()
	a.release()
	if b := p.get(5000); &b[0] == &a.b[0] {
		t.Fatal("a text still held was handed out again")
	}
	a.release()
	if a.b[0] != 0xff {
		t.Errorf("a released text reads %q in tests, not the poison", a.b[:4])
	}
	if b := p.get(6000); &b[:1][0] != &a.b[0] || len(b) != 6000 {
		t.Errorf("a text of 5000 bytes released was not reused for one of 6000 (its room is 8 KiB)")
	}
	defer func() {
		if recover() == nil {
			t.Error("releasing a text more often than it was held went unnoticed")
		}
	}()
	a.release()
}

// TestTextPoolReusesOneStepLarger: a file's next version may cross a step
// of the pool's sizes, so a buffer one step larger serves, and none larger.
func TestTextPoolReusesOneStepLarger(t *testing.T) {
	p := newTextPool(1 << 20)
	wide := p.get(3*poolStep - 10) // room for three steps
	p.put(wide)
	if b := p.get(poolStep + 10); &b[0] != &wide[:1][0] || len(b) != poolStep+10 {
		t.Error("a buffer one step larger than asked for was not reused")
	}
	wider := p.get(4*poolStep - 10)
	p.put(wider)
	if b := p.get(poolStep + 10); &b[0] == &wider[:1][0] || cap(b) != 2*poolStep {
		t.Errorf("a buffer two steps larger was reused, or a fresh one has room for %d bytes, not %d", cap(b), 2*poolStep)
	}
	if p.reused != 1 {
		t.Errorf("the pool reused %d buffers; want 1", p.reused)
	}
}

// TestTextPoolKeepsItsLimit: the pool keeps no more than its limit.
func TestTextPoolKeepsItsLimit(t *testing.T) {
	p := newTextPool(16 << 10)
	for range 10 {
		p.put(make([]byte, 0, 8<<10))
	}
	if p.size > 16<<10 {
		t.Errorf("the pool keeps %d bytes, over its limit", p.size)
	}
	// Memory the pool did not give, or would not keep, is not taken.
	p = newTextPool(16 << 20)
	p.put(make([]byte, 0, 5000))  // not a multiple of its step
	p.put(make([]byte, 0, 2<<20)) // over maxPooled
	if p.size != 0 {
		t.Errorf("the pool took %d bytes not its own", p.size)
	}
}

// TestWalksReadTheSameWithLittleMemory walks a generated history with the
// caches of rebuilt objects and blob texts at their smallest, so nearly
// every text is rebuilt in memory another released, and holds the diff's
// commits and a feature's history to those read with the usual caches. In
// tests a released text is overwritten: one read after its release would
// change what the walk finds.
func TestWalksReadTheSameWithLittleMemory(t *testing.T) {
	dir := t.TempDir()
	info, err := gen.Repo(dir, gen.RepoOptions{Features: 60, Commits: 200, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	read := func(small bool) (string, *Repo) {
		r := openDir(t, dir)
		if small {
			r.packs.cache = newBaseCache(0)
			r.blobs = newBlobCache(0)
		}
		head := resolveRev(t, r, "HEAD")
		first := resolveRev(t, r, "HEAD~199")
		load := func(c *object.Commit) *roadmap.Roadmap {
			rm, err := r.Load(c, info.Dir)
			if err != nil {
				t.Fatal(err)
			}
			return rm
		}
		changes := roadmap.Diff(load(first), load(head))
		if err := r.Attribute(head, first.Hash, info.Dir, changes); err != nil {
			t.Fatal(err)
		}
		events, err := r.History(head, HistoryOptions{Dir: info.Dir, Kind: "features", ID: info.Busiest})
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal([]any{changes, events})
		if err != nil {
			t.Fatal(err)
		}
		return string(out), r
	}
	want, _ := read(false)
	got, r := read(true)
	if got != want {
		t.Error("the walks read differently with little memory")
	}
	if r.packs.texts.reused < 100 {
		t.Errorf("only %d texts were rebuilt in memory released: the test tests little", r.packs.texts.reused)
	}
	if len(want) < 10000 {
		t.Errorf("the diff and history are %d bytes of JSON: the test tests little", len(want))
	}
}

// TestAnOpenFileKeepsItsText: a load's open file reads its own text while
// other files are read, with no cache keeping it.
func TestAnOpenFileKeepsItsText(t *testing.T) {
	dir := t.TempDir()
	info, err := gen.Repo(dir, gen.RepoOptions{Features: 200, Commits: 20, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	r := openDir(t, dir)
	head := resolveRev(t, r, "HEAD")
	fsys, err := r.FS(head, info.Dir)
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(fsys, "features/*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("features: %v %v", files, err)
	}
	want := map[string][]byte{}
	for _, name := range files {
		if want[name], err = fs.ReadFile(fsys, name); err != nil {
			t.Fatal(err)
		}
	}
	r.packs.cache = newBaseCache(0)
	r.blobs = newBlobCache(0)
	first, err := fsys.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files[1:] {
		if got, err := fs.ReadFile(fsys, name); err != nil || !bytes.Equal(got, want[name]) {
			t.Fatalf("%s read differently: %v", name, err)
		}
	}
	got, err := io.ReadAll(first)
	first.Close()
	if err != nil || !bytes.Equal(got, want[files[0]]) {
		t.Errorf("%s, opened before the others were read, reads differently: %v", files[0], err)
	}
	if r.packs.texts.reused == 0 {
		t.Error("no text was reused: the test tests nothing")
	}
}
