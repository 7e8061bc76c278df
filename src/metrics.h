/* Centrality and structure of the collaboration network (and of the credits graph where it is
 * meaningful), computed by igraph 0.10 and stored as vertex columns.
 *
 * Conventions, so that two correct tools give the same numbers:
 *   degree       distinct collaborators
 *   strength     sum of edge weights (shared projects)
 *   betweenness  unnormalised, each unordered pair counted once (igraph's undirected value)
 *   closeness    igraph 0.10's normalised closeness over the reachable vertices; left out for
 *                an artist without collaborators
 *   harmonic     sum of 1/d over the others, divided by n - 1
 *   eigenvector  weighted, scaled to a maximum of 1
 *   pagerank     weighted, damping 0.85, sums to 1 (PRPACK; power iteration on big graphs)
 *   coreness     k-core number (unweighted)
 *   community    Leiden, modularity objective (node weight = strength, resolution 1/(2W)),
 *                weighted and seeded; numbered 1.. by decreasing size
 *   component    connected component, numbered 1.. by decreasing size
 * Path metrics count hops; with `weighted` the distance of an edge is 1/weight, never the raw
 * count (a count is a similarity). `gephi` switches PageRank and eigenvector to unweighted, as
 * in Gephi's Statistics panel. */
#ifndef CREDGRAPH_METRICS_H
#define CREDGRAPH_METRICS_H
#include "graph.h"

enum metric {
	M_DEGREE, M_STRENGTH, M_BETWEENNESS, M_CLOSENESS, M_HARMONIC, M_EIGENVECTOR, M_PAGERANK,
	M_CORENESS, M_COMMUNITY, M_COMPONENT, M_COUNT
};

struct metric_opts {
	unsigned mask;           /* 1u << enum metric for each one to compute */
	int weighted;            /* path metrics on 1/weight distances */
	int gephi;               /* Gephi's conventions: unweighted PageRank and eigenvector */
	int exact;               /* never estimate */
	unsigned long seed;
	size_t samples;          /* sampled sources when estimating */
	double exact_work_limit; /* estimate path metrics when the largest component's V * E exceeds this */
	int figures;             /* also transitivity, clustering and assortativity (stats) */
	enum { PAGERANK_AUTO, PAGERANK_PRPACK, PAGERANK_POWER } pagerank; /* solver */
};

/* Above this many edges PageRank uses the edge-list power iteration instead of igraph's
 * PRPACK (with PAGERANK_AUTO). */
#define PAGERANK_PRPACK_MAX_EDGES 1000000

/* Whole-graph figures, filled in by metrics_compute. NaN when undefined. */
struct graph_stats {
	size_t vertices, edges, isolated;
	size_t components, giant;
	double density, transitivity, avg_clustering, assortativity, modularity;
	size_t communities;
	int estimated;           /* path metrics are estimates */
};

void metric_opts_init(struct metric_opts *o);
/* Parse "degree,pagerank,..." (or "all") into o->mask; returns 0, or -1 naming the bad name. */
int metric_parse_list(struct metric_opts *o, const char *list);
const char *metric_name(enum metric m);
/* The metric called `name`, or -1. */
int metric_by_name(const char *name);

/* Compute the selected metrics on the collaboration network g, as vertex columns named after
 * the metrics; fills st (may be NULL). Cost: O(V + E) for degree, strength, coreness and
 * components; PageRank and eigenvector are sparse iterative solves, O(E) per iteration;
 * Leiden is near-linear per pass; betweenness, closeness and harmonic are O(V E) exactly, or
 * O(k E) from k sampled sources when V * E exceeds the limit (stated in g->note). */
void metrics_compute(struct kgraph *g, const struct metric_opts *o, struct graph_stats *st);
/* Degree, PageRank (unweighted) and betweenness of artists and projects in the credits graph. */
void metrics_credits(struct kgraph *g, const struct metric_opts *o);

#endif
