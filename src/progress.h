/* Stages of a run, their times, and progress on a terminal.
 *
 * On a terminal (and without -q) long stages show a live line on standard error: the stage,
 * work done, rate and time left, redrawn a few times a second. With -v every stage's wall time
 * is printed when it ends, which is what `make bench` reads. igraph's progress callbacks drive
 * the metric stages. */
#ifndef CREDGRAPH_PROGRESS_H
#define CREDGRAPH_PROGRESS_H
#include <stdint.h>

void progress_init(int verbose, int quiet);
void stage_begin(const char *name);
/* Work done so far out of total (total 0: unknown). Reads the clock: call it per chunk or per
 * batch of rows, not per row. */
void stage_progress(uint64_t done, uint64_t total);
void stage_end(void);

#endif
