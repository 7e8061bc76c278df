/* Finding artists by the names users type, and what links two of them. */
#ifndef CREDGRAPH_LOOKUP_H
#define CREDGRAPH_LOOKUP_H
#include <stdint.h>
#include <stdio.h>

#include "dataset.h"

/* The artist called `query`, matched like identity (NFC, case folding, white space, aliases),
 * or whose vertex id is `query`. Returns 0 and sets *out; otherwise reports the closest names
 * (unknown) or the candidates (ambiguous) and returns EXIT_PROBLEMS. O(artists * name length^2). */
int lookup_artist(const struct dataset *ds, const char *query, uint32_t *out);

/* Each project's links, in artist order: links[start[p] .. start[p+1]) index ds->links. */
struct project_index {
	size_t *start;
	uint32_t *links;
};
void project_index_build(struct project_index *pi, const struct dataset *ds);
void project_index_free(struct project_index *pi);
/* Range of artist a's links in ds->links (sorted by artist): [*first, *end). O(log L). */
void artist_links(const struct dataset *ds, uint32_t a, size_t *first, size_t *end);
/* Projects shared by artists a and b, ascending; returns how many (written to out, which must
 * hold min of their project counts). O(projects of a + projects of b). */
size_t shared_projects(const struct dataset *ds, uint32_t a, uint32_t b, uint32_t *out);

/* "Title (type, year)" as far as known. */
void project_text(FILE *f, const struct project *p);

#endif
