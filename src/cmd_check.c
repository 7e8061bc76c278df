/* credgraph check: every problem in a set of credit files, located, without building anything.
 * Exit 0 when clean, 1 when it found problems, 4 when a file cannot be read. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "escape.h"
#include "report.h"

enum { GROUPS = 0 };

static const char check_usage[] =
	"usage: credgraph check [--format text|json] [<options>] <csv>...\n"
	"\n"
	"Report every problem in credit files as FILE:LINE:COL: error|warning: what (column NAME),\n"
	"then a summary. Errors stop 'build' (quoting, encoding, missing columns); warnings are\n"
	"worked around (skipped rows, years that are not years, duplicate rows, possible duplicate\n"
	"names, odd characters, oversized teams). Exit status: 0 clean, 1 problems found, 4 a file\n"
	"could not be read.\n"
	"\n"
	"  --format <name>           text (default; messages on standard error) or json (standard output)\n"
	"  -h, --help                this help\n"
	"\n";

int cmd_check(int argc, char **argv)
{
	enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION };
	static const struct option own[] = {{"format", required_argument, NULL, OPT_FORMAT}, {NULL, 0, NULL, 0}};
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	const char *format = "text";
	int opt;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "qvh", opts, NULL)) != -1) {
		if (opt == OPT_FORMAT) format = optarg;
		else if (opt == 'h') usage_exit(check_usage, 0, "check", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(check_usage, EXIT_USAGE, "check", GROUPS);
	}
	free(opts);
	int json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) die(EXIT_USAGE, "--format takes text or json, not '%s'", format);
	collect_inputs(&cl, argc, argv, "check");

	report_set_limit(0);
	report_set_collect(json);
	cl.load.keep_going = 1;
	struct dataset ds;
	int rc = load_inputs(&cl, &ds);
	unsigned long errors = report_error_count(), warnings = report_warning_count();
	if (json) {
		printf("{\"files\": %zu, \"rows\": %zu, \"errors\": %lu, \"warnings\": %lu, \"problems\": ", cl.n_inputs,
		       ds.rows_read, errors, warnings);
		report_print_json(stdout);
		puts("}");
	} else {
		printf("checked %zu file%s, %zu row%s: %lu error%s, %lu warning%s\n", cl.n_inputs, cl.n_inputs == 1 ? "" : "s",
		       ds.rows_read, ds.rows_read == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
		       warnings == 1 ? "" : "s");
	}
	dataset_free(&ds);
	command_line_free(&cl);
	if (rc == EXIT_IO) return EXIT_IO;
	return errors || warnings ? EXIT_PROBLEMS : EXIT_OK;
}
