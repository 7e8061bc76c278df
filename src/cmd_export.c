/* credgraph export: one graph in one format, to a file or standard output. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "filter.h"
#include "commands.h"
#include "metrics.h"
#include "layout.h"
#include "outfile.h"
#include "report.h"
#include "writer.h"

enum { GROUPS = WITH_METRICS | WITH_EXPORT };

static const char export_usage[] =
	"usage: credgraph export [--graph credits|collab] [--format <format>] -o <file|dir> <csv>...\n"
	"\n"
	"Write one graph in one format; '-o -' writes to standard output.\n"
	"\n"
	"  --graph <name>            credits (artists and projects) or collab (artists; the default)\n"
	"  --format <name>           one file: graphml, dot, gexf, json (graphology: Gephi Lite, sigma.js),\n"
	"                            cyjs (Cytoscape.js); default from the file extension, else graphml.\n"
	"                            A directory: tables (nodes.csv and edges.csv for Gephi's spreadsheet\n"
	"                            importer) or neo4j (artists.csv, projects.csv, credited_on.csv and\n"
	"                            collaborated_with.csv for neo4j-admin database import; both graphs)\n"
	"  -o, --output <file|dir>   where to write\n"
	"  -h, --help                this help\n"
	"\n";

/* Both graphs as neo4j-admin import tables in dir. */
static int export_neo4j(struct dataset *ds, struct command_line *cl, const char *dir)
{
	struct kgraph credits, collab;
	struct strbuf path = STRBUF_INIT;
	graph_credits(&credits, ds);
	graph_collab(&collab, ds, cl->load.max_team, cl->edge_data);
	metrics_credits(&credits, &cl->metrics);
	metrics_compute(&collab, &cl->metrics, NULL);
	sb_init(&path);
	ensure_dir(dir);
	sb_addf(&path, "%s/artists.csv", dir);
	write_neo4j_nodes(out_open(path.buf), &credits, "artist", "Artist");
	sb_reset(&path);
	sb_addf(&path, "%s/projects.csv", dir);
	write_neo4j_nodes(out_open(path.buf), &credits, "project", "Project");
	sb_reset(&path);
	sb_addf(&path, "%s/credited_on.csv", dir);
	write_neo4j_relationships(out_open(path.buf), &credits, "Artist", "Project", "CREDITED_ON");
	sb_reset(&path);
	sb_addf(&path, "%s/collaborated_with.csv", dir);
	write_neo4j_relationships(out_open(path.buf), &collab, "Artist", "Artist", "COLLABORATED_WITH");
	sb_release(&path);
	int rc = out_commit();
	graph_free(&credits);
	graph_free(&collab);
	return rc;
}

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
	int tables = format && strcmp(format, "tables") == 0, neo4j = format && strcmp(format, "neo4j") == 0;
	enum out_format fmt = tables || neo4j ? FORMAT_GRAPHML : out_format_for(format, out);
	if ((tables || neo4j) && strcmp(out, "-") == 0) die(EXIT_USAGE, "--format %s writes several files: -o <dir>", format);
	collect_inputs(&cl, argc, argv, "export");
	out_check_not_input(out, cl.inputs, cl.n_inputs);

	struct dataset ds;
	int rc = load_inputs(&cl, &ds);
	if (!rc && neo4j) {
		rc = export_neo4j(&ds, &cl, out);
	} else if (!rc) {
		struct kgraph g;
		if (strcmp(graph, "credits") == 0) {
			graph_credits(&g, &ds);
			metrics_credits(&g, &cl.metrics);
		} else {
			graph_collab(&g, &ds, cl.load.max_team, cl.edge_data);
			metrics_compute(&g, &cl.metrics, NULL);
			graph_filter(&g, &cl.filter);
		}
		struct provenance prov = {cl.text.buf, ds.inputs, ds.n_inputs};
		struct write_opts wo = {&prov, cl.size_by};
		if (!tables && fmt != FORMAT_DOT) layout_compute(&g, cl.layout, cl.metrics.seed);
		if (tables) {
			struct strbuf path = STRBUF_INIT;
			sb_init(&path);
			ensure_dir(out);
			sb_addf(&path, "%s/nodes.csv", out);
			write_gephi_nodes(out_open(path.buf), &g, &wo);
			sb_reset(&path);
			sb_addf(&path, "%s/edges.csv", out);
			write_gephi_edges(out_open(path.buf), &g, &wo);
			sb_release(&path);
		} else {
			write_format(fmt, out_open(out), &g, &wo);
		}
		rc = out_commit();
		graph_free(&g);
	}
	dataset_free(&ds);
	command_line_free(&cl);
	return rc;
}
