#include "columns.h"

#include <string.h>

#include "report.h"
#include "xalloc.h"

static const struct {
	enum column_role role;
	const char *names[8];
} synonyms[] = {
	{COL_ARTIST, {"artist", "name", "person", "creditname", "artistname", "personname", NULL}},
	{COL_PROJECT, {"project", "work", "title", "release", "album", "projecttitle", "worktitle", NULL}},
	{COL_ROLE, {"role", "roles", "credit", "job", "creditrole", NULL}},
	{COL_YEAR, {"year", "date", "releaseyear", "releasedate", NULL}},
	{COL_TYPE, {"type", "projecttype", "worktype", NULL}},
	{COL_SOURCE, {"source", "sources", "citation", "reference", NULL}},
	{COL_ARTIST_ID, {"artistid", "personid", "artistmbid", NULL}},
	{COL_PROJECT_ID, {"projectid", "workid", "releaseid", NULL}},
};

static const char *const role_names[COL_ROLE_COUNT] = {
	"artist", "project", "role", "year", "type", "source", "artist_id", "project_id",
};

const char *column_role_name(enum column_role r)
{
	return role_names[r];
}

/* Lower-case ASCII with spaces, '_' and '-' removed, into buf (truncated at cap). */
static void fold_header(const char *s, size_t len, char *buf, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
		buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf[o] = '\0';
}

int column_role_of(const char *name, size_t len)
{
	char folded[64];
	if (len >= sizeof folded) return -1;
	fold_header(name, len, folded, sizeof folded);
	for (size_t s = 0; s < sizeof synonyms / sizeof synonyms[0]; s++)
		for (size_t k = 0; synonyms[s].names[k]; k++)
			if (strcmp(folded, synonyms[s].names[k]) == 0) return (int)synonyms[s].role;
	return -1;
}

void columns_map(struct column_map *m, const struct csv_record *h)
{
	memset(m, 0, sizeof(*m));
	for (int r = 0; r < COL_ROLE_COUNT; r++) m->idx[r] = -1;
	m->n_header = h->n;
	m->names = xcalloc(h->n, sizeof(*m->names));
	m->extra = xcalloc(h->n, sizeof(*m->extra));
	for (size_t i = 0; i < h->n; i++) {
		const struct csv_field *f = &h->f[i];
		m->names[i] = xstrndup(f->s, f->len);
		for (size_t j = 0; j < i; j++) {
			if (f->len && strcmp(m->names[j], m->names[i]) == 0) {
				struct srcloc loc = {h->file, f->line, f->col};
				diag(SEV_WARNING, &loc, "duplicate column name '%s' (first at field %zu); this one is ignored",
				     m->names[i], j + 1);
				goto next;
			}
		}
		int role = column_role_of(f->s, f->len);
		if (role >= 0 && m->idx[role] < 0) m->idx[role] = (long)i;
		else if (f->len) m->extra[m->n_extra++] = i;
	next:;
	}
}

void columns_free(struct column_map *m)
{
	for (size_t i = 0; i < m->n_header; i++) free(m->names[i]);
	free(m->names);
	free(m->extra);
	memset(m, 0, sizeof(*m));
}

const char *column_name(const struct column_map *m, size_t i)
{
	return i < m->n_header ? m->names[i] : "";
}
