#include "filter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edgelist.h"
#include "report.h"
#include "xalloc.h"

static void copy_column(struct attr_set *dst, const struct attr_col *src, const size_t *rows, size_t n)
{
	struct attr_col *d = attrs_add(dst, src->name, src->type);
	for (size_t r = 0; r < n; r++) {
		if (src->type == ATTR_STRING) d->s[r] = src->s[rows[r]];
		else if (src->type == ATTR_INT) d->i[r] = src->i[rows[r]];
		else d->d[r] = src->d[rows[r]];
	}
}

void graph_induced(const struct kgraph *g, const unsigned char *keep_v, const unsigned char *keep_e, struct kgraph *out)
{
	size_t *vrows = xmalloc(st_mult(g->n_vertices + 1, sizeof(size_t)));
	size_t *erows = xmalloc(st_mult(g->n_edges + 1, sizeof(size_t)));
	uint32_t *map = xmalloc(st_mult(g->n_vertices + 1, sizeof(uint32_t)));
	size_t nv = 0, ne = 0;
	for (size_t v = 0; v < g->n_vertices; v++) {
		map[v] = (uint32_t)nv;
		if (keep_v[v]) vrows[nv++] = v;
	}
	for (size_t e = 0; e < g->n_edges; e++)
		if ((!keep_e || keep_e[e]) && keep_v[g->from[e]] && keep_v[g->to[e]]) erows[ne++] = e;

	memset(out, 0, sizeof(*out));
	out->name = g->name;
	out->note = g->note;
	out->n_vertices = nv;
	out->n_edges = ne;
	out->vid = xmalloc(st_mult(nv + 1, sizeof(char *)));
	out->from = xmalloc(st_mult(ne + 1, sizeof(uint32_t)));
	out->to = xmalloc(st_mult(ne + 1, sizeof(uint32_t)));
	for (size_t v = 0; v < nv; v++) out->vid[v] = g->vid[vrows[v]];
	for (size_t e = 0; e < ne; e++) {
		out->from[e] = map[g->from[erows[e]]];
		out->to[e] = map[g->to[erows[e]]];
	}
	attrs_init(&out->v, nv);
	attrs_init(&out->e, ne);
	for (size_t c = 0; c < g->v.n_cols; c++) copy_column(&out->v, g->v.cols[c], vrows, nv);
	for (size_t c = 0; c < g->e.n_cols; c++) copy_column(&out->e, g->e.cols[c], erows, ne);
	free(vrows);
	free(erows);
	free(map);
}

static void replace(struct kgraph *g, const unsigned char *keep_v, const unsigned char *keep_e)
{
	struct kgraph sub;
	graph_induced(g, keep_v, keep_e, &sub);
	graph_free(g);
	*g = sub;
}

/* Serrano, Boguñá and Vespignani's disparity filter: for an edge of weight w at a vertex of
 * degree k > 1 and strength s, alpha = (1 - w/s)^(k-1) is the chance of so large a share under
 * uniform random weights; the edge is kept when either end finds it significant (alpha below
 * the threshold). The smaller alpha is stored as the edge's "disparity". O(E). */
static void backbone(struct kgraph *g, double threshold, unsigned char *keep_e)
{
	size_t n = g->n_vertices;
	const double *w = attrs_find(&g->e, "weight")->d;
	double *s = xmalloc(st_mult(n + 1, sizeof(double)));
	int64_t *k = xmalloc(st_mult(n + 1, sizeof(int64_t)));
	edgelist_degree_strength(n, g->n_edges, g->from, g->to, w, k, s);
	struct attr_col *col = attrs_add(&g->e, "disparity", ATTR_DOUBLE);
	for (size_t e = 0; e < g->n_edges; e++) {
		double alpha = 1;
		uint32_t ends[2] = {g->from[e], g->to[e]};
		for (int i = 0; i < 2; i++) {
			uint32_t v = ends[i];
			if (k[v] > 1) {
				double a = pow(1 - w[e] / s[v], (double)(k[v] - 1));
				if (a < alpha) alpha = a;
			}
		}
		col->d[e] = alpha;
		keep_e[e] = keep_e[e] && alpha < threshold;
	}
	free(s);
	free(k);
}

static const double *metric_values(const struct kgraph *g, const char *name, double *scratch)
{
	const struct attr_col *c = attrs_find(&g->v, name);
	if (!c) return NULL;
	if (c->type == ATTR_DOUBLE) return c->d;
	for (size_t v = 0; v < g->n_vertices; v++) scratch[v] = c->i[v] == ATTR_NO_INT ? NAN : (double)c->i[v];
	return scratch;
}

static const double *sort_values;

static int by_value_desc(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	double va = isnan(sort_values[a]) ? -INFINITY : sort_values[a];
	double vb = isnan(sort_values[b]) ? -INFINITY : sort_values[b];
	if (va != vb) return va > vb ? -1 : 1;
	return (a > b) - (a < b);
}

int graph_filter_active(const struct export_filter *f)
{
	return f->backbone > 0 || f->min_weight > 0 || f->top || f->giant;
}

void graph_filter(struct kgraph *g, const struct export_filter *f)
{
	size_t n = g->n_vertices;
	unsigned char *keep_v = xmalloc(n + 1), *keep_e = xmalloc(g->n_edges + 1);
	memset(keep_v, 1, n + 1);
	memset(keep_e, 1, g->n_edges + 1);
	int edges_filtered = 0;
	if (f->backbone > 0) {
		backbone(g, f->backbone, keep_e);
		edges_filtered = 1;
	}
	if (f->min_weight > 0) {
		const double *w = attrs_find(&g->e, "weight")->d;
		for (size_t e = 0; e < g->n_edges; e++) keep_e[e] = keep_e[e] && w[e] >= f->min_weight;
		edges_filtered = 1;
	}
	if (edges_filtered) {
		/* Artists left without any collaboration would only clutter the picture. */
		memset(keep_v, 0, n + 1);
		for (size_t e = 0; e < g->n_edges; e++)
			if (keep_e[e]) keep_v[g->from[e]] = keep_v[g->to[e]] = 1;
		replace(g, keep_v, keep_e);
		n = g->n_vertices;
	}
	if (f->top) {
		double *scratch = xmalloc(st_mult(n + 1, sizeof(double)));
		size_t *order = xmalloc(st_mult(n + 1, sizeof(size_t)));
		sort_values = metric_values(g, f->by, scratch);
		if (!sort_values) die(EXIT_USAGE, "--top needs --by %s to be computed (see --metrics)", f->by);
		for (size_t v = 0; v < n; v++) order[v] = v;
		qsort(order, n, sizeof(*order), by_value_desc);
		unsigned char *keep = xcalloc(n + 1, 1);
		for (size_t i = 0; i < n && i < f->top; i++) keep[order[i]] = 1;
		replace(g, keep, NULL);
		free(keep);
		free(order);
		free(scratch);
		n = g->n_vertices;
	}
	if (f->giant && n) {
		int64_t *memb = xmalloc(st_mult(n + 1, sizeof(int64_t)));
		size_t ncomp = edgelist_components(n, g->n_edges, g->from, g->to, memb), best = 0;
		size_t *size = xcalloc(ncomp + 1, sizeof(size_t));
		for (size_t v = 0; v < n; v++) size[memb[v]]++;
		/* The largest component; on a tie, the one holding the earliest vertex. */
		for (size_t c = 1; c < ncomp; c++)
			if (size[c] > size[best]) best = c;
		unsigned char *keep = xmalloc(n + 1);
		for (size_t v = 0; v < n; v++) keep[v] = (size_t)memb[v] == best;
		replace(g, keep, NULL);
		free(keep);
		free(size);
		free(memb);
	}
	free(keep_v);
	free(keep_e);
}
