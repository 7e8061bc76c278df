#include "metrics.h"

#include "igraph_glue.h"

void metric_opts_init(struct metric_opts *o)
{
	o->damping = 0.85;
}

void metrics_collab(struct kgraph *g, const struct metric_opts *o)
{
	size_t n = g->n_vertices;
	struct attr_col *wcol = attrs_find(&g->e, "weight");
	igraph_vector_t weights, res;
	igraph_vector_int_t deg;
	igraph_vector_view(&weights, wcol->d, (igraph_integer_t)g->n_edges);

	IGRAPH_OR_DIE(igraph_vector_int_init(&deg, 0));
	IGRAPH_OR_DIE(igraph_degree(&g->g, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
	struct attr_col *dcol = attrs_add(&g->v, "degree", ATTR_INT);
	for (size_t v = 0; v < n; v++) dcol->i[v] = VECTOR(deg)[v];
	igraph_vector_int_destroy(&deg);

	IGRAPH_OR_DIE(igraph_vector_init(&res, 0));
	IGRAPH_OR_DIE(igraph_strength(&g->g, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &weights));
	struct attr_col *scol = attrs_add(&g->v, "strength", ATTR_DOUBLE);
	for (size_t v = 0; v < n; v++) scol->d[v] = VECTOR(res)[v];

	igraph_real_t value;
	IGRAPH_OR_DIE(igraph_pagerank(&g->g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
	                              IGRAPH_UNDIRECTED, o->damping, &weights, NULL));
	struct attr_col *pcol = attrs_add(&g->v, "pagerank", ATTR_DOUBLE);
	for (size_t v = 0; v < n; v++) pcol->d[v] = VECTOR(res)[v];
	igraph_vector_destroy(&res);
}
