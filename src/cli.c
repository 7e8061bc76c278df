#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "igraph_glue.h"
#include "normalize.h"
#include "report.h"
#include "xalloc.h"

const struct option input_options[] = {
	{"delimiter", required_argument, NULL, OPT_DELIMITER},
	{"aliases", required_argument, NULL, OPT_ALIASES},
	{"artists", required_argument, NULL, OPT_ARTISTS},
	{"projects", required_argument, NULL, OPT_PROJECTS},
	{"max-field", required_argument, NULL, OPT_MAX_FIELD},
	{"max-fields", required_argument, NULL, OPT_MAX_FIELDS},
	{"max-team", required_argument, NULL, OPT_MAX_TEAM},
	{"role", required_argument, NULL, OPT_ROLE},
	{"from", required_argument, NULL, OPT_FROM},
	{"to", required_argument, NULL, OPT_TO},
	{"type", required_argument, NULL, OPT_TYPE},
	{"exclude-type", required_argument, NULL, OPT_EXCLUDE_TYPE},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"seed", required_argument, NULL, OPT_SEED},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

const char input_options_help[] =
	"Input options (every command):\n"
	"  <csv>...                  credit files; '-' reads standard input\n"
	"  --delimiter <c>           ',' ';' or 'tab' (default: detected from the header line)\n"
	"  --aliases <file>          CSV name,canonical: aliased artist names become one vertex\n"
	"  --artists <file>          CSV of artist attributes (an artist column, then any columns)\n"
	"  --projects <file>         CSV of project attributes (project, optional year and type, then any)\n"
	"  --role <role>             keep only credits with this role (repeatable, or comma-separated)\n"
	"  --from <year>, --to <year>  keep only credits of projects released within these years\n"
	"  --type <type>             keep only projects of this type (album, song, film, tv, ...)\n"
	"  --exclude-type <type>     leave out projects of this type (e.g. soundtrack, compilation)\n"
	"  --max-field <bytes>       longest field accepted (default 64 MiB)\n"
	"  --max-fields <n>          most fields in a row (default 10000)\n"
	"  --max-team <n>            projects with more artists stay out of the collaboration\n"
	"                            network (default 1000)\n"
	"  --strict                  treat warnings as errors (exit 3)\n"
	"  --seed <n>                random seed for seeded algorithms (default 1)\n"
	"  -q, --quiet               no warnings on standard error\n";

void command_line_init(struct command_line *cl, int argc, char **argv)
{
	memset(cl, 0, sizeof(*cl));
	load_opts_init(&cl->load);
	cl->seed = 1;
	sb_init(&cl->text);
	sb_addstr(&cl->text, "credgraph");
	for (int i = 0; i < argc; i++) {
		int plain = argv[i][0] && !argv[i][strcspn(argv[i], " \t\n\"'\\")];
		sb_addch(&cl->text, ' ');
		if (plain) sb_addstr(&cl->text, argv[i]);
		else {
			sb_addch(&cl->text, '\'');
			for (const char *p = argv[i]; *p; p++) {
				if (*p == '\'') sb_addstr(&cl->text, "'\\''");
				else sb_addch(&cl->text, *p);
			}
			sb_addch(&cl->text, '\'');
		}
	}
}

void command_line_free(struct command_line *cl)
{
	for (size_t i = 0; i < cl->load.filter.n_roles; i++) free((char *)cl->load.filter.roles[i]);
	for (size_t i = 0; i < cl->load.filter.n_types; i++) free((char *)cl->load.filter.types[i]);
	for (size_t i = 0; i < cl->load.filter.n_exclude_types; i++) free((char *)cl->load.filter.exclude_types[i]);
	free(cl->load.filter.roles);
	free(cl->load.filter.types);
	free(cl->load.filter.exclude_types);
	free(cl->inputs);
	sb_release(&cl->text);
}

unsigned long parse_count(const char *arg, const char *option, unsigned long min, unsigned long max)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-' || arg[0] == ' ' || v < min || v > max)
		die(EXIT_USAGE, "%s takes a whole number from %lu to %lu, not '%s'", option, min, max, arg);
	return v;
}

/* Append each comma-separated item, normalised like identity keys, to a filter list. */
static void add_items(const char ***list, size_t *n, const char *arg)
{
	while (*arg) {
		size_t len = strcspn(arg, ",");
		const char *item = arg;
		size_t ilen = len;
		trim_space(&item, &ilen);
		if (ilen) {
			struct strbuf sb = STRBUF_INIT;
			sb_init(&sb);
			norm_key(&sb, item, ilen);
			*list = xrealloc(*list, st_mult(*n + 1, sizeof(char *)));
			(*list)[(*n)++] = xstrndup(sb.buf, sb.len);
			sb_release(&sb);
		}
		arg += len + (arg[len] == ',');
	}
}

int input_option(struct command_line *cl, int opt, const char *arg)
{
	struct load_opts *o = &cl->load;
	switch (opt) {
	case OPT_DELIMITER:
		if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0 || strcmp(arg, "\t") == 0) o->csv.delimiter = '\t';
		else if (strcmp(arg, ",") == 0 || strcmp(arg, ";") == 0) o->csv.delimiter = arg[0];
		else die(EXIT_USAGE, "--delimiter takes ',', ';' or 'tab', not '%s'", arg);
		return 1;
	case OPT_ALIASES: o->aliases = arg; return 1;
	case OPT_ARTISTS: o->artist_table = arg; return 1;
	case OPT_PROJECTS: o->project_table = arg; return 1;
	case OPT_MAX_FIELD: o->csv.max_field = parse_count(arg, "--max-field", 1, 1ul << 40); return 1;
	case OPT_MAX_FIELDS: o->csv.max_fields = parse_count(arg, "--max-fields", 1, 100000000); return 1;
	case OPT_MAX_TEAM: o->max_team = parse_count(arg, "--max-team", 2, 1000000); return 1;
	case OPT_ROLE: add_items(&o->filter.roles, &o->filter.n_roles, arg); return 1;
	case OPT_TYPE: add_items(&o->filter.types, &o->filter.n_types, arg); return 1;
	case OPT_EXCLUDE_TYPE: add_items(&o->filter.exclude_types, &o->filter.n_exclude_types, arg); return 1;
	case OPT_FROM: o->filter.from = (int)parse_count(arg, "--from", 1800, 2100); return 1;
	case OPT_TO: o->filter.to = (int)parse_count(arg, "--to", 1800, 2100); return 1;
	case OPT_STRICT: o->strict = 1; return 1;
	case OPT_SEED: cl->seed = parse_count(arg, "--seed", 0, 4294967295ul); return 1;
	case 'q': report_set_quiet(1); return 1;
	}
	return 0;
}

void collect_inputs(struct command_line *cl, int argc, char **argv, const char *command)
{
	if (optind >= argc) {
		fprintf(stderr, "credgraph: error: no input files (give one or more CSV files, or '-' for standard input)\n"
		                "See 'credgraph %s --help'.\n", command);
		exit(EXIT_USAGE);
	}
	cl->n_inputs = (size_t)(argc - optind);
	cl->inputs = xmalloc(st_mult(cl->n_inputs, sizeof(char *)));
	for (size_t i = 0; i < cl->n_inputs; i++) cl->inputs[i] = argv[optind + (int)i];
	if (cl->load.filter.from && cl->load.filter.to && cl->load.filter.from > cl->load.filter.to)
		die(EXIT_USAGE, "--from %d is after --to %d", cl->load.filter.from, cl->load.filter.to);
}

struct option *merge_options(const struct option *own)
{
	size_t a = 0, b = 0;
	while (own[a].name) a++;
	while (input_options[b].name) b++;
	struct option *all = xcalloc(a + b + 1, sizeof(*all));
	memcpy(all, own, a * sizeof(*all));
	memcpy(all + a, input_options, b * sizeof(*all));
	return all;
}

void usage_exit(const char *text, int code, const char *command)
{
	if (code == 0) {
		fputs(text, stdout);
		fputs(input_options_help, stdout);
		exit(fflush(stdout) || ferror(stdout) ? EXIT_IO : EXIT_OK);
	}
	fprintf(stderr, "See 'credgraph %s --help'.\n", command);
	exit(code);
}

int load_inputs(struct command_line *cl, struct dataset *ds)
{
	glue_init(cl->seed);
	return dataset_load(ds, cl->inputs, cl->n_inputs, &cl->load);
}
