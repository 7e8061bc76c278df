/* Aligned plain-text tables for the terminal: text columns left-aligned, numbers right-aligned,
 * widths in display columns (accents, CJK and emoji measured as a terminal shows them). */
#ifndef CREDGRAPH_TABLE_H
#define CREDGRAPH_TABLE_H
#include <stddef.h>
#include <stdio.h>

struct table {
	size_t n_cols, n_rows, cap;
	const char *const *head;
	const int *right;  /* per column: 1 right-aligned */
	char **cells;      /* n_rows * n_cols, owned */
};

void table_init(struct table *t, size_t n_cols, const char *const *head, const int *right);
/* Append a row of n_cols strings (copied; NULL is empty). */
void table_add(struct table *t, const char *const *cells);
void table_print(FILE *f, const struct table *t);
void table_free(struct table *t);
/* Format a number for a table: integers plainly, others to 6 significant digits. */
void table_number(char buf[32], double x);

#endif
