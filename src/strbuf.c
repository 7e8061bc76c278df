#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"

static char empty_buf[1];

void sb_init(struct strbuf *sb)
{
	sb->buf = empty_buf;
	sb->len = sb->cap = 0;
}

void sb_release(struct strbuf *sb)
{
	if (sb->cap) free(sb->buf);
	sb_init(sb);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->cap) sb->buf[0] = '\0';
}

char *sb_reserve(struct strbuf *sb, size_t n)
{
	if (!sb->buf) sb_init(sb);
	if (sb->len + n + 1 > sb->cap) {
		size_t cap = sb->cap < 64 ? 64 : sb->cap;
		while (cap < sb->len + n + 1) cap += cap / 2;
		char *nb = sb->cap ? xrealloc(sb->buf, cap) : xmalloc(cap);
		if (!sb->cap) memcpy(nb, sb->buf, sb->len + 1);
		sb->buf = nb;
		sb->cap = cap;
	}
	return sb->buf + sb->len;
}

void sb_add(struct strbuf *sb, const void *data, size_t n)
{
	memcpy(sb_reserve(sb, n), data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_addstr(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addch(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	size_t room = 64;
	for (;;) {
		char *dst = sb_reserve(sb, room);
		va_start(ap, fmt);
		int n = vsnprintf(dst, room + 1, fmt, ap);
		va_end(ap);
		if (n < 0) {
			sb->buf[sb->len] = '\0';
			return;
		}
		if ((size_t)n <= room) {
			sb->len += (size_t)n;
			return;
		}
		room = (size_t)n;
	}
}
