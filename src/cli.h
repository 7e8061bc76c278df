/* Command-line plumbing shared by every command: usage text, strict number parsing, and the
 * input options every command accepts (delimiter, aliases, attribute tables, limits, filters). */
#ifndef CREDGRAPH_CLI_H
#define CREDGRAPH_CLI_H
#include <getopt.h>
#include <stddef.h>

#include "dataset.h"
#include "filter.h"
#include "graph.h"
#include "layout.h"
#include "metrics.h"
#include "strbuf.h"

/* getopt_long codes of the shared input options (above any short option). */
enum {
	OPT_DELIMITER = 1000, OPT_ALIASES, OPT_ARTISTS, OPT_PROJECTS, OPT_MAX_FIELD, OPT_MAX_FIELDS,
	OPT_MAX_TEAM, OPT_ROLE, OPT_FROM, OPT_TO, OPT_TYPE, OPT_EXCLUDE_TYPE, OPT_STRICT, OPT_SEED,
	OPT_METRICS, OPT_WEIGHTED, OPT_GEPHI, OPT_EXACT, OPT_ESTIMATE, OPT_SAMPLES, OPT_PAGERANK,
	OPT_MIN_WEIGHT, OPT_TOP, OPT_BY, OPT_GIANT, OPT_BACKBONE, OPT_SIZE_BY, OPT_LAYOUT, OPT_EDGE_DATA,
	OPT_FIRST_COMMAND_OPTION = 1100,
};

/* Groups of shared options a command accepts (input options always). */
enum { WITH_METRICS = 1, WITH_EXPORT = 2 };

struct command_line {
	struct load_opts load;
	struct metric_opts metrics;
	struct export_filter filter;
	const char *size_by;      /* DOT vertex size: a metric name, or NULL for the default */
	enum layout_kind layout;  /* positions for GraphML, GEXF and JSON */
	unsigned edge_data;       /* EDGE_* columns of collaboration edges besides weight */
	int groups;               /* WITH_* accepted by this command */
	int verbose, quiet;
	const char **inputs;
	size_t n_inputs;
	struct strbuf text; /* the whole command line, for provenance */
};

void command_line_init(struct command_line *cl, int argc, char **argv, int groups);
void command_line_free(struct command_line *cl);
/* Handle one shared option; returns 1 if it was one. Exits 2 on a bad value. */
int input_option(struct command_line *cl, int opt, const char *arg);
/* Collect the CSV operands after getopt; exits 2 when there are none. */
void collect_inputs(struct command_line *cl, int argc, char **argv, const char *command);
/* Seed igraph and read every input into ds; returns 0 or an exit code (already reported). */
int load_inputs(struct command_line *cl, struct dataset *ds);
/* Merge a command's own options with the shared groups it accepts (caller frees). */
struct option *merge_options(const struct option *own, int groups);

/* Print usage (and the shared groups' help) to stdout and exit 0 for --help, or a one-line
 * hint to stderr and exit with code. */
_Noreturn void usage_exit(const char *text, int code, const char *command, int groups);
/* A real number within [min, max], or exit 2 naming the option. */
double parse_number(const char *arg, const char *option, double min, double max);
/* A metric name (or credits/projects) for --by and --size-by, or exit 2. */
const char *metric_arg(const char *arg, const char *option);
/* A whole number within [min, max], or exit 2 naming the option. */
unsigned long parse_count(const char *arg, const char *option, unsigned long min, unsigned long max);

#endif
