#include "writeall.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"
#include "helperproc.h"
#include "outfile.h"
#include "progress.h"
#include "report.h"
#include "xalloc.h"

static void write_one(const struct write_job *j, const struct write_opts *wo)
{
	char stage[64];
	if (j->rankings) snprintf(stage, sizeof stage, "write rankings.csv");
	else snprintf(stage, sizeof stage, "write %s.%s", j->g->name, format_name(j->format));
	stage_begin(stage);
	if (j->rankings) write_rankings(j->f, j->g, wo);
	else write_format(j->format, j->f, j->g, wo);
	stage_end();
}

/* A job's expected time, in the time DOT takes per vertex or edge. Measured on 1M rows, the
 * default build: GraphML 1.2 (credits) and 1.4 (collab) times DOT, rankings.csv (sorted,
 * every value formatted) about 8.5 per artist. On 10M rows with --edge-data none: GraphML
 * 0.95 to 1.1 times DOT, rankings.csv 10 to 12 per artist. With the measured ratios
 * share_out splits both jobs' files as with these constants, but for swapping GraphML and
 * DOT of the same graph where they cost the same. */
static double job_cost(const struct write_job *j)
{
	if (j->rankings) return 12.0 * (double)j->g->n_vertices;
	double size = (double)(j->g->n_vertices + j->g->n_edges);
	return j->format == FORMAT_GRAPHML ? 1.25 * size : size;
}

/* The child's side: 1 for each job the child writes. Longest job first to the less loaded side.
 * O(n^2) for a handful of jobs. */
static void share_out(const struct write_job *jobs, size_t n, unsigned char *child)
{
	double load[2] = {0, 0};
	unsigned char *done = xcalloc(n + 1, 1);
	for (size_t k = 0; k < n; k++) {
		size_t best = n;
		double cost = -1;
		for (size_t i = 0; i < n; i++) {
			double c = job_cost(&jobs[i]);
			if (!done[i] && c > cost) best = i, cost = c;
		}
		done[best] = 1;
		child[best] = load[1] < load[0];
		load[child[best]] += cost;
	}
	free(done);
}

int write_all(const struct write_job *jobs, size_t n, const struct write_opts *wo)
{
	struct helper_proc h = {.pid = -1};
	int counts[2] = {-1, -1}; /* the child's count of replaced characters comes back here */
	unsigned char *child = xcalloc(n + 1, 1);
	if (n >= 2 && sysconf(_SC_NPROCESSORS_ONLN) >= 2 && pipe(counts) == 0) {
		share_out(jobs, n, child);
		if (helper_start(&h) == 0) {
			int rc = 0;
			unsigned long before = escape_replaced_count();
			for (size_t i = 0; i < n; i++) {
				if (!child[i]) continue;
				write_one(&jobs[i], wo);
				if (out_finish(jobs[i].f)) rc = EXIT_IO;
			}
			unsigned long replaced = escape_replaced_count() - before;
			if (write(counts[1], &replaced, sizeof replaced) != (ssize_t)sizeof replaced) {
				error("writer process: cannot report back: %s", strerror(errno));
				rc = EXIT_IO;
			}
			_exit(rc);
		}
		close(counts[1]);
		if (h.pid < 0) memset(child, 0, n); /* no second process: write everything here */
	}
	for (size_t i = 0; i < n; i++)
		if (!child[i]) write_one(&jobs[i], wo);
	free(child);
	int rc = 0;
	if (h.pid > 0) {
		unsigned long replaced = 0;
		ssize_t got;
		while ((got = read(counts[0], &replaced, sizeof replaced)) < 0 && errno == EINTR) continue;
		int status;
		if (helper_wait(&h, &status) != 0) die(EXIT_IO, "lost the writer process: %s", strerror(errno));
		if (!WIFEXITED(status)) {
			error("the writer process died (signal %d)", WTERMSIG(status));
			rc = EXIT_IO;
		} else if (WEXITSTATUS(status) != 0) {
			rc = EXIT_IO; /* it said why */
		} else if (got != (ssize_t)sizeof replaced) {
			error("the writer process did not report back");
			rc = EXIT_IO;
		} else {
			escape_add_replaced(replaced);
		}
	}
	if (counts[0] >= 0) close(counts[0]);
	return rc;
}
