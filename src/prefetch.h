/* For helpers whose only effect is __builtin_prefetch. GCC finds such a function pure, and a
 * call to a pure function that returns nothing is dead code: unless inlined first, the call
 * and its prefetches are dropped without a word (seen with GCC 12 at -O1 and -O2). */
#ifndef CREDGRAPH_PREFETCH_H
#define CREDGRAPH_PREFETCH_H

#define PREFETCH_HELPER static inline __attribute__((always_inline))

#endif
