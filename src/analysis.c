#include "analysis.h"

#include <math.h>
#include <string.h>

#include "report.h"

int analysis_run(struct analysis *a, struct command_line *cl, int with_credits)
{
	memset(a, 0, sizeof(*a));
	int rc = load_inputs(cl, &a->ds);
	if (rc) return rc;
	if (a->ds.n_artists == 0) {
		error("no credits to analyse%s", a->ds.rows_filtered ? " (the filters left none)" : "");
		return EXIT_PROBLEMS;
	}
	graph_collab(&a->collab, &a->ds, cl->load.max_team, EDGE_ALL);
	metrics_compute(&a->collab, &cl->metrics, &a->stats);
	if (with_credits) {
		graph_credits(&a->credits, &a->ds);
		metrics_credits(&a->credits, &cl->metrics);
		a->have_credits = 1;
	}
	return 0;
}

void analysis_free(struct analysis *a)
{
	if (a->collab.vid) graph_free(&a->collab);
	if (a->have_credits) graph_free(&a->credits);
	dataset_free(&a->ds);
}

double column_value(const struct attr_col *c, size_t row)
{
	if (!c || !attr_present(c, row)) return NAN;
	if (c->type == ATTR_DOUBLE) return c->d[row];
	if (c->type == ATTR_INT) return (double)c->i[row];
	return NAN;
}
