# make test   vet, every test with the race detector, and a short fuzz pass
# make bench  the benchmarks, with memory, into bench.txt (compare with benchstat)
# make fuzz   a longer fuzz pass (FUZZTIME per target, default 1m)
# make build  the roadmap binary in ./bin
# make docs   the reference docs generated from the code: docs/commands (Markdown),
#             docs/man (man pages), docs/completions (bash, zsh, fish), docs/rules.
#             Run it after adding or changing a command, a flag, a help text or a
#             lint rule, and commit the result: a test fails while they are stale.

GO        ?= go
FUZZTIME  ?= 1m
SHORTFUZZ ?= 5s
BENCHCOUNT ?= 6

# package:FuzzTarget for every fuzz test
FUZZ_TARGETS = \
	./roadmap:FuzzParseDocument \
	./roadmap:FuzzParseTarget \
	./roadmap:FuzzParseOffset \
	./roadmap:FuzzLoad \
	./roadmap:FuzzSplitParse \
	./roadmap:FuzzFormula \
	./roadmap:FuzzParseDate \
	./roadmap:FuzzExportNeverLeaks

.PHONY: test vet unit fuzz-short fuzz bench build docs

test: vet unit fuzz-short

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 ./...

fuzz-short:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$name ($(SHORTFUZZ))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(SHORTFUZZ) -fuzzminimizetime 1s $$pkg || exit 1; \
	done

fuzz:
	@$(MAKE) --no-print-directory fuzz-short SHORTFUZZ=$(FUZZTIME)

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count $(BENCHCOUNT) ./... | tee bench.txt

build:
	$(GO) build -o bin/roadmap ./cmd/roadmap

docs:
	$(GO) run ./cmd/roadmap gen-docs docs
