/* credgraph build: every standard output for a set of credit files, written all or nothing. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "filter.h"
#include "commands.h"
#include "escape.h"
#include "metrics.h"
#include "layout.h"
#include "outfile.h"
#include "progress.h"
#include "report.h"
#include "writeall.h"
#include "writer.h"
#include "xalloc.h"

enum { GROUPS = WITH_METRICS | WITH_EXPORT };

static const char build_usage[] =
	"usage: credgraph build [<options>] <csv>... -o <dir>\n"
	"\n"
	"Read credit files and write, into <dir>:\n"
	"  credits.graphml, credits.dot  artists and projects, one edge per credit (roles, years, sources)\n"
	"  collab.graphml, collab.dot    artists, linked when they share a project (weight = shared projects)\n"
	"  rankings.csv                  one row per artist, every metric\n"
	"  credits.gexf, collab.gexf     with --formats ...,gexf: Gephi with a timeline (year spells)\n"
	"All files are written, or none: earlier outputs stay intact on any error.\n"
	"\n"
	"  -o, --output <dir>        output directory (created if missing)\n"
	"  --formats <list>          graph formats to write: graphml, dot, gexf, json (graphology, for\n"
	"                            Gephi Lite), cyjs (Cytoscape.js); default graphml,dot\n"
	"  --graphs <list>           which graphs to build and write: credits, collab (with\n"
	"                            rankings.csv); default both\n"
	"  -h, --help                this help\n"
	"\n";

/* Which graph formats to write: --formats graphml,dot,gexf (default graphml,dot). */
static unsigned parse_formats(const char *list)
{
	unsigned set = 0;
	while (*list) {
		size_t len = strcspn(list, ",");
		int found = 0;
		for (int f = 0; f < FORMAT_COUNT; f++)
			if (strlen(format_name(f)) == len && strncmp(list, format_name(f), len) == 0) set |= 1u << f, found = 1;
		if (!found) die(EXIT_USAGE, "--formats takes a list of graphml, dot, gexf, json and cyjs, not '%.*s'", (int)len, list);
		list += len + (list[len] == ',');
	}
	return set;
}

enum { GRAPH_CREDITS = 1, GRAPH_COLLAB = 2 };

/* --graphs credits,collab: only what is asked for is built, measured and written. */
static unsigned parse_graphs(const char *list)
{
	unsigned set = 0;
	while (*list) {
		size_t len = strcspn(list, ",");
		if (len == 7 && strncmp(list, "credits", len) == 0) set |= GRAPH_CREDITS;
		else if (len == 6 && strncmp(list, "collab", len) == 0) set |= GRAPH_COLLAB;
		else die(EXIT_USAGE, "--graphs takes a list of credits and collab, not '%.*s'", (int)len, list);
		list += len + (list[len] == ',');
	}
	if (!set) die(EXIT_USAGE, "--graphs needs credits, collab or both");
	return set;
}

/* "<dir>/<graph>.<format>" into path. */
static void file_path(struct strbuf *path, const char *dir, const char *graph, const char *ext)
{
	sb_reset(path);
	sb_addf(path, "%s/%s.%s", dir, graph, ext);
}

static void summary(const struct dataset *ds, const struct graph_stats *st, const struct kgraph *collab,
                    const char *dir, unsigned graphs, unsigned formats)
{
	printf("input:         %zu file%s, rows %zu: used %zu, skipped %zu, duplicates %zu, filtered out %zu\n",
	       ds->credit_files, ds->credit_files == 1 ? "" : "s", ds->rows_read, ds->rows_used, ds->rows_skipped,
	       ds->rows_duplicate, ds->rows_filtered);
	printf("credits graph: artists %zu, projects %zu, credits (artist-project pairs) %zu\n", ds->n_artists,
	       ds->n_projects, ds->n_links);
	if (graphs & GRAPH_COLLAB) {
		printf("collab graph:  artists %zu, collaborations %zu, without collaborators %zu, components %zu "
		       "(largest %zu)\n", st->vertices, st->edges, st->isolated, st->components, st->giant);
		if (collab->n_vertices != st->vertices || collab->n_edges != st->edges)
			printf("collab export: artists %zu, collaborations %zu after the export filters\n", collab->n_vertices,
			       collab->n_edges);
		if (st->estimated) printf("note: %s\n", collab->note);
	}
	printf("warnings:      %lu", report_warning_count());
	if (escape_replaced_count()) printf(", characters replaced in output: %lu", escape_replaced_count());
	int several = formats & (formats - 1), both = graphs == (GRAPH_CREDITS | GRAPH_COLLAB);
	printf("\nwrote:         %s/%s.%s", dir, both ? "{credits,collab}" : graphs & GRAPH_COLLAB ? "collab" : "credits",
	       several ? "{" : "");
	for (int fmt = 0, n = 0; fmt < FORMAT_COUNT; fmt++)
		if (formats & 1u << fmt) printf("%s%s", n++ ? "," : "", format_name(fmt));
	printf("%s", several ? "}" : "");
	if (graphs & GRAPH_COLLAB) printf(", %s/rankings.csv", dir);
	printf("\n");
}

int cmd_build(int argc, char **argv)
{
	enum { OPT_FORMATS = OPT_FIRST_COMMAND_OPTION, OPT_GRAPHS };
	static const struct option own[] = {
		{"output", required_argument, NULL, 'o'}, {"formats", required_argument, NULL, OPT_FORMATS},
		{"graphs", required_argument, NULL, OPT_GRAPHS}, {NULL, 0, NULL, 0},
	};
	unsigned formats = 1u << FORMAT_GRAPHML | 1u << FORMAT_DOT, graphs = GRAPH_CREDITS | GRAPH_COLLAB;
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	const char *dir = NULL;
	int opt;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "o:qvh", opts, NULL)) != -1) {
		if (opt == 'o') dir = optarg;
		else if (opt == OPT_FORMATS) formats = parse_formats(optarg);
		else if (opt == OPT_GRAPHS) graphs = parse_graphs(optarg);
		else if (opt == 'h') usage_exit(build_usage, 0, "build", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(build_usage, EXIT_USAGE, "build", GROUPS);
	}
	free(opts);
	if (!dir) {
		error("build needs an output directory: -o <dir>");
		usage_exit(build_usage, EXIT_USAGE, "build", GROUPS);
	}
	collect_inputs(&cl, argc, argv, "build");

	static const char *const graph_names[] = {"credits", "collab"};
	struct strbuf path = STRBUF_INIT;
	sb_init(&path);
	for (int k = 0; k < 2; k++) {
		if (!(graphs & 1u << k)) continue;
		for (int fmt = 0; fmt < FORMAT_COUNT; fmt++) {
			if (!(formats & 1u << fmt)) continue;
			file_path(&path, dir, graph_names[k], format_name(fmt));
			out_check_not_input(path.buf, cl.inputs, cl.n_inputs);
		}
	}
	file_path(&path, dir, "rankings", "csv");
	if (graphs & GRAPH_COLLAB) out_check_not_input(path.buf, cl.inputs, cl.n_inputs);

	struct dataset ds;
	int rc = load_inputs(&cl, &ds);
	if (rc) {
		dataset_free(&ds);
		command_line_free(&cl);
		sb_release(&path);
		return rc;
	}
	struct kgraph credits = {0}, collab = {0};
	struct graph_stats st = {0};
	if (graphs & GRAPH_CREDITS) graph_credits(&credits, &ds);
	if (graphs & GRAPH_COLLAB) {
		graph_collab(&collab, &ds, cl.load.max_team, cl.edge_data);
		metrics_compute(&collab, &cl.metrics, &st);
	}
	if (graphs & GRAPH_CREDITS) metrics_credits(&credits, &cl.metrics);

	struct provenance prov = {cl.text.buf, ds.inputs, ds.n_inputs};
	struct write_opts wo = {&prov, cl.size_by};
	ensure_dir(dir);
	/* Every file is opened (as a temporary) before anything is written: all or nothing. */
	struct write_job jobs[2 * FORMAT_COUNT + 1];
	size_t n_jobs = 0;
	for (int k = 0; k < 2; k++) {
		if (!(graphs & 1u << k)) continue;
		for (int fmt = 0; fmt < FORMAT_COUNT; fmt++) {
			if (!(formats & 1u << fmt)) continue;
			file_path(&path, dir, graph_names[k], format_name(fmt));
			jobs[n_jobs++] = (struct write_job){fmt, out_open(path.buf), k ? &collab : &credits, 0};
		}
	}
	int positions = formats & ~(1u << FORMAT_DOT);
	if (graphs & GRAPH_COLLAB) {
		/* Every artist, before any export filter: written with the graph files when no filter
		 * will change the network, else now. */
		file_path(&path, dir, "rankings", "csv");
		jobs[n_jobs] = (struct write_job){FORMAT_COUNT, out_open(path.buf), &collab, 1};
		if (graph_filter_active(&cl.filter)) write_all(&jobs[n_jobs], 1, &wo);
		else n_jobs++;
	}
	if (graphs & GRAPH_CREDITS && positions) layout_compute(&credits, cl.layout, cl.metrics.seed);
	if (graphs & GRAPH_COLLAB) {
		graph_filter(&collab, &cl.filter);
		if (positions) layout_compute(&collab, cl.layout, cl.metrics.seed);
	}
	rc = write_all(jobs, n_jobs, &wo);
	stage_begin("flush and rename");
	if (rc) out_abort();
	else rc = out_commit();
	stage_end();
	if (!rc) summary(&ds, &st, &collab, dir, graphs, formats);

	if (graphs & GRAPH_CREDITS) graph_free(&credits);
	if (graphs & GRAPH_COLLAB) graph_free(&collab);
	dataset_free(&ds);
	command_line_free(&cl);
	sb_release(&path);
	return rc;
}
