/* A second process for work that runs beside this one (graph files, half of a metric): forked
 * copy-on-write, so it reads this process's data without copying it. */
#ifndef CREDGRAPH_HELPERPROC_H
#define CREDGRAPH_HELPERPROC_H
#include <signal.h>
#include <sys/types.h>

struct helper_proc {
	pid_t pid;
	struct sigaction old_chld;
};

/* Fork the helper. Returns 0 in the helper, which leaves the output temporaries to this
 * process and is killed when it dies; the helper's pid here, where signals that stop us stop it
 * too; -1 when no helper could be started (then run everything here). The helper ends with
 * _exit: no exit handlers, since the temporaries are this process's. */
pid_t helper_start(struct helper_proc *h);
/* Wait for the helper to end: 0 with its waitpid status, or -1 with errno when it is lost. */
int helper_wait(struct helper_proc *h, int *status);

#endif
