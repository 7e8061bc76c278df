/* DOT for Graphviz: every id and value quoted and escaped (COMPAT.md D1-D5), numbers never in
 * e-notation, names shown as labels, vertex size and colour from the data. Small graphs are
 * laid out by neato; above LARGE_GRAPH vertices by sfdp with prism overlap removal, because
 * dot and neato do not finish on collaboration networks of that size (COMPAT.md trap 9).
 * Data columns are kept as DOT attributes; one whose name Graphviz already uses for drawing
 * gets a "data_" prefix so that it cannot change the picture. O(V + E). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "escape.h"
#include "outbuf.h"
#include "style.h"
#include "xalloc.h"
#include "writer.h"

enum { LARGE_GRAPH = 300, LABELLED = 100 };

/* Graphviz attributes that a data column must not override. */
static const char *const graphviz_names[] = {
	"area", "bgcolor", "center", "charset", "class", "color", "colorscheme", "comment", "distortion",
	"fillcolor", "fixedsize", "fontcolor", "fontname", "fontsize", "gradientangle", "group", "height",
	"href", "id", "image", "imagepos", "imagescale", "label", "labelloc", "layer", "margin", "nojustify",
	"ordering", "orientation", "penwidth", "peripheries", "pin", "pos", "rects", "regular", "root",
	"samplepoints", "shape", "shapefile", "showboxes", "sides", "skew", "sortv", "style", "target",
	"tooltip", "URL", "vertices", "width", "xlabel", "xlp", "z", "arrowhead", "arrowsize", "arrowtail",
	"constraint", "decorate", "dir", "edgeURL", "headclip", "headlabel", "headport", "len", "lhead", "lp",
	"ltail", "minlen", "weight", "tailclip", "taillabel", "tailport", "K", "dim", "dimen", NULL,
};

/* ", name=" for each column: a name Graphviz uses for drawing gets a "data_" prefix. */
static char **attr_openers(const struct attr_set *a)
{
	char **open = xcalloc(a->n_cols + 1, sizeof(char *));
	for (size_t c = 0; c < a->n_cols; c++) {
		const char *name = a->cols[c]->name, *prefix = "";
		for (size_t i = 0; graphviz_names[i]; i++)
			if (strcmp(name, graphviz_names[i]) == 0) prefix = "data_";
		/* DOT keywords, in any case, cannot be attribute names either. */
		static const char *const keywords[] = {"node", "edge", "graph", "digraph", "subgraph", "strict"};
		for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
			if (strcasecmp(name, keywords[i]) == 0) prefix = "data_";
		size_t n = strlen(name) + 16;
		open[c] = xmalloc(n);
		snprintf(open[c], n, ", %s%s=", prefix, name);
	}
	return open;
}

static void free_openers(char **open, size_t n)
{
	for (size_t c = 0; c < n; c++) free(open[c]);
	free(open);
}

/* Every present value of the row as a quoted DOT attribute, except column `skip`. */
static void data_attrs(struct outbuf *f, const struct attr_set *a, size_t row, const struct attr_col *skip,
                       char **open)
{
	for (size_t c = 0; c < a->n_cols; c++) {
		const struct attr_col *col = a->cols[c];
		if (col == skip || !attr_present(col, row)) continue;
		ob_puts(f, open[c]);
		switch (col->type) {
		case ATTR_STRING: dot_quote(f, col->s[row]); break;
		case ATTR_INT: ob_putc(f, '"'); ob_int(f, col->i[row]); ob_putc(f, '"'); break;
		case ATTR_DOUBLE: ob_putc(f, '"'); ob_fixed(f, col->d[row]); ob_putc(f, '"'); break;
		}
	}
}

static const double *label_rank_values;

static int by_size_desc(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	if (label_rank_values[x] != label_rank_values[y]) return label_rank_values[x] > label_rank_values[y] ? -1 : 1;
	return (x > y) - (x < y);
}

/* On a big graph only the LABELLED largest vertices show their names (all keep a tooltip). */
static unsigned char *labelled(const struct kgraph *g, const double *size)
{
	unsigned char *show = xmalloc(g->n_vertices + 1);
	memset(show, g->n_vertices <= LARGE_GRAPH, g->n_vertices + 1);
	if (g->n_vertices <= LARGE_GRAPH) return show;
	size_t *order = xmalloc(st_mult(g->n_vertices + 1, sizeof(size_t)));
	for (size_t v = 0; v < g->n_vertices; v++) order[v] = v;
	label_rank_values = size;
	qsort(order, g->n_vertices, sizeof(*order), by_size_desc);
	for (size_t i = 0; i < g->n_vertices && i < LABELLED; i++) show[order[i]] = 1;
	free(order);
	return show;
}

int write_dot(FILE *file, const struct kgraph *g, const struct write_opts *o)
{
	struct outbuf *f = ob_open(file);
	unsigned *plain = plain_lengths(g->vid, g->n_vertices, TEXT_DOT);
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	provenance_text(&sb, o->prov, "\n   ");
	ob_puts(f, "/* ");
	/* A comment ends at the first "*" "/": never let one through. */
	for (const char *p = sb.buf; *p; p++) {
		ob_putc(f, *p);
		if (*p == '*' && p[1] == '/') ob_putc(f, ' ');
	}
	if (g->note) ob_printf(f, "\n   note: %s", g->note);
	ob_puts(f, " */\n");
	sb_release(&sb);

	int large = g->n_vertices > LARGE_GRAPH;
	ob_puts(f, "graph ");
	dot_quote(f, g->name);
	ob_puts(f, " {\n  graph [charset=\"UTF-8\", ");
	if (large)
		ob_puts(f, "layout=\"sfdp\", overlap=\"prism\", splines=\"false\", outputorder=\"edgesfirst\"];\n");
	else
		ob_puts(f, "layout=\"neato\", overlap=\"prism\", overlap_scaling=\"2\", sep=\"+8\", splines=\"true\", "
		           "outputorder=\"edgesfirst\"];\n");
	ob_puts(f, "  node [style=\"filled\", fontname=\"Helvetica\", color=\"#555555\", penwidth=\"0.6\"];\n"
	           "  edge [color=\"#88888888\"];\n");

	/* Area grows with the size value (font size with its square root), so a central artist
	 * stands out without drowning the rest. */
	const struct attr_col *kind = attrs_find(&g->v, "kind"), *label = attrs_find(&g->v, "label");
	const char **fills = vertex_fills(g);
	/* With computed positions, `neato -n` (or -n2) draws the picture Gephi shows. */
	const struct attr_col *px = attrs_find(&g->v, "x"), *py = attrs_find(&g->v, "y");
	char **vopen = attr_openers(&g->v), **eopen = attr_openers(&g->e);
	double *size = vertex_sizes(g, o->size_by), max_size = 0;
	for (size_t v = 0; v < g->n_vertices; v++)
		if (size[v] > max_size) max_size = size[v];
	unsigned char *show = labelled(g, size);
	for (size_t v = 0; v < g->n_vertices; v++) {
		double scale = max_size > 0 ? sqrt(size[v] / max_size) : 0;
		int is_project = kind && strcmp(kind->s[v], "project") == 0;
		const char *fill = fills[v];
		ob_puts(f, "  ");
		dot_quote_id(f, g->vid[v], plain[v]);
		ob_puts(f, " [label=");
		dot_quote(f, show[v] ? label->s[v] : "");
		if (!show[v]) {
			ob_puts(f, ", tooltip=");
			dot_quote(f, label->s[v]);
		}
		ob_puts(f, is_project ? ", shape=\"box\", fillcolor=\"" : ", shape=\"ellipse\", fillcolor=\"");
		ob_puts(f, fill);
		ob_puts(f, "\", fontcolor=\"");
		ob_puts(f, font_for(fill));
		char fontsize[64];
		fmt_decimals(fontsize, 9 + 13 * scale, 1);
		ob_puts(f, "\", fontsize=\"");
		ob_puts(f, fontsize);
		ob_putc(f, '"');
		if (px && py) {
			ob_puts(f, ", pos=\"");
			ob_fixed(f, round(px->d[v] * 72 * 100) / 100);
			ob_putc(f, ',');
			ob_fixed(f, round(py->d[v] * 72 * 100) / 100);
			ob_putc(f, '"');
		}
		data_attrs(f, &g->v, v, label, vopen);
		ob_puts(f, "];\n");
	}
	free(size);
	free(show);
	free(fills);

	const struct attr_col *weight = attrs_find(&g->e, "weight");
	/* Hover text in SVG; on big graphs the same text is already in a data column. */
	const struct attr_col *tooltip = large ? NULL : attrs_find(&g->e, weight ? "projects" : "roles");
	for (size_t e = 0; e < g->n_edges; e++) {
		prefetch_edge_ids(g, plain, e);
		ob_puts(f, "  ");
		dot_quote_id(f, g->vid[g->from[e]], plain[g->from[e]]);
		ob_puts(f, " -- ");
		dot_quote_id(f, g->vid[g->to[e]], plain[g->to[e]]);
		ob_puts(f, " [");
		if (weight) {
			/* Graphviz wants an integer weight; shared-project counts are integers. */
			double w = weight->d[e];
			ob_puts(f, "weight=\"");
			ob_int(f, (int64_t)w);
			ob_puts(f, "\", penwidth=\"");
			ob_fixed(f, round((0.8 + 1.5 * log2(w < 1 ? 1 : w)) * 100) / 100);
			ob_putc(f, '"');
		} else {
			ob_puts(f, "penwidth=\"1\"");
		}
		if (tooltip && tooltip->s[e]) {
			ob_puts(f, ", tooltip=");
			dot_quote(f, tooltip->s[e]);
		}
		data_attrs(f, &g->e, e, weight, eopen);
		ob_puts(f, "];\n");
	}
	ob_puts(f, "}\n");
	free_openers(vopen, g->v.n_cols);
	free_openers(eopen, g->e.n_cols);
	free(plain);
	ob_close(f);
	return 0;
}
