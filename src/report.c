#include "report.h"

#include <stdio.h>
#include <stdlib.h>

static int quiet;
static FILE *stream;

void report_set_stream(FILE *f)
{
	stream = f;
}

static FILE *out(void)
{
	return stream ? stream : stderr;
}
static unsigned long n_warnings, n_errors;

void report_set_quiet(int q)
{
	quiet = q;
}

unsigned long report_warning_count(void)
{
	return n_warnings;
}

unsigned long report_error_count(void)
{
	return n_errors;
}

static void vprint(const char *prefix, const char *fmt, va_list ap)
{
	fputs(prefix, out());
	vfprintf(out(), fmt, ap);
	fputc('\n', out());
}

void diag(enum severity sev, const struct srcloc *loc, const char *fmt, ...)
{
	va_list ap;
	if (sev == SEV_ERROR) n_errors++;
	else n_warnings++;
	if (sev == SEV_WARNING && quiet) return;
	if (loc && loc->file) {
		fputs(loc->file, out());
		if (loc->line) fprintf(out(), ":%lu", loc->line);
		if (loc->line && loc->col) fprintf(out(), ":%lu", loc->col);
		fputs(": ", out());
	} else {
		fputs("credgraph: ", out());
	}
	fputs(sev == SEV_ERROR ? "error: " : "warning: ", out());
	va_start(ap, fmt);
	vfprintf(out(), fmt, ap);
	va_end(ap);
	fputc('\n', out());
}

void die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint("credgraph: error: ", fmt, ap);
	va_end(ap);
	exit(code);
}

int error(const char *fmt, ...)
{
	va_list ap;
	n_errors++;
	va_start(ap, fmt);
	vprint("credgraph: error: ", fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;
	n_warnings++;
	if (quiet) return;
	va_start(ap, fmt);
	vprint("credgraph: warning: ", fmt, ap);
	va_end(ap);
}
