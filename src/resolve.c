/* Identity resolution: rows -> artists, projects and artist–project links.
 *
 * Projects are keyed by project_id when given, otherwise by (title key, year, type); a row
 * without a year joins its title's project when exactly one exists. Labels are the most
 * frequent spelling (first seen on a tie). Every step radix-sorts or hashes: O(R) for R rows
 * (qsort only within one credit's roles). */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "ingest.h"
#include "normalize.h"
#include "report.h"
#include "xalloc.h"

struct title_key { /* of a title's projects after its first (see struct resolve) */
	uint32_t title;
	int32_t year;
	uint32_t type;
};

struct triple {
	uint32_t a, b, c;
};

/* Sort triples by (a, b, c), given triples already in c order (every caller numbers c as it
 * builds them): a stable least-significant-digit radix sort from b's lowest digit to a's
 * highest then leaves equal (a, b) in c order, with no pass over c. One read counts every
 * digit, and a pass whose digit is the same for every triple is skipped. Digits are 11 bits
 * for big inputs (2048 buckets: the histograms and the scatter's write streams stay in cache;
 * 16-bit digits took 1.5x as long on 10M rows), 8 bits for small ones (a small histogram).
 * O(n + buckets) time per pass, in scratch's room for n triples, against O(n log n)
 * comparisons for qsort: these sorts run over every row. */
static uint32_t triple_key(const struct triple *t, int field)
{
	return field == 0 ? t->a : t->b;
}

static void sort_triples(struct triple *t, size_t n, struct triple *scratch)
{
	for (size_t i = 1; i < n; i++) assert(t[i - 1].c <= t[i].c); /* the callers' promise */
	int bits = n < 65536 ? 8 : 11, digits = (32 + bits - 1) / bits;
	size_t buckets = (size_t)1 << bits, mask = buckets - 1;
	/* Histogram of digit d of field f (0: a, 1: b) at count[(f * digits + d) * buckets]. */
	size_t *count = xcalloc(2 * (size_t)digits * buckets, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		for (int d = 0; d < digits; d++) {
			count[(size_t)d * buckets + ((t[i].a >> (d * bits)) & mask)]++;
			count[(size_t)(digits + d) * buckets + ((t[i].b >> (d * bits)) & mask)]++;
		}
	struct triple *src = t, *dst = scratch;
	for (int pass = 0; pass < 2 * digits; pass++) {
		int field = 1 - pass / digits, shift = pass % digits * bits; /* b, then a */
		size_t *at = count + (size_t)(field * digits + pass % digits) * buckets;
		if (n && at[(triple_key(&src[0], field) >> shift) & mask] == n) continue;
		size_t sum = 0;
		for (size_t d = 0; d < buckets; d++) {
			size_t k = at[d];
			at[d] = sum;
			sum += k;
		}
		for (size_t i = 0; i < n; i++) dst[at[(triple_key(&src[i], field) >> shift) & mask]++] = src[i];
		struct triple *x = src;
		src = dst;
		dst = x;
	}
	if (src != t) memcpy(t, src, n * sizeof(*t));
	free(count);
}

/* Whether an artist is named by its artist_id column: its key is "\x01" and the id. */
static int keyed_by_id(const struct artist *x)
{
	return x->key[0] == '\x01';
}

static struct srcloc row_loc(const struct ingest *in, const struct raw_row *r)
{
	return (struct srcloc){in->ds->inputs[r->input].path, r->line, 0};
}

/* For each of n_entities entities, the spelling used on most of its rows (first seen on a tie),
 * from triples (entity, spelling, row) in row order. An entity written one way takes that
 * spelling; only the triples of entities written several ways are kept, first in t, and
 * sorted, for the caller; returns how many. O(R), and most rows skip the sort (in the 1M-row
 * benchmark, every project's rows and half the artists'). */
static size_t pick_labels(struct triple *t, size_t n, uint32_t *label_of, size_t n_entities, struct triple *scratch)
{
	unsigned char *several = xcalloc(n_entities + 1, 1);
	for (size_t e = 0; e < n_entities; e++) label_of[e] = NONE;
	for (size_t i = 0; i < n; i++) {
		if (label_of[t[i].a] == NONE) label_of[t[i].a] = t[i].b;
		else if (label_of[t[i].a] != t[i].b) several[t[i].a] = 1;
	}
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (several[t[i].a]) t[kept++] = t[i];
	free(several);
	n = kept;

	sort_triples(t, n, scratch);
	size_t i = 0;
	while (i < n) {
		uint32_t e = t[i].a, best = NONE, best_count = 0, best_row = NONE;
		while (i < n && t[i].a == e) {
			size_t j = i;
			while (j < n && t[j].a == e && t[j].b == t[i].b) j++;
			uint32_t count = (uint32_t)(j - i), first_row = t[i].c;
			if (count > best_count || (count == best_count && first_row < best_row)) {
				best = t[i].b;
				best_count = count;
				best_row = first_row;
			}
			i = j;
		}
		label_of[e] = best;
	}
	return n;
}

/* What a link takes from each of its rows. */
struct link_row {
	uint32_t roles_off, n_roles, source, extra_off;
};
_Static_assert(sizeof(struct link_row) >= sizeof(struct triple), "the scratch is sized in link_rows");

struct resolve;
static void report_spelling_variants(struct resolve *R, const struct triple *t, size_t n, const uint32_t *label);

struct resolve {
	struct ingest *in;
	uint32_t *row_artist, *row_project; /* dense ids per row */
	uint32_t *artist_first_row, *project_first_row; /* sized for the most there can be */
	size_t n_artists, n_projects;
	/* A triple per row, and room per row for a triple or a link_row: the sorts' scratch, then
	 * build_links' gathered rows. Allocated once, as fresh memory costs a page fault and a
	 * cleared page per 4 KiB (10M rows: the gather took 0.60 s into fresh memory, 0.33 s here). */
	struct triple *triples;
	void *scratch;
	/* Projects by key, while assign_projects runs. A project_id names one project; so does a
	 * title, mostly: its first project, whose key is that project's first row's year and type,
	 * is in title_project (read almost in order, as titles are numbered when first seen); only
	 * a title's other projects are hashed, by (title, year, type). O(1) expected per row. */
	uint32_t *project_of_pid, *title_project; /* NONE: none yet */
	struct intern other_title_keys;
	uint32_t *project_of_other_key;
	size_t cap_other_keys;
	/* Artists whose names differ only by accents, case, punctuation or spacing: (artist, the
	 * first with that skeleton), found on the second thread, reported after. */
	uint32_t (*lookalike)[2];
	size_t n_lookalikes, cap_lookalikes;
};

static uint32_t new_project(struct resolve *R, uint32_t first_row)
{
	R->project_first_row[R->n_projects] = first_row;
	return (uint32_t)R->n_projects++;
}

static uint32_t project_of_pid(struct resolve *R, uint32_t pid, uint32_t row)
{
	if (R->project_of_pid[pid] == NONE) R->project_of_pid[pid] = new_project(R, row);
	return R->project_of_pid[pid];
}

static uint32_t project_of_title(struct resolve *R, uint32_t title, int32_t year, uint32_t type, uint32_t row)
{
	uint32_t first = R->title_project[title];
	if (first == NONE) {
		R->title_project[title] = new_project(R, row);
		return R->title_project[title];
	}
	const struct raw_row *made_by = &R->in->rows[R->project_first_row[first]];
	if (made_by->year == year && made_by->type == type) return first;
	struct title_key k = {title, year, type};
	int is_new;
	uint32_t id = intern_add(&R->other_title_keys, (const char *)&k, sizeof(k), &is_new);
	if (is_new) {
		GROW(R->project_of_other_key, (size_t)id + 1, R->cap_other_keys);
		R->project_of_other_key[id] = new_project(R, row);
	}
	return R->project_of_other_key[id];
}

static int is_soundtrack_pair(const char *t1, const char *t2)
{
	if (strcmp(t2, "soundtrack") == 0) {
		const char *tmp = t1;
		t1 = t2;
		t2 = tmp;
	}
	return strcmp(t1, "soundtrack") == 0 && (strcmp(t2, "film") == 0 || strcmp(t2, "tv") == 0);
}

/* Projects for rows with an id or a year first; then yearless rows join a unique match. */
static void assign_projects(struct resolve *R)
{
	struct ingest *in = R->in;
	struct triple *dated = NULL; /* (title, year, project) of dated title-keyed projects */
	size_t n_dated = 0, cap_dated = 0;
	size_t n_pids = intern_count(&in->pids), n_titles = intern_count(&in->title_keys);
	R->project_of_pid = xmalloc(st_mult(n_pids + 1, sizeof(uint32_t)));
	for (size_t k = 0; k < n_pids; k++) R->project_of_pid[k] = NONE;
	R->title_project = xmalloc(st_mult(n_titles + 1, sizeof(uint32_t)));
	for (size_t k = 0; k < n_titles; k++) R->title_project[k] = NONE;
	intern_init(&R->other_title_keys, 64);

	for (size_t r = 0; r < in->n_rows; r++) {
		const struct raw_row *row = &in->rows[r];
		if (row->pid != NONE) {
			R->row_project[r] = project_of_pid(R, row->pid, (uint32_t)r);
		} else if (row->year != NO_YEAR) {
			size_t before = R->n_projects;
			R->row_project[r] = project_of_title(R, row->title, row->year, row->type, (uint32_t)r);
			if (R->n_projects > before) {
				GROW(dated, n_dated + 1, cap_dated);
				dated[n_dated++] = (struct triple){row->title, (uint32_t)row->year, R->row_project[r]};
			}
		}
	}
	sort_triples(dated, n_dated, R->scratch);

	/* A title used with several years: separate projects, reported once per title. */
	for (size_t i = 0; i < n_dated;) {
		size_t j = i;
		while (j < n_dated && dated[j].a == dated[i].a) j++;
		if (dated[j - 1].b != dated[i].b) {
			struct strbuf years = STRBUF_INIT;
			sb_init(&years);
			for (size_t k = i; k < j; k++)
				if (k == i || dated[k].b != dated[k - 1].b) sb_addf(&years, "%s%u", k == i ? "" : ", ", dated[k].b);
			const struct raw_row *row = &in->rows[R->project_first_row[dated[j - 1].c]];
			struct srcloc loc = row_loc(in, row);
			diag(SEV_WARNING, &loc, "title '%s' is used with years %s: kept as separate projects",
			     intern_str(&in->title_spellings, row->title_sp), years.buf);
			sb_release(&years);
		}
		/* The same title and year with another type: a typo, unless it is a film or show and
		 * its soundtrack, which share their title by nature. */
		for (size_t k = i + 1; k < j; k++) {
			if (dated[k].b != dated[k - 1].b) continue;
			const struct raw_row *a = &in->rows[R->project_first_row[dated[k - 1].c]];
			const struct raw_row *b = &in->rows[R->project_first_row[dated[k].c]];
			if (is_soundtrack_pair(intern_str(&in->types, a->type), intern_str(&in->types, b->type))) continue;
			struct srcloc loc = row_loc(in, b);
			diag(SEV_WARNING, &loc, "title '%s' (%u) is used with types '%s' and '%s': kept as separate projects",
			     intern_str(&in->title_spellings, b->title_sp), dated[k].b, intern_str(&in->types, a->type),
			     intern_str(&in->types, b->type));
		}
		i = j;
	}

	/* A title's dated projects are dated[title_start[title] .. title_start[title + 1]): counted
	 * per title and summed, O(titles + dated), so that a yearless row finds them in O(1). */
	size_t *title_start = xcalloc(n_titles + 1, sizeof(size_t));
	for (size_t i = 0; i < n_dated; i++) title_start[dated[i].a + 1]++;
	for (size_t k = 0; k < n_titles; k++) title_start[k + 1] += title_start[k];

	for (size_t r = 0; r < in->n_rows; r++) {
		const struct raw_row *row = &in->rows[r];
		if (row->pid != NONE || row->year != NO_YEAR) continue;
		uint32_t match = NONE;
		size_t matches = 0;
		int has_type = *intern_str(&in->types, row->type) != '\0';
		for (size_t k = title_start[row->title]; k < title_start[row->title + 1]; k++) {
			uint32_t p = dated[k].c;
			if (has_type && in->rows[R->project_first_row[p]].type != row->type) continue;
			match = p;
			matches++;
		}
		if (matches == 1) {
			R->row_project[r] = match;
			continue;
		}
		size_t before = R->n_projects;
		R->row_project[r] = project_of_title(R, row->title, NO_YEAR, row->type, (uint32_t)r);
		if (matches > 1 && R->n_projects > before) {
			struct srcloc loc = row_loc(in, row);
			diag(SEV_WARNING, &loc, "no year, and %zu projects are titled '%s': kept as a project of its own",
			     matches, intern_str(&in->title_spellings, row->title_sp));
		}
	}
	free(title_start);
	free(dated);
	free(R->project_of_pid);
	free(R->title_project);
	free(R->project_of_other_key);
	intern_free(&R->other_title_keys);
}

static void assign_artists(struct resolve *R)
{
	struct ingest *in = R->in;
	size_t n_keys = intern_count(&in->artist_keys);
	uint32_t *dense = xmalloc(st_mult(n_keys + 1, sizeof(uint32_t)));
	for (size_t k = 0; k < n_keys; k++) dense[k] = NONE;
	R->artist_first_row = xmalloc(st_mult(n_keys + 1, sizeof(uint32_t)));
	for (size_t r = 0; r < in->n_rows; r++) {
		uint32_t key = in->rows[r].artist;
		if (dense[key] == NONE) {
			R->artist_first_row[R->n_artists] = (uint32_t)r;
			dense[key] = (uint32_t)R->n_artists++;
		}
		R->row_artist[r] = dense[key];
	}
	in->artist_of_key = dense;
}

/* Links and projects share the strings most of them repeat (one role, one source, a type):
 * copies[id] is string id of t in the arena, made when first asked for. */
static const char *shared_copy(struct dataset *ds, const struct intern *t, const char **copies, uint32_t id)
{
	if (!copies[id]) copies[id] = arena_strdup(&ds->strings, intern_str(t, id));
	return copies[id];
}

/* Distinct ids' strings joined with '|' in the arena (a single one shared), or NULL for none. */
static const char *join_distinct(struct dataset *ds, const struct intern *t, const char **copies, const uint32_t *ids,
                                 size_t n, struct strbuf *sb)
{
	sb_reset(sb);
	size_t n_distinct = 0;
	uint32_t first = NONE;
	for (size_t i = 0; i < n; i++) {
		if (ids[i] == NONE) continue;
		int dup = 0;
		for (size_t j = 0; j < i && !dup; j++) dup = ids[j] == ids[i];
		if (dup) continue;
		if (sb->len) sb_addch(sb, '|');
		sb_addstr(sb, intern_str(t, ids[i]));
		if (!n_distinct++) first = ids[i];
	}
	if (!sb->len) return NULL;
	return n_distinct == 1 ? shared_copy(ds, t, copies, first) : arena_strndup(&ds->strings, sb->buf, sb->len);
}

static int cmp_str_ptr(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void build_links(struct resolve *R)
{
	struct ingest *in = R->in;
	struct dataset *ds = in->ds;
	struct triple *t = R->triples;
	for (size_t r = 0; r < in->n_rows; r++) t[r] = (struct triple){R->row_artist[r], R->row_project[r], (uint32_t)r};
	sort_triples(t, in->n_rows, R->scratch);
	/* Rows are read in (artist, project) order, not in file order: a pass that does nothing
	 * else keeps many of those cache and TLB misses in flight at once, where the work on each
	 * link would wait for them (build_links, 1M rows: 95 -> 80 ms; 10M: 2.20 -> 2.05 s). */
	struct link_row *lr = R->scratch;
	for (size_t k = 0; k < in->n_rows; k++) {
		const struct raw_row *row = &in->rows[t[k].c];
		lr[k] = (struct link_row){row->roles_off, row->n_roles, row->source, row->extra_off};
	}

	struct strbuf sb = STRBUF_INIT;
	const char **roles = NULL;
	size_t cap_roles = 0;
	uint32_t *ids = NULL;
	size_t cap_ids = 0;
	const char **role_copies = xcalloc(intern_count(&in->roles) + 1, sizeof(char *));
	const char **value_copies = xcalloc(intern_count(&in->values) + 1, sizeof(char *));
	sb_init(&sb);
	ds->links = xcalloc(in->n_rows + 1, sizeof(*ds->links));
	for (size_t i = 0; i < in->n_rows;) {
		if (i + 8 < in->n_rows) __builtin_prefetch(&in->role_pool[lr[i + 8].roles_off]); /* read at random too */
		size_t j = i;
		while (j < in->n_rows && t[j].a == t[i].a && t[j].b == t[i].b) j++;
		struct link *l = &ds->links[ds->n_links++];
		l->artist = t[i].a;
		l->project = t[i].b;
		l->credits = (uint32_t)(j - i);

		if (j - i == 1 && lr[i].n_roles == 1) { /* most links: one row, one role */
			l->roles = shared_copy(ds, &in->roles, role_copies, in->role_pool[lr[i].roles_off]);
		} else {
			size_t n_roles = 0;
			for (size_t k = i; k < j; k++) {
				GROW(roles, n_roles + lr[k].n_roles, cap_roles);
				for (uint32_t q = 0; q < lr[k].n_roles; q++)
					roles[n_roles++] = intern_str(&in->roles, in->role_pool[lr[k].roles_off + q]);
			}
			qsort(roles, n_roles, sizeof(*roles), cmp_str_ptr);
			sb_reset(&sb);
			for (size_t q = 0; q < n_roles; q++) {
				if (q && strcmp(roles[q], roles[q - 1]) == 0) continue;
				if (sb.len) sb_addch(&sb, '|');
				sb_addstr(&sb, roles[q]);
			}
			l->roles = arena_strndup(&ds->strings, sb.buf, sb.len);
		}

		GROW(ids, j - i, cap_ids);
		for (size_t k = i; k < j; k++) ids[k - i] = lr[k].source;
		l->sources = join_distinct(ds, &in->values, value_copies, ids, j - i, &sb);
		if (ds->n_extra) {
			l->extra = arena_alloc(&ds->strings, ds->n_extra * sizeof(char *));
			for (size_t e = 0; e < ds->n_extra; e++) {
				for (size_t k = i; k < j; k++) ids[k - i] = in->extra_pool[lr[k].extra_off + e];
				l->extra[e] = join_distinct(ds, &in->values, value_copies, ids, j - i, &sb);
			}
		}
		i = j;
	}
	free(roles);
	free(ids);
	free(role_copies);
	free(value_copies);
	sb_release(&sb);
}

/* Readable, stable, NMTOKEN-safe ids: prefix + ASCII slug (+ year), "_2"... on a collision. */
/* Ids given so far, and for each stem the first "_k" suffix not yet tried: stems shared by
 * many entities (one common name, titles with no Latin letters) then cost O(1) each, not O(k). */
struct id_maker {
	struct intern taken, stems;
	unsigned *next_suffix;
	size_t cap;
};

/* "_" and n in decimal, as sb_addf(sb, "_%d", n) writes it, without printf's machinery
 * (1M rows: ids 233 -> 219 ms). */
static void add_number_suffix(struct strbuf *sb, int n)
{
	char text[16];
	size_t len = 0;
	unsigned magnitude = n < 0 ? 0u - (unsigned)n : (unsigned)n;
	do text[sizeof(text) - ++len] = (char)('0' + magnitude % 10); while (magnitude /= 10);
	if (n < 0) text[sizeof(text) - ++len] = '-';
	text[sizeof(text) - ++len] = '_';
	sb_add(sb, text + sizeof(text) - len, len);
}

static const char *make_id(struct id_maker *ids, const char *prefix, const char *label, const char *key, int year,
                           struct strbuf *sb)
{
	sb_reset(sb);
	sb_addstr(sb, prefix);
	size_t base = sb->len;
	norm_slug(sb, label, strlen(label), 48);
	if (sb->len == base) {
		/* No Latin letters or digits: a hex digest of the key keeps the id stable. */
		uint64_t h = 1469598103934665603ULL;
		for (const unsigned char *p = (const unsigned char *)key; *p; p++) h = (h ^ *p) * 1099511628211ULL;
		sb_addf(sb, "%016llx", (unsigned long long)h);
	}
	if (year != NO_YEAR) add_number_suffix(sb, year);
	size_t stem = sb->len;
	int is_new;
	uint32_t id = intern_add(&ids->taken, sb->buf, sb->len, &is_new);
	if (!is_new) {
		/* Every "_k" below next_suffix was taken when last tried, and still is. */
		uint32_t s = intern_add(&ids->stems, sb->buf, stem, NULL);
		size_t old = ids->cap;
		GROW(ids->next_suffix, (size_t)s + 1, ids->cap);
		for (size_t i = old; i < ids->cap; i++) ids->next_suffix[i] = 2;
		for (unsigned k = ids->next_suffix[s];; k++) {
			sb->len = stem;
			sb_addf(sb, "_%u", k);
			id = intern_add(&ids->taken, sb->buf, sb->len, &is_new);
			if (is_new) {
				ids->next_suffix[s] = k + 1;
				break;
			}
		}
	}
	return intern_str(&ids->taken, id);
}

/* Every artist's and project's id, in order. They need only the labels and the years, so
 * they are made on a second thread while the links are built, and kept in their table's
 * arena (resolve, 1M rows: 0.34-0.38 s -> 0.28-0.33 s; 10M rows: 6.3-7.0 s -> 5.3-5.9 s). */
static void make_ids(struct resolve *R)
{
	struct ingest *in = R->in;
	struct dataset *ds = in->ds;
	struct id_maker ids = {0};
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	intern_init(&ids.taken, R->n_artists + R->n_projects);
	intern_init(&ids.stems, 64);
	for (size_t a = 0; a < R->n_artists; a++)
		ds->artists[a].id = make_id(&ids, "a_", ds->artists[a].label, ds->artists[a].key, NO_YEAR, &sb);
	for (size_t p = 0; p < R->n_projects; p++)
		ds->projects[p].id = make_id(&ids, "p_", ds->projects[p].label,
		                             intern_str(&in->title_keys, in->rows[R->project_first_row[p]].title),
		                             ds->projects[p].year, &sb);
	intern_free_keep_strings(&ids.taken, &ds->id_strings); /* the ids themselves */
	intern_free(&ids.stems);
	free(ids.next_suffix);
	sb_release(&sb);
}

static int same_nfc(const char *a, const char *b)
{
	unsigned char *x = utf8proc_NFC((const unsigned char *)a), *y = utf8proc_NFC((const unsigned char *)b);
	int same = x && y && strcmp((char *)x, (char *)y) == 0;
	free(x);
	free(y);
	return same;
}

/* Spellings merged into one artist (they differ only by case, Unicode form or spacing):
 * reported once per spelling, at its first row. t[0..n) is sorted by (artist, spelling, row)
 * and holds every row of each artist written more than one way. */
static void report_spelling_variants(struct resolve *R, const struct triple *t, size_t n, const uint32_t *label)
{
	struct ingest *in = R->in;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && t[i].a == t[i - 1].a && t[i].b == t[i - 1].b) continue;
		if (t[i].b == label[t[i].a]) continue;
		struct srcloc loc = row_loc(in, &in->rows[t[i].c]);
		const char *variant = intern_str(&in->artist_spellings, t[i].b);
		const char *chosen = intern_str(&in->artist_spellings, label[t[i].a]);
		struct strbuf vk = STRBUF_INIT;
		sb_init(&vk);
		norm_key(&vk, variant, strlen(variant));
		int aliased = !keyed_by_id(&in->ds->artists[t[i].a]) && strcmp(vk.buf, in->ds->artists[t[i].a].key) != 0;
		sb_release(&vk);
		if (aliased)
			diag(SEV_WARNING, &loc, "'%s' is an alias of '%s' (--aliases): counted as the same artist", variant, chosen);
		else if (same_nfc(variant, chosen))
			diag(SEV_WARNING, &loc, "'%s' is '%s' in another Unicode form (decomposed accents): counted as the "
			     "same artist", variant, chosen);
		else if (keyed_by_id(&in->ds->artists[t[i].a]))
			diag(SEV_WARNING, &loc, "'%s' has the artist_id of '%s': counted as the same artist", variant, chosen);
		else
			diag(SEV_WARNING, &loc, "'%s' is written differently from '%s' only by case, Unicode form or spacing: "
			     "counted as the same artist", variant, chosen);
	}
}

/* Names that differ only by accents, case, punctuation or spacing: found here, reported by
 * report_lookalikes, not merged. */
static void find_lookalikes(struct resolve *R)
{
	struct dataset *ds = R->in->ds;
	struct intern skel;
	struct strbuf sb = STRBUF_INIT;
	intern_init(&skel, ds->n_artists);
	sb_init(&sb);
	uint32_t *first_with = xmalloc(st_mult(ds->n_artists + 1, sizeof(uint32_t)));
	for (size_t a = 0; a < ds->n_artists; a++) {
		sb_reset(&sb);
		norm_skeleton(&sb, ds->artists[a].label, strlen(ds->artists[a].label));
		if (!sb.len) continue;
		int is_new;
		uint32_t s = intern_add(&skel, sb.buf, sb.len, &is_new);
		if (is_new) {
			first_with[s] = (uint32_t)a;
			continue;
		}
		/* Artists told apart by their artist_id were told apart on purpose. */
		if (keyed_by_id(&ds->artists[a]) && keyed_by_id(&ds->artists[first_with[s]])) continue;
		GROW(R->lookalike, R->n_lookalikes + 1, R->cap_lookalikes);
		R->lookalike[R->n_lookalikes][0] = (uint32_t)a;
		R->lookalike[R->n_lookalikes++][1] = first_with[s];
	}
	free(first_with);
	intern_free(&skel);
	sb_release(&sb);
}

static void report_lookalikes(struct resolve *R)
{
	struct ingest *in = R->in;
	struct dataset *ds = in->ds;
	for (size_t i = 0; i < R->n_lookalikes; i++) {
		uint32_t a = R->lookalike[i][0], first = R->lookalike[i][1];
		const struct raw_row *theirs = &in->rows[R->artist_first_row[first]];
		struct srcloc loc = row_loc(in, &in->rows[R->artist_first_row[a]]);
		diag(SEV_WARNING, &loc, "'%s' may be the same artist as '%s' (%s:%lu): the names differ only by "
		     "accents, case, punctuation or spacing; merge them with --aliases if so",
		     ds->artists[a].label, ds->artists[first].label, ds->inputs[theirs->input].path,
		     (unsigned long)theirs->line);
	}
	free(R->lookalike);
}

/* The second thread's share: what needs only the labels. The lookalikes too, while the links'
 * counts are taken on the main thread (resolve, 1M rows: 0.28-0.31 s -> 0.26-0.28 s; 10M
 * rows: 4.9-5.7 s -> 4.6-5.0 s). */
static void *label_work(void *arg)
{
	make_ids(arg);
	find_lookalikes(arg);
	return NULL;
}

int resolve_dataset(struct ingest *in)
{
	struct dataset *ds = in->ds;
	struct resolve R = {.in = in};
	R.row_artist = xmalloc(st_mult(in->n_rows + 1, sizeof(uint32_t)));
	R.row_project = xmalloc(st_mult(in->n_rows + 1, sizeof(uint32_t)));
	R.project_first_row = xmalloc(st_mult(in->n_rows + 1, sizeof(uint32_t)));
	R.triples = xmalloc(st_mult(in->n_rows + 1, sizeof(struct triple)));
	R.scratch = xmalloc(st_mult(in->n_rows + 1, sizeof(struct link_row)));

	assign_artists(&R);
	assign_projects(&R);
	ds->n_artists = R.n_artists;
	ds->n_projects = R.n_projects;
	ds->artists = xcalloc(R.n_artists + 1, sizeof(*ds->artists));
	ds->projects = xcalloc(R.n_projects + 1, sizeof(*ds->projects));

	struct triple *t = R.triples;
	uint32_t *ptype = xmalloc(st_mult(R.n_projects + 1, sizeof(uint32_t)));
	uint32_t *label = xmalloc(st_mult((R.n_artists > R.n_projects ? R.n_artists : R.n_projects) + 1, sizeof(uint32_t)));
	for (size_t r = 0; r < in->n_rows; r++) t[r] = (struct triple){R.row_artist[r], in->rows[r].artist_sp, (uint32_t)r};
	size_t n_variant_rows = pick_labels(t, in->n_rows, label, R.n_artists, R.scratch);
	/* Labels and keys are the intern tables' own strings, kept with the dataset's (see
	 * ingest_free) rather than copied. */
	for (size_t a = 0; a < R.n_artists; a++) ds->artists[a].label = intern_str(&in->artist_spellings, label[a]);
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	for (size_t a = 0; a < R.n_artists; a++) {
		struct artist *x = &ds->artists[a];
		x->key = intern_str(&in->artist_keys, in->rows[R.artist_first_row[a]].artist);
		/* A name's key is its normalised spelling, the label's too, unless an alias or an
		 * artist_id made it. */
		if (!ds->aliases && !keyed_by_id(x)) {
			x->name_key = x->key;
			continue;
		}
		sb_reset(&sb);
		norm_key(&sb, x->label, strlen(x->label));
		x->name_key = arena_strndup(&ds->strings, sb.buf, sb.len);
	}
	sb_release(&sb);
	report_spelling_variants(&R, t, n_variant_rows, label);
	for (size_t r = 0; r < in->n_rows; r++) t[r] = (struct triple){R.row_project[r], in->rows[r].title_sp, (uint32_t)r};
	pick_labels(t, in->n_rows, label, R.n_projects, R.scratch);
	for (size_t p = 0; p < R.n_projects; p++) {
		struct project *pr = &ds->projects[p];
		const struct raw_row *first = &in->rows[R.project_first_row[p]];
		pr->label = intern_str(&in->title_spellings, label[p]);
		pr->year = first->year;
		ptype[p] = first->type;
	}
	free(label);
	/* Projects keyed by id take the first year and type any of their rows gives. */
	in->project_title_key = xmalloc(st_mult(R.n_projects + 1, sizeof(uint32_t)));
	for (size_t r = 0; r < in->n_rows; r++) {
		struct project *pr = &ds->projects[R.row_project[r]];
		if (pr->year == NO_YEAR) pr->year = in->rows[r].year;
		if (!*intern_str(&in->types, ptype[R.row_project[r]])) ptype[R.row_project[r]] = in->rows[r].type;
		in->project_title_key[R.row_project[r]] = in->rows[r].title;
	}
	/* A handful of types over every project: one copy of each. */
	const char **type_copies = xcalloc(intern_count(&in->types) + 1, sizeof(char *));
	for (size_t p = 0; p < R.n_projects; p++) ds->projects[p].type = shared_copy(ds, &in->types, type_copies, ptype[p]);
	free(type_copies);
	free(ptype);

	pthread_t label_thread;
	int threaded = pthread_create(&label_thread, NULL, label_work, &R) == 0;
	if (!threaded) label_work(&R);
	build_links(&R);
	free(R.triples);
	free(R.scratch);
	/* Every row is a credit of one link: counted per link, not per row. Links come in artist
	 * order, so their projects are read at random: fetch ahead. */
	for (size_t l = 0; l < ds->n_links; l++) {
		if (l + 16 < ds->n_links) __builtin_prefetch(&ds->projects[ds->links[l + 16].project]);
		struct artist *a = &ds->artists[ds->links[l].artist];
		struct project *p = &ds->projects[ds->links[l].project];
		a->credits += ds->links[l].credits;
		p->credits += ds->links[l].credits;
		a->projects++;
		if (++p->artists == in->opts->max_team + 1) {
			struct srcloc loc = row_loc(in, &in->rows[R.project_first_row[ds->links[l].project]]);
			diag(SEV_WARNING, &loc, "project '%s' has more than %zu artists (--max-team): kept in the credits "
			     "graph, left out of the collaboration network", p->label, in->opts->max_team);
		}
		if (p->year != NO_YEAR) {
			if (a->first_year == NO_YEAR || p->year < a->first_year) a->first_year = p->year;
			if (p->year > a->last_year) a->last_year = p->year;
		}
	}
	if (threaded) pthread_join(label_thread, NULL);
	report_lookalikes(&R);

	free(R.row_artist);
	in->row_project_of = R.row_project;
	free(R.artist_first_row);
	free(R.project_first_row);
	return 0;
}
