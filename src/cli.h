/* Command-line plumbing shared by every command: usage text, strict number parsing, and the
 * input options every command accepts (delimiter, aliases, attribute tables, limits, filters). */
#ifndef CREDGRAPH_CLI_H
#define CREDGRAPH_CLI_H
#include <getopt.h>
#include <stddef.h>

#include "dataset.h"
#include "strbuf.h"

/* getopt_long codes of the shared input options (above any short option). */
enum {
	OPT_DELIMITER = 1000, OPT_ALIASES, OPT_ARTISTS, OPT_PROJECTS, OPT_MAX_FIELD, OPT_MAX_FIELDS,
	OPT_MAX_TEAM, OPT_ROLE, OPT_FROM, OPT_TO, OPT_TYPE, OPT_EXCLUDE_TYPE, OPT_STRICT, OPT_SEED,
	OPT_FIRST_COMMAND_OPTION = 1100,
};

/* The shared long options, for merging into a command's table (ends with a zero entry). */
extern const struct option input_options[];
/* The help lines describing them. */
extern const char input_options_help[];

struct command_line {
	struct load_opts load;
	unsigned long seed;
	const char **inputs;
	size_t n_inputs;
	struct strbuf text; /* the whole command line, for provenance */
};

void command_line_init(struct command_line *cl, int argc, char **argv);
void command_line_free(struct command_line *cl);
/* Handle one shared option; returns 1 if it was one. Exits 2 on a bad value. */
int input_option(struct command_line *cl, int opt, const char *arg);
/* Collect the CSV operands after getopt; exits 2 when there are none. */
void collect_inputs(struct command_line *cl, int argc, char **argv, const char *command);
/* Seed igraph and read every input into ds; returns 0 or an exit code (already reported). */
int load_inputs(struct command_line *cl, struct dataset *ds);
/* Merge a command's own options with the shared ones into a new table (caller frees). */
struct option *merge_options(const struct option *own);

/* Print usage to stdout (exit 0) for --help, or a one-line hint to stderr (exit 2). */
_Noreturn void usage_exit(const char *text, int code, const char *command);
/* A whole number within [min, max], or exit 2 naming the option. */
unsigned long parse_count(const char *arg, const char *option, unsigned long min, unsigned long max);

#endif
