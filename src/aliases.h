/* --aliases FILE: a CSV with columns name,canonical; aliased artist names become one vertex.
 * Names compare like identity keys; chains are followed and cycles refused. */
#ifndef CREDGRAPH_ALIASES_H
#define CREDGRAPH_ALIASES_H
#include <stddef.h>

#include "csvload.h"

struct alias_map;

/* Returns 0 or an exit code (after reporting); *out is set either way (free it). */
int alias_load(struct alias_map **out, const char *path, struct csv_stats *stats);
/* The canonical key for an identity key (the key itself when not aliased). O(chain). */
const char *alias_resolve(const struct alias_map *m, const char *key, size_t len, size_t *out_len);
void alias_free(struct alias_map *m);

#endif
