#include "outbuf.h"

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
	return o;
}

void ob_flush(struct outbuf *o)
{
	if (o->len) fwrite(o->buf, 1, o->len, o->f);
	o->len = 0;
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
