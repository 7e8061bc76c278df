/* sync_file_range is a Linux extension */
#define _GNU_SOURCE
#include "outbuf.h"

#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>

#include "escape.h"
#include "xalloc.h"

struct outbuf *ob_open(FILE *f)
{
	struct outbuf *o = xmalloc(sizeof(*o));
	o->f = f;
	o->len = 0;
	o->unsynced = 0;
	return o;
}

enum { WRITEBACK_STEP = 32u << 20 };

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

void ob_flush(struct outbuf *o)
{
	if (o->len) fwrite(o->buf, 1, o->len, o->f);
	o->unsynced += o->len;
	o->len = 0;
	if (o->unsynced >= WRITEBACK_STEP) {
		start_writeback(o->f);
		o->unsynced = 0;
	}
}

void ob_close(struct outbuf *o)
{
	ob_flush(o);
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
