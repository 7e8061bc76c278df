/* credgraph export: one graph in one format, to a file or standard output. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "filter.h"
#include "commands.h"
#include "metrics.h"
#include "outfile.h"
#include "report.h"
#include "writer.h"

enum { GROUPS = WITH_METRICS | WITH_EXPORT };

static const char export_usage[] =
	"usage: credgraph export [--graph credits|collab] [--format graphml|dot|gexf] -o <file> <csv>...\n"
	"\n"
	"Write one graph in one format; '-o -' writes to standard output.\n"
	"\n"
	"  --graph <name>            credits (artists and projects) or collab (artists; the default)\n"
	"  --format <name>           graphml, dot or gexf (default: from the file extension, else graphml)\n"
	"  -o, --output <file>       where to write\n"
	"  -h, --help                this help\n"
	"\n";

int cmd_export(int argc, char **argv)
{
	enum { OPT_GRAPH = OPT_FIRST_COMMAND_OPTION, OPT_FORMAT };
	static const struct option own[] = {
		{"output", required_argument, NULL, 'o'},
		{"graph", required_argument, NULL, OPT_GRAPH},
		{"format", required_argument, NULL, OPT_FORMAT},
		{NULL, 0, NULL, 0},
	};
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	const char *out = NULL, *graph = "collab", *format = NULL;
	int opt;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "o:qvh", opts, NULL)) != -1) {
		if (opt == 'o') out = optarg;
		else if (opt == OPT_GRAPH) graph = optarg;
		else if (opt == OPT_FORMAT) format = optarg;
		else if (opt == 'h') usage_exit(export_usage, 0, "export", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(export_usage, EXIT_USAGE, "export", GROUPS);
	}
	free(opts);
	if (strcmp(graph, "credits") != 0 && strcmp(graph, "collab") != 0)
		die(EXIT_USAGE, "--graph takes credits or collab, not '%s'", graph);
	if (!out) {
		error("export needs an output: -o <file>, or -o - for standard output");
		usage_exit(export_usage, EXIT_USAGE, "export", GROUPS);
	}
	enum out_format fmt = out_format_for(format, out);
	collect_inputs(&cl, argc, argv, "export");
	out_check_not_input(out, cl.inputs, cl.n_inputs);

	struct dataset ds;
	int rc = load_inputs(&cl, &ds);
	if (!rc) {
		struct kgraph g;
		if (strcmp(graph, "credits") == 0) {
			graph_credits(&g, &ds);
			metrics_credits(&g, &cl.metrics);
		} else {
			graph_collab(&g, &ds, cl.load.max_team);
			metrics_compute(&g, &cl.metrics, NULL);
			graph_filter(&g, &cl.filter);
		}
		struct provenance prov = {cl.text.buf, ds.inputs, ds.n_inputs};
		struct write_opts wo = {&prov, cl.size_by};
		write_format(fmt, out_open(out), &g, &wo);
		rc = out_commit();
		graph_free(&g);
	}
	dataset_free(&ds);
	command_line_free(&cl);
	return rc;
}
