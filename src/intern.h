/* String interning: byte strings -> dense ids 0..n-1 in first-seen order.
 *
 * Open addressing over a power-of-two table, load factor <= 0.5, each slot holding an id and
 * the 32-bit hash of its string, so that probes and growth never re-hash, and a probe reads
 * the id's entry and string only when the hashes match. A found string thus costs three
 * cache misses (slot, entry, string), which a caller can start early, one after the other
 * (intern_prefetch). Strings live in an arena. The hash is SipHash-1-3 with a
 * per-process random key, so names crafted to collide cannot degrade lookups to O(n);
 * ids depend only on insertion order, so output never depends on the key.
 * Find-or-insert is expected O(len); growth is amortised O(1) per string. */
#ifndef CREDGRAPH_INTERN_H
#define CREDGRAPH_INTERN_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "prefetch.h"

/* What a table knows of each string, by id, in one place: a lookup that found the id reads
 * one more cache line, not one per array. */
struct intern_entry {
	const char *str;
	uint32_t len;
	uint32_t tag; /* the owner's number for the string; INTERN_NO_TAG until set */
};
#define INTERN_NO_TAG UINT32_MAX

struct intern {
	struct arena arena;
	struct intern_entry *entry;
	size_t n, cap;
	uint64_t *slots; /* hash << 32 | (id + 1); 0 is empty */
	size_t mask;
};

void intern_init(struct intern *t, size_t expected);
void intern_free(struct intern *t);
/* intern_free, but the strings stay valid: their arena's blocks go to *keep, freed with it. */
void intern_free_keep_strings(struct intern *t, struct arena *keep);
/* Id of s[0..n), inserting it if new (then *is_new = 1 when is_new is given). */
uint32_t intern_add(struct intern *t, const char *s, size_t n, int *is_new);
/* The hash every table uses for s[0..n): computed once, it can be passed on (even from
 * another thread) to intern_add_hashed and intern_prefetch. */
uint64_t intern_hash(const char *s, size_t n);
uint32_t intern_add_hashed(struct intern *t, const char *s, size_t n, uint64_t hash, int *is_new);
/* A lookup of that hash fetched into the cache in three stages, each called some rows
 * before the lookup and each reading only what the one before fetched: the slot where the
 * lookup begins, then the entry of the id it holds if the hashes match, then its string. */
PREFETCH_HELPER void intern_prefetch(const struct intern *t, uint64_t hash)
{
	__builtin_prefetch(&t->slots[(uint32_t)hash & t->mask]);
}
static inline const struct intern_entry *intern_first_match(const struct intern *t, uint64_t hash)
{
	uint64_t slot = t->slots[(uint32_t)hash & t->mask];
	return slot && (uint32_t)(slot >> 32) == (uint32_t)hash ? &t->entry[(uint32_t)slot - 1] : NULL;
}
PREFETCH_HELPER void intern_prefetch_entry(const struct intern *t, uint64_t hash)
{
	const struct intern_entry *e = intern_first_match(t, hash);
	if (e) __builtin_prefetch(e);
}
PREFETCH_HELPER void intern_prefetch_string(const struct intern *t, uint64_t hash)
{
	const struct intern_entry *e = intern_first_match(t, hash);
	if (e) __builtin_prefetch(e->str);
}
/* Id of s[0..n) if present: returns 1 and sets *id, else 0. */
int intern_find(const struct intern *t, const char *s, size_t n, uint32_t *id);
static inline const char *intern_str(const struct intern *t, uint32_t id) { return t->entry[id].str; }
/* The owner's number for string id, to read or set; valid until the table's next insertion. */
static inline uint32_t *intern_tag(struct intern *t, uint32_t id) { return &t->entry[id].tag; }
static inline size_t intern_count(const struct intern *t) { return t->n; }

uint64_t siphash13(const void *data, size_t n, uint64_t k0, uint64_t k1);

#endif
