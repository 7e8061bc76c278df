/* Identity resolution: rows -> artists, projects and artist–project links.
 *
 * Projects are keyed by project_id when given, otherwise by (title key, year, type); a row
 * without a year joins its title's project when exactly one exists. Labels are the most
 * frequent spelling (first seen on a tie). Every step radix-sorts or hashes: O(R) for R rows
 * (qsort only within one credit's roles). */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "ingest.h"
#include "normalize.h"
#include "report.h"
#include "xalloc.h"

struct pkey {
	uint32_t kind; /* 1: by project_id, 2: by title/year/type */
	uint32_t a;
	int32_t year;
	uint32_t type;
};

struct triple {
	uint32_t a, b, c;
};

/* Sort triples by (a, b, c): least-significant-digit radix sort from c's lowest digit to a's
 * highest, each pass stable; a pass whose digit is the same for every triple is skipped.
 * Digits are 16 bits for big inputs (few passes), 8 bits for small ones (a small histogram).
 * O(n + buckets) time per pass and n extra triples (12 bytes a row), against O(n log n)
 * comparisons for qsort: these sorts run over every row. */
static uint32_t triple_key(const struct triple *t, int field)
{
	return field == 0 ? t->a : field == 1 ? t->b : t->c;
}

static void sort_triples(struct triple *t, size_t n)
{
	int bits = n < 65536 ? 8 : 16, digits = 32 / bits;
	size_t buckets = (size_t)1 << bits, mask = buckets - 1;
	struct triple *buf = xmalloc(st_mult(n + 1, sizeof(*t))), *src = t, *dst = buf;
	size_t *count = xmalloc(buckets * sizeof(size_t));
	for (int pass = 0; pass < 3 * digits; pass++) {
		int shift = pass % digits * bits;
		int field = 2 - pass / digits; /* c, b, a */
		memset(count, 0, buckets * sizeof(size_t));
		for (size_t i = 0; i < n; i++) count[(triple_key(&src[i], field) >> shift) & mask]++;
		if (n && count[(triple_key(&src[0], field) >> shift) & mask] == n) continue;
		size_t sum = 0;
		for (size_t d = 0; d < buckets; d++) {
			size_t k = count[d];
			count[d] = sum;
			sum += k;
		}
		for (size_t i = 0; i < n; i++) dst[count[(triple_key(&src[i], field) >> shift) & mask]++] = src[i];
		struct triple *x = src;
		src = dst;
		dst = x;
	}
	if (src != t) memcpy(t, src, n * sizeof(*t));
	free(count);
	free(buf);
}

static struct srcloc row_loc(const struct ingest *in, const struct raw_row *r)
{
	return (struct srcloc){in->ds->inputs[r->input].path, r->line, 0};
}

/* For each entity, the spelling used on most of its rows (first seen on a tie).
 * triples (entity, spelling, row) are sorted, and stay sorted for the caller; O(R). */
static void pick_labels(struct triple *t, size_t n, uint32_t *label_of)
{
	sort_triples(t, n);
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
}

struct resolve;
static void report_spelling_variants(struct resolve *R, const struct triple *t, const uint32_t *label);

struct resolve {
	struct ingest *in;
	uint32_t *row_artist, *row_project; /* dense ids per row */
	uint32_t *artist_first_row, *project_first_row;
	struct intern pkeys;
	uint32_t *project_of_pkey;
	size_t n_artists, n_projects;
};

static uint32_t project_for_key(struct resolve *R, const struct pkey *k, uint32_t row)
{
	int is_new;
	uint32_t kid = intern_add(&R->pkeys, (const char *)k, sizeof(*k), &is_new);
	if (is_new) {
		R->project_of_pkey = xrealloc(R->project_of_pkey, st_mult(intern_count(&R->pkeys), sizeof(uint32_t)));
		R->project_of_pkey[kid] = (uint32_t)R->n_projects;
		R->project_first_row = xrealloc(R->project_first_row, st_mult(R->n_projects + 1, sizeof(uint32_t)));
		R->project_first_row[R->n_projects++] = row;
	}
	return R->project_of_pkey[kid];
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

	for (size_t r = 0; r < in->n_rows; r++) {
		const struct raw_row *row = &in->rows[r];
		struct pkey k = {0};
		if (row->pid != NONE) k = (struct pkey){1, row->pid, 0, 0};
		else if (row->year != NO_YEAR) k = (struct pkey){2, row->title, row->year, row->type};
		else continue;
		size_t before = R->n_projects;
		R->row_project[r] = project_for_key(R, &k, (uint32_t)r);
		if (k.kind == 2 && R->n_projects > before) {
			GROW(dated, n_dated + 1, cap_dated);
			dated[n_dated++] = (struct triple){row->title, (uint32_t)row->year, R->row_project[r]};
		}
	}
	sort_triples(dated, n_dated);

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
			     intern_str(&in->spellings, row->title_sp), years.buf);
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
			     intern_str(&in->spellings, b->title_sp), dated[k].b, intern_str(&in->types, a->type),
			     intern_str(&in->types, b->type));
		}
		i = j;
	}

	for (size_t r = 0; r < in->n_rows; r++) {
		const struct raw_row *row = &in->rows[r];
		if (row->pid != NONE || row->year != NO_YEAR) continue;
		/* Binary search for the title's dated projects. */
		size_t lo = 0, hi = n_dated;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (dated[mid].a < row->title) lo = mid + 1;
			else hi = mid;
		}
		uint32_t match = NONE;
		size_t matches = 0;
		int has_type = *intern_str(&in->types, row->type) != '\0';
		for (size_t k = lo; k < n_dated && dated[k].a == row->title; k++) {
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
		struct pkey k = {2, row->title, NO_YEAR, row->type};
		R->row_project[r] = project_for_key(R, &k, (uint32_t)r);
		if (matches > 1 && R->n_projects > before) {
			struct srcloc loc = row_loc(in, row);
			diag(SEV_WARNING, &loc, "no year, and %zu projects are titled '%s': kept as a project of its own",
			     matches, intern_str(&in->spellings, row->title_sp));
		}
	}
	free(dated);
}

static void assign_artists(struct resolve *R)
{
	struct ingest *in = R->in;
	uint32_t *dense = xmalloc(st_mult(intern_count(&in->artist_keys) + 1, sizeof(uint32_t)));
	for (size_t k = 0; k < intern_count(&in->artist_keys); k++) dense[k] = NONE;
	for (size_t r = 0; r < in->n_rows; r++) {
		uint32_t key = in->rows[r].artist;
		if (dense[key] == NONE) {
			R->artist_first_row = xrealloc(R->artist_first_row, st_mult(R->n_artists + 1, sizeof(uint32_t)));
			R->artist_first_row[R->n_artists] = (uint32_t)r;
			dense[key] = (uint32_t)R->n_artists++;
		}
		R->row_artist[r] = dense[key];
	}
	in->artist_of_key = dense;
}

/* Join distinct ids' strings with '|' into the arena; ids[] is modified (deduplicated in place). */
static const char *join_distinct(struct dataset *ds, const struct intern *t, uint32_t *ids, size_t n, struct strbuf *sb)
{
	sb_reset(sb);
	for (size_t i = 0; i < n; i++) {
		if (ids[i] == NONE) continue;
		int dup = 0;
		for (size_t j = 0; j < i && !dup; j++) dup = ids[j] == ids[i];
		if (dup) continue;
		if (sb->len) sb_addch(sb, '|');
		sb_addstr(sb, intern_str(t, ids[i]));
	}
	return sb->len ? arena_strndup(&ds->strings, sb->buf, sb->len) : NULL;
}

static int cmp_str_ptr(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void build_links(struct resolve *R)
{
	struct ingest *in = R->in;
	struct dataset *ds = in->ds;
	struct triple *t = xmalloc(st_mult(in->n_rows + 1, sizeof(*t)));
	for (size_t r = 0; r < in->n_rows; r++) t[r] = (struct triple){R->row_artist[r], R->row_project[r], (uint32_t)r};
	sort_triples(t, in->n_rows);

	struct strbuf sb = STRBUF_INIT;
	const char **roles = NULL;
	size_t cap_roles = 0;
	uint32_t *ids = NULL;
	size_t cap_ids = 0;
	sb_init(&sb);
	ds->links = xcalloc(in->n_rows + 1, sizeof(*ds->links));
	for (size_t i = 0; i < in->n_rows;) {
		/* Rows are visited in (artist, project) order, not in file order: fetch ahead. */
		if (i + 16 < in->n_rows) __builtin_prefetch(&in->rows[t[i + 16].c]);
		if (i + 8 < in->n_rows) __builtin_prefetch(&in->role_pool[in->rows[t[i + 8].c].roles_off]);
		size_t j = i;
		while (j < in->n_rows && t[j].a == t[i].a && t[j].b == t[i].b) j++;
		struct link *l = &ds->links[ds->n_links++];
		l->artist = t[i].a;
		l->project = t[i].b;
		l->credits = (uint32_t)(j - i);

		size_t n_roles = 0;
		for (size_t k = i; k < j; k++) {
			const struct raw_row *row = &in->rows[t[k].c];
			GROW(roles, n_roles + row->n_roles, cap_roles);
			for (uint32_t q = 0; q < row->n_roles; q++)
				roles[n_roles++] = intern_str(&in->roles, in->role_pool[row->roles_off + q]);
		}
		qsort(roles, n_roles, sizeof(*roles), cmp_str_ptr);
		sb_reset(&sb);
		for (size_t q = 0; q < n_roles; q++) {
			if (q && strcmp(roles[q], roles[q - 1]) == 0) continue;
			if (sb.len) sb_addch(&sb, '|');
			sb_addstr(&sb, roles[q]);
		}
		l->roles = arena_strndup(&ds->strings, sb.buf, sb.len);

		GROW(ids, j - i, cap_ids);
		for (size_t k = i; k < j; k++) ids[k - i] = in->rows[t[k].c].source;
		l->sources = join_distinct(ds, &in->values, ids, j - i, &sb);
		if (ds->n_extra) {
			l->extra = arena_alloc(&ds->strings, ds->n_extra * sizeof(char *));
			for (size_t e = 0; e < ds->n_extra; e++) {
				for (size_t k = i; k < j; k++) ids[k - i] = in->extra_pool[in->rows[t[k].c].extra_off + e];
				l->extra[e] = join_distinct(ds, &in->values, ids, j - i, &sb);
			}
		}
		i = j;
	}
	free(roles);
	free(ids);
	free(t);
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

static const char *make_id(struct dataset *ds, struct id_maker *ids, const char *prefix, const char *label,
                           const char *key, int year, struct strbuf *sb)
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
	if (year != NO_YEAR) sb_addf(sb, "_%d", year);
	size_t stem = sb->len;
	int is_new;
	intern_add(&ids->taken, sb->buf, sb->len, &is_new);
	if (!is_new) {
		/* Every "_k" below next_suffix was taken when last tried, and still is. */
		uint32_t s = intern_add(&ids->stems, sb->buf, stem, NULL);
		size_t old = ids->cap;
		GROW(ids->next_suffix, (size_t)s + 1, ids->cap);
		for (size_t i = old; i < ids->cap; i++) ids->next_suffix[i] = 2;
		for (unsigned k = ids->next_suffix[s];; k++) {
			sb->len = stem;
			sb_addf(sb, "_%u", k);
			intern_add(&ids->taken, sb->buf, sb->len, &is_new);
			if (is_new) {
				ids->next_suffix[s] = k + 1;
				break;
			}
		}
	}
	return arena_strndup(&ds->strings, sb->buf, sb->len);
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
 * reported once per spelling, at its first row. t is sorted by (artist, spelling, row). */
static void report_spelling_variants(struct resolve *R, const struct triple *t, const uint32_t *label)
{
	struct ingest *in = R->in;
	for (size_t i = 0; i < in->n_rows; i++) {
		if (i > 0 && t[i].a == t[i - 1].a && t[i].b == t[i - 1].b) continue;
		if (t[i].b == label[t[i].a]) continue;
		struct srcloc loc = row_loc(in, &in->rows[t[i].c]);
		const char *variant = intern_str(&in->spellings, t[i].b), *chosen = intern_str(&in->spellings, label[t[i].a]);
		struct strbuf vk = STRBUF_INIT;
		sb_init(&vk);
		norm_key(&vk, variant, strlen(variant));
		int aliased = in->ds->artists[t[i].a].key[0] != '\x01' && strcmp(vk.buf, in->ds->artists[t[i].a].key) != 0;
		sb_release(&vk);
		if (aliased)
			diag(SEV_WARNING, &loc, "'%s' is an alias of '%s' (--aliases): counted as the same artist", variant, chosen);
		else if (same_nfc(variant, chosen))
			diag(SEV_WARNING, &loc, "'%s' is '%s' in another Unicode form (decomposed accents): counted as the "
			     "same artist", variant, chosen);
		else if (in->ds->artists[t[i].a].key[0] == '\x01')
			diag(SEV_WARNING, &loc, "'%s' has the artist_id of '%s': counted as the same artist",
			     intern_str(&in->spellings, t[i].b), intern_str(&in->spellings, label[t[i].a]));
		else
			diag(SEV_WARNING, &loc, "'%s' is written differently from '%s' only by case, Unicode form or spacing: "
			     "counted as the same artist", intern_str(&in->spellings, t[i].b),
			     intern_str(&in->spellings, label[t[i].a]));
	}
}

/* Names that differ only by accents, case, punctuation or spacing: reported, not merged. */
static void report_possible_duplicates(struct resolve *R)
{
	struct ingest *in = R->in;
	struct dataset *ds = in->ds;
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
		if (ds->artists[a].key[0] == '\x01' && ds->artists[first_with[s]].key[0] == '\x01') continue;
		const struct raw_row *mine = &in->rows[R->artist_first_row[a]];
		const struct raw_row *theirs = &in->rows[R->artist_first_row[first_with[s]]];
		struct srcloc loc = row_loc(in, mine);
		diag(SEV_WARNING, &loc, "'%s' may be the same artist as '%s' (%s:%lu): the names differ only by "
		     "accents, case, punctuation or spacing; merge them with --aliases if so",
		     ds->artists[a].label, ds->artists[first_with[s]].label, ds->inputs[theirs->input].path,
		     (unsigned long)theirs->line);
	}
	free(first_with);
	intern_free(&skel);
	sb_release(&sb);
}

int resolve_dataset(struct ingest *in)
{
	struct dataset *ds = in->ds;
	struct resolve R = {.in = in};
	R.row_artist = xmalloc(st_mult(in->n_rows + 1, sizeof(uint32_t)));
	R.row_project = xmalloc(st_mult(in->n_rows + 1, sizeof(uint32_t)));
	intern_init(&R.pkeys, in->n_rows / 4);

	assign_artists(&R);
	assign_projects(&R);
	ds->n_artists = R.n_artists;
	ds->n_projects = R.n_projects;
	ds->artists = xcalloc(R.n_artists + 1, sizeof(*ds->artists));
	ds->projects = xcalloc(R.n_projects + 1, sizeof(*ds->projects));

	struct triple *t = xmalloc(st_mult(in->n_rows + 1, sizeof(*t)));
	uint32_t *ptype = xmalloc(st_mult(R.n_projects + 1, sizeof(uint32_t)));
	uint32_t *label = xmalloc(st_mult((R.n_artists > R.n_projects ? R.n_artists : R.n_projects) + 1, sizeof(uint32_t)));
	for (size_t r = 0; r < in->n_rows; r++) t[r] = (struct triple){R.row_artist[r], in->rows[r].artist_sp, (uint32_t)r};
	pick_labels(t, in->n_rows, label);
	for (size_t a = 0; a < R.n_artists; a++) ds->artists[a].label = arena_strdup(&ds->strings, intern_str(&in->spellings, label[a]));
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	for (size_t a = 0; a < R.n_artists; a++) {
		struct artist *x = &ds->artists[a];
		x->key = arena_strdup(&ds->strings, intern_str(&in->artist_keys, in->rows[R.artist_first_row[a]].artist));
		sb_reset(&sb);
		norm_key(&sb, x->label, strlen(x->label));
		x->name_key = arena_strndup(&ds->strings, sb.buf, sb.len);
	}
	report_spelling_variants(&R, t, label);
	for (size_t r = 0; r < in->n_rows; r++) t[r] = (struct triple){R.row_project[r], in->rows[r].title_sp, (uint32_t)r};
	pick_labels(t, in->n_rows, label);
	for (size_t p = 0; p < R.n_projects; p++) {
		struct project *pr = &ds->projects[p];
		const struct raw_row *first = &in->rows[R.project_first_row[p]];
		pr->label = arena_strdup(&ds->strings, intern_str(&in->spellings, label[p]));
		pr->year = first->year;
		ptype[p] = first->type;
	}
	free(label);
	free(t);
	/* Projects keyed by id take the first year and type any of their rows gives. */
	in->project_title_key = xmalloc(st_mult(R.n_projects + 1, sizeof(uint32_t)));
	for (size_t r = 0; r < in->n_rows; r++) {
		struct project *pr = &ds->projects[R.row_project[r]];
		if (pr->year == NO_YEAR) pr->year = in->rows[r].year;
		if (!*intern_str(&in->types, ptype[R.row_project[r]])) ptype[R.row_project[r]] = in->rows[r].type;
		in->project_title_key[R.row_project[r]] = in->rows[r].title;
	}
	for (size_t p = 0; p < R.n_projects; p++)
		ds->projects[p].type = arena_strdup(&ds->strings, intern_str(&in->types, ptype[p]));
	free(ptype);

	build_links(&R);
	for (size_t r = 0; r < in->n_rows; r++) {
		ds->artists[R.row_artist[r]].credits++;
		ds->projects[R.row_project[r]].credits++;
	}
	for (size_t l = 0; l < ds->n_links; l++) {
		struct artist *a = &ds->artists[ds->links[l].artist];
		struct project *p = &ds->projects[ds->links[l].project];
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

	struct id_maker ids = {0};
	intern_init(&ids.taken, R.n_artists + R.n_projects);
	intern_init(&ids.stems, 64);
	for (size_t a = 0; a < R.n_artists; a++)
		ds->artists[a].id = make_id(ds, &ids, "a_", ds->artists[a].label, ds->artists[a].key, NO_YEAR, &sb);
	for (size_t p = 0; p < R.n_projects; p++)
		ds->projects[p].id = make_id(ds, &ids, "p_", ds->projects[p].label,
		                             intern_str(&in->title_keys, in->rows[R.project_first_row[p]].title),
		                             ds->projects[p].year, &sb);
	intern_free(&ids.taken);
	intern_free(&ids.stems);
	free(ids.next_suffix);
	sb_release(&sb);

	report_possible_duplicates(&R);

	free(R.row_artist);
	in->row_project_of = R.row_project;
	free(R.artist_first_row);
	free(R.project_first_row);
	free(R.project_of_pkey);
	intern_free(&R.pkeys);
	return 0;
}
