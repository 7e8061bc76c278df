/* Two halves of a computation in two processes. Debian's igraph is built without thread
 * safety, so work inside igraph is split across processes: a forked child (copy-on-write: it
 * reads the same graph without copying it) computes one half, which comes back through a pipe
 * as a vector of doubles. */
#ifndef CREDGRAPH_SIDEJOB_H
#define CREDGRAPH_SIDEJOB_H
#include <stddef.h>

/* fn(first, out_first) here and fn(second, out_second) in a child, each filling n doubles.
 * Without a second core, or when the child fails, both run here: the results are the same. */
void side_job(void (*fn)(void *arg, double *out), void *first, void *second, double *out_first,
              double *out_second, size_t n);

#endif
