/* Reading credit rows: header mapping, per-row validation, filters, exact duplicates (found by
 * the CSV loader). O(bytes) time; O(rows) memory in compact rows plus the distinct strings. */
#include "ingest.h"

#include <assert.h>
#include <string.h>

#include "columns.h"
#include "normalize.h"
#include "report.h"
#include "sha256.h"
#include "xalloc.h"

struct file_ctx {
	struct ingest *in;
	uint32_t input;
	struct column_map cols;
	long *extra_field;  /* per dataset extra column: this file's field index, or -1 */
	int have_header;
	size_t rows;
};

int parse_year(const char *s, size_t len, int *bad)
{
	trim_space(&s, &len);
	*bad = 0;
	if (len == 0) return NO_YEAR;
	int ok = len >= 4;
	for (size_t i = 0; ok && i < 4; i++) ok = s[i] >= '0' && s[i] <= '9';
	/* The rest may be a date (-MM, -MM-DD) or a spreadsheet's ".0". */
	if (ok && len > 4) {
		if (len == 6 && s[4] == '.' && s[5] == '0') ok = 1;
		else if (s[4] == '-' && (len == 7 || len == 10)) {
			for (size_t i = 5; ok && i < len; i++) ok = (i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9');
		} else ok = 0;
	}
	int year = ok ? (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0') : 0;
	if (!ok || year < 1800 || year > 2100) {
		*bad = 1;
		return NO_YEAR;
	}
	return year;
}

void ingest_artist_key(struct ingest *in, struct strbuf *out, const char *name, size_t len)
{
	size_t start = out->len;
	norm_key(out, name, len);
	if (in->ds->aliases) {
		size_t clen;
		const char *canon = alias_resolve(in->ds->aliases, out->buf + start, out->len - start, &clen);
		if (canon != out->buf + start) {
			out->len = start;
			sb_add(out, canon, clen);
		}
	}
}

static const struct csv_field *field(const struct csv_record *r, const struct column_map *m, enum column_role role)
{
	long i = m->idx[role];
	if (i < 0 || (size_t)i >= r->n || r->f[i].missing) return NULL;
	return &r->f[i];
}

/* A field's text with ASCII white space trimmed; NULL when empty. */
static const char *text(const struct csv_field *f, size_t *len)
{
	if (!f) return NULL;
	const char *s = f->s;
	*len = f->len;
	trim_space(&s, len);
	return *len ? s : NULL;
}

/* Odd characters in every field: controls anywhere, hidden or direction marks in names. */
static void check_characters(const struct csv_record *r, const struct column_map *m)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct csv_field *f = &r->f[i];
		if (f->plain) continue; /* every odd character is a control or beyond ASCII */
		size_t off;
		unsigned cp;
		int is_name = (long)i == m->idx[COL_ARTIST] || (long)i == m->idx[COL_PROJECT];
		const char *what = find_odd_char(f->s, f->len, is_name, &off, &cp);
		if (!what) continue;
		const char *nl = memchr(f->s, '\n', off);
		struct srcloc loc = {r->file, f->line, nl ? 0 : f->col + utf8_chars(f->s, off)};
		diag(SEV_WARNING, &loc, "%s U+%04X in %s (column %s)", what, cp, is_name ? "a name" : "a field",
		     column_name(m, i));
	}
}

/* The key of a role or type, normalised like a name: each distinct text once (its key is
 * the text's tag), since a few hundred texts recur on millions of rows. */
static uint32_t label_key(struct ingest *in, struct intern *texts, struct intern *keys, const char *s, size_t len,
                          uint64_t hash)
{
	uint32_t *key = intern_tag(texts, intern_add_hashed(texts, s, len, hash, NULL));
	if (*key == INTERN_NO_TAG) {
		sb_reset(&in->scratch);
		norm_key(&in->scratch, s, len);
		*key = intern_add(keys, in->scratch.buf, in->scratch.len, NULL);
	}
	return *key;
}

/* Roles split on ';', '|' and '/', each normalised like a name; "credited" when none.
 * `hash` is the whole text's. */
static void add_roles(struct ingest *in, struct raw_row *row, const char *s, size_t len, uint64_t hash)
{
	row->roles_off = (uint32_t)in->n_role_pool;
	row->n_roles = 0;
	size_t i = 0;
	while (s && i <= len) {
		size_t j = i;
		while (j < len && s[j] != ';' && s[j] != '|' && s[j] != '/') j++;
		const char *part = s + i;
		size_t plen = j - i;
		trim_space(&part, &plen);
		if (plen) {
			uint64_t h = part == s && plen == len ? hash : intern_hash(part, plen);
			uint32_t id = label_key(in, &in->role_texts, &in->roles, part, plen, h);
			GROW(in->role_pool, in->n_role_pool + 1, in->cap_role_pool);
			in->role_pool[in->n_role_pool++] = id;
			row->n_roles++;
		}
		i = j + 1;
	}
	if (!row->n_roles) {
		GROW(in->role_pool, in->n_role_pool + 1, in->cap_role_pool);
		in->role_pool[in->n_role_pool++] = intern_add(&in->roles, "credited", 8, NULL);
		row->n_roles = 1;
	}
}

static int in_list(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0) return 1;
	return 0;
}

/* Filters: roles, year range, types (all given already normalised). */
static int passes_filter(struct ingest *in, const struct raw_row *row)
{
	const struct row_filter *f = &in->opts->filter;
	if (f->n_roles) {
		int any = 0;
		for (uint32_t k = 0; k < row->n_roles && !any; k++)
			any = in_list(f->roles, f->n_roles, intern_str(&in->roles, in->role_pool[row->roles_off + k]));
		if (!any) return 0;
	}
	if ((f->from != NO_YEAR || f->to != NO_YEAR) &&
	    (row->year == NO_YEAR || (f->from != NO_YEAR && row->year < f->from) || (f->to != NO_YEAR && row->year > f->to)))
		return 0;
	const char *type = intern_str(&in->types, row->type);
	if (f->n_types && !in_list(f->types, f->n_types, type)) return 0;
	if (f->n_exclude_types && in_list(f->exclude_types, f->n_exclude_types, type)) return 0;
	return 1;
}

static uint32_t intern_value(struct ingest *in, const struct csv_field *f)
{
	size_t len;
	const char *s = text(f, &len);
	return s ? intern_add_hashed(&in->values, s, len, f->hash, NULL) : NONE;
}

/* Spelling and identity key of a name (artist: 0, title: 1). The key (NFC, case folded, after
 * aliases) is a function of the spelling, so it is derived once per distinct spelling and
 * kept as its tag: a repeated name costs one lookup instead of a normalisation and two.
 * A new spelling's key is looked up in two halves: name_ids normalises it and starts
 * fetching its slot, and name_key_finish, called once the rest of the row is read, looks it
 * up. That lookup, a miss at random in a table of millions of keys, then overlaps the
 * row's other work: at 10M rows the interning thread was faster in each of six
 * alternating pairs, 4.15-4.30 s of CPU against 4.25-4.56 s. */
static void name_ids(struct ingest *in, int title, const char *s, size_t len, uint64_t hash, uint32_t *spelling,
                     uint32_t *key)
{
	struct pending_key *pk = &in->pending_key[title];
	assert(!pk->active); /* the row before finished it */
	struct strbuf *last = &in->last_name[title];
	if (last->len == len && len && memcmp(last->buf, s, len) == 0) {
		*spelling = in->last_ids[title][0];
		*key = in->last_ids[title][1];
		return;
	}
	struct intern *spellings = title ? &in->title_spellings : &in->artist_spellings;
	uint32_t sp = intern_add_hashed(spellings, s, len, hash, NULL);
	*spelling = in->last_ids[title][0] = sp;
	sb_reset(last);
	sb_add(last, s, len);
	uint32_t tag = *intern_tag(spellings, sp);
	if (tag != INTERN_NO_TAG) {
		*key = in->last_ids[title][1] = tag;
		return;
	}
	sb_reset(&pk->key);
	if (title) norm_key(&pk->key, s, len);
	else ingest_artist_key(in, &pk->key, s, len);
	pk->hash = intern_hash(pk->key.buf, pk->key.len);
	pk->spelling = sp;
	pk->active = 1;
	intern_prefetch(title ? &in->title_keys : &in->artist_keys, pk->hash);
}

static void name_key_finish(struct ingest *in, int title, uint32_t *key)
{
	struct pending_key *pk = &in->pending_key[title];
	if (!pk->active) return;
	pk->active = 0;
	uint32_t id = intern_add_hashed(title ? &in->title_keys : &in->artist_keys, pk->key.buf, pk->key.len, pk->hash, NULL);
	*intern_tag(title ? &in->title_spellings : &in->artist_spellings, pk->spelling) = id;
	*key = in->last_ids[title][1] = id;
}

/* The lookups of the names of the rows a few places on, each in the stage its distance calls
 * for (see intern_prefetch). With the entries in one array (before, a string's length,
 * place and key were in three), at 10M rows the interning thread took 4.77-4.91 s of CPU
 * against 5.65-5.90 s with the slots alone fetched early, three runs each. */
PREFETCH_HELPER void prefetch_names(struct ingest *in, const struct column_map *m, const struct csv_record *r)
{
	size_t ia = (size_t)m->idx[COL_ARTIST], ip = (size_t)m->idx[COL_PROJECT];
	for (int k = 0; k < CSV_AHEAD_STAGES; k++) {
		const struct csv_field *f = r->ahead[k];
		if (!f || ia >= r->n_ahead[k] || ip >= r->n_ahead[k]) continue;
		if (k == 0) {
			intern_prefetch(&in->artist_spellings, f[ia].hash);
			intern_prefetch(&in->title_spellings, f[ip].hash);
		} else if (k == 1) {
			intern_prefetch_entry(&in->artist_spellings, f[ia].hash);
			intern_prefetch_entry(&in->title_spellings, f[ip].hash);
		} else {
			intern_prefetch_string(&in->artist_spellings, f[ia].hash);
			intern_prefetch_string(&in->title_spellings, f[ip].hash);
		}
	}
}

static int on_row(const struct csv_record *r, void *user)
{
	struct file_ctx *fc = user;
	struct ingest *in = fc->in;
	struct column_map *m = &fc->cols;

	if (!fc->have_header) {
		columns_map(m, r);
		fc->have_header = 1;
		if (m->idx[COL_ARTIST] < 0 || m->idx[COL_PROJECT] < 0) {
			struct srcloc loc = {r->file, r->line, 1};
			diag(SEV_ERROR, &loc, "no %s column in the header (expected one of: %s)",
			     m->idx[COL_ARTIST] < 0 ? "artist" : "project",
			     m->idx[COL_ARTIST] < 0 ? "artist, name, person, credit_name"
			                            : "project, work, title, release, album");
			return EXIT_DATA;
		}
		if (in->ds->n_extra == 0 && m->n_extra) {
			in->ds->n_extra = m->n_extra;
			in->ds->extra_names = xcalloc(m->n_extra, sizeof(char *));
			for (size_t k = 0; k < m->n_extra; k++)
				in->ds->extra_names[k] = arena_strdup(&in->ds->strings, column_name(m, m->extra[k]));
		}
		/* The arrays that take a slot per row, sized once (with some room) rather than grown
		 * and copied step by step: pages never written cost no memory. */
		size_t rows = r->expected + r->expected / 8;
		GROW(in->rows, in->n_rows + rows, in->cap_rows);
		GROW(in->role_pool, in->n_role_pool + rows, in->cap_role_pool);
		/* Later files map their extra columns by name onto the first file's, once here
		 * rather than on every row. */
		fc->extra_field = xmalloc(st_mult(in->ds->n_extra + 1, sizeof(long)));
		for (size_t k = 0; k < in->ds->n_extra; k++) {
			fc->extra_field[k] = -1;
			for (size_t e = 0; e < m->n_extra && fc->extra_field[k] < 0; e++)
				if (strcmp(column_name(m, m->extra[e]), in->ds->extra_names[k]) == 0) fc->extra_field[k] = (long)m->extra[e];
		}
		return 0;
	}
	fc->rows++;
	in->ds->rows_read++;
	prefetch_names(in, m, r);

	size_t alen = 0, tlen = 0;
	const struct csv_field *fa = field(r, m, COL_ARTIST), *fp = field(r, m, COL_PROJECT);
	const char *artist = text(fa, &alen), *title = text(fp, &tlen);
	if (r->n != m->n_header) {
		struct srcloc loc = {r->file, r->line, 1};
		diag(SEV_WARNING, &loc, "row has %zu fields, the header has %zu", r->n, m->n_header);
	}
	check_characters(r, m);
	if (!artist || !title) {
		enum column_role missing = !artist ? COL_ARTIST : COL_PROJECT;
		const struct csv_field *where = !artist ? fa : fp;
		struct srcloc loc = {r->file, where ? where->line : r->line, where ? where->col : 1};
		diag(SEV_WARNING, &loc, "row has no %s (column %s); skipped", column_role_name(missing),
		     column_name(m, (size_t)m->idx[missing]));
		in->ds->rows_skipped++;
		return 0;
	}

	struct raw_row row = {.pid = NONE, .source = NONE, .input = fc->input, .line = (uint32_t)r->line};
	size_t len;
	const char *s;

	if ((s = text(field(r, m, COL_ARTIST_ID), &len))) {
		/* An artist_id column names the artist, whatever the spelling. */
		sb_reset(&in->scratch);
		sb_addch(&in->scratch, '\x01');
		sb_add(&in->scratch, s, len);
		row.artist = intern_add(&in->artist_keys, in->scratch.buf, in->scratch.len, NULL);
		row.artist_sp = intern_add_hashed(&in->artist_spellings, artist, alen, fa->hash, NULL);
	} else {
		name_ids(in, 0, artist, alen, fa->hash, &row.artist_sp, &row.artist);
	}
	name_ids(in, 1, title, tlen, fp->hash, &row.title_sp, &row.title);
	if ((s = text(field(r, m, COL_PROJECT_ID), &len))) row.pid = intern_add(&in->pids, s, len, NULL);

	const struct csv_field *fy = field(r, m, COL_YEAR);
	if ((s = text(fy, &len))) {
		int bad;
		row.year = parse_year(s, len, &bad);
		if (bad) {
			struct srcloc loc = {r->file, fy->line, fy->col};
			diag(SEV_WARNING, &loc, "'%.*s' is not a year (expected YYYY or YYYY-MM-DD, 1800-2100; column %s); "
			     "the row is kept without a year", (int)(len > 40 ? 40 : len), s,
			     column_name(m, (size_t)m->idx[COL_YEAR]));
		}
	}

	const struct csv_field *ft = field(r, m, COL_TYPE), *fr = field(r, m, COL_ROLE);
	/* A blank field's hash is that of its trimmed text, "" too. */
	s = text(ft, &len);
	row.type = label_key(in, &in->type_texts, &in->types, s ? s : "", s ? len : 0, ft ? ft->hash : in->empty_hash);

	s = text(fr, &len);
	add_roles(in, &row, s, s ? len : 0, s ? fr->hash : 0);
	name_key_finish(in, 0, &row.artist);
	name_key_finish(in, 1, &row.title);

	if (!passes_filter(in, &row)) {
		in->n_role_pool = row.roles_off;
		in->ds->rows_filtered++;
		return 0;
	}
	/* An exact copy of an earlier row was itself used: that row had the same fields under the
	 * same header, so it passed the same checks and filters. */
	if (r->first) {
		struct srcloc loc = {r->file, r->line, 1};
		diag(SEV_WARNING, &loc, "duplicate of the row at %s:%lu; counted once", in->ds->inputs[r->first->input].path,
		     (unsigned long)r->first->line);
		in->n_role_pool = row.roles_off;
		in->ds->rows_duplicate++;
		return 0;
	}

	row.source = intern_value(in, field(r, m, COL_SOURCE));
	row.extra_off = (uint32_t)in->n_extra_pool;
	GROW(in->extra_pool, in->n_extra_pool + in->ds->n_extra, in->cap_extra_pool);
	for (size_t k = 0; k < in->ds->n_extra; k++) {
		long idx = fc->extra_field[k];
		int present = idx >= 0 && (size_t)idx < r->n && !r->f[idx].missing;
		in->extra_pool[in->n_extra_pool++] = present ? intern_value(in, &r->f[idx]) : NONE;
	}

	GROW(in->rows, in->n_rows + 1, in->cap_rows);
	in->rows[in->n_rows++] = row;
	in->ds->rows_used++;
	return 0;
}

int ingest_file(struct ingest *in, const char *path)
{
	struct dataset *ds = in->ds;
	struct file_ctx fc = {.in = in, .input = (uint32_t)ds->n_inputs};
	struct csv_stats st;
	/* Registered first: messages about its rows name it while it is being read. */
	dataset_add_input(ds, path, "credits", NULL);
	ds->credit_files++;
	struct csv_opts opts = in->opts->csv;
	opts.dupes = &in->dupes;
	opts.input = fc.input;
	int rc = csv_load(path, &opts, on_row, &fc, &st);
	struct input_info *info = &ds->inputs[fc.input];
	if (rc == 0 && !fc.have_header) {
		diag(SEV_ERROR, &(struct srcloc){info->path, 0, 0},
		     "empty file: expected a header line such as 'artist,project,role,year,type,source'");
		rc = EXIT_DATA;
	}
	if (rc != EXIT_IO) {
		info->bytes = st.bytes;
		sha256_hex(st.sha256, info->sha256);
	}
	info->rows = fc.rows;
	columns_free(&fc.cols);
	free(fc.extra_field);
	return rc;
}
