#include "csvload.h"

#include <csv.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "normalize.h"
#include "progress.h"
#include "report.h"
#include "sha256.h"
#include "strbuf.h"
#include "xalloc.h"

const struct csv_opts csv_default_opts = {
	.delimiter = 0,
	.max_field = 64u << 20,
	.max_fields = 10000,
	.chunk_size = 1u << 20,
};

enum { DETECT_BYTES = 64 * 1024 }; /* where the delimiter is detected */

struct field_slot {
	size_t off, len;
	unsigned long line, col;
	int missing;
};

/* All parse state, passed to libcsv's callbacks through `void *`.
 *
 * Positions: the input is fed to libcsv in segments that end just after a delimiter, CR or
 * LF. libcsv reports a field only when it sees the byte that ends it, so each field callback
 * happens in the segment that ends the field, and the next field starts at the next byte. */
struct loader {
	const char *file;
	const struct csv_opts *opts;
	csv_record_fn fn;
	void *user;

	unsigned long line, col; /* position of the next byte: col counts chars already on the line */
	int prev_cr;
	int need_field_start, need_record_start;
	unsigned long field_line, field_col, record_line;
	size_t field_bytes;

	struct strbuf bytes;     /* the current record's field contents, NUL-separated */
	struct field_slot *slots;
	size_t n_slots, cap_slots;
	struct csv_field *fields;
	size_t cap_fields;
	size_t records;
	int bad_record;          /* the current record had invalid UTF-8 */
	int recovering;          /* after a quoting error: skipping to the end of the line */
	int status;              /* first non-zero result: stops reading */
	int data_errors;
};

static void on_field(void *s, size_t len, void *user)
{
	struct loader *L = user;
	if (L->status) return;
	if (L->n_slots >= L->opts->max_fields) {
		struct srcloc loc = {L->file, L->field_line, L->field_col};
		diag(SEV_ERROR, &loc, "record has more than %zu fields (raise the limit with --max-fields)",
		     L->opts->max_fields);
		L->status = EXIT_DATA;
		return;
	}
	if (len > L->opts->max_field) {
		struct srcloc loc = {L->file, L->field_line, L->field_col};
		diag(SEV_ERROR, &loc, "field longer than %zu bytes (raise the limit with --max-field)", L->opts->max_field);
		L->status = EXIT_DATA;
		return;
	}
	GROW(L->slots, L->n_slots + 1, L->cap_slots);
	struct field_slot *f = &L->slots[L->n_slots++];
	f->off = L->bytes.len;
	f->len = s ? len : 0;
	f->line = L->field_line;
	f->col = L->field_col;
	f->missing = s == NULL;
	if (s) {
		const char *nul = memchr(s, '\0', len);
		size_t bad = nul ? (size_t)(nul - (const char *)s) : utf8_check(s, len);
		if (bad < len) {
			/* The column of the bad byte, when it sits on the field's first line. */
			const char *nl = memchr(s, '\n', bad);
			struct srcloc loc = {L->file, f->line, nl ? 0 : f->col + utf8_chars(s, bad)};
			if (nul) {
				/* A binary or UTF-16 file: one message, not one per field. */
				diag(SEV_ERROR, &loc, "NUL byte: is this a UTF-16 or binary file? Re-save it as UTF-8 text");
				L->status = EXIT_DATA;
				return;
			}
			diag(SEV_ERROR, &loc, "invalid UTF-8 (byte 0x%02X); re-save the file as UTF-8",
			     ((unsigned char *)s)[bad]);
			L->bad_record = 1;
			L->data_errors++;
		}
		sb_add(&L->bytes, s, len);
	}
	sb_addch(&L->bytes, '\0');
	L->need_field_start = 1;
	L->field_bytes = 0;
}

static void on_record(int term, void *user)
{
	struct loader *L = user;
	(void)term;
	if (L->status) return;
	if (!L->bad_record) {
		GROW(L->fields, L->n_slots, L->cap_fields);
		for (size_t i = 0; i < L->n_slots; i++) {
			struct field_slot *s = &L->slots[i];
			L->fields[i] = (struct csv_field){L->bytes.buf + s->off, s->len, s->line, s->col, s->missing};
		}
		struct csv_record rec = {L->file, L->record_line, L->records, L->n_slots, L->fields};
		L->status = L->fn(&rec, L->user);
	}
	L->records++;
	L->n_slots = 0;
	L->bad_record = 0;
	sb_reset(&L->bytes);
	L->need_record_start = 1;
}

/* Most frequent of , ; TAB outside quotes on the first line; comma when none. */
static char detect_delimiter(const char *buf, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;
	for (size_t i = 0; i < n; i++) {
		char c = buf[i];
		if (c == '"') quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r')) break;
		else if (!quoted && c == ',') comma++;
		else if (!quoted && c == ';') semi++;
		else if (!quoted && c == '\t') tab++;
	}
	if (tab > comma && tab >= semi) return '\t';
	if (semi > comma && semi > tab) return ';';
	return ',';
}

static int is_csv_space(unsigned char c)
{
	return c == CSV_SPACE;
}

static void parser_start(struct csv_parser *p, char delimiter, size_t blk_size)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0)
		die(EXIT_IO, "out of memory");
	csv_set_space_func(p, is_csv_space);
	/* libcsv grows its field buffer linearly by this step: the read size, at least a page */
	csv_set_blk_size(p, blk_size < 4096 ? 4096 : blk_size);
	csv_set_delim(p, (unsigned char)delimiter);
}

/* After a quoting error the record is dropped and reading resumes on the next line with a
 * fresh parser, so that every such error in a file is reported, not just the first. */
static void recover(struct loader *L, struct csv_parser *p)
{
	csv_free(p);
	parser_start(p, L->opts->delimiter, L->opts->chunk_size);
	L->n_slots = 0;
	L->bad_record = 0;
	sb_reset(&L->bytes);
	L->recovering = 1;
	L->data_errors++;
}

/* Feed one segment (ending at a delimiter, CR or LF, or at the end of the chunk). */
static int feed_segment(struct loader *L, struct csv_parser *p, const char *seg, size_t n)
{
	unsigned char first = (unsigned char)seg[0], last = (unsigned char)seg[n - 1];
	if (L->recovering) {
		if (last == '\r' || last == '\n') {
			L->recovering = 0;
			L->need_record_start = L->need_field_start = 1;
		}
	} else {
		if (L->need_record_start) {
			if (first != '\r' && first != '\n') {
				L->record_line = L->field_line = L->line;
				L->field_col = L->col + 1;
				L->need_record_start = L->need_field_start = 0;
			}
		} else if (L->need_field_start) {
			L->field_line = L->line;
			L->field_col = L->col + 1;
			L->need_field_start = 0;
		}
		size_t done = csv_parse(p, seg, n, on_field, on_record, L);
		if (L->status) return L->status;
		if (done < n) {
			struct srcloc loc = {L->file, L->line, L->col + 1 + utf8_chars(seg, done)};
			if (csv_error(p) != CSV_EPARSE) {
				diag(SEV_ERROR, &loc, "%s", csv_strerror(csv_error(p)));
				return L->status = EXIT_IO;
			}
			diag(SEV_ERROR, &loc, "stray quote: a quote inside a field must be doubled (\"\") and the field "
			                      "itself quoted; this row cannot be read");
			recover(L, p);
			if (last == '\r' || last == '\n') {
				L->recovering = 0;
				L->need_record_start = L->need_field_start = 1;
			}
		} else if (!L->need_field_start && !L->need_record_start) {
			L->field_bytes += n;
			if (L->field_bytes > L->opts->max_field) {
				struct srcloc loc = {L->file, L->field_line, L->field_col};
				diag(SEV_ERROR, &loc, "field longer than %zu bytes (raise the limit with --max-field)",
				     L->opts->max_field);
				return L->status = EXIT_DATA;
			}
		}
	}
	if (last == '\r' || (last == '\n' && !(n == 1 && L->prev_cr))) {
		L->line++;
		L->col = 0;
	} else if (last != '\n') {
		L->col += utf8_chars(seg, n);
	}
	L->prev_cr = last == '\r';
	return 0;
}

static int feed_chunk(struct loader *L, struct csv_parser *p, const char *buf, size_t n)
{
	unsigned char delim = (unsigned char)L->opts->delimiter;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n) {
			unsigned char c = (unsigned char)buf[j++];
			if (c == delim || c == '\n' || c == '\r') break;
		}
		int rc = feed_segment(L, p, buf + i, j - i);
		if (rc) return rc;
		i = j;
	}
	return 0;
}

int csv_load_stream(FILE *in, const char *name, const struct csv_opts *opts_in, csv_record_fn fn,
                    void *user, struct csv_stats *stats)
{
	struct csv_opts opts = opts_in ? *opts_in : csv_default_opts;
	struct loader L = {.file = name, .opts = &opts, .fn = fn, .user = user, .line = 1,
	                   .need_record_start = 1, .need_field_start = 1};
	struct csv_parser p;
	struct sha256 hash;
	if (!opts.chunk_size) opts.chunk_size = csv_default_opts.chunk_size;
	size_t chunk = opts.chunk_size;
	size_t cap = chunk > DETECT_BYTES ? chunk : DETECT_BYTES;
	char *buf = xmalloc(cap);
	int rc = 0;
	uint64_t total = 0;

	sb_init(&L.bytes);
	sha256_init(&hash);

	/* The BOM and the delimiter are decided on the first bytes, then those bytes are fed in
	 * chunks like the rest, so that chunk boundaries fall anywhere. */
	struct stat st;
	uint64_t size = fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	size_t n = fread(buf, 1, DETECT_BYTES, in);
	size_t start = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (!opts.delimiter) opts.delimiter = detect_delimiter(buf + start, n - start);
	parser_start(&p, opts.delimiter, chunk);
	while (n > 0 && !rc) {
		sha256_update(&hash, buf, n);
		total += n;
		for (size_t i = start; i < n && !rc; i += chunk)
			rc = feed_chunk(&L, &p, buf + i, n - i < chunk ? n - i : chunk);
		stage_progress(total, size);
		n = rc ? 0 : fread(buf, 1, chunk, in);
		start = 0;
	}
	if (!rc && ferror(in)) {
		error("cannot read '%s': %s", name, strerror(errno));
		rc = EXIT_IO;
	}
	if (!rc && !L.recovering) {
		if (csv_fini(&p, on_field, on_record, &L) != 0) {
			struct srcloc loc = {name, L.field_line, L.field_col};
			diag(SEV_ERROR, &loc, "unterminated quoted field: the quote opened here is never closed");
			rc = EXIT_DATA;
		} else {
			rc = L.status;
		}
	}
	if (!rc && L.data_errors) rc = EXIT_DATA;
	if (stats) {
		stats->bytes = total;
		stats->lines = L.line - (L.col == 0 && total > 0);
		stats->records = L.records;
		stats->delimiter = opts.delimiter;
		sha256_final(&hash, stats->sha256);
	}
	csv_free(&p);
	free(buf);
	free(L.slots);
	free(L.fields);
	sb_release(&L.bytes);
	return rc;
}

int csv_load(const char *path, const struct csv_opts *opts, csv_record_fn fn, void *user,
             struct csv_stats *stats)
{
	if (strcmp(path, "-") == 0) return csv_load_stream(stdin, "<stdin>", opts, fn, user, stats);
	FILE *in = fopen(path, "rb");
	if (!in) {
		error("cannot open '%s': %s", path, strerror(errno));
		return EXIT_IO;
	}
	int rc = csv_load_stream(in, path, opts, fn, user, stats);
	fclose(in);
	return rc;
}
