#include "intern.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report.h"
#include "xalloc.h"

static uint64_t key0, key1;

static uint64_t rotl(uint64_t x, int b)
{
	return (x << b) | (x >> (64 - b));
}

/* 8- and 4-byte loads as little-endian numbers, as SipHash reads its input on every machine. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
static uint64_t le64(uint64_t x) { return __builtin_bswap64(x); }
static uint32_t le32(uint32_t x) { return __builtin_bswap32(x); }
#else
static uint64_t le64(uint64_t x) { return x; }
static uint32_t le32(uint32_t x) { return x; }
#endif

#define SIPROUND                                                                            \
	do {                                                                                \
		v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);                  \
		v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;                                      \
		v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;                                      \
		v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);                  \
	} while (0)

uint64_t siphash13(const void *data, size_t n, uint64_t k0, uint64_t k1)
{
	const unsigned char *p = data;
	uint64_t v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
	uint64_t v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
	uint64_t m, b = (uint64_t)n << 56;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&m, p + i, 8);
		m = le64(m);
		v3 ^= m;
		SIPROUND;
		v0 ^= m;
	}
	/* The last n % 8 bytes, little-endian, read in at most three loads instead of a loop
	 * (most strings hashed are short names): the reader at 1M rows took 0.433-0.439 s of CPU
	 * against 0.451-0.470 s, min of 5, four pairs. */
	size_t left = n - i;
	const unsigned char *t = p + i;
	if (left >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, t, 4);
		memcpy(&hi, t + left - 4, 4);
		b |= le32(lo) | (uint64_t)le32(hi) << (8 * (left - 4));
	} else if (left) {
		b |= t[0] | (uint64_t)t[left / 2] << (8 * (left / 2)) | (uint64_t)t[left - 1] << (8 * (left - 1));
	}
	v3 ^= b;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void init_key(void)
{
	FILE *f = fopen("/dev/urandom", "rb");
	if (!f || fread(&key0, sizeof key0, 1, f) != 1 || fread(&key1, sizeof key1, 1, f) != 1) {
		key0 = (uint64_t)time(NULL) * 0x9E3779B97F4A7C15ULL;
		key1 = (uint64_t)getpid() * 0xC2B2AE3D27D4EB4FULL;
	}
	if (f) fclose(f);
	key0 |= 1;
}

uint64_t intern_hash(const char *s, size_t n)
{
	pthread_once(&key_once, init_key);
	return siphash13(s, n, key0, key1);
}

static void rehash(struct intern *t, size_t nslots)
{
	uint64_t *old = t->slots;
	size_t old_n = old ? t->mask + 1 : 0;
	/* Huge pages: at 10M rows the interning thread was faster in five of six alternating
	 * pairs (4.22-4.81 s of CPU against 4.56-5.06 s); no change at 1M. */
	t->slots = xcalloc_huge(nslots, sizeof(*t->slots));
	t->mask = nslots - 1;
	for (size_t k = 0; k < old_n; k++) {
		if (!old[k]) continue;
		size_t i = (old[k] >> 32) & t->mask;
		while (t->slots[i]) i = (i + 1) & t->mask;
		t->slots[i] = old[k];
	}
	free(old);
}

void intern_init(struct intern *t, size_t expected)
{
	pthread_once(&key_once, init_key);
	memset(t, 0, sizeof(*t));
	arena_init(&t->arena);
	size_t nslots = 64;
	while (nslots < 2 * expected) nslots *= 2;
	rehash(t, nslots);
}

void intern_free(struct intern *t)
{
	arena_free(&t->arena);
	free(t->entry);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

void intern_free_keep_strings(struct intern *t, struct arena *keep)
{
	arena_adopt(keep, &t->arena);
	intern_free(t);
}

static size_t probe(const struct intern *t, const char *s, size_t n, uint32_t h)
{
	size_t i = h & t->mask;
	for (;;) {
		uint64_t slot = t->slots[i];
		if (!slot) return i;
		uint32_t id = (uint32_t)slot - 1;
		if ((uint32_t)(slot >> 32) == h && t->entry[id].len == n && memcmp(t->entry[id].str, s, n) == 0) return i;
		i = (i + 1) & t->mask;
	}
}

int intern_find(const struct intern *t, const char *s, size_t n, uint32_t *id)
{
	uint32_t h = (uint32_t)intern_hash(s, n);
	size_t i = probe(t, s, n, h);
	if (!t->slots[i]) return 0;
	*id = (uint32_t)t->slots[i] - 1;
	return 1;
}

uint32_t intern_add(struct intern *t, const char *s, size_t n, int *is_new)
{
	return intern_add_hashed(t, s, n, intern_hash(s, n), is_new);
}

uint32_t intern_add_hashed(struct intern *t, const char *s, size_t n, uint64_t hash, int *is_new)
{
	if (n > UINT32_MAX) die(EXIT_DATA, "string of %zu bytes is too long to intern", n);
	uint32_t h = (uint32_t)hash;
	size_t i = probe(t, s, n, h);
	if (t->slots[i]) {
		if (is_new) *is_new = 0;
		return (uint32_t)t->slots[i] - 1;
	}
	if (t->n >= UINT32_MAX - 1) die(EXIT_DATA, "more than %u distinct strings", UINT32_MAX - 1);
	size_t id = t->n++;
	GROW(t->entry, t->n, t->cap);
	t->entry[id] = (struct intern_entry){arena_strndup(&t->arena, s, n), (uint32_t)n, INTERN_NO_TAG};
	t->slots[i] = (uint64_t)h << 32 | ((uint32_t)id + 1);
	if (2 * t->n > t->mask + 1) rehash(t, 2 * (t->mask + 1));
	if (is_new) *is_new = 1;
	return (uint32_t)id;
}
