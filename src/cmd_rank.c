/* credgraph rank: the most central artists (or projects) by one metric, with the others as
 * context, as an aligned table, CSV or JSON. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "commands.h"
#include "escape.h"
#include "outbuf.h"
#include "report.h"
#include "table.h"
#include "xalloc.h"

enum { GROUPS = WITH_METRICS };

static const char rank_usage[] =
	"usage: credgraph rank [--by <metric>] [--graph collab|credits] [--kind artist|project]\n"
	"                      [--top <n>] [--format table|csv|json] [<options>] <csv>...\n"
	"\n"
	"List the most central artists by a metric, with the other metrics as context.\n"
	"\n"
	"  --by <metric>             degree, strength, betweenness, closeness, harmonic, eigenvector,\n"
	"                            pagerank (default), coreness, credits or projects; on the credits\n"
	"                            graph: degree, pagerank or betweenness\n"
	"  --graph <name>            collab (default) or credits (artists and projects together)\n"
	"  --kind <kind>             on the credits graph: artist (default) or project\n"
	"  --top <n>                 how many rows (default 20)\n"
	"  --format <name>           table (default), csv or json\n"
	"  -h, --help                this help\n"
	"\n";

/* Context columns shown after the ranking metric, when the graph has them. */
static const char *const collab_context[] = {"projects", "degree", "strength", "betweenness", "closeness",
                                             "harmonic", "eigenvector", "pagerank", "coreness", "community", NULL};
static const char *const credits_context[] = {"type", "year", "credits", "degree", "pagerank", "betweenness", NULL};

static const double *sort_values;

static int by_metric(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	double va = sort_values[a], vb = sort_values[b];
	if (isnan(va) != isnan(vb)) return isnan(va) ? 1 : -1;
	if (!isnan(va) && va != vb) return va > vb ? -1 : 1;
	return (a > b) - (a < b);
}

static void print_value(struct outbuf *f, const struct attr_col *c, size_t v, int json)
{
	if (!attr_present(c, v)) {
		if (json) ob_puts(f, "null");
		return;
	}
	if (c->type == ATTR_STRING) {
		if (json) json_string(f, c->s[v]);
		else csv_field(f, c->s[v]);
	} else if (c->type == ATTR_INT) {
		ob_int(f, c->i[v]);
	} else {
		ob_double(f, c->d[v]);
	}
}

int cmd_rank(int argc, char **argv)
{
	enum { OPT_RBY = OPT_FIRST_COMMAND_OPTION, OPT_RGRAPH, OPT_KIND, OPT_RTOP, OPT_FORMAT };
	static const struct option own[] = {
		{"by", required_argument, NULL, OPT_RBY}, {"graph", required_argument, NULL, OPT_RGRAPH},
		{"kind", required_argument, NULL, OPT_KIND}, {"top", required_argument, NULL, OPT_RTOP},
		{"format", required_argument, NULL, OPT_FORMAT}, {NULL, 0, NULL, 0},
	};
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	const char *by = "pagerank", *graph = "collab", *kind = "artist", *format = "table";
	size_t top = 20;
	int opt;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "qvh", opts, NULL)) != -1) {
		if (opt == OPT_RBY) by = metric_arg(optarg, "--by");
		else if (opt == OPT_RGRAPH) graph = optarg;
		else if (opt == OPT_KIND) kind = optarg;
		else if (opt == OPT_RTOP) top = parse_count(optarg, "--top", 1, 4294967295ul);
		else if (opt == OPT_FORMAT) format = optarg;
		else if (opt == 'h') usage_exit(rank_usage, 0, "rank", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(rank_usage, EXIT_USAGE, "rank", GROUPS);
	}
	free(opts);
	int credits_graph = strcmp(graph, "credits") == 0;
	if (!credits_graph && strcmp(graph, "collab") != 0) die(EXIT_USAGE, "--graph takes collab or credits, not '%s'", graph);
	if (strcmp(kind, "artist") != 0 && strcmp(kind, "project") != 0)
		die(EXIT_USAGE, "--kind takes artist or project, not '%s'", kind);
	if (strcmp(kind, "project") == 0 && !credits_graph) die(EXIT_USAGE, "--kind project needs --graph credits");
	int json = strcmp(format, "json") == 0, csv = strcmp(format, "csv") == 0;
	if (!json && !csv && strcmp(format, "table") != 0) die(EXIT_USAGE, "--format takes table, csv or json, not '%s'", format);
	collect_inputs(&cl, argc, argv, "rank");

	struct analysis a;
	int rc = analysis_run(&a, &cl, credits_graph);
	if (rc) {
		analysis_free(&a);
		command_line_free(&cl);
		return rc;
	}
	const struct kgraph *g = credits_graph ? &a.credits : &a.collab;
	const struct attr_col *metric = attrs_find(&g->v, by);
	if (!metric) {
		error("metric '%s' is not available on the %s graph%s", by, graph,
		      credits_graph ? " (it has degree, pagerank and betweenness)" : " (see --metrics)");
		rc = EXIT_USAGE;
		goto out;
	}

	/* The candidates: every vertex of the wanted kind. */
	const struct attr_col *kind_col = attrs_find(&g->v, "kind");
	size_t *order = xmalloc(st_mult(g->n_vertices + 1, sizeof(size_t))), n = 0;
	double *values = xmalloc(st_mult(g->n_vertices + 1, sizeof(double)));
	for (size_t v = 0; v < g->n_vertices; v++) {
		values[v] = column_value(metric, v);
		if (!kind_col || strcmp(kind_col->s[v], kind) == 0) order[n++] = v;
	}
	sort_values = values;
	qsort(order, n, sizeof(*order), by_metric);
	if (n > top) n = top;

	const char *const *context = credits_graph ? credits_context : collab_context;
	const struct attr_col *cols[16];
	size_t n_cols = 0;
	cols[n_cols++] = metric;
	for (size_t k = 0; context[k]; k++) {
		const struct attr_col *c = attrs_find(&g->v, context[k]);
		if (c && c != metric) cols[n_cols++] = c;
	}
	const struct attr_col *label = attrs_find(&g->v, "label");

	struct outbuf *out = ob_open(stdout);
	if (json) {
		ob_puts(out, "[\n");
		for (size_t r = 0; r < n; r++) {
			size_t v = order[r];
			ob_printf(out, "  {\"rank\": %zu, \"id\": ", r + 1);
			json_string(out, g->vid[v]);
			ob_puts(out, ", \"name\": ");
			json_string(out, label->s[v]);
			for (size_t c = 0; c < n_cols; c++) {
				ob_printf(out, ", \"%s\": ", cols[c]->name);
				print_value(out, cols[c], v, 1);
			}
			if (g->note) {
				ob_puts(out, ", \"note\": ");
				json_string(out, g->note);
			}
			ob_printf(out, "}%s\n", r + 1 < n ? "," : "");
		}
		ob_puts(out, "]\n");
	} else if (csv) {
		ob_puts(out, "rank,id,name");
		for (size_t c = 0; c < n_cols; c++) ob_printf(out, ",%s", cols[c]->name);
		if (g->note) ob_puts(out, ",note"); /* estimates say so on every row */
		ob_putc(out, '\n');
		for (size_t r = 0; r < n; r++) {
			size_t v = order[r];
			ob_printf(out, "%zu,", r + 1);
			csv_field(out, g->vid[v]);
			ob_putc(out, ',');
			csv_field(out, label->s[v]);
			for (size_t c = 0; c < n_cols; c++) {
				ob_putc(out, ',');
				print_value(out, cols[c], v, 0);
			}
			if (g->note) {
				ob_putc(out, ',');
				csv_field(out, g->note);
			}
			ob_putc(out, '\n');
		}
	}
	ob_close(out);
	if (!json && !csv) {
		const char *head[18];
		int right[18];
		head[0] = "rank";
		right[0] = 1;
		head[1] = credits_graph ? kind : "artist";
		right[1] = 0;
		for (size_t c = 0; c < n_cols; c++) {
			head[c + 2] = cols[c]->name;
			right[c + 2] = cols[c]->type != ATTR_STRING;
		}
		struct table t;
		table_init(&t, n_cols + 2, head, right);
		char cells[18][32];
		const char *row[18];
		for (size_t r = 0; r < n; r++) {
			size_t v = order[r];
			snprintf(cells[0], 32, "%zu", r + 1);
			row[0] = cells[0];
			row[1] = label->s[v];
			for (size_t c = 0; c < n_cols; c++) {
				if (cols[c]->type == ATTR_STRING) row[c + 2] = cols[c]->s[v];
				else {
					table_number(cells[c + 2], column_value(cols[c], v));
					row[c + 2] = cells[c + 2];
				}
			}
			table_add(&t, row);
		}
		table_print(stdout, &t);
		table_free(&t);
		if (g->note) printf("note: %s\n", g->note);
	}
	if (n == 0) {
		error("nothing to rank");
		rc = EXIT_PROBLEMS;
	}
	free(order);
	free(values);
out:
	analysis_free(&a);
	command_line_free(&cl);
	return rc;
}
