/* Unicode text handling for identity: validation, identity keys, duplicate skeletons, id slugs.
 * All functions take byte ranges of valid UTF-8 (check with utf8_check first) and run in O(n). */
#ifndef CREDGRAPH_NORMALIZE_H
#define CREDGRAPH_NORMALIZE_H
#include <stddef.h>

#include "strbuf.h"

/* Offset of the first byte that is not part of valid UTF-8 (overlongs and surrogates
 * are invalid), or n when all of s[0..n) is valid. */
size_t utf8_check(const char *s, size_t n);
/* Length of the valid UTF-8 sequence at s (at most avail bytes), or 0 if it is invalid. */
size_t utf8_seq_len(const char *s, size_t avail);
/* Number of code points in s[0..n): the column arithmetic of diagnostics. */
size_t utf8_chars(const char *s, size_t n);

/* Identity key: NFC, Unicode case folding, runs of white space collapsed to one space, trimmed.
 * "  MANÁ " (NFD or NFC) and "maná" give the same key. Appends to out. */
void norm_key(struct strbuf *out, const char *s, size_t n);
/* Possible-duplicate skeleton: compatibility decomposition, marks, punctuation, symbols and
 * white space removed, case folded. "Maná", "Mana" and "M.A.N.A." share one. */
void norm_skeleton(struct strbuf *out, const char *s, size_t n);
/* An ASCII slug [a-z0-9_] of at most max bytes for readable vertex ids; may be empty. */
void norm_slug(struct strbuf *out, const char *s, size_t n, size_t max);
/* Columns the NUL-terminated s takes on a terminal (wide CJK and emoji count 2). */
size_t display_width(const char *s);
/* The first character of s[0..n) that a reader would not want in credits data: control
 * characters anywhere and, when `names`, invisible, bidirectional and no-break spaces. Returns
 * what it is (and sets *offset and *cp), or NULL. */
const char *find_odd_char(const char *s, size_t n, int names, size_t *offset, unsigned *cp);
/* Narrow s[0..*n) to exclude leading and trailing ASCII white space. */
void trim_space(const char **s, size_t *n);

#endif
