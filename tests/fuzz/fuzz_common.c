#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "igraph_glue.h"
#include "metrics.h"
#include "report.h"
#include "writer.h"

static char path[64];

static void setup(void)
{
	static int done;
	if (done) return;
	done = 1;
	snprintf(path, sizeof path, "/dev/shm/credgraph-fuzz-%ld.csv", (long)getpid());
	report_set_stream(fopen("/dev/null", "w"));
	report_set_quiet(1);
	glue_init(1);
}

int fuzz_load(const uint8_t *data, size_t size, struct dataset *ds)
{
	setup();
	FILE *f = fopen(path, "wb");
	if (!f) abort();
	fwrite(data, 1, size, f);
	fclose(f);
	struct load_opts o;
	load_opts_init(&o);
	o.csv.max_field = 1 << 16;
	o.csv.chunk_size = 4096; /* small inputs: no megabyte buffers on every run */
	o.max_team = 64;
	const char *paths[] = {path};
	return dataset_load(ds, paths, 1, &o);
}

void fuzz_graphs(struct dataset *ds, struct kgraph *credits, struct kgraph *collab, int with_metrics)
{
	struct metric_opts mo;
	metric_opts_init(&mo);
	graph_credits(credits, ds);
	graph_collab(collab, ds, 64, EDGE_ALL);
	if (!with_metrics) return;
	/* Every kind of value a writer formats: integers, doubles, absent (NaN) closeness. */
	mo.mask = 1u << M_DEGREE | 1u << M_STRENGTH | 1u << M_CLOSENESS | 1u << M_PAGERANK | 1u << M_COMPONENT;
	metrics_compute(collab, &mo, NULL);
	metrics_credits(credits, &mo);
}

char *fuzz_write(int (*writer)(FILE *, const struct kgraph *, const struct write_opts *), const struct kgraph *g,
                 const struct dataset *ds, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	struct provenance prov = {"credgraph fuzz", ds->inputs, ds->n_inputs};
	struct write_opts wo = {&prov, NULL};
	writer(f, g, &wo);
	fclose(f);
	return buf;
}
