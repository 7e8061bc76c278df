/* SHA-256: the FIPS 180-4 examples and, on inputs of every length up to 1,000 bytes and on a
 * megabyte fed in uneven pieces, the same digest from the portable code and from the CPU's
 * SHA instructions (where it has them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sha256.h"

static void digest_hex(const void *data, size_t n, size_t piece, char out[65])
{
	struct sha256 c;
	unsigned char d[32];
	sha256_init(&c);
	for (size_t i = 0; i < n; i += piece) sha256_update(&c, (const char *)data + i, n - i < piece ? n - i : piece);
	sha256_final(&c, d);
	sha256_hex(d, out);
}

int main(void)
{
	char hex[65], other[65];
	for (int portable = 0; portable <= 1; portable++) {
		sha256_use_portable(portable);
		digest_hex("", 0, 1, hex);
		STR_EQ(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		digest_hex("abc", 3, 3, hex);
		STR_EQ(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
		digest_hex(two, strlen(two), 7, hex);
		STR_EQ(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
		char *million = malloc(1000000);
		memset(million, 'a', 1000000);
		digest_hex(million, 1000000, 4093, hex);
		STR_EQ(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
		free(million);
	}
	unsigned char data[1000];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof data; i++) data[i] = (unsigned char)((x = x * 1103515245u + 12345u) >> 16);
	int same = 1;
	for (size_t n = 0; n <= sizeof data; n++) {
		sha256_use_portable(1);
		digest_hex(data, n, 64, other);
		sha256_use_portable(0);
		digest_hex(data, n, n % 97 + 1, hex);
		same &= strcmp(hex, other) == 0;
	}
	CHECK(same);
	return harness_finish("sha256");
}
