#include "igraph_glue.h"

#include <stdio.h>

#include "report.h"

/* igraph calls the handler once with the reason and then once per IGRAPH_CHECK level with an
 * empty one: print only the first, never igraph's own source location. */
static void on_error(const char *reason, const char *file, int line, igraph_error_t err)
{
	(void)file;
	(void)line;
	if (reason && *reason) error("igraph: %s (%s)", reason, igraph_strerror(err));
	IGRAPH_FINALLY_FREE();
}

static void on_warning(const char *reason, const char *file, int line)
{
	(void)file;
	(void)line;
	warning("igraph: %s", reason);
}

/* Debian's igraph runs parts of PRPACK with OpenMP; a parallel sum changes its order from run
 * to run and so the last bits of PageRank. One thread keeps every output byte-identical. */
void omp_set_num_threads(int n);

void glue_init(unsigned long seed)
{
	omp_set_num_threads(1);
	igraph_set_error_handler(on_error);
	igraph_set_warning_handler(on_warning);
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
}

void glue_fail(igraph_error_t err)
{
	die(EXIT_IO, "graph computation failed: %s", igraph_strerror(err));
}
