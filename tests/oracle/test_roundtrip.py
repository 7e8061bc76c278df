#!/usr/bin/python3
"""Oracle round trip: credgraph's graphs, read back by NetworkX and python-igraph, must equal
what this script computes on its own from the credit CSV with Python's csv module.

1. The seed data (data/*.csv) through `credgraph build`: artists, collaboration pairs and their
   weights, the credits graph (vertices, edges, roles), degree/strength/PageRank against NetworkX
   and igraph, the "must show" neighbourhoods, attribute types, and rankings.csv.
2. A generated data set (random.Random(SEED), ~3000 rows with accents, CSV quoting, emoji,
   multi-role cells, spelling variants and exact duplicate rows) through `credgraph export`,
   checked the same way, Newman weights included.
Every GraphML file produced is validated with xmllint against the GraphML XSD, and every DOT file
must pass Graphviz's `nop` silently.

Environment (set by tests/run_all.sh; defaults for running by hand):
  CREDGRAPH  the binary                      (default: <repo>/build/credgraph)
  TESTOUT    a scratch directory             (default: <repo>/tests/out/standalone)
  SCHEMA     the GraphML XSD                 (default: <repo>/../shared/schema/graphml/graphml.xsd)
  RUN        an optional command prefix, e.g. valgrind (as for the golden cases)
Exit status 0 when every check passes, 1 otherwise (each failure is printed).
"""
import collections
import csv
import math
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

try:
    import igraph
    import networkx as nx
except ImportError as e:
    sys.exit(f"test_roundtrip: {e}; run with the python that has python3-networkx and "
             f"python3-igraph (/usr/bin/python3), as tests/run_all.sh does")

ROOT = Path(__file__).resolve().parent.parent.parent
CREDGRAPH = os.environ.get("CREDGRAPH") or str(ROOT / "build" / "credgraph")
TESTOUT = Path(os.environ.get("TESTOUT") or ROOT / "tests" / "out" / "standalone")
SCHEMA = os.environ.get("SCHEMA") or str(ROOT.parent / "shared/schema/graphml/graphml.xsd")
RUN = shlex.split(os.environ.get("RUN", ""))
OUT = TESTOUT / "oracle"

SEED = 20240607          # the generated data set is the same on every run
PAGERANK_NX_TOL = 1e-6   # NetworkX's power iteration vs igraph's PRPACK
PAGERANK_IG_TOL = 1e-9   # the same library (python-igraph wraps igraph 0.10) on the same graph
NEWMAN_TOL = 1e-9
RANK_TIE_REL = 1e-10     # rankings.csv ties values equal to 12 significant digits (solver noise)

# ---------------------------------------------------------------------------------------------
# Failure collection

failures = []
n_checks = 0


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, flush=True)


def check(cond, msg):
    """One check: records a failure with msg when cond is false; returns cond."""
    global n_checks
    n_checks += 1
    if not cond:
        fail(msg)
    return bool(cond)


def sample(items, k=3):
    """A few items of a collection, deterministically, for messages."""
    return sorted((repr(x) for x in items))[:k]


def close(a, b, tol):
    if a is None or b is None:
        return a is b
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if tol == 0:
        return a == b
    return abs(a - b) <= tol


def compare_sets(what, expected, got):
    expected, got = set(expected), set(got)
    missing, extra = expected - got, got - expected
    return check(not missing and not extra,
                 f"{what}: {len(missing)} expected but missing {sample(missing)}, "
                 f"{len(extra)} unexpected {sample(extra)} "
                 f"(expected {len(expected)}, got {len(got)})")


def compare_values(what, expected, got, tol=0.0):
    """Two dicts: same keys, values equal (numbers within tol)."""
    missing = expected.keys() - got.keys()
    extra = got.keys() - expected.keys()
    bad = [(k, expected[k], got[k]) for k in expected.keys() & got.keys()
           if not close(expected[k], got[k], tol)]
    return check(not missing and not extra and not bad,
                 f"{what}: {len(missing)} missing {sample(missing)}, {len(extra)} unexpected "
                 f"{sample(extra)}, {len(bad)} differ (key, expected, got) {sample(bad)}"
                 + (f" within {tol:g}" if tol else ""))


# ---------------------------------------------------------------------------------------------
# Expectations, computed from the CSV alone

ASCII_SPACE = " \t\r\n\v\f"


def norm_key(s):
    """Identity key: NFC, Unicode case folding, white space runs collapsed, trimmed."""
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", s).casefold())
    return " ".join(s.split())


def split_roles(cell):
    roles = {norm_key(p) for p in re.split(r"[;|/]", cell) if p.strip(ASCII_SPACE)}
    return roles or {"credited"}


def parse_year(cell):
    cell = cell.strip(ASCII_SPACE)
    if not cell:
        return None
    if not re.fullmatch(r"\d{4}", cell):
        raise ValueError(f"test data: year {cell!r} is not YYYY (this oracle does not model it)")
    return int(cell)


def most_frequent(counter, first_seen):
    """The most frequent spelling; the first seen on a tie."""
    return max(counter, key=lambda s: (counter[s], -first_seen[s]))


class Spellings:
    """Per key: how often each original spelling occurs, and where it was first seen."""

    def __init__(self):
        self.count = collections.defaultdict(collections.Counter)
        self.first = collections.defaultdict(dict)

    def add(self, key, spelling, index):
        self.count[key][spelling] += 1
        self.first[key].setdefault(spelling, index)

    def label(self, key):
        return most_frequent(self.count[key], self.first[key])


class Expected:
    """The graphs credgraph should build from one credit CSV, keyed by display labels.

    Artists are identified by norm_key(name) and labelled by their most frequent spelling.
    Projects are keyed by (title key, year, type); a yearless row joins its title's dated
    project when exactly one exists (of the same type when the row gives one)."""

    def __init__(self, path):
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        artist_sp, title_sp = Spellings(), Spellings()
        parsed = []
        for i, row in enumerate(rows):
            name = row["artist"].strip(ASCII_SPACE)
            title = row["project"].strip(ASCII_SPACE)
            if not name or not title:
                raise ValueError(f"test data: row {i + 2} lacks an artist or a project")
            akey = norm_key(name)
            artist_sp.add(akey, name, i)
            parsed.append((akey, title, norm_key(title), parse_year(row.get("year") or ""),
                           norm_key(row.get("type") or ""), split_roles(row.get("role") or "")))

        dated = collections.defaultdict(set)  # title key -> dated project keys
        for _, _, tkey, year, ptype, _ in parsed:
            if year is not None:
                dated[tkey].add((tkey, year, ptype))

        links = collections.defaultdict(set)  # (artist key, project key) -> roles
        for i, (akey, title, tkey, year, ptype, roles) in enumerate(parsed):
            pkey = (tkey, year, ptype)
            if year is None:
                cands = [k for k in dated[tkey] if not ptype or k[2] == ptype]
                if len(cands) == 1:
                    pkey = cands[0]
            title_sp.add(pkey, title, i)
            links[(akey, pkey)] |= roles

        self.rows = len(rows)
        self.artist_label = {a: artist_sp.label(a) for a in artist_sp.count}
        self.project_ident = {p: (title_sp.label(p), p[1], p[2]) for p in title_sp.count}
        for what, labels in (("artist labels", self.artist_label.values()),
                             ("project (label, year, type)", self.project_ident.values())):
            dup = [x for x, c in collections.Counter(labels).items() if c > 1]
            if dup:
                raise ValueError(f"test data: ambiguous {what} {sample(dup)}")

        team = collections.defaultdict(set)
        for akey, pkey in links:
            team[pkey].add(akey)
        weight = collections.Counter()
        newman = collections.defaultdict(float)
        for members in team.values():
            members = sorted(members)
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    weight[(a, b)] += 1
                    newman[(a, b)] += 1.0 / (len(members) - 1)

        lab = self.artist_label
        self.artists = set(lab.values())
        self.projects = set(self.project_ident.values())
        self.weight = {frozenset((lab[a], lab[b])): w for (a, b), w in weight.items()}
        self.newman = {frozenset((lab[a], lab[b])): w for (a, b), w in newman.items()}
        self.credit_roles = {(lab[a], self.project_ident[p]): "|".join(sorted(r))
                             for (a, p), r in links.items()}


# ---------------------------------------------------------------------------------------------
# Running tools


def run(cmd, what):
    """Run a command from the repository root; returns the CompletedProcess or None on failure."""
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        fail(f"{what}: cannot run {cmd[0]}: {e}")
        return None
    if not check(p.returncode == 0,
                 f"{what}: exit {p.returncode}: {' '.join(cmd)}\n{p.stderr.strip()}"):
        return None
    return p


def credgraph(args, what):
    return run(RUN + [CREDGRAPH] + args, what)


def validate_graphml(path):
    p = subprocess.run(["xmllint", "--noout", "--schema", SCHEMA, str(path)],
                       capture_output=True, text=True)
    check(p.returncode == 0, f"{path}: not valid GraphML (xmllint exit {p.returncode}): "
                             f"{p.stderr.strip()[:500]}")


def validate_dot(path):
    p = subprocess.run(["nop", str(path)], capture_output=True, text=True)
    check(p.returncode == 0 and p.stderr == "",
          f"{path}: nop exit {p.returncode}, stderr {p.stderr.strip()[:500]!r}")


# ---------------------------------------------------------------------------------------------
# Graph views: what a reader sees, keyed by labels


def unique_labels(what, labels):
    dup = [x for x, c in collections.Counter(labels).items() if c > 1]
    return check(not dup, f"{what}: several vertices share the labels {sample(dup)}")


def read_networkx(tag, path):
    """The file as NetworkX reads it, which must be a simple undirected Graph; None otherwise."""
    try:
        G = nx.read_graphml(path)
    except Exception as e:  # noqa: BLE001 - any reader error is a finding, not a crash
        fail(f"{tag}: NetworkX cannot read {path}: {type(e).__name__}: {e}")
        return None
    if not check(type(G) is nx.Graph,
                 f"{tag}: NetworkX read a {type(G).__name__}, expected an undirected simple Graph"):
        return None
    return G


def read_igraph(tag, path):
    try:
        return igraph.Graph.Read_GraphML(str(path))
    except Exception as e:  # noqa: BLE001
        fail(f"{tag}: python-igraph cannot read {path}: {type(e).__name__}: {e}")
        return None


def year_or_none(x):
    """A year as read back: NetworkX gives int or nothing, igraph a float or NaN."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return int(x)


def check_collab_networkx(tag, path, exp):
    G = read_networkx(tag, path)
    if G is None:
        return None
    label = {n: d.get("label") for n, d in G.nodes(data=True)}
    check(None not in label.values(), f"{tag}: vertices without a label")
    unique_labels(f"{tag} (NetworkX)", label.values())
    compare_sets(f"{tag}: artist labels (NetworkX)", exp.artists, label.values())
    check(nx.number_of_selfloops(G) == 0, f"{tag}: self-loops")
    weight = {frozenset((label[u], label[v])): d.get("weight") for u, v, d in G.edges(data=True)}
    newman = {frozenset((label[u], label[v])): d.get("newman") for u, v, d in G.edges(data=True)}
    check(len(weight) == G.number_of_edges(), f"{tag}: edges repeated between the same labels")
    compare_values(f"{tag}: collaboration pairs and weights (NetworkX)", exp.weight, weight)
    compare_values(f"{tag}: newman weights (NetworkX)", exp.newman, newman, NEWMAN_TOL)

    attr = lambda name: {label[n]: d.get(name) for n, d in G.nodes(data=True)}  # noqa: E731
    compare_values(f"{tag}: degree attribute vs NetworkX degree", attr("degree"),
                   {label[n]: k for n, k in G.degree()})
    compare_values(f"{tag}: strength attribute vs NetworkX weighted degree", attr("strength"),
                   {label[n]: k for n, k in G.degree(weight="weight")})
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    compare_values(f"{tag}: pagerank attribute vs networkx.pagerank", attr("pagerank"),
                   {label[n]: v for n, v in pr.items()}, PAGERANK_NX_TOL)
    return G


def check_collab_igraph(tag, path, exp):
    g = read_igraph(tag, path)
    if g is None:
        return
    check(not g.is_directed(), f"{tag}: igraph read a directed graph")
    check(not g.has_multiple(), f"{tag}: igraph sees parallel edges")
    labels = g.vs["label"]
    unique_labels(f"{tag} (igraph)", labels)
    compare_sets(f"{tag}: artist labels (igraph)", exp.artists, labels)
    weight = {frozenset((labels[e.source], labels[e.target])): e["weight"] for e in g.es}
    compare_values(f"{tag}: collaboration pairs and weights (igraph)", exp.weight, weight)
    attr = lambda name: dict(zip(labels, g.vs[name]))  # noqa: E731
    compare_values(f"{tag}: degree attribute vs igraph degree", attr("degree"),
                   dict(zip(labels, g.degree())))
    compare_values(f"{tag}: strength attribute vs igraph strength", attr("strength"),
                   dict(zip(labels, g.strength(weights="weight"))))
    compare_values(f"{tag}: pagerank attribute vs python-igraph pagerank", attr("pagerank"),
                   dict(zip(labels, g.pagerank(weights="weight", damping=0.85))), PAGERANK_IG_TOL)


def credits_view(kinds, labels, years, types, edges):
    """A credits graph by label: artists, projects, {(artist, project): roles}, odd edges."""
    ident = {}
    for v, kind in enumerate(kinds):
        if kind == "artist":
            ident[v] = labels[v]
        elif kind == "project":
            ident[v] = (labels[v], year_or_none(years[v]), types[v] or "")
        else:
            ident[v] = None
    artists = [ident[v] for v, k in enumerate(kinds) if k == "artist"]
    projects = [ident[v] for v, k in enumerate(kinds) if k == "project"]
    roles, bad = {}, []
    for a, b, r in edges:
        if kinds[a] == "project":
            a, b = b, a
        if kinds[a] != "artist" or kinds[b] != "project":
            bad.append((labels[a], labels[b]))
        roles[(ident[a], ident[b])] = r
    return artists, projects, roles, bad


def check_credits(tag, kinds, labels, years, types, edges, exp):
    artists, projects, roles, bad = credits_view(kinds, labels, years, types, edges)
    check(len(kinds) == len(exp.artists) + len(exp.projects),
          f"{tag}: {len(kinds)} vertices, expected {len(exp.artists)} artists + "
          f"{len(exp.projects)} projects")
    check(len(artists) + len(projects) == len(kinds),
          f"{tag}: vertices whose kind is neither artist nor project")
    check(not bad, f"{tag}: edges not between an artist and a project {sample(bad)}")
    unique_labels(f"{tag} artists", artists)
    unique_labels(f"{tag} projects (label, year, type)", projects)
    compare_sets(f"{tag}: artists", exp.artists, artists)
    compare_sets(f"{tag}: projects (label, year, type)", exp.projects, projects)
    check(len(edges) == len(exp.credit_roles),
          f"{tag}: {len(edges)} edges, expected {len(exp.credit_roles)} distinct "
          f"artist-project pairs")
    compare_values(f"{tag}: artist-project edges and roles", exp.credit_roles, roles)


def check_credits_networkx(tag, path, exp):
    G = read_networkx(tag, path)
    if G is None:
        return None
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    d = [G.nodes[n] for n in nodes]
    edges = [(index[u], index[v], a.get("roles")) for u, v, a in G.edges(data=True)]
    check_credits(tag + " (NetworkX)", [x.get("kind") for x in d], [x.get("label") for x in d],
                  [x.get("year") for x in d], [x.get("type") for x in d], edges, exp)
    return G


def check_credits_igraph(tag, path, exp):
    g = read_igraph(tag, path)
    if g is None:
        return
    check(not g.is_directed(), f"{tag}: igraph read a directed graph")
    edges = [(e.source, e.target, e["roles"]) for e in g.es]
    check_credits(tag + " (igraph)", g.vs["kind"], g.vs["label"], g.vs["year"], g.vs["type"],
                  edges, exp)


def check_attribute_types(tag, collab, credits):
    """Years are int after NetworkX reads them (never float); weight is a float."""
    years, bad = 0, []
    for G, node_keys, edge_keys in ((collab, ("first_year", "last_year"), ()),
                                    (credits, ("year", "first_year", "last_year"), ("year",))):
        for n, d in G.nodes(data=True):
            for k in node_keys:
                if k in d:
                    years += 1
                    if type(d[k]) is not int:
                        bad.append((n, k, d[k]))
        for u, v, d in G.edges(data=True):
            for k in edge_keys:
                if k in d:
                    years += 1
                    if type(d[k]) is not int:
                        bad.append(((u, v), k, d[k]))
    check(years > 0, f"{tag}: no year attributes at all")
    check(not bad, f"{tag}: year attributes that are not int {sample(bad)}")
    weights = [d.get("weight") for _, _, d in collab.edges(data=True)]
    check(weights and all(type(w) is float for w in weights),
          f"{tag}: collab weights not all float {sample(set(map(type, weights)))}")


def check_must_show(tag, G):
    by_label = {d.get("label"): n for n, d in G.nodes(data=True)}
    must_show = (("Thom Russo", ["Maná", "Juanes", "Macy Gray", "Michael Jackson", "Rick Rubin"]),
                 ("Rick Rubin", ["Johnny Cash", "System of a Down"]))
    for who, friends in must_show:
        if not check(who in by_label, f"{tag}: no vertex labelled {who!r}"):
            continue
        near = {G.nodes[m].get("label") for m in G.neighbors(by_label[who])}
        missing = [f for f in friends if f not in near]
        check(not missing, f"{tag}: {who}'s neighbours lack {missing}")


def check_rankings(tag, path, G):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == G.number_of_nodes(),
          f"{tag}: {len(rows)} rows, expected one per artist ({G.number_of_nodes()})")
    ids = [r["id"] for r in rows]
    compare_sets(f"{tag}: artist ids", set(G.nodes), ids)
    check(len(set(ids)) == len(ids), f"{tag}: repeated artist ids")
    check([r["rank"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)],
          f"{tag}: rank column is not 1..{len(rows)}")
    known = [r for r in rows if r["id"] in G]
    for col, conv in (("artist", str), ("degree", int), ("strength", float), ("pagerank", float)):
        attr = "label" if col == "artist" else col
        compare_values(f"{tag}: {col} column vs collab.graphml",
                       {r["id"]: G.nodes[r["id"]].get(attr) for r in known},
                       {r["id"]: conv(r[col]) for r in known})
    pr = [float(r["pagerank"]) for r in rows]
    out_of_order = [(rows[i]["artist"], pr[i], rows[i + 1]["artist"], pr[i + 1])
                    for i in range(len(pr) - 1) if pr[i + 1] > pr[i] * (1 + RANK_TIE_REL)]
    check(not out_of_order, f"{tag}: rows not in descending pagerank order {out_of_order[:3]}")


# ---------------------------------------------------------------------------------------------
# 1. Seed data


def test_seed():
    out = OUT / "seed"
    credits_csv = ROOT / "data" / "credits.csv"
    if not credgraph(["build", "-q", "--artists", "data/artists.csv", "--projects",
                      "data/projects.csv", "data/credits.csv", "-o", str(out)], "seed build"):
        return None
    exp = Expected(credits_csv)
    for name in ("collab.graphml", "credits.graphml"):
        validate_graphml(out / name)
    for name in ("collab.dot", "credits.dot"):
        validate_dot(out / name)
    collab = check_collab_networkx("seed collab.graphml", out / "collab.graphml", exp)
    check_collab_igraph("seed collab.graphml", out / "collab.graphml", exp)
    credits = check_credits_networkx("seed credits.graphml", out / "credits.graphml", exp)
    check_credits_igraph("seed credits.graphml", out / "credits.graphml", exp)
    if collab is not None:
        check_must_show("seed collab.graphml", collab)
        check_rankings("seed rankings.csv", out / "rankings.csv", collab)
        if credits is not None:
            check_attribute_types("seed", collab, credits)
    return exp


# ---------------------------------------------------------------------------------------------
# 2. Generated data

FIRST = ["José", "María", "Zoë", "Björn", "Chloé", "François", "Søren", "Łukasz", "Ana", "João",
         "Renée", "Günther", "Inés", "Nuño", "Åsa", "Dvořák", "Sinéad", "Mónica", "Raúl", "Céline",
         "Tomás", "Ólafur", "Ümit", "Noël", "Anaïs", "Jürgen", "Héctor", "Lucía", "Íñigo", "Maja",
         "Иван", "Ольга", "Kenji", "Thom", "Rick", "Macy", "Joe", "Eve"]
LAST = ["Núñez", "García", "Müller", "Ødegaard", "Sánchez", "Lefèvre", "Čapek", "Doležal",
        "Hernández", "Gonçalves", "Åkesson", "Björklund", "O'Connor", "Żukowski", "Brontë",
        "Petrov", "Иванова", "坂本", "Smith", "Russo", "Rubin", "Gray", "Peña", "Ibáñez", "Jiménez",
        "Lindqvist", "Dupré", "Štěpánek"]
EMOJI = ["🎸", "🎧", "🎹", "🥁", "🎤", "✨"]
WORDS = ["Amor", "Noche", "Café", "Ciudad", "Señales", "Rêve", "Mañana", "Fuego", "Été", "Corazón",
         "Lights", "River", "Échos", "Sueños", "Stadt", "Ljós", "Niño", "Canción", "Drömmar",
         "Éxodo"]
TYPES = ["album", "single", "ep", "soundtrack", "compilation"]
ROLES = ["performer", "producer", "engineer", "mixer", "mastering engineer", "vocals", "guitar",
         "co-producer", "arranger", "composer"]
MULTI_ROLES = ["producer; engineer", "Engineer/Mixer", "Mixer | Engineer", "PRODUCER;  Arranger",
               " vocals / guitar ", "engineer;engineer", "Composer/ arranger ; producer"]
TEAM_SIZES = list(range(1, 13))
TEAM_WEIGHTS = [36, 24, 14, 8, 5, 4, 2.5, 1.5, 1.2, 1, 0.8, 0.6]


def make_names(rng, n):
    """n artist names, distinct under norm_key: accents, commas, quotes, a few emoji."""
    names, keys = [], set()
    while len(names) < n:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        r = rng.random()
        if r < 0.06:
            name = f"{last}, {first}"                      # needs quoting: comma
        elif r < 0.10:
            name = f'{first} "{rng.choice(WORDS)}" {last}'  # needs quoting: quotes
        elif r < 0.12:
            name = f'The "{rng.choice(WORDS)}", {last} & Co'  # both
        elif r < 0.14:
            name = f"{first} {rng.choice(EMOJI)} {last}"
        else:
            name = f"{first} {last}"
        if rng.random() < 0.5:
            name += f" {rng.randrange(1, 100)}"            # room for ~800 distinct names
        if norm_key(name) not in keys:
            keys.add(norm_key(name))
            names.append(name)
    return names


def variant(rng, name):
    """Another spelling of name with the same identity key (never the same string)."""
    forms = [name.upper(), name.lower(), unicodedata.normalize("NFD", name),
             name.replace(" ", "  ", 1), "  " + name + " "]
    forms = [f for f in forms if f != name and norm_key(f) == norm_key(name)
             and f.strip(ASCII_SPACE) != name]
    return rng.choice(forms)


def generate_csv(path, seed):
    """A deterministic credit file: ~800 artists, ~1000 projects, ~3000 rows; returns what it holds.

    Every project has one title, year and type; team sizes 1..12, some teams recurring. Some
    artists have extra rows with other roles on the same project, multi-role cells, and one
    variant spelling (the canonical spelling stays strictly the most frequent, whether rows or
    projects are counted). Some rows are exact duplicates."""
    rng = random.Random(seed)
    names = make_names(rng, 860)
    popularity = [1.0 / (i + 20) ** 0.6 for i in range(len(names))]
    rows, teams = [], []
    for p in range(1000):
        title = f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
        r = rng.random()
        if r < 0.05:
            title = f"{title}, Vol. {rng.randrange(1, 4)}"
        elif r < 0.08:
            title = f'{title} ("Live")'
        elif r < 0.35:
            title = f"{title} {p}"
        year, ptype = rng.randrange(1990, 2021), rng.choice(TYPES)
        size = rng.choices(TEAM_SIZES, TEAM_WEIGHTS)[0]
        team = set()
        if size >= 2 and teams and rng.random() < 0.3:  # a recurring team: repeat collaborations
            earlier = sorted(rng.choice(teams))
            team.update(rng.sample(earlier, min(size, len(earlier))))
        while len(team) < size:
            team.add(rng.choices(range(len(names)), popularity)[0])
        teams.append(team)
        for a in sorted(team):
            role = rng.choice(MULTI_ROLES) if rng.random() < 0.12 else rng.choice(ROLES)
            rows.append([names[a], title, role, str(year), ptype])
            if rng.random() < 0.08:
                rows.append([names[a], title, rng.choice(ROLES + MULTI_ROLES), str(year), ptype])

    by_artist = collections.defaultdict(list)
    for i, row in enumerate(rows):
        by_artist[row[0]].append(i)
    for name, idx in sorted(by_artist.items()):
        pick = rng.choice(idx)
        others = {(rows[i][1], rows[i][3]) for i in idx if i != pick}
        others.discard((rows[pick][1], rows[pick][3]))
        if len(others) >= 2 and rng.random() < 0.25:
            rows[pick][0] = variant(rng, name)
    canonical = [row for row in rows if row[0] in by_artist]
    rows += [list(rng.choice(canonical)) for _ in range(60)]
    rng.shuffle(rows)

    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["artist", "project", "role", "year", "type"])
        w.writerows(rows)
    artists = {row[0] for row in rows}
    return {
        "rows": len(rows),
        "duplicate rows": len(rows) - len({tuple(row) for row in rows}),
        "variant spellings": len(artists - set(by_artist)),
        "multi-role cells": sum(1 for row in rows if re.search(r"[;|/]", row[2])),
        "quoted names": sum(1 for a in artists if re.search(r'[,"]', a)),
        "emoji names": sum(1 for a in artists if any(e in a for e in EMOJI)),
    }


def test_generated():
    out = OUT / "generated"
    out.mkdir(parents=True, exist_ok=True)
    data = out / "credits.csv"
    held = generate_csv(data, SEED)
    print("generated data: " + ", ".join(f"{v} {k}" for k, v in held.items()))
    exp = Expected(data)
    check(exp.rows == held["rows"],
          f"generated CSV: read back {exp.rows} rows, wrote {held['rows']}")
    ok = True
    for graph in ("collab", "credits"):
        for fmt in ("graphml", "dot"):
            name = f"{graph}.{fmt}"
            args = ["export", "--graph", graph, "--format", fmt, "-q", "-o", str(out / name)]
            ok &= credgraph(args + [str(data)], f"generated export {name}") is not None
    if not ok:
        return exp
    for name in ("collab.graphml", "credits.graphml"):
        validate_graphml(out / name)
    for name in ("collab.dot", "credits.dot"):
        validate_dot(out / name)
    collab = check_collab_networkx("generated collab.graphml", out / "collab.graphml", exp)
    check_collab_igraph("generated collab.graphml", out / "collab.graphml", exp)
    credits = check_credits_networkx("generated credits.graphml", out / "credits.graphml", exp)
    check_credits_igraph("generated credits.graphml", out / "credits.graphml", exp)
    if collab is not None and credits is not None:
        check_attribute_types("generated", collab, credits)
    return exp


# ---------------------------------------------------------------------------------------------


def describe(exp):
    if exp is None:
        return "not checked"
    return (f"{exp.rows} rows, {len(exp.artists)} artists, {len(exp.projects)} projects, "
            f"{len(exp.credit_roles)} credits, {len(exp.weight)} collaborations")


def main():
    missing = [t for t in ("xmllint", "nop") if shutil.which(t) is None]
    if missing:
        print(f"test_roundtrip: missing tools {missing} (make deps installs them)", file=sys.stderr)
        return 1
    if not os.access(CREDGRAPH, os.X_OK):
        print(f"test_roundtrip: no credgraph binary at {CREDGRAPH} (make credgraph)",
              file=sys.stderr)
        return 1
    if not os.path.isfile(SCHEMA):
        print(f"test_roundtrip: no GraphML schema at {SCHEMA}", file=sys.stderr)
        return 1
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)

    try:
        seed = test_seed()
        generated = test_generated()
    except ValueError as e:  # the oracle cannot model its input: a bug in this script
        print(f"test_roundtrip: {e}", file=sys.stderr)
        return 1

    print(f"seed:      {describe(seed)}")
    print(f"generated: {describe(generated)} (random seed {SEED})")
    print(f"outputs in {OUT}")
    print(f"test_roundtrip: {n_checks} checks, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
