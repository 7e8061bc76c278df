#include "writer.h"

#include <inttypes.h>

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
