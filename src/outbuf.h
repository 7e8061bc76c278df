/* A write buffer in front of a FILE*: the writers' hot loops append bytes and numbers here
 * instead of calling stdio (and printf) once per value. Errors surface on the FILE* when the
 * buffer is flushed, where out_commit checks them.
 *
 * Past ob_direct_after bytes, a regular file is written with O_DIRECT from a bigger aligned
 * buffer, bypassing the page cache (see try_direct for why); whatever the file system refuses
 * goes through the FILE* as before, so the bytes and the error reporting stay the same. */
#ifndef CREDGRAPH_OUTBUF_H
#define CREDGRAPH_OUTBUF_H
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <stdio.h>
#include <string.h>

enum { OUTBUF_SIZE = 1 << 16 };

struct outbuf {
	FILE *f;
	char *buf;         /* `small`, or the aligned buffer of direct writing */
	size_t len, cap;
	uint64_t written;  /* bytes handed to the kernel */
	uint64_t unsynced; /* of which since writeback was last started */
	int direct;        /* 1: O_DIRECT on; -1: refused, never again; 0: not yet */
	char *spare;       /* direct: the other buffer, being written while `buf` fills */
	int in_flight;     /* direct: `write` is under way on `writer` (1), or was done here (2) */
	pthread_t writer;
	struct direct_write {
		int fd;
		const char *p;
		size_t n, done;
		off_t at;
	} write;
	off_t at;          /* direct: file offset of the next write */
	char small[OUTBUF_SIZE];
};

/* Bytes written through the page cache before switching to O_DIRECT; tests lower it. */
extern uint64_t ob_direct_after;

struct outbuf *ob_open(FILE *f);
/* Flush and free (the FILE* stays open). */
void ob_close(struct outbuf *o);
void ob_flush(struct outbuf *o);
void ob_printf(struct outbuf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ob_int(struct outbuf *o, int64_t v);
/* Shortest text that reads back as the same double; integers without a fraction. */
void ob_double(struct outbuf *o, double x);
/* Plain decimal, never e-notation, 10 significant digits (DOT). */
void ob_fixed(struct outbuf *o, double x);

/* ob_write when p does not fit in what is left of the buffer. */
void ob_write_long(struct outbuf *o, const void *p, size_t n);

static inline void ob_write(struct outbuf *o, const void *p, size_t n)
{
	if (o->len + n > o->cap) {
		ob_write_long(o, p, n);
		return;
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static inline void ob_putc(struct outbuf *o, char c)
{
	if (o->len == o->cap) ob_flush(o);
	o->buf[o->len++] = c;
}

static inline void ob_puts(struct outbuf *o, const char *s)
{
	ob_write(o, s, strlen(s));
}

#endif
