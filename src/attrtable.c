/* --artists / --projects tables: their columns become typed vertex attributes.
 *
 * Rows are matched to vertices like credits (artists by identity key and aliases; projects by
 * project_id, or title plus year and type when given). A column is an integer when every value
 * is one, a double when every value is a number, else a string. O(cells). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "ingest.h"
#include "normalize.h"
#include "report.h"
#include "xalloc.h"

/* Names our own writers use for vertices, and those Gephi reserves: a table column with one
 * of these names gets an "attr_" prefix rather than overriding ours. */
static const char *const reserved[] = {
	"id", "label", "kind", "type", "year", "credits", "projects", "artists", "first_year", "last_year",
	"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "coreness",
	"community", "component", "distance", "x", "y", "z", "xpos", "ypos", "zpos", "size", "r", "g", "b",
	"color", "nodelabel", NULL,
};

struct cell {
	uint32_t vertex;
	uint32_t col;
	const char *value;
};

struct table_ctx {
	struct ingest *in;
	int for_projects;
	int have_header;
	struct column_map cols;
	struct attr_set names; /* one (empty) column per extra column: their safe, distinct names */
	struct cell *cells;
	size_t n_cells, cap_cells;
	uint32_t *project_of_pid; /* built on first use */
	struct strbuf sb;
	const char *path;
};

static uint32_t find_artist(struct table_ctx *t, const struct csv_record *r)
{
	struct ingest *in = t->in;
	long ic = t->cols.idx[COL_ARTIST_ID], nc = t->cols.idx[COL_ARTIST];
	uint32_t key;
	sb_reset(&t->sb);
	if (ic >= 0 && (size_t)ic < r->n && r->f[ic].len) {
		sb_addch(&t->sb, '\x01');
		sb_add(&t->sb, r->f[ic].s, r->f[ic].len);
	} else if (nc >= 0 && (size_t)nc < r->n) {
		ingest_artist_key(in, &t->sb, r->f[nc].s, r->f[nc].len);
	}
	if (!t->sb.len || !intern_find(&in->artist_keys, t->sb.buf, t->sb.len, &key)) return NONE;
	return in->artist_of_key[key];
}

static uint32_t find_project(struct table_ctx *t, const struct csv_record *r)
{
	struct ingest *in = t->in;
	struct dataset *ds = in->ds;
	long tc = t->cols.idx[COL_PROJECT], yc = t->cols.idx[COL_YEAR], kc = t->cols.idx[COL_TYPE],
	     ic = t->cols.idx[COL_PROJECT_ID];
	if (ic >= 0 && (size_t)ic < r->n && r->f[ic].len) {
		/* An id-keyed project: find the project whose rows carried this id. */
		uint32_t pid;
		if (!intern_find(&in->pids, r->f[ic].s, r->f[ic].len, &pid)) return NONE;
		if (!t->project_of_pid) {
			/* project_id -> project, built once: O(rows). */
			t->project_of_pid = xmalloc(st_mult(intern_count(&in->pids) + 1, sizeof(uint32_t)));
			for (size_t k = 0; k < intern_count(&in->pids); k++) t->project_of_pid[k] = NONE;
			for (size_t k = 0; k < in->n_rows; k++)
				if (in->rows[k].pid != NONE) t->project_of_pid[in->rows[k].pid] = in->row_project_of[k];
		}
		return t->project_of_pid[pid];
	}
	if (tc < 0 || (size_t)tc >= r->n) return NONE;
	uint32_t title;
	sb_reset(&t->sb);
	norm_key(&t->sb, r->f[tc].s, r->f[tc].len);
	if (!intern_find(&in->title_keys, t->sb.buf, t->sb.len, &title)) return NONE;
	int year = NO_YEAR, bad = 0;
	if (yc >= 0 && (size_t)yc < r->n) year = parse_year(r->f[yc].s, r->f[yc].len, &bad);
	sb_reset(&t->sb);
	if (kc >= 0 && (size_t)kc < r->n) norm_key(&t->sb, r->f[kc].s, r->f[kc].len);
	uint32_t match = NONE;
	for (size_t p = 0; p < ds->n_projects; p++) {
		if (in->project_title_key[p] != title) continue;
		if (year != NO_YEAR && ds->projects[p].year != year) continue;
		if (t->sb.len && strcmp(ds->projects[p].type, t->sb.buf) != 0) continue;
		if (match != NONE) return NONE - 1; /* ambiguous */
		match = (uint32_t)p;
	}
	return match;
}

static int on_table_row(const struct csv_record *r, void *user)
{
	struct table_ctx *t = user;
	struct arena *a = &t->in->ds->strings;
	if (!t->have_header) {
		t->have_header = 1;
		columns_map(&t->cols, r);
		int ok = t->for_projects ? (t->cols.idx[COL_PROJECT] >= 0 || t->cols.idx[COL_PROJECT_ID] >= 0)
		                         : (t->cols.idx[COL_ARTIST] >= 0 || t->cols.idx[COL_ARTIST_ID] >= 0);
		if (!ok) {
			diag(SEV_ERROR, &(struct srcloc){r->file, r->line, 1}, "no %s column in the header",
			     t->for_projects ? "project" : "artist");
			return EXIT_DATA;
		}
		/* In an artist table, year/type/role/source columns are plain attributes. */
		if (!t->for_projects) {
			static const enum column_role plain[] = {COL_YEAR, COL_TYPE, COL_ROLE, COL_SOURCE, COL_PROJECT, COL_PROJECT_ID};
			for (size_t k = 0; k < sizeof plain / sizeof plain[0]; k++)
				if (t->cols.idx[plain[k]] >= 0) t->cols.extra[t->cols.n_extra++] = (size_t)t->cols.idx[plain[k]];
		} else {
			static const enum column_role plain[] = {COL_ROLE, COL_SOURCE, COL_ARTIST, COL_ARTIST_ID};
			for (size_t k = 0; k < sizeof plain / sizeof plain[0]; k++)
				if (t->cols.idx[plain[k]] >= 0) t->cols.extra[t->cols.n_extra++] = (size_t)t->cols.idx[plain[k]];
		}
		attrs_init(&t->names, 0);
		for (size_t k = 0; k < t->cols.n_extra; k++)
			attrs_add(&t->names, attr_safe_name(a, column_name(&t->cols, t->cols.extra[k]), reserved, "attr_", &t->names),
			          ATTR_STRING);
		return 0;
	}
	uint32_t v = t->for_projects ? find_project(t, r) : find_artist(t, r);
	if (v == NONE || v == NONE - 1) {
		long c = t->for_projects ? t->cols.idx[COL_PROJECT] : t->cols.idx[COL_ARTIST];
		const char *name = c >= 0 && (size_t)c < r->n ? r->f[c].s : "";
		diag(SEV_WARNING, &(struct srcloc){r->file, r->line, 1}, "%s '%s' %s; row ignored",
		     t->for_projects ? "project" : "artist", name,
		     v == NONE ? "has no credits in the input" : "matches several projects (add year and type columns)");
		return 0;
	}
	for (size_t k = 0; k < t->cols.n_extra; k++) {
		size_t idx = t->cols.extra[k];
		if (idx >= r->n || !r->f[idx].len) continue;
		const char *s = r->f[idx].s;
		size_t len = r->f[idx].len;
		trim_space(&s, &len);
		if (!len) continue;
		GROW(t->cells, t->n_cells + 1, t->cap_cells);
		t->cells[t->n_cells++] = (struct cell){v, (uint32_t)k, arena_strndup(a, s, len)};
	}
	return 0;
}

static enum attr_type infer_type(const struct cell *cells, size_t n, uint32_t col)
{
	int all_int = 1, all_num = 1, any = 0;
	for (size_t i = 0; i < n && all_num; i++) {
		if (cells[i].col != col) continue;
		any = 1;
		char *end;
		errno = 0;
		long long v = strtoll(cells[i].value, &end, 10);
		(void)v;
		if (*end || errno || end == cells[i].value) all_int = 0;
		double d = strtod(cells[i].value, &end);
		if (*end || end == cells[i].value || !isfinite(d)) all_num = 0;
	}
	if (!any || !all_num) return ATTR_STRING;
	return all_int ? ATTR_INT : ATTR_DOUBLE;
}

int attr_table_load(struct ingest *in, const char *path, int for_projects)
{
	struct dataset *ds = in->ds;
	struct table_ctx t = {.in = in, .for_projects = for_projects, .path = path};
	sb_init(&t.sb);
	struct csv_stats st;
	int rc = csv_load(path, &in->opts->csv, on_table_row, &t, &st);
	if (rc != EXIT_IO) dataset_add_input(ds, path, for_projects ? "projects" : "artists", &st);
	if (rc == 0) {
		struct attr_set *set = for_projects ? &ds->project_attrs : &ds->artist_attrs;
		for (uint32_t k = 0; k < t.cols.n_extra; k++) {
			const char *name = t.names.cols[k]->name;
			if (attrs_find(set, name)) {
				diag(SEV_WARNING, &(struct srcloc){path, 1, 0}, "column '%s' was given by an earlier table; ignored", name);
				continue;
			}
			struct attr_col *c = attrs_add(set, name, infer_type(t.cells, t.n_cells, k));
			for (size_t i = 0; i < t.n_cells; i++) {
				const struct cell *e = &t.cells[i];
				if (e->col != k) continue;
				if (c->type == ATTR_STRING) c->s[e->vertex] = e->value;
				else if (c->type == ATTR_INT) c->i[e->vertex] = strtoll(e->value, NULL, 10);
				else c->d[e->vertex] = strtod(e->value, NULL);
			}
		}
	}
	columns_free(&t.cols);
	if (t.have_header) attrs_free(&t.names);
	free(t.cells);
	free(t.project_of_pid);
	sb_release(&t.sb);
	return rc;
}
