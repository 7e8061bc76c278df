/* SipHash-1-3, which keys every intern table and digests every record: known answers from an
 * independent implementation, CPython's hash() of bytes (sys.hash_info.algorithm
 * "siphash13"), on the first 1 to 24 bytes of one message (every tail length, three times):
 *   PYTHONHASHSEED=0 python3 -c 'm = bytes((i * 37 + 11) & 255 for i in range(24));
 *                                print([hex(hash(m[:n]) % 2**64) for n in range(1, 25)])'
 * Seed 0 is the key (0, 0); seed 12345 is the key CPython's seed generator (x = x * 214013 +
 * 2531011, byte (x >> 16) & 255) makes of it. The empty string, which CPython hashes to 0
 * instead, is d1fba762150c532c under the key (0, 0) in the Rust SipHasher13 tests. */
#include <stdint.h>

#include "harness.h"
#include "intern.h"

static const uint64_t zero_key[24] = {
	0x26144e6cff3ac45cULL, 0x52bd41de9d38aaf7ULL, 0xa4fa623f1c3d8f91ULL, 0x33bce358c2baa9b2ULL,
	0x3e7c050f956de4d6ULL, 0x10b0654a400278b1ULL, 0xdf736fc88c20792aULL, 0x13c8df4ec019b503ULL,
	0xdfb5eb7cc3223b49ULL, 0x20aded9861e58ff1ULL, 0x60c42a6c0dfe371aULL, 0xe15d7193b9e32b33ULL,
	0x4df179531373eff2ULL, 0x10a40dec9c0adf99ULL, 0xbeba3cf576457485ULL, 0x610125500b21b982ULL,
	0xfa02bdcf2ab24ba9ULL, 0xc6050cabd13e9a25ULL, 0x221cb23c4bc12104ULL, 0x4bfd364cd0ffa5abULL,
	0xb883d30dbce2f400ULL, 0xd337c7f921663ecaULL, 0x531d14b303e627fdULL, 0xeae603e6e35f8680ULL,
};

static const uint64_t seed_12345[24] = {
	0x69d5aa43d4c8ffd9ULL, 0xf54da09cd10f01a7ULL, 0xc8b055fd1ea681bcULL, 0xede9f074d1b7057bULL,
	0x294683ad2c12a861ULL, 0x775b34226ff33d65ULL, 0x2939ad5ea69dcb6bULL, 0x7bb333f07612a343ULL,
	0x777b6d95f01e5cbbULL, 0x098e341ec5e0ed8eULL, 0xc19a52f95b41226eULL, 0x99bfca727522dd73ULL,
	0x71de0544509866f2ULL, 0x78ca7fd904e09fe9ULL, 0x5fa8b4bc563df69eULL, 0xe15ac58b569c9265ULL,
	0xe854260b087ad608ULL, 0x6ee93016070e537bULL, 0x6f6d01b2008aad22ULL, 0xb19cc8884e2146d4ULL,
	0x55a3ec99de4d0158ULL, 0x70ce246acfac0b85ULL, 0x2df274c96a395c2aULL, 0x2acf5aaef9a256bfULL,
};

int main(void)
{
	unsigned char m[24 + 8];
	for (int i = 0; i < 24; i++) m[i] = (unsigned char)(i * 37 + 11);
	CHECK(siphash13(m, 0, 0, 0) == 0xd1fba762150c532cULL);
	for (size_t n = 1; n <= 24; n++) {
		CHECK(siphash13(m, n, 0, 0) == zero_key[n - 1]);
		CHECK(siphash13(m, n, 0x25556dc46dc3dca0ULL, 0xfc3ee4dbd06f6c90ULL) == seed_12345[n - 1]);
	}
	/* The same bytes at every alignment. */
	unsigned char shifted[24 + 8];
	for (size_t at = 1; at < 8; at++) {
		for (int i = 0; i < 24; i++) shifted[at + i] = m[i];
		for (size_t n = 1; n <= 24; n++) CHECK(siphash13(shifted + at, n, 0, 0) == zero_key[n - 1]);
	}
	return harness_finish("siphash");
}
