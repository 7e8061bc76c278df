/* Smaller exports of big networks: keep what a reader can look at. Applied after the metrics,
 * so the values written are those of the whole network. */
#ifndef CREDGRAPH_FILTER_H
#define CREDGRAPH_FILTER_H
#include <stddef.h>

#include "graph.h"

struct export_filter {
	double min_weight;  /* keep collaborations with at least this many shared projects */
	size_t top;         /* keep the `top` artists by metric `by`, and the edges among them */
	const char *by;
	int giant;          /* keep the largest connected component */
	double backbone;    /* disparity-filter significance level (0: off) */
};

/* The subgraph of the flagged vertices (and flagged edges, or all when keep_e is NULL), with
 * every attribute value carried over. O(V + E). */
void graph_induced(const struct kgraph *g, const unsigned char *keep_v, const unsigned char *keep_e, struct kgraph *out);
/* Whether graph_filter would change anything. */
int graph_filter_active(const struct export_filter *f);
/* Apply the filters in this order: backbone, min-weight (both drop artists left without
 * collaborators), top N, giant component. Replaces g. O(V log V + E). */
void graph_filter(struct kgraph *g, const struct export_filter *f);

#endif
