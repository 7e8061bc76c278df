/* Any bytes read by the CSV loader at chunk size 1, where every line goes through libcsv, and
 * in one chunk, where plain lines are split without it: the records (fields, positions,
 * hashes, earlier copies), the messages, the result and what was read must be the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvload.h"
#include "report.h"
#include "strbuf.h"

static int record(const struct csv_record *r, void *user)
{
	struct strbuf *sb = user;
	sb_addf(sb, "%lu:%zu[", r->line, r->index);
	for (size_t i = 0; i < r->n; i++) {
		const struct csv_field *f = &r->f[i];
		sb_addf(sb, "|%d%d%lu:%lu:%zu:%llx:", f->missing, f->plain, f->line, f->col, f->len,
		        (unsigned long long)f->hash);
		sb_add(sb, f->s, f->len);
	}
	if (r->first) sb_addf(sb, "]=%u:%u", (unsigned)r->first->input, (unsigned)r->first->line);
	sb_addstr(sb, "]\n");
	return 0;
}

static int parse(const uint8_t *data, size_t size, size_t chunk, struct strbuf *events, char **messages)
{
	size_t msg_len;
	FILE *msgs = open_memstream(messages, &msg_len);
	FILE *in = fmemopen((void *)data, size, "rb");
	struct csv_dupes dupes = {0};
	struct csv_opts opts = csv_default_opts;
	opts.chunk_size = chunk;
	opts.dupes = &dupes;
	report_set_stream(msgs);
	struct csv_stats st;
	int rc = csv_load_stream(in, "f.csv", &opts, record, events, &st);
	if (rc == 0) /* after an error, a prefix whose length depends on the chunking */
		sb_addf(events, "(%llu bytes, %lu lines, %zu records)", (unsigned long long)st.bytes, st.lines, st.records);
	report_set_stream(NULL);
	fclose(in);
	fclose(msgs);
	csv_dupes_free(&dupes);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0) return 0; /* fmemopen refuses an empty buffer */
	struct strbuf slow = STRBUF_INIT, fast = STRBUF_INIT;
	sb_init(&slow), sb_init(&fast);
	char *slow_msgs = NULL, *fast_msgs = NULL;
	int slow_rc = parse(data, size, 1, &slow, &slow_msgs);
	int fast_rc = parse(data, size, size + 1, &fast, &fast_msgs);
	if (slow_rc != fast_rc || strcmp(slow.buf, fast.buf) != 0 || strcmp(slow_msgs, fast_msgs) != 0) abort();
	free(slow_msgs), free(fast_msgs);
	sb_release(&slow), sb_release(&fast);
	return 0;
}
