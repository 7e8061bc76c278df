/* GEXF 1.3 for Gephi (COMPAT.md X1-X6): labels, typed attributes (integer, double, string;
 * roles as liststring), viz:color and viz:size from the same style as DOT, and spells from the
 * first to the last year of each element so that Gephi's timeline plays the network's growth
 * (first_year and last_year stay static attributes for Gephi Lite, which ignores spells).
 * Valid against the GEXF 1.3 RelaxNG grammar. O(V + E), buffered. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "outbuf.h"
#include "style.h"
#include "writer.h"
#include "xalloc.h"

static const char *gexf_type(const struct attr_col *c)
{
	if (strcmp(c->name, "roles") == 0) return "liststring";
	return c->type == ATTR_STRING ? "string" : c->type == ATTR_INT ? "integer" : "double";
}

/* Columns that are written as GEXF's own fields (label, weight, viz:position) rather than
 * attributes. */
static int is_builtin(const struct attr_col *c, int edge)
{
	if (edge) return strcmp(c->name, "weight") == 0;
	return strcmp(c->name, "label") == 0 || strcmp(c->name, "x") == 0 || strcmp(c->name, "y") == 0;
}

static void declare(struct outbuf *f, const struct attr_set *a, const char *cls)
{
	ob_printf(f, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
	for (size_t c = 0; c < a->n_cols; c++) {
		if (is_builtin(a->cols[c], cls[0] == 'e')) continue;
		/* Ids equal titles and are never numeric (X3): our names are [A-Za-z0-9_] and start with
		 * a letter or '_'. */
		ob_printf(f, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a->cols[c]->name, a->cols[c]->name,
		          gexf_type(a->cols[c]));
	}
	ob_puts(f, "    </attributes>\n");
}

/* "a|b" becomes "[a, b]", the list syntax Gephi reads. */
static void liststring(struct outbuf *f, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	sb_addch(&sb, '[');
	for (const char *p = s; *p; p++) {
		if (*p == '|') sb_addstr(&sb, ", ");
		else sb_addch(&sb, *p);
	}
	sb_addch(&sb, ']');
	xml_escape(f, sb.buf);
	sb_release(&sb);
}

static void attvalues(struct outbuf *f, const struct attr_set *a, size_t row, int edge)
{
	int opened = 0;
	for (size_t c = 0; c < a->n_cols; c++) {
		const struct attr_col *col = a->cols[c];
		if (is_builtin(col, edge) || !attr_present(col, row)) continue;
		if (col->type == ATTR_STRING && !*col->s[row]) continue;
		if (!opened++) ob_puts(f, "        <attvalues>\n");
		ob_printf(f, "          <attvalue for=\"%s\" value=\"", col->name);
		if (col->type == ATTR_STRING) {
			if (strcmp(col->name, "roles") == 0) liststring(f, col->s[row]);
			else xml_escape(f, col->s[row]);
		} else if (col->type == ATTR_INT) {
			ob_int(f, col->i[row]);
		} else {
			ob_double(f, col->d[row]);
		}
		ob_puts(f, "\"/>\n");
	}
	if (opened) ob_puts(f, "        </attvalues>\n");
}

/* When the element exists on the timeline: its first to last year, or its one year. */
static void spell(struct outbuf *f, const struct attr_set *a, size_t row)
{
	const struct attr_col *first = attrs_find(a, "first_year"), *last = attrs_find(a, "last_year");
	if (!first || !last || first->i[row] == ATTR_NO_INT) first = last = attrs_find(a, "year");
	if (!first || first->i[row] == ATTR_NO_INT) return;
	ob_printf(f, "        <spells><spell start=\"%lld\" end=\"%lld\"/></spells>\n", (long long)first->i[row],
	          (long long)(last->i[row] != ATTR_NO_INT ? last->i[row] : first->i[row]));
}

int write_gexf(FILE *file, const struct kgraph *g, const struct write_opts *o)
{
	struct outbuf *f = ob_open(file);
	unsigned *plain = plain_lengths(g->vid, g->n_vertices, TEXT_XML);
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	xml_prologue(f, o->prov);
	provenance_text(&sb, o->prov, "\n     ");
	ob_puts(f, "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
	           "  <meta>\n    <creator>credgraph " CREDGRAPH_VERSION "</creator>\n    <description>");
	xml_escape(f, sb.buf);
	if (g->note) {
		ob_puts(f, "; note: ");
		xml_escape(f, g->note);
	}
	ob_puts(f, "</description>\n  </meta>\n"
	           "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"double\">\n");
	sb_release(&sb);
	declare(f, &g->v, "node");
	declare(f, &g->e, "edge");

	const struct attr_col *label = attrs_find(&g->v, "label");
	const struct attr_col *x = attrs_find(&g->v, "x"), *y = attrs_find(&g->v, "y");
	const char **fills = vertex_fills(g);
	double *size = vertex_sizes(g, o->size_by), max_size = 0;
	for (size_t v = 0; v < g->n_vertices; v++)
		if (size[v] > max_size) max_size = size[v];
	ob_puts(f, "    <nodes>\n");
	for (size_t v = 0; v < g->n_vertices; v++) {
		ob_puts(f, "      <node id=\"");
		xml_escape_id(f, g->vid[v], plain[v]);
		ob_puts(f, "\" label=\"");
		xml_escape(f, label->s[v]);
		ob_puts(f, "\">\n");
		attvalues(f, &g->v, v, 0);
		spell(f, &g->v, v);
		unsigned r, gr, b;
		sscanf(fills[v], "#%2x%2x%2x", &r, &gr, &b);
		ob_printf(f, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n        <viz:size value=\"", r, gr, b);
		/* Area proportional to the size value: 4 to 40. */
		ob_fixed(f, round((4 + 36 * (max_size > 0 ? sqrt(size[v] / max_size) : 0)) * 100) / 100);
		ob_puts(f, "\"/>\n");
		if (x && y) {
			ob_puts(f, "        <viz:position x=\"");
			ob_fixed(f, x->d[v]);
			ob_puts(f, "\" y=\"");
			ob_fixed(f, y->d[v]);
			ob_puts(f, "\" z=\"0\"/>\n");
		}
		ob_puts(f, "      </node>\n");
	}
	ob_puts(f, "    </nodes>\n    <edges>\n");
	const struct attr_col *weight = attrs_find(&g->e, "weight");
	for (size_t e = 0; e < g->n_edges; e++) {
		ob_puts(f, "      <edge id=\"e");
		ob_int(f, (int64_t)e);
		ob_puts(f, "\" source=\"");
		xml_escape_id(f, g->vid[g->from[e]], plain[g->from[e]]);
		ob_puts(f, "\" target=\"");
		xml_escape_id(f, g->vid[g->to[e]], plain[g->to[e]]);
		ob_puts(f, "\" weight=\"");
		ob_double(f, weight ? weight->d[e] : 1.0);
		ob_puts(f, "\">\n");
		attvalues(f, &g->e, e, 1);
		spell(f, &g->e, e);
		ob_puts(f, "      </edge>\n");
	}
	ob_puts(f, "    </edges>\n  </graph>\n</gexf>\n");
	free(fills);
	free(size);
	free(plain);
	ob_close(f);
	return 0;
}
