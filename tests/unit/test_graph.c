/* Building the graphs from credits: one edge per artist pair, weights counting distinct shared
 * projects (not role multiplicity), Newman weights, isolated artists, --max-team; and metric
 * values on graphs whose answers are known by hand. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dataset.h"
#include "graph.h"
#include "harness.h"
#include "igraph_glue.h"
#include "metrics.h"
#include "report.h"

static int load(struct dataset *ds, const char *csv, size_t max_team)
{
	const char *path = "/tmp/credgraph-test-graph.csv";
	FILE *f = fopen(path, "w");
	fputs(csv, f);
	fclose(f);
	struct load_opts o;
	load_opts_init(&o);
	o.max_team = max_team;
	const char *paths[] = {path};
	int rc = dataset_load(ds, paths, 1, &o);
	remove(path);
	return rc;
}

static long edge_of(const struct kgraph *g, const char *a, const char *b)
{
	for (size_t e = 0; e < g->n_edges; e++) {
		const char *x = g->vid[g->from[e]], *y = g->vid[g->to[e]];
		if ((strcmp(x, a) == 0 && strcmp(y, b) == 0) || (strcmp(x, b) == 0 && strcmp(y, a) == 0)) return (long)e;
	}
	return -1;
}

static double vertex_value(const struct kgraph *g, const char *id, const char *column)
{
	const struct attr_col *c = attrs_find(&g->v, column);
	for (size_t v = 0; v < g->n_vertices; v++)
		if (strcmp(g->vid[v], id) == 0) return c->type == ATTR_DOUBLE ? c->d[v] : (double)c->i[v];
	return NAN;
}

static void projection(void)
{
	struct dataset ds;
	/* A and B hold two roles each on P: one shared project, not four. C joins them on Q (team
	 * of 3) and D works alone. */
	INT_EQ(load(&ds, "artist,project,role,year\nA,P,producer;engineer,2001\nB,P,Engineer/Mixer,2001\n"
	                 "A,Q,mixer,2002\nB,Q,mixer,2002\nC,Q,performer,2002\nD,Solo,performer,2003\n", 1000), 0);
	struct kgraph credits, collab;
	graph_credits(&credits, &ds);
	graph_collab(&collab, &ds, 1000, EDGE_ALL);
	INT_EQ(credits.n_vertices, 4 + 3);
	INT_EQ(credits.n_edges, 6);
	long ap = edge_of(&credits, "a_a", "p_p_2001");
	CHECK(ap >= 0);
	STR_EQ(attrs_find(&credits.e, "roles")->s[ap], "engineer|producer");
	INT_EQ(collab.n_vertices, 4); /* D is kept, without collaborators */
	INT_EQ(collab.n_edges, 3);
	long ab = edge_of(&collab, "a_a", "a_b"), ac = edge_of(&collab, "a_a", "a_c");
	CHECK(ab >= 0 && ac >= 0);
	NEAR(attrs_find(&collab.e, "weight")->d[ab], 2, 0);
	NEAR(attrs_find(&collab.e, "newman")->d[ab], 1.0 + 0.5, 1e-15);
	NEAR(attrs_find(&collab.e, "weight")->d[ac], 1, 0);
	NEAR(attrs_find(&collab.e, "newman")->d[ac], 0.5, 1e-15);
	INT_EQ(attrs_find(&collab.e, "first_year")->i[ab], 2001);
	INT_EQ(attrs_find(&collab.e, "last_year")->i[ab], 2002);
	INT_EQ(igraph_ecount(graph_igraph(&collab)), 3);
	graph_free(&credits);
	graph_free(&collab);
	dataset_free(&ds);

	/* A team over --max-team stays in the credits graph but out of the projection. */
	report_set_quiet(1);
	INT_EQ(load(&ds, "artist,project\nA,Big\nB,Big\nC,Big\nA,Small\nB,Small\n", 2), 0);
	report_set_quiet(0);
	graph_credits(&credits, &ds);
	graph_collab(&collab, &ds, 2, EDGE_ALL);
	INT_EQ(credits.n_edges, 5);
	INT_EQ(collab.n_edges, 1);
	NEAR(attrs_find(&collab.e, "weight")->d[0], 1, 0);
	graph_free(&credits);
	graph_free(&collab);
	dataset_free(&ds);
}

/* Edges come out sorted by (from, to) for igraph_create, however a row meets its partners:
 * X0 meets 299 others, in scrambled order, over 100 projects of four (a row past 32 partners
 * and past 256, so that the partners' ids differ in two bytes); Y ten, in reverse. */
static void rows_sorted(void)
{
	enum { ARTISTS = 300, PROJECTS = 100 };
	static char csv[64 * 1024];
	size_t len = (size_t)snprintf(csv, sizeof csv, "artist,project\n");
	for (int i = 0; i < ARTISTS; i++) /* ids in this order */
		len += (size_t)snprintf(csv + len, sizeof csv - len, "X%d,Own %d\n", i, i);
	int met[ARTISTS] = {0}, partners = 0;
	len += (size_t)snprintf(csv + len, sizeof csv - len, "Y,Own y\n");
	for (int k = 9; k >= 0; k--) /* ids Z9 < ... < Z0 */
		len += (size_t)snprintf(csv + len, sizeof csv - len, "Z%d,Own z%d\n", k, k);
	for (int k = 0; k < 10; k++) /* Y meets Z0, Z1, ...: a short row in descending order */
		len += (size_t)snprintf(csv + len, sizeof csv - len, "Y,Q%d\nZ%d,Q%d\n", k, k, k);
	for (int k = 0; k < PROJECTS; k++) {
		len += (size_t)snprintf(csv + len, sizeof csv - len, "X0,P%d\n", k);
		for (int j = 0; j < 3; j++) {
			int b = (k * 3 + j) * 97 % (ARTISTS - 1) + 1; /* 97 is prime to 299 */
			len += (size_t)snprintf(csv + len, sizeof csv - len, "X%d,P%d\n", b, k);
			partners += !met[b]++;
		}
	}
	struct dataset ds;
	INT_EQ(load(&ds, csv, 1000), 0);
	struct kgraph g;
	graph_collab(&g, &ds, 1000, EDGE_ALL);
	size_t of_x0 = 0, unsorted = 0;
	for (size_t e = 0; e < g.n_edges; e++) {
		of_x0 += g.from[e] == 0;
		if (e && (g.from[e - 1] > g.from[e] || (g.from[e - 1] == g.from[e] && g.to[e - 1] >= g.to[e]))) unsorted++;
	}
	CHECK(partners > 256);
	INT_EQ(of_x0, partners);
	INT_EQ(unsorted, 0);
	graph_free(&g);
	dataset_free(&ds);
}

/* A star of five leaves around S (one two-person project per leaf). */
static void known_values(void)
{
	struct dataset ds;
	INT_EQ(load(&ds, "artist,project\nS,P1\nL1,P1\nS,P2\nL2,P2\nS,P3\nL3,P3\nS,P4\nL4,P4\nS,P5\nL5,P5\nX,Alone\n", 1000), 0);
	struct kgraph g;
	struct metric_opts o;
	struct graph_stats st;
	metric_opts_init(&o);
	graph_collab(&g, &ds, 1000, EDGE_ALL);
	metrics_compute(&g, &o, &st);
	NEAR(vertex_value(&g, "a_s", "betweenness"), 10, 1e-12); /* C(5,2) pairs through the centre */
	NEAR(vertex_value(&g, "a_l1", "betweenness"), 0, 1e-12);
	NEAR(vertex_value(&g, "a_s", "closeness"), 1, 1e-12);
	NEAR(vertex_value(&g, "a_l1", "closeness"), 5.0 / 9, 1e-12); /* distances 1,2,2,2,2 */
	NEAR(vertex_value(&g, "a_s", "harmonic"), 5.0 / 6, 1e-12);  /* 5 neighbours, n - 1 = 6 */
	CHECK(isnan(vertex_value(&g, "a_x", "closeness")));         /* undefined: left out */
	NEAR(vertex_value(&g, "a_s", "eigenvector"), 1, 1e-12);
	NEAR(vertex_value(&g, "a_s", "coreness"), 1, 0);
	INT_EQ(st.components, 2);
	INT_EQ(st.giant, 6);
	INT_EQ(st.isolated, 1);
	NEAR(vertex_value(&g, "a_x", "component"), 2, 0);
	double sum = 0;
	for (size_t v = 0; v < g.n_vertices; v++) sum += attrs_find(&g.v, "pagerank")->d[v];
	NEAR(sum, 1, 1e-12);
	INT_EQ(IGRAPH_FINALLY_STACK_SIZE(), 0);
	graph_free(&g);
	dataset_free(&ds);
}

int main(void)
{
	glue_init(1);
	projection();
	rows_sorted();
	known_values();
	return harness_finish("graph");
}
