/* The common start of every query command: read the inputs, build the collaboration network
 * (and the credits graph when asked) and compute the metrics. */
#ifndef CREDGRAPH_ANALYSIS_H
#define CREDGRAPH_ANALYSIS_H
#include "cli.h"
#include "graph.h"
#include "metrics.h"

struct analysis {
	struct dataset ds;
	struct kgraph collab;
	struct kgraph credits;    /* built only when asked */
	struct graph_stats stats;
	int have_credits;
};

/* Returns 0, or an exit code after reporting (EXIT_PROBLEMS when no credit is left). */
int analysis_run(struct analysis *a, struct command_line *cl, int with_credits);
void analysis_free(struct analysis *a);
/* A vertex column's value as a double (NaN when absent or not numeric). */
double column_value(const struct attr_col *c, size_t row);

#endif
