/* credgraph stats: a portrait of the collaboration network: counts, components, density,
 * clustering, degree summary, the top artists per metric and the communities. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "commands.h"
#include "report.h"
#include "table.h"
#include "xalloc.h"

enum { GROUPS = WITH_METRICS, TOP = 10, MEMBERS = 4 };

static const char stats_usage[] =
	"usage: credgraph stats [<options>] <csv>...\n"
	"\n"
	"Counts, components and the largest one's share, density, clustering, degree assortativity,\n"
	"a degree summary, the top 10 artists per metric, and the communities with their\n"
	"best-known members (highest PageRank).\n"
	"\n"
	"  -h, --help                this help\n"
	"\n";

static const double *sort_values;

static int desc(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	double va = isnan(sort_values[a]) ? -INFINITY : sort_values[a], vb = isnan(sort_values[b]) ? -INFINITY : sort_values[b];
	if (va != vb) return va > vb ? -1 : 1;
	return (a > b) - (a < b);
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* Vertex order by a column, largest first (ties by first seen). */
static size_t *ranked(const struct kgraph *g, const struct attr_col *c, double *values)
{
	size_t *order = xmalloc(st_mult(g->n_vertices + 1, sizeof(size_t)));
	for (size_t v = 0; v < g->n_vertices; v++) {
		order[v] = v;
		values[v] = column_value(c, v);
	}
	sort_values = values;
	qsort(order, g->n_vertices, sizeof(*order), desc);
	return order;
}

static void figure(const char *name, double x)
{
	char num[32];
	table_number(num, x);
	printf("  %-22s %s\n", name, isfinite(x) ? num : "undefined");
}

static void degree_summary(const struct kgraph *g)
{
	const struct attr_col *deg = attrs_find(&g->v, "degree");
	size_t n = g->n_vertices;
	if (!deg || !n) return;
	double *d = xmalloc(st_mult(n, sizeof(double))), sum = 0;
	for (size_t v = 0; v < n; v++) sum += d[v] = (double)deg->i[v];
	qsort(d, n, sizeof(double), cmp_double);
	double median = n % 2 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
	char mean[32];
	table_number(mean, sum / (double)n);
	printf("  %-22s min %.0f, median %g, mean %s, 90th percentile %.0f, max %.0f\n", "degree", d[0], median, mean,
	       d[(size_t)(0.9 * (double)(n - 1))], d[n - 1]);
	free(d);
}

static void top_lists(const struct kgraph *g)
{
	static const char *const metrics[] = {"degree", "strength", "betweenness", "closeness", "harmonic",
	                                      "eigenvector", "pagerank", "coreness", NULL};
	const struct attr_col *label = attrs_find(&g->v, "label");
	double *values = xmalloc(st_mult(g->n_vertices + 1, sizeof(double)));
	for (size_t k = 0; metrics[k]; k++) {
		const struct attr_col *c = attrs_find(&g->v, metrics[k]);
		if (!c) continue;
		size_t *order = ranked(g, c, values);
		printf("\ntop %d by %s\n", TOP, metrics[k]);
		for (size_t i = 0; i < g->n_vertices && i < TOP; i++) {
			char num[32];
			table_number(num, values[order[i]]);
			printf("  %2zu. %s  %s\n", i + 1, label->s[order[i]], num);
		}
		free(order);
	}
	free(values);
}

static void communities(const struct kgraph *g, const struct graph_stats *st)
{
	const struct attr_col *comm = attrs_find(&g->v, "community");
	if (!comm) return;
	const struct attr_col *label = attrs_find(&g->v, "label");
	const struct attr_col *pr = attrs_find(&g->v, "pagerank");
	if (!pr) pr = attrs_find(&g->v, "credits");
	double *values = xmalloc(st_mult(g->n_vertices + 1, sizeof(double)));
	size_t *order = ranked(g, pr, values);
	size_t *size = xcalloc(st->communities + 2, sizeof(size_t));
	for (size_t v = 0; v < g->n_vertices; v++) size[comm->i[v]]++;
	printf("\ncommunities: %zu", st->communities);
	if (isfinite(st->modularity)) printf(" (Leiden, modularity %.4f)", st->modularity);
	printf("\n");
	for (size_t c = 1; c <= st->communities && c <= TOP; c++) {
		printf("  %2zu. %zu artist%s:", c, size[c], size[c] == 1 ? "" : "s");
		size_t shown = 0;
		for (size_t i = 0; i < g->n_vertices && shown < MEMBERS; i++)
			if ((size_t)comm->i[order[i]] == c) printf("%s %s", shown++ ? "," : "", label->s[order[i]]);
		if (size[c] > shown) printf(", ...");
		printf("\n");
	}
	if (st->communities > TOP) printf("  (%zu smaller communities)\n", st->communities - TOP);
	free(size);
	free(order);
	free(values);
}

int cmd_stats(int argc, char **argv)
{
	static const struct option own[] = {{NULL, 0, NULL, 0}};
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	int opt;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "qvh", opts, NULL)) != -1) {
		if (opt == 'h') usage_exit(stats_usage, 0, "stats", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(stats_usage, EXIT_USAGE, "stats", GROUPS);
	}
	free(opts);
	collect_inputs(&cl, argc, argv, "stats");
	cl.metrics.figures = 1;

	struct analysis a;
	int rc = analysis_run(&a, &cl, 0);
	if (!rc) {
		const struct dataset *ds = &a.ds;
		const struct graph_stats *st = &a.stats;
		printf("credits: %zu rows from %zu file%s (%zu used, %zu skipped, %zu duplicates, %zu filtered out)\n",
		       ds->rows_read, ds->credit_files, ds->credit_files == 1 ? "" : "s", ds->rows_used, ds->rows_skipped,
		       ds->rows_duplicate, ds->rows_filtered);
		printf("artists %zu, projects %zu, artist-project credits %zu\n\n", ds->n_artists, ds->n_projects, ds->n_links);
		printf("collaboration network\n");
		printf("  %-22s %zu (%zu without collaborators)\n", "artists", st->vertices, st->isolated);
		printf("  %-22s %zu\n", "collaborations", st->edges);
		printf("  %-22s %zu; the largest has %zu artists (%.1f%%)\n", "components", st->components, st->giant,
		       st->vertices ? 100.0 * (double)st->giant / (double)st->vertices : 0.0);
		figure("density", st->density);
		figure("transitivity", st->transitivity);
		figure("mean clustering", st->avg_clustering);
		figure("degree assortativity", st->assortativity);
		degree_summary(&a.collab);
		if (a.collab.note) printf("  note: %s\n", a.collab.note);
		top_lists(&a.collab);
		communities(&a.collab, st);
	}
	analysis_free(&a);
	command_line_free(&cl);
	return rc;
}
