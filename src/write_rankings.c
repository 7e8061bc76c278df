/* rankings.csv: one row per artist, most central first (PageRank, then name, then id, so the
 * order is total and stable), with every metric column of the collaboration graph.
 * O(V log V). */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "outbuf.h"
#include "writer.h"
#include "xalloc.h"

/* The columns of the table, in order, when the graph has them (attribute-table columns such
 * as a biography stay in the graph files). */
static const char *const columns[] = {
	"projects", "credits", "first_year", "last_year", "degree", "strength", "betweenness", "closeness",
	"harmonic", "eigenvector", "pagerank", "coreness", "community", "component", NULL,
};

static const struct kgraph *sort_graph;

/* Rows gathered at a time: their values (16 columns at most, 8 bytes each) stay in a core's
 * cache. */
#define GATHER_ROWS 1024

union value {
	const char *s;
	int64_t i;
	double d;
};

struct ranked {
	double key; /* PageRank, or degree when PageRank was not computed */
	size_t v;
};

/* The key at 12 significant digits: values equal up to floating-point noise tie, and the tie
 * is broken by name rather than by the last bits of the solver's arithmetic. */
static double rounded(double x)
{
	char num[40];
	snprintf(num, sizeof num, "%.12g", x);
	return strtod(num, NULL);
}

/* Keys more than 1e-10 apart (relative) round to different 12-digit values in the same order,
 * since each moves by at most half a unit of the 12th digit (5e-12 relative), and equal keys
 * round alike: only other keys are rounded, which saves a snprintf and a strtod per artist
 * (degrees tie often: on 10M rows ranked by degree the table took 6.9 s rounding every tie,
 * 1.6 s so; 1M rows: 0.48 s and 0.07 s). */
static int by_rank(const void *x, const void *y)
{
	const struct ranked *p = x, *q = y;
	double a = p->key, b = q->key, big = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
	if (fabs(a - b) > 1e-10 * big) return a > b ? -1 : 1;
	if (a != b) {
		a = rounded(a);
		b = rounded(b);
		if (a != b) return a > b ? -1 : 1;
	}
	const struct attr_col *label = sort_graph->v.cols[0];
	int c = strcmp(label->s[p->v], label->s[q->v]);
	if (c) return c;
	return strcmp(sort_graph->vid[p->v], sort_graph->vid[q->v]);
}

int write_rankings(FILE *file, const struct kgraph *g, const struct write_opts *o)
{
	struct outbuf *f = ob_open(file);
	(void)o;
	size_t n = g->n_vertices;
	struct ranked *order = xmalloc(st_mult(n + 1, sizeof(*order)));
	/* Most central first by PageRank, or by degree when PageRank was not computed. */
	const struct attr_col *pr = attrs_find(&g->v, "pagerank");
	const struct attr_col *deg = attrs_find(&g->v, "degree");
	for (size_t v = 0; v < n; v++) order[v] = (struct ranked){pr ? pr->d[v] : deg ? (double)deg->i[v] : 0.0, v};
	sort_graph = g;
	qsort(order, n, sizeof(*order), by_rank);

	const struct attr_col *cols[sizeof columns / sizeof columns[0]];
	size_t n_cols = 0;
	ob_puts(f, "rank,id,artist");
	for (size_t k = 0; columns[k]; k++) {
		if (!(cols[n_cols] = attrs_find(&g->v, columns[k]))) continue;
		ob_printf(f, ",%s", columns[k]);
		n_cols++;
	}
	/* A CSV has no metadata: when path metrics are estimates, every row says so. */
	if (g->note) ob_puts(f, ",note");
	ob_putc(f, '\n');
	/* Rows go out in rank order, so each reads its artist's values at random, from as many
	 * arrays as there are columns. Read so, row by row, the rows took 1.21-1.35 s at 10M credit
	 * rows (1.15M artists), and 0.31-0.51 s in vertex order (a test build, two runs each);
	 * prefetching each row's values a few rows ahead gained nothing. So a block of rows is
	 * gathered column by column first, the random reads staying within one array at a time:
	 * the whole file then took 1.03-1.16 s against 1.63-1.66 s, sort included. */
	union value *vals = xmalloc(st_mult((2 + n_cols) * GATHER_ROWS, sizeof(*vals)));
	unsigned char *present = xmalloc(n_cols * GATHER_ROWS + 1);
	for (size_t r0 = 0; r0 < n; r0 += GATHER_ROWS) {
		size_t rows = n - r0 < GATHER_ROWS ? n - r0 : GATHER_ROWS;
		for (size_t i = 0; i < rows; i++) vals[i].s = g->vid[order[r0 + i].v];
		for (size_t i = 0; i < rows; i++) vals[GATHER_ROWS + i].s = g->v.cols[0]->s[order[r0 + i].v];
		for (size_t c = 0; c < n_cols; c++) {
			union value *col_vals = vals + (2 + c) * GATHER_ROWS;
			unsigned char *col_present = present + c * GATHER_ROWS;
			for (size_t i = 0; i < rows; i++) {
				size_t v = order[r0 + i].v;
				col_present[i] = (unsigned char)attr_present(cols[c], v);
				if (cols[c]->type == ATTR_STRING) col_vals[i].s = cols[c]->s[v];
				else if (cols[c]->type == ATTR_INT) col_vals[i].i = cols[c]->i[v];
				else col_vals[i].d = cols[c]->d[v];
			}
		}
		for (size_t i = 0; i < rows; i++) {
			ob_int(f, (int64_t)(r0 + i + 1));
			ob_putc(f, ',');
			csv_field(f, vals[i].s);
			ob_putc(f, ',');
			csv_field(f, vals[GATHER_ROWS + i].s);
			for (size_t c = 0; c < n_cols; c++) {
				const union value *x = &vals[(2 + c) * GATHER_ROWS + i];
				ob_putc(f, ',');
				if (!present[c * GATHER_ROWS + i]) continue;
				if (cols[c]->type == ATTR_STRING) csv_field(f, x->s);
				else if (cols[c]->type == ATTR_INT) ob_int(f, x->i);
				else ob_double(f, x->d);
			}
			if (g->note) {
				ob_putc(f, ',');
				csv_field(f, g->note);
			}
			ob_putc(f, '\n');
		}
	}
	free(vals);
	free(present);
	free(order);
	ob_close(f);
	return 0;
}
