#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "igraph_glue.h"
#include "normalize.h"
#include "progress.h"
#include "report.h"
#include "xalloc.h"

static const struct option input_options[] = {
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
	{"quiet", no_argument, NULL, 'q'},
	{"verbose", no_argument, NULL, 'v'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static const struct option metric_options[] = {
	{"metrics", required_argument, NULL, OPT_METRICS},
	{"weighted", no_argument, NULL, OPT_WEIGHTED},
	{"gephi", no_argument, NULL, OPT_GEPHI},
	{"exact", no_argument, NULL, OPT_EXACT},
	{"estimate", no_argument, NULL, OPT_ESTIMATE},
	{"samples", required_argument, NULL, OPT_SAMPLES},
	{"pagerank", required_argument, NULL, OPT_PAGERANK},
	{"seed", required_argument, NULL, OPT_SEED},
	{NULL, 0, NULL, 0},
};

static const struct option export_options[] = {
	{"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
	{"top", required_argument, NULL, OPT_TOP},
	{"by", required_argument, NULL, OPT_BY},
	{"giant", no_argument, NULL, OPT_GIANT},
	{"backbone", required_argument, NULL, OPT_BACKBONE},
	{"size-by", required_argument, NULL, OPT_SIZE_BY},
	{"layout", required_argument, NULL, OPT_LAYOUT},
	{"edge-data", required_argument, NULL, OPT_EDGE_DATA},
	{NULL, 0, NULL, 0},
};

static const char input_help[] =
	"Input options:\n"
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
	"  -q, --quiet               no warnings or progress on standard error\n"
	"  -v, --verbose             print each stage's time on standard error\n";

static const char metric_help[] =
	"Metric options:\n"
	"  --metrics <list>          compute only these (comma-separated; default all): degree, strength,\n"
	"                            betweenness, closeness, harmonic, eigenvector, pagerank, coreness,\n"
	"                            community, component\n"
	"  --weighted                path metrics use 1/weight as distance (default: hop counts)\n"
	"  --gephi                   Gephi's conventions: unweighted PageRank and eigenvector\n"
	"  --exact                   never estimate betweenness, closeness and harmonic\n"
	"  --estimate                always estimate them (when the largest component has more\n"
	"                            artists than --samples): a quick first look at a big archive\n"
	"  --samples <n>             sampled sources when estimating (default 256)\n"
	"  --seed <n>                seed for communities and sampling (default 1)\n"
	"  --pagerank <solver>       prpack (igraph), power (power iteration on the edge list, no\n"
	"                            igraph graph needed; equal within 1e-9) or auto: prpack up to\n"
	"                            a million edges, power above (default)\n"
	"Conventions: betweenness unnormalised, each pair once; closeness normalised over the\n"
	"reachable artists (absent for an artist without collaborators); harmonic = sum of 1/d over\n"
	"the others / (n - 1); eigenvector weighted, maximum 1; PageRank weighted, damping 0.85,\n"
	"sums to 1; communities by Leiden (modularity, weighted, seeded), numbered by size.\n"
	"When the largest component's vertices x edges exceed 3e8, betweenness, closeness and harmonic\n"
	"are estimated there from --samples seeded sources (files say so); --exact forces exact.\n";

static const char export_help[] =
	"Export options (collaboration network):\n"
	"  --min-weight <w>          keep collaborations with at least w shared projects\n"
	"  --top <n> --by <metric>   keep the n most central artists and the edges among them\n"
	"  --giant                   keep the largest connected component\n"
	"  --backbone <alpha>        keep significant collaborations (disparity filter, e.g. 0.05)\n"
	"  --size-by <metric>        vertex size in DOT, GEXF and JSON (default pagerank; credits for\n"
	"                            the credits graph)\n"
	"  --layout <name>           positions (x, y) for Gephi and Gephi Lite: auto (Fruchterman-\n"
	"                            Reingold up to 50000 vertices, none above; seeded), fr, drl or none\n"
	"  --edge-data <list>        collaboration edge columns besides weight: newman, years\n"
	"                            (first_year, last_year), projects (shared titles), or none;\n"
	"                            default all (leaner files and less memory for big archives)\n";

void command_line_init(struct command_line *cl, int argc, char **argv, int groups)
{
	memset(cl, 0, sizeof(*cl));
	load_opts_init(&cl->load);
	metric_opts_init(&cl->metrics);
	cl->filter.by = "pagerank";
	cl->edge_data = EDGE_ALL;
	cl->groups = groups;
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

/* --edge-data newman,years,projects | none | all (weight is always written). */
static unsigned parse_edge_data(const char *list)
{
	static const struct { const char *name; unsigned bits; } names[] = {
		{"newman", EDGE_NEWMAN}, {"years", EDGE_YEARS}, {"projects", EDGE_PROJECTS}, {"all", EDGE_ALL},
		{"none", 0},
	};
	unsigned set = 0;
	if (!*list) die(EXIT_USAGE, "--edge-data needs a list: newman, years, projects, all or none");
	while (*list) {
		size_t len = strcspn(list, ","), k = 0;
		while (k < sizeof names / sizeof names[0] && !(strlen(names[k].name) == len && strncmp(list, names[k].name, len) == 0)) k++;
		if (k == sizeof names / sizeof names[0])
			die(EXIT_USAGE, "--edge-data takes a list of newman, years and projects (or all, none), not '%.*s'", (int)len, list);
		set |= names[k].bits;
		list += len + (list[len] == ',');
	}
	return set;
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
	case 'q': report_set_quiet(1); cl->quiet = 1; return 1;
	case 'v': cl->verbose = 1; return 1;
	}
	if (cl->groups & WITH_METRICS) {
		switch (opt) {
		case OPT_METRICS:
			if (metric_parse_list(&cl->metrics, arg) != 0) exit(EXIT_USAGE);
			return 1;
		case OPT_WEIGHTED: cl->metrics.weighted = 1; return 1;
		case OPT_GEPHI: cl->metrics.gephi = 1; return 1;
		case OPT_EXACT: cl->metrics.exact = 1; return 1;
		case OPT_ESTIMATE: cl->metrics.exact_work_limit = 0; return 1;
		case OPT_SAMPLES: cl->metrics.samples = parse_count(arg, "--samples", 1, 1000000); return 1;
		case OPT_SEED: cl->metrics.seed = parse_count(arg, "--seed", 0, 4294967295ul); return 1;
		case OPT_PAGERANK:
			if (strcmp(arg, "auto") == 0) cl->metrics.pagerank = PAGERANK_AUTO;
			else if (strcmp(arg, "prpack") == 0) cl->metrics.pagerank = PAGERANK_PRPACK;
			else if (strcmp(arg, "power") == 0) cl->metrics.pagerank = PAGERANK_POWER;
			else die(EXIT_USAGE, "--pagerank takes auto, prpack or power, not '%s'", arg);
			return 1;
		}
	}
	if (cl->groups & WITH_EXPORT) {
		switch (opt) {
		case OPT_MIN_WEIGHT: cl->filter.min_weight = parse_number(arg, "--min-weight", 0, 1e12); return 1;
		case OPT_TOP: cl->filter.top = parse_count(arg, "--top", 1, 4294967295ul); return 1;
		case OPT_BY: cl->filter.by = metric_arg(arg, "--by"); return 1;
		case OPT_GIANT: cl->filter.giant = 1; return 1;
		case OPT_BACKBONE: cl->filter.backbone = parse_number(arg, "--backbone", 1e-12, 1); return 1;
		case OPT_SIZE_BY: cl->size_by = metric_arg(arg, "--size-by"); return 1;
		case OPT_LAYOUT: cl->layout = layout_parse(arg); return 1;
		case OPT_EDGE_DATA: cl->edge_data = parse_edge_data(arg); return 1;
		}
	}
	return 0;
}

const char *metric_arg(const char *arg, const char *option)
{
	if (metric_by_name(arg) < 0 && strcmp(arg, "credits") != 0 && strcmp(arg, "projects") != 0)
		die(EXIT_USAGE, "%s takes a metric (degree, strength, betweenness, closeness, harmonic, eigenvector, "
		    "pagerank, coreness, credits, projects), not '%s'", option, arg);
	return arg;
}

double parse_number(const char *arg, const char *option, double min, double max)
{
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v >= min && v <= max))
		die(EXIT_USAGE, "%s takes a number from %g to %g, not '%s'", option, min, max, arg);
	return v;
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
	progress_init(cl->verbose, cl->quiet);
	if (cl->load.filter.from && cl->load.filter.to && cl->load.filter.from > cl->load.filter.to)
		die(EXIT_USAGE, "--from %d is after --to %d", cl->load.filter.from, cl->load.filter.to);
}

static size_t append_options(struct option **all, size_t n, const struct option *more)
{
	size_t k = 0;
	while (more[k].name) k++;
	*all = xrealloc(*all, st_mult(n + k + 1, sizeof(**all)));
	memcpy(*all + n, more, (k + 1) * sizeof(**all));
	return n + k;
}

struct option *merge_options(const struct option *own, int groups)
{
	struct option *all = NULL;
	size_t n = append_options(&all, 0, own);
	n = append_options(&all, n, input_options);
	if (groups & WITH_METRICS) n = append_options(&all, n, metric_options);
	if (groups & WITH_EXPORT) n = append_options(&all, n, export_options);
	return all;
}

void usage_exit(const char *text, int code, const char *command, int groups)
{
	if (code == 0) {
		fputs(text, stdout);
		fputs(input_help, stdout);
		if (groups & WITH_METRICS) fputs(metric_help, stdout);
		if (groups & WITH_EXPORT) fputs(export_help, stdout);
		exit(fflush(stdout) || ferror(stdout) ? EXIT_IO : EXIT_OK);
	}
	fprintf(stderr, "See 'credgraph %s --help'.\n", command);
	exit(code);
}

int load_inputs(struct command_line *cl, struct dataset *ds)
{
	glue_init(cl->metrics.seed);
	return dataset_load(ds, cl->inputs, cl->n_inputs, &cl->load);
}
