/* Everything igraph-0.10-specific that is not an algorithm call: error and warning handlers
 * that speak credgraph's language, and the seeded random number generator. */
#ifndef CREDGRAPH_IGRAPH_GLUE_H
#define CREDGRAPH_IGRAPH_GLUE_H
#include <igraph.h>

/* Install handlers and seed the RNG; call once before any igraph call. */
void glue_init(unsigned long seed);
/* igraph failed: the handler has printed why; exit 4. */
_Noreturn void glue_fail(igraph_error_t err);

#define IGRAPH_OR_DIE(call)                                       \
	do {                                                      \
		igraph_error_t glue_err_ = (call);                \
		if (glue_err_ != IGRAPH_SUCCESS) glue_fail(glue_err_); \
	} while (0)

#endif
