#define _DEFAULT_SOURCE /* madvise */
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "report.h"

static void out_of_memory(size_t n)
{
	die(EXIT_IO, "out of memory (requesting %zu bytes)", n);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) out_of_memory(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p) out_of_memory(count * size);
	return p;
}

void *xcalloc_huge(size_t count, size_t size)
{
	void *p = xcalloc(count, size);
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t from = ((uintptr_t)p + huge - 1) & ~(huge - 1), to = ((uintptr_t)p + count * size) & ~(huge - 1);
	if (to > from) madvise((void *)from, to - from, MADV_HUGEPAGE); /* only a hint: failure is harmless */
#endif
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) out_of_memory(n);
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

size_t st_mult(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
	return count * size;
}
