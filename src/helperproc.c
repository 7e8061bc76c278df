#include "helperproc.h"

#include <errno.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "outfile.h"

pid_t helper_start(struct helper_proc *h)
{
	struct sigaction dfl = {.sa_handler = SIG_DFL};
	fflush(NULL); /* nothing buffered may be written twice */
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGCHLD, &dfl, &h->old_chld); /* an inherited SIG_IGN would reap the helper unseen */
	pid_t parent = getpid();
	h->pid = fork();
	if (h->pid == 0) {
		out_disown();
		prctl(PR_SET_PDEATHSIG, SIGKILL); /* no orphan if the parent is killed */
		if (getppid() != parent) _exit(1); /* it died before prctl */
		return 0;
	}
	if (h->pid < 0) sigaction(SIGCHLD, &h->old_chld, NULL);
	else out_set_helper(h->pid);
	return h->pid;
}

int helper_wait(struct helper_proc *h, int *status)
{
	pid_t w;
	while ((w = waitpid(h->pid, status, 0)) < 0 && errno == EINTR) continue;
	int err = errno;
	out_set_helper(0);
	sigaction(SIGCHLD, &h->old_chld, NULL);
	errno = err;
	return w == h->pid ? 0 : -1;
}
