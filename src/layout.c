#include "layout.h"

#include <math.h>
#include <string.h>

#include "igraph_glue.h"
#include "progress.h"
#include "report.h"

/* Measured here: Fruchterman-Reingold on its grid took 2.3 s for 19,045 artists and 140,293
 * collaborations; DrL took 240 s on the same graph and over two minutes on 168k artists. So
 * `auto` is Fruchterman-Reingold up to AUTO_LIMIT vertices and no positions above (where the
 * rest of a build takes seconds); --layout fr or drl still computes them. */
enum { AUTO_LIMIT = 50000 };

enum layout_kind layout_parse(const char *name)
{
	static const char *const names[] = {"auto", "fr", "drl", "none"};
	for (int k = 0; k < 4; k++)
		if (strcmp(name, names[k]) == 0) return (enum layout_kind)k;
	die(EXIT_USAGE, "--layout takes auto, fr, drl or none, not '%s'", name);
}

void layout_compute(struct kgraph *g, enum layout_kind kind, unsigned long seed)
{
	if (kind == LAYOUT_NONE || g->n_vertices == 0 || (kind == LAYOUT_AUTO && g->n_vertices > AUTO_LIMIT)) return;
	if (kind == LAYOUT_AUTO) kind = LAYOUT_FR;
	stage_begin(kind == LAYOUT_FR ? "layout (Fruchterman-Reingold)" : "layout (DrL)");
	igraph_matrix_t xy;
	igraph_vector_t weights;
	const struct attr_col *w = attrs_find(&g->e, "weight");
	if (w) igraph_vector_view(&weights, w->d, (igraph_integer_t)g->n_edges);
	IGRAPH_OR_DIE(igraph_matrix_init(&xy, 0, 0));
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
	if (kind == LAYOUT_FR) {
		IGRAPH_OR_DIE(igraph_layout_fruchterman_reingold(graph_igraph(g), &xy, 0, 500, sqrt((double)g->n_vertices),
		                                                 IGRAPH_LAYOUT_AUTOGRID, w ? &weights : NULL, NULL, NULL,
		                                                 NULL, NULL));
	} else {
		igraph_layout_drl_options_t options;
		IGRAPH_OR_DIE(igraph_layout_drl_options_init(&options, IGRAPH_LAYOUT_DRL_DEFAULT));
		IGRAPH_OR_DIE(igraph_layout_drl(graph_igraph(g), &xy, 0, &options, w ? &weights : NULL));
	}
	/* Two decimals are finer than any screen; fewer digits keep files small and diffs calm. */
	struct attr_col *x = attrs_add(&g->v, "x", ATTR_DOUBLE), *y = attrs_add(&g->v, "y", ATTR_DOUBLE);
	for (size_t v = 0; v < g->n_vertices; v++) {
		x->d[v] = round(MATRIX(xy, (igraph_integer_t)v, 0) * 100) / 100;
		y->d[v] = round(MATRIX(xy, (igraph_integer_t)v, 1) * 100) / 100;
	}
	igraph_matrix_destroy(&xy);
	stage_end();
}
