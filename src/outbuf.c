/* sync_file_range and O_DIRECT are Linux extensions */
#define _GNU_SOURCE
#include "outbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "xalloc.h"

uint64_t ob_direct_after = 64u << 20;

enum {
	WRITEBACK_STEP = 32u << 20,
	DIRECT_ALIGN = 4096,       /* offsets, lengths and addresses: any block size up to a page */
	DIRECT_BUFFER = 8u << 20,  /* per write: big enough that the device streams */
};

struct outbuf *ob_open(FILE *f)
{
	struct outbuf *o = xmalloc(sizeof(*o));
	o->f = f;
	o->buf = o->small;
	o->len = 0;
	o->cap = OUTBUF_SIZE;
	o->written = o->unsynced = 0;
	o->direct = 0;
	o->spare = NULL;
	o->in_flight = 0;
	return o;
}

/* Outputs are synced before they are renamed into place. Starting the disk writes every
 * 32 MiB, without waiting for them, lets the disk work while the writer formats the rest,
 * instead of all at the final fsync (gigabytes on big graphs). Not a file: nothing to do. */
static void start_writeback(FILE *f)
{
#ifdef SYNC_FILE_RANGE_WRITE
	if (fflush(f) == 0 && fileno(f) >= 0) sync_file_range(fileno(f), 0, 0, SYNC_FILE_RANGE_WRITE);
#else
	(void)f;
#endif
}

static void set_direct(int fd, int on)
{
	int flags = fcntl(fd, F_GETFL);
	if (flags != -1) fcntl(fd, F_SETFL, on ? flags | O_DIRECT : flags & ~O_DIRECT);
}

/* Through the FILE*, which records any error for out_commit. */
static void write_buffered(struct outbuf *o, const char *p, size_t n)
{
	if (n) fwrite(p, 1, n, o->f);
	o->written += n;
	o->unsynced += n;
	if (o->unsynced >= WRITEBACK_STEP) {
		start_writeback(o->f);
		o->unsynced = 0;
	}
}

/* Gigabytes of output through the page cache cost more processor time than formatting them:
 * on the 2-core machine of the benchmark, 7.9 GB written with dd took 14 s of system time
 * through the page cache, and 0.6 s with O_DIRECT (4.6 s wall). The file is fsynced before
 * its rename anyway, so skipping the cache loses nothing. The writes are asynchronous, two
 * buffers taking turns, so that formatting goes on while the device writes. Switches when
 * the file offset is block-aligned and the file system accepts the flag; otherwise stays
 * buffered for good. */
static void try_direct(struct outbuf *o)
{
	int fd = fileno(o->f);
	struct stat st;
	/* A standard stream's open file may be shared (the shell's, or 2>&1): its flags and offset
	 * are not ours to change. */
	if (o->f == stdout || o->f == stderr || fd < 0 || fflush(o->f) != 0 || fstat(fd, &st) != 0 ||
	    !S_ISREG(st.st_mode)) {
		o->direct = -1;
		return;
	}
	off_t at = lseek(fd, 0, SEEK_CUR);
	size_t to_align = at < 0 ? SIZE_MAX : (size_t)(-(uint64_t)at % DIRECT_ALIGN);
	if (to_align > o->len) return; /* not aligned within this buffer: try at the next flush */
	write_buffered(o, o->buf, to_align);
	o->len -= to_align;
	memmove(o->buf, o->buf + to_align, o->len);
	int flags = fcntl(fd, F_GETFL);
	if (fflush(o->f) != 0 || flags == -1 || fcntl(fd, F_SETFL, flags | O_DIRECT) != 0) {
		o->direct = -1;
		return;
	}
	char *big = aligned_alloc(DIRECT_ALIGN, DIRECT_BUFFER), *spare = aligned_alloc(DIRECT_ALIGN, DIRECT_BUFFER);
	if (!big || !spare) {
		free(big);
		free(spare);
		set_direct(fd, 0);
		o->direct = -1;
		return;
	}
	memcpy(big, o->buf, o->len);
	o->buf = big;
	o->spare = spare;
	o->cap = DIRECT_BUFFER;
	o->at = at + (off_t)to_align;
	o->in_flight = 0;
	o->direct = 1;
}

/* Leave direct writing for good: the file offset goes where the direct writes ended, since
 * pwrite does not move it. */
static void stop_direct(struct outbuf *o)
{
	int fd = fileno(o->f);
	lseek(fd, o->at, SEEK_SET);
	set_direct(fd, 0);
	o->direct = -1;
}

/* A writer thread's whole job: n bytes at offset `at`, by pwrite (which, like any direct write
 * here, leaves the file offset alone). Stops at the first error or short block. */
static void *write_at(void *arg)
{
	struct direct_write *w = arg;
	while (w->done < w->n) {
		ssize_t k = pwrite(w->fd, w->p + w->done, w->n - w->done, w->at + (off_t)w->done);
		if (k < 0 && errno == EINTR) continue;
		if (k <= 0) break; /* finish_write hands the rest to the FILE*, which reports */
		w->done += (size_t)k;
		if ((size_t)k % DIRECT_ALIGN) break; /* the rest is not aligned any more */
	}
	return NULL;
}

/* Wait for the write in flight. What the file system refused (EINVAL: no direct I/O after all)
 * or cut short goes on through the FILE*, which retries it and keeps any lasting error for
 * out_commit. */
static void finish_write(struct outbuf *o)
{
	if (!o->in_flight) return;
	if (o->in_flight == 1) pthread_join(o->writer, NULL);
	o->in_flight = 0;
	struct direct_write *w = &o->write;
	o->written += w->done;
	o->at += (off_t)w->done;
	if (w->done == w->n) return;
	stop_direct(o);
	write_buffered(o, w->p + w->done, w->n - w->done);
}

/* Hand the whole blocks of the buffer to a writer thread and go on in the other buffer with
 * the rest. One thread per block, joined before the next starts and at ob_close: no thread
 * outlives the buffer, so a fork never copies a writer's state (which POSIX aio, whose idle
 * threads linger a second, did: a child forked then waited forever). */
static void write_direct(struct outbuf *o)
{
	size_t n = o->len / DIRECT_ALIGN * DIRECT_ALIGN;
	if (!n) return;
	finish_write(o);
	if (o->direct != 1) {
		write_buffered(o, o->buf, o->len);
		o->len = 0;
		return;
	}
	o->write = (struct direct_write){fileno(o->f), o->buf, n, 0, o->at};
	if (pthread_create(&o->writer, NULL, write_at, &o->write) == 0) {
		o->in_flight = 1;
	} else {
		write_at(&o->write); /* no thread: write it here */
		o->in_flight = 2;
	}
	char *next = o->spare;
	o->spare = o->buf;
	o->len -= n;
	memcpy(next, o->buf + n, o->len);
	o->buf = next;
}

void ob_flush(struct outbuf *o)
{
	if (o->direct == 0 && o->written + o->len >= ob_direct_after) try_direct(o);
	if (o->direct == 1) {
		write_direct(o);
		return;
	}
	write_buffered(o, o->buf, o->len);
	o->len = 0;
}

void ob_write_long(struct outbuf *o, const void *p, size_t n)
{
	const char *s = p;
	while (n) {
		if (o->len == o->cap) ob_flush(o);
		size_t k = o->cap - o->len < n ? o->cap - o->len : n;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
}

/* The last partial block cannot go direct: it is written through the FILE* with the flag off. */
void ob_close(struct outbuf *o)
{
	ob_flush(o);
	finish_write(o);
	if (o->direct == 1) stop_direct(o);
	write_buffered(o, o->buf, o->len);
	if (o->buf != o->small) {
		free(o->buf);
		free(o->spare);
	}
	free(o);
}

void ob_printf(struct outbuf *o, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) return;
	if ((size_t)n < sizeof small) {
		ob_write(o, small, (size_t)n);
		return;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	ob_write(o, big, (size_t)n);
	free(big);
}

void ob_int(struct outbuf *o, int64_t v)
{
	char tmp[24];
	size_t i = sizeof tmp;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0) tmp[--i] = '-';
	ob_write(o, tmp + i, sizeof tmp - i);
}

void ob_double(struct outbuf *o, double x)
{
	if (x == floor(x) && fabs(x) < 1e15) {
		ob_int(o, (int64_t)x);
		return;
	}
	char num[32];
	fmt_double(num, x);
	ob_puts(o, num);
}

void ob_fixed(struct outbuf *o, double x)
{
	if (x == floor(x) && fabs(x) < 1e15) {
		ob_int(o, (int64_t)x);
		return;
	}
	char num[64];
	fmt_fixed(num, x);
	ob_puts(o, num);
}
