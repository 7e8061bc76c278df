#include "arena.h"

#include <string.h>

#include "xalloc.h"

/* Blocks double from 4 KiB to 1 MiB: small inputs stay small, large ones make few calls. */
enum { ARENA_FIRST_BLOCK = 4096, ARENA_BLOCK = 1 << 20 };

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	_Alignas(16) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
}

void arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_block *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct arena_block *b = a->head;
	if (!b || b->cap - b->used < n) {
		size_t step = b ? (b->cap < ARENA_BLOCK ? 2 * b->cap : ARENA_BLOCK) : ARENA_FIRST_BLOCK;
		size_t cap = n > step ? n : step;
		b = xmalloc(sizeof(*b) + cap);
		b->used = 0;
		b->cap = cap;
		/* A huge one-off allocation goes behind the current block so that block stays in use. */
		if (a->head && cap > step) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void arena_adopt(struct arena *a, struct arena *from)
{
	struct arena_block *first = from->head;
	if (!first) return;
	from->head = NULL;
	if (!a->head) {
		a->head = first;
		return;
	}
	/* Behind a's current block, which goes on serving a's allocations. */
	struct arena_block *last = first;
	while (last->next) last = last->next;
	last->next = a->head->next;
	a->head->next = first;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
