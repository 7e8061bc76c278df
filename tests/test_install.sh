#!/bin/sh
# make install / make uninstall into a staging directory, and the installed man page and bash
# completion checked against the binary's own --help (no golden files):
#   - the three installed files exist, the binary is the one under test and runs --version;
#   - the man page renders (man -l) without groff warnings, every command has a subsection,
#     every option of `credgraph [<command>] --help` appears in it (in that command's
#     subsection), and every option in the page is one the binary has;
#   - the completion passes `bash -n` and completes commands, options and values;
#   - make uninstall removes exactly what make install put there.
# Run from the repository root; CREDGRAPH is the binary (default build/credgraph), whose
# directory is the Makefile's BUILD. Nothing is rebuilt: the binary under test is installed.
# Needs man (Debian: man-db, which brings groff-base and col).
set -u
ROOT=$(pwd)
CREDGRAPH=${CREDGRAPH:-build/credgraph}
MAKE=${MAKE:-make}

checks=0
failed=0
ok() { checks=$((checks + 1)); echo "ok: $*"; }
bad() { checks=$((checks + 1)); failed=$((failed + 1)); echo "FAIL: $*"; }
die() { echo "FAIL: $*"; echo "test_install: failed"; exit 1; }

[ -f Makefile ] && [ -f doc/mkman.sh ] || die "run from the repository root"
[ -x "$CREDGRAPH" ] || die "no binary at $CREDGRAPH (make credgraph, or set CREDGRAPH)"
[ "$(basename "$CREDGRAPH")" = credgraph ] || die "CREDGRAPH must be <build dir>/credgraph: $CREDGRAPH"
command -v man >/dev/null 2>&1 ||
	die "man is not installed: the man page cannot be checked (Debian package man-db: apt-get install man-db)"
command -v col >/dev/null 2>&1 || die "col is not installed (Debian package bsdextrautils, a dependency of man-db)"
command -v bash >/dev/null 2>&1 || die "bash is not installed"

# BUILD: the binary's directory, relative to the repository when it is inside it.
case $CREDGRAPH in
"$ROOT"/*) BUILD=$(dirname "${CREDGRAPH#"$ROOT"/}") ;;
*) BUILD=$(dirname "$CREDGRAPH") ;;
esac
case $CREDGRAPH in /*) ;; *) CREDGRAPH=$ROOT/$CREDGRAPH ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/credgraph-install.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
stage=$tmp/stage
bin=$stage/usr/bin/credgraph
page=$stage/usr/share/man/man1/credgraph.1
completion=$stage/usr/share/bash-completion/completions/credgraph

# --- make install --------------------------------------------------------------------------
# The page is generated from the binary under test: never reuse one made from an older build.
rm -f "$BUILD/credgraph.1"
# -o: never rebuild the binary (nor copy it to ./credgraph): install the one under test.
if $MAKE --no-print-directory -o "$BUILD/credgraph" -o credgraph install \
	DESTDIR="$stage" PREFIX=/usr BUILD="$BUILD" >"$tmp/install.log" 2>&1; then
	ok "make install DESTDIR=<tmp>/stage PREFIX=/usr BUILD=$BUILD"
else
	bad "make install failed:"
	sed 's/^/    /' "$tmp/install.log"
fi
for f in "$bin" "$page" "$completion"; do
	if [ -f "$f" ]; then ok "installed ${f#"$stage"}"; else bad "not installed: ${f#"$stage"}"; fi
done
[ -f "$bin" ] && [ -f "$page" ] && [ -f "$completion" ] || die "install incomplete; stopping"

if [ -x "$bin" ] && cmp -s "$bin" "$CREDGRAPH"; then
	ok "installed binary is executable and is $CREDGRAPH"
else
	bad "installed binary is not an executable copy of $CREDGRAPH"
fi
want=$("$CREDGRAPH" --version)
got=$("$bin" --version 2>&1)
if [ $? -eq 0 ] && [ -n "$got" ] && [ "$got" = "$want" ]; then
	ok "installed binary runs: $got"
else
	bad "installed binary --version: '$got' (expected '$want')"
fi

# --- the man page against --help ----------------------------------------------------------
MANWIDTH=200 MAN_KEEP_FORMATTING=0 LC_ALL=C.UTF-8 man --warnings -l "$page" 2>"$tmp/man.err" |
	col -bx >"$tmp/man.txt"
if [ -s "$tmp/man.txt" ] && grep -q '^NAME' "$tmp/man.txt" && grep -q '^COMMANDS' "$tmp/man.txt"; then
	ok "man -l renders the page ($(wc -l <"$tmp/man.txt") lines)"
else
	bad "man -l rendered nothing usable:"
	sed 's/^/    /' "$tmp/man.err"
fi
if [ -s "$tmp/man.err" ]; then
	bad "man/groff warnings:"
	sed 's/^/    /' "$tmp/man.err"
else
	ok "no groff warnings"
fi

longopts() { grep -oE -- '--[a-z][a-z0-9-]*' | sort -u; }
# section CMD: the rendered subsection of CMD, from its heading to the next heading.
section() {
	awk -v cmd="$1" '
		$0 == "   " cmd { on = 1; next }
		on && (/^   [^ ]/ || /^[^ ]/) { exit }
		on { print }' "$tmp/man.txt"
}

"$CREDGRAPH" --help >"$tmp/help.main" 2>&1
commands=$(awk '/^Commands:/ { on = 1; next } on && /^[ \t]*$/ { exit } on && /^  [a-z]/ { print $1 }' \
	"$tmp/help.main")
[ -n "$commands" ] || die "no commands in '$CREDGRAPH --help'"

# The main --help's options are in the page (SYNOPSIS, DESCRIPTION).
missing=""
for o in $(longopts <"$tmp/help.main"); do
	grep -qe "$o" "$tmp/man.txt" || missing="$missing $o"
done
if [ -z "$missing" ]; then ok "options of 'credgraph --help' are in the page"; else bad "not in the page:$missing"; fi

longopts <"$tmp/help.main" >"$tmp/allopts"
echo --version >>"$tmp/allopts"
for cmd in $commands; do
	if ! "$CREDGRAPH" "$cmd" --help >"$tmp/help.$cmd" 2>&1; then
		bad "'credgraph $cmd --help' failed"
		continue
	fi
	longopts <"$tmp/help.$cmd" >>"$tmp/allopts"
	section "$cmd" >"$tmp/sect.$cmd"
	if [ ! -s "$tmp/sect.$cmd" ]; then
		bad "no subsection for command $cmd"
		continue
	fi
	missing=""
	for o in $(longopts <"$tmp/help.$cmd"); do
		grep -qe "$o" "$tmp/sect.$cmd" || missing="$missing $o"
	done
	# short options of the item lines ("  -o, --output ...")
	for o in $(sed -n 's/^  \(-[A-Za-z]\),.*/\1/p' "$tmp/help.$cmd"); do
		grep -qE -- "(^|[^A-Za-z0-9-])$o([^A-Za-z0-9-]|$)" "$tmp/sect.$cmd" || missing="$missing $o"
	done
	longopts <"$tmp/help.$cmd" >"$tmp/help.$cmd.opts"
	extra=$(longopts <"$tmp/sect.$cmd" | comm -13 "$tmp/help.$cmd.opts" - | tr '\n' ' ')
	if [ -z "$missing" ] && [ -z "$extra" ]; then
		ok "$cmd: the page's subsection has exactly the options of 'credgraph $cmd --help' ($(wc -l <"$tmp/help.$cmd.opts"))"
	else
		[ -z "$missing" ] || bad "$cmd: in --help but not in the page's subsection:$missing"
		[ -z "$extra" ] || bad "$cmd: in the page's subsection but not in --help: $extra"
	fi
done

# Subsections under COMMANDS are exactly the commands.
subsections=$(awk '/^COMMANDS/ { on = 1; next } on && /^[^ ]/ { exit } on && /^   [^ ]/ { sub(/^ +/, ""); print }' \
	"$tmp/man.txt" | sort)
if [ "$subsections" = "$(printf '%s\n' $commands | sort)" ]; then
	ok "COMMANDS has one subsection per command: $(echo $commands)"
else
	bad "COMMANDS subsections ($(echo $subsections)) are not the commands ($(echo $commands))"
fi

# Every option anywhere in the page (examples included) is one the binary has.
sort -u "$tmp/allopts" -o "$tmp/allopts"
extra=$(longopts <"$tmp/man.txt" | comm -13 "$tmp/allopts" - | tr '\n' ' ')
if [ -z "$extra" ]; then ok "every option in the page is in some --help"; else bad "options in the page that no --help has: $extra"; fi

for s in NAME SYNOPSIS DESCRIPTION COMMANDS 'EXIT STATUS' ENVIRONMENT FILES EXAMPLES 'SEE ALSO'; do
	grep -qx "$s" "$tmp/man.txt" || missing_sec="${missing_sec:-} '$s'"
done
if [ -z "${missing_sec:-}" ]; then ok "all sections present"; else bad "sections missing:$missing_sec"; fi

# --- bash completion ----------------------------------------------------------------------
if bash -n "$completion" 2>"$tmp/bashn.err"; then
	ok "bash -n on the completion"
else
	bad "bash -n on the completion:"
	sed 's/^/    /' "$tmp/bashn.err"
fi
# complete WORD...: the completions of the last word, as _credgraph computes them.
complete_words() {
	bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
		_credgraph 2>/dev/null
		printf "%s\n" "${COMPREPLY[@]}" | sort' complete "$completion" "$@"
}
expect() { # description expected-words -- words...
	desc=$1 want=$(printf '%s\n' $2 | sort); shift 3
	got=$(complete_words "$@")
	if [ "$got" = "$want" ]; then ok "completion: $desc"; else bad "completion: $desc: got '$(echo $got)', expected '$(echo $want)'"; fi
}
expect "commands" "$commands" -- "$bin" ""
expect "rank options" "$(longopts <"$tmp/help.rank")" -- "$bin" rank --
expect "--format of rank" "table csv json" -- "$bin" rank --format ""
expect "--by" "betweenness" -- "$bin" rank --by bet
expect "--metrics list" "pagerank,coreness pagerank,community pagerank,component" -- "$bin" build --metrics pagerank,co
expect "--graph" "collab credits" -- "$bin" export --graph ""
expect "files" "Makefile" -- "$bin" stats Makef

# --- make uninstall -----------------------------------------------------------------------
if $MAKE --no-print-directory uninstall DESTDIR="$stage" PREFIX=/usr BUILD="$BUILD" >"$tmp/uninstall.log" 2>&1; then
	ok "make uninstall"
else
	bad "make uninstall failed:"
	sed 's/^/    /' "$tmp/uninstall.log"
fi
left=$(find "$stage" ! -type d)
if [ -z "$left" ]; then ok "uninstall removed every installed file"; else bad "left after uninstall: $left"; fi

if [ "$failed" -eq 0 ]; then
	echo "test_install: all $checks checks passed"
	exit 0
fi
echo "test_install: $failed of $checks checks failed"
exit 1
