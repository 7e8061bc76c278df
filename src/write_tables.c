/* Graphs as CSV tables, for tools that import rows rather than graph files:
 *  - Gephi's spreadsheet importer: nodes.csv (Id, Label, ...) and edges.csv (Source, Target,
 *    Type, Id, Weight, ...). Gephi reads CSV with '\' as an escape character, so backslashes
 *    are doubled (COMPAT.md 2.5).
 *  - neo4j-admin database import: Artist and Project nodes, CREDITED_ON and COLLABORATED_WITH
 *    relationships, with typed headers (year:int, roles:string[] split on '|').
 * O(V + E), buffered. */
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "outbuf.h"
#include "writer.h"

/* A field for Gephi's importer: quoted when needed, quotes doubled, backslashes doubled. */
static void gephi_field(struct outbuf *f, const char *s)
{
	if (!strpbrk(s, ",;\t\"\\\r\n") && s[0] != ' ' && *s && s[strlen(s) - 1] != ' ') {
		ob_puts(f, s);
		return;
	}
	ob_putc(f, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') ob_putc(f, *s);
		ob_putc(f, *s);
	}
	ob_putc(f, '"');
}

static void value(struct outbuf *f, const struct attr_col *c, size_t row, void (*text)(struct outbuf *, const char *))
{
	if (!attr_present(c, row)) return;
	if (c->type == ATTR_STRING) text(f, c->s[row]);
	else if (c->type == ATTR_INT) ob_int(f, c->i[row]);
	else ob_double(f, c->d[row]);
}

int write_gephi_nodes(FILE *file, const struct kgraph *g, const struct write_opts *o)
{
	(void)o;
	struct outbuf *f = ob_open(file);
	const struct attr_col *label = attrs_find(&g->v, "label");
	ob_puts(f, "Id,Label");
	for (size_t c = 0; c < g->v.n_cols; c++)
		if (g->v.cols[c] != label) ob_printf(f, ",%s", g->v.cols[c]->name);
	ob_putc(f, '\n');
	for (size_t v = 0; v < g->n_vertices; v++) {
		gephi_field(f, g->vid[v]);
		ob_putc(f, ',');
		gephi_field(f, label->s[v]);
		for (size_t c = 0; c < g->v.n_cols; c++) {
			if (g->v.cols[c] == label) continue;
			ob_putc(f, ',');
			value(f, g->v.cols[c], v, gephi_field);
		}
		ob_putc(f, '\n');
	}
	ob_close(f);
	return 0;
}

int write_gephi_edges(FILE *file, const struct kgraph *g, const struct write_opts *o)
{
	(void)o;
	struct outbuf *f = ob_open(file);
	const struct attr_col *weight = attrs_find(&g->e, "weight");
	ob_puts(f, "Source,Target,Type,Id,Weight");
	for (size_t c = 0; c < g->e.n_cols; c++)
		if (g->e.cols[c] != weight) ob_printf(f, ",%s", g->e.cols[c]->name);
	ob_putc(f, '\n');
	for (size_t e = 0; e < g->n_edges; e++) {
		gephi_field(f, g->vid[g->from[e]]);
		ob_putc(f, ',');
		gephi_field(f, g->vid[g->to[e]]);
		ob_puts(f, ",Undirected,e");
		ob_int(f, (int64_t)e);
		ob_putc(f, ',');
		ob_double(f, weight ? weight->d[e] : 1.0);
		for (size_t c = 0; c < g->e.n_cols; c++) {
			if (g->e.cols[c] == weight) continue;
			ob_putc(f, ',');
			value(f, g->e.cols[c], e, gephi_field);
		}
		ob_putc(f, '\n');
	}
	ob_close(f);
	return 0;
}

/* Neo4j property headers: name:int, name:double, name, or name:string[] for '|' lists. */
static void neo4j_header(struct outbuf *f, const struct attr_col *c, size_t n_rows)
{
	ob_puts(f, ",");
	ob_puts(f, strcmp(c->name, "label") == 0 ? "name" : c->name); /* what Cypher users expect */
	if (c->type == ATTR_INT) {
		int wide = 0;
		for (size_t r = 0; r < n_rows && !wide; r++)
			wide = c->i[r] != ATTR_NO_INT && (c->i[r] > INT32_MAX || c->i[r] < INT32_MIN);
		ob_puts(f, wide ? ":long" : ":int");
	}
	else if (c->type == ATTR_DOUBLE) ob_puts(f, ":double");
	else if (strcmp(c->name, "roles") == 0 || strcmp(c->name, "projects") == 0 || strcmp(c->name, "sources") == 0)
		ob_puts(f, ":string[]");
}

static int is_kind(const struct kgraph *g, size_t v, const char *kind)
{
	const struct attr_col *k = attrs_find(&g->v, "kind");
	return k && strcmp(k->s[v], kind) == 0;
}

/* Artist or Project nodes from the credits graph; columns that no vertex of the kind uses
 * are left out. */
int write_neo4j_nodes(FILE *file, const struct kgraph *credits, const char *kind, const char *label)
{
	struct outbuf *f = ob_open(file);
	const struct attr_col *cols[256];
	size_t n = 0;
	for (size_t c = 0; c < credits->v.n_cols && n < 256; c++) {
		const struct attr_col *col = credits->v.cols[c];
		if (strcmp(col->name, "kind") == 0) continue;
		for (size_t v = 0; v < credits->n_vertices; v++)
			if (is_kind(credits, v, kind) && attr_present(col, v)) {
				cols[n++] = col;
				break;
			}
	}
	ob_printf(f, "id:ID(%s)", label);
	for (size_t c = 0; c < n; c++) neo4j_header(f, cols[c], credits->n_vertices);
	ob_puts(f, ",:LABEL\n");
	for (size_t v = 0; v < credits->n_vertices; v++) {
		if (!is_kind(credits, v, kind)) continue;
		csv_field(f, credits->vid[v]);
		for (size_t c = 0; c < n; c++) {
			ob_putc(f, ',');
			value(f, cols[c], v, csv_field);
		}
		ob_printf(f, ",%s\n", label);
	}
	ob_close(f);
	return 0;
}

/* Relationships: CREDITED_ON (credits graph, artist to project) or COLLABORATED_WITH. */
int write_neo4j_relationships(FILE *file, const struct kgraph *g, const char *from_label, const char *to_label,
                              const char *type)
{
	struct outbuf *f = ob_open(file);
	ob_printf(f, ":START_ID(%s),:END_ID(%s)", from_label, to_label);
	for (size_t c = 0; c < g->e.n_cols; c++) neo4j_header(f, g->e.cols[c], g->n_edges);
	ob_puts(f, ",:TYPE\n");
	for (size_t e = 0; e < g->n_edges; e++) {
		csv_field(f, g->vid[g->from[e]]);
		ob_putc(f, ',');
		csv_field(f, g->vid[g->to[e]]);
		for (size_t c = 0; c < g->e.n_cols; c++) {
			ob_putc(f, ',');
			value(f, g->e.cols[c], e, csv_field);
		}
		ob_printf(f, ",%s\n", type);
	}
	ob_close(f);
	return 0;
}
