/* GraphML for Gephi, Gephi Lite (graphology), NetworkX, igraph, yEd and Cytoscape.
 * Valid against the GraphML 1.0 XSD; the traps it avoids are listed in shared/COMPAT.md (G1-G7):
 * keys before the graph, key ids "label" and "weight" as Gephi expects, only string/int/long/double
 * types, integers never written as 1993.0, no NaN or Inf, explicit undirected edges, edge ids.
 * O(V + E) time; one pass, buffered, no per-value printf. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "outbuf.h"
#include "writer.h"
#include "xalloc.h"

static const char *key_type(const struct attr_col *c, size_t n_rows)
{
	if (c->type == ATTR_STRING) return "string";
	if (c->type == ATTR_DOUBLE) return "double";
	for (size_t r = 0; r < n_rows; r++)
		if (c->i[r] != ATTR_NO_INT && (c->i[r] > INT32_MAX || c->i[r] < INT32_MIN)) return "long";
	return "int";
}

/* Key ids are unique across domains: "label" and "weight" are Gephi's, the rest prefixed.
 * Column names are [A-Za-z0-9_] already, so ids need no escaping. Returns `<data key="ID">`. */
static char **data_openers(const struct attr_set *a, const char *domain)
{
	char **open = xcalloc(a->n_cols + 1, sizeof(char *));
	for (size_t c = 0; c < a->n_cols; c++) {
		const char *name = a->cols[c]->name;
		int gephi = (domain[0] == 'n' && strcmp(name, "label") == 0) || (domain[0] == 'e' && strcmp(name, "weight") == 0);
		size_t n = strlen(name) + 40;
		open[c] = xmalloc(n);
		snprintf(open[c], n, "      <data key=\"%s%s\">", gephi ? "" : domain[0] == 'n' ? "v_" : "e_", name);
	}
	return open;
}

static void free_openers(char **open, size_t n)
{
	for (size_t c = 0; c < n; c++) free(open[c]);
	free(open);
}

static void write_keys(struct outbuf *f, const struct attr_set *a, const char *domain, char **open)
{
	for (size_t c = 0; c < a->n_cols; c++) {
		const char *id = strstr(open[c], "key=\"") + 5;
		ob_printf(f, "  <key id=\"%.*s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", (int)(strlen(id) - 2), id,
		          domain, a->cols[c]->name, key_type(a->cols[c], a->n_rows));
	}
}

static void write_data(struct outbuf *f, const struct attr_set *a, size_t row, char **open)
{
	for (size_t c = 0; c < a->n_cols; c++) {
		const struct attr_col *col = a->cols[c];
		switch (col->type) {
		case ATTR_STRING:
			/* Gephi drops whitespace-only values; an empty string carries nothing either. */
			if (!col->s[row] || col->s[row][strspn(col->s[row], " \t\r\n")] == '\0') continue;
			ob_puts(f, open[c]);
			xml_escape(f, col->s[row]);
			break;
		case ATTR_INT:
			if (col->i[row] == ATTR_NO_INT) continue;
			ob_puts(f, open[c]);
			ob_int(f, col->i[row]);
			break;
		case ATTR_DOUBLE:
			if (!attr_present(col, row)) continue; /* never NaN or Inf */
			ob_puts(f, open[c]);
			ob_double(f, col->d[row]);
			break;
		}
		ob_puts(f, "</data>\n");
	}
}

static void graph_data(struct outbuf *f, const char *key, const char *value)
{
	ob_printf(f, "    <data key=\"g_%s\">", key);
	xml_escape(f, value);
	ob_puts(f, "</data>\n");
}

int write_graphml(FILE *file, const struct kgraph *g, const struct write_opts *o)
{
	struct outbuf *f = ob_open(file);
	unsigned *plain = plain_lengths(g->vid, g->n_vertices, TEXT_XML);
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	xml_prologue(f, o->prov);
	ob_puts(f, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");

	static const char *const graph_keys[] = {"generator", "command", "inputs", "note"};
	for (size_t k = 0; k < sizeof graph_keys / sizeof graph_keys[0] - !g->note; k++)
		ob_printf(f, "  <key id=\"g_%s\" for=\"graph\" attr.name=\"%s\" attr.type=\"string\"/>\n", graph_keys[k],
		          graph_keys[k]);
	char **vopen = data_openers(&g->v, "node"), **eopen = data_openers(&g->e, "edge");
	write_keys(f, &g->v, "node", vopen);
	write_keys(f, &g->e, "edge", eopen);

	ob_printf(f, "  <graph id=\"%s\" edgedefault=\"undirected\">\n", g->name);
	graph_data(f, "generator", "credgraph " CREDGRAPH_VERSION);
	graph_data(f, "command", o->prov->command);
	sb_reset(&sb);
	for (size_t i = 0; i < o->prov->n_inputs; i++) {
		const struct input_info *in = &o->prov->inputs[i];
		sb_addf(&sb, "%s%s: %s (%llu bytes, sha256 %s)", i ? "; " : "", in->role, in->path, (unsigned long long)in->bytes,
		        in->sha256);
	}
	graph_data(f, "inputs", sb.buf);
	if (g->note) graph_data(f, "note", g->note);
	sb_release(&sb);

	for (size_t v = 0; v < g->n_vertices; v++) {
		ob_puts(f, "    <node id=\"");
		xml_escape_id(f, g->vid[v], plain[v]);
		ob_puts(f, "\">\n");
		write_data(f, &g->v, v, vopen);
		ob_puts(f, "    </node>\n");
	}
	for (size_t e = 0; e < g->n_edges; e++) {
		prefetch_edge_ids(g, plain, e);
		ob_puts(f, "    <edge id=\"e");
		ob_int(f, (int64_t)e);
		ob_puts(f, "\" source=\"");
		xml_escape_id(f, g->vid[g->from[e]], plain[g->from[e]]);
		ob_puts(f, "\" target=\"");
		xml_escape_id(f, g->vid[g->to[e]], plain[g->to[e]]);
		ob_puts(f, "\">\n");
		write_data(f, &g->e, e, eopen);
		ob_puts(f, "    </edge>\n");
	}
	ob_puts(f, "  </graph>\n</graphml>\n");
	free_openers(vopen, g->v.n_cols);
	free_openers(eopen, g->e.n_cols);
	free(plain);
	ob_close(f);
	return 0;
}
