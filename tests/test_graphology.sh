#!/bin/sh
# Gephi Lite's own importers load every GraphML, GEXF and JSON that `credgraph build` writes:
# tests/graphology/check.js loads the seed job's collab.* and credits.* with graphology,
# graphology-graphml and graphology-gexf (versions pinned in tests/graphology/package-lock.json)
# and checks what they build (see the comment at its top).
# Run from the repository root; CREDGRAPH is the binary (default build/credgraph), TESTOUT a
# scratch directory (default /tmp; the outputs go to $TESTOUT/graphology). RUN, when set
# (valgrind in `make leakcheck`), prefixes the credgraph command.
# Needs Node.js and npm (Debian packages nodejs and npm) and the npm registry, or npm's cache,
# for the first `npm ci`; later runs skip it while node_modules matches the lock file.
set -u
CREDGRAPH=${CREDGRAPH:-build/credgraph}
TESTOUT=${TESTOUT:-/tmp}
RUN=${RUN:-}
DIR=tests/graphology

die() { echo "FAIL: $*"; echo "test_graphology: failed"; exit 1; }

[ -f Makefile ] && [ -f "$DIR/check.js" ] && [ -f "$DIR/package-lock.json" ] || die "run from the repository root"
[ -x "$CREDGRAPH" ] || die "no binary at $CREDGRAPH (make credgraph, or set CREDGRAPH)"
command -v node >/dev/null 2>&1 ||
	die "node is not installed: Gephi Lite's importers cannot be run (Debian packages nodejs and npm: apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 ||
	die "npm is not installed: the pinned graphology packages cannot be installed (Debian package npm: apt-get install npm)"
echo "node $(node --version), npm $(npm --version)"

# node_modules is up to date when npm's record of it (node_modules/.package-lock.json) holds
# the very packages of package-lock.json and the lock file's dependencies are package.json's.
uptodate() {
	[ -f "$DIR/node_modules/.package-lock.json" ] || return 1
	(cd "$DIR" && node -e '
		const fs = require("fs");
		const read = f => JSON.parse(fs.readFileSync(f, "utf8"));
		const pkg = read("package.json"), lock = read("package-lock.json");
		const have = read("node_modules/.package-lock.json").packages || {};
		const want = Object.assign({}, lock.packages);
		const root = want[""] || {};
		delete want[""];
		const same = (a, b) => JSON.stringify(a || {}) === JSON.stringify(b || {});
		const pick = p => p && {version: p.version, integrity: p.integrity};
		const keys = o => Object.keys(o).sort().join("\n");
		process.exit(same(pkg.dependencies, root.dependencies) && keys(want) === keys(have) &&
			Object.keys(want).every(k => same(pick(want[k]), pick(have[k]))) ? 0 : 1);
	') 2>/dev/null
}

if uptodate; then
	echo "$DIR/node_modules is up to date with package-lock.json"
else
	echo "npm ci in $DIR"
	(cd "$DIR" && npm ci --no-audit --no-fund --prefer-offline) ||
		die "npm ci failed in $DIR (needs the npm registry or npm's cache)"
	uptodate || die "after npm ci, $DIR/node_modules still differs from package-lock.json (is the lock file in step with package.json?)"
fi

out=$TESTOUT/graphology
rm -rf "$out" && mkdir -p "$out" || die "cannot create $out"
$RUN "$CREDGRAPH" build -q --formats graphml,dot,gexf,json,cyjs --artists data/artists.csv \
	--projects data/projects.csv data/credits.csv -o "$out" >"$out/build.log" 2>&1 || {
	cat "$out/build.log"
	die "credgraph build failed"
}
for f in collab.graphml collab.gexf collab.json credits.graphml credits.gexf credits.json; do
	[ -s "$out/$f" ] || die "credgraph build wrote no $out/$f"
done

node "$DIR/check.js" "$out"
status=$?
[ $status -eq 0 ] || echo "test_graphology: failed (outputs in $out)"
exit $status
