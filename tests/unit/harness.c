#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;

void check(int ok, const char *file, int line, const char *what)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
}

void check_int(long long got, long long want, const char *file, int line, const char *what)
{
	check(got == want, file, line, what);
	if (got != want) fprintf(stderr, "  got %lld, want %lld\n", got, want);
}

void check_str(const char *got, const char *want, const char *file, int line, const char *what)
{
	int ok = got && want ? strcmp(got, want) == 0 : got == want;
	check(ok, file, line, what);
	if (!ok) fprintf(stderr, "  got \"%s\"\n  want \"%s\"\n", got ? got : "(null)", want ? want : "(null)");
}

void check_near(double got, double want, double tol, const char *file, int line, const char *what)
{
	int ok = fabs(got - want) <= tol;
	check(ok, file, line, what);
	if (!ok) fprintf(stderr, "  got %.17g, want %.17g (tolerance %g)\n", got, want, tol);
}

int harness_finish(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, passed, failed);
	return failed ? 1 : 0;
}
