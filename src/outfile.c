#include "outfile.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "xalloc.h"

enum { MAX_OUTPUTS = 32 };

struct pending {
	char *final;
	char *tmp; /* NULL for standard output */
	FILE *f;
};

/* A fixed array, so that the signal handler never sees it half-reallocated. */
static struct pending outputs[MAX_OUTPUTS];
static volatile sig_atomic_t n_outputs;
static int hooks_installed;
static volatile sig_atomic_t disowned; /* a writer process: the temporaries are its parent's */
static volatile pid_t helper;         /* a writer process of ours, stopped with us */

static void remove_temporaries(void)
{
	if (disowned) return;
	for (sig_atomic_t i = 0; i < n_outputs; i++)
		if (outputs[i].tmp) unlink(outputs[i].tmp);
}

static void on_signal(int sig)
{
	if (helper > 0) kill(helper, SIGKILL);
	remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_hooks(void)
{
	if (hooks_installed) return;
	hooks_installed = 1;
	atexit(out_abort);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

FILE *out_open(const char *path)
{
	install_hooks();
	if (n_outputs >= MAX_OUTPUTS) die(EXIT_IO, "too many output files");
	struct pending *p = &outputs[n_outputs];
	memset(p, 0, sizeof(*p));
	p->final = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		p->f = stdout;
		n_outputs++;
		return stdout;
	}
	/* A device or pipe (/dev/null, a FIFO) is written in place: renaming over it would replace it. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		p->f = fopen(path, "wb");
		if (!p->f) die(EXIT_IO, "cannot write '%s': %s", path, strerror(errno));
		n_outputs++;
		return p->f;
	}
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(path) + 32;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%.*s.%s.tmp.XXXXXX", (int)dirlen, path, path + dirlen);
	int fd = mkstemp(tmp);
	if (fd < 0) die(EXIT_IO, "cannot create '%s': %s", path, strerror(errno));
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	p->tmp = tmp;
	n_outputs++;
	p->f = fdopen(fd, "wb");
	if (!p->f) die(EXIT_IO, "cannot write '%s': %s", path, strerror(errno));
	return p->f;
}

static int report_failure(const struct pending *p, int err)
{
	if (strcmp(p->final, "-") == 0) error("cannot write standard output: %s", strerror(err ? err : EIO));
	else error("cannot write '%s': %s", p->final, strerror(err ? err : EIO));
	return 1;
}

/* Flush p and, for a temporary, sync it to disk; returns the errno of a failure, else 0. */
static int sync_output(struct pending *p)
{
	if (fflush(p->f) != 0 || ferror(p->f)) return errno ? errno : EIO;
	if (p->tmp && fsync(fileno(p->f)) != 0 && errno != EINVAL) return errno;
	return 0;
}

static int close_checked(struct pending *p)
{
	int err = sync_output(p);
	if (p->f != stdout && fclose(p->f) != 0 && !err) err = errno ? errno : EIO;
	p->f = NULL;
	return err ? report_failure(p, err) : 0;
}

void out_disown(void)
{
	disowned = 1;
}

void out_set_helper(pid_t pid)
{
	helper = pid;
}

int out_finish(FILE *f)
{
	for (sig_atomic_t i = 0; i < n_outputs; i++) {
		struct pending *p = &outputs[i];
		if (p->f != f) continue;
		int err = sync_output(p);
		return err ? (report_failure(p, err), EXIT_IO) : 0;
	}
	return 0;
}

int out_commit(void)
{
	int failed = 0;
	for (sig_atomic_t i = 0; i < n_outputs; i++)
		if (outputs[i].f) failed |= close_checked(&outputs[i]);
	if (failed) {
		out_abort();
		return EXIT_IO;
	}
	for (sig_atomic_t i = 0; i < n_outputs; i++) {
		struct pending *p = &outputs[i];
		if (p->tmp && rename(p->tmp, p->final) != 0) {
			error("cannot rename '%s' to '%s': %s", p->tmp, p->final, strerror(errno));
			failed = 1;
		}
	}
	if (failed) {
		out_abort();
		return EXIT_IO;
	}
	for (sig_atomic_t i = 0; i < n_outputs; i++) {
		free(outputs[i].tmp);
		free(outputs[i].final);
	}
	n_outputs = 0;
	return 0;
}

void out_abort(void)
{
	for (sig_atomic_t i = 0; i < n_outputs; i++)
		if (outputs[i].f && outputs[i].f != stdout) fclose(outputs[i].f);
	remove_temporaries();
	for (sig_atomic_t i = 0; i < n_outputs; i++) {
		free(outputs[i].tmp);
		free(outputs[i].final);
	}
	n_outputs = 0;
}

void out_check_not_input(const char *out, const char *const *inputs, size_t n_inputs)
{
	struct stat so, si;
	if (strcmp(out, "-") == 0 || stat(out, &so) != 0) return;
	for (size_t i = 0; i < n_inputs; i++)
		if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &si) == 0 && si.st_dev == so.st_dev &&
		    si.st_ino == so.st_ino)
			die(EXIT_USAGE, "output '%s' is the input '%s'; refusing to overwrite it", out, inputs[i]);
}

void ensure_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) die(EXIT_IO, "'%s' exists and is not a directory", dir);
		return;
	}
	if (mkdir(dir, 0777) != 0) die(EXIT_IO, "cannot create directory '%s': %s", dir, strerror(errno));
}
