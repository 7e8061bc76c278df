/* credgraph collaborators NAME: who NAME worked with, most shared projects first, with each
 * shared project's year, type and both people's roles. O(sum of NAME's project teams). */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "commands.h"
#include "escape.h"
#include "outbuf.h"
#include "lookup.h"
#include "report.h"
#include "xalloc.h"

enum { GROUPS = 0 };

static const char collaborators_usage[] =
	"usage: credgraph collaborators [--format table|csv] <name> <csv>...\n"
	"\n"
	"Who <name> worked with, ranked by shared projects, with the projects, roles and years of\n"
	"each collaboration. Names match like identities (accents as written, any case, aliases);\n"
	"a vertex id such as a_thom_russo works too.\n"
	"\n"
	"  --format <name>           table (default) or csv (one row per collaborator and project)\n"
	"  -h, --help                this help\n"
	"\n";

struct shared {
	uint32_t other;    /* artist */
	uint32_t project;
	const char *mine, *theirs; /* roles */
};

static const struct dataset *sort_ds;
static const size_t *sort_count;

/* Most shared projects first, then by name; within one collaborator by year, then title. */
static int by_collaboration(const void *x, const void *y)
{
	const struct shared *a = x, *b = y;
	if (a->other != b->other) {
		if (sort_count[a->other] != sort_count[b->other]) return sort_count[a->other] > sort_count[b->other] ? -1 : 1;
		int c = strcmp(sort_ds->artists[a->other].label, sort_ds->artists[b->other].label);
		return c ? c : (a->other > b->other) - (a->other < b->other);
	}
	const struct project *p = &sort_ds->projects[a->project], *q = &sort_ds->projects[b->project];
	int py = p->year ? p->year : 9999, qy = q->year ? q->year : 9999;
	if (py != qy) return py < qy ? -1 : 1;
	int c = strcmp(p->label, q->label);
	return c ? c : (a->project > b->project) - (a->project < b->project);
}

static void roles_text(FILE *f, const char *roles)
{
	for (const char *p = roles; *p; p++) {
		if (*p == '|') fputs(", ", f);
		else fputc(*p, f);
	}
}

int cmd_collaborators(int argc, char **argv)
{
	enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION };
	static const struct option own[] = {{"format", required_argument, NULL, OPT_FORMAT}, {NULL, 0, NULL, 0}};
	struct option *opts = merge_options(own, GROUPS);
	struct command_line cl;
	const char *format = "table";
	int opt;
	command_line_init(&cl, argc, argv, GROUPS);
	while ((opt = getopt_long(argc, argv, "qvh", opts, NULL)) != -1) {
		if (opt == OPT_FORMAT) format = optarg;
		else if (opt == 'h') usage_exit(collaborators_usage, 0, "collaborators", GROUPS);
		else if (!input_option(&cl, opt, optarg)) usage_exit(collaborators_usage, EXIT_USAGE, "collaborators", GROUPS);
	}
	free(opts);
	int csv = strcmp(format, "csv") == 0;
	if (!csv && strcmp(format, "table") != 0) die(EXIT_USAGE, "--format takes table or csv, not '%s'", format);
	if (optind >= argc) {
		error("collaborators needs a name and input files");
		usage_exit(collaborators_usage, EXIT_USAGE, "collaborators", GROUPS);
	}
	const char *name = argv[optind++];
	collect_inputs(&cl, argc, argv, "collaborators");

	struct dataset ds;
	uint32_t me;
	int rc = load_inputs(&cl, &ds);
	if (!rc) rc = lookup_artist(&ds, name, &me);
	if (rc) {
		dataset_free(&ds);
		command_line_free(&cl);
		return rc;
	}

	struct project_index pi;
	project_index_build(&pi, &ds);
	struct shared *rows = NULL;
	size_t n = 0, cap = 0, first, end;
	size_t *count = xcalloc(ds.n_artists + 1, sizeof(size_t));
	artist_links(&ds, me, &first, &end);
	for (size_t l = first; l < end; l++) {
		uint32_t p = ds.links[l].project;
		for (size_t k = pi.start[p]; k < pi.start[p + 1]; k++) {
			const struct link *other = &ds.links[pi.links[k]];
			if (other->artist == me) continue;
			GROW(rows, n + 1, cap);
			rows[n++] = (struct shared){other->artist, p, ds.links[l].roles, other->roles};
			count[other->artist]++;
		}
	}
	sort_ds = &ds;
	sort_count = count;
	if (n) qsort(rows, n, sizeof(*rows), by_collaboration);

	size_t people = 0;
	for (size_t i = 0; i < n; i++) people += i == 0 || rows[i].other != rows[i - 1].other;
	const struct artist *a = &ds.artists[me];
	if (csv) {
		struct outbuf *out = ob_open(stdout);
		ob_puts(out, "collaborator,collaborator_id,shared_projects,project,year,type,roles_of_artist,roles_of_collaborator\n");
		for (size_t i = 0; i < n; i++) {
			const struct shared *r = &rows[i];
			const struct project *p = &ds.projects[r->project];
			csv_field(out, ds.artists[r->other].label);
			ob_putc(out, ',');
			csv_field(out, ds.artists[r->other].id);
			ob_printf(out, ",%zu,", count[r->other]);
			csv_field(out, p->label);
			ob_putc(out, ',');
			if (p->year) ob_printf(out, "%d", p->year);
			ob_putc(out, ',');
			csv_field(out, p->type);
			ob_putc(out, ',');
			csv_field(out, r->mine);
			ob_putc(out, ',');
			csv_field(out, r->theirs);
			ob_putc(out, '\n');
		}
		ob_close(out);
	} else {
		printf("%s: %zu collaborator%s on %u project%s\n", a->label, people, people == 1 ? "" : "s", a->projects,
		       a->projects == 1 ? "" : "s");
		size_t rank = 0;
		for (size_t i = 0; i < n; i++) {
			const struct shared *r = &rows[i];
			const struct artist *b = &ds.artists[r->other];
			if (i == 0 || r->other != rows[i - 1].other)
				printf("\n%3zu. %s: %zu shared project%s\n", ++rank, b->label, count[r->other],
				       count[r->other] == 1 ? "" : "s");
			fputs("       ", stdout);
			project_text(stdout, &ds.projects[r->project]);
			printf(": %s ", a->label);
			roles_text(stdout, r->mine);
			printf("; %s ", b->label);
			roles_text(stdout, r->theirs);
			fputc('\n', stdout);
		}
	}
	if (people == 0) {
		error("'%s' has no collaborators in these credits", a->label);
		rc = EXIT_PROBLEMS;
	}
	free(rows);
	free(count);
	project_index_free(&pi);
	dataset_free(&ds);
	command_line_free(&cl);
	return rc;
}
