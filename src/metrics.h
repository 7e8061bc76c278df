/* Centrality on the collaboration network, computed by igraph 0.10, written as vertex columns.
 *
 * Conventions (so two correct tools give the same numbers):
 *   degree    distinct collaborators
 *   strength  sum of edge weights (shared projects)
 *   pagerank  weighted by shared projects, damping 0.85, sums to 1 (PRPACK) */
#ifndef CREDGRAPH_METRICS_H
#define CREDGRAPH_METRICS_H
#include "graph.h"

struct metric_opts {
	double damping;
};

void metric_opts_init(struct metric_opts *o);
/* Adds degree, strength and pagerank columns to g->v. O(V + E) plus PRPACK's sparse solve. */
void metrics_collab(struct kgraph *g, const struct metric_opts *o);

#endif
