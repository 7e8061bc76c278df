/* The write buffer: the same bytes reach the file whether it stays buffered or switches to
 * O_DIRECT, from an unaligned start, with writes longer than the buffer, and on a pipe. The
 * switch is lowered to 1 MiB so that 24 MB cross it; the directory is the build's (a disk),
 * and /dev/shm (tmpfs: direct I/O may be refused, and the bytes must not change). Then a
 * fork right after, and standard output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "outbuf.h"

static unsigned rng = 2024;

static unsigned next(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

/* Random operations, applied to the outbuf and to `want`. */
static size_t fill(struct outbuf *o, char *want, size_t target)
{
	static char block[10u << 20];
	for (size_t i = 0; i < sizeof block; i++) block[i] = (char)('a' + i % 26);
	size_t n = 0;
	while (n < target) {
		unsigned op = next() % 100;
		if (op < 60) {
			size_t k = next() % 200, at = next() % 1000;
			ob_write(o, block + at, k);
			memcpy(want + n, block + at, k);
			n += k;
		} else if (op < 85) {
			char c = (char)(' ' + next() % 90);
			ob_putc(o, c);
			want[n++] = c;
		} else if (op < 99) {
			long long v = (long long)next() - (1 << 23);
			ob_int(o, v);
			n += (size_t)sprintf(want + n, "%lld", v);
		} else {
			size_t k = (next() % 3 == 0) ? sizeof block : next() % (300u << 10);
			ob_write(o, block, k);
			memcpy(want + n, block, k);
			n += k;
		}
	}
	return n;
}

static void round_trip(const char *dir, size_t prefix)
{
	char path[256];
	snprintf(path, sizeof path, "%s/credgraph-test-outbuf.XXXXXX", dir);
	int fd = mkstemp(path);
	if (fd < 0) return; /* no such directory here */
	FILE *f = fdopen(fd, "wb");
	size_t cap = 40u << 20;
	char *want = malloc(cap), *got = malloc(cap);
	memset(want, 'p', prefix);
	fwrite(want, 1, prefix, f);
	struct outbuf *o = ob_open(f);
	size_t n = prefix + fill(o, want + prefix, 24u << 20);
	printf("%s, %zu bytes after %zu: %s\n", dir, n - prefix, prefix,
	       o->direct == 1 ? "direct" : o->direct ? "direct refused" : "buffered");
	ob_close(o);
	CHECK(fflush(f) == 0 && !ferror(f));
	fclose(f);
	f = fopen(path, "rb");
	size_t r = fread(got, 1, cap, f);
	fclose(f);
	unlink(path);
	INT_EQ(r, n);
	CHECK(r == n && memcmp(got, want, n) == 0);
	free(want);
	free(got);
}

int main(int argc, char **argv)
{
	ob_direct_after = 1u << 20;
	const char *dir = argc > 1 ? argv[1] : ".";
	round_trip(dir, 0);
	round_trip(dir, 1000);
	round_trip(dir, 4096);
	round_trip("/dev/shm", 777);

	/* A process forked right after direct writing can write directly itself (with POSIX aio,
	 * whose idle helper threads outlive the request, the child waited forever). */
	round_trip(dir, 0);
	pid_t pid = fork();
	if (pid == 0) {
		alarm(20);
		round_trip(dir, 0);
		_exit(harness_finish("outbuf (forked)") != 0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	/* Standard output is never switched: its open file may be the shell's. */
	ob_direct_after = 0;
	struct outbuf *so = ob_open(stdout);
	ob_flush(so);
	INT_EQ(so->direct, -1);
	ob_close(so);

	/* A pipe is never switched: what goes in comes out. */
	int p[2];
	CHECK(pipe(p) == 0);
	FILE *w = fdopen(p[1], "wb");
	struct outbuf *o = ob_open(w);
	ob_direct_after = 0;
	ob_puts(o, "through a pipe");
	ob_flush(o);
	INT_EQ(o->direct, -1);
	ob_close(o);
	fclose(w);
	char buf[32] = {0};
	CHECK(read(p[0], buf, sizeof buf - 1) == 14);
	STR_EQ(buf, "through a pipe");
	close(p[0]);
	return harness_finish("outbuf");
}
