#!/bin/sh
# One input of the hostile corpus, tests/corpus/<name>.csv (options in <name>.args, if any):
# `check` and `build` must print exactly <name>.expected (messages, summaries, exit codes). A
# build that succeeds must write schema-valid GraphML and DOT that Graphviz parses; one that
# fails must leave the output directory as it was. UPDATE=1 rewrites the expected file.
csv=$1
status=0
{
	name=$(basename "$csv" .csv)
	work="$TESTOUT/corpus/$name"
	rm -rf "$work" && mkdir -p "$work/out"
	cp "$csv" "$work/$name.csv"
	args=""
	[ -f "tests/corpus/$name.args" ] && args=$(cat "tests/corpus/$name.args")
	echo previous >"$work/out/rankings.csv"
	(
		cd "$work" || exit 1
		echo "\$ credgraph check $args $name.csv"
		$RUN $CREDGRAPH check $args "$name.csv" 2>&1
		echo "[exit $?]"
		echo "\$ credgraph build $args $name.csv -o out"
		$RUN $CREDGRAPH build $args "$name.csv" -o out 2>&1
		echo "[exit $?]"
	) >"$work/actual" 2>&1
	if [ -n "$UPDATE" ]; then cp "$work/actual" "tests/corpus/$name.expected"; fi
	ok=1
	if ! cmp -s "tests/corpus/$name.expected" "$work/actual"; then
		echo "--- corpus $name: output differs"
		diff -u "tests/corpus/$name.expected" "$work/actual" | head -20
		ok=0
	fi
	if grep -q '^\[exit 0\]$' "$work/actual" && [ "$(tail -1 "$work/actual")" = "[exit 0]" ]; then
		for f in "$work"/out/*.graphml; do
			xmllint --noout --schema "$SCHEMA" "$f" 2>/dev/null || { echo "--- corpus $name: $f invalid"; ok=0; }
		done
		for f in "$work"/out/*.dot; do
			err=$(nop "$f" 2>&1 >/dev/null) && [ -z "$err" ] || { echo "--- corpus $name: $f fails nop"; ok=0; }
		done
	else
		[ "$(ls -A "$work/out")" = "rankings.csv" ] && [ "$(cat "$work/out/rankings.csv")" = previous ] ||
			{ echo "--- corpus $name: a failed build changed the output directory"; ok=0; }
	fi
	[ $ok -eq 1 ] || status=1
}
exit $status
