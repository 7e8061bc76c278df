#include "lookup.h"

#include <string.h>

#include "normalize.h"
#include "report.h"
#include "xalloc.h"

/* Levenshtein distance over bytes, with two rows: O(|a| |b|) time, O(|b|) memory. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *prev = xmalloc((lb + 1) * sizeof(size_t)), *cur = xmalloc((lb + 1) * sizeof(size_t));
	for (size_t j = 0; j <= lb; j++) prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < best) best = prev[j] + 1;
			if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
			cur[j] = best;
		}
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[lb];
	free(prev);
	free(cur);
	return d;
}

enum { SUGGESTIONS = 5 };

static void suggest(const struct dataset *ds, const char *query, const char *key)
{
	uint32_t best[SUGGESTIONS];
	size_t dist[SUGGESTIONS], n = 0, limit = strlen(key) / 3 + 2;
	for (size_t a = 0; a < ds->n_artists; a++) {
		const char *name = ds->artists[a].name_key;
		size_t d = strstr(name, key) ? 1 : edit_distance(key, name);
		if (d > limit) continue;
		/* Keep the closest few, nearest first, then the most credited, then first seen. */
		size_t pos = n;
		while (pos > 0 && (dist[pos - 1] > d || (dist[pos - 1] == d && ds->artists[best[pos - 1]].credits < ds->artists[a].credits)))
			pos--;
		if (pos >= SUGGESTIONS) continue;
		if (n < SUGGESTIONS) n++;
		memmove(best + pos + 1, best + pos, (n - 1 - pos) * sizeof(*best));
		memmove(dist + pos + 1, dist + pos, (n - 1 - pos) * sizeof(*dist));
		best[pos] = (uint32_t)a;
		dist[pos] = d;
	}
	error("no artist named '%s'", query);
	if (n) {
		fprintf(stderr, "did you mean:\n");
		for (size_t i = 0; i < n; i++) fprintf(stderr, "  %s\n", ds->artists[best[i]].label);
	}
}

/* By vertex id, by normalised label, or by identity key after aliases. */
static int is_match(const struct artist *x, const char *query, const char *key, const char *canon, size_t klen)
{
	return strcmp(x->id, query) == 0 || strcmp(x->name_key, key) == 0 ||
	       (strlen(x->key) == klen && memcmp(x->key, canon, klen) == 0);
}

int lookup_artist(const struct dataset *ds, const char *query, uint32_t *out)
{
	struct strbuf key = STRBUF_INIT;
	sb_init(&key);
	norm_key(&key, query, strlen(query));
	size_t klen = key.len;
	const char *canon = ds->aliases ? alias_resolve(ds->aliases, key.buf, key.len, &klen) : key.buf;
	uint32_t found = UINT32_MAX;
	size_t matches = 0;
	for (size_t a = 0; a < ds->n_artists; a++) {
		if (is_match(&ds->artists[a], query, key.buf, canon, klen) && !matches++) found = (uint32_t)a;
	}
	int rc = 0;
	if (matches == 1) {
		*out = found;
	} else if (matches > 1) {
		error("'%s' matches %zu artists; name one by its id:", query, matches);
		for (size_t a = 0; a < ds->n_artists; a++) {
			const struct artist *x = &ds->artists[a];
			if (is_match(x, query, key.buf, canon, klen))
				fprintf(stderr, "  %s  (%s, %u credit%s)\n", x->id, x->label, x->credits, x->credits == 1 ? "" : "s");
		}
		rc = EXIT_PROBLEMS;
	} else {
		suggest(ds, query, key.buf);
		rc = EXIT_PROBLEMS;
	}
	sb_release(&key);
	return rc;
}

void project_index_build(struct project_index *pi, const struct dataset *ds)
{
	pi->start = xcalloc(ds->n_projects + 2, sizeof(size_t));
	pi->links = xmalloc(st_mult(ds->n_links + 1, sizeof(uint32_t)));
	for (size_t l = 0; l < ds->n_links; l++) pi->start[ds->links[l].project + 1]++;
	for (size_t p = 0; p < ds->n_projects; p++) pi->start[p + 1] += pi->start[p];
	size_t *fill = xmalloc(st_mult(ds->n_projects + 1, sizeof(size_t)));
	memcpy(fill, pi->start, (ds->n_projects + 1) * sizeof(size_t));
	for (size_t l = 0; l < ds->n_links; l++) pi->links[fill[ds->links[l].project]++] = (uint32_t)l;
	free(fill);
}

void project_index_free(struct project_index *pi)
{
	free(pi->start);
	free(pi->links);
}

void artist_links(const struct dataset *ds, uint32_t a, size_t *first, size_t *end)
{
	size_t lo = 0, hi = ds->n_links;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ds->links[mid].artist < a) lo = mid + 1;
		else hi = mid;
	}
	*first = lo;
	while (lo < ds->n_links && ds->links[lo].artist == a) lo++;
	*end = lo;
}

size_t shared_projects(const struct dataset *ds, uint32_t a, uint32_t b, uint32_t *out)
{
	size_t i, ie, j, je, n = 0;
	artist_links(ds, a, &i, &ie);
	artist_links(ds, b, &j, &je);
	while (i < ie && j < je) {
		uint32_t p = ds->links[i].project, q = ds->links[j].project;
		if (p == q) out[n++] = p;
		i += p <= q;
		j += q <= p;
	}
	return n;
}

void project_text(FILE *f, const struct project *p)
{
	fputs(p->label, f);
	if (*p->type && p->year) fprintf(f, " (%s, %d)", p->type, p->year);
	else if (*p->type) fprintf(f, " (%s)", p->type);
	else if (p->year) fprintf(f, " (%d)", p->year);
}
