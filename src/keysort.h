/* Sorting 64-bit keys whose upper 32 bits are distinct ids (the lower bits: where each key
 * came from), such as a row of the collaboration network. */
#ifndef CREDGRAPH_KEYSORT_H
#define CREDGRAPH_KEYSORT_H
#include <stddef.h>
#include <stdint.h>

/* Sorts key[0..n) ascending, given that no two keys share their upper 32 bits; spare has room
 * for n keys. */
void sort_keys_by_high_word(uint64_t *key, uint64_t *spare, size_t n);

#endif
