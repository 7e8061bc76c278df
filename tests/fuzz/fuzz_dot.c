/* Round trip: fuzzed CSV -> graphs -> DOT, which Graphviz's own parser (libcgraph, what nop
 * uses) must read back with the same number of vertices and edges. */
#include <graphviz/cgraph.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "writer.h"

static int silent(char *msg)
{
	(void)msg;
	return 0;
}

static void check(const char *dot, const struct kgraph *g)
{
	agseterrf(silent);
	Agraph_t *parsed = agmemread(dot);
	if (!parsed) abort();
	if ((size_t)agnnodes(parsed) != g->n_vertices || (size_t)agnedges(parsed) != g->n_edges) abort();
	agclose(parsed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dataset ds;
	if (fuzz_load(data, size, &ds) == 0) {
		struct kgraph credits, collab;
		fuzz_graphs(&ds, &credits, &collab, 1);
		size_t len;
		char *dot = fuzz_write(write_dot, &credits, &ds, &len);
		check(dot, &credits);
		free(dot);
		dot = fuzz_write(write_dot, &collab, &ds, &len);
		check(dot, &collab);
		free(dot);
		graph_free(&credits);
		graph_free(&collab);
	}
	dataset_free(&ds);
	return 0;
}
