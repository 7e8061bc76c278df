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

/* Events and diagnostics of one parse; returns the loader's result. */
static int parse(const char *input, size_t len, size_t chunk, char delimiter, struct strbuf *events, char **messages)
{
	size_t msg_len;
	FILE *msgs = open_memstream(messages, &msg_len);
	FILE *in = fmemopen((void *)input, len, "rb");
	struct csv_opts opts = csv_default_opts;
	opts.chunk_size = chunk;
	opts.delimiter = delimiter;
	report_set_stream(msgs);
	int rc = csv_load_stream(in, "t.csv", &opts, record_events, events, NULL);
	report_set_stream(NULL);
	fclose(in);
	fclose(msgs);
	return rc;
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

int main(void)
{
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
