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

/* PageRank by pulling. Pushing each edge's two shares into per-thread accumulators is random
 * read-modify-writes on three vertex arrays; here the edges' ends are laid out once as adjacency
 * lists (counting sort: O(V + E) time, freed on return) and each step computes
 *   next[v] = base + sum over v's neighbours u of w(u, v) * share[u]
 * reading the lists in order, writing next[] in order and only reading share[] at random:
 * O(V + E) a step, with no accumulators to clear and add.
 *  - An end of an edge of weight 1 is kept without its weight, in 4 bytes (collaborations are
 *    mostly single projects, and unweighted graphs have only these); the others take 12.
 *  - Above 2^18 vertices, a vertex's neighbours are kept apart by block of 2^18 vertices, whose
 *    shares (2 MB) stay in a core's cache while a step reads the lists of that block. Only
 *    where the lists hold 8 ends on average, so that the starts of V lists a block cost less
 *    than the ends (and a step is O(V + E)). It gains little where the shares fit in the last
 *    level cache: on 10M credit rows (1.15M vertices, 9 MB of shares, 5 blocks) the steps took
 *    8.47-8.63 s against 8.72-9.01 s in one block, three runs each (93 steps, before the
 *    components were solved apart), and building the lists 0.1 s longer; blocks of 2^17 and
 *    2^16 vertices (past the 8-end rule) were slower, 9.6-10.0 and 13.1-13.7 s, two runs each.
 *  - Each component is solved on its own. A vertex without edges spreads its rank evenly, as
 *    teleport does, so the ranks are proportional to the solution of x = (1 - d) / n + d * P x
 *    where P moves rank along the edges only (d is the damping): they are that solution
 *    divided by its sum. In that system a component C with edges holds |C| / n whatever they
 *    are: started there, each component's ranks converge on their own, with no normalising
 *    between steps. This matters because the ranks' change falls as slowly as d^k only in
 *    components whose random walk has an eigenvalue near -1 (or near 1 besides its stationary
 *    one), such as a path of three artists, and those are small: on 10M credit rows, iterated
 *    all together, the largest component (1.14M of 1.15M vertices) had moved by 1e-15 at the
 *    80th step while 9,142 small ones held the whole change and took 93 steps. So the steps
 *    over all vertices stop when the components above SMALL_COMPONENT vertices have moved by
 *    less than TOLERANCE times the rank they hold (58 steps there), and then each smaller
 *    one is iterated alone until it has too, in cache (2 ms there). Together the components'
 *    last steps move the ranks by less than TOLERANCE, the bound of iterating all together.
 *  - The vertices are cut in two ranges of about equal work, one per thread, and a thread
 *    writes only its range. Every vertex's sum goes through its lists in a fixed order (the
 *    weight-1 ends, then the others; block after block; each in the edges' order) and a
 *    step's total movement is the first range's partial sum plus the second's, so the ranks
 *    are the same bytes whatever the threads' timing, and when no thread could be started. */
#define BLOCK_SHIFT 18
#define SMALL_COMPONENT 4096
#define TOLERANCE 1e-12

struct adjacency {
	size_t blocks; /* 0 when there are no ends */
	size_t *off;   /* v's neighbours in block b are adj[off[b * n + v] .. off[b * n + v + 1]) */
	uint32_t *adj;
	double *w; /* their edges' weights; NULL: all 1 */
};

struct pr {
	size_t n;
	struct adjacency unit, weighted;
	const double *strength;
	double damping, base;
	double *share; /* damping * rank / strength; 0 for a vertex without edges */
	double *rank, *spare;
	const unsigned char *small; /* small[v]: v's component is solved on its own afterwards */
	size_t cut[3];              /* the two ranges: [cut[0], cut[1]) and [cut[1], cut[2]) */
	double moved[2];            /* each range's |next - cur| over the vertices not small */
	double big_tolerance;       /* TOLERANCE times the rank of the components not small */
	int threaded;
	pthread_barrier_t barrier;
	double *result;
};

/* Where the end of an edge u-v at v goes: v's list of neighbours in u's block. */
static inline size_t adjacency_key(const struct adjacency *a, size_t n, uint32_t u, uint32_t v)
{
	return (a->blocks > 1 ? (size_t)(u >> BLOCK_SHIFT) * n : 0) + v;
}

/* Counting sort of the edges' ends into the two adjacencies (weight 1, other weights), each
 * list in the edges' order. */
static void adjacency_build(struct pr *p, size_t m, const uint32_t *from, const uint32_t *to, const double *w)
{
	size_t n = p->n, weighted = 0;
	for (size_t e = 0; w && e < m; e++) weighted += w[e] != 1;
	size_t ends[2] = {2 * (m - weighted), 2 * weighted};
	struct adjacency *to_adj[2] = {&p->unit, &p->weighted};
	for (int i = 0; i < 2; i++) {
		struct adjacency *a = to_adj[i];
		if (!ends[i]) {
			*a = (struct adjacency){0};
			continue;
		}
		a->blocks = ((n - 1) >> BLOCK_SHIFT) + 1;
		if (ends[i] / a->blocks / n < 8) a->blocks = 1;
		a->off = xcalloc(a->blocks * n + 1, sizeof(size_t));
		a->adj = xmalloc(st_mult(ends[i], sizeof(uint32_t)));
		a->w = i ? xmalloc(st_mult(ends[i], sizeof(double))) : NULL;
	}
	/* The lists' lengths, then their prefix sums: off[k] is where list k starts. */
	for (size_t e = 0; e < m; e++) {
		struct adjacency *a = to_adj[w && w[e] != 1];
		a->off[adjacency_key(a, n, from[e], to[e]) + 1]++;
		a->off[adjacency_key(a, n, to[e], from[e]) + 1]++;
	}
	for (int i = 0; i < 2; i++)
		for (size_t k = 0, lists = to_adj[i]->blocks * n; k < lists; k++) to_adj[i]->off[k + 1] += to_adj[i]->off[k];
	/* Each end at off[k], which moves on: at the end off[k] is where list k ends. The ends at
	 * to[e] land at random, which is most of this loop's time: the off[] entry of the edge 32
	 * ahead and the adj[] place of the edge 16 ahead are fetched early (about halves it). */
	for (size_t e = 0; e < m; e++) {
		if (e + 32 < m) {
			const struct adjacency *ahead = to_adj[w && w[e + 32] != 1];
			__builtin_prefetch(&ahead->off[adjacency_key(ahead, n, from[e + 32], to[e + 32])], 1);
			ahead = to_adj[w && w[e + 16] != 1];
			__builtin_prefetch(&ahead->adj[ahead->off[adjacency_key(ahead, n, from[e + 16], to[e + 16])]], 1);
		}
		int i = w && w[e] != 1;
		struct adjacency *a = to_adj[i];
		size_t x = a->off[adjacency_key(a, n, from[e], to[e])]++;
		size_t y = a->off[adjacency_key(a, n, to[e], from[e])]++;
		a->adj[x] = from[e];
		a->adj[y] = to[e];
		if (i) a->w[x] = a->w[y] = w[e];
	}
	/* Shifted by one, off[k] is list k's start again. */
	for (int i = 0; i < 2; i++) {
		struct adjacency *a = to_adj[i];
		if (!a->blocks) continue;
		memmove(a->off + 1, a->off, a->blocks * n * sizeof(size_t));
		a->off[0] = 0;
	}
}

/* Adds to next[v], v in [lo, hi), the shares from its neighbours in a, block after block (the
 * first block sets next[v] to base plus them when `first`). Two accumulators, even and odd
 * ends, so that consecutive additions do not wait for each other (in a fixed order all the
 * same). */
static void pr_pull_from(const struct adjacency *a, const double *share, size_t n, size_t lo, size_t hi,
                         int first, double base, double *next)
{
	const uint32_t *adj = a->adj;
	const double *w = a->w;
	for (size_t b = 0; b < a->blocks; b++) {
		const size_t *off = a->off + b * n;
		for (size_t v = lo; v < hi; v++) {
			size_t k = off[v], end = off[v + 1];
			double s0 = 0, s1 = 0;
			if (w) {
				for (; k + 1 < end; k += 2) {
					s0 += w[k] * share[adj[k]];
					s1 += w[k + 1] * share[adj[k + 1]];
				}
				if (k < end) s0 += w[k] * share[adj[k]];
			} else {
				for (; k + 1 < end; k += 2) {
					s0 += share[adj[k]];
					s1 += share[adj[k + 1]];
				}
				if (k < end) s0 += share[adj[k]];
			}
			next[v] = (first && !b ? base : next[v]) + (s0 + s1);
		}
	}
}

/* next[v] for v in [lo, hi): base plus the shares from its neighbours by an edge of weight 1,
 * then those by the others. */
static void pr_pull(const struct pr *p, size_t lo, size_t hi, double *next)
{
	if (!p->unit.blocks && !p->weighted.blocks)
		for (size_t v = lo; v < hi; v++) next[v] = p->base;
	pr_pull_from(&p->unit, p->share, p->n, lo, hi, 1, p->base, next);
	pr_pull_from(&p->weighted, p->share, p->n, lo, hi, !p->unit.blocks, p->base, next);
}

/* v's share of its rank x for the next step. */
static inline void pr_set_share(struct pr *p, size_t v, double x)
{
	p->share[v] = p->strength[v] > 0 ? p->damping * x / p->strength[v] : 0;
}

/* Sets the shares from next[] in [lo, hi) and returns how far next[] moved from cur[] there,
 * over the vertices not in a small component. */
static double pr_settle(struct pr *p, size_t lo, size_t hi, const double *cur, const double *next)
{
	double moved = 0;
	for (size_t v = lo; v < hi; v++) {
		if (!p->small[v]) moved += fabs(next[v] - cur[v]);
		pr_set_share(p, v, next[v]);
	}
	return moved;
}

static void pr_wait(struct pr *p)
{
	if (p->threaded) pthread_barrier_wait(&p->barrier);
}

/* The steps over all vertices as run by thread `half` (0 or 1) on its range, or by the only
 * thread on both ranges (half -1). Both threads take the decision to stop from the same
 * partial sums added in the same order, so they agree on it without telling each other. Each
 * barrier separates writing an array from reading it in the other thread: share[] between a
 * step's pulling and settling, share[] and the partial sums between settling and the next
 * step (next[] is read and written in a thread's own range only). */
static void pr_iterate(struct pr *p, int half)
{
	int h0 = half < 0 ? 0 : half, h1 = half < 0 ? 2 : half + 1;
	double *cur = p->rank, *next = p->spare;
	int step = 0;
	while (step++ < 10000) {
		for (int h = h0; h < h1; h++) pr_pull(p, p->cut[h], p->cut[h + 1], next);
		pr_wait(p);
		for (int h = h0; h < h1; h++) p->moved[h] = pr_settle(p, p->cut[h], p->cut[h + 1], cur, next);
		pr_wait(p);
		double moved = p->moved[0] + p->moved[1];
		double *t = cur;
		cur = next;
		next = t;
		if (moved < p->big_tolerance) break;
	}
	if (half <= 0) p->result = cur;
}

/* Iterates the small components one at a time, each until it moves by less than TOLERANCE
 * times the rank it holds (|C| / n): x holds the ranks, scratch is free. vertices lists them
 * component after component, component c's in [start[c], start[c + 1]). O(steps * (V + E))
 * of each, in cache. */
static void pr_solve_small(struct pr *p, double *x, double *scratch, const uint32_t *vertices,
                           const size_t *start, size_t components)
{
	for (size_t c = 0; c < components; c++) {
		const uint32_t *vs = vertices + start[c], *end = vertices + start[c + 1];
		double tolerance = TOLERANCE * (double)(end - vs) / (double)p->n;
		for (int step = 0; step++ < 10000;) {
			for (const uint32_t *v = vs; v < end; v++) pr_pull(p, *v, (size_t)*v + 1, scratch);
			double moved = 0;
			for (const uint32_t *v = vs; v < end; v++) {
				moved += fabs(scratch[*v] - x[*v]);
				x[*v] = scratch[*v];
				pr_set_share(p, *v, x[*v]);
			}
			if (moved < tolerance) break;
		}
	}
}

/* The ends before vertex v in a, over every block. */
static size_t ends_before(const struct adjacency *a, size_t n, size_t v)
{
	size_t ends = 0;
	for (size_t b = 0; b < a->blocks; b++) ends += a->off[b * n + v] - a->off[b * n];
	return ends;
}

static size_t pr_work(const struct pr *p, size_t v)
{
	return ends_before(&p->unit, p->n, v) + 3 * ends_before(&p->weighted, p->n, v) + v;
}

static void *pr_helper(void *arg)
{
	pr_iterate(arg, 1);
	return NULL;
}

/* Marks the vertices of components of at most SMALL_COMPONENT vertices in small[] and lists
 * them, component after component in the order of their numbers in `membership`, into
 * *vertices (start[] as for pr_solve_small, allocated here). Returns the number of small
 * components. Two counting passes: O(V). */
static size_t small_components(size_t n, const int64_t *membership, unsigned char *small, uint32_t **vertices,
                               size_t **start)
{
	size_t count = 0;
	for (size_t v = 0; v < n; v++)
		if ((size_t)membership[v] + 1 > count) count = (size_t)membership[v] + 1;
	size_t *size = xcalloc(count + 1, sizeof(size_t));
	for (size_t v = 0; v < n; v++) size[membership[v]]++;
	/* Component c's place among the small ones, in size[c]: SIZE_MAX if it is not small. */
	size_t smalls = 0, listed = 0;
	for (size_t c = 0; c < count; c++) {
		if (!size[c] || size[c] > SMALL_COMPONENT) { /* a number no vertex has, or a large one */
			size[c] = SIZE_MAX;
			continue;
		}
		listed += size[c];
		size[c] = smalls++;
	}
	*start = xcalloc(smalls + 1, sizeof(size_t));
	*vertices = xmalloc(st_mult(listed + 1, sizeof(uint32_t)));
	for (size_t v = 0; v < n; v++) {
		small[v] = size[membership[v]] != SIZE_MAX;
		if (small[v]) (*start)[size[membership[v]] + 1]++;
	}
	for (size_t c = 0; c < smalls; c++) (*start)[c + 1] += (*start)[c];
	size_t *at = xmalloc(st_mult(smalls + 1, sizeof(size_t)));
	memcpy(at, *start, (smalls + 1) * sizeof(size_t));
	for (size_t v = 0; v < n; v++)
		if (small[v]) (*vertices)[at[size[membership[v]]]++] = (uint32_t)v;
	free(at);
	free(size);
	return smalls;
}

void edgelist_pagerank(size_t n, size_t m, const uint32_t *from, const uint32_t *to, const double *w,
                       const double *strength, const int64_t *components, double damping, double *rank)
{
	if (!n) return;
	int64_t *own = NULL; /* the components when the caller has none (union-find, near O(V + E)) */
	if (!components) {
		own = xmalloc(st_mult(n + 1, sizeof(int64_t)));
		edgelist_components(n, m, from, to, own);
	}
	unsigned char *small = xmalloc(n);
	uint32_t *small_vertices;
	size_t *small_start, smalls = small_components(n, components ? components : own, small, &small_vertices,
	                                               &small_start);
	free(own);
	struct pr p = {.n = n, .strength = strength, .damping = damping, .rank = rank, .small = small};
	adjacency_build(&p, m, from, to, w);
	p.share = xmalloc(st_mult(n, sizeof(double)));
	p.spare = xmalloc(st_mult(n, sizeof(double)));
	/* The cut: the first vertex where the work before it (its ends, a weighted end counting
	 * thrice, and the vertices) reaches half of all. */
	size_t lo = 0, hi = n, half = pr_work(&p, n) / 2;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pr_work(&p, mid) < half) lo = mid + 1;
		else hi = mid;
	}
	p.cut[0] = 0, p.cut[1] = lo, p.cut[2] = n;
	p.big_tolerance = TOLERANCE * (double)(n - small_start[smalls]) / (double)n;
	/* The start: each component's share of the rank, spread evenly (see above). */
	p.base = (1 - damping) / (double)n;
	for (size_t v = 0; v < n; v++) {
		rank[v] = strength[v] > 0 ? 1 / (double)n : p.base;
		pr_set_share(&p, v, rank[v]);
	}

	/* The steps over all vertices, unless every component is small: then nothing would stop
	 * them before the cap (no vertex to move, a tolerance of 0). */
	p.result = rank;
	if (small_start[smalls] < n) {
		pthread_t helper;
		p.threaded = n > 1 && pthread_barrier_init(&p.barrier, NULL, 2) == 0;
		if (p.threaded && pthread_create(&helper, NULL, pr_helper, &p) != 0) {
			pthread_barrier_destroy(&p.barrier);
			p.threaded = 0;
		}
		pr_iterate(&p, p.threaded ? 0 : -1);
		if (p.threaded) {
			pthread_join(helper, NULL);
			pthread_barrier_destroy(&p.barrier);
		}
	}
	pr_solve_small(&p, p.result, p.result == rank ? p.spare : rank, small_vertices, small_start, smalls);
	/* Divided by their sum, which stands for the rank spread by the vertices without edges
	 * (and for rounding). */
	double total = 0;
	for (size_t v = 0; v < n; v++) total += p.result[v];
	for (size_t v = 0; v < n; v++) rank[v] = p.result[v] / total;
	free(p.share);
	free(p.spare);
	free(small);
	free(small_vertices);
	free(small_start);
	for (int i = 0; i < 2; i++) {
		struct adjacency *a = i ? &p.weighted : &p.unit;
		free(a->off);
		free(a->adj);
		free(a->w);
	}
}
