/* SHA-256 (FIPS 180-4) for input provenance: users can compare with `sha256sum`. O(n). */
#ifndef CREDGRAPH_SHA256_H
#define CREDGRAPH_SHA256_H
#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t total;
	unsigned char buf[64];
	size_t used;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t n);
void sha256_final(struct sha256 *c, unsigned char out[32]);
/* Use the portable code even where the CPU has SHA instructions (1), or not (0): for tests. */
void sha256_use_portable(int portable);
/* 64 lowercase hex digits and a NUL. */
void sha256_hex(const unsigned char digest[32], char out[65]);

#endif
