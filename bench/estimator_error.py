#!/usr/bin/python3
"""How far are credgraph's sampled path-metric estimates from the exact values?

credgraph computes betweenness, closeness and harmonic centrality exactly unless
vertices * edges of the collaboration network exceeds 1e9; above that it estimates them on the
largest component from k sampled sources (default 256, --samples N, --seed N). This program
measures the estimator against `--exact` through credgraph itself:

  1. It writes deterministic synthetic credits CSVs shaped like real archives (Zipf-like artist
     productivity, careers inside 1960-2020, genre clusters, team sizes around 4 with a long
     tail up to 30, types album/song/film/soundtrack) for about 2,000 and about 20,000
     artists, and prints the vertex and edge counts credgraph reports for each.
  2. For each graph it runs `credgraph rank --format csv --by betweenness --top 1000000000`
     with --exact, with default settings (256 sources, seed 1), with --samples 64 and 1024,
     with --seed 2 and 3 (spread between seeds) and, at ~20k, --samples 4096, timing each run
     (wall seconds of the whole command, plus one run without the path metrics as a baseline).
     It checks with `rank --format table --top 1` (same options) whether credgraph printed its
     "note: ... estimates ..." line, and separately whether any value differs from --exact,
     i.e. whether the estimator was actually used.
  3. Per metric it reports Kendall tau-b (estimate vs exact; betweenness over the artists with
     non-zero exact betweenness, harmonic and closeness over every artist with a value),
     top-100 overlap |top100(est) & top100(exact)| / 100, the median relative error
     |est - exact| / exact over the exact top 100 and the median est/exact ratio there (bias),
     once over all artists and once over the largest component only (the other components
     are always exact, and 2- or 3-artist components hold the highest closeness values, so
     the "all" closeness top 100 says little about the estimator). Values equal to 12
     significant digits count as ties. The table is printed and written to
     output/bench/estimator_error.csv.

The ~2,000-artist network is under the 1e9 threshold, so credgraph computes it exactly by
default (reported as such). To measure the estimator on it without touching the C code or the
threshold, a second variant of the same CSV adds isolated solo artists (one solo record each):
they raise the vertex count past the threshold but cannot change the largest component, so the
estimator runs on exactly the same collaborating artists. Betweenness and closeness of those
artists are unchanged by the padding and harmonic is scaled by the same constant (n-1 grows)
in the estimate and in the exact run, so the figures compare like with like; the padding
artists themselves are left out of every figure.

A last padded row asks for more samples (4096) than the largest component has artists: credgraph
then computes it exactly, and the row shows whether its note still claims estimates.

Run from anywhere:  /usr/bin/python3 bench/estimator_error.py  (about 5-9 minutes on 2 cores,
nearly all of it the two exact runs at ~20k; needs `make credgraph` first). Options: --quick
(the ~2k graphs only, under a minute), --keep (keep the generated CSVs and rank outputs in
output/bench/work), --selftest (check the Kendall tau-b implementation against an O(n^2)
reference and exit).
"""

import argparse
import bisect
import csv
import io
import math
import os
import random
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CREDGRAPH = os.path.join(ROOT, "credgraph")
OUT_DIR = os.path.join(ROOT, "output", "bench")
DATA_DIR = os.path.join(OUT_DIR, "data")
THRESHOLD = 1e9          # metrics.c: exact_work_limit
PAD_PREFIX = "Zz Solo Pad "
TOP = 100

# --------------------------------------------------------------------------------------------
# Synthetic credits


GIVEN = ("Aaron Ada Alba Alma Amos Ana Anders Ari Arlo Astrid Ayo Bea Ben Bess Bjorn Bo Bram Cal "
         "Cara Cass Cleo Cole Cy Dana Dax Del Dev Dina Dion Dora Eli Ella Emil Enzo Eva Ezra Fay "
         "Fela Finn Flo Gia Gil Gus Hal Hana Hugo Ida Ike Ines Ira Iris Ivo Jade Jai Jan Jo Joel "
         "Jules Kai Kari Kaz Kim Kit Lana Lars Lea Leo Lila Liv Lou Luca Lux Mae Mali Mara Max Mei "
         "Milo Mina Nadia Nell Nico Nina Noa Noor Obi Oda Ola Omar Orla Otto Paz Pia Pim Quin Rafa "
         "Ray Rei Remy Rhea Rio Rosa Roy Ruth Sade Sam Sami Sia Sol Suki Tal Tate Tess Theo Tia "
         "Toni Uma Una Val Vera Vic Wes Wren Xan Yara Yuri Zade Zara Zeke Zoe").split()
SURNAME = ("Abbott Acosta Adler Alvarez Amado Andersen Arce Baker Banks Barros Becker Bell Berg "
           "Blake Bose Brandt Brooks Bruno Cabral Caine Castro Chen Cho Cruz Dahl Dalton Diaz Dunn "
           "Duarte Eaton Ellis Engel Evans Falk Ferro Fields Fink Flores Ford Fox Frey Garcia Gill "
           "Gomez Grant Gray Haas Hale Hart Hayes Holt Horn Hughes Ibarra Ito Jansen Jones Kahn "
           "Kane Kato Keller Kim Klein Knox Koch Lang Lara Lee Lima Lind Long Lopez Lund Mann Marsh "
           "Mata Mendes Meyer Mills Moon Mora Moss Nagy Nash Neal Noble Nunez Ochoa Okafor Olsen "
           "Ortiz Osei Page Park Pena Pike Pratt Quinn Rama Reed Reis Rey Rios Roth Ruiz Saito "
           "Salas Sato Shaw Silva Snow Soto Stone Suzuki Tan Tate Toro Vance Vega Voss Wade Wolf "
           "Wong Xu Yang Yates Young Zhou").split()
WORDS = ("Blue Golden Night Summer Silver Electric Velvet Broken Quiet Wild Paper Neon Glass "
         "Midnight Crimson Hollow Distant Northern Lucky Secret River Heart Fire Road Dream Echo "
         "Shadow Light Garden Ocean Machine Letter Station Mirror Season Harbor Signal Thunder "
         "Window Kingdom Horizon Satellite Avenue Lantern Feather Carnival Desert Island").split()
ROLES_BY_TYPE = {
    "album": ["performer", "producer", "engineer", "mixing engineer", "songwriter", "session musician",
              "mastering engineer", "arranger"],
    "song": ["performer", "producer", "songwriter", "featured artist", "engineer", "mixing engineer"],
    "film": ["composer", "music supervisor", "performer", "orchestrator", "conductor", "music editor"],
    "soundtrack": ["composer", "performer", "producer", "songwriter", "music supervisor", "engineer"],
}
TYPES = ("album", "song", "film", "soundtrack")
TYPE_WEIGHTS = (0.46, 0.36, 0.09, 0.09)
GENRES = 14
YEAR_MIN, YEAR_MAX = 1960, 2020


def artist_names(n, rng):
    """n distinct "Given Surname" names (a numeric suffix only if the combinations run out)."""
    combos = [f"{g} {s}" for g in GIVEN for s in SURNAME]
    rng.shuffle(combos)
    names = combos[:n]
    k = 2
    while len(names) < n:
        names.extend(f"{c} {k}" for c in combos[: n - len(names)])
        k += 1
    return names


def team_size(rng, ptype):
    """Mostly 2-6 (median 4), a long tail up to 30; films and soundtracks run larger."""
    if rng.random() < (0.15 if ptype in ("film", "soundtrack") else 0.015):
        return 8 + int(23 * rng.random() ** 2.5)      # 8..30, mostly near 8-12
    return max(1, min(30, round(rng.lognormvariate(math.log(3.4), 0.45))))


def generate(path, pool, projects, seed, pad=0):
    """Write a credits CSV; returns the number of rows. Deterministic for (pool, projects, seed).

    Each artist has a genre, a career window inside 1960-2020 and a Zipf-like productivity
    weight (1/(rank+20), so a few artists carry hundreds of credits and most carry one or
    two). A project has a year, a genre and a type; its team is drawn by productivity from the
    artists active that year, 85% from its genre and 15% from any genre. `pad` solo artists,
    each on a solo record of their own, are appended (isolated vertices; see the module doc)."""
    rng = random.Random(seed)
    names = artist_names(pool, rng)
    weight = [1.0 / (r + 20) for r in range(pool)]
    rng.shuffle(weight)
    genre = [rng.randrange(GENRES) for _ in range(pool)]
    span = {}
    for a in range(pool):
        start = rng.randint(YEAR_MIN, YEAR_MAX - 1)
        # productive artists tend to have long careers
        length = int(min(45, 3 + rng.expovariate(1 / 8) + 2000 * weight[a]))
        span[a] = (start, min(YEAR_MAX, start + length))
    # active artists per (year, genre) and per year, with cumulative weights
    by_yg = {}
    by_y = {}
    for a in range(pool):
        for y in range(span[a][0], span[a][1] + 1):
            by_yg.setdefault((y, genre[a]), []).append(a)
            by_y.setdefault(y, []).append(a)

    def cum(members):
        out, t = [], 0.0
        for a in members:
            t += weight[a]
            out.append(t)
        return out

    cum_yg = {k: cum(v) for k, v in by_yg.items()}
    cum_y = {k: cum(v) for k, v in by_y.items()}

    def draw(members, cw):
        return members[bisect.bisect_left(cw, rng.random() * cw[-1])]

    rows = 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["artist", "project", "role", "year", "type"])
        for p in range(projects):
            # more releases in later decades
            year = YEAR_MIN + int((YEAR_MAX - YEAR_MIN + 1) * rng.random() ** 0.8)
            ptype = rng.choices(TYPES, TYPE_WEIGHTS)[0]
            g = rng.randrange(GENRES)
            size = team_size(rng, ptype)
            team = []
            tries = 0
            while len(team) < size and tries < 20 * size:
                tries += 1
                if rng.random() < 0.85 and (year, g) in by_yg:
                    a = draw(by_yg[(year, g)], cum_yg[(year, g)])
                else:
                    a = draw(by_y[year], cum_y[year])
                if a not in team:
                    team.append(a)
            title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {p + 1}"
            roles = ROLES_BY_TYPE[ptype]
            for i, a in enumerate(team):
                role = roles[0] if i == 0 else rng.choice(roles)
                w.writerow([names[a], title, role, year, ptype])
                rows += 1
        for i in range(pad):
            w.writerow([f"{PAD_PREFIX}{i + 1:06d}", f"Solo Record {i + 1:06d}", "performer",
                        YEAR_MIN + i % (YEAR_MAX - YEAR_MIN + 1), "album"])
            rows += 1
    return rows


# --------------------------------------------------------------------------------------------
# Kendall tau-b, Knight's O(n log n) algorithm


def _count_inversions(a):
    """Pairs i < j with a[i] > a[j] (ties are not inversions); sorts a in place. Bottom-up
    merge sort, O(n log n)."""
    n = len(a)
    buf = a[:]
    inv = 0
    width = 1
    src, dst = a, buf
    while width < n:
        for lo in range(0, n, 2 * width):
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i, j, k = lo, mid, lo
            while i < mid and j < hi:
                if src[j] < src[i]:
                    dst[k] = src[j]
                    inv += mid - i
                    j += 1
                else:
                    dst[k] = src[i]
                    i += 1
                k += 1
            if i < mid:
                dst[k:hi] = src[i:mid]
            elif j < hi:
                dst[k:hi] = src[j:hi]
        src, dst = dst, src
        width *= 2
    if src is not a:
        a[:] = src
    return inv


def _tied_pairs(sorted_values):
    total, run = 0, 1
    for i in range(1, len(sorted_values)):
        if sorted_values[i] == sorted_values[i - 1]:
            run += 1
        else:
            total += run * (run - 1) // 2
            run = 1
    return total + run * (run - 1) // 2


def kendall_tau_b(x, y):
    """Kendall's tau-b of two equal-length sequences (ties in either handled), O(n log n):
    (concordant - discordant) / sqrt((n0 - ties_x) (n0 - ties_y)). NaN when undefined."""
    n = len(x)
    if n != len(y):
        raise ValueError("lengths differ")
    if n < 2:
        return float("nan")
    pairs = sorted(zip(x, y))
    n0 = n * (n - 1) // 2
    n1 = _tied_pairs([p[0] for p in pairs])      # tied in x
    n3 = _tied_pairs(pairs)                      # tied in both (pairs sorted, so runs are adjacent)
    ys = [p[1] for p in pairs]
    swaps = _count_inversions(ys)                # ys is now sorted
    n2 = _tied_pairs(ys)                         # tied in y
    denom = (n0 - n1) * (n0 - n2)
    if denom == 0:
        return float("nan")
    return (n0 - n1 - n2 + n3 - 2 * swaps) / math.sqrt(denom)


def kendall_tau_b_slow(x, y):
    """O(n^2) reference for the self-test."""
    c = d = tx = ty = 0
    n = len(x)
    for i in range(n):
        for j in range(i + 1, n):
            sx = (x[i] > x[j]) - (x[i] < x[j])
            sy = (y[i] > y[j]) - (y[i] < y[j])
            if sx == 0 and sy == 0:
                continue
            if sx == 0:
                tx += 1
            elif sy == 0:
                ty += 1
            elif sx == sy:
                c += 1
            else:
                d += 1
    denom = (c + d + tx) * (c + d + ty)
    return (c - d) / math.sqrt(denom) if denom else float("nan")


def selftest():
    rng = random.Random(3)
    for trial in range(300):
        n = rng.randint(2, 60)
        levels = rng.choice([2, 3, 5, 1000])
        x = [rng.randrange(levels) for _ in range(n)]
        y = [v + rng.randrange(levels) if rng.random() < 0.7 else rng.randrange(levels) for v in x]
        a, b = kendall_tau_b(x, y), kendall_tau_b_slow(x, y)
        if not (math.isnan(a) and math.isnan(b)) and abs(a - b) > 1e-12:
            sys.exit(f"selftest: tau-b mismatch on trial {trial}: {a} vs {b}")
    assert kendall_tau_b([1, 2, 3, 4], [1, 2, 3, 4]) == 1.0
    assert kendall_tau_b([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0
    print("selftest: Kendall tau-b agrees with the O(n^2) reference on 300 random tied samples")


# --------------------------------------------------------------------------------------------
# Running credgraph


def run(args, capture=True):
    """Run credgraph; returns (stdout, wall seconds). Exits on failure."""
    t = time.perf_counter()
    p = subprocess.run([CREDGRAPH] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"credgraph {' '.join(args)} failed ({p.returncode}):\n{p.stderr}")
    return p.stdout, wall


def network_size(csv_path):
    """(artists, collaborations, largest component) as `credgraph stats` reports them."""
    out, _ = run(["stats", "-q", "--metrics", "degree", csv_path])
    v = e = giant = None
    for line in out.splitlines():
        words = line.split()
        if line.strip().startswith("artists") and len(words) >= 2 and words[1].isdigit():
            v = int(words[1])
        elif line.strip().startswith("collaborations"):
            e = int(words[1])
        elif line.strip().startswith("components"):
            giant = int(line.split("the largest has")[1].split()[0])
    if v is None or e is None:
        sys.exit(f"could not read the network size from credgraph stats:\n{out}")
    return v, e, giant


def components(csv_path, work):
    """{artist id: component number} from a GraphML export (component 1 is the largest)."""
    import xml.etree.ElementTree as ET
    path = os.path.join(work, "components.graphml")
    run(["export", "-q", "--graph", "collab", "--metrics", "component", "-o", path, csv_path])
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    comp = {}
    for node in ET.parse(path).getroot().iter(ns + "node"):
        for d in node.findall(ns + "data"):
            if d.get("key") == "v_component":
                comp[node.get("id")] = int(d.text)
    return comp


def rank_values(csv_text):
    """{id: {"name", "betweenness", "closeness", "harmonic"}} from `rank --format csv`; a missing
    value is None."""
    out = {}
    for row in csv.DictReader(io.StringIO(csv_text)):
        rec = {"name": row["name"]}
        for m in METRICS:
            rec[m] = float(row[m]) if row[m] != "" else None
        out[row["id"]] = rec
    return out


METRICS = ("betweenness", "harmonic", "closeness")


def credgraph_config(csv_path, opts, work, tag):
    """Time `rank --format csv` with opts; then ask `rank --format table --top 1` (same opts)
    for credgraph's note. Returns (values, seconds, note or "")."""
    text, wall = run(["rank", "-q", "--format", "csv", "--by", "betweenness", "--top", "1000000000"]
                     + opts + [csv_path])
    with open(os.path.join(work, f"rank_{tag}.csv"), "w", encoding="utf-8") as f:
        f.write(text)
    table, _ = run(["rank", "-q", "--format", "table", "--by", "betweenness", "--top", "1"] + opts + [csv_path])
    note = ""
    for line in table.splitlines():
        if line.startswith("note:"):
            note = line[len("note:"):].strip()
    return rank_values(text), wall, note


# --------------------------------------------------------------------------------------------
# Figures


def key12(x):
    """Values equal to 12 significant digits are ties (floating-point noise between equivalent
    artists is not a ranking)."""
    return float(f"{x:.12g}")


def top_ids(values, ids, k=TOP):
    """The k ids with the largest values, ties by id (deterministic)."""
    return [i for _, i in sorted(((-values[i], i) for i in ids))[:k]]


def figures(est, exact, metric, ids):
    """Kendall tau-b, top-100 overlap, median relative error and median est/exact ratio over
    the exact top 100, for the given ids (padding artists already left out)."""
    if metric == "betweenness":
        pool = [i for i in ids if exact[i][metric] is not None and exact[i][metric] > 0]
    else:
        pool = [i for i in ids if exact[i][metric] is not None]
    missing = [i for i in pool if est[i][metric] is None]
    pool = [i for i in pool if est[i][metric] is not None]
    xe = {i: exact[i][metric] for i in pool}
    xs = {i: est[i][metric] for i in pool}
    tau = kendall_tau_b([key12(xe[i]) for i in pool], [key12(xs[i]) for i in pool])
    # top 100 among every artist in scope with a value (zero betweenness included)
    scope_e = {i: exact[i][metric] for i in ids if exact[i][metric] is not None}
    scope_s = {i: est[i][metric] for i in ids if est[i][metric] is not None}
    te, ts = top_ids(scope_e, scope_e), top_ids(scope_s, scope_s)
    overlap = len(set(te) & set(ts)) / TOP
    rel = [abs(scope_s.get(i, 0.0) - scope_e[i]) / scope_e[i] for i in te if scope_e[i] > 0]
    ratio = [scope_s.get(i, 0.0) / scope_e[i] for i in te if scope_e[i] > 0]
    return {
        "n": len(pool),
        "missing": len(missing),
        "tau_b": tau,
        "top100_overlap": overlap,
        "median_rel_err_top100": statistics.median(rel) if rel else float("nan"),
        "median_ratio_top100": statistics.median(ratio) if ratio else float("nan"),
    }


def max_rel_diff(a, b, metric, ids, scale=1.0):
    worst = 0.0
    for i in ids:
        x, y = a[i][metric], b[i][metric]
        if x is None or y is None:
            if (x is None) != (y is None):
                return float("inf")
            continue
        y *= scale
        if x != y:
            worst = max(worst, abs(x - y) / max(abs(x), abs(y)))
    return worst


# --------------------------------------------------------------------------------------------
# The measurement

# name, artist pool, projects, generator seed, estimator configurations (label, options)
SMALL = ("~2k", 3600, 2000, 7)
LARGE = ("~20k", 48000, 25000, 7)
EST_CONFIGS = [
    ("k=256 default", [], 256, 1),
    ("k=64", ["--samples", "64"], 64, 1),
    ("k=1024", ["--samples", "1024"], 1024, 1),
    ("k=256 seed 2", ["--seed", "2"], 256, 2),
    ("k=256 seed 3", ["--seed", "3"], 256, 3),
]
LARGE_EXTRA = [("k=4096", ["--samples", "4096"], 4096, 1)]
# More samples than the padded ~2k network's largest component has artists: credgraph then
# computes it exactly, so this row shows whether its note still claims estimates.
PADDED_EXTRA = [("k=4096 (>comp)", ["--samples", "4096"], 4096, 1)]


def fmt(x, nd=4):
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        return f"{x:.{nd}f}"
    return str(x)


def measure_graph(label, csv_path, configs, work, rows, exclude_prefix=None, log=print):
    """Exact run, then each estimator configuration; appends figure rows. Returns the exact
    values and a summary dict."""
    v, e, giant = network_size(csv_path)
    comp = components(csv_path, work)
    log(f"\n== {label}: {v} artists, {e} collaborations, largest component {giant}; "
        f"V*E = {v * e:.3g} ({'over' if v * e > THRESHOLD else 'under'} the 1e9 threshold)")
    exact, t_exact, note_exact = credgraph_config(csv_path, ["--exact"], work, label + "_exact")
    log(f"   --exact: {t_exact:.2f} s wall{'; NOTE: ' + note_exact if note_exact else '; no note (exact)'}")
    _, t_base = run(["rank", "-q", "--format", "csv", "--by", "degree", "--top", "1000000000", "--metrics",
                     "degree,strength,eigenvector,pagerank,coreness,community,component", csv_path])
    log(f"   same command without the path metrics (--metrics all but betweenness, closeness, harmonic): "
        f"{t_base:.2f} s wall")
    ids_all = sorted(i for i in exact if not (exclude_prefix and exact[i]["name"].startswith(exclude_prefix)))
    ids_giant = [i for i in ids_all if comp.get(i) == 1]
    summary = {"artists": v, "edges": e, "giant": giant, "exact_seconds": t_exact, "exact_note": note_exact,
               "ids": ids_all, "runs": []}
    for cname, opts, k, seed in configs:
        est, t_est, note = credgraph_config(csv_path, opts, work, f"{label}_{cname}")
        if set(est) != set(exact):
            sys.exit(f"{label} {cname}: the estimate and the exact run list different artists")
        estimated = bool(note) and "estimate" in note
        differs = any(max_rel_diff(est, exact, m, ids_all) > 0 for m in METRICS)
        log(f"   {cname:14s} {' '.join(opts) or '(no options)':18s} {t_est:7.2f} s wall; "
            f"{'note: ' + note if estimated else 'no estimate note'}; values "
            f"{'differ from' if differs else 'IDENTICAL to'} --exact"
            f"{'' if estimated == differs else '  [!] the note does not match the values'}")
        summary["runs"].append((cname, estimated, t_est))
        for metric in METRICS:
            for scope, ids in (("all", ids_all), ("largest component", ids_giant)):
                f = figures(est, exact, metric, ids)
                rows.append({
                    "graph": label, "artists": v, "collaborations": e, "vertex_edge_product": v * e,
                    "largest_component": giant, "config": cname, "options": " ".join(opts),
                    "samples": k, "seed": seed, "estimated": "yes" if estimated else "no",
                    "values_differ_from_exact": "yes" if differs else "no", "note": note, "seconds": round(t_est, 3), "exact_seconds": round(t_exact, 3),
                    "metric": metric, "scope": scope, "n": f["n"], "missing_in_estimate": f["missing"],
                    "tau_b": round(f["tau_b"], 6), "top100_overlap": f["top100_overlap"],
                    "median_rel_err_top100": round(f["median_rel_err_top100"], 6),
                    "median_ratio_top100": round(f["median_ratio_top100"], 6),
                })
    return exact, summary


def print_table(rows, log=print):
    head = ("graph", "config", "note", "diff", "est s", "exact s", "metric", "n", "tau_b", "top100", "medRelErr",
            "medRatio", "| giant: n", "tau_b", "top100", "medRelErr", "medRatio")
    widths = (7, 14, 4, 4, 7, 7, 11, 6, 7, 6, 9, 8, 10, 7, 6, 9, 8)
    line = "  ".join(h.rjust(w) if i >= 4 else h.ljust(w) for i, (h, w) in enumerate(zip(head, widths)))
    log(line)
    log("-" * len(line))
    by = {}
    for r in rows:
        by.setdefault((r["graph"], r["config"], r["metric"]), {})[r["scope"]] = r
    for (g, c, m), s in by.items():
        a, b = s["all"], s["largest component"]
        cells = (g, c, a["estimated"], a["values_differ_from_exact"], fmt(a["seconds"], 2), fmt(a["exact_seconds"], 2), m, a["n"],
                 fmt(a["tau_b"]), fmt(a["top100_overlap"], 2), fmt(a["median_rel_err_top100"]),
                 fmt(a["median_ratio_top100"]), b["n"], fmt(b["tau_b"]), fmt(b["top100_overlap"], 2),
                 fmt(b["median_rel_err_top100"]), fmt(b["median_ratio_top100"]))
        log("  ".join(str(x).rjust(w) if i >= 4 else str(x).ljust(w) for i, (x, w) in enumerate(zip(cells, widths))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="the ~2k-artist graph only")
    ap.add_argument("--selftest", action="store_true", help="check Kendall tau-b and exit")
    ap.add_argument("--keep", action="store_true",
                    help="keep the generated CSVs and rank outputs in output/bench/work")
    args = ap.parse_args()
    selftest()
    if args.selftest:
        return
    if not os.access(CREDGRAPH, os.X_OK):
        sys.exit(f"{CREDGRAPH} not found: run `make credgraph` in {ROOT} first")
    started = time.perf_counter()
    os.makedirs(OUT_DIR, exist_ok=True)
    import tempfile
    tmp = None
    if args.keep:
        work = os.path.join(OUT_DIR, "work")
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="credgraph-bench-")
        work = tmp.name
    rows = []

    # ~2k artists: under the threshold, so the default is exact.
    name, pool, projects, seed = SMALL
    small_csv = os.path.join(work, "credits_2k.csv")
    n_rows = generate(small_csv, pool, projects, seed)
    print(f"generated {small_csv}: {n_rows} credit rows, {projects} projects, artist pool {pool}, seed {seed}")
    exact_small, s_small = measure_graph(name, small_csv, [("default", [], 256, 1)], work, rows)

    # The same ~2k network padded with isolated solo artists past the threshold, so that
    # credgraph itself estimates on it (see the module doc).
    v, e = s_small["artists"], s_small["edges"]
    pad = int(THRESHOLD / e) - v + 1000
    padded_csv = os.path.join(work, "credits_2k_padded.csv")
    n_rows = generate(padded_csv, pool, projects, seed, pad=pad)
    print(f"\ngenerated {padded_csv}: the ~2k CSV plus {pad} isolated solo artists ({n_rows} rows)")
    pname = name + "+pad"
    exact_pad, s_pad = measure_graph(pname, padded_csv, EST_CONFIGS + PADDED_EXTRA, work, rows, exclude_prefix=PAD_PREFIX)
    vp = s_pad["artists"]
    scale = (vp - 1) / (v - 1)
    checks = [max_rel_diff(exact_pad, exact_small, "betweenness", s_small["ids"]),
              max_rel_diff(exact_pad, exact_small, "closeness", s_small["ids"]),
              max_rel_diff(exact_pad, exact_small, "harmonic", s_small["ids"], scale=1 / scale)]
    print(f"   padding check (exact, padded vs plain, over the {len(s_small['ids'])} real artists): "
          f"max relative difference betweenness {checks[0]:.2g}, closeness {checks[1]:.2g}, "
          f"harmonic x (n-1)/(n'-1) {checks[2]:.2g}")

    if not args.quick:
        name, pool, projects, seed = LARGE
        large_csv = os.path.join(work, "credits_20k.csv")
        n_rows = generate(large_csv, pool, projects, seed)
        print(f"\ngenerated {large_csv}: {n_rows} credit rows, {projects} projects, artist pool {pool}, seed {seed}")
        measure_graph(name, large_csv, EST_CONFIGS + LARGE_EXTRA, work, rows)

    print("\nEstimate vs exact (betweenness: tau_b over artists with non-zero exact betweenness; "
          "harmonic, closeness: over every artist with a value;\n top100 = |top100(est) & top100(exact)|/100; "
          "medRelErr / medRatio = median |est-exact|/exact and est/exact over the exact top 100;\n"
          "'giant' = the same over the largest component only, where the estimator acts;\n"
          " note = credgraph printed its 'estimates from k sampled sources' note; diff = some value differs "
          "from --exact;\n est s / exact s = wall seconds of the whole `rank --format csv` command)\n")
    print_table(rows)

    out_csv = os.path.join(OUT_DIR, "estimator_error.csv")
    with open(out_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"\nwrote {out_csv} ({len(rows)} rows)")
    print(f"total run time {time.perf_counter() - started:.1f} s")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
