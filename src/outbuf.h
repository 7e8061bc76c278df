/* A write buffer in front of a FILE*: the writers' hot loops append bytes and numbers here
 * instead of calling stdio (and printf) once per value. Errors surface on the FILE* when the
 * buffer is flushed, where out_commit checks them. */
#ifndef CREDGRAPH_OUTBUF_H
#define CREDGRAPH_OUTBUF_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { OUTBUF_SIZE = 1 << 16 };

struct outbuf {
	FILE *f;
	size_t len;
	uint64_t unsynced; /* bytes handed to the kernel since writeback was last started */
	char buf[OUTBUF_SIZE];
};

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

static inline void ob_write(struct outbuf *o, const void *p, size_t n)
{
	if (o->len + n > OUTBUF_SIZE) {
		ob_flush(o);
		if (n > OUTBUF_SIZE) {
			fwrite(p, 1, n, o->f);
			return;
		}
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static inline void ob_putc(struct outbuf *o, char c)
{
	if (o->len == OUTBUF_SIZE) ob_flush(o);
	o->buf[o->len++] = c;
}

static inline void ob_puts(struct outbuf *o, const char *s)
{
	ob_write(o, s, strlen(s));
}

#endif
