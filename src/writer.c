#include "writer.h"

#include <inttypes.h>
#include <string.h>

#include "escape.h"
#include "outbuf.h"
#include "report.h"

void provenance_text(struct strbuf *sb, const struct provenance *p, const char *sep)
{
	sb_addf(sb, "credgraph %s%scommand: %s", CREDGRAPH_VERSION, sep, p->command);
	for (size_t i = 0; i < p->n_inputs; i++)
		sb_addf(sb, "%sinput (%s): %s (%" PRIu64 " bytes, sha256 %s)", sep, p->inputs[i].role, p->inputs[i].path,
		        p->inputs[i].bytes, p->inputs[i].sha256);
}

static const char *const names[FORMAT_COUNT] = {"graphml", "dot", "gexf", "json", "cyjs"};

const char *format_name(enum out_format fmt)
{
	return names[fmt];
}

void xml_prologue(struct outbuf *f, const struct provenance *p)
{
	struct strbuf sb = STRBUF_INIT;
	sb_init(&sb);
	provenance_text(&sb, p, "\n     ");
	ob_puts(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- ");
	xml_comment_text(f, sb.buf);
	ob_puts(f, " -->\n");
	sb_release(&sb);
}

int write_format(enum out_format fmt, FILE *f, const struct kgraph *g, const struct write_opts *o)
{
	switch (fmt) {
	case FORMAT_DOT: return write_dot(f, g, o);
	case FORMAT_GEXF: return write_gexf(f, g, o);
	case FORMAT_JSON: return write_json(f, g, o);
	case FORMAT_CYJS: return write_cyjs(f, g, o);
	default: return write_graphml(f, g, o);
	}
}

enum out_format out_format_for(const char *name, const char *path)
{
	if (name) {
		for (int f = 0; f < FORMAT_COUNT; f++)
			if (strcmp(name, names[f]) == 0) return (enum out_format)f;
		if (strcmp(name, "gv") == 0) return FORMAT_DOT;
		die(EXIT_USAGE, "--format takes graphml, dot, gexf, json, cyjs, tables or neo4j, not '%s'", name);
	}
	const char *ext = strrchr(path, '.');
	if (ext && (strcmp(ext, ".dot") == 0 || strcmp(ext, ".gv") == 0)) return FORMAT_DOT;
	if (ext && strcmp(ext, ".gexf") == 0) return FORMAT_GEXF;
	if (ext && strcmp(ext, ".json") == 0) return FORMAT_JSON;
	if (ext && strcmp(ext, ".cyjs") == 0) return FORMAT_CYJS;
	return FORMAT_GRAPHML;
}
