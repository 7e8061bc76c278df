#include "metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edgelist.h"
#include "igraph_glue.h"
#include "progress.h"
#include "report.h"
#include "sidejob.h"
#include "strbuf.h"
#include "xalloc.h"

static const char *const names[M_COUNT] = {
	"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
	"coreness", "community", "component",
};

enum { PATH_METRICS = 1u << M_BETWEENNESS | 1u << M_CLOSENESS | 1u << M_HARMONIC };

void metric_opts_init(struct metric_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->mask = (1u << M_COUNT) - 1;
	o->seed = 1;
	o->samples = 256;
	/* Exact betweenness, closeness and harmonic cost about V * E steps on the largest component.
	 * Measured here: 3.75e9 steps took 70 s (betweenness) and 104 s (all three), about 3.6e7
	 * steps a second; the seeded estimator takes over past 3e8 (about 8 s). See README. */
	o->exact_work_limit = 3e8;
}

const char *metric_name(enum metric m)
{
	return names[m];
}

int metric_by_name(const char *name)
{
	for (int m = 0; m < M_COUNT; m++)
		if (strcmp(name, names[m]) == 0) return m;
	return -1;
}

int metric_parse_list(struct metric_opts *o, const char *list)
{
	unsigned mask = 0;
	while (*list) {
		size_t len = strcspn(list, ",");
		char name[32];
		if (len == 3 && strncmp(list, "all", 3) == 0) mask = (1u << M_COUNT) - 1;
		else {
			int m = len < sizeof name ? (memcpy(name, list, len), name[len] = '\0', metric_by_name(name)) : -1;
			if (m < 0) return error("unknown metric '%.*s' (known: all, degree, strength, betweenness, closeness, "
			                        "harmonic, eigenvector, pagerank, coreness, community, component)", (int)len, list);
			mask |= 1u << m;
		}
		list += len + (list[len] == ',');
	}
	o->mask = mask;
	return 0;
}

static struct attr_col *double_col(struct kgraph *g, enum metric m)
{
	return attrs_add(&g->v, names[m], ATTR_DOUBLE);
}

static void store_vector(struct attr_col *c, const igraph_vector_t *v)
{
	for (igraph_integer_t i = 0; i < igraph_vector_size(v); i++)
		c->d[i] = isfinite(VECTOR(*v)[i]) ? VECTOR(*v)[i] : NAN;
}

/* splitmix64: a fixed, seeded generator for choosing sample sources, so that the choice does
 * not depend on what else consumed igraph's generator. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A graph over the vertices with keep[v], renumbered in order, with weights carried along. */
struct subgraph {
	igraph_t g;
	igraph_vector_t weights; /* distances when path metrics are weighted */
	igraph_integer_t *orig;  /* subgraph vertex -> original vertex */
	size_t n;
};

static void subgraph_make(struct subgraph *s, const struct kgraph *g, const double *dist, const unsigned char *keep)
{
	igraph_integer_t *map = xmalloc(st_mult(g->n_vertices + 1, sizeof(*map)));
	s->orig = xmalloc(st_mult(g->n_vertices + 1, sizeof(*s->orig)));
	s->n = 0;
	for (size_t v = 0; v < g->n_vertices; v++) {
		map[v] = keep[v] ? (igraph_integer_t)s->n : -1;
		if (keep[v]) s->orig[s->n++] = (igraph_integer_t)v;
	}
	igraph_vector_int_t edges;
	IGRAPH_OR_DIE(igraph_vector_int_init(&edges, 0));
	IGRAPH_OR_DIE(igraph_vector_init(&s->weights, 0));
	for (size_t e = 0; e < g->n_edges; e++) {
		if (map[g->from[e]] < 0 || map[g->to[e]] < 0) continue;
		IGRAPH_OR_DIE(igraph_vector_int_push_back(&edges, map[g->from[e]]));
		IGRAPH_OR_DIE(igraph_vector_int_push_back(&edges, map[g->to[e]]));
		IGRAPH_OR_DIE(igraph_vector_push_back(&s->weights, dist ? dist[e] : 1.0));
	}
	IGRAPH_OR_DIE(igraph_create(&s->g, &edges, (igraph_integer_t)s->n, IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&edges);
	free(map);
}

static void subgraph_free(struct subgraph *s)
{
	igraph_destroy(&s->g);
	igraph_vector_destroy(&s->weights);
	free(s->orig);
}

/* Exact betweenness, closeness and harmonic (unnormalised sum) of every vertex of g. */
static void path_exact(const igraph_t *g, const igraph_vector_t *dist, unsigned mask, igraph_vector_t *bet,
                       igraph_vector_t *clo, igraph_vector_t *har)
{
	if (mask & 1u << M_BETWEENNESS)
		IGRAPH_OR_DIE(igraph_betweenness(g, bet, igraph_vss_all(), IGRAPH_UNDIRECTED, dist));
	if (mask & 1u << M_CLOSENESS)
		IGRAPH_OR_DIE(igraph_closeness(g, clo, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, dist, 1));
	if (mask & 1u << M_HARMONIC)
		IGRAPH_OR_DIE(igraph_harmonic_centrality(g, har, igraph_vss_all(), IGRAPH_ALL, dist, 0));
}

struct sources_half {
	const igraph_t *g;
	const igraph_vector_t *dist;
	igraph_integer_t n;
	igraph_vector_int_t sources; /* a view */
};

/* The betweenness of every vertex counting the shortest paths from h's sources only. */
static void betweenness_from(void *arg, double *out)
{
	const struct sources_half *h = arg;
	igraph_vector_t res;
	IGRAPH_OR_DIE(igraph_vector_init(&res, 0));
	IGRAPH_OR_DIE(igraph_betweenness_subset(h->g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED,
	                                        igraph_vss_vector(&h->sources), igraph_vss_all(), h->dist));
	memcpy(out, VECTOR(res), (size_t)h->n * sizeof(double));
	igraph_vector_destroy(&res);
}

/* Estimates on a connected graph from k sources drawn without replacement:
 *   betweenness  the source-subset value (each pair once) scaled by n/k;
 *   harmonic     (n-1)/k' * sum over sources s != v of 1/d(s, v)   (unnormalised sum);
 *   closeness    1 / mean over sources s != v of d(s, v).
 * O(k E) time; distances are taken a few sources at a time to keep memory O(V). */
static void path_estimate(const igraph_t *g, const igraph_vector_t *dist, unsigned mask, size_t k, uint64_t seed,
                          igraph_vector_t *bet, igraph_vector_t *clo, igraph_vector_t *har)
{
	igraph_integer_t n = igraph_vcount(g);
	igraph_vector_int_t perm, sources;
	IGRAPH_OR_DIE(igraph_vector_int_init_range(&perm, 0, n));
	for (igraph_integer_t i = 0; i < (igraph_integer_t)k; i++) {
		igraph_integer_t j = i + (igraph_integer_t)(next_random(&seed) % (uint64_t)(n - i));
		igraph_integer_t t = VECTOR(perm)[i];
		VECTOR(perm)[i] = VECTOR(perm)[j];
		VECTOR(perm)[j] = t;
	}
	IGRAPH_OR_DIE(igraph_vector_int_init(&sources, (igraph_integer_t)k));
	for (size_t i = 0; i < k; i++) VECTOR(sources)[i] = VECTOR(perm)[i];
	igraph_vector_int_sort(&sources);
	igraph_vector_int_destroy(&perm);

	if (mask & 1u << M_BETWEENNESS) {
		/* Betweenness from a set of sources is the sum of its values from each half of the
		 * set: the halves go to two processes, and their sums are added in that order. */
		struct sources_half half[2] = {{.g = g, .dist = dist, .n = n}, {.g = g, .dist = dist, .n = n}};
		igraph_vector_int_view(&half[0].sources, &VECTOR(sources)[0], (igraph_integer_t)(k / 2));
		igraph_vector_int_view(&half[1].sources, &VECTOR(sources)[k / 2], (igraph_integer_t)(k - k / 2));
		double *second = xmalloc(st_mult((size_t)n + 1, sizeof(double)));
		IGRAPH_OR_DIE(igraph_vector_resize(bet, n));
		side_job(betweenness_from, &half[0], &half[1], VECTOR(*bet), second, (size_t)n);
		for (igraph_integer_t v = 0; v < n; v++) VECTOR(*bet)[v] += second[v];
		free(second);
		igraph_vector_scale(bet, (double)n / (double)k);
	}
	if (mask & (1u << M_CLOSENESS | 1u << M_HARMONIC)) {
		enum { BATCH = 16 };
		double *inv = xcalloc((size_t)n + 1, sizeof(double)), *sum = xcalloc((size_t)n + 1, sizeof(double));
		size_t *hits = xcalloc((size_t)n + 1, sizeof(size_t)), *self = xcalloc((size_t)n + 1, sizeof(size_t));
		igraph_matrix_t d;
		IGRAPH_OR_DIE(igraph_matrix_init(&d, 0, 0));
		for (size_t b = 0; b < k; b += BATCH) {
			igraph_vector_int_t batch;
			size_t m = k - b < BATCH ? k - b : BATCH;
			igraph_vector_int_view(&batch, &VECTOR(sources)[b], (igraph_integer_t)m);
			if (dist) IGRAPH_OR_DIE(igraph_distances_dijkstra(g, &d, igraph_vss_vector(&batch), igraph_vss_all(), dist, IGRAPH_ALL));
			else IGRAPH_OR_DIE(igraph_distances(g, &d, igraph_vss_vector(&batch), igraph_vss_all(), IGRAPH_ALL));
			for (size_t i = 0; i < m; i++) {
				igraph_integer_t s = VECTOR(batch)[i];
				self[s] = 1;
				for (igraph_integer_t v = 0; v < n; v++) {
					double x = MATRIX(d, (igraph_integer_t)i, v);
					if (v == s || !isfinite(x)) continue;
					inv[v] += 1.0 / x;
					sum[v] += x;
					hits[v]++;
				}
			}
		}
		if (mask & 1u << M_HARMONIC) IGRAPH_OR_DIE(igraph_vector_resize(har, n));
		if (mask & 1u << M_CLOSENESS) IGRAPH_OR_DIE(igraph_vector_resize(clo, n));
		for (igraph_integer_t v = 0; v < n; v++) {
			double others = (double)k - (double)self[v];
			if (mask & 1u << M_HARMONIC) VECTOR(*har)[v] = others > 0 ? inv[v] * (double)(n - 1) / others : NAN;
			if (mask & 1u << M_CLOSENESS) VECTOR(*clo)[v] = hits[v] ? (double)hits[v] / sum[v] : NAN;
		}
		igraph_matrix_destroy(&d);
		free(inv);
		free(sum);
		free(hits);
		free(self);
	}
	igraph_vector_int_destroy(&sources);
}

/* Betweenness, closeness and harmonic for g: exact, or estimated on the largest component
 * when that component's vertices * edges (the work of exact Brandes) is over the limit; the
 * other components are small and done exactly. Returns 1 when an estimate was made. */
static int path_metrics(struct kgraph *g, const double *dist, const struct metric_opts *o, const igraph_vector_int_t *comp)
{
	unsigned mask = o->mask & PATH_METRICS;
	if (!mask) return 0;
	size_t n = g->n_vertices, giant_n = 0, giant_m = 0;
	for (size_t v = 0; v < n; v++) giant_n += VECTOR(*comp)[v] == 1;
	for (size_t e = 0; e < g->n_edges; e++) giant_m += VECTOR(*comp)[g->from[e]] == 1;
	igraph_vector_t bet, clo, har, dv;
	IGRAPH_OR_DIE(igraph_vector_init(&bet, (igraph_integer_t)n));
	IGRAPH_OR_DIE(igraph_vector_init(&clo, (igraph_integer_t)n));
	IGRAPH_OR_DIE(igraph_vector_init(&har, (igraph_integer_t)n));
	int estimate = !o->exact && giant_n > o->samples && (double)giant_n * (double)giant_m > o->exact_work_limit;
	if (!estimate) {
		if (dist) igraph_vector_view(&dv, dist, (igraph_integer_t)g->n_edges);
		path_exact(graph_igraph(g), dist ? &dv : NULL, mask, &bet, &clo, &har);
	} else {
		/* Component 1 is the largest (components are numbered by decreasing size). */
		unsigned char *keep = xmalloc(n + 1);
		for (int part = 0; part < 2; part++) {
			for (size_t v = 0; v < n; v++) keep[v] = (VECTOR(*comp)[v] == 1) == (part == 0);
			struct subgraph s;
			subgraph_make(&s, g, dist, keep);
			igraph_vector_t b, c, h;
			igraph_vector_init(&b, 0);
			igraph_vector_init(&c, 0);
			igraph_vector_init(&h, 0);
			if (s.n) {
				const igraph_vector_t *w = dist ? &s.weights : NULL;
				if (part == 0) path_estimate(&s.g, w, mask, o->samples, o->seed, &b, &c, &h);
				else path_exact(&s.g, w, mask, &b, &c, &h);
			}
			for (size_t i = 0; i < s.n; i++) {
				igraph_integer_t v = s.orig[i];
				if (mask & 1u << M_BETWEENNESS) VECTOR(bet)[v] = VECTOR(b)[i];
				if (mask & 1u << M_CLOSENESS) VECTOR(clo)[v] = VECTOR(c)[i];
				if (mask & 1u << M_HARMONIC) VECTOR(har)[v] = VECTOR(h)[i];
			}
			igraph_vector_destroy(&b);
			igraph_vector_destroy(&c);
			igraph_vector_destroy(&h);
			subgraph_free(&s);
		}
		free(keep);
	}
	if (mask & 1u << M_BETWEENNESS) store_vector(double_col(g, M_BETWEENNESS), &bet);
	if (mask & 1u << M_CLOSENESS) store_vector(double_col(g, M_CLOSENESS), &clo);
	if (mask & 1u << M_HARMONIC) {
		igraph_vector_scale(&har, n > 1 ? 1.0 / (double)(n - 1) : 0);
		store_vector(double_col(g, M_HARMONIC), &har);
	}
	igraph_vector_destroy(&bet);
	igraph_vector_destroy(&clo);
	igraph_vector_destroy(&har);
	return estimate;
}

struct group {
	igraph_integer_t size, first, id;
};

static int by_size_then_first(const void *x, const void *y)
{
	const struct group *a = x, *b = y;
	if (a->size != b->size) return a->size > b->size ? -1 : 1;
	return (a->first > b->first) - (a->first < b->first);
}

/* Renumber a membership 1.. by decreasing group size, ties by the smallest member, so that
 * the numbering does not depend on the algorithm's internal labels. O(V + G log G). */
static size_t renumber_by_size(igraph_vector_int_t *memb)
{
	igraph_integer_t n = igraph_vector_int_size(memb), groups = 0;
	for (igraph_integer_t v = 0; v < n; v++)
		if (VECTOR(*memb)[v] + 1 > groups) groups = VECTOR(*memb)[v] + 1;
	struct group *g = xcalloc((size_t)groups + 1, sizeof(*g));
	igraph_integer_t *rank = xmalloc(((size_t)groups + 1) * sizeof(*rank));
	for (igraph_integer_t c = 0; c < groups; c++) g[c] = (struct group){0, n, c};
	for (igraph_integer_t v = 0; v < n; v++) {
		struct group *x = &g[VECTOR(*memb)[v]];
		if (!x->size++) x->first = v;
	}
	qsort(g, (size_t)groups, sizeof(*g), by_size_then_first);
	size_t used = 0;
	for (igraph_integer_t c = 0; c < groups && g[c].size; c++) rank[g[c].id] = (igraph_integer_t)++used;
	for (igraph_integer_t v = 0; v < n; v++) VECTOR(*memb)[v] = rank[VECTOR(*memb)[v]];
	free(g);
	free(rank);
	return used;
}

static void store_int(struct kgraph *g, enum metric m, const igraph_vector_int_t *v)
{
	struct attr_col *c = attrs_add(&g->v, names[m], ATTR_INT);
	for (size_t i = 0; i < g->n_vertices; i++) c->i[i] = VECTOR(*v)[i];
}

/* Every file that holds an estimate says so, with what was estimated and how. */
static void set_estimate_note(struct kgraph *g, const char *what, const struct metric_opts *o)
{
	static char notes[2][192];
	char *note = notes[strcmp(g->name, "credits") == 0];
	snprintf(note, sizeof notes[0], "%s from %zu sampled sources (seed %lu); use --exact for exact values", what,
	         o->samples, o->seed);
	g->note = note;
}

/* PageRank (w NULL: unweighted) into rank; strength goes with w, or NULL to compute it;
 * components, each vertex's component number, or NULL to find them if needed.
 * PRPACK needs the igraph_t (32 bytes an edge). Measured on 1M credit rows (3.4M edges):
 * 1.36 s and a 468 MB peak with PRPACK, 0.24 s and 257 MB with the power iteration. Up to
 * PAGERANK_PRPACK_MAX_EDGES edges igraph is used; above, or with --pagerank power, the power
 * iteration, which tests/oracle checks against igraph within 1e-9. */
static void pagerank(struct kgraph *g, const struct metric_opts *o, const double *w, const double *strength,
                     const int64_t *components, double *rank)
{
	size_t n = g->n_vertices, m = g->n_edges;
	int power = o->pagerank == PAGERANK_POWER || (o->pagerank == PAGERANK_AUTO && m > PAGERANK_PRPACK_MAX_EDGES);
	if (power) {
		double *own = NULL;
		if (!strength) {
			int64_t *deg = xmalloc(st_mult(n + 1, sizeof(int64_t)));
			own = xmalloc(st_mult(n + 1, sizeof(double)));
			edgelist_degree_strength(n, m, g->from, g->to, w, deg, own);
			free(deg);
		}
		edgelist_pagerank(n, m, g->from, g->to, w, strength ? strength : own, components, 0.85, rank);
		free(own);
		return;
	}
	igraph_vector_t res, weights;
	igraph_real_t value;
	IGRAPH_OR_DIE(igraph_vector_init(&res, 0));
	if (w) igraph_vector_view(&weights, w, (igraph_integer_t)m);
	IGRAPH_OR_DIE(igraph_pagerank(graph_igraph(g), IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
	                              IGRAPH_UNDIRECTED, 0.85, w ? &weights : NULL, NULL));
	for (size_t v = 0; v < n; v++) rank[v] = isfinite(VECTOR(res)[v]) ? VECTOR(res)[v] : NAN;
	igraph_vector_destroy(&res);
}

static double nan_if_bad(double x)
{
	return isfinite(x) ? x : NAN;
}

void metrics_compute(struct kgraph *g, const struct metric_opts *o, struct graph_stats *st_out)
{
	size_t n = g->n_vertices, m = g->n_edges;
	struct graph_stats st = {.vertices = n, .edges = m, .modularity = NAN, .assortativity = NAN};
	const double *w = attrs_find(&g->e, "weight")->d;
	igraph_vector_t weights, res;
	igraph_vector_int_t ires, comp;
	igraph_vector_view(&weights, w, (igraph_integer_t)m);
	IGRAPH_OR_DIE(igraph_vector_init(&res, 0));
	IGRAPH_OR_DIE(igraph_vector_int_init(&ires, 0));
	IGRAPH_OR_DIE(igraph_vector_int_init(&comp, 0));

	/* From the edge list: these need no igraph_t (see edgelist.h). */
	stage_begin("degree, strength, components");
	IGRAPH_OR_DIE(igraph_vector_int_resize(&ires, (igraph_integer_t)n));
	IGRAPH_OR_DIE(igraph_vector_int_resize(&comp, (igraph_integer_t)n));
	double *strength = xmalloc(st_mult(n + 1, sizeof(double)));
	edgelist_degree_strength(n, m, g->from, g->to, w, VECTOR(ires), strength);
	for (size_t v = 0; v < n; v++) st.isolated += VECTOR(ires)[v] == 0;
	if (o->mask & 1u << M_DEGREE) store_int(g, M_DEGREE, &ires);
	if (o->mask & 1u << M_STRENGTH) memcpy(double_col(g, M_STRENGTH)->d, strength, n * sizeof(double));
	edgelist_components(n, m, g->from, g->to, VECTOR(comp));
	st.components = renumber_by_size(&comp);
	for (size_t v = 0; v < n; v++)
		if (VECTOR(comp)[v] == 1) st.giant++;
	if (o->mask & 1u << M_COMPONENT) store_int(g, M_COMPONENT, &comp);
	stage_end();

	/* Path metrics: hop counts, or 1/weight distances. */
	double *dist = NULL;
	if (o->weighted) {
		dist = xmalloc(st_mult(m + 1, sizeof(double)));
		for (size_t e = 0; e < m; e++) dist[e] = 1.0 / w[e];
	}
	if (o->mask & PATH_METRICS) stage_begin("betweenness, closeness, harmonic");
	st.estimated = path_metrics(g, dist, o, &comp);
	stage_end();
	free(dist);

	if (o->mask & 1u << M_EIGENVECTOR) {
		stage_begin("eigenvector");
		struct attr_col *c = double_col(g, M_EIGENVECTOR);
		if (m == 0) {
			for (size_t v = 0; v < n; v++) c->d[v] = 1; /* igraph's convention without edges */
		} else {
			igraph_real_t value;
			IGRAPH_OR_DIE(igraph_eigenvector_centrality(graph_igraph(g), &res, &value, IGRAPH_UNDIRECTED, 1,
			                                            o->gephi ? NULL : &weights, NULL));
			/* igraph scales to a maximum of 1 up to rounding; make the maximum exactly 1. */
			double top = igraph_vector_max(&res);
			if (top > 0) igraph_vector_scale(&res, 1 / top);
			store_vector(c, &res);
		}
		stage_end();
	}
	if (o->mask & 1u << M_PAGERANK) {
		stage_begin("pagerank");
		pagerank(g, o, o->gephi ? NULL : w, o->gephi ? NULL : strength, VECTOR(comp), double_col(g, M_PAGERANK)->d);
		stage_end();
	}
	if (o->mask & 1u << M_CORENESS) {
		stage_begin("coreness");
		IGRAPH_OR_DIE(igraph_coreness(graph_igraph(g), &ires, IGRAPH_ALL));
		store_int(g, M_CORENESS, &ires);
		stage_end();
	}
	if (o->mask & 1u << M_COMMUNITY) {
		stage_begin("communities");
		/* Leiden maximises modularity only with node weights = strength and resolution 1/(2W). */
		double total = 0;
		for (size_t e = 0; e < m; e++) total += w[e];
		if (total > 0) {
			igraph_vector_t node_w;
			igraph_integer_t nb;
			igraph_real_t quality;
			igraph_vector_view(&node_w, strength, (igraph_integer_t)n);
			igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)o->seed);
			IGRAPH_OR_DIE(igraph_community_leiden(graph_igraph(g), &weights, &node_w, 1.0 / (2 * total), 0.01, 0, -1, &ires,
			                                      &nb, &quality));
		} else {
			/* No collaborations: every artist is a community of one. */
			IGRAPH_OR_DIE(igraph_vector_int_resize(&ires, (igraph_integer_t)n));
			for (size_t v = 0; v < n; v++) VECTOR(ires)[v] = (igraph_integer_t)v;
		}
		st.communities = renumber_by_size(&ires);
		if (total > 0) {
			igraph_real_t q;
			IGRAPH_OR_DIE(igraph_modularity(graph_igraph(g), &ires, &weights, 1, IGRAPH_UNDIRECTED, &q));
			st.modularity = nan_if_bad(q);
		}
		store_int(g, M_COMMUNITY, &ires);
		stage_end();
	}
	free(strength);

	igraph_real_t x;
	st.density = st.transitivity = st.avg_clustering = NAN;
	if (o->figures) {
		IGRAPH_OR_DIE(igraph_density(graph_igraph(g), &x, 0));
		st.density = nan_if_bad(x);
		/* Triangle counts: O(sum of degree^2), only for `stats`. */
		stage_begin("transitivity, assortativity");
		IGRAPH_OR_DIE(igraph_transitivity_undirected(graph_igraph(g), &x, IGRAPH_TRANSITIVITY_NAN));
		st.transitivity = nan_if_bad(x);
		IGRAPH_OR_DIE(igraph_transitivity_avglocal_undirected(graph_igraph(g), &x, IGRAPH_TRANSITIVITY_ZERO));
		st.avg_clustering = nan_if_bad(x);
		if (m) {
			IGRAPH_OR_DIE(igraph_assortativity_degree(graph_igraph(g), &x, IGRAPH_UNDIRECTED));
			st.assortativity = nan_if_bad(x);
		}
		stage_end();
	}
	if (st.estimated) set_estimate_note(g, "betweenness, closeness and harmonic are estimates", o);
	igraph_vector_destroy(&res);
	igraph_vector_int_destroy(&ires);
	igraph_vector_int_destroy(&comp);
	if (st_out) *st_out = st;
}

void metrics_credits(struct kgraph *g, const struct metric_opts *o)
{
	struct metric_opts po = *o;
	stage_begin("credits graph metrics");
	size_t n = g->n_vertices;
	igraph_vector_int_t deg;
	IGRAPH_OR_DIE(igraph_vector_int_init(&deg, (igraph_integer_t)n));
	double *links = xmalloc(st_mult(n + 1, sizeof(double)));
	edgelist_degree_strength(n, g->n_edges, g->from, g->to, NULL, VECTOR(deg), links);
	store_int(g, M_DEGREE, &deg);
	pagerank(g, o, NULL, links, NULL, double_col(g, M_PAGERANK)->d);
	free(links);
	po.mask = o->mask & 1u << M_BETWEENNESS;
	if (po.mask) {
		igraph_vector_int_t comp;
		IGRAPH_OR_DIE(igraph_vector_int_init(&comp, 0));
		IGRAPH_OR_DIE(igraph_connected_components(graph_igraph(g), &comp, NULL, NULL, IGRAPH_WEAK));
		renumber_by_size(&comp);
		if (path_metrics(g, NULL, &po, &comp)) set_estimate_note(g, "betweenness is estimated", o);
		igraph_vector_int_destroy(&comp);
	}
	igraph_vector_int_destroy(&deg);
	stage_end();
}
