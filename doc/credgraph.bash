# bash completion for credgraph(1).
# Commands and each command's options are read from the binary's own --help when completing,
# so they follow the tool; only the value lists (metrics, formats, graphs) are spelled here.
# Installed as share/bash-completion/completions/credgraph; or: source doc/credgraph.bash

# _credgraph_run ARGS...: the credgraph being completed (as typed, else the one on PATH).
_credgraph_run() {
	local prog=${COMP_WORDS[0]}
	prog=${prog/#\~/$HOME}
	if [[ $prog != */* ]] || [[ ! -x $prog ]]; then
		prog=$(type -P credgraph) || return 1
	fi
	"$prog" "$@" 2>/dev/null
}

# _credgraph_list CUR WORD...: complete the last item of a comma-separated list.
_credgraph_list() {
	local cur=$1 prefix=""
	shift
	if [[ $cur == *,* ]]; then
		prefix=${cur%,*},
		cur=${cur##*,}
	fi
	local w
	COMPREPLY=()
	for w in "$@"; do
		# not an item the list already has
		[[ ,$prefix == *",$w,"* ]] && continue
		[[ $w == "$cur"* ]] && COMPREPLY+=("$prefix$w")
	done
	# A list goes on after a comma: no space after the completed item.
	[[ ${#COMPREPLY[@]} -gt 0 ]] && compopt -o nospace 2>/dev/null
	return 0
}

# _credgraph_formats CMD OPTION: the format names that CMD's --help gives for OPTION
# (--format or --formats), in its item and continuation lines.
_credgraph_formats() {
	local known=" graphml dot gexf json cyjs tables neo4j table csv text " text w out=()
	text=$(_credgraph_run "$1" --help | awk -v opt="$2" '
		/^  [-<]/ {
			on = 0; term = substr($0, 3); sub(/  .*/, "", term)
			n = split(term, w, /[ ,]+/)
			for (i = 1; i <= n; i++) if (w[i] == opt) on = 1
		}
		on { print }
		/^[^ ]/ || /^$/ { on = 0 }')
	# Known format names in the order the help gives them ("nodes.csv" is no format).
	for w in $text; do
		w=${w//[^a-z0-9.-]/}
		[[ $known == *" $w "* ]] || continue
		[[ " ${out[*]} " == *" $w "* ]] || out+=("$w")
	done
	if [[ ${#out[@]} -eq 0 ]]; then
		case $1 in
		rank) out=(table csv json) ;;
		check) out=(text json) ;;
		collaborators) out=(table csv) ;;
		*) out=(graphml dot gexf) ;;
		esac
	fi
	printf '%s\n' "${out[@]}"
}

_credgraph_files() {
	compopt -o filenames 2>/dev/null
	if declare -F _filedir >/dev/null; then
		_filedir "$@"
	elif [[ $1 == -d ]]; then
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
	else
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	fi
}

_credgraph() {
	local cur prev cmd
	local metrics="degree strength betweenness closeness harmonic eigenvector pagerank coreness
		community component credits projects"
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=""
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --opt=value: bash splits it into "--opt" "=" "value".
	if [[ $cur == "=" ]]; then
		cur=""
	elif [[ $prev == "=" ]] && ((COMP_CWORD > 2)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi

	# The command: the first word after the program name.
	cmd=""
	((COMP_CWORD > 1)) && cmd=${COMP_WORDS[1]}

	if ((COMP_CWORD == 1)); then
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W "--help --version" -- "$cur")
		else
			local cmds
			cmds=$(_credgraph_run --help | awk '
				/^Commands:/ { on = 1; next }
				on && /^[ \t]*$/ { exit }
				on && /^  [a-z]/ { print $1 }')
			mapfile -t COMPREPLY < <(compgen -W "$cmds" -- "$cur")
		fi
		return 0
	fi

	case $prev in
	--by | --size-by)
		mapfile -t COMPREPLY < <(compgen -W "$metrics" -- "$cur")
		return 0 ;;
	--metrics)
		# shellcheck disable=SC2086
		_credgraph_list "$cur" $metrics
		return 0 ;;
	--formats)
		# shellcheck disable=SC2046
		_credgraph_list "$cur" $(_credgraph_formats "$cmd" --formats)
		return 0 ;;
	--format)
		mapfile -t COMPREPLY < <(compgen -W "$(_credgraph_formats "$cmd" --format)" -- "$cur")
		return 0 ;;
	--graph)
		mapfile -t COMPREPLY < <(compgen -W "collab credits" -- "$cur")
		return 0 ;;
	--graphs)
		_credgraph_list "$cur" collab credits
		return 0 ;;
	--edge-data)
		_credgraph_list "$cur" newman years projects all none
		return 0 ;;
	--pagerank)
		mapfile -t COMPREPLY < <(compgen -W "auto prpack power" -- "$cur")
		return 0 ;;
	--kind)
		mapfile -t COMPREPLY < <(compgen -W "artist project" -- "$cur")
		return 0 ;;
	--delimiter)
		mapfile -t COMPREPLY < <(compgen -W "tab ," -- "$cur")
		return 0 ;;
	--layout)
		mapfile -t COMPREPLY < <(compgen -W "auto fr drl none" -- "$cur")
		return 0 ;;
	-o | --output)
		if [[ $cmd == build ]]; then _credgraph_files -d; else _credgraph_files; fi
		return 0 ;;
	--role | --from | --to | --type | --exclude-type | --max-field | --max-fields | --max-team | \
		--samples | --seed | --min-weight | --top | --backbone | --depth | --limit)
		return 0 ;; # a value to type, nothing to complete
	esac

	if [[ $cur == -* ]]; then
		local opts
		opts=$(_credgraph_run "$cmd" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u)
		mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
		return 0
	fi
	_credgraph_files
	return 0
}

complete -F _credgraph credgraph
