/* How vertices look in every format that draws them (DOT, GEXF): colour and size. */
#include "style.h"

#include <math.h>
#include <string.h>

#include "xalloc.h"

/* Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
static const struct {
	const char *type, *fill;
} project_colours[] = {
	{"album", "#E69F00"}, {"song", "#F0E442"}, {"film", "#D55E00"}, {"tv", "#CC79A7"},
	{"soundtrack", "#009E73"}, {"compilation", "#0072B2"},
};
static const char artist_colour[] = "#56B4E9";
static const char other_colour[] = "#BBBBBB";

/* Colour: in the credits graph projects by type and artists in one colour; in the
 * collaboration network artists by community (the seven Okabe–Ito colours for the seven
 * largest, grey for the rest). */
static const char *fill_for(const struct attr_col *kind, const struct attr_col *type, const struct attr_col *comm,
                            size_t v)
{
	static const char *const community_colours[] = {"#56B4E9", "#E69F00", "#009E73", "#F0E442",
	                                                 "#CC79A7", "#D55E00", "#0072B2"};
	if (!kind) {
		if (!comm) return artist_colour;
		int64_t c = comm->i[v];
		return c >= 1 && c <= 7 ? community_colours[c - 1] : other_colour;
	}
	if (strcmp(kind->s[v], "artist") == 0) return artist_colour;
	for (size_t i = 0; type && type->s[v] && i < sizeof project_colours / sizeof project_colours[0]; i++)
		if (strcmp(type->s[v], project_colours[i].type) == 0) return project_colours[i].fill;
	return other_colour;
}

const char *font_for(const char *fill)
{
	return strcmp(fill, "#0072B2") == 0 || strcmp(fill, "#D55E00") == 0 ? "white" : "black";
}

/* The values that size vertices: the chosen column, else PageRank, else credits. */
double *vertex_sizes(const struct kgraph *g, const char *size_by)
{
	const struct attr_col *c = attrs_find(&g->v, size_by ? size_by : "pagerank");
	if (!c || (!size_by && attrs_find(&g->v, "kind"))) c = attrs_find(&g->v, size_by ? size_by : "credits");
	if (!c) c = attrs_find(&g->v, "credits");
	double *x = xcalloc(g->n_vertices + 1, sizeof(double));
	for (size_t v = 0; c && v < g->n_vertices; v++) {
		double val = c->type == ATTR_DOUBLE ? c->d[v] : c->type == ATTR_INT && c->i[v] != ATTR_NO_INT ? (double)c->i[v] : 0;
		x[v] = isfinite(val) && val > 0 ? val : 0;
	}
	return x;
}

const char **vertex_fills(const struct kgraph *g)
{
	const struct attr_col *kind = attrs_find(&g->v, "kind"), *type = attrs_find(&g->v, "type");
	const struct attr_col *comm = attrs_find(&g->v, "community");
	const char **fills = xmalloc(st_mult(g->n_vertices + 1, sizeof(char *)));
	for (size_t v = 0; v < g->n_vertices; v++) fills[v] = fill_for(kind, type, comm, v);
	return fills;
}
