/* JSON for web tools: graphology's serialisation format (what Gephi Lite, sigma.js and
 * graphology load; `size`, `color`, `x`, `y` drive sigma's drawing) and Cytoscape.js elements
 * (`--format cyjs`). Every attribute is written with its JSON type; absent values are left
 * out. O(V + E), buffered. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "outbuf.h"
#include "style.h"
#include "writer.h"
#include "xalloc.h"

/* `"name": value` for every present value of the row, each preceded by ", " unless first. */
static void members(struct outbuf *f, const struct attr_set *a, size_t row, int first)
{
	for (size_t c = 0; c < a->n_cols; c++) {
		const struct attr_col *col = a->cols[c];
		if (!attr_present(col, row)) continue;
		if (!first) ob_puts(f, ", ");
		first = 0;
		json_string(f, col->name);
		ob_puts(f, ": ");
		if (col->type == ATTR_STRING) json_string(f, col->s[row]);
		else if (col->type == ATTR_INT) ob_int(f, col->i[row]);
		else ob_double(f, col->d[row]);
	}
}

static void provenance_members(struct outbuf *f, const struct kgraph *g, const struct write_opts *o)
{
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	provenance_text(&sb, o->prov, "; ");
	ob_puts(f, "\"name\": ");
	json_string(f, g->name);
	ob_puts(f, ", \"generator\": \"credgraph " CREDGRAPH_VERSION "\", \"provenance\": ");
	json_string(f, sb.buf);
	if (g->note) {
		ob_puts(f, ", \"note\": ");
		json_string(f, g->note);
	}
	sb_release(&sb);
}

/* Sigma's vertex size: area proportional to the size value, 2 to 20. */
static double display_size(const double *size, double max_size, size_t v)
{
	return round((2 + 18 * (max_size > 0 ? sqrt(size[v] / max_size) : 0)) * 100) / 100;
}

int write_json(FILE *file, const struct kgraph *g, const struct write_opts *o)
{
	struct outbuf *f = ob_open(file);
	unsigned *plain = plain_lengths(g->vid, g->n_vertices, TEXT_JSON);
	const char **fills = vertex_fills(g);
	double *size = vertex_sizes(g, o->size_by), max_size = 0;
	for (size_t v = 0; v < g->n_vertices; v++)
		if (size[v] > max_size) max_size = size[v];
	ob_puts(f, "{\n  \"attributes\": {");
	provenance_members(f, g, o);
	ob_puts(f, "},\n  \"options\": {\"type\": \"undirected\", \"multi\": false, \"allowSelfLoops\": false},\n"
	           "  \"nodes\": [");
	for (size_t v = 0; v < g->n_vertices; v++) {
		ob_puts(f, v ? ",\n    {\"key\": " : "\n    {\"key\": ");
		json_string_id(f, g->vid[v], plain[v]);
		ob_puts(f, ", \"attributes\": {");
		members(f, &g->v, v, 1);
		ob_puts(f, ", \"size\": ");
		ob_double(f, display_size(size, max_size, v));
		ob_puts(f, ", \"color\": \"");
		ob_puts(f, fills[v]);
		ob_puts(f, "\"}}");
	}
	ob_puts(f, "\n  ],\n  \"edges\": [");
	for (size_t e = 0; e < g->n_edges; e++) {
		ob_puts(f, e ? ",\n    {\"key\": \"e" : "\n    {\"key\": \"e");
		ob_int(f, (int64_t)e);
		ob_puts(f, "\", \"source\": ");
		json_string_id(f, g->vid[g->from[e]], plain[g->from[e]]);
		ob_puts(f, ", \"target\": ");
		json_string_id(f, g->vid[g->to[e]], plain[g->to[e]]);
		ob_puts(f, ", \"undirected\": true, \"attributes\": {");
		members(f, &g->e, e, 1);
		ob_puts(f, "}}");
	}
	ob_puts(f, "\n  ]\n}\n");
	free(fills);
	free(size);
	free(plain);
	ob_close(f);
	return 0;
}

int write_cyjs(FILE *file, const struct kgraph *g, const struct write_opts *o)
{
	struct outbuf *f = ob_open(file);
	unsigned *plain = plain_lengths(g->vid, g->n_vertices, TEXT_JSON);
	const struct attr_col *x = attrs_find(&g->v, "x"), *y = attrs_find(&g->v, "y");
	ob_puts(f, "{\n  \"data\": {");
	provenance_members(f, g, o);
	ob_puts(f, "},\n  \"elements\": {\n    \"nodes\": [");
	for (size_t v = 0; v < g->n_vertices; v++) {
		ob_puts(f, v ? ",\n      {\"data\": {\"id\": " : "\n      {\"data\": {\"id\": ");
		json_string_id(f, g->vid[v], plain[v]);
		members(f, &g->v, v, 0);
		ob_putc(f, '}');
		if (x && y && attr_present(x, v) && attr_present(y, v)) {
			ob_puts(f, ", \"position\": {\"x\": ");
			ob_double(f, x->d[v]);
			ob_puts(f, ", \"y\": ");
			ob_double(f, y->d[v]);
			ob_putc(f, '}');
		}
		ob_putc(f, '}');
	}
	ob_puts(f, "\n    ],\n    \"edges\": [");
	for (size_t e = 0; e < g->n_edges; e++) {
		ob_puts(f, e ? ",\n      {\"data\": {\"id\": \"e" : "\n      {\"data\": {\"id\": \"e");
		ob_int(f, (int64_t)e);
		ob_puts(f, "\", \"source\": ");
		json_string_id(f, g->vid[g->from[e]], plain[g->from[e]]);
		ob_puts(f, ", \"target\": ");
		json_string_id(f, g->vid[g->to[e]], plain[g->to[e]]);
		members(f, &g->e, e, 0);
		ob_puts(f, "}}");
	}
	ob_puts(f, "\n    ]\n  }\n}\n");
	free(plain);
	ob_close(f);
	return 0;
}
