#!/bin/sh
# One golden CLI case: tests/cases/<name>/cmd runs in a scratch directory holding a copy of the
# case's files and a link to the sample data, with $CREDGRAPH set and $DATA=data, so that
# recorded paths are the same in every checkout. Its standard output, standard
# error and exit code must equal expected.out, expected.err and expected.rc; every GraphML it
# leaves must validate against the schema and every DOT must pass Graphviz's nop.
# UPDATE=1 rewrites the expected files instead (review the diff before committing).
case_dir=${1%/}
name=$(basename "$case_dir")
work="$TESTOUT/cases/$name"
rm -rf "$work" && mkdir -p "$work"
cp -R "$case_dir"/. "$work"/
ln -s "$(pwd)/data" "$work/data"
export DATA=data
cd "$work" || exit 1
CREDGRAPH="$RUN $CREDGRAPH" sh ./cmd >actual.out 2>actual.err
echo $? >actual.rc
if [ -n "$UPDATE" ]; then
	cp actual.out "$OLDPWD/$case_dir/expected.out"
	cp actual.err "$OLDPWD/$case_dir/expected.err"
	cp actual.rc "$OLDPWD/$case_dir/expected.rc"
fi
status=0
for part in rc out err; do
	if ! cmp -s "expected.$part" "actual.$part"; then
		echo "--- $name: $part differs"
		diff -u "expected.$part" "actual.$part" | head -30
		status=1
	fi
done
for f in $(find . -name '*.graphml'); do
	xmllint --noout --schema "$SCHEMA" "$f" 2>/dev/null || { echo "--- $name: $f is not valid GraphML"; status=1; }
done
for f in $(find . -name '*.gexf'); do
	xmllint --noout --relaxng "$GEXF_RNG" "$f" 2>/dev/null || { echo "--- $name: $f is not valid GEXF 1.3"; status=1; }
done
for f in $(find . -name '*.dot'); do
	err=$(nop "$f" 2>&1 >/dev/null) && [ -z "$err" ] || { echo "--- $name: $f fails nop: $err"; status=1; }
done
exit $status
