/* One streaming writer per output format, all behind the same shape:
 *   int write_<format>(FILE *, const struct kgraph *, const struct write_opts *)
 * They write to a FILE* as they go; write errors are caught when the file is committed. */
#ifndef CREDGRAPH_WRITER_H
#define CREDGRAPH_WRITER_H
#include <stdio.h>

#include "dataset.h"
#include "graph.h"
#include "prefetch.h"
#include "strbuf.h"

#define CREDGRAPH_VERSION "0.1.0"

/* Where a file came from: stated in every output so it can be traced and reproduced. */
struct provenance {
	const char *command;             /* the command line, options included */
	const struct input_info *inputs;
	size_t n_inputs;
};

struct write_opts {
	const struct provenance *prov;
	const char *size_by; /* DOT vertex size: a vertex column; NULL for pagerank (collab) or credits */
};

/* One file per graph. */
enum out_format { FORMAT_GRAPHML, FORMAT_DOT, FORMAT_GEXF, FORMAT_JSON, FORMAT_CYJS, FORMAT_COUNT };

int write_graphml(FILE *f, const struct kgraph *g, const struct write_opts *o);
int write_dot(FILE *f, const struct kgraph *g, const struct write_opts *o);
int write_gexf(FILE *f, const struct kgraph *g, const struct write_opts *o);
/* graphology's serialisation format (Gephi Lite, sigma.js). */
int write_json(FILE *f, const struct kgraph *g, const struct write_opts *o);
/* Cytoscape.js elements. */
int write_cyjs(FILE *f, const struct kgraph *g, const struct write_opts *o);
/* Gephi's spreadsheet importer: a nodes table and an edges table. */
int write_gephi_nodes(FILE *f, const struct kgraph *g, const struct write_opts *o);
int write_gephi_edges(FILE *f, const struct kgraph *g, const struct write_opts *o);
/* neo4j-admin database import: nodes of one kind of the credits graph, and relationships. */
int write_neo4j_nodes(FILE *f, const struct kgraph *credits, const char *kind, const char *label);
int write_neo4j_relationships(FILE *f, const struct kgraph *g, const char *from_label, const char *to_label,
                              const char *type);
/* "graphml", "dot", "gexf", "json", "cyjs": also the file extension. */
const char *format_name(enum out_format fmt);
/* rankings.csv: one row per artist of the collaboration graph, every metric column. */
int write_rankings(FILE *f, const struct kgraph *collab, const struct write_opts *o);
/* The format named (graphml, dot, gexf, json, cyjs), else the one the path's extension implies; exits 2 on
 * an unknown name. */
enum out_format out_format_for(const char *name, const char *path);
int write_format(enum out_format fmt, FILE *f, const struct kgraph *g, const struct write_opts *o);

/* "credgraph 0.1.0<sep>command: ...<sep>input: path (N bytes, sha256 ...)" appended to sb. */
void provenance_text(struct strbuf *sb, const struct provenance *p, const char *sep);
/* An edge's target is a random vertex: on big graphs its id is a cache miss, twice over (the
 * pointer, then the text). Called at edge e, this loads edge e+32's pointer and plain length
 * and edge e+16's text, so that they have arrived when their turn comes. */
PREFETCH_HELPER void prefetch_edge_ids(const struct kgraph *g, const unsigned *plain, size_t e)
{
	if (e + 32 < g->n_edges) {
		__builtin_prefetch(&g->vid[g->to[e + 32]]);
		__builtin_prefetch(&plain[g->to[e + 32]]);
	}
	if (e + 16 < g->n_edges) __builtin_prefetch(g->vid[g->to[e + 16]]);
}

struct outbuf;
/* The XML declaration (UTF-8, which Gephi needs up front) and the provenance as a comment. */
void xml_prologue(struct outbuf *f, const struct provenance *p);

#endif
