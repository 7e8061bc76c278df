/* Header-driven column mapping: names compared case-, space-, '_'- and '-'-insensitively,
 * with common synonyms (artist/name/person/credit_name; project/work/title/release/album;
 * role/credit/job; year/date). Columns that map to nothing are kept as extra attributes. */
#ifndef CREDGRAPH_COLUMNS_H
#define CREDGRAPH_COLUMNS_H
#include <stddef.h>

#include "csvload.h"

enum column_role {
	COL_ARTIST, COL_PROJECT, COL_ROLE, COL_YEAR, COL_TYPE, COL_SOURCE, COL_ARTIST_ID, COL_PROJECT_ID,
	COL_ROLE_COUNT
};

struct column_map {
	long idx[COL_ROLE_COUNT]; /* field index, or -1 */
	size_t n_header;
	char **names;             /* header names as written (for messages) */
	size_t *extra;            /* field indexes of extra columns */
	size_t n_extra;
};

/* The role a header name maps to, or -1. */
int column_role_of(const char *name, size_t len);
const char *column_role_name(enum column_role r);
/* Map a header record; duplicate names are reported as warnings. */
void columns_map(struct column_map *m, const struct csv_record *header);
void columns_free(struct column_map *m);
/* The header name of field i, or "" beyond the header. */
const char *column_name(const struct column_map *m, size_t i);

#endif
