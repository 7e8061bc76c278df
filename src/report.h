/* Diagnostics in the compiler form and the exit-code contract.
 *
 *   FILE:LINE:COL: error: what      a located problem in the input
 *   FILE:LINE:COL: warning: what    a located problem credgraph worked around
 *   credgraph: error: what          everything without a location
 */
#ifndef CREDGRAPH_REPORT_H
#define CREDGRAPH_REPORT_H
#include <stdarg.h>
#include <stdio.h>

enum exit_code {
	EXIT_OK = 0,       /* done; also when there were only warnings */
	EXIT_PROBLEMS = 1, /* a check or query found problems, or nothing */
	EXIT_USAGE = 2,    /* bad command line */
	EXIT_DATA = 3,     /* bad input data */
	EXIT_IO = 4,       /* I/O, resources or an igraph failure */
};

enum severity { SEV_WARNING, SEV_ERROR };

/* A position in an input file: LINE is the physical line, COL counts characters from 1.
 * A zero line or col is left out of the message. */
struct srcloc {
	const char *file;
	unsigned long line;
	unsigned long col;
};

/* Where diagnostics go (standard error unless a test captures them). */
void report_set_stream(FILE *f);
/* Called before any message is printed (the progress line clears itself). */
void report_set_before_print(void (*fn)(void));
/* Quiet mode drops warnings from stderr (they are still counted). */
void report_set_quiet(int quiet);
void diag(enum severity sev, const struct srcloc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same, counted and limited as messages of format `kind` (a message formatted earlier,
 * on another thread, keeps its kind). */
void diag_kind(enum severity sev, const struct srcloc *loc, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Show at most `limit` messages of each kind (0: all); report_flush_limits then says how many
 * more of each kind there were. */
void report_set_limit(unsigned long limit);
void report_flush_limits(void);
/* Keep located diagnostics instead of printing them; report_print_json writes them out. */
void report_set_collect(int on);
void report_print_json(FILE *f);
unsigned long report_warning_count(void);
unsigned long report_error_count(void);

/* "credgraph: error: what" and exit with `code`. Temporary outputs are removed by atexit hooks. */
_Noreturn void die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "credgraph: error: what"; returns -1 so that `return error(...)` reads well. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "credgraph: warning: what" */
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
