#!/usr/bin/python3
"""The job `credgraph build --metrics degree,strength,pagerank` does, as a python-igraph user
would write it (Debian python3-igraph; csv module, no pandas):

    peer_igraph.py credits.csv -o outdir

  1. read the CSV (columns artist,project,role,year,type,source);
  2. identities: an artist is its name after NFC + casefold + whitespace collapse (like
     credgraph); the label is the most frequent spelling (first seen on a tie); a project is
     (title, year, type), the title and type compared like names;
  3. merge the roles of each (artist, project) pair (cells split on ; | /), so a pair with
     several roles or duplicate rows is one credit;
  4. bipartite artist-project graph -> projection onto artists with
     weight = number of shared projects (Graph.bipartite_projection, multiplicity=True);
  5. degree, strength (weighted) and weighted PageRank (damping 0.85);
  6. write collab.graphml and collab.dot with igraph's writers, and ranks.csv.

Prints `peer: <stage>: <seconds> s` lines on standard error, like credgraph -v.
"""
import time

T0 = time.perf_counter()
_last = [T0]

import argparse  # noqa: E402  (after T0: the imports are timed too)
import csv  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import unicodedata  # noqa: E402

import igraph as ig  # noqa: E402


def stage(name):
    now = time.perf_counter()
    print("peer: %s: %.3f s" % (name, now - _last[0]), file=sys.stderr)
    _last[0] = now


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    os.makedirs(a.output, exist_ok=True)
    stage("import igraph")

    nfc = unicodedata.normalize
    memo = {}

    def ident(s):
        k = memo.get(s)
        if k is None:
            k = memo[s] = " ".join(nfc("NFC", s).casefold().split())
        return k

    role_split = re.compile(r"[;|/]")
    artist_ix = {}        # identity -> artist index
    spellings = []        # per artist: {spelling: count} (insertion order = first seen)
    project_ix = {}       # (title identity, year, type identity) -> project index
    pairs = {}            # (artist, project) -> set of roles

    with open(a.csv, newline="", encoding="utf-8-sig") as f:
        rd = csv.reader(f)
        header = [h.strip().lower() for h in next(rd)]
        ca, cp, cr, cy, ct = (header.index(c) for c in ("artist", "project", "role", "year",
                                                         "type"))
        for row in rd:
            name, title = row[ca].strip(), row[cp].strip()
            if not name or not title:
                continue
            key = ident(name)
            ai = artist_ix.get(key)
            if ai is None:
                ai = artist_ix[key] = len(spellings)
                spellings.append({})
            sp = spellings[ai]
            sp[name] = sp.get(name, 0) + 1
            y = row[cy].strip()[:4]
            pkey = (ident(title), int(y) if y.isdigit() else None, ident(row[ct]))
            pi = project_ix.get(pkey)
            if pi is None:
                pi = project_ix[pkey] = len(project_ix)
            roles = pairs.get((ai, pi))
            if roles is None:
                roles = pairs[(ai, pi)] = set()
            for r in role_split.split(row[cr]):
                r = ident(r)
                if r:
                    roles.add(r)
            if not roles:
                roles.add("credited")
    stage("read and resolve identities")

    na, npj = len(spellings), len(project_ix)
    labels = [max(sp.items(), key=lambda kv: kv[1])[0] for sp in spellings]
    projects_per_artist = [0] * na
    edges = []
    for (ai, pi) in pairs:
        edges.append((ai, na + pi))
        projects_per_artist[ai] += 1
    g = ig.Graph(n=na + npj, edges=edges)
    g.vs["type"] = [False] * na + [True] * npj
    stage("build bipartite graph (%d artists, %d projects, %d credits)" % (na, npj, len(edges)))

    collab = g.bipartite_projection(types="type", multiplicity=True, which=0)
    del g
    del collab.vs["type"]
    collab.vs["name"] = labels
    collab.vs["projects"] = projects_per_artist
    stage("projection (%d collaborations)" % collab.ecount())

    collab.vs["degree"] = collab.degree()
    stage("degree")
    collab.vs["strength"] = collab.strength(weights="weight")
    stage("strength")
    collab.vs["pagerank"] = collab.pagerank(weights="weight", damping=0.85)
    stage("pagerank")

    collab.write_graphml(os.path.join(a.output, "collab.graphml"))
    stage("write collab.graphml")
    collab.write_dot(os.path.join(a.output, "collab.dot"))
    stage("write collab.dot")

    pr, deg, st = collab.vs["pagerank"], collab.vs["degree"], collab.vs["strength"]
    order = sorted(range(na), key=lambda v: (-pr[v], v))
    with open(os.path.join(a.output, "ranks.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["rank", "artist", "projects", "degree", "strength", "pagerank"])
        for rank, v in enumerate(order, 1):
            w.writerow([rank, labels[v], projects_per_artist[v], deg[v], st[v],
                        "%.9g" % pr[v]])
    stage("write ranks.csv")
    print("peer: artists %d, projects %d, credits %d, collaborations %d"
          % (na, npj, len(pairs), collab.ecount()), file=sys.stderr)


if __name__ == "__main__":
    main()
