/* The credits of one run, after reading, identity resolution and merging:
 * artists, projects, and artist–project links (one per pair, carrying roles and provenance).
 * Everything the graphs and writers need; nothing igraph-specific. */
#ifndef CREDGRAPH_DATASET_H
#define CREDGRAPH_DATASET_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "aliases.h"
#include "attrs.h"
#include "csvload.h"

#define NO_YEAR 0

struct artist {
	const char *label;   /* most frequent original spelling; first seen on a tie */
	const char *key;     /* identity key: normalised, aliased name, or "\x01" + artist_id */
	const char *name_key; /* normalised label, for lookups by name */
	const char *id;      /* stable, NMTOKEN-safe vertex id */
	uint32_t credits;    /* credit rows */
	uint32_t projects;   /* distinct projects */
	int first_year, last_year;
};

struct project {
	const char *label;
	const char *id;
	const char *type;    /* "" when not given */
	int year;            /* NO_YEAR when not given */
	uint32_t credits;
	uint32_t artists;    /* team size */
};

struct link {
	uint32_t artist, project;
	uint32_t credits;
	const char *roles;   /* sorted, distinct, '|'-joined */
	const char *sources; /* distinct, first-seen order, '|'-joined; "" when none */
	const char **extra;  /* one per extra column: distinct values '|'-joined, or NULL */
};

struct input_info {
	const char *path;
	const char *role;    /* "credits", "artists", "projects" or "aliases" */
	uint64_t bytes;
	char sha256[65];
	size_t rows;
};

/* Which rows take part (applied before any graph is built). */
struct row_filter {
	const char **roles;  /* keep rows with one of these roles (normalised); NULL: all */
	size_t n_roles;
	int from, to;        /* keep rows whose year is within; NO_YEAR: open */
	const char **types;  /* keep rows of these types; NULL: all */
	size_t n_types;
	const char **exclude_types;
	size_t n_exclude_types;
};

struct load_opts {
	struct csv_opts csv;
	const char *aliases;       /* CSV name,canonical */
	const char *artist_table;  /* extra vertex attributes */
	const char *project_table;
	struct row_filter filter;
	size_t max_team;           /* larger projects stay out of the collaboration network */
	int strict;                /* warnings are fatal */
	int keep_going;            /* resolve identities even after bad rows, to report everything */
};

struct dataset {
	struct arena strings;
	struct arena id_strings;   /* the artists' and projects' ids (made on a thread of their own) */
	struct artist *artists;
	size_t n_artists;
	struct project *projects;
	size_t n_projects;
	struct link *links;        /* sorted by (artist, project) */
	size_t n_links;
	const char **extra_names;  /* extra CSV columns, as edge attribute names */
	size_t n_extra;
	struct attr_set artist_attrs;  /* from --artists: one row per artist */
	struct attr_set project_attrs; /* from --projects: one row per project */
	struct input_info *inputs;
	size_t n_inputs;
	struct alias_map *aliases;     /* from --aliases, or NULL */
	size_t credit_files;           /* inputs that are credit files (the others are tables) */
	size_t rows_read, rows_used, rows_skipped, rows_duplicate, rows_filtered;
};

void load_opts_init(struct load_opts *o);
/* Record a file read, with its size and SHA-256, for provenance. */
void dataset_add_input(struct dataset *ds, const char *path, const char *role, const struct csv_stats *st);
/* Read every input and resolve identities. Returns 0, or an exit code after reporting. */
int dataset_load(struct dataset *ds, const char *const *paths, size_t n_paths, const struct load_opts *o);
void dataset_free(struct dataset *ds);

#endif
