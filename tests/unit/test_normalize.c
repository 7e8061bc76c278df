/* Identity keys, duplicate skeletons, slugs, UTF-8 checks and display widths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "intern.h"
#include "normalize.h"
#include "strbuf.h"

static const char *key(const char *s)
{
	static struct strbuf sb = STRBUF_INIT;
	sb_reset(&sb);
	norm_key(&sb, s, strlen(s));
	return sb.buf;
}

static const char *skeleton(const char *s)
{
	static struct strbuf sb = STRBUF_INIT;
	sb_reset(&sb);
	norm_skeleton(&sb, s, strlen(s));
	return sb.buf;
}

static const char *slug(const char *s)
{
	static struct strbuf sb = STRBUF_INIT;
	sb_reset(&sb);
	norm_slug(&sb, s, strlen(s), 48);
	return sb.buf;
}

/* Whether two names get different results from f (each result copied before the next call). */
static int differ(const char *(*f)(const char *), const char *a, const char *b)
{
	char *x = strdup(f(a));
	int d = strcmp(x, f(b)) != 0;
	free(x);
	return d;
}

int main(void)
{
	/* NFC and NFD, case and white space give one key; accents and punctuation do not. */
	STR_EQ(key("Man\xC3\xA1"), "man\xC3\xA1");
	STR_EQ(key("Mana\xCC\x81"), "man\xC3\xA1");
	STR_EQ(key("  MAN\xC3\x81 "), "man\xC3\xA1");
	STR_EQ(key("Thom \t  Russo"), "thom russo");
	STR_EQ(key("Stra\xC3\x9F" "e"), "strasse"); /* full case folding: sharp s */
	CHECK(differ(key, "Mana", "Man\xC3\xA1"));
	CHECK(differ(key, "Jay-Z", "Jay Z"));
	STR_EQ(key("Rick\xC2\xA0Rubin"), "rick rubin"); /* a no-break space is white space */

	/* Skeletons bring accent, case, punctuation and spacing variants together. */
	CHECK(!differ(skeleton, "Beyonc\xC3\xA9", "BEYONCE"));
	CHECK(!differ(skeleton, "Jay-Z", "jay z"));
	CHECK(!differ(skeleton, "M.A.N.A.", "Man\xC3\xA1"));
	CHECK(differ(skeleton, "Juanes", "Juan"));

	/* ASCII takes a shortcut past utf8proc: the same slug and skeleton as through it (a
	 * combining accent, which both strip, sends the text the long way). */
	int same = 1;
	unsigned x = 1;
	for (int k = 0; k < 2000; k++) {
		char ascii[24], mixed[32];
		size_t len = (size_t)(k % 20) + 1;
		for (size_t i = 0; i < len; i++) ascii[i] = (char)(k < 95 && i == 0 ? 32u + (unsigned)k : 32u + (x = x * 1103515245u + 12345u) % 95);
		ascii[len] = '\0';
		snprintf(mixed, sizeof mixed, "%s\xCC\x81", ascii);
		for (int f = 0; f < 2; f++) {
			const char *(*fn)(const char *) = f ? skeleton : slug, *r = fn(ascii);
			char *fast = strdup(r ? r : "");
			r = fn(mixed);
			same &= strcmp(fast, r ? r : "") == 0;
			free(fast);
		}
	}
	CHECK(same);

	/* Slugs are ASCII, NMTOKEN-safe and readable; scripts without Latin letters give "". */
	STR_EQ(slug("Thom Russo"), "thom_russo");
	STR_EQ(slug("Bj\xC3\xB6rk & \"Friends\""), "bjork_friends");
	STR_EQ(slug("La Vida... Es Un Ratico"), "la_vida_es_un_ratico");
	STR_EQ(slug("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"), "");

	/* UTF-8 validation finds the first bad byte; overlongs and surrogates are bad. */
	INT_EQ(utf8_check("abc", 3), 3);
	INT_EQ(utf8_check("a\xE9t", 3), 1);
	INT_EQ(utf8_check("\xC0\xAF", 2), 0);
	INT_EQ(utf8_check("\xED\xA0\x80", 3), 0);
	INT_EQ(utf8_chars("\xC3\xA9t\xC3\xA9", 5), 3);
	INT_EQ(display_width("Man\xC3\xA1"), 4);
	INT_EQ(display_width("\xE4\xB8\xAD\xE6\x96\x87"), 4); /* two wide CJK characters */

	/* Interning: dense ids in first-seen order, found again, growth keeps them. */
	struct intern t;
	intern_init(&t, 4);
	int is_new;
	INT_EQ(intern_add(&t, "a", 1, &is_new), 0);
	INT_EQ(is_new, 1);
	INT_EQ(intern_add(&t, "b", 1, NULL), 1);
	INT_EQ(intern_add(&t, "a", 1, &is_new), 0);
	INT_EQ(is_new, 0);
	char name[16];
	for (int i = 0; i < 100000; i++) {
		int n = snprintf(name, sizeof name, "n%d", i);
		intern_add(&t, name, (size_t)n, NULL);
	}
	INT_EQ(intern_count(&t), 100002);
	uint32_t id;
	CHECK(intern_find(&t, "n99999", 6, &id) && id == 100001);
	CHECK(!intern_find(&t, "n100000", 7, &id));
	STR_EQ(intern_str(&t, 1), "b");
	intern_free(&t);
	return harness_finish("normalize");
}
