/* The two graphs credgraph exports, as attribute tables plus one igraph_t each.
 *
 * credits: artists and projects are vertices (kind = artist | project), one edge per
 *          artist–project pair carrying its roles, credit count, year and sources.
 * collab:  artists only (isolated ones included); one edge per pair sharing a project, with
 *          weight = distinct shared projects and newman = sum over them of 1/(n_p - 1). */
#ifndef CREDGRAPH_GRAPH_H
#define CREDGRAPH_GRAPH_H
#include <igraph.h>
#include <stddef.h>
#include <stdint.h>

#include "attrs.h"
#include "dataset.h"

struct kgraph {
	const char *name;     /* "credits" or "collab" */
	size_t n_vertices, n_edges;
	const char **vid;     /* stable vertex ids */
	uint32_t *from, *to;  /* edge endpoints, from < to */
	struct attr_set v, e; /* column "label" always comes first in v */
	igraph_t ig;          /* built on first use: use graph_igraph() */
	int has_igraph;
	const char *note;     /* e.g. which metrics are estimates; NULL when none */
};

/* O(V + L) for L artist–project links. */
void graph_credits(struct kgraph *g, struct dataset *ds);
/* Which collaboration-edge columns to compute besides weight (--edge-data). */
enum { EDGE_NEWMAN = 1, EDGE_YEARS = 2, EDGE_PROJECTS = 4, EDGE_ALL = 7 };
/* Projects with more than max_team artists stay out (reported when loading). */
void graph_collab(struct kgraph *g, struct dataset *ds, size_t max_team, unsigned edge_data);
/* g as an igraph_t, built from the edge arrays in one igraph_create on first use: O(V + E)
 * time and 32 bytes per edge, paid only by commands whose metrics need igraph. */
igraph_t *graph_igraph(struct kgraph *g);
void graph_free(struct kgraph *g);

#endif
