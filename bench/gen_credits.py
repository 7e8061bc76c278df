#!/usr/bin/python3
"""Deterministic synthetic music credits for `make bench`.

    gen_credits.py --rows 1000000 --seed 1 -o credits.csv

Writes a CSV with the columns artist,project,role,year,type,source, shaped like a real
credits archive (all rates are approximate, and the same for every size):

  - artists come from a pool of about rows/6 distinct names; who gets credited follows a
    Zipf-Mandelbrot law (weight 1/(rank+Q)^S), so a few artists are on thousands of
    projects and most of the pool on one or two (or none);
  - team sizes (artists per project) are log-normal with median 4, cut at 60;
  - 12% of the (artist, project) pairs have several roles: half of them in one cell
    ("producer; engineer"), half as separate rows;
  - about 20% of the names are non-ASCII: accented Latin, CJK (Chinese, Japanese, Korean),
    Cyrillic and Greek;
  - about 3% of the names (and of the titles) need CSV quoting: commas or double quotes;
  - about 1% of the credits spell the artist differently (upper case, doubled space,
    decomposed accents), which identity resolution must merge;
  - 0.5% of the rows are exact duplicates of another row of the same project;
  - 0.2% of the projects reuse the title of an earlier project with another year;
  - 4% of the projects (so about 4% of the rows) have an empty year;
  - types album, song, film, tv, soundtrack, compilation.

Titles are otherwise unique (compared like credgraph compares them), so a project is the
same under credgraph's identity rules and under (title, year, type).
The output depends only on --rows and --seed (Python's `random` is stable across versions
for the calls used here). Written with the csv module; about 15-25 s per million rows.
"""
import argparse
import csv
import math
import os
import random
import sys
import unicodedata

ZM_Q = 40.0      # Zipf-Mandelbrot offset: the top artist is on ~1-2% of the projects
ZM_S = 1.0       # Zipf-Mandelbrot exponent
TEAM_MEDIAN = 4.0
TEAM_SIGMA = 0.75
TEAM_MAX = 60
P_MULTI_ROLE = 0.12
P_NON_ASCII = 0.20
P_QUOTED = 0.03
P_VARIANT = 0.01
P_DUP_ROW = 0.005
P_TITLE_REUSE = 0.002
P_NO_YEAR = 0.04

# --- name material -----------------------------------------------------------------------

ONSETS = ("b bl br c ch cl cr d dr f fl fr g gl gr h j k kl l m n p pl pr r s sh sk sl sm "
          "st t th tr v w z").split()
VOWELS = "a e i o u a e o ai ea ie ou".split()
CODAS = ["", "", "", "n", "r", "l", "s", "m", "nd", "rt", "ck", "x", "th", "ng"]
SURNAME_ENDS = ["", "", "", "son", "man", "ley", "ton", "er", "s", "berg", "ford", "well"]

FIRST_ASCII = """James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William
Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Chris Nancy Daniel Lisa Matthew
Betty Anthony Sandra Mark Ashley Donald Kim Steven Emily Paul Donna Andrew Michelle Joshua Carol
Kenneth Amanda Kevin Melissa Brian Deborah George Stephanie Tim Rebecca Ron Laura Jason Sharon
Ed Cynthia Jeff Kathleen Ryan Amy Jacob Angela Gary Shirley Nick Anna Eric Ruth Jonathan Brenda
Stephen Pamela Larry Nicole Justin Katherine Scott Samantha Brandon Christine Ben Emma Sam
Rachel Greg Carolyn Frank Janet Alex Maria Ray Heather Pat Diane Jack Olivia Dennis Julie Jerry
Joyce Tyler Victoria Aaron Kelly Jose Christina Adam Lauren Nathan Joan Henry Evelyn Quincy
Rick Thom Bruce Prince Carlos Dolly Aretha Jimi Stevie Nina Miles Herbie Chaka Marvin Etta""".split()

FIRST_ACCENT = """José Zoë Björn Søren François Ángel Nuño Chloé Renée Inês João Günter Jürgen
Åsa Łukasz Dvořák Réka Mário Sinéad Siân Aurélie Hélène Agnès Bénédicte Andrés Ramón Joaquín
Gaël Noémie Maëlle Tomás Sebastián Zoltán Ágnes Mikuláš Žaneta Jiří Dagný Þóra Ólafur Çağla
Gökhan Şebnem Ewa Małgorzata Stéphane Lúcia Conceição Fañch Íñigo Asunción""".split()

LAST_ACCENT = """Müller Gonçalves Ødegaard Dvořák Nuñez Peña Brandão Schröder Šimunović Kovač
Jääskeläinen Ångström Lefèvre Gómez Fernández Martínez Pérez Sánchez Díaz Hernández López
Durán Ibáñez Léon Béranger Françoise Møller Sørensen Løvland Görög Pärt Nørgård Bartók Sjöberg
Wałęsa Żak Kieślowski Grönemeyer Mäkelä Hämäläinen Gaëtan Caetano Jobim Gilberto Bethânia""".split()

CJK_SURNAMES = """王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 坂本 山下 久石 宮崎
細野 高橋 佐藤 鈴木 田中 渡辺 伊藤 中村 小林 加藤 吉田 山田 松本 井上 木村 清水 山口 森 池田 橋本
김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 홍""".split()
CJK_GIVEN = """龍一 達郎 譲 晴臣 幸宏 美里 由紀 浩二 健 誠 菲 杰 伦 明 华 丽 静 敏 强 磊 军
洋 勇 艳 娟 涛 超 秀英 桂英 玉兰 民 平 刚 宇 凯 雪 婷 悠 蓮 陽翔 結衣 葵 大翔 陽菜 樹
민수 지훈 서연 지민 현우 수빈 예은 도윤 하은 준서 유진 태양 은지 성민 혜진""".split()

# Latin -> Cyrillic / Greek, applied to generated Latin names (longest match first).
CYRILLIC = {"shch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "ya": "я",
            "yu": "ю", "yo": "ё", "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е",
            "z": "з", "i": "и", "y": "ы", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
            "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "c": "к",
            "j": "й", "w": "в", "x": "кс", "q": "к"}
GREEK = {"th": "θ", "ph": "φ", "ch": "χ", "ps": "ψ", "ks": "ξ", "a": "α", "b": "β", "g": "γ",
         "d": "δ", "e": "ε", "z": "ζ", "i": "ι", "k": "κ", "l": "λ", "m": "μ", "n": "ν",
         "x": "ξ", "o": "ο", "p": "π", "r": "ρ", "s": "σ", "t": "τ", "u": "υ", "f": "φ",
         "h": "η", "c": "κ", "j": "ι", "v": "β", "w": "ω", "y": "υ", "q": "κ"}

BAND_WORDS = """Night Velvet Echo Silver Paper Stone Neon Wild River Ghost Golden Electric Black
White Crystal Iron Broken Midnight Lonely Sunset Thunder Honey Glass Hollow Rebel Cosmic
Dream Fire Ocean Shadow Radio Royal Static Lunar Desert Empire Tiger Machine Garden Signal
Violet Copper Harbor Atlas Orbit Canyon Magnet Pilot Prism""".split()
BAND_PLURALS = """Kings Wolves Riders Saints Sisters Brothers Lights Machines Hearts Dogs Birds
Ramblers Strangers Jets Drifters Pilots Tigers Ghosts Dreamers Sparks Rockets Giants""".split()

TITLE_WORDS = """love night heart fire dream rain blue light song time road home soul sky
girl boy baby world way day life river gold wild dark sun moon star city summer winter
midnight dance money sweet lonely broken golden electric black white red silver paper
stone angel devil heaven ghost shadow secret silent crazy little big long last first
back down over under behind beyond inside forever never always tonight tomorrow yesterday
morning evening street train highway ocean mountain desert garden kingdom empire machine
radio television letter promise memory echo whisper thunder lightning storm wind wave
tears smile kiss touch fever honey sugar velvet diamond crystal mirror window door
bridge fall rise run walk fly burn shine fade return escape""".split()
TITLE_FOREIGN = """corazón noche canção saudade mañana amour été lumière rêve Sehnsucht
Frühling Märchen дорога ночь любовь звезда όνειρο θάλασσα αγάπη 夜 雨 愛 夢 光 風 사랑
바다 별""".split()
TITLE_TAILS = ["", "", "", "", "", " (Live)", " (Remastered)", " Part II", " (Deluxe Edition)",
               " (Original Motion Picture Soundtrack)", " Vol. 2", " (Acoustic)", " (Remix)"]

TYPES = ["album", "song", "film", "tv", "soundtrack", "compilation"]
TYPE_WEIGHTS = [40, 30, 8, 6, 8, 8]
MUSIC_ROLES = ["performer", "producer", "engineer", "mixer", "songwriter", "composer",
               "vocals", "guitar", "bass", "drums", "keyboards", "arranger",
               "mastering engineer", "assistant engineer", "recording engineer",
               "executive producer", "programming", "strings", "horns", "backing vocals"]
MUSIC_ROLE_W = [18, 12, 10, 6, 9, 5, 8, 6, 4, 4, 4, 2, 3, 3, 2, 2, 2, 1, 1, 3]
SCREEN_ROLES = ["director", "actor", "composer", "music supervisor", "producer", "writer",
                "editor", "cinematographer", "sound designer", "performer"]
SCREEN_ROLE_W = [6, 25, 8, 4, 10, 6, 4, 3, 3, 6]
MULTI_PAIRS = [("producer", "engineer"), ("producer", "mixer"), ("engineer", "mixer"),
               ("songwriter", "producer"), ("vocals", "guitar"), ("performer", "songwriter"),
               ("composer", "arranger"), ("mixer", "mastering engineer"),
               ("director", "writer"), ("producer", "composer")]
SOURCES = ["discogs", "allmusic", "liner notes", "musicbrainz", "wikipedia", "imdb",
           "[8][9]", "label press release", "AFM session report", "BMI repertoire"]
SOURCE_W = [30, 20, 15, 15, 8, 5, 2, 2, 2, 1]


def identity(s):
    """How credgraph compares names and titles: NFC, case folding, runs of spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


def translit(word, table):
    out, i, w = [], 0, word.lower()
    while i < len(w):
        for n in (4, 2, 1):
            if w[i:i + n] in table:
                out.append(table[w[i:i + n]])
                i += n
                break
        else:
            out.append(w[i])
            i += 1
    s = "".join(out)
    if table is GREEK and s.endswith("σ"):
        s = s[:-1] + "ς"
    return s[:1].upper() + s[1:]


class Names:
    """Distinct artist names (by identity), drawn in a seeded order."""

    def __init__(self, rng):
        self.rng = rng
        self.seen = set()

    def syllables(self, lo, hi):
        r = self.rng
        n = r.randint(lo, hi)
        s = "".join(r.choice(ONSETS) + r.choice(VOWELS) for _ in range(n)) + r.choice(CODAS)
        return s.capitalize()

    def surname(self):
        return self.syllables(1, 2) + self.rng.choice(SURNAME_ENDS)

    def candidate(self):
        r = self.rng
        u = r.random()
        if u < P_QUOTED:  # needs CSV quoting: a comma or a double quote
            v = r.random()
            if v < 0.4:
                return "%s, %s & %s" % (r.choice(BAND_WORDS), r.choice(BAND_WORDS),
                                        r.choice(BAND_PLURALS))
            if v < 0.7:
                return '%s "%s" %s' % (r.choice(FIRST_ASCII), self.syllables(1, 1),
                                       self.surname())
            return "%s, %s" % (self.surname(), r.choice(FIRST_ASCII + FIRST_ACCENT))
        u = r.random()
        if u < P_NON_ASCII:
            v = r.random()
            if v < 0.45:    # accented Latin
                first = r.choice(FIRST_ACCENT + FIRST_ASCII)
                last = r.choice(LAST_ACCENT) if r.random() < 0.6 else self.surname()
                if first.isascii() and last.isascii():
                    last = r.choice(LAST_ACCENT)
                return first + " " + last
            if v < 0.70:    # CJK: family name first, no space for Chinese and Japanese
                fam, giv = r.choice(CJK_SURNAMES), r.choice(CJK_GIVEN)
                if "\uac00" <= fam[0] <= "\ud7a3":
                    return fam + giv if r.random() < 0.7 else fam + " " + giv
                return fam + giv if r.random() < 0.6 else fam + " " + giv
            if v < 0.88:    # Cyrillic
                return (translit(self.syllables(1, 2), CYRILLIC) + " " +
                        translit(self.surname() + r.choice(["ov", "ova", "in", "sky", ""]),
                                 CYRILLIC))
            return (translit(self.syllables(1, 2), GREEK) + " " +
                    translit(self.surname() + r.choice(["os", "is", "ou", "as", ""]), GREEK))
        v = r.random()
        if v < 0.12:
            return "The " + r.choice(BAND_WORDS) + " " + r.choice(BAND_PLURALS)
        if v < 0.16:
            return r.choice(BAND_WORDS) + " " + r.choice(BAND_WORDS)
        if v < 0.22:
            return "%s %s. %s" % (r.choice(FIRST_ASCII), r.choice("ABCDEFGHJKLMNPRSTW"),
                                  self.surname())
        return r.choice(FIRST_ASCII) + " " + self.surname()

    def draw(self):
        while True:
            name = self.candidate()
            key = identity(name)
            if key in self.seen:
                # keep the shape: a numeral, as archives tell namesakes apart
                name = "%s %s" % (name, self.rng.choice(["II", "III", "Jr.", "(2)", "(3)"]))
                key = identity(name)
                if key in self.seen:
                    continue
            self.seen.add(key)
            return name


def variant(rng, name):
    """A spelling that identity resolution merges with `name`."""
    v = rng.random()
    if v < 0.35 and not name.isascii():
        nfd = unicodedata.normalize("NFD", name)
        if nfd != name:
            return nfd
    if v < 0.6:
        return name.upper()
    if v < 0.8 and " " in name:
        return name.replace(" ", "  ", 1)
    return name.lower()


class Titles:
    def __init__(self, rng):
        self.rng = rng
        self.seen = set()

    def draw(self):
        r = self.rng
        while True:
            n = 1 + min(int(r.expovariate(0.7)), 5)
            words = [r.choice(TITLE_WORDS) for _ in range(n)]
            if r.random() < 0.06:
                words[r.randrange(n)] = r.choice(TITLE_FOREIGN)
            t = " ".join(w.capitalize() if w.isascii() else w for w in words)
            u = r.random()
            if u < P_QUOTED * 0.5:
                t = t + ", " + r.choice(TITLE_WORDS).capitalize()
            elif u < P_QUOTED:
                t = 'The "%s" %s' % (r.choice(TITLE_WORDS).capitalize(), t)
            t += r.choice(TITLE_TAILS)
            key = identity(t)
            if key in self.seen:
                t = "%s %d" % (t, r.randint(2, 99999))
                key = identity(t)
                if key in self.seen:
                    continue
            self.seen.add(key)
            return t


def generate(rows, seed, out):
    rng = random.Random(seed)
    pool_size = max(50, rows // 6)
    names = Names(rng)
    pool = [names.draw() for _ in range(pool_size)]
    # Zipf-Mandelbrot over the pool, drawn in batches (bisect on cumulative weights)
    cum, acc = [], 0.0
    for i in range(pool_size):
        acc += 1.0 / (i + 1 + ZM_Q) ** ZM_S
        cum.append(acc)
    idx_range = range(pool_size)

    def artist_stream():
        while True:
            yield from rng.choices(idx_range, cum_weights=cum, k=65536)

    stream = artist_stream()
    titles = Titles(rng)
    dated = []          # (title, year, type) of earlier dated projects, for title reuse
    mu = math.log(TEAM_MEDIAN)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["artist", "project", "role", "year", "type", "source"])
    written = 0
    batch = []
    rnd = rng.random
    while written < rows:
        # --- one project
        ptype = rng.choices(TYPES, weights=TYPE_WEIGHTS)[0]
        if dated and rnd() < P_TITLE_REUSE:
            old_title, old_year, old_type = dated[rng.randrange(len(dated))]
            title = old_title
            year = old_year + rng.choice([-30, -20, -12, -5, 3, 8, 15, 25])
            if year > 2024 or year < 1950:
                year = old_year - 10 if old_year >= 1960 else old_year + 10
            ystr = str(year)
        else:
            title = titles.draw()
            if rnd() < P_NO_YEAR:
                ystr = ""
            else:
                year = 1950 + min(int(74 * rnd() ** 0.7), 74)
                ystr = str(year)
                dated.append((title, year, ptype))
        screen = ptype in ("film", "tv")
        roles, role_w = (SCREEN_ROLES, SCREEN_ROLE_W) if screen else (MUSIC_ROLES, MUSIC_ROLE_W)
        team = int(round(rng.lognormvariate(mu, TEAM_SIGMA)))
        team = max(1, min(TEAM_MAX, team))
        members = set()
        guard = 0
        while len(members) < team and guard < team * 20:
            members.add(next(stream))
            guard += 1
        src = rng.choices(SOURCES, weights=SOURCE_W)[0]
        prow = []
        for a in members:
            name = pool[a]
            if rnd() < P_VARIANT:
                name = variant(rng, name)
            s = src if rnd() < 0.85 else rng.choices(SOURCES, weights=SOURCE_W)[0]
            if rnd() < P_MULTI_ROLE:
                r1, r2 = rng.choice(MULTI_PAIRS)
                if rnd() < 0.5:
                    prow.append((name, title, r1 + "; " + r2, ystr, ptype, s))
                else:
                    prow.append((name, title, r1, ystr, ptype, s))
                    prow.append((name, title, r2, ystr, ptype, s))
            else:
                role = rng.choices(roles, weights=role_w)[0]
                prow.append((name, title, role, ystr, ptype, s))
        for row in prow:
            if rnd() < P_DUP_ROW:
                prow.append(row)      # an exact duplicate later in the same project
                break
        if written + len(prow) > rows:
            prow = prow[:rows - written]
        batch.extend(prow)
        written += len(prow)
        if len(batch) >= 50000:
            w.writerows(batch)
            batch.clear()
    w.writerows(batch)
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True, help="CSV file to write ('-' for stdout)")
    a = ap.parse_args()
    if a.output == "-":
        generate(a.rows, a.seed, sys.stdout)
        return
    tmp = a.output + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        generate(a.rows, a.seed, f)
    os.replace(tmp, a.output)


if __name__ == "__main__":
    main()
