/* The CSV loader fed every input at every chunk size from 1 to its length (as libcsv's own
 * tests do): records, fields, positions and error messages must not depend on where the
 * chunks break. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvload.h"
#include "harness.h"
#include "report.h"
#include "strbuf.h"

static int record_events(const struct csv_record *r, void *user)
{
	struct strbuf *sb = user;
	sb_addf(sb, "%lu[", r->line);
	for (size_t i = 0; i < r->n; i++) {
		const struct csv_field *f = &r->f[i];
		sb_addf(sb, "%s%s%s@%lu:%lu", i ? "|" : "", f->missing ? "~" : "", f->s, f->line, f->col);
	}
	sb_addstr(sb, "]");
	return 0;
}

/* Everything a record carries, hashes and earlier copies included. */
static int record_all(const struct csv_record *r, void *user)
{
	struct strbuf *sb = user;
	record_events(r, user);
	if (r->first) sb_addf(sb, "=%u:%u", (unsigned)r->first->input, (unsigned)r->first->line);
	for (size_t i = 0; i < r->n; i++) sb_addf(sb, "/%d%llx", r->f[i].plain, (unsigned long long)r->f[i].hash);
	return 0;
}

/* Events and diagnostics of one parse; returns the loader's result. */
static int parse_with(const char *input, size_t len, const struct csv_opts *opts, csv_record_fn fn,
                      struct strbuf *events, char **messages)
{
	size_t msg_len;
	FILE *msgs = open_memstream(messages, &msg_len);
	FILE *in = fmemopen((void *)input, len, "rb");
	report_set_stream(msgs);
	struct csv_stats st;
	int rc = csv_load_stream(in, "t.csv", opts, fn, events, &st);
	/* The differential test compares what was read, too: after an error, a prefix whose
	 * length depends on the chunking. */
	if (fn == record_all && rc == 0)
		sb_addf(events, "(%llu bytes, %lu lines, %zu records)", (unsigned long long)st.bytes, st.lines, st.records);
	report_set_stream(NULL);
	fclose(in);
	fclose(msgs);
	return rc;
}

static struct csv_opts options(size_t chunk, char delimiter, struct csv_dupes *dupes, uint32_t input_no)
{
	struct csv_opts opts = csv_default_opts;
	opts.chunk_size = chunk;
	opts.delimiter = delimiter;
	opts.dupes = dupes;
	opts.input = input_no;
	return opts;
}

static int parse(const char *input, size_t len, size_t chunk, char delimiter, struct strbuf *events, char **messages)
{
	struct csv_opts opts = options(chunk, delimiter, NULL, 0);
	return parse_with(input, len, &opts, record_events, events, messages);
}

/* Parse at every chunk size and compare with the expected events, result and messages. */
static void expect(const char *input, char delimiter, int want_rc, const char *want_events, const char *want_msgs)
{
	size_t len = strlen(input);
	for (size_t chunk = 1; chunk <= len + 1; chunk++) {
		struct strbuf ev = STRBUF_INIT;
		char *msgs = NULL;
		sb_init(&ev);
		int rc = parse(input, len, chunk, delimiter, &ev, &msgs);
		int ok = rc == want_rc && strcmp(ev.buf, want_events) == 0 && strcmp(msgs, want_msgs) == 0;
		CHECK(ok);
		if (!ok) {
			fprintf(stderr, "  input %s, chunk %zu\n  rc %d (want %d)\n  events %s\n  want   %s\n  msgs %s  want %s\n",
			        input, chunk, rc, want_rc, ev.buf, want_events, msgs, want_msgs);
			chunk = len + 1; /* one report per input is enough */
		}
		free(msgs);
		sb_release(&ev);
	}
}

static int stop_at;

static int record_until(const struct csv_record *r, void *user)
{
	record_events(r, user);
	return stop_at && atoi(r->f[0].s) == stop_at ? 7 : 0;
}

/* An input of many batches, read by two threads: records and messages come out in input
 * order, and a callback's stop ends the reading there. Rows with a stray quote or invalid
 * UTF-8 are sprinkled through it, or every row has a stray quote. */
static void expect_big(size_t rows, size_t chunk, int stop, int all_stray)
{
	struct strbuf in = STRBUF_INIT, want = STRBUF_INIT, want_msgs = STRBUF_INIT, ev = STRBUF_INIT;
	sb_init(&in), sb_init(&want), sb_init(&want_msgs), sb_init(&ev);
	sb_addstr(&in, "a,b\n");
	sb_addstr(&want, "1[a@1:1|b@1:3]");
	int want_rc = 0;
	for (size_t i = 1; i <= rows; i++) {
		unsigned long line = (unsigned long)i + 1;
		if (stop && i > (size_t)stop) break;
		if (i % 997 == 0 || all_stray) {
			sb_addf(&in, "%zu,x\"y\n", i);
			sb_addf(&want_msgs, "t.csv:%lu:%d: error: stray quote: a quote inside a field must be doubled (\"\") and "
			        "the field itself quoted; this row cannot be read\n", line, snprintf(NULL, 0, "%zu", i) + 3);
			want_rc = EXIT_DATA;
		} else if (i % 1009 == 0) {
			sb_addf(&in, "%zu,x\xE9y\n", i);
			sb_addf(&want_msgs, "t.csv:%lu:%d: error: invalid UTF-8 (byte 0xE9); re-save the file as UTF-8\n", line,
			        snprintf(NULL, 0, "%zu", i) + 3);
			want_rc = EXIT_DATA;
		} else {
			sb_addf(&in, "%zu,v%zu\n", i, i);
			sb_addf(&want, "%lu[%zu@%lu:1|v%zu@%lu:%d]", line, i, line, i, line, snprintf(NULL, 0, "%zu", i) + 2);
		}
	}
	if (stop) {
		want_rc = 7;
		for (size_t i = (size_t)stop + 1; i <= rows; i++) sb_addf(&in, "%zu,x\"y\n", i);
	}
	stop_at = stop;
	size_t msg_len;
	char *msgs = NULL;
	FILE *m = open_memstream(&msgs, &msg_len);
	FILE *f = fmemopen(in.buf, in.len, "rb");
	struct csv_opts opts = csv_default_opts;
	opts.chunk_size = chunk;
	report_set_stream(m);
	int rc = csv_load_stream(f, "t.csv", &opts, record_until, &ev, NULL);
	report_set_stream(NULL);
	fclose(f);
	fclose(m);
	CHECK(in.len > 4 * 65536);
	INT_EQ(rc, want_rc);
	CHECK(strcmp(ev.buf, want.buf) == 0);
	CHECK(strcmp(msgs, want_msgs.buf) == 0);
	free(msgs);
	sb_release(&in), sb_release(&want), sb_release(&want_msgs), sb_release(&ev);
}

/* The records, hashes, earlier copies, messages and result of reading `in` at chunk size 1
 * (through libcsv only) and in one chunk (the fast path where it can); max_fields 0: the
 * default. Prints the difference when they differ. */
static int same_both_ways(const struct strbuf *in, size_t max_fields)
{
	struct strbuf slow = STRBUF_INIT, fast = STRBUF_INIT;
	sb_init(&slow), sb_init(&fast);
	char *slow_msgs = NULL, *fast_msgs = NULL;
	struct csv_dupes slow_dupes = {0}, fast_dupes = {0};
	struct csv_opts slow_opts = options(1, 0, &slow_dupes, 0), fast_opts = options(in->len + 1, 0, &fast_dupes, 0);
	if (max_fields) slow_opts.max_fields = fast_opts.max_fields = max_fields;
	int slow_rc = parse_with(in->buf, in->len, &slow_opts, record_all, &slow, &slow_msgs);
	int fast_rc = parse_with(in->buf, in->len, &fast_opts, record_all, &fast, &fast_msgs);
	csv_dupes_free(&slow_dupes), csv_dupes_free(&fast_dupes);
	int ok = slow_rc == fast_rc && strcmp(slow.buf, fast.buf) == 0 && strcmp(slow_msgs, fast_msgs) == 0;
	if (!ok)
		fprintf(stderr, "  input '%s'\n  libcsv rc %d %s\n%s  fast   rc %d %s\n%s", in->buf, slow_rc, slow.buf, slow_msgs,
		        fast_rc, fast.buf, fast_msgs);
	free(slow_msgs), free(fast_msgs);
	sb_release(&slow), sb_release(&fast);
	return ok;
}

/* Lines without quotes are read without libcsv when a whole line sits in one chunk, never at
 * chunk size 1: random lines built from the bytes that matter to either reader, and from runs
 * long enough for the 16-byte scan, must give the same records, hashes, earlier copies,
 * messages and result both ways. */
static void fast_path_matches_libcsv(unsigned n_inputs)
{
	static const struct {
		const char *s;
		size_t n;
	} pieces[] = {{"a", 1},   {"b", 1},      {"\xC3\xA9", 2}, {",", 1},   {",", 1},   {";", 1},
	              {"\t", 1},  {" ", 1},      {"\"", 1},       {"\r", 1},  {"\n", 1},  {"\n", 1},
	              {"\r\n", 2}, {"\xE9", 1},   {"x y", 3},      {"", 0},    {"\x01", 1}, {"\0", 1},
	              {"~", 1},   {"\x7F", 1},  {"abcdefghijklmnopq", 17}, {"0123456789", 10},
	              {"\xC3\xA9\xC3\xA9\xC3\xA9x", 7}, {"\xC2\xBF", 2}, {"\xC0", 1},
	              {"\x1F", 1}};
	uint64_t state = 0x2545F4914F6CDD1DULL;
	for (unsigned t = 0; t < n_inputs; t++) {
		struct strbuf in = STRBUF_INIT;
		sb_init(&in);
		size_t n_pieces = 1 + t % 40;
		for (size_t k = 0; k < n_pieces; k++) {
			state ^= state << 13, state ^= state >> 7, state ^= state << 17;
			size_t i = state % (sizeof pieces / sizeof *pieces);
			sb_add(&in, pieces[i].s, pieces[i].n);
		}
		/* The field limit too, reached on either path. (Not the length limit: libcsv's path
		 * also counts the raw bytes of a field fed in pieces, spaces it drops included, so at
		 * a few bytes its verdict depends on the chunk size.) */
		int ok = same_both_ways(&in, t % 3 == 1 ? 1 + t % 4 : 0);
		CHECK(ok);
		if (!ok) t = n_inputs; /* one report is enough */
		sb_release(&in);
	}
}

/* Lines of 62 to 66 fields, around the fast path's limit of 64, with short fields and with
 * fields longer than the 16-byte scan. */
static void wide_lines_match_libcsv(void)
{
	static const char *const fields[] = {"a", "abcdefghijklmnopqrs", "\xC3\xA9t\xC3\xA9 x", ""};
	for (size_t width = 62; width <= 66; width++)
		for (size_t shape = 0; shape < 4; shape++) {
			struct strbuf in = STRBUF_INIT;
			sb_init(&in);
			for (size_t line = 0; line < 2; line++) {
				for (size_t k = 0; k < width; k++)
					sb_addf(&in, "%s%s", k ? "," : "", fields[shape == 3 ? k % 3 : shape]);
				sb_addstr(&in, "\n");
			}
			CHECK(same_both_ways(&in, 0));
			sb_release(&in);
		}
}

static int record_copies(const struct csv_record *r, void *user)
{
	record_events(r, user);
	if (r->first) sb_addf(user, "=%u:%u", (unsigned)r->first->input, (unsigned)r->first->line);
	return 0;
}

/* Reads the inputs in turn with one duplicate table; compares the records of the last. */
static void expect_copies(const char *const *inputs, size_t n, const char *want)
{
	struct csv_dupes dupes = {0};
	struct strbuf ev = STRBUF_INIT;
	sb_init(&ev);
	for (size_t k = 0; k < n; k++) {
		char *msgs = NULL;
		sb_reset(&ev);
		struct csv_opts opts = options(4096, 0, &dupes, (uint32_t)k);
		parse_with(inputs[k], strlen(inputs[k]), &opts, record_copies, &ev, &msgs);
		free(msgs);
	}
	int ok = strcmp(ev.buf, want) == 0;
	CHECK(ok);
	if (!ok) fprintf(stderr, "  copies %s\n  want   %s\n", ev.buf, want);
	csv_dupes_free(&dupes);
	sb_release(&ev);
}

static void duplicates(void)
{
	/* Within a file: the first copy's line. Fields compare as read: quotes and the spaces
	 * libcsv drops around an unquoted field do not count, quoted spaces do. */
	expect_copies((const char *const[]){"a,b\nx,y\nx,y\n\"x\",y\nx ,y\n\" x\",y\n"}, 1,
	              "1[a@1:1|b@1:3]2[x@2:1|y@2:3]3[x@3:1|y@3:3]=0:24[x@4:1|y@4:5]=0:25[x@5:1|y@5:4]=0:26[ x@6:1|y@6:6]");
	/* Across files under the same header, but not under another: the header is not a row. */
	expect_copies((const char *const[]){"a,b\nx,y\n", "a,b\nx,y\na,b\n"}, 2, "1[a@1:1|b@1:3]2[x@2:1|y@2:3]=0:23[a@3:1|b@3:3]");
	expect_copies((const char *const[]){"a,b\nx,y\n", "b,a\nx,y\n"}, 2, "1[b@1:1|a@1:3]2[x@2:1|y@2:3]");
}

/* A stream of unknown size: the table starts small and grows as records come, and every
 * copy still finds its first. */
static void copies_while_growing(size_t distinct)
{
	struct strbuf in = STRBUF_INIT, want = STRBUF_INIT;
	sb_init(&in), sb_init(&want);
	sb_addstr(&in, "a,b\n");
	sb_addstr(&want, "1[a@1:1|b@1:3]");
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < distinct; i++) {
			unsigned long line = (unsigned long)(pass * distinct + i) + 2;
			int width = snprintf(NULL, 0, "%zu", i);
			sb_addf(&in, "%zu,v\n", i);
			sb_addf(&want, "%lu[%zu@%lu:1|v@%lu:%d]", line, i, line, line, width + 2);
			if (pass) sb_addf(&want, "=0:%lu", (unsigned long)i + 2);
		}
	expect_copies((const char *const[]){in.buf}, 1, want.buf);
	sb_release(&in), sb_release(&want);
}

int main(void)
{
	duplicates();
	copies_while_growing(5000);
	fast_path_matches_libcsv(50000);
	wide_lines_match_libcsv();
	expect_big(40000, 1u << 20, 0, 0);
	expect_big(40000, 4093, 0, 0);
	expect_big(40000, 4096, 20000, 0);
	/* Many batches (about 1.8 MB of fields) in a few big chunks: the ring of batches fills up
	 * and goes round, and a stop is seen while the parser waits for room in it. */
	expect_big(150000, 1u << 20, 0, 0);
	expect_big(150000, 1u << 20, 30000, 0);
	/* Megabytes of messages and no good record: handed over as they come. */
	expect_big(40000, 1u << 20, 0, 1);
	expect("a,b\n1,2\n", 0, 0, "1[a@1:1|b@1:3]2[1@2:1|2@2:3]", "");
	expect("a,b\n1,2", 0, 0, "1[a@1:1|b@1:3]2[1@2:1|2@2:3]", "");
	expect("a,b\r\n1,2\r\n", 0, 0, "1[a@1:1|b@1:3]2[1@2:1|2@2:3]", "");
	expect("a,b\r1,2\r3,4\n", 0, 0, "1[a@1:1|b@1:3]2[1@2:1|2@2:3]3[3@3:1|4@3:3]", "");
	expect("\xEF\xBB\xBF" "a,b\n1,2\n", 0, 0, "1[a@1:1|b@1:3]2[1@2:1|2@2:3]", "");
	expect("a,b\n\n\r\n1,2\n", 0, 0, "1[a@1:1|b@1:3]4[1@4:1|2@4:3]", "");
	/* A quoted newline moves the following fields and records down a line. */
	expect("a,b\n\"x\ny\",z\nq,r\n", 0, 0, "1[a@1:1|b@1:3]2[x\ny@2:1|z@3:4]4[q@4:1|r@4:3]", "");
	expect("a,b\r\n\"x\r\ny\",z\r\n", 0, 0, "1[a@1:1|b@1:3]2[x\r\ny@2:1|z@3:4]", "");
	/* Columns count characters, not bytes. */
	expect("\xC3\xA9t\xC3\xA9,\xC3\xBC,x\n", 0, 0, "1[\xC3\xA9t\xC3\xA9@1:1|\xC3\xBC@1:5|x@1:7]", "");
	/* Missing (unquoted empty) versus quoted empty. */
	expect("a,b,c\n,\"\",x\n", 0, 0, "1[a@1:1|b@1:3|c@1:5]2[~@2:1|@2:2|x@2:5]", "");
	expect("a,b,\n1,2,\n", 0, 0, "1[a@1:1|b@1:3|~@1:5]2[1@2:1|2@2:3|~@2:5]", "");
	expect("\"a \"\"q\"\" b\",c\n", 0, 0, "1[a \"q\" b@1:1|c@1:13]", "");
	/* Delimiters: detected from the header line, or given. */
	expect("a;b\n1;2,5\n", 0, 0, "1[a@1:1|b@1:3]2[1@2:1|2,5@2:3]", "");
	expect("a\tb\n1\t2\n", 0, 0, "1[a@1:1|b@1:3]2[1@2:1|2@2:3]", "");
	expect("a;b\n1;2\n", ',', 0, "1[a;b@1:1]2[1;2@2:1]", "");
	/* Errors, located at the same place whatever the chunking. */
	expect("a,b\n1,x\"y\n", 0, EXIT_DATA, "1[a@1:1|b@1:3]",
	       "t.csv:2:4: error: stray quote: a quote inside a field must be doubled (\"\") and the field itself "
	       "quoted; this row cannot be read\n");
	/* Reading goes on after a quoting error, so that every one is reported. */
	expect("a,b\n1,x\"y\n2,3\n4,\"q\"z,w\r\n5,6\n", 0, EXIT_DATA, "1[a@1:1|b@1:3]3[2@3:1|3@3:3]5[5@5:1|6@5:3]",
	       "t.csv:2:4: error: stray quote: a quote inside a field must be doubled (\"\") and the field itself "
	       "quoted; this row cannot be read\n"
	       "t.csv:4:6: error: stray quote: a quote inside a field must be doubled (\"\") and the field itself "
	       "quoted; this row cannot be read\n");
	expect("a,b\n1,\"abc\n", 0, EXIT_DATA, "1[a@1:1|b@1:3]",
	       "t.csv:2:3: error: unterminated quoted field: the quote opened here is never closed\n");
	expect("a,b\n1,x\xE9y\n2,3\n", 0, EXIT_DATA, "1[a@1:1|b@1:3]3[2@3:1|3@3:3]",
	       "t.csv:2:4: error: invalid UTF-8 (byte 0xE9); re-save the file as UTF-8\n");
	expect("", 0, 0, "", "");
	return harness_finish("csvload");
}
