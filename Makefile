# credgraph: music credits -> knowledge graph -> GraphML, DOT, rankings.
# `make run` installs what is missing, builds and runs the sample job; `make test` runs every test.

CC      ?= cc
OPT     ?= -O2
# -ffp-contract=off: no fused multiply-adds, so sums come out the same on every machine.
CFLAGS_BASE := -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) -g -pthread -ffp-contract=off \
               -Wall -Wextra -Wstrict-prototypes -Wshadow -MMD -MP $(shell pkg-config --cflags igraph libutf8proc 2>/dev/null)
LIBS    := $(shell pkg-config --libs igraph libutf8proc 2>/dev/null || echo -ligraph -lutf8proc) -lcsv -lgomp -pthread -lm
BUILD   ?= build
ALL_CFLAGS = $(CFLAGS_BASE) $(CFLAGS)

# Debian packages the tool, its sample job and its tests need (bookworm names). The Gephi Lite
# importer test also needs Node.js and npm: nodejs and npm are installed when `node` or `npm`
# is missing.
PACKAGES := build-essential pkg-config libigraph-dev libcsv-dev libutf8proc-dev graphviz libxml2-utils \
            python3 python3-networkx python3-igraph valgrind man-db

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)

.PHONY: all deps run test unit cases sanitize asan ubsan leakcheck fuzz fuzz-build clean
all: credgraph

credgraph: $(BUILD)/credgraph
	cp $< $@.tmp && mv $@.tmp $@

$(BUILD)/credgraph: $(BUILD)/main.o $(BUILD)/libcredgraph.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

$(BUILD)/libcredgraph.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Isrc -c -o $@ $<

$(BUILD)/unit/%: tests/unit/%.c tests/unit/harness.c $(BUILD)/libcredgraph.a | $(BUILD)
	@mkdir -p $(BUILD)/unit
	$(CC) $(ALL_CFLAGS) -Isrc -Itests/unit -o $@ $< tests/unit/harness.c $(BUILD)/libcredgraph.a $(LIBS) $(LDFLAGS)

$(BUILD):
	mkdir -p $(BUILD)

# Install missing Debian packages; as non-root, say the one command to run instead.
deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done; \
	  command -v node >/dev/null 2>&1 || echo nodejs; command -v npm >/dev/null 2>&1 || echo npm); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "credgraph: missing packages; run: sudo apt-get update && sudo apt-get install -y" $$missing >&2; exit 1; fi; \
	echo "installing:" $$missing; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null

# The main job: the seed's credits into output/, plus a rendered collaboration picture.
run: deps
	$(MAKE) credgraph
	./credgraph build --formats graphml,dot,gexf,json --artists data/artists.csv --projects data/projects.csv \
	  data/credits.csv -o output
	for g in collab credits; do dot -Tsvg output/$$g.dot -o output/$$g.svg.tmp && mv output/$$g.svg.tmp output/$$g.svg || exit 1; done
	@echo "wrote output/collab.svg and output/credits.svg"

test: deps
	$(MAKE) $(BUILD)/credgraph $(UNIT_BIN)
	@sh tests/run_all.sh $(BUILD)

# Sanitizer builds run the whole suite in a separate build directory; `sanitize` (ASan and
# UBSan in one build) is what CI runs after `make test`.
sanitize:
	$(MAKE) test BUILD=build-sanitize OPT=-O1 CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" LDFLAGS="-fsanitize=address,undefined"
asan:
	$(MAKE) test BUILD=build-asan OPT=-O1 CFLAGS="-fsanitize=address -fno-omit-frame-pointer" LDFLAGS="-fsanitize=address"
ubsan:
	$(MAKE) test BUILD=build-ubsan OPT=-O1 CFLAGS="-fsanitize=undefined -fno-sanitize-recover=all" LDFLAGS="-fsanitize=undefined"
leakcheck: deps
	$(MAKE) $(BUILD)/credgraph $(UNIT_BIN)
	@VALGRIND=1 sh tests/run_all.sh $(BUILD)

# libFuzzer harnesses (clang): the CSV loader, and GraphML and DOT round trips. Each runs for
# FUZZ_SECONDS, or pass FUZZ_ARGS=-runs=N. New inputs go to tests/fuzz/corpus/<harness>/,
# seeded from the hostile corpus and the sample data. FUZZ_SANITIZE=undefined FUZZ_BUILD=build-fuzz-ub
# builds without ASan, about twice as fast, for long runs of the round-trip properties.
FUZZ_SECONDS ?= 60
FUZZ_ARGS ?= -max_total_time=$(FUZZ_SECONDS)
FUZZ_HARNESSES := fuzz_csv fuzz_csvload fuzz_graphml fuzz_dot
FUZZ_SANITIZE ?= address,undefined
FUZZ_BUILD ?= build-fuzz
FUZZ_MAX_LEN ?= 4096
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -fsanitize=$(FUZZ_SANITIZE) -fno-sanitize-recover=all \
               $(shell pkg-config --cflags igraph libutf8proc libxml-2.0 libcgraph 2>/dev/null) -Isrc -Itests/fuzz
FUZZ_LIBS := $(LIBS) $(shell pkg-config --libs libxml-2.0 libcgraph 2>/dev/null)
fuzz-build:
	@dpkg-query -W -f='$${Status}' libgraphviz-dev 2>/dev/null | grep -q 'ok installed' || \
	  { [ "$$(id -u)" = 0 ] && apt-get install -y -qq libgraphviz-dev >/dev/null; } || \
	  { echo "credgraph: make fuzz needs: apt-get install -y libgraphviz-dev clang" >&2; exit 1; }
	@mkdir -p $(FUZZ_BUILD)
	for h in $(FUZZ_HARNESSES); do \
	  clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $(FUZZ_BUILD)/$$h tests/fuzz/$$h.c tests/fuzz/fuzz_common.c \
	    $(LIB_SRC) $(FUZZ_LIBS) || exit 1; done
fuzz: fuzz-build
	for h in $(FUZZ_HARNESSES); do mkdir -p tests/fuzz/corpus/$$h; \
	  GRAPHML_XSD=$(CURDIR)/../shared/schema/graphml/graphml.xsd $(FUZZ_BUILD)/$$h $(FUZZ_ARGS) \
	    -max_len=$(FUZZ_MAX_LEN) tests/fuzz/corpus/$$h tests/corpus data || exit 1; done

clean:
	rm -rf build build-* credgraph tests/out

-include $(wildcard $(BUILD)/*.d)

# Man page and installation. $(BUILD)/credgraph.1 is generated at build time from the binary's
# own --help by doc/mkman.sh (never committed, so it cannot drift). `make install` puts the
# binary, the man page and the bash completion under $(DESTDIR)$(PREFIX); `make uninstall`
# removes exactly those three files.
PREFIX ?= /usr/local
INSTALL_BIN = $(DESTDIR)$(PREFIX)/bin/credgraph
INSTALL_MAN = $(DESTDIR)$(PREFIX)/share/man/man1/credgraph.1
INSTALL_COMPLETION = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/credgraph
.PHONY: man install uninstall
man: $(BUILD)/credgraph.1

$(BUILD)/credgraph.1: $(BUILD)/credgraph doc/mkman.sh
	sh doc/mkman.sh $(BUILD)/credgraph > $@.tmp || { rm -f $@.tmp; exit 1; }
	mv $@.tmp $@

install: credgraph man
	install -D -m 755 $(BUILD)/credgraph $(INSTALL_BIN)
	install -D -m 644 $(BUILD)/credgraph.1 $(INSTALL_MAN)
	install -D -m 644 doc/credgraph.bash $(INSTALL_COMPLETION)

uninstall:
	rm -f $(INSTALL_BIN) $(INSTALL_MAN) $(INSTALL_COMPLETION)

# Benchmark (prints figures, not a test): credgraph side by side with a python-igraph peer on
# synthetic credits of 10k, 100k and 1M rows (BENCH_BIG=1 adds 10M), cached under
# output/bench/data; writes output/bench/bench.csv and output/bench/bench.svg. See bench/bench.py.
.PHONY: bench
bench: credgraph
	BENCH_BIG=$(BENCH_BIG) /usr/bin/python3 bench/bench.py
