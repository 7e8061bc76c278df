#include "progress.h"

#include <igraph.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "report.h"

static int verbose, live;
static const char *stage;
static double stage_start, last_draw;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void clear_line(void)
{
	if (live && last_draw > 0) fputs("\r\033[K", stderr);
	last_draw = 0;
}

static void draw(uint64_t done, uint64_t total)
{
	double t = now(), elapsed = t - stage_start;
	if (t - last_draw < 0.25) return;
	last_draw = t;
	double rate = elapsed > 0 ? (double)done / elapsed : 0;
	if (total == 100) { /* igraph's percentages */
		fprintf(stderr, "\r\033[Kcredgraph: %s: %llu%%", stage, (unsigned long long)done);
	} else {
		/* Bytes of input. */
		fprintf(stderr, "\r\033[Kcredgraph: %s: %.1f", stage, (double)done / 1e6);
		if (total) fprintf(stderr, "/%.1f MB (%.0f%%)", (double)total / 1e6, 100.0 * (double)done / (double)total);
		if (rate > 0) fprintf(stderr, ", %.1f MB/s", rate / 1e6);
	}
	if (total && rate > 0 && done < total) fprintf(stderr, ", %.0f s left", (double)(total - done) / rate);
	fflush(stderr);
}

/* igraph reports percentages for its long computations. */
static igraph_error_t on_igraph_progress(const char *message, igraph_real_t percent, void *data)
{
	(void)message;
	(void)data;
	if (live && stage) draw((uint64_t)percent, 100);
	return IGRAPH_SUCCESS;
}

void progress_init(int v, int quiet)
{
	verbose = v;
	live = !quiet && isatty(STDERR_FILENO);
	if (live) {
		igraph_set_progress_handler(on_igraph_progress);
		report_set_before_print(clear_line); /* a message never lands inside the progress line */
	}
}

void stage_begin(const char *name)
{
	stage = name;
	stage_start = now();
	last_draw = 0;
}

void stage_progress(uint64_t done, uint64_t total)
{
	if (live) draw(done, total);
}

void stage_end(void)
{
	if (!stage) return;
	clear_line();
	if (verbose) fprintf(stderr, "credgraph: %s: %.3f s\n", stage, now() - stage_start);
	stage = NULL;
}
