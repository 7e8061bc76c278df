# credgraph: music credits -> knowledge graph -> GraphML, DOT, rankings.
# `make run` installs what is missing, builds and runs the sample job; `make test` runs every test.

CC      ?= cc
OPT     ?= -O2
CFLAGS_BASE := -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) -g -Wall -Wextra -Wstrict-prototypes -Wshadow \
               -MMD -MP $(shell pkg-config --cflags igraph libutf8proc 2>/dev/null)
LIBS    := $(shell pkg-config --libs igraph libutf8proc 2>/dev/null || echo -ligraph -lutf8proc) -lcsv -lm
BUILD   ?= build
ALL_CFLAGS = $(CFLAGS_BASE) $(CFLAGS)

# Debian packages the tool, its sample job and its tests need (bookworm names).
PACKAGES := build-essential pkg-config libigraph-dev libcsv-dev libutf8proc-dev graphviz libxml2-utils \
            python3 python3-networkx python3-igraph valgrind

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)

.PHONY: all deps run test unit cases asan ubsan leakcheck clean
all: credgraph

credgraph: $(BUILD)/credgraph
	cp $< $@

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
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "credgraph: missing packages; run: sudo apt-get update && sudo apt-get install -y" $$missing >&2; exit 1; fi; \
	echo "installing:" $$missing; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null

# The main job: the seed's credits into output/, plus a rendered collaboration picture.
run: deps
	$(MAKE) credgraph
	./credgraph build --artists data/artists.csv --projects data/projects.csv data/credits.csv -o output
	dot -Tsvg output/collab.dot -o output/collab.svg.tmp && mv output/collab.svg.tmp output/collab.svg
	@echo "wrote output/collab.svg"

test: deps
	$(MAKE) $(BUILD)/credgraph $(UNIT_BIN)
	@sh tests/run_all.sh $(BUILD)

# Sanitizer builds run the whole suite in a separate build directory.
asan:
	$(MAKE) test BUILD=build-asan OPT=-O1 CFLAGS="-fsanitize=address -fno-omit-frame-pointer" LDFLAGS="-fsanitize=address"
ubsan:
	$(MAKE) test BUILD=build-ubsan OPT=-O1 CFLAGS="-fsanitize=undefined -fno-sanitize-recover=all" LDFLAGS="-fsanitize=undefined"
leakcheck: deps
	$(MAKE) $(BUILD)/credgraph $(UNIT_BIN)
	@VALGRIND=1 sh tests/run_all.sh $(BUILD)

clean:
	rm -rf build build-asan build-ubsan credgraph tests/out

-include $(wildcard $(BUILD)/*.d)
