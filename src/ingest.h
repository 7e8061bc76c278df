/* Internal to dataset loading: the compact form of a credit row between reading (ingest.c)
 * and identity resolution (resolve.c). Strings are interned; a row is a few integers. */
#ifndef CREDGRAPH_INGEST_H
#define CREDGRAPH_INGEST_H
#include <stdint.h>

#include "aliases.h"
#include "csvload.h"
#include "dataset.h"
#include "intern.h"
#include "strbuf.h"

#define NONE UINT32_MAX

struct raw_row {
	uint32_t artist;     /* artist key (names: NFC, case-folded, aliased; or "\x01" + artist_id) */
	uint32_t artist_sp;  /* spelling as written */
	uint32_t title;      /* title key */
	uint32_t title_sp;
	uint32_t type;       /* normalised type; id of "" when not given */
	uint32_t pid;        /* project_id key, or NONE */
	int32_t year;
	uint32_t roles_off, n_roles; /* into ingest.role_pool */
	uint32_t source;     /* into values, or NONE */
	uint32_t extra_off;  /* into ingest.extra_pool, n_extra ids per row (NONE: empty) */
	uint32_t input;
	uint32_t line;
};

struct ingest {
	const struct load_opts *opts;
	struct dataset *ds;
	struct intern artist_keys, title_keys, types, pids, roles, values;
	/* Names as written, artists apart from titles: each row's lookup of its artist (the one
	 * at random) then reads the artists' table alone. At 10M rows the interning thread took
	 * 5.5-5.8 s of CPU against 6.5-6.6 s with one table, two runs each. Each spelling is
	 * tagged with its key once derived (one met only on artist_id rows has none). */
	struct intern artist_spellings, title_spellings;
	struct raw_row *rows;
	size_t n_rows, cap_rows;
	uint32_t *role_pool;
	size_t n_role_pool, cap_role_pool;
	uint32_t *extra_pool;
	size_t n_extra_pool, cap_extra_pool;
	struct csv_dupes dupes;      /* rows read, for exact duplicates */
	uint64_t empty_hash;         /* intern_hash("", 0): the type of a row without one */
	/* Roles and types as written, each tagged with its key once normalised. */
	struct intern role_texts, type_texts;
	struct pending_key {          /* a new spelling's key, between name_ids and name_key_finish */
		struct strbuf key;
		uint64_t hash;
		uint32_t spelling;
		int active;
	} pending_key[2];
	struct strbuf last_name[2];   /* the previous row's artist and title, and their ids: */
	uint32_t last_ids[2][2];      /* extracts list a project's team on adjacent rows */
	uint32_t *artist_of_key;     /* artist key id -> artist (NONE: no row used), after resolve */
	uint32_t *project_title_key; /* project -> title key id, after resolve */
	uint32_t *row_project_of;    /* row -> project, after resolve */
	struct strbuf scratch;
	int data_error;
};

/* Identity key of an artist name, after aliases; appended to out. */
void ingest_artist_key(struct ingest *in, struct strbuf *out, const char *name, size_t len);
/* Year of a cell ("1999", "1999-03-01", "1999.0"), or NO_YEAR with *bad set when not a year. */
int parse_year(const char *s, size_t len, int *bad);

int ingest_file(struct ingest *in, const char *path);
/* Resolve identities and fill in->ds; returns 0 or an exit code. */
int resolve_dataset(struct ingest *in);

/* Vertex attributes from --artists / --projects tables, matched to the resolved vertices. */
int attr_table_load(struct ingest *in, const char *path, int for_projects);

#endif
