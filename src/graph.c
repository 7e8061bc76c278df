#include "graph.h"

#include <pthread.h>
#include <string.h>

#include "igraph_glue.h"
#include "keysort.h"
#include "progress.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

enum { MAX_TITLES_ON_EDGE = 10 };

/* Names our edge attributes use, and Gephi's reserved edge names: an extra CSV column with
 * one of these names is written as "csv_<name>" instead of overriding ours. */
static const char *const reserved_edge[] = {
	"id", "source", "target", "label", "edgelabel", "weight", "kind", "roles", "credits", "year",
	"sources", "r", "g", "b", "color", NULL,
};

igraph_t *graph_igraph(struct kgraph *g)
{
	if (g->has_igraph) return &g->ig;
	igraph_vector_int_t edges;
	IGRAPH_OR_DIE(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * g->n_edges)));
	for (size_t e = 0; e < g->n_edges; e++) {
		VECTOR(edges)[2 * e] = g->from[e];
		VECTOR(edges)[2 * e + 1] = g->to[e];
	}
	IGRAPH_OR_DIE(igraph_create(&g->ig, &edges, (igraph_integer_t)g->n_vertices, IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&edges);
	g->has_igraph = 1;
	return &g->ig;
}

/* Copy an attribute table's columns into rows offset.. of dst. A column that dst already has
 * (artists and projects both with "grammy_wins") is shared when the types agree. */
static void copy_table(struct attr_set *dst, const struct attr_set *src, size_t offset, struct arena *names)
{
	for (size_t c = 0; c < src->n_cols; c++) {
		const struct attr_col *s = src->cols[c];
		struct attr_col *d = attrs_find(dst, s->name);
		if (d && d->type != s->type) {
			struct strbuf sb = STRBUF_INIT;
			sb_init(&sb);
			sb_addf(&sb, "%s_%s", offset ? "project" : "artist", s->name);
			d = attrs_find(dst, sb.buf);
			if (!d) d = attrs_add(dst, arena_strndup(names, sb.buf, sb.len), s->type);
			sb_release(&sb);
		}
		if (!d) d = attrs_add(dst, s->name, s->type);
		for (size_t r = 0; r < src->n_rows; r++) {
			if (!attr_present(s, r)) continue;
			if (s->type == ATTR_STRING) d->s[offset + r] = s->s[r];
			else if (s->type == ATTR_INT) d->i[offset + r] = s->i[r];
			else d->d[offset + r] = s->d[r];
		}
	}
}

static int64_t year_or_none(int y)
{
	return y == NO_YEAR ? ATTR_NO_INT : y;
}

void graph_credits(struct kgraph *g, struct dataset *ds)
{
	size_t A = ds->n_artists, P = ds->n_projects, n = A + P;
	stage_begin("build credits graph");
	memset(g, 0, sizeof(*g));
	g->name = "credits";
	g->n_vertices = n;
	g->n_edges = ds->n_links;
	g->vid = xmalloc(st_mult(n + 1, sizeof(char *)));
	attrs_init(&g->v, n);
	struct attr_col *label = attrs_add(&g->v, "label", ATTR_STRING);
	struct attr_col *kind = attrs_add(&g->v, "kind", ATTR_STRING);
	struct attr_col *type = attrs_add(&g->v, "type", ATTR_STRING);
	struct attr_col *year = attrs_add(&g->v, "year", ATTR_INT);
	struct attr_col *credits = attrs_add(&g->v, "credits", ATTR_INT);
	struct attr_col *projects = attrs_add(&g->v, "projects", ATTR_INT);
	struct attr_col *artists = attrs_add(&g->v, "artists", ATTR_INT);
	struct attr_col *first = attrs_add(&g->v, "first_year", ATTR_INT);
	struct attr_col *last = attrs_add(&g->v, "last_year", ATTR_INT);
	for (size_t a = 0; a < A; a++) {
		const struct artist *x = &ds->artists[a];
		g->vid[a] = x->id;
		label->s[a] = x->label;
		kind->s[a] = "artist";
		credits->i[a] = x->credits;
		projects->i[a] = x->projects;
		first->i[a] = year_or_none(x->first_year);
		last->i[a] = year_or_none(x->last_year);
	}
	for (size_t p = 0; p < P; p++) {
		const struct project *x = &ds->projects[p];
		g->vid[A + p] = x->id;
		label->s[A + p] = x->label;
		kind->s[A + p] = "project";
		type->s[A + p] = *x->type ? x->type : NULL;
		year->i[A + p] = year_or_none(x->year);
		credits->i[A + p] = x->credits;
		artists->i[A + p] = x->artists;
	}
	copy_table(&g->v, &ds->artist_attrs, 0, &ds->strings);
	copy_table(&g->v, &ds->project_attrs, A, &ds->strings);

	g->from = xmalloc(st_mult(g->n_edges + 1, sizeof(uint32_t)));
	g->to = xmalloc(st_mult(g->n_edges + 1, sizeof(uint32_t)));
	attrs_init(&g->e, g->n_edges);
	struct attr_col *roles = attrs_add(&g->e, "roles", ATTR_STRING);
	struct attr_col *ecredits = attrs_add(&g->e, "credits", ATTR_INT);
	struct attr_col *eyear = attrs_add(&g->e, "year", ATTR_INT);
	struct attr_col *sources = attrs_add(&g->e, "sources", ATTR_STRING);
	struct attr_col **extra = xcalloc(ds->n_extra + 1, sizeof(*extra));
	for (size_t k = 0; k < ds->n_extra; k++)
		extra[k] = attrs_add(&g->e, attr_safe_name(&ds->strings, ds->extra_names[k], reserved_edge, "csv_", &g->e),
		                     ATTR_STRING);
	for (size_t l = 0; l < ds->n_links; l++) {
		const struct link *x = &ds->links[l];
		g->from[l] = x->artist;
		g->to[l] = (uint32_t)(A + x->project);
		roles->s[l] = x->roles;
		ecredits->i[l] = x->credits;
		eyear->i[l] = year_or_none(ds->projects[x->project].year);
		sources->s[l] = x->sources;
		for (size_t k = 0; k < ds->n_extra; k++) extra[k]->s[l] = x->extra[k];
	}
	free(extra);
	stage_end();
}

/* One collaborator of the artist whose row is being built: what the shared projects add up to. */
struct partner {
	uint32_t artist, shared;
	double newman;
	int first_year, last_year;
	uint32_t title[MAX_TITLES_ON_EDGE]; /* the first shared projects, ascending */
};

/* Artists by project (counting sort of the links, so each team stays ascending): team[start[p]..]. */
static void project_teams(const struct dataset *ds, size_t **start_out, uint32_t **team_out)
{
	size_t P = ds->n_projects;
	size_t *start = xcalloc(P + 2, sizeof(size_t));
	uint32_t *team = xmalloc(st_mult(ds->n_links + 1, sizeof(uint32_t)));
	for (size_t l = 0; l < ds->n_links; l++) start[ds->links[l].project + 1]++;
	for (size_t p = 0; p < P; p++) start[p + 1] += start[p];
	size_t *fill = xmalloc(st_mult(P + 1, sizeof(size_t)));
	memcpy(fill, start, (P + 1) * sizeof(size_t));
	for (size_t l = 0; l < ds->n_links; l++) team[fill[ds->links[l].project]++] = ds->links[l].artist;
	free(fill);
	*start_out = start;
	*team_out = team;
}

/* The edge columns being filled. */
struct edge_cols {
	struct attr_col *weight, *newman, *first, *last, *titles;
};

/* One thread's share of the collaboration network: the rows of artists [a_lo, a_hi), whose
 * links start at l_lo, written from edge e0 on. Each part has its own scratch arrays and
 * writes only its own edges, so the network is the same whatever the split. */
struct collab_part {
	struct dataset *ds; /* its arena takes the edges' title strings */
	struct kgraph *g;
	const size_t *start;
	const uint32_t *team;
	size_t max_team, a_lo, a_hi, l_lo;
	size_t n_edges, widest; /* from count_rows */
	size_t e0;
	struct edge_cols cols;
};

/* Scratch for a pass: seen[p] is how many of p's members come before the part's first artist
 * (O(links before it)), since a's place in each of its teams is the count of that team's
 * members already passed and only the members after it are visited. */
static uint32_t *part_seen(const struct collab_part *c)
{
	uint32_t *seen = xcalloc(c->ds->n_projects + 1, sizeof(uint32_t));
	for (size_t l = 0; l < c->l_lo; l++) seen[c->ds->links[l].project]++;
	return seen;
}

/* Rows go by ascending artist and teams are ascending: a's partners are the members after it
 * in its teams. O(sum over projects of team size squared / 2). */
static void *count_rows(void *arg)
{
	struct collab_part *c = arg;
	const struct dataset *ds = c->ds;
	uint32_t *seen = part_seen(c), *row_of = xcalloc(ds->n_artists + 1, sizeof(uint32_t)); /* a + 1: b is in a's row */
	c->n_edges = c->widest = 0;
	for (size_t l = c->l_lo, a = c->a_lo; a < c->a_hi; a++) {
		size_t row = 0;
		for (; l < ds->n_links && ds->links[l].artist == a; l++) {
			size_t p = ds->links[l].project, s = c->start[p], k = c->start[p + 1] - s;
			size_t after = ++seen[p];
			if (k > c->max_team) continue; /* reported when loading */
			for (size_t i = after; i < k; i++)
				if (row_of[c->team[s + i]] != a + 1) row_of[c->team[s + i]] = (uint32_t)a + 1, row++;
		}
		c->n_edges += row;
		if (row > c->widest) c->widest = row;
	}
	free(seen);
	free(row_of);
	return NULL;
}

static void *fill_rows(void *arg)
{
	struct collab_part *c = arg;
	struct dataset *ds = c->ds;
	struct kgraph *g = c->g;
	const struct edge_cols *cols = &c->cols;
	uint32_t *seen = part_seen(c);
	/* Whether b is in a's row, and where, side by side: one random access a teammate, not two
	 * (10M rows, where these arrays outgrow a core's cache: 3.43-3.89 s -> 3.00-3.30 s). */
	struct {
		uint32_t row; /* a + 1: b is in a's row */
		uint32_t slot; /* then b's place in partner[] */
	} *mark = xcalloc(ds->n_artists + 1, sizeof(*mark));
	struct partner *partner = xmalloc(st_mult(c->widest + 1, sizeof(*partner)));
	uint64_t *order = xmalloc(st_mult(c->widest + 1, sizeof(uint64_t)));
	uint64_t *spare = xmalloc(st_mult(c->widest + 1, sizeof(uint64_t)));
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	size_t e = c->e0;
	for (size_t l = c->l_lo, a = c->a_lo; a < c->a_hi; a++) {
		size_t row = 0;
		for (; l < ds->n_links && ds->links[l].artist == a; l++) {
			size_t p = ds->links[l].project, s = c->start[p], k = c->start[p + 1] - s;
			size_t after = ++seen[p];
			if (k > c->max_team) continue;
			int year = ds->projects[p].year;
			for (size_t i = after; i < k; i++) {
				uint32_t b = c->team[s + i];
				if (mark[b].row != a + 1) {
					mark[b].row = (uint32_t)a + 1;
					mark[b].slot = (uint32_t)row;
					partner[row++] = (struct partner){.artist = b, .first_year = NO_YEAR, .last_year = NO_YEAR};
				}
				struct partner *x = &partner[mark[b].slot];
				x->newman += 1.0 / (double)(k - 1);
				if (year != NO_YEAR) {
					if (x->first_year == NO_YEAR || year < x->first_year) x->first_year = year;
					if (year > x->last_year) x->last_year = year;
				}
				if (x->shared < MAX_TITLES_ON_EDGE) x->title[x->shared] = (uint32_t)p;
				x->shared++;
			}
		}
		for (size_t r = 0; r < row; r++) order[r] = (uint64_t)partner[r].artist << 32 | r;
		sort_keys_by_high_word(order, spare, row);
		for (size_t r = 0; r < row; r++, e++) {
			const struct partner *x = &partner[(uint32_t)order[r]];
			g->from[e] = (uint32_t)a;
			g->to[e] = x->artist;
			cols->weight->d[e] = (double)x->shared;
			if (cols->newman) cols->newman->d[e] = x->newman;
			if (cols->first) cols->first->i[e] = year_or_none(x->first_year), cols->last->i[e] = year_or_none(x->last_year);
			if (!cols->titles) continue;
			sb_reset(&sb);
			for (size_t t = 0; t < x->shared && t < MAX_TITLES_ON_EDGE; t++) {
				if (sb.len) sb_addch(&sb, '|');
				sb_addstr(&sb, ds->projects[x->title[t]].label);
			}
			if (x->shared > MAX_TITLES_ON_EDGE) sb_addf(&sb, "|(+%zu more)", (size_t)x->shared - MAX_TITLES_ON_EDGE);
			cols->titles->s[e] = arena_strndup(&ds->strings, sb.buf, sb.len);
		}
	}
	sb_release(&sb);
	free(order);
	free(spare);
	free(partner);
	free(mark);
	free(seen);
	return NULL;
}

/* The link where the rows before it have done half of the passes' inner steps: a link visits
 * the members of its team after its artist, so the first artists' rows are the longest and
 * halving the links left the first thread with nearly twice the work of the second at 10M
 * rows. O(links). */
static size_t half_work_link(const struct dataset *ds, const size_t *start, size_t max_team)
{
	uint32_t *seen = xcalloc(ds->n_projects + 1, sizeof(uint32_t));
	uint64_t total = 0, done = 0;
	for (int pass = 0; pass < 2; pass++) {
		memset(seen, 0, (ds->n_projects + 1) * sizeof(uint32_t));
		for (size_t l = 0; l < ds->n_links; l++) {
			size_t p = ds->links[l].project, k = start[p + 1] - start[p], after = ++seen[p];
			uint64_t steps = k > max_team ? 0 : k - after;
			if (pass == 0) {
				total += steps;
			} else if ((done += steps) * 2 >= total) {
				free(seen);
				return l + 1;
			}
		}
	}
	free(seen);
	return ds->n_links;
}

/* Run fn on every part, the second on a thread of its own when it can be started. */
static void run_parts(struct collab_part *part, size_t n, void *(*fn)(void *))
{
	pthread_t helper;
	int threaded = n == 2 && pthread_create(&helper, NULL, fn, &part[1]) == 0;
	fn(&part[0]);
	if (threaded) pthread_join(helper, NULL);
	else if (n == 2) fn(&part[1]);
}

/* The collaboration network is the artist rows of A·Aᵀ (A the artist × project incidence),
 * built row by row with a sparse accumulator (Gustavson): for artist a, every teammate b > a of
 * each of a's projects, in project order. O(sum over projects of n_p^2 + E) time and
 * O(V + E) memory: no array of all pairs, and edges come out sorted by (a, b) for igraph_create.
 * A first pass counts the edges so that the columns are allocated once. */
void graph_collab(struct kgraph *g, struct dataset *ds, size_t max_team, unsigned edge_data)
{
	size_t A = ds->n_artists;
	stage_begin("build collab graph");
	memset(g, 0, sizeof(*g));
	g->name = "collab";
	g->n_vertices = A;
	g->vid = xmalloc(st_mult(A + 1, sizeof(char *)));
	attrs_init(&g->v, A);
	struct attr_col *label = attrs_add(&g->v, "label", ATTR_STRING);
	struct attr_col *credits = attrs_add(&g->v, "credits", ATTR_INT);
	struct attr_col *projects = attrs_add(&g->v, "projects", ATTR_INT);
	struct attr_col *first = attrs_add(&g->v, "first_year", ATTR_INT);
	struct attr_col *last = attrs_add(&g->v, "last_year", ATTR_INT);
	for (size_t a = 0; a < A; a++) {
		const struct artist *x = &ds->artists[a];
		g->vid[a] = x->id;
		label->s[a] = x->label;
		credits->i[a] = x->credits;
		projects->i[a] = x->projects;
		first->i[a] = year_or_none(x->first_year);
		last->i[a] = year_or_none(x->last_year);
	}
	copy_table(&g->v, &ds->artist_attrs, 0, &ds->strings);

	size_t *start;
	uint32_t *team;
	project_teams(ds, &start, &team);
	/* The rows split, for two threads, at the first artist of the link where half the work is
	 * done: part 1 from (split_artist, split_link) on, part 0 before. One part when the project
	 * titles are wanted (their strings go to one arena) or the input is tiny (the oracle's
	 * generated set, 7,119 links, takes two). */
	size_t split_artist = A, split_link = ds->n_links;
	if (ds->n_links >= 4096 && !(edge_data & EDGE_PROJECTS)) {
		size_t l = half_work_link(ds, start, max_team);
		while (l > 0 && ds->links[l - 1].artist == ds->links[l].artist) l--;
		if (l > 0) split_artist = ds->links[l].artist, split_link = l;
	}
	struct collab_part part[2] = {
		{.ds = ds, .g = g, .start = start, .team = team, .max_team = max_team, .a_hi = split_artist},
		{.ds = ds, .g = g, .start = start, .team = team, .max_team = max_team, .a_lo = split_artist,
		 .l_lo = split_link, .a_hi = A},
	};
	size_t n_parts = split_link < ds->n_links ? 2 : 1;
	run_parts(part, n_parts, count_rows);

	size_t n_edges = 0;
	for (size_t k = 0; k < n_parts; k++) part[k].e0 = n_edges, n_edges += part[k].n_edges;
	g->n_edges = n_edges;
	g->from = xmalloc(st_mult(n_edges + 1, sizeof(uint32_t)));
	g->to = xmalloc(st_mult(n_edges + 1, sizeof(uint32_t)));
	attrs_init(&g->e, n_edges);
	struct edge_cols cols = {.weight = attrs_add(&g->e, "weight", ATTR_DOUBLE)};
	cols.newman = edge_data & EDGE_NEWMAN ? attrs_add(&g->e, "newman", ATTR_DOUBLE) : NULL;
	cols.first = edge_data & EDGE_YEARS ? attrs_add(&g->e, "first_year", ATTR_INT) : NULL;
	cols.last = edge_data & EDGE_YEARS ? attrs_add(&g->e, "last_year", ATTR_INT) : NULL;
	cols.titles = edge_data & EDGE_PROJECTS ? attrs_add(&g->e, "projects", ATTR_STRING) : NULL;
	for (size_t k = 0; k < n_parts; k++) part[k].cols = cols;
	run_parts(part, n_parts, fill_rows);
	free(team);
	free(start);
	stage_end();
}

void graph_free(struct kgraph *g)
{
	free(g->vid);
	free(g->from);
	free(g->to);
	attrs_free(&g->v);
	attrs_free(&g->e);
	if (g->has_igraph) igraph_destroy(&g->ig);
	memset(g, 0, sizeof(*g));
}
