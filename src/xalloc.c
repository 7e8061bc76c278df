/* madvise and MADV_HUGEPAGE are Linux extensions */
#define _DEFAULT_SOURCE
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

/* Big arrays (rows, hash tables, edge lists) are read at random: on 2 MiB pages they take
 * 512 times fewer page faults and TLB misses. Linux gives them only when asked
 * (transparent_hugepage=madvise, Debian's default); elsewhere this is a no-op. */
enum { HUGE_PAGE = 2u << 20 };

static void *huge_pages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	if (n >= 2 * (size_t)HUGE_PAGE) {
		uintptr_t start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
		uintptr_t end = ((uintptr_t)p + n) & ~(uintptr_t)(HUGE_PAGE - 1);
		if (end > start) madvise((void *)start, end - start, MADV_HUGEPAGE);
	}
#endif
	return p;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) out_of_memory(n);
	return huge_pages(p, n);
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p) out_of_memory(count * size);
	return huge_pages(p, count * size);
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) out_of_memory(n);
	return huge_pages(q, n);
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
