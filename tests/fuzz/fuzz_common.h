/* Shared by the libFuzzer harnesses: run the whole pipeline (CSV -> dataset -> graphs ->
 * metrics) on one input held in memory. */
#ifndef CREDGRAPH_FUZZ_COMMON_H
#define CREDGRAPH_FUZZ_COMMON_H
#include <stddef.h>
#include <stdint.h>

#include "dataset.h"
#include "graph.h"
#include "writer.h"

/* Loads data as a credits file; returns 0 and fills ds, or the loader's exit code. */
int fuzz_load(const uint8_t *data, size_t size, struct dataset *ds);
/* Builds both graphs, with the metrics whose values the writers format when asked. */
void fuzz_graphs(struct dataset *ds, struct kgraph *credits, struct kgraph *collab, int with_metrics);
/* Writes g with the given writer into a malloc'ed buffer. */
char *fuzz_write(int (*writer)(FILE *, const struct kgraph *, const struct write_opts *), const struct kgraph *g,
                 const struct dataset *ds, size_t *len);

#endif
