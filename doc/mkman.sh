#!/bin/sh
# Write the credgraph(1) man page (roff) to standard output, built from the binary's own
# `--help`, `--version` and `<command> --help`, so the page cannot drift from the tool.
# Only NAME, the static sections (EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES, SEE ALSO) and
# the layout live here.
#   usage: sh doc/mkman.sh build/credgraph > build/credgraph.1
# SOURCE_DATE_EPOCH, when set, fixes the page's date (reproducible builds).
set -eu

BIN=${1:?usage: mkman.sh <credgraph binary>}
case $BIN in */*) ;; *) BIN=./$BIN ;; esac
[ -x "$BIN" ] || { echo "mkman.sh: $BIN is not an executable" >&2; exit 1; }

main_help=$("$BIN" --help)
version=$("$BIN" --version | head -n 1)
if [ -z "$main_help" ] || [ -z "$version" ]; then
	echo "mkman.sh: $BIN gave no --help or --version" >&2
	exit 1
fi

# The commands: the first word of each indented line of the "Commands:" block of --help.
commands=$(printf '%s\n' "$main_help" | awk '
	/^Commands:/ { on = 1; next }
	on && /^[ \t]*$/ { exit }
	on && /^  [a-z]/ { print $1 }')
[ -n "$commands" ] || { echo "mkman.sh: no commands found in '$BIN --help'" >&2; exit 1; }

if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
	date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d 2>/dev/null || date -u -r "$SOURCE_DATE_EPOCH" +%Y-%m-%d)
else
	date=$(date -u +%Y-%m-%d)
fi

# render MODE: help text on standard input -> roff on standard output.
#   MODE main: skip the usage block and the "Exit status:" paragraph (EXIT STATUS has them);
#              "  word  text" lines are .TP items (the command list).
#   MODE cmd:  skip the usage block (the subsection's synopsis shows it).
# In both, "  -x..." and "  <x>..." lines are .TP items (option, description), more-indented
# lines after an item continue its description, "Heading:" lines are bold paragraph headings,
# other indented lines keep their line (a leading space breaks the line in roff) and the rest
# is filled text.
render() {
	awk -v mode="$1" '
	# Escape roff: backslashes, dashes as \- (ASCII in man pages, no line breaks inside
	# options), and a leading dot or quote (control characters) behind \&.
	function esc(s) {
		gsub(/\\/, "\\e", s)
		gsub(/-/, "\\-", s)
		return s
	}
	# A leading dot or quote goes behind \&; a word hyphenated at the end of a help line
	# ("Fruchterman-") joins the next line without a space (\c).
	function guard(s) {
		if (s ~ /^[.\047]/) s = "\\&" s
		if (s ~ /[A-Za-z]\\-$/) s = s "\\c"
		return s
	}
	# Bold option names, italic <placeholders>, the rest plain; all escaped.
	function fmt(s,    out, pre, tok, before) {
		out = ""
		while (match(s, /--?[A-Za-z][A-Za-z0-9-]*|<[^>]*>/)) {
			pre = substr(s, 1, RSTART - 1)
			tok = substr(s, RSTART, RLENGTH)
			before = RSTART > 1 ? substr(s, RSTART - 1, 1) : ""
			s = substr(s, RSTART + RLENGTH)
			if (substr(tok, 1, 1) == "-" && before ~ /[A-Za-z0-9]/)
				out = out esc(pre tok)
			else if (substr(tok, 1, 1) == "-")
				out = out esc(pre) "\\fB" esc(tok) "\\fR"
			else
				out = out esc(pre) "\\fI" esc(tok) "\\fR"
		}
		return out esc(s)
	}
	# A paragraph break is printed only before what follows it (none at the end).
	function para() { if (!fresh) pending = 1; item = 0; indented = 0 }
	function emit(s) { if (pending) print ".PP"; pending = 0; print s; fresh = 0 }
	function tp(term, desc) {
		pending = 0
		print ".TP"
		emit(guard(term))
		if (desc != "") emit(guard(esc(desc)))
		item = 1; indented = 0
	}
	BEGIN { fresh = 1; pending = 0; item = 0; indented = 0; state = "usage" }
	state == "usage" { if ($0 ~ /^[ \t]*$/) state = "body"; next }
	state == "skip" { if ($0 ~ /^[ \t]*$/) { state = "body"; para() } ; next }
	/^[ \t]*$/ { para(); next }
	mode == "main" && /^Exit status:/ { state = "skip"; next }
	/^  [-<]/ {
		body = substr($0, 3)
		term = body; desc = ""
		if (match(body, /[^ ]  +/)) { term = substr(body, 1, RSTART); desc = substr(body, RSTART + RLENGTH) }
		tp(fmt(term), desc)
		next
	}
	mode == "main" && /^  [a-z]/ {
		body = substr($0, 3)
		match(body, /[ \t]+/)
		tp("\\fB" esc(substr(body, 1, RSTART - 1)) "\\fR", substr(body, RSTART + RLENGTH))
		next
	}
	item && /^   +[^ ]/ { sub(/^ +/, ""); emit(guard(esc($0))); next }
	/^[A-Z][A-Za-z ()]*:$/ { para(); emit("\\fB" esc($0) "\\fR"); indented = 1; next }
	/^[ \t]/ { if (item) para(); emit(esc($0)); indented = 1; next }
	{
		if (item) para()
		if (indented) print ".br"
		indented = 0
		emit(guard(esc($0)))
	}'
}

# synopsis: the usage block of a help text (first line without "usage: ", continuation
# lines unindented), each line formatted; "credgraph <cmd>" in bold.
synopsis() {
	awk '
	function esc(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); return s }
	function fmt(s,    out, pre, tok) {
		out = ""
		while (match(s, /--?[A-Za-z][A-Za-z0-9-]*|<[^>]*>/)) {
			pre = substr(s, 1, RSTART - 1); tok = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
			if (substr(tok, 1, 1) == "-") out = out esc(pre) "\\fB" esc(tok) "\\fR"
			else out = out esc(pre) "\\fI" esc(tok) "\\fR"
		}
		return out esc(s)
	}
	/^[ \t]*$/ { exit }
	NR == 1 {
		sub(/^usage: */, "")
		n = split($0, w, " ")
		head = w[1]; rest = ""
		if (n > 1 && w[2] !~ /^[-<[]/) { head = head " " w[2]; rest = substr($0, length(head) + 2) }
		else rest = substr($0, length(w[1]) + 2)
		print "\\fB" esc(head) "\\fR " fmt(rest)
		next
	}
	{ sub(/^[ \t]+/, ""); print fmt($0) }'
}

cat <<EOF
.\\" credgraph(1): generated by doc/mkman.sh from '$(basename "$BIN") --help'; do not edit.
.TH CREDGRAPH 1 "$date" "$version" "User Commands"
.nh
.ad l
.SH NAME
credgraph \\- turn music-credit CSV files into a knowledge graph and a collaboration network
.SH SYNOPSIS
EOF
printf '%s\n' "$main_help" | synopsis
cat <<'EOF'
.br
\fBcredgraph\fR \fI<command>\fR \fB\-\-help\fR
.br
\fBcredgraph \-\-version\fR
.SH DESCRIPTION
EOF
printf '%s\n' "$main_help" | render main
echo '.SH COMMANDS'
for cmd in $commands; do
	help=$("$BIN" "$cmd" --help) || { echo "mkman.sh: '$BIN $cmd --help' failed" >&2; exit 1; }
	echo ".SS $cmd"
	printf '%s\n' "$help" | synopsis
	echo '.PP'
	printf '%s\n' "$help" | render cmd
done

cat <<'EOF'
.SH EXIT STATUS
.TP
.B 0
Done, also when there were warnings.
.TP
.B 1
A check or query found problems or nothing: \fBcheck\fR found problems,
\fBpath\fR found no chain, a name matched no artist.
.TP
.B 2
Usage error: an unknown command or option, a missing or bad argument.
.TP
.B 3
Bad input data: a credit file that cannot be read as credits
(or any warning, with \fB\-\-strict\fR).
.TP
.B 4
I/O, resource or igraph failure: a file that cannot be read or written, out of memory.
.SH ENVIRONMENT
.TP
.B NO_COLOR
Respected: credgraph never colours its output today, and will not when
.B NO_COLOR
is set.
.SH FILES
Input is one or more CSV files of credits, one credit per row, with a header line naming
at least an artist and a project column (role, year, type and source are optional).
\fBbuild\fR writes into its output directory:
.TP
.B credits.graphml, collab.graphml
GraphML: the credits graph (artists and projects, one edge per credit) and the collaboration
network (artists, linked when they share a project), with every metric as a vertex
attribute; read by Gephi, NetworkX, igraph and yEd.
.TP
.B credits.dot, collab.dot
DOT for Graphviz: render with
.BR dot (1)
or, for large networks,
.BR sfdp (1).
.TP
.B credits.gexf, collab.gexf
GEXF 1.3 for Gephi, with a timeline from the credits' years (with \fB\-\-formats\fR ...,gexf).
.TP
.B rankings.csv
One row per artist with every metric.
.SH EXAMPLES
Report every problem in a credit file, then build everything into \fIout/\fR:
.PP
.RS
.nf
credgraph check credits.csv
credgraph build \-\-artists artists.csv \-\-projects projects.csv credits.csv \-o out
.fi
.RE
.PP
The ten artists who most often stand between others, as CSV:
.PP
.RS
.nf
credgraph rank \-\-by betweenness \-\-top 10 \-\-format csv credits.csv
.fi
.RE
.PP
Who an artist worked with, and how two artists are connected:
.PP
.RS
.nf
credgraph collaborators "Thom Russo" credits.csv
credgraph path "Thom Russo" "Bruce Swedien" credits.csv
.fi
.RE
.PP
Draw the largest component of the collaboration network, and an artist's neighbourhood:
.PP
.RS
.nf
credgraph export \-\-giant \-\-format dot \-o collab.dot credits.csv
sfdp \-Tsvg collab.dot \-o collab.svg
credgraph ego \-\-depth 2 \-o russo.dot "Thom Russo" credits.csv
dot \-Tsvg russo.dot \-o russo.svg
.fi
.RE
.SH SEE ALSO
.BR dot (1),
.BR sfdp (1)
EOF
