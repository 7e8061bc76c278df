#include "table.h"

#include <math.h>
#include <string.h>

#include "normalize.h"
#include "xalloc.h"

void table_init(struct table *t, size_t n_cols, const char *const *head, const int *right)
{
	memset(t, 0, sizeof(*t));
	t->n_cols = n_cols;
	t->head = head;
	t->right = right;
}

void table_add(struct table *t, const char *const *cells)
{
	GROW(t->cells, (t->n_rows + 1) * t->n_cols, t->cap);
	for (size_t c = 0; c < t->n_cols; c++) t->cells[t->n_rows * t->n_cols + c] = xstrdup(cells[c] ? cells[c] : "");
	t->n_rows++;
}

static void pad(FILE *f, size_t n)
{
	while (n--) fputc(' ', f);
}

static void print_row(FILE *f, const struct table *t, const char *const *row, const size_t *width)
{
	for (size_t c = 0; c < t->n_cols; c++) {
		size_t w = display_width(row[c]);
		int last = c + 1 == t->n_cols;
		if (c) fputs("  ", f);
		if (t->right[c]) pad(f, width[c] - w);
		/* Names may hold newlines: show them as spaces so that a row stays one line. */
		for (const char *p = row[c]; *p; p++) fputc(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p, f);
		if (!t->right[c] && !last) pad(f, width[c] - w);
	}
	fputc('\n', f);
}

void table_print(FILE *f, const struct table *t)
{
	size_t *width = xcalloc(t->n_cols, sizeof(size_t));
	for (size_t c = 0; c < t->n_cols; c++) {
		width[c] = display_width(t->head[c]);
		for (size_t r = 0; r < t->n_rows; r++) {
			size_t w = display_width(t->cells[r * t->n_cols + c]);
			if (w > width[c]) width[c] = w;
		}
	}
	print_row(f, t, t->head, width);
	for (size_t r = 0; r < t->n_rows; r++) print_row(f, t, (const char *const *)&t->cells[r * t->n_cols], width);
	free(width);
}

void table_free(struct table *t)
{
	for (size_t i = 0; i < t->n_rows * t->n_cols; i++) free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

void table_number(char buf[32], double x)
{
	if (!isfinite(x)) strcpy(buf, "");
	else if (x == floor(x) && fabs(x) < 1e15) snprintf(buf, 32, "%.0f", x);
	else snprintf(buf, 32, "%.6g", x);
}
