"""Every format credgraph writes for the seed data, read back by the clients people use.

GraphML: NetworkX and python-igraph. GEXF 1.3: NetworkX (its reader knows GEXF up to 1.2draft,
so the 1.3 namespaces are registered here; the files are otherwise read as they are). JSON
(graphology) and Cytoscape.js: Python's json module, checked against the graph's shape. DOT:
Graphviz renders it with sfdp and with dot to SVG. Gephi tables and Neo4j import tables: the csv
module. Each must show the same vertices (ids and labels), edges and weights as the GraphML,
which test_roundtrip.py checks against the CSV itself.

Environment: CREDGRAPH (binary), TESTOUT (scratch directory), RUN (optional command prefix).
"""
import csv
import json
import os
import shlex
import subprocess
import sys

import igraph
import networkx as nx
from networkx.readwrite import gexf as nx_gexf

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CREDGRAPH = os.environ.get("CREDGRAPH", os.path.join(ROOT, "build", "credgraph"))
OUT = os.path.join(os.environ.get("TESTOUT", "/tmp"), "clients")
RUN = shlex.split(os.environ.get("RUN", ""))
DATA = os.path.join(ROOT, "data")

checks = 0
failures = []


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def credgraph(*args):
    p = subprocess.run(RUN + [CREDGRAPH, *args], capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stderr)
        sys.exit("credgraph %s failed with exit %d" % (" ".join(args), p.returncode))


def reference(graph):
    """Vertices (id -> label), edges (frozenset of ids -> weight) from our GraphML via NetworkX."""
    g = nx.read_graphml(os.path.join(OUT, graph + ".graphml"))
    labels = {v: d["label"] for v, d in g.nodes(data=True)}
    edges = {frozenset((a, b)): d.get("weight", 1.0) for a, b, d in g.edges(data=True)}
    return labels, edges


def same(name, labels, edges, ref):
    ref_labels, ref_edges = ref
    check(labels == ref_labels, "%s: vertices and labels differ from the GraphML" % name)
    check(set(edges) == set(ref_edges), "%s: edges differ from the GraphML" % name)
    check(all(abs(edges[e] - ref_edges[e]) < 1e-12 for e in set(edges) & set(ref_edges)),
          "%s: weights differ from the GraphML" % name)


def read_gexf(path):
    nx_gexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }
    return nx.read_gexf(path, version="1.3")


def main():
    os.makedirs(OUT, exist_ok=True)
    credgraph("build", "-q", "--formats", "graphml,dot,gexf,json,cyjs", "--artists", os.path.join(DATA, "artists.csv"),
              "--projects", os.path.join(DATA, "projects.csv"), os.path.join(DATA, "credits.csv"), "-o", OUT)
    for graph in ("collab", "credits"):
        ref = reference(graph)
        weighted = graph == "collab"

        g = igraph.Graph.Read_GraphML(os.path.join(OUT, graph + ".graphml"))
        ids = g.vs["id"]
        same("python-igraph " + graph + ".graphml", dict(zip(ids, g.vs["label"])),
             {frozenset((ids[e.source], ids[e.target])): (e["weight"] if weighted else 1.0) for e in g.es},
             ref if weighted else (ref[0], {k: 1.0 for k in ref[1]}))

        x = read_gexf(os.path.join(OUT, graph + ".gexf"))
        same("NetworkX " + graph + ".gexf", {v: d["label"] for v, d in x.nodes(data=True)},
             {frozenset((a, b)): d["weight"] for a, b, d in x.edges(data=True)}, ref)
        check(all("viz" in d and "position" in d["viz"] for _, d in x.nodes(data=True)),
              "%s.gexf: every node has viz:position" % graph)

        j = json.load(open(os.path.join(OUT, graph + ".json")))
        check(j["options"]["type"] == "undirected" and j["options"]["multi"] is False,
              "%s.json: undirected, not multi" % graph)
        same("graphology " + graph + ".json", {n["key"]: n["attributes"]["label"] for n in j["nodes"]},
             {frozenset((e["source"], e["target"])): e["attributes"].get("weight", 1.0) for e in j["edges"]}, ref)

        c = json.load(open(os.path.join(OUT, graph + ".cyjs")))
        els = c["elements"]
        same("Cytoscape.js " + graph + ".cyjs", {n["data"]["id"]: n["data"]["label"] for n in els["nodes"]},
             {frozenset((e["data"]["source"], e["data"]["target"])): e["data"].get("weight", 1.0) for e in els["edges"]},
             ref)

        for engine in ("sfdp", "dot"):
            svg = os.path.join(OUT, "%s.%s.svg" % (graph, engine))
            p = subprocess.run([engine, "-Tsvg", os.path.join(OUT, graph + ".dot"), "-o", svg], capture_output=True,
                               text=True, timeout=120)
            check(p.returncode == 0 and not p.stderr.strip(), "%s renders %s.dot: %s" % (engine, graph, p.stderr))
            if p.returncode == 0:
                text = open(svg, encoding="utf-8").read()
                check(text.count('class="node"') == len(ref[0]), "%s SVG of %s has every vertex" % (engine, graph))
                check(text.count('class="edge"') == len(ref[1]), "%s SVG of %s has every edge" % (engine, graph))

        tables = os.path.join(OUT, graph + "-tables")
        credgraph("export", "-q", "--graph", graph, "--format", "tables", "-o", tables, os.path.join(DATA, "credits.csv"))
        nodes = list(csv.DictReader(open(os.path.join(tables, "nodes.csv"), encoding="utf-8")))
        edges = list(csv.DictReader(open(os.path.join(tables, "edges.csv"), encoding="utf-8")))
        same("Gephi tables " + graph, {r["Id"]: r["Label"] for r in nodes},
             {frozenset((r["Source"], r["Target"])): float(r["Weight"]) for r in edges}, ref)

    neo = os.path.join(OUT, "neo4j")
    credgraph("export", "-q", "--format", "neo4j", "-o", neo, os.path.join(DATA, "credits.csv"))
    credits_ref, collab_ref = reference("credits"), reference("collab")
    artists = list(csv.DictReader(open(os.path.join(neo, "artists.csv"), encoding="utf-8")))
    projects = list(csv.DictReader(open(os.path.join(neo, "projects.csv"), encoding="utf-8")))
    credited = list(csv.DictReader(open(os.path.join(neo, "credited_on.csv"), encoding="utf-8")))
    collab = list(csv.DictReader(open(os.path.join(neo, "collaborated_with.csv"), encoding="utf-8")))
    check({r["id:ID(Artist)"]: r["name"] for r in artists} | {r["id:ID(Project)"]: r["name"] for r in projects}
          == credits_ref[0], "Neo4j nodes are the credits graph's vertices")
    check({frozenset((r[":START_ID(Artist)"], r[":END_ID(Project)"])) for r in credited} == set(credits_ref[1]),
          "Neo4j CREDITED_ON rows are the credits graph's edges")
    check({frozenset((r[":START_ID(Artist)"], r[":END_ID(Artist)"])): float(r["weight:double"]) for r in collab}
          == collab_ref[1], "Neo4j COLLABORATED_WITH rows are the collaborations, with their weights")
    check(all(r[":TYPE"] == "CREDITED_ON" for r in credited) and all(r[":LABEL"] == "Artist" for r in artists),
          "Neo4j types and labels")

    print("test_clients: %d checks, %d failed" % (checks, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
