/* Seeded vertex positions, so that Gephi, Gephi Lite and sigma.js open a picture instead of a
 * random blob: x and y columns (GraphML, JSON, Cytoscape.js) and viz:position (GEXF). */
#ifndef CREDGRAPH_LAYOUT_H
#define CREDGRAPH_LAYOUT_H
#include "graph.h"

enum layout_kind { LAYOUT_AUTO, LAYOUT_FR, LAYOUT_DRL, LAYOUT_NONE };

/* Parse auto|fr|drl|none, or exit 2. */
enum layout_kind layout_parse(const char *name);
/* Adds x and y columns. auto: Fruchterman–Reingold (500 iterations; above 1000 vertices on a
 * grid, about O(V + E) each) up to 50,000 vertices, none above; fr and drl (DrL, much slower
 * here) on request. Weighted by the edge weight when there is one. Seeded: the same input
 * gives the same picture. */
void layout_compute(struct kgraph *g, enum layout_kind kind, unsigned long seed);

#endif
