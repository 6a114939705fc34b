# make test   vet, every test with the race detector (the memory policy's tests
#             again without it), and a short fuzz pass
# make bench  the benchmarks, with memory, into bench.txt (compare with benchstat)
# make fuzz   a longer fuzz pass (FUZZTIME per target, default 1m)
# make build  the roadmap binary in ./bin
# make docs   the reference docs generated from the code: docs/commands (Markdown),
#             docs/man (man pages), docs/completions (bash, zsh, fish), docs/rules.
#             Run it after adding or changing a command, a flag, a help text or a
#             lint rule, and commit the result: a test fails while they are stale.

GO        ?= go
FUZZTIME  ?= 1m
# Short passes count executions rather than seconds: a duration races the
# fuzz coordinator's deadline in Go 1.26 (go.dev/issue/75804) and fails
# without an input to show for it.
DEFAULT_SHORTFUZZ = 5000x
SHORTFUZZ ?= $(DEFAULT_SHORTFUZZ)
BENCHCOUNT ?= 6

# package:FuzzTarget for every fuzz test, with :COUNT when the short pass
# should run a target fewer times than SHORTFUZZ (a slow target)
FUZZ_TARGETS = \
	./roadmap:FuzzParseDocument \
	./roadmap:FuzzParseTarget \
	./roadmap:FuzzParseOffset \
	./roadmap:FuzzLoad \
	./roadmap:FuzzSplitParse \
	./roadmap:FuzzResplit \
	./roadmap:FuzzDiffKeys \
	./roadmap:FuzzFormula \
	./roadmap:FuzzParseDate \
	./roadmap:FuzzBlockYAML \
	./roadmap:FuzzPlainTag \
	./roadmap:FuzzMisindented \
	./roadmap:FuzzExportNeverLeaks:300x \
	./roadmap/gitrepo:FuzzPackEntry \
	./roadmap/gitrepo:FuzzApplyDelta:2000x \
	./roadmap/gitrepo:FuzzParseTree \
	./roadmap/gitrepo:FuzzResolveFirstParents

.PHONY: test vet unit fuzz-short fuzz bench build docs

test: vet unit fuzz-short

# vet also checks the command as it builds where Linux's huge pages are not,
# and on 32-bit Linux.
vet:
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./cmd/roadmap
	GOARCH=386 $(GO) vet ./cmd/roadmap

# A build with the race detector asks for no huge pages: the tests of the
# memory policy run again without it.
unit:
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'HugePages|ShortRun|Restore|Defers|ServeCollects' ./cmd/roadmap

fuzz-short:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$$(echo $$t | cut -d: -f1); name=$$(echo $$t | cut -d: -f2); n=$$(echo $$t | cut -s -d: -f3); \
		time=$(SHORTFUZZ); if [ -n "$$n" ] && [ "$(SHORTFUZZ)" = "$(DEFAULT_SHORTFUZZ)" ]; then time=$$n; fi; \
		echo "fuzz $$name ($$time)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $$time -fuzzminimizetime 1s $$pkg || exit 1; \
	done

fuzz:
	@$(MAKE) --no-print-directory fuzz-short SHORTFUZZ=$(FUZZTIME)

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count $(BENCHCOUNT) ./... | tee bench.txt

build:
	$(GO) build -o bin/roadmap ./cmd/roadmap

docs:
	$(GO) run ./cmd/roadmap gen-docs docs
