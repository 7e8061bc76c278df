/* Text and number encoding for the writers. Streaming: everything goes straight to a FILE*. */
#ifndef CREDGRAPH_ESCAPE_H
#define CREDGRAPH_ESCAPE_H
#include <stddef.h>
#include <stdio.h>

struct outbuf;

/* XML character data or attribute value: & < > " ' escaped; TAB, LF, CR as character references
 * (kept through attribute normalisation); characters XML cannot carry (C0 controls, U+FFFE,
 * U+FFFF, invalid UTF-8) become U+FFFD and are counted. */
void xml_escape(struct outbuf *f, const char *s);
/* Text for an XML comment: "--" cannot appear, so it is written "- -". */
void xml_comment_text(struct outbuf *f, const char *s);
/* A DOT double-quoted string, quotes included: \ and " escaped, LF as \n, other controls
 * dropped and counted; pieces over 16 KiB joined with DOT's '+' (Graphviz's string limit). */
void dot_quote(struct outbuf *f, const char *s);
/* A CSV field (RFC 4180): quoted when it holds , " CR or LF. */
void csv_field(struct outbuf *f, const char *s);
/* A JSON string, quotes included (input is valid UTF-8). */
void json_string(struct outbuf *f, const char *s);
/* Vertex ids are written once per incident edge. Each is scanned once here: its length when it
 * is printable ASCII needing no escaping in `kind` (most ids are slugs), else 0; the *_id
 * writers below then copy such ids without rescanning them. O(total id bytes). */
enum text_kind { TEXT_XML, TEXT_DOT, TEXT_JSON };
unsigned *plain_lengths(const char *const *s, size_t n, enum text_kind kind);
void xml_escape_id(struct outbuf *f, const char *s, unsigned plain);
void dot_quote_id(struct outbuf *f, const char *s, unsigned plain);
void json_string_id(struct outbuf *f, const char *s, unsigned plain);
/* Characters replaced or dropped so far. */
unsigned long escape_replaced_count(void);
/* Add replacements counted elsewhere (by a writer process). */
void escape_add_replaced(unsigned long n);

/* Shortest text that reads back as the same double ("0.1", "1.23e-05"); C locale. */
void fmt_double(char buf[32], double x);
/* Plain decimal, never e-notation, 10 significant digits, trailing zeros trimmed (DOT). */
void fmt_fixed(char buf[64], double x);
/* snprintf(buf, 64, "%.*f", d, x), faster. */
void fmt_decimals(char buf[64], double x, int d);

#endif
