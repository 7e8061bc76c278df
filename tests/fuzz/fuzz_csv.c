/* Any bytes as a credits CSV: the loader and identity resolution either reject them with an
 * exit code or build a dataset whose graphs are consistent. */
#include <stdlib.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dataset ds;
	if (fuzz_load(data, size, &ds) == 0) {
		struct kgraph credits, collab;
		fuzz_graphs(&ds, &credits, &collab, 0);
		if (credits.n_vertices != ds.n_artists + ds.n_projects || credits.n_edges != ds.n_links) abort();
		for (size_t e = 0; e < collab.n_edges; e++)
			if (collab.from[e] >= collab.to[e]) abort(); /* one edge per pair, no loops */
		graph_free(&credits);
		graph_free(&collab);
	}
	dataset_free(&ds);
	return 0;
}
