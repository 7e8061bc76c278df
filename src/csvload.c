#include "csvload.h"

#include <assert.h>
#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "intern.h"
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

/* Field text per hand-over between the two threads, and batches in the ring. With only two,
 * either thread waited whenever the other was slower on a batch: the read stage at 1M rows
 * took 0.526 s (median of 8; batches of 512 KiB), and with four of 256 KiB 0.476 s. */
enum { BATCH_BYTES = 1 << 18, BATCHES = 4 };

/* What the parsing thread found, in input order: a record, or a message to print. */
struct event {
	enum { EV_RECORD, EV_DIAG, EV_ERROR } kind;
	enum severity sev;
	const char *fmt;          /* EV_DIAG: the message's format, its kind for the limits */
	unsigned long line, col;  /* EV_RECORD: where the record starts; EV_DIAG: the location */
	size_t index;             /* EV_RECORD: 0 for the header */
	size_t first, n;          /* EV_RECORD: its slots; messages: their text in `bytes` */
	uint64_t digest;          /* EV_RECORD: 0 when not looked up (the header; no csv_opts.dupes) */
	struct csv_first copy_of; /* EV_RECORD: where it was first read (digest 0: nowhere before) */
};

struct batch {
	struct strbuf bytes;      /* field contents and message texts, NUL-separated */
	/* Each slot's field, its text at bytes.buf + text_at[slot]: pointed to once the batch is
	 * full and its bytes stop moving, so that the records are handed on in place. */
	struct csv_field *fields;
	size_t *text_at;
	size_t n_slots, cap_slots;
	struct event *ev;
	size_t n_ev, cap_ev;
	uint64_t read;            /* input bytes read when the batch was handed over */
};

/* Reading is split in two: a parsing thread (read, SHA-256, libcsv, positions, UTF-8
 * validation) fills batches of records while the caller's thread hands the previous batch's
 * records to the callback and prints the messages, in input order. The batches go round a
 * ring, and a batch keeps its buffers' room when reset, so memory stays
 * O(BATCHES * (BATCH_BYTES + largest record)). Without a second thread every batch is handed
 * over at once. */
struct relay {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct batch batch[BATCHES];
	int full[BATCHES];
	int done;                 /* the parser has handed over its last batch */
	int stop;                 /* the callback returned non-zero: parse no further */
	int threaded;

	const char *file;
	uint64_t size;            /* for progress; 0 when unknown */
	size_t expected;          /* csv_record.expected */
	csv_record_fn fn;
	void *user;
	int rc;                   /* the callback's non-zero result */
};

/* All parse state, passed to libcsv's callbacks through `void *`.
 *
 * Positions: the input is fed to libcsv in segments that end just after a delimiter, CR or
 * LF. libcsv reports a field only when it sees the byte that ends it, so each field callback
 * happens in the segment that ends the field, and the next field starts at the next byte. */
struct loader {
	const char *file;
	const struct csv_opts *opts;
	FILE *in;
	size_t start;            /* bytes of the first read already consumed (BOM) */
	char *buf;
	size_t n;                /* bytes in buf from the first read */
	struct sha256 hash;
	uint64_t total;

	unsigned long line, col; /* position of the next byte: col counts chars already on the line */
	int prev_cr;
	int need_field_start, need_record_start;
	unsigned long field_line, field_col, record_line;
	size_t field_bytes;

	struct relay *relay;
	struct batch *cur;       /* the batch being filled */
	int which;               /* its index in relay->batch */
	size_t record_slot;      /* where the current record's slots start in `cur` */
	size_t records;
	int bad_record;          /* the current record had invalid UTF-8 */
	int recovering;          /* after a quoting error: skipping to the end of the line */
	int status;              /* first non-zero result: stops reading */
	int data_errors;
	int have_header;         /* the first good record has been read */
	uint64_t header_digest;  /* its digest: the key of the later ones' */
};

enum { STOPPED = -1 };       /* status: the callback asked to stop */

/* A message for the caller's thread to print in its place among the records. */
static void note(struct loader *L, enum severity sev, const struct srcloc *loc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void note(struct loader *L, enum severity sev, const struct srcloc *loc, const char *fmt, ...)
{
	struct batch *b = L->cur;
	size_t off = b->bytes.len;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *dst = sb_reserve(&b->bytes, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(dst, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->bytes.len += (size_t)n;
	sb_addch(&b->bytes, '\0');
	GROW(b->ev, b->n_ev + 1, b->cap_ev);
	b->ev[b->n_ev++] = (struct event){loc ? EV_DIAG : EV_ERROR, sev, fmt, loc ? loc->line : 0, loc ? loc->col : 0,
	                                  0, off, (size_t)n, 0, {0}};
}

/* Printable ASCII or TAB: with CR and LF, what a plain field holds (split_blocks has it as
 * SSE2 masks). */
static inline int printable_or_tab(unsigned char c)
{
	return ((unsigned)(c - 0x20) < 0x5F) | (c == '\t');
}

static int plain_text(const unsigned char *s, size_t len)
{
	int plain = 1;
	for (size_t i = 0; i < len; i++) plain &= printable_or_tab(s[i]) | (s[i] == '\n') | (s[i] == '\r');
	return plain;
}

/* The same fields give the same digest under the same key, whatever file or line they come
 * from. The key is fixed (then the header's digest), unlike the intern tables' per-run key
 * of csv_field.hash: should two different rows ever share a digest, every run takes them for
 * duplicates alike. What is hashed is the fields each ended by a NUL, which no field
 * contains: a good record's fields lie so in the batch, one after the other (a message noted
 * inside a record drops the record or stops the reading), and are hashed there in one call. */
static uint64_t record_digest(const struct loader *L, size_t first, size_t n, uint64_t key)
{
	const struct batch *b = L->cur;
	const struct csv_field *f = &b->fields[first];
	const size_t *at = &b->text_at[first];
	size_t packed = 0;
	for (size_t i = 0; i < n; i++) packed += f[i].len + 1;
	assert(!n || at[n - 1] + f[n - 1].len + 1 - at[0] == packed);
	return siphash13(n ? b->bytes.buf + at[0] : "", packed, key, 0);
}

void csv_dupes_free(struct csv_dupes *d)
{
	free(d->slot);
	memset(d, 0, sizeof(*d));
}

/* Grows the table to `nslots` (a power of two). A slot is chosen by the digest's top bits,
 * so the old table read in order is written nearly in order too: growing a table of
 * hundreds of megabytes streams through memory instead of storing at random. */
static void dupes_resize(struct csv_dupes *d, size_t nslots)
{
	size_t old_n = d->slot ? d->mask + 1 : 0;
	struct csv_first *old = d->slot;
	unsigned bits = 0;
	while (((size_t)1 << bits) < nslots) bits++;
	d->slot = xcalloc_huge(nslots, sizeof(*d->slot));
	d->mask = nslots - 1;
	d->shift = 64 - bits;
	for (size_t k = 0; k < old_n; k++) {
		if (!old[k].digest) continue;
		size_t j = (size_t)(old[k].digest >> d->shift);
		while (d->slot[j].digest) j = (j + 1) & d->mask;
		d->slot[j] = old[k];
	}
	free(old);
}

/* Room for `records` distinct records at load factor <= 3/4. A record's lookup touches one
 * or two cache lines at most loads, and the table is written all over, so each halving of it
 * saves as many page faults: at 10M rows, 2^24 slots instead of 2^25 (256 MiB less). */
static void dupes_reserve(struct csv_dupes *d, size_t records)
{
	size_t nslots = 1024;
	while (nslots / 4 * 3 < records && nslots < SIZE_MAX / 4) nslots *= 2;
	if (!d->slot || nslots > d->mask + 1) dupes_resize(d, nslots);
}

/* Finds an earlier record with this (non-zero) digest, or records this one (linear
 * probing). */
static const struct csv_first *dupes_add(struct csv_dupes *d, uint64_t digest, uint32_t line, uint32_t input)
{
	if (4 * (d->n + 1) > 3 * (d->mask + 1)) dupes_reserve(d, d->n + 1);
	size_t j = (size_t)(digest >> d->shift);
	for (; d->slot[j].digest; j = (j + 1) & d->mask)
		if (d->slot[j].digest == digest) return &d->slot[j];
	d->slot[j] = (struct csv_first){digest, line, input};
	d->n++;
	return NULL;
}

/* A field of the current record; `plain` as plain_text(s, len) (1 for a missing field). */
static void add_field(struct loader *L, const char *s, size_t len, int plain)
{
	if (L->status) return;
	struct batch *b = L->cur;
	if (b->n_slots - L->record_slot >= L->opts->max_fields) {
		struct srcloc loc = {L->file, L->field_line, L->field_col};
		note(L, SEV_ERROR, &loc, "record has more than %zu fields (raise the limit with --max-fields)",
		     L->opts->max_fields);
		L->status = EXIT_DATA;
		return;
	}
	if (len > L->opts->max_field) {
		struct srcloc loc = {L->file, L->field_line, L->field_col};
		note(L, SEV_ERROR, &loc, "field longer than %zu bytes (raise the limit with --max-field)", L->opts->max_field);
		L->status = EXIT_DATA;
		return;
	}
	if (b->n_slots == b->cap_slots) {
		GROW(b->fields, b->n_slots + 1, b->cap_slots);
		b->text_at = xrealloc(b->text_at, st_mult(b->cap_slots, sizeof(*b->text_at)));
	}
	const char *trimmed = s ? s : "";
	size_t trimmed_len = s ? len : 0;
	trim_space(&trimmed, &trimmed_len);
	b->text_at[b->n_slots] = b->bytes.len;
	struct csv_field *f = &b->fields[b->n_slots++];
	f->hash = intern_hash(trimmed, trimmed_len);
	f->len = s ? len : 0;
	f->line = L->field_line;
	f->col = L->field_col;
	f->missing = s == NULL;
	f->plain = plain;
	if (s && !f->plain) { /* printable ASCII, tab, CR and LF are valid UTF-8 without NUL */
		const char *nul = memchr(s, '\0', len);
		size_t bad = nul ? (size_t)(nul - (const char *)s) : utf8_check(s, len);
		if (bad < len) {
			/* The column of the bad byte, when it sits on the field's first line. */
			const char *nl = memchr(s, '\n', bad);
			struct srcloc loc = {L->file, f->line, nl ? 0 : f->col + utf8_chars(s, bad)};
			if (nul) {
				/* A binary or UTF-16 file: one message, not one per field. */
				note(L, SEV_ERROR, &loc, "NUL byte: is this a UTF-16 or binary file? Re-save it as UTF-8 text");
				L->status = EXIT_DATA;
				return;
			}
			note(L, SEV_ERROR, &loc, "invalid UTF-8 (byte 0x%02X); re-save the file as UTF-8",
			     ((unsigned char *)s)[bad]);
			L->bad_record = 1;
			L->data_errors++;
		}
	}
	if (s) sb_add(&b->bytes, s, len);
	sb_addch(&b->bytes, '\0');
	L->need_field_start = 1;
	L->field_bytes = 0;
}

static void on_field(void *s, size_t len, void *user)
{
	add_field(user, s, len, plain_text(s, s ? len : 0));
}

/* Forget the current record's fields. Their text stays in the batch until it is handed over:
 * messages about them may follow it there. */
static void drop_record(struct loader *L)
{
	L->cur->n_slots = L->record_slot;
}

static void hand_over(struct loader *L);

/* The batch's records looked up in the duplicate table, in order. Each lookup reads a random
 * slot of a table of every record so far, which costs a trip to memory: done here, a batch
 * at a time, the slot of the record DUPES_AHEAD places on is fetched meanwhile. At 1M rows
 * the parsing thread took 0.59-0.63 s of CPU so, 0.83-0.90 s looking each record up as it
 * ended. */
enum { DUPES_AHEAD = 16 };

static void find_copies(struct loader *L, struct batch *b)
{
	struct csv_dupes *d = L->opts->dupes;
	if (!d) return;
	for (size_t e = 0; e < b->n_ev; e++) {
		struct event *ev = &b->ev[e];
		const struct event *ahead = e + DUPES_AHEAD < b->n_ev ? ev + DUPES_AHEAD : NULL;
		if (ahead && ahead->digest && d->slot) __builtin_prefetch(&d->slot[ahead->digest >> d->shift]);
		if (!ev->digest) continue;
		const struct csv_first *first = dupes_add(d, ev->digest, (uint32_t)ev->line, L->opts->input);
		if (first) ev->copy_of = *first;
	}
}

static void on_record(int term, void *user)
{
	struct loader *L = user;
	(void)term;
	if (L->status) return;
	struct batch *b = L->cur;
	if (L->bad_record) {
		drop_record(L);
	} else {
		GROW(b->ev, b->n_ev + 1, b->cap_ev);
		size_t n = b->n_slots - L->record_slot;
		struct event *ev = &b->ev[b->n_ev++];
		*ev = (struct event){EV_RECORD, SEV_ERROR, NULL, L->record_line, 0, L->records, L->record_slot, n, 0, {0}};
		if (L->opts->dupes) { /* the header's digest, under a fixed key, keys the others' */
			uint64_t key = L->have_header ? L->header_digest : 0x9E3779B97F4A7C15ULL;
			uint64_t digest = record_digest(L, L->record_slot, n, key);
			if (!L->have_header) L->header_digest = digest;
			else ev->digest = digest ? digest : 1; /* 0 marks an empty slot */
		}
		L->have_header = 1;
	}
	L->records++;
	L->bad_record = 0;
	L->need_record_start = 1;
	if (b->bytes.len >= BATCH_BYTES) hand_over(L);
	else L->record_slot = b->n_slots;
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
	drop_record(L);
	L->bad_record = 0;
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
				note(L, SEV_ERROR, &loc, "%s", csv_strerror(csv_error(p)));
				return L->status = EXIT_IO;
			}
			note(L, SEV_ERROR, &loc, "stray quote: a quote inside a field must be doubled (\"\") and the field "
			                         "itself quoted; this row cannot be read");
			recover(L, p);
			/* No record is under way: a good place to hand over, so that a file of such rows
			 * is not held in memory until its next good record. */
			if (L->cur->bytes.len >= BATCH_BYTES) {
				hand_over(L);
				if (L->status) return L->status;
			}
			if (last == '\r' || last == '\n') {
				L->recovering = 0;
				L->need_record_start = L->need_field_start = 1;
			}
		} else if (!L->need_field_start && !L->need_record_start) {
			L->field_bytes += n;
			if (L->field_bytes > L->opts->max_field) {
				struct srcloc loc = {L->file, L->field_line, L->field_col};
				note(L, SEV_ERROR, &loc, "field longer than %zu bytes (raise the limit with --max-field)",
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

enum { FAST_FIELDS = 64 }; /* a longer record goes through libcsv */

/* A line cut at its delimiters by fast_line. */
struct line_split {
	size_t n_fields;
	size_t start[FAST_FIELDS + 1], chars_before[FAST_FIELDS];
	uint64_t not_plain; /* bit k: field k holds a byte plain_text refuses (no CR or LF can be there) */
};

/* The field under way ends at p[i], a delimiter or (i == len) the line's end, with `cont`
 * UTF-8 continuation bytes before it on the line (columns count characters) and `odd` set when
 * it holds a byte plain_text refuses. Returns 0 where libcsv must read the line. */
static inline int field_ends(struct line_split *s, const char *p, size_t i, size_t len, size_t cont, unsigned odd)
{
	size_t a = s->start[s->n_fields];
	if (i > a && (p[a] == ' ' || p[i - 1] == ' ')) return 0;
	s->not_plain |= (uint64_t)odd << s->n_fields;
	if (++s->n_fields == FAST_FIELDS && i < len) return 0;
	s->start[s->n_fields] = i + 1;
	if (i < len) s->chars_before[s->n_fields] = i + 1 - cont;
	return 1;
}

#ifdef __SSE2__
static inline unsigned bytes_equal(__m128i v, char c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
}

/* fast_line's scan, 16 bytes at a time while 16 are left on the line, each byte's classes
 * found at once as bit masks (SSE2, which every x86-64 has; elsewhere the byte loop does it
 * all). Leaves *i at the first byte not scanned; returns 0 where libcsv must read the line.
 * The reader at 1M rows, with a do-nothing consumer: 0.387-0.418 s of CPU against
 * 0.429-0.458 s byte by byte, min of 5, four pairs. */
static int split_blocks(struct line_split *s, const char *p, size_t len, char delim, size_t *i, size_t *cont,
                        unsigned *odd)
{
	for (; *i + 16 <= len; *i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + *i));
		if (bytes_equal(v, '"') | bytes_equal(v, '\r')) return 0;
		unsigned delims = bytes_equal(v, delim);
		/* As signed bytes, continuation bytes (0x80-0xBF) are those below -64, and the bytes
		 * plain_text takes (tab aside) are 0x20-0x7E. */
		unsigned conts = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
		__m128i outside = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpgt_epi8(v, _mm_set1_epi8(0x7E)));
		unsigned odds = (unsigned)_mm_movemask_epi8(outside) & ~bytes_equal(v, '\t');
		unsigned from = 0; /* where the field under way starts in the block */
		for (; delims; delims &= delims - 1) {
			unsigned j = (unsigned)__builtin_ctz(delims), before = (1u << j) - 1;
			*odd |= (odds & before) >> from != 0;
			size_t cont_before = conts ? (size_t)__builtin_popcount(conts & before) : 0;
			if (!field_ends(s, p, *i + j, len, *cont + cont_before, *odd)) return 0;
			*odd = 0;
			from = j + 1;
		}
		*odd |= odds >> from != 0;
		/* Most blocks are ASCII, and without POPCNT (not in the x86-64 baseline) a count is
		 * a call to libgcc: 3% of the parsing thread's time at 10M rows. */
		if (conts) *cont += (size_t)__builtin_popcount(conts);
	}
	return 1;
}
#endif

/* The common record, read without libcsv: one whole line in the chunk, ended by LF or CRLF,
 * without quotes, other CRs, or spaces at either end of a field. On such a line libcsv would
 * report each field as it stands between the delimiters (NULL when empty) and end the record
 * at the line end, so this passes the same fields, positions and record to the same callbacks
 * and leaves the line and column where feeding the line's segments would. Called at a record
 * start only, where libcsv holds no state. Returns the bytes consumed: 0 leaves the line to
 * libcsv. O(line length), one pass. On the 1M-row benchmark file, one profile each: libcsv's
 * byte-at-a-time state machine and the segment scan took the parsing thread 0.43 s, this
 * (with what is left for libcsv) 0.16 s. */
static size_t fast_line(struct loader *L, const char *p, size_t n)
{
	const char *nl = memchr(p, '\n', n);
	if (!nl) return 0;
	const char *end = nl > p && nl[-1] == '\r' ? nl - 1 : nl;
	if (end == p) return 0; /* a blank line: libcsv skips it */
	const char delim = L->opts->delimiter;
	struct line_split s;
	s.n_fields = 0;
	s.start[0] = 0;
	s.chars_before[0] = 0;
	/* Which fields are plain is found in this pass rather than in another over each field:
	 * with a do-nothing consumer at 1M rows, the reader took 0.42-0.43 s of CPU without that
	 * pass against 0.49 s with it. */
	s.not_plain = 0;
	size_t i = 0, len = (size_t)(end - p), cont = 0;
	unsigned odd = 0;
#ifdef __SSE2__
	if (!split_blocks(&s, p, len, delim, &i, &cont, &odd)) return 0;
#endif
	for (;; i++) {
		unsigned char c = i < len ? (unsigned char)p[i] : (unsigned char)delim;
		if (c == (unsigned char)delim) {
			if (!field_ends(&s, p, i, len, cont, odd)) return 0;
			odd = 0;
			if (i >= len) break;
		} else if (c == '"' || c == '\r') {
			return 0;
		} else {
			cont += (c & 0xC0) == 0x80;
			odd |= !printable_or_tab(c);
		}
	}
	L->record_line = L->line;
	L->need_record_start = 0;
	/* Stopped on a field or a record, the column stays where libcsv's segment of it began. */
	for (size_t k = 0; k < s.n_fields; k++) {
		size_t field_len = s.start[k + 1] - 1 - s.start[k];
		L->field_line = L->line;
		L->field_col = s.chars_before[k] + 1;
		L->need_field_start = 0;
		add_field(L, field_len ? p + s.start[k] : NULL, field_len, !(s.not_plain >> k & 1));
		if (L->status) return L->col = s.chars_before[k], 0;
	}
	on_record(*end, L);
	if (L->status) return L->col = s.chars_before[s.n_fields - 1], 0;
	L->line++;
	L->col = 0;
	L->prev_cr = 0;
	return (size_t)(nl + 1 - p);
}

static int feed_chunk(struct loader *L, struct csv_parser *p, const char *buf, size_t n)
{
	unsigned char delim = (unsigned char)L->opts->delimiter;
	size_t i = 0;
	while (i < n) {
		if (L->need_record_start && !L->recovering) {
			size_t used = fast_line(L, buf + i, n - i);
			if (L->status) return L->status;
			if (used) {
				i += used;
				continue;
			}
		}
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

/* The caller's side: print the batch's messages and pass its records on, in order. Stops at
 * the first non-zero result of the callback. */
static int replay(struct relay *R, const struct batch *b)
{
	for (size_t e = 0; e < b->n_ev; e++) {
		const struct event *ev = &b->ev[e];
		if (ev->kind == EV_DIAG) {
			struct srcloc loc = {R->file, ev->line, ev->col};
			diag_kind(ev->sev, &loc, ev->fmt, "%s", b->bytes.buf + ev->first);
			continue;
		}
		if (ev->kind == EV_ERROR) {
			error("%s", b->bytes.buf + ev->first);
			continue;
		}
		struct csv_record rec = {R->file, ev->line, ev->index, ev->n, b->fields + ev->first,
		                         ev->copy_of.digest ? &ev->copy_of : NULL, R->expected, {NULL}, {0}};
		for (size_t k = 0; k < CSV_AHEAD_STAGES; k++) {
			size_t later = e + (CSV_AHEAD_STAGES - k) * CSV_AHEAD_STEP;
			if (later < b->n_ev && b->ev[later].kind == EV_RECORD) {
				rec.ahead[k] = b->fields + b->ev[later].first;
				rec.n_ahead[k] = b->ev[later].n;
			}
		}
		int rc = R->fn(&rec, R->user);
		if (rc) return rc;
	}
	stage_progress(b->read, R->size);
	return 0;
}

static void batch_reset(struct batch *b)
{
	sb_reset(&b->bytes);
	b->n_slots = b->n_ev = 0;
}

/* The parser's side, between records: give the filled batch to the caller's thread and go on
 * with the other one once it is free. Sets STOPPED when the callback asked to stop. */
static void hand_over(struct loader *L)
{
	struct relay *R = L->relay;
	struct batch *b = L->cur;
	for (size_t k = 0; k < b->n_slots; k++) b->fields[k].s = b->bytes.buf + b->text_at[k];
	find_copies(L, b);
	b->read = L->total;
	if (!R->threaded) {
		if ((R->rc = replay(R, b)) != 0) L->status = STOPPED;
	} else {
		pthread_mutex_lock(&R->lock);
		R->full[L->which] = 1;
		pthread_cond_broadcast(&R->changed);
		L->which = (L->which + 1) % BATCHES;
		while (R->full[L->which] && !R->stop) pthread_cond_wait(&R->changed, &R->lock);
		if (R->stop) L->status = STOPPED;
		pthread_mutex_unlock(&R->lock);
		L->cur = &R->batch[L->which];
	}
	batch_reset(L->cur);
	L->record_slot = 0;
}

/* Whether the callback has stopped the reading: checked once per chunk, since a chunk may hold
 * no record end (where the batches are handed over). */
static int stop_asked(struct relay *R)
{
	if (!R->threaded) return 0;
	pthread_mutex_lock(&R->lock);
	int stop = R->stop;
	pthread_mutex_unlock(&R->lock);
	return stop;
}

/* Read, hash and parse the whole input. Leaves the loader's result in L->status. */
static void *parse_input(void *arg)
{
	struct loader *L = arg;
	struct csv_parser p;
	size_t chunk = L->opts->chunk_size;
	size_t n = L->n, start = L->start;
	int rc = 0;
	parser_start(&p, L->opts->delimiter, chunk);
	while (n > 0 && !rc) {
		sha256_update(&L->hash, L->buf, n);
		L->total += n;
		for (size_t i = start; i < n && !rc; i += chunk)
			rc = feed_chunk(L, &p, L->buf + i, n - i < chunk ? n - i : chunk);
		if (!rc && stop_asked(L->relay)) rc = L->status = STOPPED;
		n = rc ? 0 : fread(L->buf, 1, chunk, L->in);
		start = 0;
	}
	if (!rc && ferror(L->in)) {
		note(L, SEV_ERROR, NULL, "cannot read '%s': %s", L->file, strerror(errno));
		rc = L->status = EXIT_IO;
	}
	if (!rc && !L->recovering && csv_fini(&p, on_field, on_record, L) != 0) {
		struct srcloc loc = {L->file, L->field_line, L->field_col};
		note(L, SEV_ERROR, &loc, "unterminated quoted field: the quote opened here is never closed");
		L->status = EXIT_DATA;
	}
	csv_free(&p);
	if (L->status != STOPPED) hand_over(L);
	if (L->relay->threaded) {
		pthread_mutex_lock(&L->relay->lock);
		L->relay->done = 1;
		pthread_cond_broadcast(&L->relay->changed);
		pthread_mutex_unlock(&L->relay->lock);
	}
	return NULL;
}

/* The caller's thread while the parser runs: replay each batch as it fills. */
static void consume(struct relay *R)
{
	for (int which = 0;; which = (which + 1) % BATCHES) {
		pthread_mutex_lock(&R->lock);
		while (!R->full[which] && !R->done) pthread_cond_wait(&R->changed, &R->lock);
		int have = R->full[which];
		pthread_mutex_unlock(&R->lock);
		if (!have) return;
		int rc = replay(R, &R->batch[which]);
		pthread_mutex_lock(&R->lock);
		R->full[which] = 0;
		if (rc) R->rc = rc, R->stop = 1;
		pthread_cond_broadcast(&R->changed);
		pthread_mutex_unlock(&R->lock);
		if (rc) return;
	}
}

static size_t count_lines(const char *p, size_t n)
{
	size_t lines = 0;
	for (const char *end = p + n; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) lines++;
	return lines;
}

/* About how many records a regular file of `size` bytes holds, given its first n bytes: its
 * size over the longest mean line of three samples (the first bytes, the middle, the end).
 * Too small an estimate only costs growing a table later; too large, memory, since the
 * duplicate table is written all over: so lines longer further on lower it, and a sample
 * without two lines makes it 0 (unknown). O(n). */
static size_t estimate_records(int fd, uint64_t size, const char *head, size_t n)
{
	size_t fewest = count_lines(head, n);
	char *sample = xmalloc(n);
	for (int k = 1; k <= 2 && fewest > 1; k++) {
		uint64_t at = k == 1 ? size / 2 : size - n;
		ssize_t got = pread(fd, sample, n, (off_t)at);
		size_t lines = got == (ssize_t)n ? count_lines(sample, n) : 0;
		if (lines < fewest) fewest = lines;
	}
	free(sample);
	return fewest > 1 ? (size_t)(size / n * fewest) : 0;
}

int csv_load_stream(FILE *in, const char *name, const struct csv_opts *opts_in, csv_record_fn fn,
                    void *user, struct csv_stats *stats)
{
	struct csv_opts opts = opts_in ? *opts_in : csv_default_opts;
	if (!opts.chunk_size) opts.chunk_size = csv_default_opts.chunk_size;
	struct relay R = {.file = name, .fn = fn, .user = user};
	struct loader L = {.file = name, .opts = &opts, .in = in, .line = 1, .need_record_start = 1,
	                   .need_field_start = 1, .relay = &R, .cur = &R.batch[0]};
	size_t cap = opts.chunk_size > DETECT_BYTES ? opts.chunk_size : DETECT_BYTES;
	L.buf = xmalloc(cap);
	for (int i = 0; i < BATCHES; i++) sb_init(&R.batch[i].bytes);
	sha256_init(&L.hash);

	/* The BOM and the delimiter are decided on the first bytes, then those bytes are fed in
	 * chunks like the rest, so that chunk boundaries fall anywhere. */
	struct stat st;
	R.size = fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	L.n = fread(L.buf, 1, DETECT_BYTES, in);
	L.start = L.n >= 3 && memcmp(L.buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (!opts.delimiter) opts.delimiter = detect_delimiter(L.buf + L.start, L.n - L.start);
	/* The only ones the command line takes; fast_line's byte classes rely on it (none of them
	 * is a quote, a CR or a UTF-8 continuation byte). */
	assert(opts.delimiter == ',' || opts.delimiter == ';' || opts.delimiter == '\t');
	if (R.size > L.n) R.expected = estimate_records(fileno(in), R.size, L.buf, L.n);
	/* Sized once for the records the file promises, rather than grown step by step (at 10M
	 * rows the parsing thread spent 6.8-8.0 s grown, 5.7-6.0 s sized). */
	if (opts.dupes && R.expected) dupes_reserve(opts.dupes, opts.dupes->n + R.expected);

	/* A second thread only pays off beyond one batch of input. */
	pthread_t parser;
	if (L.n == DETECT_BYTES && pthread_mutex_init(&R.lock, NULL) == 0) {
		if (pthread_cond_init(&R.changed, NULL) == 0) {
			R.threaded = 1; /* set before the parser starts, since it reads it */
			if (pthread_create(&parser, NULL, parse_input, &L) == 0) {
				consume(&R);
				pthread_join(parser, NULL);
			} else {
				R.threaded = 0;
			}
			pthread_cond_destroy(&R.changed);
		}
		pthread_mutex_destroy(&R.lock);
	}
	if (!R.threaded) parse_input(&L);

	int rc = R.rc ? R.rc : L.status;
	if (!rc && L.data_errors) rc = EXIT_DATA;
	if (stats) {
		stats->bytes = L.total;
		stats->lines = L.line - (L.col == 0 && L.total > 0);
		stats->records = L.records;
		stats->delimiter = opts.delimiter;
		sha256_final(&L.hash, stats->sha256);
	}
	free(L.buf);
	for (int i = 0; i < BATCHES; i++) {
		sb_release(&R.batch[i].bytes);
		free(R.batch[i].fields);
		free(R.batch[i].text_at);
		free(R.batch[i].ev);
	}
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
