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
#include "outfile.h"
#include "progress.h"
#include "report.h"
#include "writer.h"
#include "xalloc.h"

enum { GROUPS = WITH_METRICS | WITH_EXPORT };

static const char build_usage[] =
	"usage: credgraph build [<options>] <csv>... -o <dir>\n"
	"\n"
	"Read credit files and write, into <dir>:\n"
	"  credits.graphml, credits.dot  artists and projects, one edge per credit (roles, years, sources)\n"
	"  collab.graphml, collab.dot    artists, linked when they share a project (weight = shared projects)\n"
	"  rankings.csv                  one row per artist: projects, credits, degree, strength, PageRank\n"
	"All files are written, or none: earlier outputs stay intact on any error.\n"
	"\n"
	"  -o, --output <dir>        output directory (created if missing)\n"
	"  -h, --help                this help\n"
	"\n";

static const char *const files[] = {"credits.graphml", "credits.dot", "collab.graphml", "collab.dot", "rankings.csv"};
enum { N_FILES = sizeof files / sizeof files[0] };

static void ensure_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) die(EXIT_IO, "'%s' exists and is not a directory", dir);
		return;
	}
	if (mkdir(dir, 0777) != 0) die(EXIT_IO, "cannot create directory '%s': %s", dir, strerror(errno));
}

static void summary(const struct dataset *ds, const struct graph_stats *st,
                    const struct kgraph *collab, const char *dir)
{
	printf("input:         %zu file%s, rows %zu: used %zu, skipped %zu, duplicates %zu, filtered out %zu\n",
	       ds->n_inputs, ds->n_inputs == 1 ? "" : "s", ds->rows_read, ds->rows_used, ds->rows_skipped,
	       ds->rows_duplicate, ds->rows_filtered);
	printf("credits graph: artists %zu, projects %zu, credits (artist-project pairs) %zu\n", ds->n_artists,
	       ds->n_projects, ds->n_links);
	printf("collab graph:  artists %zu, collaborations %zu, without collaborators %zu, components %zu "
	       "(largest %zu)\n", st->vertices, st->edges, st->isolated, st->components, st->giant);
	if (collab->n_vertices != st->vertices || collab->n_edges != st->edges)
		printf("collab export: artists %zu, collaborations %zu after the export filters\n", collab->n_vertices,
		       collab->n_edges);
	if (st->estimated) printf("note: %s\n", collab->note);
	printf("warnings:      %lu", report_warning_count());
	if (escape_replaced_count()) printf(", characters replaced in output: %lu", escape_replaced_count());
	printf("\nwrote:         %s/{credits.graphml,credits.dot,collab.graphml,collab.dot,rankings.csv}\n", dir);
}

int cmd_build(int argc, char **argv)
{
	static const struct option own[] = {{"output", required_argument, NULL, 'o'}, {NULL, 0, NULL, 0}};
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	const char *dir = NULL;
	int opt;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "o:qvh", opts, NULL)) != -1) {
		if (opt == 'o') dir = optarg;
		else if (opt == 'h') usage_exit(build_usage, 0, "build", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(build_usage, EXIT_USAGE, "build", GROUPS);
	}
	free(opts);
	if (!dir) {
		error("build needs an output directory: -o <dir>");
		usage_exit(build_usage, EXIT_USAGE, "build", GROUPS);
	}
	collect_inputs(&cl, argc, argv, "build");

	struct strbuf path = STRBUF_INIT;
	sb_init(&path);
	for (size_t i = 0; i < N_FILES; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, files[i]);
		out_check_not_input(path.buf, cl.inputs, cl.n_inputs);
	}

	struct dataset ds;
	int rc = load_inputs(&cl, &ds);
	if (rc) {
		dataset_free(&ds);
		command_line_free(&cl);
		sb_release(&path);
		return rc;
	}
	struct kgraph credits, collab;
	graph_credits(&credits, &ds);
	graph_collab(&collab, &ds, cl.load.max_team);
	struct graph_stats st;
	metrics_compute(&collab, &cl.metrics, &st);
	metrics_credits(&credits, &cl.metrics);

	struct provenance prov = {cl.text.buf, ds.inputs, ds.n_inputs};
	struct write_opts wo = {&prov, cl.size_by};
	ensure_dir(dir);
	FILE *f[N_FILES];
	for (size_t i = 0; i < N_FILES; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir, files[i]);
		f[i] = out_open(path.buf);
	}
	stage_begin("write credits.graphml");
	write_graphml(f[0], &credits, &wo);
	stage_end();
	stage_begin("write credits.dot");
	write_dot(f[1], &credits, &wo);
	stage_end();
	stage_begin("write rankings.csv");
	write_rankings(f[4], &collab, &wo); /* every artist, before any export filter */
	stage_end();
	graph_filter(&collab, &cl.filter);
	stage_begin("write collab.graphml");
	write_graphml(f[2], &collab, &wo);
	stage_end();
	stage_begin("write collab.dot");
	write_dot(f[3], &collab, &wo);
	stage_end();
	stage_begin("flush and rename");
	rc = out_commit();
	stage_end();
	if (!rc) summary(&ds, &st, &collab, dir);

	graph_free(&credits);
	graph_free(&collab);
	dataset_free(&ds);
	command_line_free(&cl);
	sb_release(&path);
	return rc;
}
