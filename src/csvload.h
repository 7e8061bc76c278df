/* Streaming CSV reading with exact positions, on top of libcsv in strict mode.
 *
 * RFC 4180 quoting with embedded newlines, CRLF/CR/LF line ends, an optional UTF-8 BOM and
 * delimiter `,` `;` or TAB (detected from the header line unless given). Every field comes
 * with the physical line and the column (in characters, from 1) where it starts, counting
 * newlines inside quotes, so every later message can point at it. Time O(bytes); memory
 * O(largest record). */
#ifndef CREDGRAPH_CSVLOAD_H
#define CREDGRAPH_CSVLOAD_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct csv_field {
	const char *s;      /* NUL-terminated, valid UTF-8 (see invalid_utf8) */
	size_t len;
	unsigned long line; /* where the field starts */
	unsigned long col;
	int missing;        /* empty and unquoted: `a,,b` (as opposed to `a,"",b`) */
	int plain;          /* only printable ASCII, TAB, CR and LF */
	uint64_t hash;      /* intern_hash of the text without the white space around it */
};

/* csv_record.ahead[k] is the record (CSV_AHEAD_STAGES - k) * CSV_AHEAD_STEP events later
 * (records, or messages noted between them). */
enum { CSV_AHEAD_STAGES = 3, CSV_AHEAD_STEP = 4 };

struct csv_record {
	const char *file;
	unsigned long line; /* where the record starts */
	size_t index;       /* 0 for the header */
	size_t n;
	const struct csv_field *f;
	const struct csv_first *first; /* an earlier copy of it (see csv_opts.dupes), else NULL */
	size_t expected;    /* about how many records the input holds, from its size and samples
	                       of its lines (0: unknown), to size arrays once */
	/* The fields of records a few places later, when already parsed (else NULL): what a
	 * callback will look up then (by their hashes) can be fetched into the cache now, in
	 * stages, the farthest first. */
	const struct csv_field *ahead[CSV_AHEAD_STAGES];
	size_t n_ahead[CSV_AHEAD_STAGES];
};

/* Where a record was first read. */
struct csv_first {
	uint64_t digest; /* of its fields and header; 0 marks an empty slot */
	uint32_t line, input;
};

/* The records read so far, over every input read with it: zero-initialised, freed with
 * csv_dupes_free. A record is a duplicate when an earlier one had the same fields under a
 * header of the same fields (fields as read: quoting, the spaces libcsv drops and line ends
 * do not count): the header is part of the digest, since the same fields under other column
 * names say something else. Stores one 16-byte slot per distinct record, not its
 * text; looked up on the parsing thread, in O(1) expected. */
struct csv_dupes {
	struct csv_first *slot;
	size_t mask, n;
	unsigned shift; /* a digest's slot is its top bits: digest >> shift */
};

void csv_dupes_free(struct csv_dupes *d);

/* Called once per record, header included; a non-zero return stops reading and is returned. */
typedef int (*csv_record_fn)(const struct csv_record *rec, void *user);

struct csv_opts {
	char delimiter;      /* ',', ';', '\t', or 0: detect from the header line */
	size_t max_field;    /* bytes; a longer field is an error */
	size_t max_fields;   /* per record */
	size_t chunk_size;   /* read size; tests vary it */
	struct csv_dupes *dupes; /* where to look for earlier copies of each record; NULL: nowhere */
	uint32_t input;      /* this input's number in csv_first.input */
};

/* What was read: the whole input, unless the callback or a fatal error stopped the reading
 * (then a prefix of it, which may run past the last record passed on). */
struct csv_stats {
	uint64_t bytes;
	unsigned long lines;
	size_t records;
	char delimiter;
	unsigned char sha256[32];
};

extern const struct csv_opts csv_default_opts;

/* Read `path` ("-" for stdin) record by record. Returns 0 on success, EXIT_DATA after a
 * located parse error (already reported), EXIT_IO when the file cannot be opened or read,
 * or the callback's non-zero value. */
int csv_load(const char *path, const struct csv_opts *opts, csv_record_fn fn, void *user,
             struct csv_stats *stats);
/* The same for an already open stream; `name` is used in messages. */
int csv_load_stream(FILE *in, const char *name, const struct csv_opts *opts, csv_record_fn fn,
                    void *user, struct csv_stats *stats);

#endif
