#include "normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "report.h"

size_t utf8_seq_len(const char *s, size_t avail)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t len = utf8proc_iterate((const unsigned char *)s, (utf8proc_ssize_t)(avail > 4 ? 4 : avail), &cp);
	return len > 0 ? (size_t)len : 0;
}

size_t utf8_check(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = utf8_seq_len(s + i, n - i);
		if (!len) return i;
		i += len;
	}
	return n;
}

size_t utf8_chars(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

void trim_space(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t' || **s == '\r' || **s == '\n')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r' || (*s)[*n - 1] == '\n'))
		(*n)--;
}

static int is_ascii_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80) return 0;
	return 1;
}

static int is_space_cp(utf8proc_int32_t cp)
{
	if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return 1;
	if (cp < 0x80) return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

/* Run utf8proc_map; the result is malloc'ed. Input is validated UTF-8, so a failure
 * here is a resource problem. */
static unsigned char *map_or_die(const char *s, size_t n, utf8proc_option_t opts, size_t *out_len)
{
	unsigned char *dst = NULL;
	utf8proc_ssize_t len = utf8proc_map((const unsigned char *)s, (utf8proc_ssize_t)n, &dst, opts);
	if (len < 0) die(EXIT_IO, "unicode normalisation failed: %s", utf8proc_errmsg(len));
	*out_len = (size_t)len;
	return dst;
}

/* Append code points of m[0..len), white space collapsed and trimmed, others kept if keep(cp). */
static void append_collapsed(struct strbuf *out, const unsigned char *m, size_t len, int (*keep)(utf8proc_int32_t))
{
	size_t start = out->len;
	int pending_space = 0;
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t step = utf8proc_iterate(m + i, (utf8proc_ssize_t)(len - i), &cp);
		if (step <= 0) break;
		if (is_space_cp(cp)) {
			pending_space = out->len > start;
		} else if (!keep || keep(cp)) {
			if (pending_space && keep == NULL) sb_addch(out, ' ');
			pending_space = 0;
			sb_add(out, m + i, (size_t)step);
		}
		i += (size_t)step;
	}
}

static unsigned char ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

void norm_key(struct strbuf *out, const char *s, size_t n)
{
	if (is_ascii_only(s, n)) {
		/* The common case, written straight into the buffer: lower-cased, spaces collapsed. */
		char *dst = sb_reserve(out, n), *start = dst;
		int pending_space = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c == ' ' || (c >= '\t' && c <= '\r')) {
				pending_space = dst > start;
				continue;
			}
			if (pending_space) *dst++ = ' ';
			pending_space = 0;
			*dst++ = (char)ascii_lower(c);
		}
		out->len += (size_t)(dst - start);
		out->buf[out->len] = '\0';
		return;
	}
	size_t len;
	unsigned char *m = map_or_die(s, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, &len);
	append_collapsed(out, m, len, NULL);
	free(m);
}

static int is_letter_or_digit(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

void norm_skeleton(struct strbuf *out, const char *s, size_t n)
{
	if (is_ascii_only(s, n)) {
		/* What the mapping below leaves of ASCII: the lower-cased letters and digits. */
		for (size_t i = 0; i < n; i++) {
			unsigned char c = ascii_lower((unsigned char)s[i]);
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) sb_addch(out, (char)c);
		}
		return;
	}
	size_t len;
	unsigned char *m = map_or_die(s, n,
		UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
		UTF8PROC_IGNORE, &len);
	append_collapsed(out, m, len, is_letter_or_digit);
	free(m);
}

void norm_slug(struct strbuf *out, const char *s, size_t n, size_t max)
{
	/* ASCII maps to itself lower-cased: only other text goes through utf8proc. */
	size_t len = n;
	unsigned char *m = NULL;
	const unsigned char *text = (const unsigned char *)s;
	if (!is_ascii_only(s, n)) {
		m = map_or_die(s, n, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
		               UTF8PROC_CASEFOLD, &len);
		text = m;
	}
	size_t start = out->len;
	int pending_sep = 0;
	for (size_t i = 0; i < len && out->len - start < max; i++) {
		unsigned char c = ascii_lower(text[i]);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (pending_sep && out->len - start + 1 < max) sb_addch(out, '_');
			pending_sep = 0;
			sb_addch(out, (char)c);
		} else {
			pending_sep = out->len > start;
		}
	}
	free(m);
}

size_t display_width(const char *s)
{
	size_t width = 0, n = strlen(s), i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t step = utf8proc_iterate((const unsigned char *)s + i, (utf8proc_ssize_t)(n - i), &cp);
		if (step <= 0) {
			width++;
			i++;
			continue;
		}
		int w = utf8proc_charwidth(cp);
		width += w > 0 ? (size_t)w : 0;
		i += (size_t)step;
	}
	return width;
}

/* Characters that hide in names: invisible, direction-changing or look-alike spaces. */
static const char *suspicious_name(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0x00A0: return "no-break space";
	case 0x2007: return "figure space";
	case 0x202F: return "narrow no-break space";
	case 0x200B: return "zero-width space";
	case 0x200C: return "zero-width non-joiner";
	case 0x200D: return "zero-width joiner";
	case 0x2060: return "word joiner";
	case 0xFEFF: return "zero-width no-break space (BOM)";
	case 0x200E: return "left-to-right mark";
	case 0x200F: return "right-to-left mark";
	case 0x061C: return "Arabic letter mark";
	}
	if (cp >= 0x202A && cp <= 0x202E) return "bidirectional embedding or override";
	if (cp >= 0x2066 && cp <= 0x2069) return "bidirectional isolate";
	return NULL;
}

const char *find_odd_char(const char *s, size_t n, int names, size_t *offset, unsigned *cp_out)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		if (u[i] < 0x80) {
			if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r') || u[i] == 0x7F) {
				*offset = i;
				*cp_out = u[i];
				return "control character";
			}
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t step = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
		if (step <= 0) return NULL;
		const char *what = cp >= 0x80 && cp < 0xA0 ? "control character" : names ? suspicious_name(cp) : NULL;
		if (what) {
			*offset = i;
			*cp_out = (unsigned)cp;
			return what;
		}
		i += (size_t)step;
	}
	return NULL;
}
