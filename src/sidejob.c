#include "sidejob.h"

#include <errno.h>
#include <fcntl.h>
#include <igraph.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helperproc.h"

/* The child's side: compute and send the vector. */
static void run_child(void (*fn)(void *, double *), void *arg, double *out, size_t n, int fd)
{
	igraph_set_progress_handler(NULL); /* the parent reports progress */
	/* Should this half fail, the parent computes it again and reports what goes wrong then:
	 * the child's own messages would stand beside a run that succeeded. */
	int null = open("/dev/null", O_WRONLY);
	if (null >= 0) dup2(null, STDERR_FILENO);
	fn(arg, out);
	const char *p = (const char *)out;
	size_t left = n * sizeof(double);
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR) continue;
		if (w <= 0) _exit(1);
		p += w;
		left -= (size_t)w;
	}
	_exit(0);
}

/* All n doubles from fd, or 0. */
static int read_all(int fd, double *out, size_t n)
{
	char *p = (char *)out;
	size_t left = n * sizeof(double);
	while (left) {
		ssize_t r = read(fd, p, left);
		if (r < 0 && errno == EINTR) continue;
		if (r <= 0) return 0;
		p += r;
		left -= (size_t)r;
	}
	return 1;
}

void side_job(void (*fn)(void *arg, double *out), void *first, void *second, double *out_first,
              double *out_second, size_t n)
{
	int fds[2];
	struct helper_proc h = {.pid = -1};
	if (sysconf(_SC_NPROCESSORS_ONLN) >= 2 && pipe(fds) == 0) {
		if (helper_start(&h) == 0) {
			close(fds[0]);
			run_child(fn, second, out_second, n, fds[1]);
		}
		close(fds[1]);
		if (h.pid < 0) close(fds[0]);
	}
	fn(first, out_first);
	int got = 0;
	if (h.pid > 0) {
		got = read_all(fds[0], out_second, n);
		close(fds[0]);
		int status;
		got = got && helper_wait(&h, &status) == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	if (!got) fn(second, out_second);
}
