#include "edgelist.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include "xalloc.h"

void edgelist_degree_strength(size_t n, size_t m, const uint32_t *from, const uint32_t *to, const double *w,
                              int64_t *degree, double *strength)
{
	memset(degree, 0, n * sizeof(*degree));
	for (size_t v = 0; v < n; v++) strength[v] = 0;
	for (size_t e = 0; e < m; e++) {
		double x = w ? w[e] : 1;
		degree[from[e]]++;
		degree[to[e]]++;
		strength[from[e]] += x;
		strength[to[e]] += x;
	}
}

static uint32_t find_root(uint32_t *parent, uint32_t v)
{
	while (parent[v] != v) {
		parent[v] = parent[parent[v]];
		v = parent[v];
	}
	return v;
}

size_t edgelist_components(size_t n, size_t m, const uint32_t *from, const uint32_t *to, int64_t *membership)
{
	uint32_t *parent = xmalloc(st_mult(n + 1, sizeof(uint32_t)));
	for (size_t v = 0; v < n; v++) parent[v] = (uint32_t)v;
	for (size_t e = 0; e < m; e++) {
		uint32_t a = find_root(parent, from[e]), b = find_root(parent, to[e]);
		/* The lower vertex stays the root: a component's root is its lowest vertex. */
		if (a < b) parent[b] = a;
		else if (b < a) parent[a] = b;
	}
	size_t count = 0;
	for (size_t v = 0; v < n; v++) {
		uint32_t r = find_root(parent, (uint32_t)v);
		membership[v] = r == v ? (int64_t)count++ : membership[r];
	}
	free(parent);
	return count;
}

/* One half of the edges pushing rank shares into its own accumulator. */
struct push {
	size_t lo, hi;
	const uint32_t *from, *to;
	const double *w, *share;
	double *into;
};

static void *push_shares(void *arg)
{
	const struct push *p = arg;
	for (size_t e = p->lo; e < p->hi; e++) {
		double x = p->w ? p->w[e] : 1;
		p->into[p->to[e]] += x * p->share[p->from[e]];
		p->into[p->from[e]] += x * p->share[p->to[e]];
	}
	return NULL;
}

void edgelist_pagerank(size_t n, size_t m, const uint32_t *from, const uint32_t *to, const double *w,
                       const double *strength, double damping, double *rank)
{
	if (!n) return;
	double *share = xmalloc(st_mult(n, sizeof(double))); /* damping * rank / strength */
	double *spare = xmalloc(st_mult(n, sizeof(double)));
	double *second = xmalloc(st_mult(n, sizeof(double)));
	double *cur = rank, *next = spare;
	for (size_t v = 0; v < n; v++) cur[v] = 1.0 / (double)n;
	for (int step = 0; step < 10000; step++) {
		double dangling = 0;
		for (size_t v = 0; v < n; v++) {
			if (strength[v] > 0) share[v] = damping * cur[v] / strength[v];
			else share[v] = 0, dangling += cur[v];
		}
		double base = ((1 - damping) + damping * dangling) / (double)n;
		for (size_t v = 0; v < n; v++) next[v] = base, second[v] = 0;
		/* The edges' pushes are memory-bound random writes: the two halves go to two cores.
		 * They always add up as next + second, so the result never depends on the cores. */
		struct push half[2] = {{0, m / 2, from, to, w, share, next}, {m / 2, m, from, to, w, share, second}};
		pthread_t helper;
		int threaded = pthread_create(&helper, NULL, push_shares, &half[1]) == 0;
		push_shares(&half[0]);
		if (threaded) pthread_join(helper, NULL);
		else push_shares(&half[1]);
		double total = 0, moved = 0;
		for (size_t v = 0; v < n; v++) next[v] += second[v], total += next[v];
		for (size_t v = 0; v < n; v++) {
			next[v] /= total;
			moved += fabs(next[v] - cur[v]);
		}
		double *t = cur;
		cur = next;
		next = t;
		if (moved < 1e-12) break;
	}
	if (cur != rank) memcpy(rank, cur, n * sizeof(double));
	free(share);
	free(spare);
	free(second);
}
