#include "layout.h"

#include <math.h>
#include <string.h>

#include "igraph_glue.h"
#include "progress.h"
#include "report.h"

/* Measured here: Fruchterman-Reingold is well under a second up to 2000 vertices; DrL on the
 * 1M-row benchmark's 168k artists and 3.1M collaborations ran for over two minutes, far more
 * than the rest of the build, so `auto` leaves graphs over AUTO_LIMIT without positions
 * (--layout drl still computes them). */
enum { FR_LIMIT = 2000, AUTO_LIMIT = 20000 };

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
	if (kind == LAYOUT_AUTO) kind = g->n_vertices <= FR_LIMIT ? LAYOUT_FR : LAYOUT_DRL;
	stage_begin(kind == LAYOUT_FR ? "layout (Fruchterman-Reingold)" : "layout (DrL)");
	igraph_matrix_t xy;
	igraph_vector_t weights;
	const struct attr_col *w = attrs_find(&g->e, "weight");
	if (w) igraph_vector_view(&weights, w->d, (igraph_integer_t)g->n_edges);
	IGRAPH_OR_DIE(igraph_matrix_init(&xy, 0, 0));
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
	if (kind == LAYOUT_FR) {
		IGRAPH_OR_DIE(igraph_layout_fruchterman_reingold(&g->g, &xy, 0, 500, sqrt((double)g->n_vertices),
		                                                 IGRAPH_LAYOUT_AUTOGRID, w ? &weights : NULL, NULL, NULL,
		                                                 NULL, NULL));
	} else {
		igraph_layout_drl_options_t options;
		IGRAPH_OR_DIE(igraph_layout_drl_options_init(&options, IGRAPH_LAYOUT_DRL_DEFAULT));
		IGRAPH_OR_DIE(igraph_layout_drl(&g->g, &xy, 0, &options, w ? &weights : NULL));
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
