#include "writeall.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape.h"
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

/* A job's expected time, in the time a graph file takes per vertex or edge. Measured on 1M
 * rows: GraphML 1.25 times DOT, and rankings.csv (sorted, every value formatted) about 12
 * per artist. */
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
	pid_t pid = -1;
	int counts[2] = {-1, -1}; /* the child's count of replaced characters comes back here */
	unsigned char *child = xcalloc(n + 1, 1);
	struct sigaction dfl = {.sa_handler = SIG_DFL}, old_chld;
	if (n >= 2 && sysconf(_SC_NPROCESSORS_ONLN) >= 2 && pipe(counts) == 0) {
		share_out(jobs, n, child);
		fflush(NULL); /* nothing buffered may be written twice */
		sigemptyset(&dfl.sa_mask);
		sigaction(SIGCHLD, &dfl, &old_chld); /* an inherited SIG_IGN would reap the child unseen */
		pid_t parent = getpid();
		pid = fork();
		if (pid == 0) {
			int rc = 0;
			out_disown();
			prctl(PR_SET_PDEATHSIG, SIGKILL); /* no orphan writer if the parent is killed */
			if (getppid() != parent) _exit(EXIT_IO); /* it died before prctl */
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
			_exit(rc); /* no exit handlers: the parent owns the temporaries */
		}
		close(counts[1]);
		if (pid > 0) {
			out_set_helper(pid);
		} else { /* no second process: write everything here */
			memset(child, 0, n);
			sigaction(SIGCHLD, &old_chld, NULL);
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!child[i]) write_one(&jobs[i], wo);
	free(child);
	int rc = 0;
	if (pid > 0) {
		unsigned long replaced = 0;
		ssize_t got;
		while ((got = read(counts[0], &replaced, sizeof replaced)) < 0 && errno == EINTR) continue;
		int status;
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR) die(EXIT_IO, "lost the writer process: %s", strerror(errno));
		out_set_helper(0);
		sigaction(SIGCHLD, &old_chld, NULL);
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
