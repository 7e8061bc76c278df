/* Escaping for XML, DOT, CSV and JSON, and number formatting. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "harness.h"
#include "outbuf.h"

typedef void (*escaper)(struct outbuf *, const char *);

static char *run(escaper fn, const char *s)
{
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	struct outbuf *o = ob_open(f);
	fn(o, s);
	ob_close(o);
	fclose(f);
	return buf;
}

static void expect(escaper fn, const char *in, const char *want)
{
	char *got = run(fn, in);
	STR_EQ(got, want);
	free(got);
}

typedef void (*id_escaper)(struct outbuf *, const char *, unsigned);

/* The id writers copy ids found plain and escape the others: always the escaper's text. */
static void expect_same_ids(escaper fn, id_escaper id_fn, enum text_kind kind, const char *const *ids, size_t n,
                            const int *plain_wanted)
{
	unsigned *plain = plain_lengths(ids, n, kind);
	for (size_t i = 0; i < n; i++) {
		INT_EQ(plain[i] != 0, plain_wanted[i]);
		char *want = run(fn, ids[i]), *got = NULL;
		size_t len;
		FILE *f = open_memstream(&got, &len);
		struct outbuf *o = ob_open(f);
		id_fn(o, ids[i], plain[i]);
		ob_close(o);
		fclose(f);
		STR_EQ(got, want);
		free(got);
		free(want);
	}
	free(plain);
}

static char *fixed(double x)
{
	static char buf[64];
	fmt_fixed(buf, x);
	return buf;
}

static char *shortest(double x)
{
	static char buf[32];
	fmt_double(buf, x);
	return buf;
}

/* fmt_decimals against snprintf: values of every magnitude with every number of decimals,
 * exact ties (which round half to even), negative zero and the fallback's range. */
static void decimals_match_printf(void)
{
	static const double fixed_cases[] = {0.125, 0.375, 2.5, 3.5, 9.25, 9.35, 21.95, -0.01, -0.0, 0.0, 1e-300,
	                                     5e-324, 1.7976931348623157e308, 123456789.987654321, 0.045, 1e19, 0.5};
	int bad = 0;
	char want[400], got[64];
	for (size_t i = 0; i < sizeof fixed_cases / sizeof fixed_cases[0]; i++)
		for (int d = 0; d <= 30; d++) {
			snprintf(want, sizeof want, "%.*f", d, fixed_cases[i]);
			if (strlen(want) >= sizeof got) continue;
			fmt_decimals(got, fixed_cases[i], d);
			bad += strcmp(got, want) != 0;
		}
	uint64_t x = 88172645463325252ULL;
	for (int i = 0; i < 300000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		/* A mantissa, an exponent from 2^-70 to 2^40, a sign; and sometimes a tie's neighbourhood. */
		double v = ldexp((double)(x >> 11), (int)(x % 111) - 70 - 53);
		if (i % 3 == 0) v = ldexp((double)((x >> 40) | 1), -(int)(x % 9) - 1) + (double)(i % 50);
		if (x & 1) v = -v;
		int d = (int)((x >> 20) % 28);
		snprintf(want, sizeof want, "%.*f", d, v);
		if (strlen(want) >= sizeof got) continue;
		fmt_decimals(got, v, d);
		bad += strcmp(got, want) != 0;
	}
	INT_EQ(bad, 0);
}

/* fmt_double against what it replaces: the first of 15, 16, 17 significant digits whose
 * snprintf reads back as the same double. Values of every magnitude, PageRank-like ones,
 * near-integers, Newman weights, powers of two and of ten and their neighbours. */
static void shortest_matches_printf(void)
{
	int bad = 0;
	char want[40], got[32];
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	for (int i = 0; i < 600000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		double v;
		double ten = pow(10.0, (double)((int)(x % 41) - 20));
		switch (i % 6) {
		case 0: v = ldexp((double)(x >> 11), (int)(x % 200) - 100 - 53); break;           /* 2^-100 .. 2^100 */
		case 1: v = (double)(x >> 11) / 9007199254740992.0 * 1e-5; break;               /* PageRank-like */
		case 2: v = (double)(x % 100000) + ldexp((double)((x >> 20) % 64), -6); break;   /* short decimals */
		case 3: v = nextafter(ldexp(1.0, (int)(x % 120) - 60), (x >> 8) & 1 ? 0.0 : 1e300); break;
		case 4: v = 1.0 / (double)(x % 1000 + 2) * (double)((x >> 12) % 7 + 1); break;   /* Newman weights */
		default: /* next to powers of ten, where log10 rounds to the wrong side */
			v = ten;
			for (int k = (int)((x >> 16) % 4); k > 0; k--) v = nextafter(v, (x >> 8) & 1 ? 0.0 : 1e300);
			break;
		}
		if ((x >> 9) & 1) v = -v;
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(want, sizeof want, "%.*g", prec, v);
			if (prec == 17 || strtod(want, NULL) == v) break;
		}
		fmt_double(got, v);
		if (strcmp(got, want) != 0 && bad++ < 5) printf("fmt_double(%a): %s, snprintf: %s\n", v, got, want);
	}
	INT_EQ(bad, 0);
}

int main(void)
{
	decimals_match_printf();
	shortest_matches_printf();
	expect(xml_escape, "Bj\xC3\xB6rk & \"Friends\" <a> 'b' ]]>", "Bj\xC3\xB6rk &amp; &quot;Friends&quot; &lt;a&gt; &apos;b&apos; ]]&gt;");
	expect(xml_escape, "line\nbreak\ttab\rcr", "line&#10;break&#9;tab&#13;cr");
	unsigned long before = escape_replaced_count();
	expect(xml_escape, "a\x01" "b\xEF\xBF\xBE" "c\xE9" "d", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
	INT_EQ(escape_replaced_count() - before, 3);
	expect(xml_comment_text, "credgraph --artists x", "credgraph - -artists x");

	expect(dot_quote, "AC\\DC \"live\"\nnode", "\"AC\\\\DC \\\"live\\\"\\nnode\"");
	expect(dot_quote, "Trailing\\", "\"Trailing\\\\\"");
	/* Over 16 KiB: pieces joined with '+', each under Graphviz's limit, at character starts. */
	char *big = malloc(40001);
	for (int i = 0; i < 40000; i += 2) memcpy(big + i, "\xC3\xA9", 2);
	big[40000] = '\0';
	char *q = run(dot_quote, big);
	CHECK(strstr(q, "\" + \"") != NULL);
	for (char *p = q, *end; (end = strstr(p + 1, "\" + \"")) || (end = strrchr(p, '"')); p = end + 4) {
		CHECK((size_t)(end - p) <= 16384);
		if (!strstr(end, "\" + \"")) break;
	}
	free(q);
	free(big);

	expect(csv_field, "plain", "plain");
	expect(csv_field, "a,b", "\"a,b\"");
	expect(csv_field, "say \"hi\"", "\"say \"\"hi\"\"\"");
	expect(json_string, "a\"b\\c\nd\x01", "\"a\\\"b\\\\c\\nd\\u0001\"");

	static const char *const ids[] = {"a_thom_russo", "p_1999_x", "", "a&b", "a\\b", "it's", "q\"", "caf\xC3\xA9", "t\tab"};
	static const int xml_plain[] = {1, 1, 0, 0, 1, 0, 0, 0, 0}, dot_plain[] = {1, 1, 0, 1, 0, 1, 0, 0, 0};
	expect_same_ids(xml_escape, xml_escape_id, TEXT_XML, ids, 9, xml_plain);
	expect_same_ids(dot_quote, dot_quote_id, TEXT_DOT, ids, 9, dot_plain);
	expect_same_ids(json_string, json_string_id, TEXT_JSON, ids, 9, dot_plain);
	char *long_id = malloc(20001);
	memset(long_id, 'a', 20000);
	long_id[20000] = '\0';
	const char *const longs[] = {long_id};
	static const int not_plain[] = {0};
	expect_same_ids(dot_quote, dot_quote_id, TEXT_DOT, longs, 1, not_plain);
	free(long_id);

	/* Numbers: shortest round trip for files; never e-notation for DOT. */
	STR_EQ(shortest(0.1), "0.1");
	STR_EQ(shortest(1.0 / 3), "0.3333333333333333");
	STR_EQ(shortest(1.23456e-05), "1.23456e-05");
	STR_EQ(fixed(1.23456e-05), "0.0000123456");
	STR_EQ(fixed(2500000), "2500000");
	STR_EQ(fixed(0.5), "0.5");
	STR_EQ(fixed(-3.25), "-3.25");
	return harness_finish("escape");
}
