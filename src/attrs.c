#include "attrs.h"

#include <math.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

void attrs_init(struct attr_set *a, size_t n_rows)
{
	a->n_rows = n_rows;
	a->n_cols = 0;
	a->cols = NULL;
}

void attrs_free(struct attr_set *a)
{
	for (size_t c = 0; c < a->n_cols; c++) {
		free(a->cols[c]->s);
		free(a->cols[c]->i);
		free(a->cols[c]->d);
		free(a->cols[c]);
	}
	free(a->cols);
	a->cols = NULL;
	a->n_cols = 0;
}

struct attr_col *attrs_add(struct attr_set *a, const char *name, enum attr_type type)
{
	a->cols = xrealloc(a->cols, st_mult(a->n_cols + 1, sizeof(*a->cols)));
	struct attr_col *c = xcalloc(1, sizeof(*c));
	a->cols[a->n_cols++] = c;
	c->name = name;
	c->type = type;
	switch (type) {
	case ATTR_STRING:
		c->s = xcalloc(a->n_rows, sizeof(*c->s));
		break;
	case ATTR_INT:
		c->i = xmalloc(st_mult(a->n_rows, sizeof(*c->i)));
		for (size_t r = 0; r < a->n_rows; r++) c->i[r] = ATTR_NO_INT;
		break;
	case ATTR_DOUBLE:
		c->d = xmalloc(st_mult(a->n_rows, sizeof(*c->d)));
		for (size_t r = 0; r < a->n_rows; r++) c->d[r] = NAN;
		break;
	}
	return c;
}

struct attr_col *attrs_find(const struct attr_set *a, const char *name)
{
	for (size_t c = 0; c < a->n_cols; c++)
		if (strcmp(a->cols[c]->name, name) == 0) return a->cols[c];
	return NULL;
}

int attr_present(const struct attr_col *c, size_t row)
{
	switch (c->type) {
	case ATTR_STRING: return c->s[row] != NULL;
	case ATTR_INT: return c->i[row] != ATTR_NO_INT;
	case ATTR_DOUBLE: return isfinite(c->d[row]);
	}
	return 0;
}

const char *attr_safe_name(struct arena *arena, const char *raw, const char *const *reserved, const char *prefix,
                           const struct attr_set *taken)
{
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	for (const char *p = raw; *p; p++) {
		unsigned char c = (unsigned char)*p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
		sb_addch(&sb, ok ? (char)c : '_');
	}
	int clash = sb.len == 0 || (sb.buf[0] >= '0' && sb.buf[0] <= '9');
	for (size_t i = 0; reserved[i] && !clash; i++) clash = strcmp(sb.buf, reserved[i]) == 0;
	if (clash) {
		struct strbuf pre = STRBUF_INIT;
		sb_init(&pre);
		sb_addf(&pre, "%s%s", prefix, sb.buf);
		sb_release(&sb);
		sb = pre;
	}
	/* Different raw names can sanitise alike ("a b" and "a.b"): number the later ones. */
	size_t stem = sb.len;
	for (unsigned k = 2; attrs_find(taken, sb.buf); k++) {
		sb.len = stem;
		sb_addf(&sb, "_%u", k);
	}
	const char *out = arena_strndup(arena, sb.buf, sb.len);
	sb_release(&sb);
	return out;
}
