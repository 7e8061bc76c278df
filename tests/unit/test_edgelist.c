/* The edge-list PageRank (edgelist_pagerank) against ranks worked out by hand, on networks
 * that take both of its ways: a cycle of 5,000 vertices (above 4096: the steps over all
 * vertices, on two threads) and small components solved alone (a pair, a chain of three, a
 * vertex without edges), together and without the cycle.
 *
 * With uniform teleport and a vertex without edges spreading its rank evenly, PageRank is the
 * solution y of y = (1 - d) / n + d P y divided by its sum (P moves rank along the edges only).
 * In y, a vertex of a cycle or of a pair holds 1 / n (its component holds |C| / n, evenly by
 * symmetry), one without edges (1 - d) / n, and in a chain a - b - c
 *   y_a = (1 - d) / n + d y_b / 2,  y_b = (1 - d) / n + 2 d y_a
 * so y_a = y_c = (1 + d / 2) / (n (1 + d)) and y_b = 3 / n - 2 y_a. Weights that are the same
 * on every edge of a component, or that alternate on an even cycle, change none of these. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edgelist.h"
#include "harness.h"

#define DAMPING 0.85
#define CYCLE 5000

struct net {
	size_t n, m;
	uint32_t from[CYCLE + 8], to[CYCLE + 8];
	double w[CYCLE + 8];
	double y[CYCLE + 8]; /* the solution worked out by hand, before dividing by its sum */
};

static void edge(struct net *g, uint32_t a, uint32_t b, double w)
{
	g->from[g->m] = a;
	g->to[g->m] = b;
	g->w[g->m++] = w;
}

/* A cycle of `cycle` vertices (none when 0), its weights alternating between 1 and `other`,
 * then a pair, a chain of three and a vertex without edges, weighted `weight`. */
static void build(struct net *g, size_t cycle, double other, double weight)
{
	g->m = 0;
	g->n = cycle + 6;
	double n = (double)g->n;
	for (size_t v = 0; v < cycle; v++) {
		edge(g, (uint32_t)v, (uint32_t)((v + 1) % cycle), v % 2 ? other : 1);
		g->y[v] = 1 / n;
	}
	uint32_t p = (uint32_t)cycle;
	edge(g, p, p + 1, weight);
	edge(g, p + 2, p + 3, weight);
	edge(g, p + 3, p + 4, weight);
	double leaf = (1 + DAMPING / 2) / (n * (1 + DAMPING));
	g->y[p] = g->y[p + 1] = 1 / n;
	g->y[p + 2] = g->y[p + 4] = leaf;
	g->y[p + 3] = 3 / n - 2 * leaf;
	g->y[p + 5] = (1 - DAMPING) / n;
}

/* Ranks within 1e-10 of the hand-worked ones, relative to each; the same bytes when the
 * caller numbers the components otherwise (here as metrics.c does, by size from 1, so that no
 * vertex has number 0), since each is solved on its own. */
static void check_ranks(const struct net *g, int weighted)
{
	int64_t *degree = malloc((g->n + 1) * sizeof(int64_t)), *components = malloc((g->n + 1) * sizeof(int64_t));
	double *strength = malloc((g->n + 1) * sizeof(double)), *rank = malloc((g->n + 1) * sizeof(double));
	double *again = malloc((g->n + 1) * sizeof(double));
	const double *w = weighted ? g->w : NULL;
	edgelist_degree_strength(g->n, g->m, g->from, g->to, w, degree, strength);
	edgelist_pagerank(g->n, g->m, g->from, g->to, w, strength, NULL, DAMPING, rank);
	double total = 0;
	for (size_t v = 0; v < g->n; v++) total += g->y[v];
	for (size_t v = 0; v < g->n; v++) {
		double want = g->y[v] / total;
		NEAR(rank[v], want, 1e-10 * want);
	}
	size_t count = edgelist_components(g->n, g->m, g->from, g->to, components);
	for (size_t v = 0; v < g->n; v++) components[v] = (int64_t)count - components[v];
	edgelist_pagerank(g->n, g->m, g->from, g->to, w, strength, components, DAMPING, again);
	CHECK(memcmp(rank, again, g->n * sizeof(double)) == 0);
	free(degree);
	free(components);
	free(strength);
	free(rank);
	free(again);
}

int main(void)
{
	static struct net g;
	for (int weighted = 0; weighted < 2; weighted++) {
		build(&g, CYCLE, 1, 1); /* one large component and small ones */
		check_ranks(&g, weighted);
		build(&g, 0, 1, 1); /* only small ones: no steps over all vertices */
		check_ranks(&g, weighted);
	}
	/* Weights other than 1, which the iteration keeps in lists of their own. */
	build(&g, CYCLE, 2, 3);
	check_ranks(&g, 1);
	build(&g, 0, 1, 2.5);
	check_ranks(&g, 1);
	/* A single vertex, and vertices without edges only. */
	double one = 1, rank[3];
	edgelist_pagerank(1, 0, NULL, NULL, NULL, (double[]){0}, NULL, DAMPING, rank);
	NEAR(rank[0], one, 1e-15);
	edgelist_pagerank(3, 0, NULL, NULL, NULL, (double[]){0, 0, 0}, NULL, DAMPING, rank);
	for (int v = 0; v < 3; v++) NEAR(rank[v], one / 3, 1e-15);
	return harness_finish("edgelist");
}
