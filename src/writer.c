#include "writer.h"

#include <inttypes.h>
#include <string.h>

#include "report.h"

void provenance_text(struct strbuf *sb, const struct provenance *p, const char *sep)
{
	sb_addf(sb, "credgraph %s%scommand: %s", CREDGRAPH_VERSION, sep, p->command);
	for (size_t i = 0; i < p->n_inputs; i++)
		sb_addf(sb, "%sinput: %s (%" PRIu64 " bytes, sha256 %s)", sep, p->inputs[i].path, p->inputs[i].bytes,
		        p->inputs[i].sha256);
}

int write_format(enum out_format fmt, FILE *f, const struct kgraph *g, const struct write_opts *o)
{
	return fmt == FORMAT_DOT ? write_dot(f, g, o) : write_graphml(f, g, o);
}

enum out_format out_format_for(const char *name, const char *path)
{
	if (name) {
		if (strcmp(name, "graphml") == 0) return FORMAT_GRAPHML;
		if (strcmp(name, "dot") == 0 || strcmp(name, "gv") == 0) return FORMAT_DOT;
		die(EXIT_USAGE, "--format takes graphml or dot, not '%s'", name);
	}
	const char *dot = strrchr(path, '.');
	return dot && (strcmp(dot, ".dot") == 0 || strcmp(dot, ".gv") == 0) ? FORMAT_DOT : FORMAT_GRAPHML;
}
