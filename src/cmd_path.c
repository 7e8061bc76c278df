/* credgraph path NAME1 NAME2: the shortest collaboration chains between two artists (the
 * "Bacon number"), each step naming the projects that link the two people. One breadth-first
 * search, O(V + E); --all enumerates every shortest chain (at most --limit are printed). */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "commands.h"
#include "igraph_glue.h"
#include "lookup.h"
#include "report.h"
#include "xalloc.h"

enum { GROUPS = 0, STEP_TITLES = 3 };

static const char path_usage[] =
	"usage: credgraph path [--all] [--limit <n>] <name1> <name2> <csv>...\n"
	"\n"
	"The shortest chain of collaborations from <name1> to <name2>, each step naming the\n"
	"projects the two people share. Exit status 1 when no chain links them.\n"
	"\n"
	"  --all                     every shortest chain, not just one\n"
	"  --limit <n>               print at most n chains with --all (default 20)\n"
	"  -h, --help                this help\n"
	"\n";

static const struct dataset *sort_ds;

/* Chains in a stable order: by the names along them. */
static int by_names(const void *x, const void *y)
{
	const igraph_vector_int_t *a = *(const igraph_vector_int_t *const *)x, *b = *(const igraph_vector_int_t *const *)y;
	igraph_integer_t n = igraph_vector_int_size(a);
	for (igraph_integer_t i = 0; i < n; i++) {
		int c = strcmp(sort_ds->artists[VECTOR(*a)[i]].label, sort_ds->artists[VECTOR(*b)[i]].label);
		if (c) return c;
		if (VECTOR(*a)[i] != VECTOR(*b)[i]) return VECTOR(*a)[i] < VECTOR(*b)[i] ? -1 : 1;
	}
	return 0;
}

static void print_chain(const struct dataset *ds, const igraph_vector_int_t *chain, size_t number, uint32_t *buf)
{
	igraph_integer_t n = igraph_vector_int_size(chain);
	for (igraph_integer_t i = 0; i < n; i++) {
		uint32_t v = (uint32_t)VECTOR(*chain)[i];
		if (i == 0) printf("%3zu. %s\n", number, ds->artists[v].label);
		else printf("     %s\n", ds->artists[v].label);
		if (i + 1 == n) break;
		size_t k = shared_projects(ds, v, (uint32_t)VECTOR(*chain)[i + 1], buf);
		fputs("       via ", stdout);
		for (size_t j = 0; j < k && j < STEP_TITLES; j++) {
			if (j) fputs("; ", stdout);
			project_text(stdout, &ds->projects[buf[j]]);
		}
		if (k > STEP_TITLES) printf("; and %zu more", k - STEP_TITLES);
		fputc('\n', stdout);
	}
}

int cmd_path(int argc, char **argv)
{
	enum { OPT_ALL = OPT_FIRST_COMMAND_OPTION, OPT_LIMIT };
	static const struct option own[] = {
		{"all", no_argument, NULL, OPT_ALL}, {"limit", required_argument, NULL, OPT_LIMIT}, {NULL, 0, NULL, 0},
	};
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	int all = 0, opt;
	size_t limit = 20;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "qvh", opts, NULL)) != -1) {
		if (opt == OPT_ALL) all = 1;
		else if (opt == OPT_LIMIT) limit = parse_count(optarg, "--limit", 1, 1000000);
		else if (opt == 'h') usage_exit(path_usage, 0, "path", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(path_usage, EXIT_USAGE, "path", GROUPS);
	}
	free(opts);
	if (argc - optind < 2) {
		error("path needs two names and input files");
		usage_exit(path_usage, EXIT_USAGE, "path", GROUPS);
	}
	const char *name1 = argv[optind++], *name2 = argv[optind++];
	collect_inputs(&cl, argc, argv, "path");

	struct dataset ds;
	uint32_t from, to;
	int rc = load_inputs(&cl, &ds);
	if (!rc) rc = lookup_artist(&ds, name1, &from);
	if (!rc) rc = lookup_artist(&ds, name2, &to);
	if (rc) {
		dataset_free(&ds);
		command_line_free(&cl);
		return rc;
	}
	struct kgraph g;
	graph_collab(&g, &ds, cl.load.max_team, EDGE_ALL);
	igraph_vector_int_list_t chains;
	igraph_vector_int_t memb;
	IGRAPH_OR_DIE(igraph_vector_int_list_init(&chains, 0));
	IGRAPH_OR_DIE(igraph_vector_int_init(&memb, 0));
	/* Ask for chains only within one component: igraph warns when a target is unreachable. */
	IGRAPH_OR_DIE(igraph_connected_components(graph_igraph(&g), &memb, NULL, NULL, IGRAPH_WEAK));
	int connected = VECTOR(memb)[from] == VECTOR(memb)[to];
	igraph_vector_int_destroy(&memb);
	if (!connected) {
		/* no chain */
	} else if (all) {
		IGRAPH_OR_DIE(igraph_get_all_shortest_paths(graph_igraph(&g), &chains, NULL, NULL, from, igraph_vss_1(to), IGRAPH_ALL));
	} else {
		igraph_vector_int_t one;
		IGRAPH_OR_DIE(igraph_vector_int_init(&one, 0));
		IGRAPH_OR_DIE(igraph_get_shortest_path(graph_igraph(&g), &one, NULL, from, to, IGRAPH_ALL));
		IGRAPH_OR_DIE(igraph_vector_int_list_push_back(&chains, &one)); /* the list takes it */
	}
	size_t n = (size_t)igraph_vector_int_list_size(&chains);
	const char *l1 = ds.artists[from].label, *l2 = ds.artists[to].label;
	if (n == 0) {
		error("no collaboration chain links '%s' and '%s'", l1, l2);
		rc = EXIT_PROBLEMS;
	} else {
		const igraph_vector_int_t **sorted = xmalloc(st_mult(n, sizeof(*sorted)));
		for (size_t i = 0; i < n; i++) sorted[i] = igraph_vector_int_list_get_ptr(&chains, (igraph_integer_t)i);
		sort_ds = &ds;
		qsort(sorted, n, sizeof(*sorted), by_names);
		size_t steps = (size_t)igraph_vector_int_size(sorted[0]) - 1;
		printf("%s and %s: %zu step%s apart", l1, l2, steps, steps == 1 ? "" : "s");
		if (all) printf(", %zu shortest chain%s", n, n == 1 ? "" : "s");
		printf("\n\n");
		uint32_t *buf = xmalloc(st_mult(ds.n_projects + 1, sizeof(uint32_t)));
		for (size_t i = 0; i < n && i < limit; i++) print_chain(&ds, sorted[i], i + 1, buf);
		if (n > limit) printf("(%zu more; raise --limit to see them)\n", n - limit);
		free(buf);
		free(sorted);
	}
	igraph_vector_int_list_destroy(&chains);
	graph_free(&g);
	dataset_free(&ds);
	command_line_free(&cl);
	return rc;
}
