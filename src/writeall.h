/* Writing a set of graph files at once. On a machine with two or more cores the files are
 * shared out between this process and one forked child (copy-on-write: the child reads the
 * same graphs without copying them), since writing is the largest stage at archive scale and
 * its files are independent. Every file gets the same bytes however the work is split. */
#ifndef CREDGRAPH_WRITEALL_H
#define CREDGRAPH_WRITEALL_H
#include <stddef.h>
#include <stdio.h>

#include "writer.h"

struct write_job {
	enum out_format format;
	FILE *f; /* from out_open */
	const struct kgraph *g;
	int rankings; /* write g's rankings.csv, not a graph file */
};

/* Write every job; returns 0, or EXIT_IO when a writer failed (already reported). The files
 * stay open for out_commit. */
int write_all(const struct write_job *jobs, size_t n, const struct write_opts *wo);

#endif
