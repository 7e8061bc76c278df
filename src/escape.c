#include "escape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

enum { DOT_PIECE = 16000 }; /* under Graphviz's 16,384-byte limit for one quoted string */

static unsigned long replaced;

unsigned long escape_replaced_count(void)
{
	return replaced;
}

static const char replacement[] = "\xEF\xBF\xBD";

void xml_escape(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		const unsigned char *run = p;
		while (*p >= 0x20 && *p < 0x80 && *p != '&' && *p != '<' && *p != '>' && *p != '"' && *p != '\'') p++;
		if (p > run) fwrite(run, 1, (size_t)(p - run), f);
		if (!*p) break;
		unsigned char c = *p;
		switch (c) {
		case '&': fputs("&amp;", f); p++; continue;
		case '<': fputs("&lt;", f); p++; continue;
		case '>': fputs("&gt;", f); p++; continue;
		case '"': fputs("&quot;", f); p++; continue;
		case '\'': fputs("&apos;", f); p++; continue;
		case '\t': fputs("&#9;", f); p++; continue;
		case '\n': fputs("&#10;", f); p++; continue;
		case '\r': fputs("&#13;", f); p++; continue;
		}
		if (c < 0x20) {
			fputs(replacement, f);
			replaced++;
			p++;
			continue;
		}
		size_t len = utf8_seq_len((const char *)p, strnlen((const char *)p, 4));
		if (!len || (len == 3 && c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))) {
			fputs(replacement, f);
			replaced++;
			p += len ? len : 1;
			continue;
		}
		fwrite(p, 1, len, f);
		p += len;
	}
}

void xml_comment_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 && c != '\t' && c != '\n') continue;
		fputc(c, f);
		if (c == '-' && (s[1] == '-' || s[1] == '\0')) fputc(' ', f);
	}
}

void dot_quote(FILE *f, const char *s)
{
	size_t piece = 0;
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		/* Split only before the first byte of a character. */
		if (piece >= DOT_PIECE && (*p & 0xC0) != 0x80) {
			fputs("\" + \"", f);
			piece = 0;
		}
		unsigned char c = *p;
		if (c == '\\' || c == '"') {
			fputc('\\', f);
			fputc(c, f);
			piece += 2;
		} else if (c == '\n') {
			fputs("\\n", f);
			piece += 2;
		} else if (c < 0x20 && c != '\t') {
			replaced += c != '\r';
		} else {
			fputc(c, f);
			piece++;
		}
	}
	fputc('"', f);
}

void csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"') fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void fmt_double(char buf[32], double x)
{
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, 32, "%.*g", prec, x);
		if (prec == 17 || strtod(buf, NULL) == x) return;
	}
}

void fmt_fixed(char buf[64], double x)
{
	if (x == 0 || !isfinite(x)) {
		strcpy(buf, "0");
		return;
	}
	int mag = (int)floor(log10(fabs(x)));
	int decimals = 9 - mag;
	if (decimals < 0) decimals = 0;
	if (decimals > 30) decimals = 30;
	snprintf(buf, 64, "%.*f", decimals, x);
	if (strchr(buf, '.')) {
		char *end = buf + strlen(buf) - 1;
		while (*end == '0') *end-- = '\0';
		if (*end == '.') *end = '\0';
	}
}

void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
		else if (*p == '\n') fputs("\\n", f);
		else if (*p == '\t') fputs("\\t", f);
		else if (*p == '\r') fputs("\\r", f);
		else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
		else fputc(*p, f);
	}
	fputc('"', f);
}
