/* GraphML for Gephi, Gephi Lite (graphology), NetworkX, igraph, yEd and Cytoscape.
 * Valid against the GraphML 1.0 XSD; the traps it avoids are listed in shared/COMPAT.md (G1-G7):
 * keys before the graph, key ids "label" and "weight" as Gephi expects, only string/int/long/double
 * types, integers never written as 1993.0, no NaN or Inf, explicit undirected edges, edge ids.
 * O(V + E) time, O(1) memory beyond the graph. */
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "writer.h"

static const char *key_type(const struct attr_col *c, size_t n_rows)
{
	if (c->type == ATTR_STRING) return "string";
	if (c->type == ATTR_DOUBLE) return "double";
	for (size_t r = 0; r < n_rows; r++)
		if (c->i[r] != ATTR_NO_INT && (c->i[r] > INT32_MAX || c->i[r] < INT32_MIN)) return "long";
	return "int";
}

/* Key ids are unique across domains: "label" and "weight" are Gephi's, the rest prefixed. */
static void key_id(FILE *f, const char *domain, const char *name)
{
	if ((domain[0] == 'n' && strcmp(name, "label") == 0) || (domain[0] == 'e' && strcmp(name, "weight") == 0))
		fputs(name, f);
	else {
		fputs(domain[0] == 'n' ? "v_" : "e_", f);
		xml_escape(f, name);
	}
}

static void write_keys(FILE *f, const struct attr_set *a, const char *domain)
{
	for (size_t c = 0; c < a->n_cols; c++) {
		fputs("  <key id=\"", f);
		key_id(f, domain, a->cols[c]->name);
		fprintf(f, "\" for=\"%s\" attr.name=\"", domain);
		xml_escape(f, a->cols[c]->name);
		fprintf(f, "\" attr.type=\"%s\"/>\n", key_type(a->cols[c], a->n_rows));
	}
}

static void write_data(FILE *f, const struct attr_set *a, size_t row, const char *domain)
{
	char num[32];
	for (size_t c = 0; c < a->n_cols; c++) {
		const struct attr_col *col = a->cols[c];
		if (!attr_present(col, row)) continue;
		/* Gephi drops whitespace-only values; an empty string carries nothing either. */
		if (col->type == ATTR_STRING && col->s[row][strspn(col->s[row], " \t\r\n")] == '\0') continue;
		fputs("      <data key=\"", f);
		key_id(f, domain, col->name);
		fputs("\">", f);
		switch (col->type) {
		case ATTR_STRING: xml_escape(f, col->s[row]); break;
		case ATTR_INT: fprintf(f, "%" PRId64, col->i[row]); break;
		case ATTR_DOUBLE: fmt_double(num, col->d[row]); fputs(num, f); break;
		}
		fputs("</data>\n", f);
	}
}

static void graph_data(FILE *f, const char *key, const char *value)
{
	fprintf(f, "    <data key=\"g_%s\">", key);
	xml_escape(f, value);
	fputs("</data>\n", f);
}

int write_graphml(FILE *f, const struct kgraph *g, const struct write_opts *o)
{
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- ", f);
	provenance_text(&sb, o->prov, "\n     ");
	xml_comment_text(f, sb.buf);
	fputs(" -->\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n", f);

	static const char *const graph_keys[] = {"generator", "command", "inputs", "note"};
	for (size_t k = 0; k < sizeof graph_keys / sizeof graph_keys[0] - !g->note; k++)
		fprintf(f, "  <key id=\"g_%s\" for=\"graph\" attr.name=\"%s\" attr.type=\"string\"/>\n", graph_keys[k],
		        graph_keys[k]);
	write_keys(f, &g->v, "node");
	write_keys(f, &g->e, "edge");

	fprintf(f, "  <graph id=\"%s\" edgedefault=\"undirected\">\n", g->name);
	graph_data(f, "generator", "credgraph " CREDGRAPH_VERSION);
	graph_data(f, "command", o->prov->command);
	sb_reset(&sb);
	for (size_t i = 0; i < o->prov->n_inputs; i++) {
		const struct input_info *in = &o->prov->inputs[i];
		sb_addf(&sb, "%s%s (%" PRIu64 " bytes, sha256 %s)", i ? "; " : "", in->path, in->bytes, in->sha256);
	}
	graph_data(f, "inputs", sb.buf);
	if (g->note) graph_data(f, "note", g->note);
	sb_release(&sb);

	for (size_t v = 0; v < g->n_vertices; v++) {
		fputs("    <node id=\"", f);
		xml_escape(f, g->vid[v]);
		fputs("\">\n", f);
		write_data(f, &g->v, v, "node");
		fputs("    </node>\n", f);
	}
	for (size_t e = 0; e < g->n_edges; e++) {
		fprintf(f, "    <edge id=\"e%zu\" source=\"", e);
		xml_escape(f, g->vid[g->from[e]]);
		fputs("\" target=\"", f);
		xml_escape(f, g->vid[g->to[e]]);
		fputs("\">\n", f);
		write_data(f, &g->e, e, "edge");
		fputs("    </edge>\n", f);
	}
	fputs("  </graph>\n</graphml>\n", f);
	return 0;
}
