#!/usr/bin/python3
"""Oracle for credgraph's own PageRank (`--pagerank power`, the edge-list power iteration used
above a million collaborations): it must equal igraph's PRPACK within 1e-9 on every vertex.

The reference is python-igraph's Graph.pagerank (PRPACK, damping 0.85) on the very graph
credgraph wrote (GraphML read back by python-igraph), weighted and unweighted (--gephi), on:
  - the seed data (data/credits.csv), and the credits graph (artists and projects);
  - archive-shaped generated credits (bench/gen_credits.py, seed 3) of PAGERANK_ROWS rows
    (default 290000: about a million collaborations, with isolated artists and many components).
Also checks that `--pagerank prpack` is what python-igraph computes, and that the vertex
sums are 1.

Environment: CREDGRAPH, TESTOUT, RUN as for the other oracle tests; PAGERANK_ROWS.
Exit status 0 when every check passes, 1 otherwise.
"""
import os
import shlex
import subprocess
import sys
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


def compare(tag, csv_path, graph, gephi):
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
        print(f"{what}: largest difference {worst:.3g}", flush=True)


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
    print(f"{n_checks} checks, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
