#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "outbuf.h"
#include "xalloc.h"

static int quiet, collect;
static unsigned long per_kind_limit; /* 0: no limit */
static FILE *stream;
static void (*before_print)(void);

void report_set_before_print(void (*fn)(void))
{
	before_print = fn;
}
static unsigned long n_warnings, n_errors;

/* Messages of one kind (one call site, identified by its format string) beyond the limit
 * are counted, not printed: a million-row file should not print a million warnings. */
struct kind {
	const char *fmt;
	enum severity sev;
	unsigned long count;
};
static struct kind *kinds;
static size_t n_kinds, cap_kinds;

/* Diagnostics kept for --format json. */
struct entry {
	char *file;
	unsigned long line, col;
	enum severity sev;
	char *message;
};
static struct entry *entries;
static size_t n_entries, cap_entries;

void report_set_stream(FILE *f)
{
	stream = f;
}

static FILE *out(void)
{
	if (before_print) before_print();
	return stream ? stream : stderr;
}

void report_set_quiet(int q)
{
	quiet = q;
}

void report_set_limit(unsigned long limit)
{
	per_kind_limit = limit;
}

void report_set_collect(int on)
{
	collect = on;
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

/* Count a message of this kind; returns 1 when it should still be shown. */
static int within_limit(const char *fmt, enum severity sev)
{
	for (size_t i = 0; i < n_kinds; i++)
		if (kinds[i].fmt == fmt) return ++kinds[i].count <= per_kind_limit || !per_kind_limit;
	GROW(kinds, n_kinds + 1, cap_kinds);
	kinds[n_kinds++] = (struct kind){fmt, sev, 1};
	return 1;
}

static void vdiag(enum severity sev, const struct srcloc *loc, const char *kind, const char *fmt, va_list args)
{
	va_list ap;
	if (sev == SEV_ERROR) n_errors++;
	else n_warnings++;
	if (!within_limit(kind, sev) || (sev == SEV_WARNING && quiet)) return;
	if (collect) {
		va_copy(ap, args);
		int n = vsnprintf(NULL, 0, fmt, ap);
		va_end(ap);
		char *msg = xmalloc((size_t)(n > 0 ? n : 0) + 1);
		va_copy(ap, args);
		vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
		va_end(ap);
		GROW(entries, n_entries + 1, cap_entries);
		entries[n_entries++] = (struct entry){loc && loc->file ? xstrdup(loc->file) : NULL, loc ? loc->line : 0,
		                                      loc ? loc->col : 0, sev, msg};
		return;
	}
	if (loc && loc->file) {
		fputs(loc->file, out());
		if (loc->line) fprintf(out(), ":%lu", loc->line);
		if (loc->line && loc->col) fprintf(out(), ":%lu", loc->col);
		fputs(": ", out());
	} else {
		fputs("credgraph: ", out());
	}
	fputs(sev == SEV_ERROR ? "error: " : "warning: ", out());
	va_copy(ap, args);
	vfprintf(out(), fmt, ap);
	va_end(ap);
	fputc('\n', out());
}

void diag(enum severity sev, const struct srcloc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(sev, loc, fmt, fmt, ap);
	va_end(ap);
}

void diag_kind(enum severity sev, const struct srcloc *loc, const char *kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(sev, loc, kind, fmt, ap);
	va_end(ap);
}

void report_flush_limits(void)
{
	for (size_t i = 0; i < n_kinds; i++) {
		struct kind *k = &kinds[i];
		if (!per_kind_limit || k->count <= per_kind_limit || (k->sev == SEV_WARNING && quiet)) continue;
		fprintf(out(), "credgraph: %s: %lu more like \"", k->sev == SEV_ERROR ? "error" : "warning",
		        k->count - per_kind_limit);
		/* The message's fixed words, with "..." for each value. */
		for (const char *p = k->fmt; *p; p++) {
			if (*p != '%') {
				fputc(*p, out());
				continue;
			}
			if (p[1] == '%') {
				fputc(*++p, out());
				continue;
			}
			while (p[1] && !strchr("csdiuxXfgeEp", p[1])) p++;
			if (p[1]) p++;
			fputs("...", out());
		}
		fputs("\" not shown\n", out());
	}
	free(kinds);
	kinds = NULL;
	n_kinds = cap_kinds = 0;
}

void report_print_json(FILE *file)
{
	struct outbuf *f = ob_open(file);
	ob_puts(f, "[\n");
	for (size_t i = 0; i < n_entries; i++) {
		const struct entry *e = &entries[i];
		ob_puts(f, "  {\"file\": ");
		if (e->file) json_string(f, e->file);
		else ob_puts(f, "null");
		ob_printf(f, ", \"line\": %lu, \"column\": %lu, \"severity\": \"%s\", \"message\": ", e->line, e->col,
		        e->sev == SEV_ERROR ? "error" : "warning");
		json_string(f, e->message);
		ob_printf(f, "}%s\n", i + 1 < n_entries ? "," : "");
		free(e->file);
		free(e->message);
	}
	ob_puts(f, "]\n");
	ob_close(f);
	free(entries);
	entries = NULL;
	n_entries = cap_entries = 0;
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
	if (quiet || !within_limit(fmt, SEV_WARNING)) return;
	va_start(ap, fmt);
	vprint("credgraph: warning: ", fmt, ap);
	va_end(ap);
}
