/* A bump allocator for strings that live as long as the run: labels, roles, titles.
 * Nothing is freed one by one; arena_free releases everything at once. */
#ifndef CREDGRAPH_ARENA_H
#define CREDGRAPH_ARENA_H
#include <stddef.h>

struct arena_block;
struct arena {
	struct arena_block *head;
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Moves every block of `from` into a, which frees them with its own; `from` is left empty.
 * O(blocks of from). */
void arena_adopt(struct arena *a, struct arena *from);

#endif
