/* Typed attribute columns for vertices and edges, shared by every writer.
 * Absent values: NULL strings, ATTR_NO_INT integers, NaN doubles (never written out). */
#ifndef CREDGRAPH_ATTRS_H
#define CREDGRAPH_ATTRS_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define ATTR_NO_INT INT64_MIN

enum attr_type { ATTR_STRING, ATTR_INT, ATTR_DOUBLE };

struct attr_col {
	const char *name;
	enum attr_type type;
	const char **s;
	int64_t *i;
	double *d;
};

struct attr_set {
	size_t n_rows;
	size_t n_cols;
	struct attr_col **cols; /* each column separately allocated: pointers to them stay valid */
};

void attrs_init(struct attr_set *a, size_t n_rows);
void attrs_free(struct attr_set *a);
/* Add a column with every value absent; returns it. The name is not copied. */
struct attr_col *attrs_add(struct attr_set *a, const char *name, enum attr_type type);
struct attr_col *attrs_find(const struct attr_set *a, const char *name);
int attr_present(const struct attr_col *c, size_t row);

/* A GraphML-safe attribute name for a user's column: [A-Za-z0-9_] only, `prefix` put in front
 * of a reserved name (or one starting with a digit), and numbered when `taken` has it. */
const char *attr_safe_name(struct arena *arena, const char *raw, const char *const *reserved, const char *prefix,
                           const struct attr_set *taken);

#endif
