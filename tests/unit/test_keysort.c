/* sort_keys_by_high_word against qsort: rows of 0 to 600 keys whose ids differ in their lowest
 * 1, 2, 3 or 4 bytes, spread or consecutive, given sorted, reversed and shuffled. An odd
 * number of radix passes, a byte most keys share and the insertion sort's first place are all
 * met. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "keysort.h"

static uint64_t state = 0x9E3779B97F4A7C15ULL;

static uint64_t next_random(void)
{
	state ^= state << 13, state ^= state >> 7, state ^= state << 17;
	return state;
}

static int by_value(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

int main(void)
{
	enum { MOST = 600 };
	static uint64_t key[MOST], want[MOST], spare[MOST];
	size_t wrong = 0, rows = 0;
	for (int bytes = 1; bytes <= 4; bytes++) {
		uint64_t span = bytes == 4 ? (uint64_t)1 << 32 : (uint64_t)1 << (8 * bytes);
		for (size_t n = 0; n <= MOST && n <= span; n += n < 70 ? 1 : 37) {
			for (int order = 0; order < 6; order++) {
				/* n distinct ids below span: an odd step permutes the residues mod span; step 1
				 * (orders 3 to 5) makes runs where most keys share a byte, and some do not */
				uint64_t step = order >= 3 ? 1 : (next_random() | 1) % span | 1, start = next_random() % span;
				for (size_t i = 0; i < n; i++) key[i] = ((start + i * step) % span) << 32 | (next_random() & 0xFFFFFFFF);
				if (order % 3 < 2) qsort(key, n, sizeof *key, by_value);
				if (order % 3 == 1)
					for (size_t i = 0; i < n / 2; i++) {
						uint64_t t = key[i];
						key[i] = key[n - 1 - i];
						key[n - 1 - i] = t;
					}
				memcpy(want, key, n * sizeof *key);
				qsort(want, n, sizeof *want, by_value);
				sort_keys_by_high_word(key, spare, n);
				wrong += memcmp(key, want, n * sizeof *key) != 0;
				rows++;
			}
		}
	}
	INT_EQ(wrong, 0);
	CHECK(rows > 1000);
	return harness_finish("keysort");
}
