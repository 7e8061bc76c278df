#include "escape.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "outbuf.h"
#include "xalloc.h"

enum { DOT_PIECE = 16000 }; /* under Graphviz's 16,384-byte limit for one quoted string */

static unsigned long replaced;

unsigned long escape_replaced_count(void)
{
	return replaced;
}

void escape_add_replaced(unsigned long n)
{
	replaced += n;
}

static const char replacement[] = "\xEF\xBF\xBD";

void xml_escape(struct outbuf *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		const unsigned char *run = p;
		while (*p >= 0x20 && *p < 0x80 && *p != '&' && *p != '<' && *p != '>' && *p != '"' && *p != '\'') p++;
		if (p > run) ob_write(f, run, (size_t)(p - run));
		if (!*p) break;
		unsigned char c = *p;
		switch (c) {
		case '&': ob_puts(f, "&amp;"); p++; continue;
		case '<': ob_puts(f, "&lt;"); p++; continue;
		case '>': ob_puts(f, "&gt;"); p++; continue;
		case '"': ob_puts(f, "&quot;"); p++; continue;
		case '\'': ob_puts(f, "&apos;"); p++; continue;
		case '\t': ob_puts(f, "&#9;"); p++; continue;
		case '\n': ob_puts(f, "&#10;"); p++; continue;
		case '\r': ob_puts(f, "&#13;"); p++; continue;
		}
		if (c < 0x20) {
			ob_puts(f, replacement);
			replaced++;
			p++;
			continue;
		}
		size_t len = utf8_seq_len((const char *)p, strnlen((const char *)p, 4));
		if (!len || (len == 3 && c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))) {
			ob_puts(f, replacement);
			replaced++;
			p += len ? len : 1;
			continue;
		}
		ob_write(f, p, len);
		p += len;
	}
}

void xml_comment_text(struct outbuf *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 && c != '\t' && c != '\n') continue;
		ob_putc(f, c);
		if (c == '-' && (s[1] == '-' || s[1] == '\0')) ob_putc(f, ' ');
	}
}

void dot_quote(struct outbuf *f, const char *s)
{
	size_t piece = 0;
	ob_putc(f, '"');
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		/* Plain runs go out in one copy. */
		const unsigned char *run = p;
		while (*p >= 0x20 && *p != '\\' && *p != '"' && (piece + (size_t)(p - run) < DOT_PIECE || (*p & 0xC0) == 0x80)) p++;
		if (p > run) {
			ob_write(f, run, (size_t)(p - run));
			piece += (size_t)(p - run);
		}
		if (!*p) break;
		if (piece >= DOT_PIECE && (*p & 0xC0) != 0x80) {
			/* Graphviz's limit on one quoted string: continue in a new piece, at a character start. */
			ob_puts(f, "\" + \"");
			piece = 0;
			continue;
		}
		unsigned char c = *p++;
		if (c == '\\' || c == '"') {
			ob_putc(f, '\\');
			ob_putc(f, (char)c);
			piece += 2;
		} else if (c == '\n') {
			ob_puts(f, "\\n");
			piece += 2;
		} else if (c == '\t') {
			ob_putc(f, '\t');
			piece++;
		} else if (c != '\r') {
			replaced++; /* other control characters cannot be shown */
		}
	}
	ob_putc(f, '"');
}

void csv_field(struct outbuf *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		ob_puts(f, s);
		return;
	}
	ob_putc(f, '"');
	for (; *s; s++) {
		if (*s == '"') ob_putc(f, '"');
		ob_putc(f, *s);
	}
	ob_putc(f, '"');
}

/* Printable ASCII that `kind` writes as itself. */
static int plain_char(unsigned char c, enum text_kind kind)
{
	if (c < 0x20 || c > 0x7E) return 0;
	return kind == TEXT_XML ? !strchr("&<>\"'", c) : c != '"' && c != '\\';
}

unsigned *plain_lengths(const char *const *s, size_t n, enum text_kind kind)
{
	unsigned *len = xmalloc(st_mult(n + 1, sizeof(*len)));
	for (size_t i = 0; i < n; i++) {
		const unsigned char *p = (const unsigned char *)s[i];
		size_t k = 0;
		while (p[k] && plain_char(p[k], kind)) k++;
		len[i] = p[k] || k >= DOT_PIECE ? 0 : (unsigned)k;
	}
	return len;
}

void xml_escape_id(struct outbuf *f, const char *s, unsigned plain)
{
	if (plain) ob_write(f, s, plain);
	else xml_escape(f, s);
}

/* A plain id between double quotes: DOT and JSON write it the same way. */
static void quote_plain(struct outbuf *f, const char *s, unsigned plain)
{
	ob_putc(f, '"');
	ob_write(f, s, plain);
	ob_putc(f, '"');
}

void dot_quote_id(struct outbuf *f, const char *s, unsigned plain)
{
	if (plain) quote_plain(f, s, plain);
	else dot_quote(f, s);
}

void json_string_id(struct outbuf *f, const char *s, unsigned plain)
{
	if (plain) quote_plain(f, s, plain);
	else json_string(f, s);
}

static void fmt_fixed_uncached(char buf[64], double x);

/* Many written values repeat (shared-project counts, Newman weights 1/(n-1), ...): a small
 * direct-mapped cache of formatted doubles saves the snprintf/strtod round trips. */
enum { FMT_CACHE = 4096 };
struct fmt_entry {
	uint64_t bits;
	char text[32];
};

static struct fmt_entry *cache_slot(struct fmt_entry *cache, double x, uint64_t *bits)
{
	memcpy(bits, &x, sizeof x);
	uint64_t h = *bits * 0x9E3779B97F4A7C15ULL;
	return &cache[h >> 52];
}

/* "%.*g" at that precision of the digits n (n < 10^precision) times 10^(exp - precision + 1),
 * as glibc writes it: trailing zeros dropped, e-notation when exp < -4 or exp >= precision. */
static void write_g(char *buf, int negative, uint64_t n, int precision, int exp)
{
	char digits[24];
	int p = precision;
	for (int i = p - 1; i >= 0; i--) digits[i] = (char)('0' + n % 10), n /= 10;
	while (p > 1 && digits[p - 1] == '0') p--;
	char *o = buf;
	if (negative) *o++ = '-';
	if (exp < -4 || exp >= precision) {
		*o++ = digits[0];
		if (p > 1) *o++ = '.';
		for (int i = 1; i < p; i++) *o++ = digits[i];
		o += sprintf(o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
		return;
	}
	if (exp < 0) {
		*o++ = '0';
		*o++ = '.';
		for (int i = -1; i > exp; i--) *o++ = '0';
		for (int i = 0; i < p; i++) *o++ = digits[i];
	} else {
		for (int i = 0; i <= exp; i++) *o++ = i < p ? digits[i] : '0';
		if (p > exp + 1) *o++ = '.';
		for (int i = exp + 1; i < p; i++) *o++ = digits[i];
	}
	*o = '\0';
}

/* fmt_double's text computed exactly, without snprintf and strtod (each takes glibc's
 * big-number path): for x = m * 2^e and p = 15, 16, 17 significant digits, n = x * 10^d
 * rounded half to even (d = p - 1 - exponent), computed as m * 5^d / 2^s in 128 bits; n
 * reads back as x when it lies within half a unit of m (ties go to the even m), which is
 * strtod's rounding. Returns 0 where that arithmetic does not reach (large or tiny
 * magnitudes, integers, powers of two, whose lower neighbour is closer): snprintf then.
 * On PageRank-like values, 160 ns a value instead of 695. */
static int shortest_exact(char buf[32], double x)
{
	if (x == 0 || !isfinite(x)) return 0;
	int e;
	double f = frexp(fabs(x), &e);
	uint64_t m = (uint64_t)ldexp(f, 53);
	e -= 53;
	if (m == (uint64_t)1 << 52) return 0;
	int exp0 = (int)floor(log10(fabs(x)));
	for (int p = 15; p <= 17; p++) {
		/* x's exponent: log10's, corrected by one either way from the digits themselves
		 * (log10 rounds: it gives -1 for 0.09999999999999999). */
		uint64_t lo = 1, pow5 = 1;
		for (int i = 1; i < p; i++) lo *= 10;
		unsigned __int128 v = 0, n = 0;
		int exp = exp0, s = 0, found = 0;
		for (int tries = 0; tries < 3 && !found; tries++) {
			int d = p - 1 - exp;
			s = -(e + d);
			if (d < 0 || d > 27 || s <= 0 || s > 69) return 0; /* n << (s + 1) fits 128 bits */
			pow5 = 1;
			for (int i = 0; i < d; i++) pow5 *= 5;
			v = (unsigned __int128)m * pow5;
			n = v >> s; /* x's first p digits, truncated */
			if (n >= (unsigned __int128)lo * 10) exp++;
			else if (n < lo) exp--;
			else found = 1;
		}
		if (!found) return 0;
		unsigned __int128 rest = v - (n << s), half = (unsigned __int128)1 << (s - 1);
		if (rest > half || (rest == half && (n & 1))) n++;
		unsigned __int128 twice = v << 1, scaled = n << (s + 1);
		unsigned __int128 gap = scaled > twice ? scaled - twice : twice - scaled;
		if (gap < pow5 || (gap == pow5 && !(m & 1)) || p == 17) {
			if (n == (unsigned __int128)lo * 10) n = lo, exp++; /* rounded up to a power of ten */
			write_g(buf, signbit(x) != 0, (uint64_t)n, p, exp);
			return 1;
		}
	}
	return 0;
}

void fmt_double(char buf[32], double x)
{
	static struct fmt_entry cache[FMT_CACHE];
	uint64_t bits;
	struct fmt_entry *e = cache_slot(cache, x, &bits);
	if (e->text[0] && e->bits == bits) {
		memcpy(buf, e->text, 32);
		return;
	}
	if (!shortest_exact(buf, x))
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(buf, 32, "%.*g", prec, x);
			if (prec == 17 || strtod(buf, NULL) == x) break;
		}
	e->bits = bits;
	memcpy(e->text, buf, 32);
}

void fmt_fixed(char buf[64], double x)
{
	static struct fmt_entry cache[FMT_CACHE];
	uint64_t bits;
	struct fmt_entry *e = cache_slot(cache, x, &bits);
	if (e->text[0] && e->bits == bits) {
		memcpy(buf, e->text, sizeof e->text);
		return;
	}
	fmt_fixed_uncached(buf, x);
	if (strlen(buf) < sizeof e->text) {
		e->bits = bits;
		memcpy(e->text, buf, sizeof e->text);
	}
}

/* snprintf's "%.*f" (round half to even on the exact binary value, "-" kept on a negative
 * zero) for finite x whose rounded value times 10^d fits in 64 bits, with d <= 27, computed
 * exactly: x = m * 2^e, so x * 10^d = m * 5^d * 2^(e + d), which 128 bits hold. Returns 0
 * when out of that range. glibc takes its big-number path for such doubles: on PageRank-like
 * values this took 61 ns instead of snprintf's 212 (DOT's 10 digits) and 28 instead of 136
 * (one decimal, DOT's font sizes), and the DOT writer formats two numbers per vertex. */
static int fmt_decimals_exact(char buf[64], double x, int d)
{
	if (!isfinite(x) || d < 0 || d > 27) return 0;
	int e;
	double f = frexp(fabs(x), &e);
	uint64_t m = (uint64_t)ldexp(f, 53), pow5 = 1;
	for (int i = 0; i < d; i++) pow5 *= 5;
	unsigned __int128 v = (unsigned __int128)m * pow5, q;
	int shift = e - 53 + d;
	if (shift >= 0) {
		if (shift >= 64 || v >> (64 - shift)) return 0;
		q = v << shift;
	} else if (-shift >= 120) {
		q = 0; /* v < 2^116: less than half a unit */
	} else {
		q = v >> -shift;
		unsigned __int128 rest = v - (q << -shift), half = (unsigned __int128)1 << (-shift - 1);
		if (rest > half || (rest == half && (q & 1))) q++;
	}
	if (q >> 64) return 0;
	char digits[32];
	int n = 0;
	uint64_t u = (uint64_t)q;
	do digits[n++] = (char)('0' + u % 10), u /= 10; while (u);
	while (n <= d) digits[n++] = '0'; /* at least one digit before the point */
	char *p = buf;
	if (signbit(x)) *p++ = '-';
	while (n > d) *p++ = digits[--n];
	if (d) *p++ = '.';
	while (n > 0) *p++ = digits[--n];
	*p = '\0';
	return 1;
}

void fmt_decimals(char buf[64], double x, int d)
{
	if (!fmt_decimals_exact(buf, x, d)) snprintf(buf, 64, "%.*f", d, x);
}

static void fmt_fixed_uncached(char buf[64], double x)
{
	if (x == 0 || !isfinite(x)) {
		strcpy(buf, "0");
		return;
	}
	int mag = (int)floor(log10(fabs(x)));
	int decimals = 9 - mag;
	if (decimals < 0) decimals = 0;
	if (decimals > 30) decimals = 30;
	fmt_decimals(buf, x, decimals);
	if (strchr(buf, '.')) {
		char *end = buf + strlen(buf) - 1;
		while (*end == '0') *end-- = '\0';
		if (*end == '.') *end = '\0';
	}
}

void json_string(struct outbuf *f, const char *s)
{
	ob_putc(f, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') ob_printf(f, "\\%c", *p);
		else if (*p == '\n') ob_puts(f, "\\n");
		else if (*p == '\t') ob_puts(f, "\\t");
		else if (*p == '\r') ob_puts(f, "\\r");
		else if (*p < 0x20) ob_printf(f, "\\u%04x", *p);
		else ob_putc(f, *p);
	}
	ob_putc(f, '"');
}
