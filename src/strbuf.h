/* A growable byte buffer. `buf` is never NULL and always NUL-terminated. */
#ifndef CREDGRAPH_STRBUF_H
#define CREDGRAPH_STRBUF_H
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT {0, 0, 0}

void sb_init(struct strbuf *sb);
void sb_release(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_add(struct strbuf *sb, const void *data, size_t n);
void sb_addstr(struct strbuf *sb, const char *s);
void sb_addch(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Make room for n more bytes; returns where they go (caller then bumps len). */
char *sb_reserve(struct strbuf *sb, size_t n);

#endif
