/* credgraph ego NAME: the collaboration neighbourhood of one artist (up to --depth steps),
 * with the metrics of the whole network and each artist's distance from NAME. O(V + E). */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "commands.h"
#include "filter.h"
#include "igraph_glue.h"
#include "lookup.h"
#include "outfile.h"
#include "report.h"
#include "writer.h"
#include "xalloc.h"

enum { GROUPS = WITH_METRICS };

static const char ego_usage[] =
	"usage: credgraph ego [--depth <n>] [--format graphml|dot|gexf] -o <file> <name> <csv>...\n"
	"\n"
	"Write the collaboration neighbourhood of <name>: everyone within <n> steps and the\n"
	"collaborations among them, with the whole network's metrics and a 'distance' column.\n"
	"\n"
	"  --depth <n>               steps from <name> (default 1)\n"
	"  --format <name>           graphml, dot or gexf (default: from the file extension, else graphml)\n"
	"  --size-by <metric>        DOT vertex size (default pagerank)\n"
	"  -o, --output <file>       where to write; '-' for standard output\n"
	"  -h, --help                this help\n"
	"\n";

int cmd_ego(int argc, char **argv)
{
	enum { OPT_DEPTH = OPT_FIRST_COMMAND_OPTION, OPT_FORMAT, OPT_EGO_SIZE_BY };
	static const struct option own[] = {
		{"depth", required_argument, NULL, OPT_DEPTH}, {"format", required_argument, NULL, OPT_FORMAT},
		{"size-by", required_argument, NULL, OPT_EGO_SIZE_BY}, {"output", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	const char *out = NULL, *format = NULL, *size_by = NULL;
	size_t depth = 1;
	int opt;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "o:qvh", opts, NULL)) != -1) {
		if (opt == OPT_DEPTH) depth = parse_count(optarg, "--depth", 1, 1000);
		else if (opt == OPT_FORMAT) format = optarg;
		else if (opt == OPT_EGO_SIZE_BY) size_by = metric_arg(optarg, "--size-by");
		else if (opt == 'o') out = optarg;
		else if (opt == 'h') usage_exit(ego_usage, 0, "ego", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(ego_usage, EXIT_USAGE, "ego", GROUPS);
	}
	free(opts);
	if (!out) {
		error("ego needs an output: -o <file>, or -o - for standard output");
		usage_exit(ego_usage, EXIT_USAGE, "ego", GROUPS);
	}
	enum out_format fmt = out_format_for(format, out);
	if (optind >= argc) {
		error("ego needs a name and input files");
		usage_exit(ego_usage, EXIT_USAGE, "ego", GROUPS);
	}
	const char *name = argv[optind++];
	collect_inputs(&cl, argc, argv, "ego");
	out_check_not_input(out, cl.inputs, cl.n_inputs);

	struct analysis a;
	uint32_t me;
	int rc = analysis_run(&a, &cl, 0);
	if (!rc) rc = lookup_artist(&a.ds, name, &me);
	if (!rc) {
		/* Breadth-first distances from NAME, up to depth. */
		struct kgraph *g = &a.collab;
		igraph_matrix_t d;
		IGRAPH_OR_DIE(igraph_matrix_init(&d, 0, 0));
		IGRAPH_OR_DIE(igraph_distances(graph_igraph(g), &d, igraph_vss_1(me), igraph_vss_all(), IGRAPH_ALL));
		unsigned char *keep = xmalloc(g->n_vertices + 1);
		for (size_t v = 0; v < g->n_vertices; v++) keep[v] = MATRIX(d, 0, v) <= (double)depth;
		struct kgraph ego;
		graph_induced(g, keep, NULL, &ego);
		struct attr_col *dist = attrs_add(&ego.v, "distance", ATTR_INT);
		for (size_t v = 0, i = 0; v < g->n_vertices; v++)
			if (keep[v]) dist->i[i++] = (int64_t)MATRIX(d, 0, v);
		struct provenance prov = {cl.text.buf, a.ds.inputs, a.ds.n_inputs};
		struct write_opts wo = {&prov, size_by};
		write_format(fmt, out_open(out), &ego, &wo);
		rc = out_commit();
		graph_free(&ego);
		free(keep);
		igraph_matrix_destroy(&d);
	}
	analysis_free(&a);
	command_line_free(&cl);
	return rc;
}
