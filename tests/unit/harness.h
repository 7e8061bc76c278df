/* A tiny test harness: CHECK / INT_EQ / STR_EQ record failures and go on; each test binary
 * prints "name: N passed, M failed" and exits non-zero on any failure. */
#ifndef CREDGRAPH_HARNESS_H
#define CREDGRAPH_HARNESS_H
#include <stddef.h>

void check(int ok, const char *file, int line, const char *what);
void check_int(long long got, long long want, const char *file, int line, const char *what);
void check_str(const char *got, const char *want, const char *file, int line, const char *what);
void check_near(double got, double want, double tol, const char *file, int line, const char *what);
int harness_finish(const char *name);

#define CHECK(cond) check((cond), __FILE__, __LINE__, #cond)
#define INT_EQ(got, want) check_int((long long)(got), (long long)(want), __FILE__, __LINE__, #got)
#define STR_EQ(got, want) check_str((got), (want), __FILE__, __LINE__, #got)
#define NEAR(got, want, tol) check_near((got), (want), (tol), __FILE__, __LINE__, #got)

#endif
