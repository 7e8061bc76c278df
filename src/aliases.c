#include "aliases.h"

#include <string.h>
#include <strings.h>

#include "csvload.h"
#include "intern.h"
#include "normalize.h"
#include "report.h"
#include "xalloc.h"

struct alias_map {
	struct intern keys;
	uint32_t *target; /* key id -> canonical key id (itself when not aliased) */
	int name_col, canon_col, have_header;
	struct strbuf sb;
};

static uint32_t add_key(struct alias_map *m, const char *s, size_t len)
{
	sb_reset(&m->sb);
	norm_key(&m->sb, s, len);
	int is_new;
	uint32_t id = intern_add(&m->keys, m->sb.buf, m->sb.len, &is_new);
	if (is_new) {
		m->target = xrealloc(m->target, st_mult(intern_count(&m->keys), sizeof(uint32_t)));
		m->target[id] = id;
	}
	return id;
}

static int on_alias(const struct csv_record *r, void *user)
{
	struct alias_map *m = user;
	if (!m->have_header) {
		m->have_header = 1;
		m->name_col = m->canon_col = -1;
		for (size_t i = 0; i < r->n; i++) {
			if (strcasecmp(r->f[i].s, "canonical") == 0) m->canon_col = (int)i;
			else if (m->name_col < 0 && (strcasecmp(r->f[i].s, "name") == 0 || strcasecmp(r->f[i].s, "alias") == 0))
				m->name_col = (int)i;
		}
		if (m->name_col < 0 || m->canon_col < 0) {
			diag(SEV_ERROR, &(struct srcloc){r->file, r->line, 1},
			     "an aliases file needs the header 'name,canonical'");
			return EXIT_DATA;
		}
		return 0;
	}
	if ((size_t)m->name_col >= r->n || (size_t)m->canon_col >= r->n || !r->f[m->name_col].len ||
	    !r->f[m->canon_col].len) {
		diag(SEV_WARNING, &(struct srcloc){r->file, r->line, 1}, "alias row without a name and a canonical name; skipped");
		return 0;
	}
	uint32_t from = add_key(m, r->f[m->name_col].s, r->f[m->name_col].len);
	uint32_t to = add_key(m, r->f[m->canon_col].s, r->f[m->canon_col].len);
	if (from != to) m->target[from] = to;
	/* Refuse cycles at once, where the row that closes them is known. */
	uint32_t k = to;
	for (size_t steps = 0; m->target[k] != k; steps++) {
		k = m->target[k];
		if (k == from || steps > intern_count(&m->keys)) {
			diag(SEV_ERROR, &(struct srcloc){r->file, r->line, 1}, "aliases form a cycle through '%s'",
			     intern_str(&m->keys, from));
			return EXIT_DATA;
		}
	}
	return 0;
}

int alias_load(struct alias_map **out, const char *path, struct csv_stats *stats)
{
	struct alias_map *m = xcalloc(1, sizeof(*m));
	intern_init(&m->keys, 64);
	sb_init(&m->sb);
	int rc = csv_load(path, &csv_default_opts, on_alias, m, stats);
	*out = m;
	return rc;
}

const char *alias_resolve(const struct alias_map *m, const char *key, size_t len, size_t *out_len)
{
	uint32_t id;
	*out_len = len;
	if (!intern_find(&m->keys, key, len, &id) || m->target[id] == id) return key;
	while (m->target[id] != id) id = m->target[id];
	*out_len = strlen(intern_str(&m->keys, id));
	return intern_str(&m->keys, id);
}

void alias_free(struct alias_map *m)
{
	if (!m) return;
	intern_free(&m->keys);
	free(m->target);
	sb_release(&m->sb);
	free(m);
}
