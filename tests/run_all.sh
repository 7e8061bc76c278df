#!/bin/sh
# Every test of `make test`: unit binaries, golden CLI cases (each output validated), and the
# oracle round trips. Prints "N passed, N failed" last; exits 1 on any failure.
# VALGRIND=1 runs the binaries under valgrind (make leakcheck): the unit tests, every golden
# case (every command) and the corpus; the oracle, install and graphology checks, which test
# values and clients rather than memory, are left to the plain and sanitizer runs.
BUILD=${1:-build}
ROOT=$(pwd)
export CREDGRAPH="$ROOT/$BUILD/credgraph"
export SCHEMA="$ROOT/../shared/schema/graphml/graphml.xsd"
export GEXF_RNG="$ROOT/../shared/schema/gexf-1.3/gexf.rng"
export TESTOUT="$ROOT/tests/out/$BUILD"
rm -rf "$TESTOUT" && mkdir -p "$TESTOUT"
if [ -n "$VALGRIND" ]; then
	export RUN="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect"
else
	export RUN=""
fi
# The oracles are Debian's python3-networkx and python3-igraph: use the python3 that has them.
PYTHON=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import networkx, igraph' 2>/dev/null; then PYTHON=$p; break; fi
done
export PYTHON
# Sanitizer builds run several times slower: there the PageRank oracle's generated graph is
# small; the plain build checks the full million edges.
[ "$BUILD" = build ] || export PAGERANK_ROWS="${PAGERANK_ROWS:-30000}"

pass=0
fail=0
record() { # status name
	if [ "$1" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $2"; fi
}

for t in "$BUILD"/unit/test_*; do
	[ -x "$t" ] || continue
	$RUN "$t" >"$TESTOUT/$(basename "$t").log" 2>&1
	status=$?
	record $status "$t (see $TESTOUT/$(basename "$t").log)"
	[ $status -eq 0 ] || tail -20 "$TESTOUT/$(basename "$t").log"
done

for c in tests/cases/*/; do
	sh tests/run_case.sh "$c"
	record $? "case $c"
done

for csv in tests/corpus/*.csv; do
	sh tests/run_corpus_input.sh "$csv"
	record $? "corpus $csv"
done

# Values and clients: not under valgrind (see above).
if [ -z "$VALGRIND" ]; then
	if [ -z "$PYTHON" ]; then
		echo "FAIL: no python3 can import networkx and igraph (apt-get install python3-networkx python3-igraph)"
		fail=$((fail + 1))
	fi
	for t in tests/oracle/test_*.py; do
		[ -n "$PYTHON" ] || break
		"$PYTHON" "$t" >"$TESTOUT/$(basename "$t").log" 2>&1
		status=$?
		record $status "$t (see $TESTOUT/$(basename "$t").log)"
		[ $status -eq 0 ] || tail -30 "$TESTOUT/$(basename "$t").log"
	done
	for t in test_install test_graphology; do
		sh tests/$t.sh >"$TESTOUT/$t.log" 2>&1
		status=$?
		record $status "tests/$t.sh (see $TESTOUT/$t.log)"
		[ $status -eq 0 ] || tail -20 "$TESTOUT/$t.log"
	done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
