/* Vertex colours and sizes shared by the drawing formats, so that DOT and GEXF agree.
 * Colours are Okabe–Ito (safe for common colour-vision deficiencies): in the credits graph
 * projects by type and artists in one colour; in the collaboration network artists by
 * community (the seven largest; grey for the rest). */
#ifndef CREDGRAPH_STYLE_H
#define CREDGRAPH_STYLE_H
#include "graph.h"

/* "#RRGGBB" per vertex (static strings; free the array). O(V). */
const char **vertex_fills(const struct kgraph *g);
/* Text colour readable on a fill. */
const char *font_for(const char *fill);
/* The value that sizes each vertex: column size_by, else PageRank (collaboration network) or
 * credits (credits graph); absent or negative values are 0. Caller frees. O(V). */
double *vertex_sizes(const struct kgraph *g, const char *size_by);

#endif
