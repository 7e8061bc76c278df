#!/usr/bin/python3
"""Oracle for credgraph's own PageRank (`--pagerank power`, the edge-list power iteration used
above a million collaborations): it must equal igraph's PRPACK within 1e-9 on every vertex.

The reference is python-igraph's Graph.pagerank (PRPACK, damping 0.85) on the very graph
credgraph wrote (GraphML read back by python-igraph), weighted and unweighted (--gephi), on:
  - the seed data (data/credits.csv), and the credits graph (artists and projects);
  - archive-shaped generated credits (bench/gen_credits.py, seed 3) of PAGERANK_ROWS rows
    (default 290000: about a million collaborations, with isolated artists and many components);
  - a network made here of one component of about 5,000 artists and thousands of small ones
    (chains of three, stars, pairs, artists alone), where the small components converge
    after the large one: they are solved on their own, so besides the absolute difference
    each of their ranks must be within 1e-9 of python-igraph's relative to its value.
Also checks that `--pagerank prpack` is what python-igraph computes, and that the vertex
sums are 1.

Environment: CREDGRAPH, TESTOUT, RUN as for the other oracle tests; PAGERANK_ROWS.
Exit status 0 when every check passes, 1 otherwise.
"""
import csv
import os
import random
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

try:
    import igraph
except ImportError as e:
    sys.exit(f"test_pagerank: {e}; run with the python that has python3-igraph (/usr/bin/python3)")

ROOT = Path(__file__).resolve().parent.parent.parent
CREDGRAPH = os.environ.get("CREDGRAPH") or str(ROOT / "build" / "credgraph")
TESTOUT = Path(os.environ.get("TESTOUT") or ROOT / "tests" / "out" / "standalone")
RUN = shlex.split(os.environ.get("RUN", ""))
OUT = TESTOUT / "oracle_pagerank"
ROWS = int(os.environ.get("PAGERANK_ROWS", "290000"))
TOL = 1e-9
REL_TOL = 1e-9

failures = []
n_checks = 0


def check(cond, msg):
    global n_checks
    n_checks += 1
    if not cond:
        failures.append(msg)
        print("FAIL: " + msg, flush=True)


def export(csv_path, graph, solver, gephi, out):
    cmd = RUN + [CREDGRAPH, "export", "-q", "--graph", graph, "--format", "graphml", "--layout", "none",
                 "--metrics", "pagerank", "--pagerank", solver, str(csv_path), "-o", str(out)]
    if graph == "collab":
        cmd[cmd.index("--layout"):cmd.index("--layout")] = ["--edge-data", "none"]
    if gephi:
        cmd.insert(cmd.index("--metrics"), "--gephi")
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"test_pagerank: {' '.join(cmd)} exited {r.returncode}: {r.stderr}")
    return igraph.Graph.Read_GraphML(str(out))


def compare(tag, csv_path, graph, gephi, relative=False):
    weighted = graph == "collab" and not gephi
    for solver in ("power", "prpack"):
        g = export(csv_path, graph, solver, gephi, OUT / f"{tag}-{graph}-{solver}-{int(gephi)}.graphml")
        ours = g.vs["pagerank"]
        ref = g.pagerank(weights="weight" if weighted else None, damping=0.85, directed=False)
        worst = max((abs(a - b) for a, b in zip(ours, ref)), default=0.0)
        what = f"{tag} {graph} graph ({g.vcount()} vertices, {g.ecount()} edges), " \
               f"{'weighted' if weighted else 'unweighted'}, --pagerank {solver}"
        check(worst <= TOL, f"{what}: largest difference from python-igraph {worst:.3g} > {TOL}")
        check(abs(sum(ours) - 1) <= 1e-9, f"{what}: ranks sum to {sum(ours)!r}")
        line = f"{what}: largest difference {worst:.3g}"
        if relative:
            # The components solved on their own (at most 4,096 artists): each is iterated until
            # it moves by 1e-12 times its share, so its ranks are close relative to their size too.
            membership = g.connected_components().membership
            size = Counter(membership)
            small = [v for v in range(g.vcount()) if size[membership[v]] <= 4096]
            check(len(small) > g.vcount() / 2, f"{what}: only {len(small)} artists in small components")
            worst_rel = max(abs(ours[v] - ref[v]) / ref[v] for v in small)
            check(worst_rel <= REL_TOL,
                  f"{what}: largest relative difference in the small components {worst_rel:.3g} > {REL_TOL}")
            line += f", relative in the small components {worst_rel:.3g}"
        print(line, flush=True)


def many_components(path):
    """Credits whose collaboration network has one component of about 5,000 artists (3,000
    projects of 5 drawn from them) and, apart from it, 5,000 chains of three artists (two
    projects of two), 2,000 stars (a centre and 4 others, a project each), 1,000 pairs and
    1,000 artists alone. Fixed seed."""
    rnd = random.Random(5)
    rows = []
    for p in range(3000):
        for a in rnd.sample(range(5000), 5):
            rows.append((f"Giant {a}", f"Big project {p}"))
    for c in range(5000):
        rows += [(f"Chain {c} start", f"Chain project {c} a"), (f"Chain {c} middle", f"Chain project {c} a"),
                 (f"Chain {c} middle", f"Chain project {c} b"), (f"Chain {c} end", f"Chain project {c} b")]
    for c in range(2000):
        for k in range(4):
            rows += [(f"Star {c} centre", f"Star project {c} {k}"), (f"Star {c} point {k}", f"Star project {c} {k}")]
    for c in range(1000):
        rows += [(f"Pair {c} one", f"Pair project {c}"), (f"Pair {c} two", f"Pair project {c}")]
        rows.append((f"Alone {c}", f"Solo project {c}"))
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["artist", "project", "role", "year", "type", "source"])
        for artist, project in rows:
            w.writerow([artist, project, "performer", 2000, "album", "test"])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    seed = ROOT / "data" / "credits.csv"
    for graph in ("collab", "credits"):
        for gephi in (False, True):
            if graph == "credits" and gephi:
                continue  # the credits graph's PageRank is unweighted already
            compare("seed", seed, graph, gephi)
    generated = OUT / f"credits_{ROWS}.csv"
    if not generated.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "gen_credits.py"), "--rows", str(ROWS),
                        "--seed", "3", "-o", str(generated)], check=True)
    compare("generated", generated, "collab", False)
    compare("generated", generated, "collab", True)
    compare("generated", generated, "credits", False)
    components = OUT / "many_components.csv"
    many_components(components)
    compare("many-components", components, "collab", False, relative=True)
    compare("many-components", components, "collab", True, relative=True)
    print(f"{n_checks} checks, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
