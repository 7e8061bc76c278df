/* Allocation that never returns NULL: on exhaustion credgraph reports and exits 4. */
#ifndef CREDGRAPH_XALLOC_H
#define CREDGRAPH_XALLOC_H
#include <stddef.h>
#include <stdlib.h> /* free() pairs with these */

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* xcalloc for a big table read and written at random: its 2 MiB-aligned part is marked for
 * huge pages (MADV_HUGEPAGE, where the system has it), so that a TLB entry covers 512 times
 * as much of it and fewer of its lookups wait on a page walk. */
void *xcalloc_huge(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* count * size, exiting on overflow. */
size_t st_mult(size_t count, size_t size);

/* Grow array `a` (with capacity `cap`) so that it can hold `need` elements; amortised O(1). */
#define GROW(a, need, cap)                                                          \
	do {                                                                        \
		if ((size_t)(need) > (cap)) {                                       \
			size_t grow_to_ = (cap) < 16 ? 16 : (cap) + (cap) / 2;      \
			if (grow_to_ < (size_t)(need)) grow_to_ = (size_t)(need);   \
			(a) = xrealloc((a), st_mult(grow_to_, sizeof(*(a))));       \
			(cap) = grow_to_;                                           \
		}                                                                   \
	} while (0)

#endif
